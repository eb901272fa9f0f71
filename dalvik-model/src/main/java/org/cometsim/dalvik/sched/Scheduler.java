package org.cometsim.dalvik.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import org.cometsim.dalvik.hooks.MethodEvents;
import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.rt.CpuTimeModel;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;

/**
 * One VM's green-thread scheduler on its simulated cores. All guest threads of a VM run on the
 * host thread that drives it, one slice at a time; where and when each slice runs in simulated
 * time follows one rule, so the result depends only on instruction counts and the CPU model,
 * never on host timing or {@code --jit}.
 *
 * <h2>The rule</h2>
 * <ol>
 *   <li>Runnable threads wait in one ready queue ordered by (ready time, enqueue sequence): FIFO
 *       among threads ready at the same instant, in the order the scheduler learnt of them. A
 *       preempted thread is re-queued at the end of its slice, behind every thread already ready
 *       by then (round robin).</li>
 *   <li>The head is dispatched at D = max(its ready time, the earliest time a core is free), on
 *       the lowest-numbered core free at D. Timed waits (sleep, {@code wait(ms)}, {@code join(ms)})
 *       expire into the queue at their wake time before any dispatch later than it.</li>
 *   <li>A slice runs until the thread blocks, ends, stops for migration, or reaches a safepoint
 *       slow path (every {@code safepointInterval} safepoints) at which another thread is ready
 *       by the slice's current time, a timed wait has expired, or the time passed the horizon
 *       the driver gave. Its length is the CPU model's price of the instructions and host calls
 *       counted in it ({@link CpuTimeModel}; without a model, 1 ns per instruction on one core).</li>
 *   <li>A thread woken by another becomes ready at the waker's current time; woken from outside
 *       (a message, see {@link #wakeExternal}), at the time the driver says.</li>
 * </ol>
 * Dispatch times never decrease, so the slices form a valid timeline and a discrete-event
 * driver can interleave them with other events ({@link #runUntil}). Threads still execute one at
 * a time on the host, so cross-thread timing on several cores is list scheduling: exact for
 * independent threads and for one core, an approximation where threads share data within a
 * slice.
 *
 * <h2>Driving</h2>
 * {@link #runUntil}(horizon) runs every slice dispatched before the horizon and says when the VM
 * next wants to run; {@link #runToCompletion} runs until no non-daemon thread is alive and
 * reports a deadlock instead of hanging. Neither knows of any simulator: a discrete-event actor
 * (module scenarios) or a wall-clock driver (the testbed) calls them.
 */
public final class Scheduler {
    public static final int PHASE_NONE = 0;
    public static final int PHASE_WAITING = 1;
    public static final int PHASE_WOKEN = 2;
    public static final int PHASE_TIMED_OUT = 3;
    public static final int PHASE_INTERRUPTED = 4;

    /** Why {@link #runUntil} returned. */
    public enum Progress {
        /** A thread is ready, or will be at {@link #nextDispatchNanos()}, at or after the horizon. */
        HORIZON,
        /** Every live thread waits for something from outside the VM; nothing is ready or timed. */
        WAITING_EXTERNAL,
        /** No non-daemon thread is alive: the program is over. */
        FINISHED
    }

    private final ThreadRunner runner;
    private final IntSupplier safepointInterval;
    private final VmClock clock;
    private org.cometsim.dalvik.rt.GuestExceptions exceptions;
    private Consumer<GuestThread> onTerminated = t -> { };
    private Consumer<GuestThread> migrationHandler;
    private Consumer<GuestThread> remoteInterruptHandler;
    /** For the method-entry event of a thread's first frame ({@link #start}). */
    private OffloadHooks hooks;

    private final List<GuestThread> threads = new ArrayList<>();
    /** Threads not yet terminated, in creation order (what timers and wake-ups scan). */
    private final List<GuestThread> live = new ArrayList<>();
    /** Threads running on the other endpoint (detached, alive there). */
    private final List<GuestThread> remote = new ArrayList<>();
    private Consumer<GuestThread> endListener = t -> { };
    /** Whether "nothing can run" is a deadlock here, or may end from outside (an offload endpoint). */
    private boolean detectDeadlocks = true;
    /** Runnable threads not running: sorted by (readyAt, readySeq). */
    private final List<GuestThread> ready = new ArrayList<>();
    private long readySeq;
    private int nextAnonymousNumber;

    private CpuTimeModel timeModel = UNIT_TIME;
    private SliceListener sliceListener;
    private long[] coreFreeAt = new long[1];

    /**
     * The running slice, or null between slices. A thread blocked inside a host callback closes
     * its slice and gets a new one when its nested loop resumes it, so slices never nest.
     */
    private Slice slice;
    /** Simulated time outside slices: the driver's clock ({@link #advanceClockTo}); nothing is dispatched before it. */
    private long driverNow;
    /** Time no core was busy (idle jumps), told to the guest clock. */
    private long idleSkipped;
    private long executed;
    /** The end of the latest slice on any core. */
    private long latestEnd;
    private long horizon = Long.MAX_VALUE;
    private boolean shuttingDown;

    /** Without a CPU model: one nanosecond per instruction, host calls free, one core. */
    public static final CpuTimeModel UNIT_TIME = new CpuTimeModel() {
        @Override
        public int cores() {
            return 1;
        }

        @Override
        public long sliceNanos(long[] opCountDelta, long[] hostCallsByCost, long[] hostElementsByCost) {
            long n = 0;
            for (long c : opCountDelta) {
                n += c;
            }
            return n;
        }
    };

    /** Told about every slice: which thread ran on which core from when to when (simulated ns). */
    public interface SliceListener {
        void slice(GuestThread t, int core, long startNanos, long endNanos);
    }

    /** One running slice's bookkeeping: where it runs and the counters at its start. */
    private static final class Slice {
        final GuestThread thread;
        final int core;
        final long start;
        final long[] startCounts = new long[256];
        final long[] startHostCalls = new long[HostCost.COUNT];
        final long[] startHostElements = new long[HostCost.COUNT];
        final long startInstructions;

        Slice(GuestThread thread, int core, long start) {
            this.thread = thread;
            this.core = core;
            this.start = start;
            this.startInstructions = thread.totalInstructions();
            System.arraycopy(thread.opCounts, 0, startCounts, 0, 256);
            System.arraycopy(thread.hostCallsByCost, 0, startHostCalls, 0, HostCost.COUNT);
            System.arraycopy(thread.hostElementsByCost, 0, startHostElements, 0, HostCost.COUNT);
        }
    }

    private final long[] deltaScratch = new long[256];
    private final long[] hostCallScratch = new long[HostCost.COUNT];
    private final long[] hostElementScratch = new long[HostCost.COUNT];

    /**
     * @param runner runs a thread for a slice (the interpreter)
     * @param safepointInterval safepoints between slow paths (read when a thread is created)
     * @param clock the guest clock, told about idle jumps when it reads host time
     */
    public Scheduler(ThreadRunner runner, IntSupplier safepointInterval, VmClock clock) {
        this.runner = runner;
        this.safepointInterval = safepointInterval;
        this.clock = clock;
    }

    /** Where guest exceptions (IllegalStateException of a hook registered twice ...) come from. */
    public void setExceptions(org.cometsim.dalvik.rt.GuestExceptions ex) {
        this.exceptions = ex;
    }

    /**
     * Called when a thread ends with an uncaught exception, in its last slice (the report, or the
     * guest's uncaught-exception handler, runs on the dying thread as in the JVM).
     */
    public void setTerminationHandler(Consumer<GuestThread> h) {
        this.onTerminated = h;
    }

    /** The VM's offload hooks: a started thread's first frame is a method entry ({@link MethodEvents}). */
    public void setHooks(OffloadHooks hooks) {
        this.hooks = hooks;
    }

    /** Hook for the offload runtime when a thread stops with {@link ThreadRunner#MIGRATE}. */
    public void setMigrationHandler(Consumer<GuestThread> h) {
        this.migrationHandler = h;
    }

    /**
     * Runs guest threads on {@code model.cores()} simulated cores priced by {@code model}
     * ({@link #UNIT_TIME} if none is set). Set before any thread runs.
     */
    public void setTimeModel(CpuTimeModel model, SliceListener listener) {
        this.timeModel = model;
        this.sliceListener = listener;
        this.coreFreeAt = new long[model.cores()];
    }

    public CpuTimeModel timeModel() {
        return timeModel;
    }

    // ------------------------------------------------------------------ threads

    public GuestThread current() {
        return slice == null ? null : slice.thread;
    }

    /** Every thread ever created, in creation order (per-thread counters for reports). */
    public List<GuestThread> threads() {
        return threads;
    }

    /** Number for the next default thread name ({@code Thread-N}), as the JDK counts them. */
    public int nextAnonymousThreadNumber() {
        return nextAnonymousNumber++;
    }

    /** Registers a new thread (state NEW) whose guest Thread object is {@code threadObject}. */
    public GuestThread newThread(String name, GuestObject threadObject) {
        GuestThread t = new GuestThread(threads.size() + 1, name, threads.size());
        t.threadObject = threadObject;
        t.safepointBudget = safepointInterval.getAsInt();
        threads.add(t);
        return t;
    }

    /** Makes a NEW (or frameless) thread runnable now with {@code first} as its initial frame. */
    public void start(GuestThread t, Frame first) {
        t.top = first;
        if (!live.contains(t)) {
            live.add(t);
        }
        makeReady(t, now());
        MethodEvents ev = hooks == null ? null : hooks.methodEvents();
        if (ev != null) {
            ev.enter(t, first.method);
        }
    }

    /**
     * Gives {@code t} (a thread of this VM that has frames, e.g. one rebuilt from a migration) to
     * the scheduler as runnable at {@code atNanos}.
     */
    public void adopt(GuestThread t, long atNanos) {
        remote.remove(t);
        if (!live.contains(t)) {
            live.add(t);
        }
        makeReady(t, Math.max(atNanos, now()));
    }

    /**
     * Gives {@code t} (a thread of this VM rebuilt in a wait: sleeping, or in {@code Object.wait}
     * with its monitor's wait set already holding it) to the scheduler as alive but not runnable:
     * a notify, an interrupt or its timeout wakes it as any waiting thread.
     */
    public void adoptWaiting(GuestThread t) {
        remote.remove(t);
        if (!live.contains(t)) {
            live.add(t);
        }
    }

    /**
     * Takes {@code t} out of scheduling without ending it (its frames leave with a migration):
     * it is neither runnable nor counted as alive, nor woken by a class initialisation it waited
     * for, until {@link #adopt}ed again.
     */
    public void detach(GuestThread t) {
        ready.remove(t);
        t.queued = false;
        live.remove(t);
        initWaiters.removeIf(w -> w[0] == t);
    }

    /**
     * {@code t} (detached) runs on the other endpoint now: it counts as alive here (the program
     * does not end while a non-daemon thread runs remotely), and a VM whose other threads all wait
     * is waiting for the other endpoint, not deadlocked. {@link #adopt} or {@link #terminate} ends this.
     */
    public void markRemote(GuestThread t) {
        if (!remote.contains(t)) {
            remote.add(t);
        }
    }

    /** Threads running on the other endpoint ({@link #markRemote}). */
    public List<GuestThread> remoteThreads() {
        return remote;
    }

    /**
     * Off for a VM whose blocked threads another VM can wake (an offload endpoint: a notify, a
     * lock, a thread coming back): {@link #runUntil} then reports {@link Progress#WAITING_EXTERNAL}
     * and the driver, which sees both VMs, decides whether the whole program is deadlocked
     * ({@link #describeThreads}).
     */
    public void setDeadlockDetection(boolean on) {
        this.detectDeadlocks = on;
    }

    /** What every live thread is doing, as the deadlock report says it (for a driver's own report). */
    public String describeThreads() {
        // The report is its heading alone (no ';') when no thread is left to describe: a VM whose
        // threads all ended or left, as an offload endpoint's often are.
        String heading = "deadlock: no guest thread can run";
        String threads = deadlockReport().substring(heading.length());
        return threads.isEmpty() ? "no live threads" : threads.substring(1).trim();
    }

    /** Told when a thread interrupts one that runs on the other endpoint (an offload runtime delivers it). */
    public void setRemoteInterruptHandler(Consumer<GuestThread> h) {
        this.remoteInterruptHandler = h;
    }

    /** Told about every thread that ends here (after its joiners are woken). */
    public void setEndListener(Consumer<GuestThread> l) {
        this.endListener = l;
    }

    // ------------------------------------------------------------------ time

    /**
     * Simulated time in nanoseconds: inside a slice, its start plus the CPU model's price of what
     * it has executed so far; between slices, the driver's time or the end of the latest slice,
     * whichever is later (when a thread started from outside can run).
     */
    public long now() {
        Slice s = slice;
        if (s == null) {
            return Math.max(driverNow, latestEnd);
        }
        GuestThread t = s.thread;
        long[] delta = deltaScratch; // now() runs at every safepoint slow path: no allocation
        long[] counts = t.opCounts;
        long[] start = s.startCounts;
        for (int op = 0; op < 256; op++) {
            delta[op] = counts[op] - start[op];
        }
        for (int c = 0; c < HostCost.COUNT; c++) {
            hostCallScratch[c] = t.hostCallsByCost[c] - s.startHostCalls[c];
            hostElementScratch[c] = t.hostElementsByCost[c] - s.startHostElements[c];
        }
        return s.start + timeModel.sliceNanos(delta, hostCallScratch, hostElementScratch);
    }

    /** Simulated completion time: when the last core became idle. */
    public long simulatedEnd() {
        long end = driverNow;
        for (long f : coreFreeAt) {
            end = Math.max(end, f);
        }
        return end;
    }

    /** Instructions executed by all threads, including the running slice (instruction limits). */
    public long executedSoFar() {
        Slice s = slice;
        return s == null ? executed : executed + s.thread.totalInstructions() - s.startInstructions;
    }

    /** Idle time skipped so far (no thread ready, a timed wait pending). */
    public long idleSkippedNanos() {
        return idleSkipped;
    }

    /** When the next slice would be dispatched, or {@code Long.MAX_VALUE} if nothing is ready or timed. */
    public long nextDispatchNanos() {
        long earliestFree = earliestFree();
        GuestThread head = firstDispatchable(null);
        long d = head == null ? Long.MAX_VALUE : Math.max(head.readyAt, earliestFree);
        long timer = earliestTimer();
        if (timer != Long.MAX_VALUE) {
            d = Math.min(d, Math.max(timer, earliestFree));
        }
        return d;
    }

    /**
     * Tells the scheduler the driver's clock has reached {@code nowNanos} (between slices): wake-ups
     * from outside are stamped with it, and nothing is dispatched before it.
     */
    public void advanceClockTo(long nowNanos) {
        if (slice != null) {
            throw new IllegalStateException("the clock is driven by the running slice");
        }
        if (nowNanos > driverNow) {
            driverNow = nowNanos;
        }
    }

    // ------------------------------------------------------------------ driving

    /**
     * Runs every slice dispatched before {@code horizonNanos} (slices already running stop at
     * their first safepoint slow path past it) and returns why it stopped.
     *
     * @throws VmError with a deadlock report if no thread can ever run again while a non-daemon
     *     thread is alive and none waits for something outside the VM
     */
    public Progress runUntil(long horizonNanos) {
        if (slice != null) {
            throw new IllegalStateException("runUntil called from inside a slice");
        }
        long saved = horizon;
        horizon = horizonNanos;
        try {
            while (true) {
                if (!anyLiveNonDaemon()) {
                    return Progress.FINISHED;
                }
                long d = nextDispatchNanos();
                if (d == Long.MAX_VALUE) {
                    if (anyExternalWait()) {
                        return Progress.WAITING_EXTERNAL;
                    }
                    throw new VmError(deadlockReport());
                }
                if (d >= horizonNanos) {
                    return Progress.HORIZON;
                }
                dispatchNext(null);
            }
        } finally {
            horizon = saved;
        }
    }

    /**
     * Opens a slice for {@code t} from host code (an entry point such as a static call made by a
     * tool or test): threads ready before it run first, then {@code t} is current until
     * {@link #leave}. {@code t} must have no other slice open.
     */
    public void enter(GuestThread t) {
        if (slice != null) {
            throw new IllegalStateException("enter(" + t.name + ") inside " + slice.thread.name + "'s slice");
        }
        if (!live.contains(t)) {
            live.add(t);
        }
        if (!t.queued) {
            makeReady(t, now());
        }
        while (true) {
            GuestThread ran = dispatchNext(t);
            if (ran == t) {
                return;
            }
            if (ran == null) {
                throw new VmError(deadlockReport());
            }
        }
    }

    /**
     * Closes the slice {@link #enter} opened. A thread left without frames (its entry call
     * returned) is no longer scheduled; one still runnable with frames goes back in the queue.
     */
    public void leave(GuestThread t) {
        if (slice == null || slice.thread != t) {
            throw new IllegalStateException("leave(" + t.name + ") without its slice");
        }
        closeSlice(slice);
        if (t.top == null) {
            live.remove(t);
        } else if (t.state == ThreadState.RUNNABLE) {
            makeReady(t, t.readyAt);
        }
    }

    /**
     * Runs every thread until each of {@code threads} has ended (the shutdown hooks: other
     * threads keep running meanwhile, as in the JVM, which halts them afterwards).
     *
     * @throws VmError with a deadlock report if one of them can never end
     */
    public void runUntilEnded(List<GuestThread> threads) {
        while (true) {
            boolean alive = false;
            for (GuestThread t : threads) {
                alive |= t.state != ThreadState.TERMINATED;
            }
            if (!alive) {
                return;
            }
            if (dispatchNext(null) == null) {
                throw new VmError(deadlockReport());
            }
        }
    }

    /** The JVM's shutdown has begun: a thread that calls {@code exit} from now on blocks for good. */
    public void beginShutdown() {
        shuttingDown = true;
    }

    /**
     * A thread whose host stack an exit unwound (the caller of {@code exit}, and any thread whose
     * host callback it ran inside) never runs again: in the JVM the caller waits in
     * {@code Shutdown} until the VM halts, and its frames here still sit at the call. It stays
     * alive, keeps its monitors, and nothing can wake it. Its state is the JVM's: the first caller
     * joins the hooks (WAITING), a caller while they run waits for the shutdown lock (BLOCKED).
     */
    public void stopForExit(GuestThread t) {
        if (t.blockedOn != null) {
            t.blockedOn.waitSet.remove(t);
        }
        initWaiters.removeIf(w -> w[0] == t);
        ready.remove(t);
        t.queued = false;
        t.blockedOn = null;
        t.joining = null;
        t.wakeAt = Long.MAX_VALUE;
        t.externalWait = null;
        t.blockPhase = PHASE_NONE;
        t.state = shuttingDown ? ThreadState.BLOCKED : ThreadState.WAITING;
    }

    /** Runs until no non-daemon thread is alive (or a deadlock is reported). */
    public void runToCompletion() {
        Progress p = runUntil(Long.MAX_VALUE);
        if (p == Progress.WAITING_EXTERNAL) {
            throw new VmError(deadlockReport());
        }
    }

    /**
     * Dispatches one slice: expires due timers, then runs the first dispatchable thread. With
     * {@code returnFor} set (a nested loop), dispatching that thread returns it instead of running
     * it, so its host frames can continue.
     */
    private GuestThread dispatchNext(GuestThread returnFor) {
        long earliestFree = earliestFree();
        expireTimers(earliestFree, returnFor);
        GuestThread t = firstDispatchable(returnFor);
        if (t == null) {
            return null;
        }
        long d = Math.max(t.readyAt, earliestFree);
        int core = 0;
        while (coreFreeAt[core] > d) {
            core++;
        }
        long busyUntil = driverNow;
        for (long f : coreFreeAt) {
            busyUntil = Math.max(busyUntil, f);
        }
        if (d > busyUntil) {
            // Every core idle until d: a guest clock that reads host time skips the gap, so
            // sleeps cost no wall time (a simulated clock reads now() and ignores this).
            idleSkipped += d - busyUntil;
            clock.idleAdvance(d - busyUntil);
        }
        ready.remove(t);
        t.queued = false;
        if (t == returnFor) {
            slice = openSlice(t, core, d);
            return t;
        }
        runSlice(t, core, d);
        return t;
    }

    private void runSlice(GuestThread t, int core, long start) {
        slice = openSlice(t, core, start);
        int status;
        try {
            try {
                status = runner.runSlice(t);
            } catch (GuestThrowable e) {
                // Only possible if a base frame escaped: the thread has no frames left.
                t.uncaught = e.guest;
                status = ThreadRunner.TERMINATED;
            }
            if (status == ThreadRunner.TERMINATED && t.uncaught != null) {
                reportUncaught(t);
            }
        } catch (VmExit e) {
            stopForExit(t);
            throw e;
        } finally {
            // The thread's current slice: a new one if it blocked in a callback and was resumed
            // (none if an exit in a nested loop closed it already).
            if (slice != null) {
                closeSlice(slice);
            }
        }
        switch (status) {
            case ThreadRunner.TERMINATED -> finish(t);
            case ThreadRunner.YIELD -> makeReady(t, t.readyAt);
            case ThreadRunner.MIGRATE -> {
                if (migrationHandler == null) {
                    throw new VmError("internal error: thread \"" + t.name + "\" stopped for migration with no offload runtime");
                }
                migrationHandler.accept(t);
            }
            default -> { } // BLOCKED: whoever wakes it queues it
        }
    }

    /** Opens a slice; the time model hears of its start (a wall-clock model measures from it). */
    private Slice openSlice(GuestThread t, int core, long start) {
        timeModel.sliceStarting(start);
        return new Slice(t, core, start);
    }

    /** Ends slice {@code s}: its core is busy until its end, and its thread is ready no earlier. */
    private void closeSlice(Slice s) {
        long end = now();
        executed += s.thread.totalInstructions() - s.startInstructions;
        latestEnd = Math.max(latestEnd, end);
        coreFreeAt[s.core] = Math.max(coreFreeAt[s.core], end);
        s.thread.readyAt = end;
        if (sliceListener != null && end > s.start) {
            sliceListener.slice(s.thread, s.core, s.start, end);
        }
        slice = null;
    }

    /**
     * Should the running thread give way at this safepoint slow path? Yes when another thread is
     * ready by its current time, a timed wait has expired, or its time passed the driver's horizon.
     */
    public boolean shouldPreempt(GuestThread self) {
        long timer = earliestTimer();
        if (horizon == Long.MAX_VALUE && timer == Long.MAX_VALUE && !anyOtherDispatchable(self)) {
            // Nothing could take the core whatever the time is (a program alone on its device,
            // one thread running): skip pricing the slice so far, which walks every opcode's
            // count through the CPU model at each slow path. Same answer as below: no time reaches
            // Long.MAX_VALUE.
            return false;
        }
        long now = now();
        if (now >= horizon) {
            return true;
        }
        for (GuestThread t : ready) {
            if (t != self && t.nestDepth == 0 && t.readyAt <= now) {
                return true;
            }
        }
        return timer <= now;
    }

    /** A queued thread other than {@code self} that a slice could be given to (not inside a host callback). */
    private boolean anyOtherDispatchable(GuestThread self) {
        for (GuestThread t : ready) {
            if (t != self && t.nestDepth == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Called when {@code t}, inside a host→guest callback, blocked: its slice ends and other threads
     * run until {@code t} is dispatched again, which returns here so its host frames continue.
     * Threads parked lower on the host stack are not resumed here.
     */
    public void runOthersUntilRunnable(GuestThread t) {
        Slice mine = slice;
        if (mine == null || mine.thread != t) {
            throw new IllegalStateException("runOthersUntilRunnable outside " + t.name + "'s slice (use enter/leave)");
        }
        closeSlice(mine);
        while (true) {
            GuestThread ran = dispatchNext(t);
            if (ran == t) {
                return; // its new slice is open: the callback continues
            }
            if (ran == null) {
                if (anyExternalWait()) {
                    throw new VmError("unsupported: thread \"" + t.name + "\" blocked inside a host callback "
                            + "while the threads that could wake it wait for the other endpoint (host frames cannot migrate)");
                }
                throw new VmError(deadlockReport());
            }
        }
    }

    // ------------------------------------------------------------------ ready queue

    private void makeReady(GuestThread t, long at) {
        t.state = ThreadState.RUNNABLE;
        t.readyAt = Math.max(t.readyAt, at);
        if (t.queued) {
            ready.remove(t);
        }
        t.readySeq = readySeq++;
        t.queued = true;
        int i = ready.size();
        while (i > 0 && ready.get(i - 1).readyAt > t.readyAt) {
            i--;
        }
        ready.add(i, t);
    }

    /**
     * The first queued thread that may run: not inside a host callback, since only the nested loop
     * on its own host stack can resume such a thread ({@code returnFor}, in that loop).
     */
    private GuestThread firstDispatchable(GuestThread returnFor) {
        for (GuestThread t : ready) {
            if (t.nestDepth == 0 || t == returnFor) {
                return t;
            }
        }
        return null;
    }

    private long earliestFree() {
        long m = Long.MAX_VALUE;
        for (long f : coreFreeAt) {
            m = Math.min(m, f);
        }
        return Math.max(m, driverNow);
    }

    private long earliestTimer() {
        long m = Long.MAX_VALUE;
        for (GuestThread t : live) {
            if (t.state == ThreadState.TIMED_WAITING && t.wakeAt < m) {
                m = t.wakeAt;
            }
        }
        return m;
    }

    /** Timed waits due by the next dispatch become ready at their wake time, earliest first. */
    private void expireTimers(long earliestFree, GuestThread returnFor) {
        while (true) {
            GuestThread first = null;
            for (GuestThread t : live) {
                if (t.state == ThreadState.TIMED_WAITING && (first == null || t.wakeAt < first.wakeAt)) {
                    first = t;
                }
            }
            if (first == null) {
                return;
            }
            GuestThread head = firstDispatchable(returnFor);
            long d = head == null ? Long.MAX_VALUE : Math.max(head.readyAt, earliestFree);
            if (first.wakeAt > d) {
                return;
            }
            if (first.blockedOn != null) {
                first.blockedOn.waitSet.remove(first);
            }
            long at = first.wakeAt;
            first.joining = null;
            wakeAtTime(first, PHASE_TIMED_OUT, at);
        }
    }

    // ------------------------------------------------------------------ blocking and waking

    /**
     * Makes a waiting thread runnable at {@code atNanos} (a wake-up from outside guest code, e.g. a
     * notify from the other endpoint); the re-executed native sees {@code phase}.
     */
    public void wakeAt(GuestThread t, int phase, long atNanos) {
        wakeAtTime(t, phase, atNanos);
    }

    /** Makes a waiting thread runnable now (the waker's time); the re-executed native sees {@code phase}. */
    public void wake(GuestThread t, int phase) {
        wakeAtTime(t, phase, now());
    }

    private void wakeAtTime(GuestThread t, int phase, long at) {
        t.blockPhase = phase;
        t.wakeAt = Long.MAX_VALUE;
        t.externalWait = null;
        makeReady(t, at);
    }

    /**
     * Blocks {@code t} until something outside the VM (a message from the other endpoint) wakes it
     * with {@link #wakeExternal}; {@code reason} names it in reports. The caller returns BLOCK.
     */
    public void blockExternally(GuestThread t, String reason) {
        t.state = ThreadState.WAITING;
        t.phaseBeforeExternalWait = t.blockPhase;
        t.blockPhase = PHASE_WAITING;
        t.externalWait = reason;
    }

    /**
     * Wakes a thread blocked by {@link #blockExternally}, ready at {@code atNanos} (driver time),
     * with the {@code blockPhase} it had before: the outside event only delayed the instruction or
     * native that asked for it, which runs again as if it had never waited.
     */
    public void wakeExternal(GuestThread t, long atNanos) {
        if (t.externalWait == null) {
            throw new IllegalStateException("thread \"" + t.name + "\" is not waiting for an external event");
        }
        wakeAtTime(t, t.phaseBeforeExternalWait, atNanos); // never before its own last slice ended (readyAt)
    }

    public void monitorReleased(Monitor m) {
        long now = -1;
        for (GuestThread t : live) {
            if (t.state == ThreadState.BLOCKED && t.blockedOn == m) {
                if (now < 0) {
                    now = now();
                }
                makeReady(t, now); // it re-executes monitor-enter (or wait's re-acquire)
            }
        }
    }

    private final List<Object[]> initWaiters = new ArrayList<>();

    /** Blocks {@code t} until the class {@code c} being initialised by another thread is done. */
    public void blockOnInit(GuestThread t, VmClass c) {
        t.state = ThreadState.BLOCKED;
        t.blockedOn = null;
        initWaiters.add(new Object[] {t, c});
    }

    public void initFinished(VmClass c) {
        long now = now();
        initWaiters.removeIf(w -> {
            if (w[1] == c) {
                makeReady((GuestThread) w[0], now);
                return true;
            }
            return false;
        });
    }

    /** Blocks {@code t} until {@code target} terminates (or {@code millis} pass, if > 0). */
    public void blockOnJoin(GuestThread t, GuestThread target, long millis) {
        t.joining = target;
        t.blockPhase = PHASE_WAITING;
        if (millis > 0) {
            t.state = ThreadState.TIMED_WAITING;
            t.wakeAt = now() + millis * 1_000_000L;
        } else {
            t.state = ThreadState.WAITING;
        }
    }

    public void sleep(GuestThread t, long nanos) {
        t.blockPhase = PHASE_WAITING;
        t.state = ThreadState.TIMED_WAITING;
        t.wakeAt = now() + Math.max(nanos, 0);
    }

    /** Timed {@code wait}: {@code t} waits on {@code m} until notified, interrupted or {@code nanos} pass. */
    public void waitTimed(GuestThread t, long nanos) {
        t.state = ThreadState.TIMED_WAITING;
        t.wakeAt = now() + nanos;
    }

    /**
     * Thread.interrupt(): set the flag and wake the target out of sleep, wait or join. A target
     * that runs on the other endpoint ({@link #markRemote}) keeps its flag here too (what this
     * side's {@code isInterrupted} answers until it comes back or ends), and the interrupt goes to
     * the {@link #setRemoteInterruptHandler remote-interrupt handler}, which delivers it there.
     */
    public void interrupt(GuestThread target) {
        target.interrupted = true;
        if (remoteInterruptHandler != null && remote.contains(target)) {
            remoteInterruptHandler.accept(target);
            return;
        }
        if ((target.state == ThreadState.WAITING || target.state == ThreadState.TIMED_WAITING)
                && target.blockPhase == PHASE_WAITING && target.externalWait == null) {
            if (target.blockedOn != null) {
                target.blockedOn.waitSet.remove(target);
            }
            target.joining = null;
            wake(target, PHASE_INTERRUPTED);
        }
    }

    /** A thread ended: wake joiners, then report an uncaught exception. */
    private void finish(GuestThread t) {
        t.state = ThreadState.TERMINATED;
        t.top = null;
        live.remove(t);
        remote.remove(t);
        for (GuestThread w : live) {
            if (w.joining == t && (w.state == ThreadState.WAITING || w.state == ThreadState.TIMED_WAITING)) {
                w.joining = null;
                wakeAtTime(w, PHASE_WOKEN, t.readyAt);
            }
        }
        // Threads waiting on the Thread object itself (Thread.join is wait() on it in the JDK).
        if (t.threadObject != null && t.threadObject.monitor != null) {
            Monitor m = t.threadObject.monitor;
            while (!m.waitSet.isEmpty()) {
                wakeAtTime(m.waitSet.remove(0), PHASE_WOKEN, t.readyAt);
            }
        }
        endListener.accept(t);
    }

    private void reportUncaught(GuestThread t) {
        t.top = null;
        onTerminated.accept(t);
    }

    /**
     * Ends a thread that never ran or was stopped outside a slice (an exception in the main
     * class's initialiser): as if its last slice had ended now.
     */
    public void terminate(GuestThread t) {
        ready.remove(t);
        t.queued = false;
        if (t.uncaught != null) {
            long at = Math.max(t.readyAt, earliestFree());
            int core = 0;
            while (coreFreeAt[core] > at) {
                core++;
            }
            slice = openSlice(t, core, at);
            try {
                reportUncaught(t);
            } finally {
                closeSlice(slice);
            }
        }
        finish(t);
    }

    private boolean anyLiveNonDaemon() {
        for (GuestThread t : live) {
            if (t.state != ThreadState.NEW && !t.daemon) {
                return true;
            }
        }
        for (GuestThread t : remote) {
            if (!t.daemon) {
                return true;
            }
        }
        return false;
    }

    private boolean anyExternalWait() {
        if (!remote.isEmpty() || !detectDeadlocks) {
            return true;
        }
        for (GuestThread t : live) {
            if (t.externalWait != null) {
                return true;
            }
        }
        return false;
    }

    /** Throws the guest IllegalStateException the JDK gives, through the exception maker. */
    public GuestThrowable guestError(GuestThread t, String className, String message) {
        return exceptions.create(t, className, message);
    }

    private String deadlockReport() {
        StringBuilder sb = new StringBuilder("deadlock: no guest thread can run;");
        for (GuestThread t : remote) {
            sb.append(" \"").append(t.name).append("\" runs on the other endpoint;");
        }
        for (GuestThread t : live) {
            if (t.state == ThreadState.NEW) {
                continue;
            }
            sb.append(" \"").append(t.name).append("\" ");
            if (t.state == ThreadState.BLOCKED && t.blockedOn != null) {
                GuestThread owner = t.blockedOn.owner;
                sb.append("waits for the lock of ").append(describe(t.blockedOn.ownerObject))
                        .append(owner == null ? "" : " held by \"" + owner.name + "\"");
            } else if (t.joining != null) {
                sb.append("joins \"").append(t.joining.name).append('"');
            } else if (t.blockedOn != null) {
                sb.append("waits on ").append(describe(t.blockedOn.ownerObject));
            } else if (t.externalWait != null) {
                sb.append("waits for ").append(t.externalWait);
            } else {
                sb.append(t.state.name().toLowerCase(Locale.ROOT));
            }
            if (t.top != null) {
                sb.append(" in ").append(t.top.method.display());
            }
            sb.append(';');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private static String describe(Object o) {
        if (o instanceof GuestObject g) {
            return g.cls.name;
        }
        if (o instanceof GuestArray a) {
            return a.type.name;
        }
        if (o instanceof VmClass) {
            return "java.lang.Class";
        }
        return o.getClass().getName();
    }
}
