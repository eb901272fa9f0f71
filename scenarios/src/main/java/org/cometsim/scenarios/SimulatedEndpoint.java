package org.cometsim.scenarios;

import java.util.Objects;
import java.util.function.Consumer;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.offload.EndpointDriver;
import org.cometsim.sim.Event;
import org.cometsim.sim.Simulation;

/**
 * A VM as an actor of a {@link Simulation}: its guest threads run on its CPU model's cores in
 * steps the event loop schedules, interleaved deterministically with every other event (the other
 * endpoint's steps, message deliveries, timers).
 *
 * <h2>How a step works</h2>
 * An {@link EndpointStep} event fires at the time the VM's scheduler next wants to dispatch a
 * slice. The step tells the scheduler the simulation's time, then runs every slice dispatched
 * before the step's horizon ({@link Scheduler#runUntil}) and schedules the next step at the
 * scheduler's next dispatch time. The horizon is the earliest of
 * <ul>
 *   <li>now + the lookahead: the least time in which anything outside the VM can affect it (a
 *       link's minimum one-way latency between two endpoints, conservative parallel simulation's
 *       rule, see {@code shared/docs/cosimulation.md}); unbounded for a VM alone;</li>
 *   <li>the next pending event later than now (a message delivery to this VM, say), so it is
 *       handled before guest code runs past it.</li>
 * </ul>
 * A slice that crosses the horizon ends at its next safepoint slow path, so slice boundaries,
 * and hence every result, depend only on simulated time and instruction counts: the event trace
 * is the same under {@code --jit on|off|eager} and on every host.
 *
 * <p>Steps fire at priority {@link #STEP_PRIORITY}, after deliveries (priority 0) at the same
 * instant, so a message that arrives at time T is seen by a slice dispatched at T.
 *
 * <h2>Outside events</h2>
 * A native that waits for the other endpoint blocks its thread with
 * {@link Scheduler#blockExternally}; whoever handles the reply calls {@link #wake} at delivery
 * time, which makes the thread ready then and (re)schedules the step.
 */
public final class SimulatedEndpoint implements EndpointDriver {
    /** Steps fire after every other event at the same instant (message deliveries are priority 0). */
    public static final int STEP_PRIORITY = 10;

    private final String name;
    private final Vm vm;
    private final Simulation sim;
    private final long lookaheadNanos;
    private final Scheduler scheduler;
    private long pendingHandle = -1;
    private long pendingAt = Long.MAX_VALUE;
    private Scheduler.Progress last;
    private Consumer<SimulatedEndpoint> onFinished = e -> { };
    private Runnable afterStep = () -> { };
    private boolean finishedReported;
    private RuntimeException failure;
    private long steps;
    private boolean stopped;

    /**
     * @param lookaheadNanos how far the VM may run past the current time without hearing from
     *     outside ({@code Long.MAX_VALUE}: nothing outside can affect it)
     */
    public SimulatedEndpoint(String name, Vm vm, Simulation sim, long lookaheadNanos) {
        if (lookaheadNanos <= 0) {
            throw new IllegalArgumentException("lookahead must be positive (a zero-latency link needs a positive bound)");
        }
        this.name = Objects.requireNonNull(name);
        this.vm = Objects.requireNonNull(vm);
        this.sim = Objects.requireNonNull(sim);
        this.lookaheadNanos = lookaheadNanos;
        this.scheduler = vm.scheduler();
    }

    /** The event of one step; its trace payload is the endpoint's name. */
    public record EndpointStep(SimulatedEndpoint endpoint) implements Event {
        @Override
        public void fire(Simulation s) {
            endpoint.step();
        }

        @Override
        public String tracePayload() {
            return endpoint.name;
        }
    }

    public String name() {
        return name;
    }

    public Vm vm() {
        return vm;
    }

    /** Called once, the first time a step finds no non-daemon thread alive. */
    public void onFinished(Consumer<SimulatedEndpoint> handler) {
        this.onFinished = Objects.requireNonNull(handler);
    }

    /** Runs after every step (the offload runtime's bookkeeping between slices). */
    public void afterStep(Runnable r) {
        this.afterStep = r;
    }

    @Override
    public long nowNanos() {
        return sim.now();
    }

    /** Something outside guest code made a thread runnable: schedule a step for it. */
    @Override
    public void poke() {
        reschedule();
    }

    /**
     * Stops this endpoint for good (an offload server whose connection failed): no more steps;
     * its threads stay where they are, never to run again.
     */
    public void stop() {
        stopped = true;
        if (pendingHandle >= 0) {
            sim.cancel(pendingHandle);
            pendingHandle = -1;
            pendingAt = Long.MAX_VALUE;
        }
    }

    /** Schedules the first step (after the program's threads were started). */
    public void start() {
        reschedule();
    }

    /** The program ended (no non-daemon thread alive). */
    public boolean finished() {
        return last == Scheduler.Progress.FINISHED;
    }

    /** Why the last step returned (null before the first). */
    public Scheduler.Progress progress() {
        return last;
    }

    /** The error that stopped the VM (a guest {@code System.exit}, a deadlock, an unsupported API), or null. */
    public RuntimeException failure() {
        return failure;
    }

    /** Steps run so far. */
    public long steps() {
        return steps;
    }

    /** Wakes a thread blocked by {@link Scheduler#blockExternally}: ready now (simulated time). */
    public void wake(GuestThread t) {
        scheduler.advanceClockTo(sim.now());
        scheduler.wakeExternal(t, sim.now());
        reschedule();
    }

    private void step() {
        if (stopped) {
            return;
        }
        pendingHandle = -1;
        pendingAt = Long.MAX_VALUE;
        steps++;
        long now = sim.now();
        scheduler.advanceClockTo(now);
        long horizon = lookaheadNanos == Long.MAX_VALUE ? Long.MAX_VALUE : saturatedAdd(now, lookaheadNanos);
        long next = sim.nextEventNanos();
        if (next > now && next < horizon) {
            horizon = next;
        }
        try {
            last = scheduler.runUntil(horizon);
        } catch (RuntimeException e) {
            // VmExit, a deadlock or an unsupported API: the endpoint stops; the run's owner decides.
            failure = e;
            sim.stop();
            return;
        }
        afterStep.run();
        if (last == Scheduler.Progress.FINISHED && !finishedReported) {
            // No non-daemon thread is alive here. For a program's only VM that is its end; an
            // offload server is merely idle until a thread arrives (poke reschedules it).
            finishedReported = true;
            onFinished.accept(this);
            return;
        }
        reschedule();
    }

    /** Puts the next step at the scheduler's next dispatch time (none if nothing is ready or timed). */
    private void reschedule() {
        if (stopped) {
            return;
        }
        long at = scheduler.nextDispatchNanos();
        if (at == Long.MAX_VALUE) {
            return; // every thread waits for an outside event: wake() reschedules
        }
        at = Math.max(at, sim.now());
        if (pendingHandle >= 0) {
            if (pendingAt <= at) {
                return;
            }
            sim.cancel(pendingHandle);
        }
        pendingAt = at;
        pendingHandle = sim.scheduleAtNanos(at, STEP_PRIORITY, new EndpointStep(this));
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < a ? Long.MAX_VALUE : r;
    }

    @Override
    public String toString() {
        return "SimulatedEndpoint[" + name + "]";
    }
}
