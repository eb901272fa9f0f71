package org.cometsim.offload;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.offload.wire.Message.Interrupt;

/**
 * {@code Thread.interrupt} across the endpoints (comet-reference §7: COMET's {@code INTERRUPT} is
 * "a push, retrying until it lands").
 *
 * <p>The phone interrupts a thread that runs on the server by pushing first, so that everything
 * the interrupting thread wrote happens-before the interrupted thread sees the interrupt (the
 * JMM's interrupt rule), then sending {@link Interrupt} with the thread's id. The phone keeps the
 * flag on its own copy of the thread too, which is what its {@code isInterrupted} answers while
 * the thread is away; the thread's own status comes back with it when it returns (its image) or
 * ends ({@code Ended.interrupted}).
 *
 * <p>The server answers every {@link Interrupt} with an {@link Interrupt} of the same thread. If
 * the thread is there it delivers it first, as a local interrupt would: the flag is set and a
 * thread in {@code sleep}, {@code wait} or {@code join} wakes with {@code InterruptedException}.
 * If it is not (it left for the phone, or ended, while the interrupt was in flight) it only
 * answers, and the phone delivers it.
 *
 * <h2>No chase</h2>
 * COMET's "retry until it lands" can chase a thread that moves faster than the message (under
 * {@code pingpong:1} it did, forever: sent again to the server each time the answer found the
 * thread gone again). Instead the phone counts the interrupts it sent whose answer has not come
 * back, and delivers them itself when the thread arrives (its {@code Move}, or its
 * {@code Ended}) while any is outstanding. That is exact because the link keeps order: an
 * interrupt the server delivered was answered before the thread left the server, so its answer
 * arrives before the thread does; one that finds the thread gone arrives at the server before any
 * later move of the thread there (the phone sent the interrupt first), so the server can no longer
 * deliver it, and the phone must. Each interrupt is delivered exactly once, on one endpoint.
 *
 * <h2>Failures</h2>
 * A thread on the server when the link fails resumes on the phone from its checkpoint, the stack
 * of the last push that carried it. An interrupt the server delivered after that push is not in
 * it, so the phone delivers it again: by the same order argument, an answer that arrives after
 * the thread's latest checkpoint (and is not the answer of one the phone delivered itself on the
 * thread's arrival) is such an interrupt; so is one still outstanding. Several of them are
 * delivered as one (the flag is a flag): a thread that consumed one interrupt there and then
 * received another sees one after recovery, the rare case this does not restore.
 */
final class RemoteInterrupts {
    private final OffloadEndpoint endpoint;
    /** Phone: interrupts sent whose answer has not arrived, by canonical thread id. */
    private final Map<Integer, Integer> outstanding = new HashMap<>();
    /** Phone: answers still to come of interrupts it delivered itself when the thread arrived, by thread. */
    private final Map<Integer, Integer> deliveredOnArrival = new HashMap<>();
    /** Phone: threads the server delivered an interrupt to after their latest checkpoint was taken. */
    private final Set<Integer> sinceCheckpoint = new HashSet<>();

    RemoteInterrupts(OffloadEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The phone's scheduler: {@code target} runs on the server (its flag is already set here). */
    void interruptRemote(GuestThread target) {
        long now = endpoint.vm().scheduler().now();
        int id = endpoint.canonicalId(target);
        endpoint.pushNow(); // the interrupter's writes happen-before the interrupt is seen
        endpoint.send(new Interrupt(id), now, 0);
        outstanding.merge(id, 1, Integer::sum);
        endpoint.metrics().interruptsSent++;
        endpoint.metrics().event(now, endpoint.name(), "interrupt_sent", "\"thread\":" + id);
    }

    /** An {@link Interrupt} arrived: the server delivers it if the thread is there, and answers; the phone takes the answer. */
    void received(Interrupt i, long now) {
        if (endpoint.role() == Role.PHONE) {
            Integer n = outstanding.get(i.threadId());
            if (n == null) {
                throw new org.cometsim.offload.wire.ProtocolException("an answer to no interrupt of thread " + i.threadId());
            }
            if (n == 1) {
                outstanding.remove(i.threadId());
            } else {
                outstanding.put(i.threadId(), n - 1);
            }
            Integer own = deliveredOnArrival.get(i.threadId());
            if (own != null) {
                if (own == 1) {
                    deliveredOnArrival.remove(i.threadId());
                } else {
                    deliveredOnArrival.put(i.threadId(), own - 1);
                }
            } else {
                sinceCheckpoint.add(i.threadId()); // delivered there, after the checkpoint the phone holds
            }
            return;
        }
        GuestThread t = endpoint.threadByCanonical(i.threadId());
        if (t != null && t.top != null && t.state != ThreadState.TERMINATED) {
            endpoint.vm().scheduler().advanceClockTo(now);
            endpoint.vm().scheduler().interrupt(t);
            deliveredHere(i.threadId(), now);
            endpoint.poke();
        } else {
            // On its way to the phone, or its end is: the phone delivers it when it arrives.
            endpoint.metrics().event(now, endpoint.name(), "interrupt_missed", "\"thread\":" + i.threadId());
        }
        endpoint.send(new Interrupt(i.threadId()), now, 0);
    }

    /**
     * Phone: thread {@code t} arrived from the server (adopted, or ended there): interrupts sent
     * to it that the server has not answered did not reach it there (see the class), so they are
     * delivered here; a thread that ended keeps the flag, as the JDK's does.
     */
    void arrived(GuestThread t, long now) {
        int id = endpoint.canonicalId(t);
        Integer n = outstanding.get(id);
        if (n == null) {
            return;
        }
        deliveredOnArrival.merge(id, n, Integer::sum);
        if (t.state == ThreadState.TERMINATED) {
            t.interrupted = true;
        } else {
            endpoint.vm().scheduler().interrupt(t);
        }
        deliveredHere(id, now);
    }

    /** Phone: the recovery checkpoint of thread {@code id} was replaced or dropped. */
    void checkpointChanged(int id) {
        sinceCheckpoint.remove(id);
    }

    /**
     * Phone, after a failure: thread {@code t} resumed from its checkpoint; interrupts that did
     * not reach it there before that checkpoint are delivered here (see the class).
     */
    void recovered(GuestThread t, long now) {
        int id = endpoint.canonicalId(t);
        boolean owed = sinceCheckpoint.remove(id) | outstanding.containsKey(id);
        if (owed) {
            endpoint.vm().scheduler().interrupt(t);
            deliveredHere(id, now);
        }
    }

    /** The phone lost the connection: answers will not come (recovered threads got theirs from {@link #recovered}). */
    void connectionLost() {
        outstanding.clear();
        deliveredOnArrival.clear();
        sinceCheckpoint.clear();
    }

    private void deliveredHere(int id, long now) {
        endpoint.metrics().interruptsDelivered++;
        endpoint.metrics().event(now, endpoint.name(), "interrupt_delivered", "\"thread\":" + id);
    }

    /** Thread natives the server answers about a thread that runs there (see {@link #serverMayRun}). */
    static final Set<String> ABOUT_A_THREAD = Set.of("isInterrupted", "interrupt");

    /**
     * The server's native gate for {@code Thread.isInterrupted} and {@code interrupt}: run here
     * when the receiver is a thread running here ({@code interrupt}: only the caller itself, which
     * needs no message); otherwise the caller goes to the phone, which knows every thread.
     */
    static boolean serverMayRun(GuestThread caller, VmMethod m, Object[] args) {
        if (args.length == 0 || !(args[0] instanceof GuestObject threadObject)) {
            return false;
        }
        if (m.name.equals("interrupt")) {
            return threadObject == caller.threadObject;
        }
        return threadObject.vmData instanceof GuestThread target && target.top != null
                && target.state != ThreadState.TERMINATED;
    }
}
