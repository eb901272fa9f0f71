package org.cometsim.testbed;

import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.CpuTimeModel;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.offload.EndpointDriver;

/**
 * A VM driven by the wall clock: the testbed's counterpart of the simulator's
 * {@code SimulatedEndpoint}. One host thread ({@link #run}) runs the VM's scheduler in slices;
 * guest threads are still scheduled by the VM, never by host threads.
 *
 * <h2>The loop</h2>
 * <ol>
 *   <li>Tasks whose time has come run first, one by one, between slices: arrivals from the
 *       {@link TcpTransport}'s reader (handed to {@code OffloadEndpoint.receive} at their arrival
 *       time, or at the VM's time if a slice already ran past it), a lost connection, a
 *       reconnection made on another thread, timers ({@link #submit}).</li>
 *   <li>If the scheduler has a slice to dispatch by now, the driver advances the VM's clock to
 *       now and runs slices up to now + {@link #QUANTUM_NANOS} (a slice crossing it stops at its
 *       next safepoint), then the after-step hook (locks to grant).</li>
 *   <li>Otherwise it sleeps until the earlier of the next dispatch time (a ready thread, a timer,
 *       a core that becomes free) and the next task, or until an arrival wakes it.</li>
 * </ol>
 *
 * <h2>Pacing</h2>
 * {@link Pacing#PACED}: the VM's CPU model prices every slice as in the simulator, so its clock
 * moves by the model's time, usually faster than the host executes (a 2012 phone on a modern
 * host). The driver never lets the VM's clock run ahead of the wall clock: the next slice is
 * dispatched no earlier than its time on the wall, so the VM runs at its model's speed; if the
 * host is slower than the model, the VM's clock falls behind and is moved up to the wall (the
 * lost time shows as idle). {@link Pacing#UNPACED}: slices are priced by the wall time they take
 * ({@link WallTimeModel}), so the VM runs at this host's speed and its clock is the wall clock.
 * Times are nanoseconds since the driver's epoch ({@link #clockNanos}).
 */
public final class WallClockDriver implements EndpointDriver, Runnable {
    /** Most VM time one call of {@code runUntil} may cover before tasks are looked at again. */
    public static final long QUANTUM_NANOS = 1_000_000L;

    /** How the VM's clock relates to the wall clock (see the class). */
    public enum Pacing { PACED, UNPACED }

    private final Vm vm;
    private final Pacing pacing;
    private final Scheduler scheduler;
    private final long epochWall;
    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long taskSeq;
    private volatile boolean stopped;
    private long taskNow = -1;
    private Scheduler.Progress last;
    private RuntimeException failure;
    private Runnable afterStep = () -> { };
    private Consumer<WallClockDriver> onFinished;
    private ArrivalHandler arrivals = (t, b) -> { };
    private ClosedHandler closedHandler = (t, why) -> { };
    private Runnable idleCheck = () -> { };
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
            .getThreadMXBean();
    /** The thread running {@link #run}, its wall and CPU clocks at the start, time it slept since, once it ended. */
    private volatile long runThreadId = -1;
    private volatile long runStartWall;
    private volatile long runStartCpu;
    private volatile long waitedNanos;
    private volatile long stolenAtEnd = -1;

    /** Receives a transport's frames on the driver's thread. */
    public interface ArrivalHandler {
        void arrived(TcpTransport from, byte[] frame);
    }

    /** Hears on the driver's thread that a transport's connection ended. */
    public interface ClosedHandler {
        void closed(TcpTransport from, String reason);
    }

    private record Task(long at, long seq, Runnable r) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /**
     * @param epochWall the {@code System.nanoTime()} that is time 0 of the VM's clock
     * @param cpu the VM's CPU model (PACED), or its core count is used by a {@link WallTimeModel} (UNPACED)
     */
    public WallClockDriver(String name, Vm vm, Pacing pacing, CpuTimeModel cpu, long epochWall,
                           Scheduler.SliceListener listener) {
        this.pacing = pacing;
        this.name = name;
        this.vm = vm;
        this.scheduler = vm.scheduler();
        this.epochWall = epochWall;
        scheduler.setTimeModel(pacing == Pacing.PACED ? cpu : new WallTimeModel(cpu.cores(), this::clockNanos), listener);
    }

    /** The wall clock in the VM's time base: nanoseconds since the epoch. */
    public long clockNanos() {
        return System.nanoTime() - epochWall;
    }

    @Override
    public long nowNanos() {
        long t = clockNanos();
        return taskNow >= 0 ? Math.max(taskNow, t) : t;
    }

    /** Tasks run on the driver's thread: nothing to schedule, the loop looks again. */
    @Override
    public void poke() {
        signal();
    }

    public Vm vm() {
        return vm;
    }

    public Pacing pacing() {
        return pacing;
    }

    public String name() {
        return name;
    }

    public void afterStep(Runnable r) {
        this.afterStep = r;
    }

    /**
     * Called the first time a step finds no non-daemon thread alive. Null (a server): the driver
     * keeps waiting for arrivals; otherwise the handler runs and the loop ends.
     */
    public void onFinished(Consumer<WallClockDriver> handler) {
        this.onFinished = handler;
    }

    public void onArrival(ArrivalHandler h) {
        this.arrivals = h;
    }

    public void onClosed(ClosedHandler h) {
        this.closedHandler = h;
    }

    /** Runs on the driver's thread at every turn of the loop (limits, watchdogs). */
    public void everyTurn(Runnable r) {
        this.idleCheck = r;
    }

    /** Runs {@code r} on the driver's thread at {@code atNanos} on its clock (between slices). */
    public void submit(long atNanos, Runnable r) {
        lock.lock();
        try {
            tasks.add(new Task(atNanos, taskSeq++, r));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A transport's reader: a frame arrived at {@code atNanos}. */
    void arrived(TcpTransport from, byte[] frame, long atNanos) {
        submit(atNanos, () -> {
            from.delivered(frame.length);
            arrivals.arrived(from, frame);
        });
    }

    /** A transport's connection ended. */
    void closed(TcpTransport from, String reason) {
        submit(clockNanos(), () -> closedHandler.closed(from, reason));
    }

    /** Ends the loop (from any thread). */
    public void stop() {
        stopped = true;
        signal();
    }

    public boolean stopped() {
        return stopped;
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Why the last step returned (null before the first). */
    public Scheduler.Progress progress() {
        return last;
    }

    public boolean finished() {
        return last == Scheduler.Progress.FINISHED;
    }

    /** What stopped the VM (a guest exit, a deadlock, a protocol error), or null. */
    public RuntimeException failure() {
        return failure;
    }

    /**
     * Wall time this driver's thread was neither sleeping nor on a CPU since {@link #run} started:
     * other processes' share of the host's cores (and the JVM's pauses), which an unpaced VM's
     * clock counts as its own time. {@code comet validate} takes it out of the measured time
     * (a load-independent figure to compare with a preset calibrated by thread CPU time). 0 if the
     * host cannot measure thread CPU time.
     */
    public long stolenNanos() {
        if (stolenAtEnd >= 0) {
            return stolenAtEnd;
        }
        long id = runThreadId;
        if (id < 0 || !THREADS.isThreadCpuTimeSupported()) {
            return 0;
        }
        long cpu = THREADS.getThreadCpuTime(id);
        if (cpu < 0) {
            return 0;
        }
        return Math.max(0, System.nanoTime() - runStartWall - waitedNanos - (cpu - runStartCpu));
    }

    @Override
    public void run() {
        runStartWall = System.nanoTime();
        runStartCpu = THREADS.isThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
        runThreadId = Thread.currentThread().getId();
        try {
            loop();
        } finally {
            stolenAtEnd = stolenNanos();
        }
    }

    private void loop() {
        boolean finishedReported = false;
        while (!stopped) {
            Task t = nextDueTask();
            if (t != null) {
                long at = Math.max(t.at, scheduler.now());
                scheduler.advanceClockTo(at);
                taskNow = at;
                try {
                    t.r.run();
                } catch (RuntimeException e) {
                    failure = e;
                    stopped = true;
                    break;
                } finally {
                    taskNow = -1;
                }
                continue;
            }
            try {
                idleCheck.run();
            } catch (RuntimeException e) {
                failure = e; // a limit crossed: the owner ends the session
                break;
            }
            if (stopped) {
                break;
            }
            long now = clockNanos();
            long next = scheduler.nextDispatchNanos();
            if (next <= now) {
                scheduler.advanceClockTo(now);
                try {
                    last = scheduler.runUntil(now + QUANTUM_NANOS);
                } catch (RuntimeException e) {
                    // A guest exit, a deadlock or an unsupported API: the owner decides.
                    failure = e;
                    break;
                }
                afterStep.run();
                if (last == Scheduler.Progress.FINISHED && onFinished != null && !finishedReported) {
                    finishedReported = true;
                    // The last slice may have ended ahead of the wall (paced): the program ends at its time, not before.
                    sleepUntil(scheduler.simulatedEnd());
                    onFinished.accept(this);
                    break;
                }
                continue;
            }
            await(next);
        }
        stopped = true;
    }

    private void sleepUntil(long vmNanos) {
        long wait;
        long start = System.nanoTime();
        while ((wait = vmNanos - clockNanos()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(wait);
        }
        waitedNanos += System.nanoTime() - start;
    }

    private Task nextDueTask() {
        lock.lock();
        try {
            Task t = tasks.peek();
            if (t != null && t.at <= clockNanos()) {
                return tasks.poll();
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps until {@code nextDispatch} (VM time), the next task's time, an arrival or a poke; at most 50 ms. */
    private void await(long nextDispatch) {
        lock.lock();
        try {
            Task t = tasks.peek();
            long until = Math.min(nextDispatch, t == null ? Long.MAX_VALUE : t.at);
            long wait = Math.min(until - clockNanos(), 50_000_000L);
            if (wait > 0 && !stopped) {
                long start = System.nanoTime();
                changed.awaitNanos(wait);
                waitedNanos += System.nanoTime() - start;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * UNPACED's CPU model: a slice costs the wall time it took, measured from its start on the
     * driver's clock, so the VM's clock is the wall clock.
     */
    static final class WallTimeModel implements CpuTimeModel {
        private final int cores;
        private final java.util.function.LongSupplier clock;
        private long sliceStart;

        WallTimeModel(int cores, java.util.function.LongSupplier clock) {
            this.cores = cores;
            this.clock = clock;
        }

        @Override
        public int cores() {
            return cores;
        }

        @Override
        public void sliceStarting(long startNanos) {
            sliceStart = startNanos;
        }

        @Override
        public long sliceNanos(long[] opCountDelta, long[] hostCallsByCost, long[] hostElementsByCost) {
            return Math.max(0, clock.getAsLong() - sliceStart);
        }
    }

    @Override
    public String toString() {
        return "WallClockDriver[" + name + "]";
    }
}
