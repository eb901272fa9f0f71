package org.cometsim.offload;

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
 * <p>The server delivers it as a local interrupt would: the flag is set and a thread in
 * {@code sleep}, {@code wait} or {@code join} wakes with {@code InterruptedException}. A thread
 * that is no longer there (it left for the phone, or ended, while the interrupt was in flight)
 * gets it back: the server returns the {@link Interrupt} to the phone, which has the thread by
 * then (messages arrive in order) and delivers it there, or sends it again if the thread has left
 * once more.
 *
 * <p>Only the phone sends interrupts of other threads: on the server, {@code interrupt()} of
 * another thread and {@code isInterrupted()} of a thread that is not there send the calling
 * thread home first (the server's native gate); a thread interrupting itself, or asking about a
 * thread that runs on the server, is answered there.
 */
final class RemoteInterrupts {
    private final OffloadEndpoint endpoint;

    RemoteInterrupts(OffloadEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The phone's scheduler: {@code target} runs on the server (its flag is already set here). */
    void interruptRemote(GuestThread target) {
        long now = endpoint.vm().scheduler().now();
        int id = endpoint.canonicalId(target);
        endpoint.pushNow(); // the interrupter's writes happen-before the interrupt is seen
        endpoint.send(new Interrupt(id), now, 0);
        endpoint.metrics().interruptsSent++;
        endpoint.metrics().event(now, endpoint.name(), "interrupt_sent", "\"thread\":" + id);
    }

    /** An {@link Interrupt} arrived: deliver it to the thread if it is here, else send it where the thread went. */
    void received(Interrupt i, long now) {
        GuestThread t = endpoint.threadByCanonical(i.threadId());
        endpoint.vm().scheduler().advanceClockTo(now);
        if (endpoint.role() == Role.PHONE) {
            // Returned by the server: the thread came back (or ended) meanwhile, or left again.
            if (t == null) {
                throw new org.cometsim.offload.wire.ProtocolException("an interrupt for unknown thread " + i.threadId());
            }
            boolean away = endpoint.vm().scheduler().remoteThreads().contains(t);
            if (t.state == ThreadState.TERMINATED) {
                t.interrupted = true; // the JDK keeps the flag on a dead thread too
            } else {
                endpoint.vm().scheduler().interrupt(t); // here: delivered; away again: sent again
            }
            if (away) {
                return;
            }
        } else if (t != null && t.top != null && t.state != ThreadState.TERMINATED) {
            endpoint.vm().scheduler().interrupt(t);
        } else {
            // On its way to the phone, or its end is: the phone delivers it (messages arrive in order).
            endpoint.send(new Interrupt(i.threadId()), now, 0);
            endpoint.metrics().event(now, endpoint.name(), "interrupt_returned", "\"thread\":" + i.threadId());
            return;
        }
        endpoint.metrics().interruptsDelivered++;
        endpoint.metrics().event(now, endpoint.name(), "interrupt_delivered", "\"thread\":" + i.threadId());
        endpoint.poke();
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
