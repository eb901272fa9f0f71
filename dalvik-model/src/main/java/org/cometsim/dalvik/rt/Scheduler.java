package org.cometsim.dalvik.rt;

import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.interp.Interpreter;
import org.cometsim.dalvik.rt.MethodCode;

/**
 * Deterministic green-thread scheduler. All guest threads of a VM run on the host thread that
 * calls {@link #runMain}; a thread runs until it blocks, ends, or reaches a safepoint slow path
 * while another thread is runnable (a quantum of {@code Vm#safepointInterval()} safepoints).
 * Threads are picked round-robin in creation order.
 *
 * <p>Time: the scheduler's clock advances one nanosecond per executed instruction and jumps
 * forward when every live thread waits for a timeout, so sleeps and timed waits are ordered
 * deterministically. If no thread can ever run again while a non-daemon thread is alive, the
 * run stops with a deadlock report instead of hanging.
 */
public final class Scheduler {
    public static final int PHASE_NONE = 0;
    public static final int PHASE_WAITING = 1;
    public static final int PHASE_WOKEN = 2;
    public static final int PHASE_TIMED_OUT = 3;
    public static final int PHASE_INTERRUPTED = 4;

    private final Vm vm;
    private final List<GuestThread> threads = new ArrayList<>();
    private int rr;
    private GuestThread current;
    private long executed;
    private long idle;
    private int nextThreadId = 1;
    private int nextAnonymousNumber;
    private GuestThread mainThread;
    /** Threads whose host stack holds a nested scheduling loop; only that loop may resume them. */
    private final List<GuestThread> parked = new ArrayList<>();
    /** Hook for the offload runtime when a thread stops with MIGRATE. */
    private java.util.function.Consumer<GuestThread> migrationHandler;

    public Scheduler(Vm vm) {
        this.vm = vm;
    }

    /** Told about every slice: which thread ran on which core from when to when (simulated ns). */
    public interface SliceListener {
        void slice(GuestThread t, int core, long startNanos, long endNanos);
    }

    private CpuTimeModel timeModel;
    private SliceListener sliceListener;
    private long[] coreFreeAt = new long[1];
    private final long[] sliceStartCounts = new long[256];
    private final long[] nowScratch = new long[256];
    private final long[] sliceStartHostCalls = new long[HostCost.COUNT];
    private final long[] sliceStartHostElements = new long[HostCost.COUNT];
    private final long[] hostCallScratch = new long[HostCost.COUNT];
    private final long[] hostElementScratch = new long[HostCost.COUNT];
    private long sliceStartTime;

    /**
     * Runs guest threads on {@code model.cores()} simulated cores: each slice goes to the core
     * free earliest (lowest number on ties) and starts at max(thread ready, core free); its
     * length comes from the instruction counts. A thread woken by another starts no earlier than
     * the waker's current time. Threads still execute one at a time on the host, in the same
     * deterministic order as without a model, so cross-thread timing is list-scheduling: an
     * approximation that is exact for independent threads and for one core.
     */
    public void setTimeModel(CpuTimeModel model, SliceListener listener) {
        this.timeModel = model;
        this.sliceListener = listener;
        this.coreFreeAt = new long[model.cores()];
    }

    /** Simulated completion time: when the last core or thread became idle. */
    public long simulatedEnd() {
        long end = 0;
        for (long f : coreFreeAt) {
            end = Math.max(end, f);
        }
        for (GuestThread t : threads) {
            end = Math.max(end, t.readyAt);
        }
        return timeModel == null ? now() : end;
    }

    public GuestThread current() {
        return current;
    }

    public List<GuestThread> threads() {
        return threads;
    }

    public GuestThread mainThread() {
        return mainThread;
    }

    /** Scheduler time in nanoseconds: executed instructions plus skipped idle time. */
    public long now() {
        if (timeModel == null) {
            return executedSoFar() + idle;
        }
        GuestThread t = current;
        if (t == null) {
            long min = Long.MAX_VALUE;
            for (long f : coreFreeAt) {
                min = Math.min(min, f);
            }
            return min;
        }
        long[] delta = nowScratch; // now() runs at every safepoint slow path: no allocation
        for (int op = 0; op < 256; op++) {
            delta[op] = t.opCounts[op] - sliceStartCounts[op];
        }
        for (int c = 0; c < HostCost.COUNT; c++) {
            hostCallScratch[c] = t.hostCallsByCost[c] - sliceStartHostCalls[c];
            hostElementScratch[c] = t.hostElementsByCost[c] - sliceStartHostElements[c];
        }
        return sliceStartTime + timeModel.sliceNanos(delta, hostCallScratch, hostElementScratch);
    }

    /** Instructions executed by all threads, including the running slice. */
    public long executedSoFar() {
        long inSlice = current == null ? 0 : current.totalInstructions() - sliceStart;
        return executed + inSlice;
    }

    private long sliceStart;

    public void setMigrationHandler(java.util.function.Consumer<GuestThread> h) {
        this.migrationHandler = h;
    }

    /** Number for the next default thread name ({@code Thread-N}), as the JDK counts them. */
    public int nextAnonymousThreadNumber() {
        return nextAnonymousNumber++;
    }

    public int nextThreadId() {
        return nextThreadId++;
    }

    /** Registers a new thread (state NEW) whose guest Thread object is {@code threadObject}. */
    public GuestThread newThread(String name, GuestObject threadObject) {
        GuestThread t = new GuestThread(threads.size() + 1, name, threads.size());
        t.threadObject = threadObject;
        t.safepointBudget = vm.safepointInterval();
        threads.add(t);
        return t;
    }

    /** Makes a NEW thread runnable with {@code first} as its initial frame. */
    public void start(GuestThread t, org.cometsim.dalvik.rt.Frame first) {
        t.top = first;
        t.state = ThreadState.RUNNABLE;
    }

    // ------------------------------------------------------------------ entry points

    public int runMain(String mainClass, String[] args) {
        String desc = Descriptors.toDescriptor(mainClass);
        VmClass c;
        try {
            c = vm.classForDescriptor(desc);
        } catch (Vm.LinkageFailure e) {
            throw new MainClassError("could not load main class " + mainClass + ": " + e.getMessage());
        }
        if (c == null || c.kind != VmClass.Kind.GUEST) {
            throw new MainClassError("could not find or load main class " + mainClass);
        }
        VmMethod main = c.methods.get("main([Ljava/lang/String;)V");
        if (main == null || !main.isStatic || (main.access & 0x0001) == 0) {
            throw new MainClassError("main method not found in class " + mainClass
                    + ", please define the main method as: public static void main(String[] args)");
        }
        GuestThread t = vm.models().createMainThread();
        mainThread = t;
        VmClass stringArray = vm.classForDescriptor("[Ljava/lang/String;");
        GuestArray argv = vm.newArray(t, stringArray, args.length);
        for (int i = 0; i < args.length; i++) {
            ((Object[]) argv.data)[i] = args[i];
        }
        MethodCode code = vm.codeOf(t, main);
        org.cometsim.dalvik.rt.Frame f = vm.interpreter().newFrameWithArgs(main, code, new Object[] {argv});
        start(t, f);
        current = t;
        try {
            try {
                int s = vm.ensureInitialized(t, c); // the launcher initialises the main class first
                if (s == Vm.INIT_BLOCKED) {
                    throw new VmError("internal error: main class initialisation blocked");
                }
            } catch (GuestThrowable e) {
                t.top = null;
                t.uncaught = e.guest;
                finish(t);
            } catch (VmExit e) {
                stopForExit(t); // exit in the main class's static initialiser (or its uncaught-exception handler)
                throw e;
            }
            loop(null);
        } catch (VmExit e) {
            if (!e.halt) {
                runShutdownHooks();
            }
            throw e;
        }
        runShutdownHooks();
        vm.out().flush();
        return t.uncaught != null ? 1 : 0;
    }

    public Object invokeStatic(String className, String name, String desc, Object[] args) {
        VmClass c = vm.classForDescriptor(Descriptors.toDescriptor(className));
        if (c == null) {
            throw new MainClassError("no class " + className);
        }
        VmMethod m = c.methods.get(name + desc);
        if (m == null || !m.isStatic) {
            throw new MainClassError("no static method " + className + "." + name + desc);
        }
        GuestThread t = mainThread != null && mainThread.state != ThreadState.TERMINATED && mainThread.top == null
                ? mainThread : vm.models().createMainThread();
        mainThread = t;
        t.state = ThreadState.RUNNABLE;
        current = t;
        vm.initializeNow(t, c);
        return vm.interpreter().callGuest(t, m, args);
    }

    /**
     * Creates a runnable thread whose first frame is {@code m(args)} (args boxed by kind).
     * Unlike {@link #invokeStatic} the frame is an ordinary bottom frame, so the thread can be
     * preempted, stopped for migration and captured; its result is left in {@code retP/retR}.
     */
    public GuestThread spawn(String name, VmMethod m, Object... args) {
        GuestThread t = vm.models().createStartedThread(name);
        org.cometsim.dalvik.rt.Frame f = vm.interpreter().newFrameWithArgs(m, vm.codeOf(t, m), args);
        start(t, f);
        return t;
    }

    /** Creates a runnable thread with no frames yet (to rebuild migrated frames into). */
    public GuestThread adoptEmpty(String name) {
        return vm.models().createStartedThread(name);
    }

    /** Runs every thread until no non-daemon thread is alive (or a deadlock is reported). */
    public void runAll() {
        loop(null);
        vm.out().flush();
    }

    private final List<GuestObject> shutdownHooks = new ArrayList<>();
    private boolean shuttingDown;
    /** The started hook threads while the shutdown hooks run; null before. */
    private List<GuestThread> hookThreads;

    /** {@code Runtime.addShutdownHook}: the hook thread starts when the program ends. */
    public void addShutdownHook(GuestThread caller, GuestObject hookThread) {
        if (shuttingDown) {
            throw vm.guestException(caller, "java.lang.IllegalStateException", "Shutdown in progress");
        }
        if (shutdownHooks.contains(hookThread)) {
            throw vm.guestException(caller, "java.lang.IllegalArgumentException", "Hook previously registered");
        }
        shutdownHooks.add(hookThread);
    }

    public boolean removeShutdownHook(GuestObject hookThread) {
        return shutdownHooks.remove(hookThread);
    }

    /**
     * Runs the registered hooks to completion, as the JVM does on exit (once): every hook thread
     * starts, and the loop runs until all of them have ended, daemon or not; the other live
     * threads keep running meanwhile, as in the JVM. {@code Runtime.halt} in between stops at
     * once; {@code System.exit} in between blocks its caller for good (the JVM's documented
     * behaviour: a hook that calls it never ends, which ends in the deadlock report).
     */
    private void runShutdownHooks() {
        if (shuttingDown || shutdownHooks.isEmpty()) {
            return;
        }
        shuttingDown = true;
        GuestThread starter = mainThread;
        hookThreads = new ArrayList<>();
        for (GuestObject hook : shutdownHooks) {
            vm.models().startHook(starter, hook);
            hookThreads.add((GuestThread) hook.vmData);
        }
        while (true) {
            try {
                loop(null);
                break;
            } catch (VmExit e) {
                if (e.halt) {
                    throw e;
                }
                // loop() stopped the caller; the hooks go on.
            }
        }
        vm.out().flush();
    }

    /**
     * A thread whose host stack an exit unwound (the caller of {@code exit}, and any thread whose
     * host callback it ran inside) never runs again: in the JVM the caller waits in
     * {@code Shutdown} until the VM halts, and its frames here still sit at the call. It stays
     * alive, keeps its monitors, and nothing can wake it. Its state is the JVM's: the first
     * caller joins the hooks (WAITING), a caller while they run waits for the shutdown lock
     * (BLOCKED).
     */
    private void stopForExit(GuestThread t) {
        if (t.blockedOn != null) {
            t.blockedOn.waitSet.remove(t);
        }
        initWaiters.removeIf(w -> w[0] == t);
        t.blockedOn = null;
        t.joining = null;
        t.wakeAt = Long.MAX_VALUE;
        t.blockPhase = PHASE_NONE;
        t.state = shuttingDown ? ThreadState.BLOCKED : ThreadState.WAITING;
    }

    /** No main class or no main method: the launcher's error, not a guest exception. */
    public static final class MainClassError extends VmError {
        public MainClassError(String message) {
            super(message);
        }
    }

    // ------------------------------------------------------------------ the loop

    /**
     * Runs threads until none can run. With {@code waitFor} null: until every non-daemon thread
     * has ended. Otherwise (a nested loop): until {@code waitFor} is runnable again.
     */
    private void loop(GuestThread waitFor) {
        while (true) {
            if (waitFor != null && waitFor.state == ThreadState.RUNNABLE) {
                return;
            }
            if (waitFor == null && !keepsRunning()) {
                return; // like the JVM: running daemon threads do not keep the program alive
            }
            wakeTimedOut(); // sleepers wake when their time comes, even while others keep running
            GuestThread t = pickNext();
            if (t == null) {
                if (waitFor == null && !keepsRunning()) {
                    return;
                }
                if (advanceToNextTimeout()) {
                    continue;
                }
                if (waitFor == null && !keepsRunning()) {
                    return;
                }
                throw new VmError(deadlockReport());
            }
            try {
                runSlice(t);
            } catch (VmExit e) {
                stopForExit(t);
                throw e;
            }
        }
    }

    private void runSlice(GuestThread t) {
        GuestThread previous = current;
        current = t;
        long before = t.totalInstructions();
        sliceStart = before;
        int core = 0;
        if (timeModel != null) {
            for (int c = 1; c < coreFreeAt.length; c++) {
                if (coreFreeAt[c] < coreFreeAt[core]) {
                    core = c;
                }
            }
            sliceStartTime = Math.max(t.readyAt, coreFreeAt[core]);
            System.arraycopy(t.opCounts, 0, sliceStartCounts, 0, 256);
            System.arraycopy(t.hostCallsByCost, 0, sliceStartHostCalls, 0, HostCost.COUNT);
            System.arraycopy(t.hostElementsByCost, 0, sliceStartHostElements, 0, HostCost.COUNT);
        }
        int status;
        try {
            status = vm.interpreter().run(t);
        } catch (GuestThrowable e) {
            // Only possible if a base frame escaped: the thread has no frames left.
            t.uncaught = e.guest;
            status = Interpreter.TERMINATED;
        } finally {
            if (timeModel != null) {
                long end = now();
                coreFreeAt[core] = end;
                t.readyAt = end;
                if (sliceListener != null && end > sliceStartTime) {
                    sliceListener.slice(t, core, sliceStartTime, end);
                }
            }
            executed += t.totalInstructions() - before;
            current = previous;
        }
        switch (status) {
            case Interpreter.TERMINATED:
                finish(t);
                break;
            case Interpreter.MIGRATE:
                if (migrationHandler != null) {
                    migrationHandler.accept(t);
                }
                break;
            default:
                break;
        }
    }

    private GuestThread pickNext() {
        int n = threads.size();
        for (int k = 0; k < n; k++) {
            int idx = (rr + k) % n;
            GuestThread t = threads.get(idx);
            if (t.state == ThreadState.RUNNABLE && t.nestDepth == 0 && !parked.contains(t)) {
                rr = (idx + 1) % n;
                return t;
            }
        }
        return null;
    }

    /** Is another thread ready to run? (The interpreter yields at its next safepoint slow path.) */
    public boolean shouldPreempt(GuestThread self) {
        wakeTimedOut();
        for (GuestThread t : threads) {
            if (t != self && t.state == ThreadState.RUNNABLE && t.nestDepth == 0 && !parked.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Called when {@code t}, inside a host→guest callback, blocked: run other threads until it
     * can continue. Threads parked lower on the host stack are not resumed here.
     */
    public void runOthersUntilRunnable(GuestThread t) {
        GuestThread previous = current;
        parked.add(t);
        try {
            loop(t);
        } finally {
            parked.remove(t);
            current = previous;
        }
    }

    /**
     * Whether the outermost loop goes on: while the shutdown hooks run, until every hook thread
     * has ended; before that, while a non-daemon thread is alive.
     */
    private boolean keepsRunning() {
        if (hookThreads != null) {
            for (GuestThread h : hookThreads) {
                if (h.state != ThreadState.TERMINATED) {
                    return true;
                }
            }
            return false;
        }
        for (GuestThread t : threads) {
            if (t.state != ThreadState.TERMINATED && t.state != ThreadState.NEW && !t.daemon) {
                return true;
            }
        }
        return false;
    }

    /** Jumps the clock to the earliest timeout and wakes that thread; false if no thread waits on time. */
    private boolean advanceToNextTimeout() {
        GuestThread first = null;
        for (GuestThread t : threads) {
            if (t.state == ThreadState.TIMED_WAITING && (first == null || t.wakeAt < first.wakeAt)) {
                first = t;
            }
        }
        if (first == null) {
            return false;
        }
        if (timeModel != null) {
            // Simulated time: the sleeper simply becomes ready at its wake time.
            if (first.blockedOn != null) {
                first.blockedOn.waitSet.remove(first);
            }
            long at = first.wakeAt;
            wake(first, PHASE_TIMED_OUT);
            first.readyAt = Math.max(first.readyAt, at);
            return true;
        }
        long delta = first.wakeAt - now();
        if (delta > 0) {
            idle += delta;
            vm.clock().idleAdvance(delta);
        }
        wakeTimedOut();
        return true;
    }

    /** Wakes every timed waiter whose time has come (called when the clock moves). */
    public void wakeTimedOut() {
        long now = now();
        for (GuestThread t : threads) {
            if (t.state == ThreadState.TIMED_WAITING && t.wakeAt <= now) {
                if (t.blockedOn != null) {
                    t.blockedOn.waitSet.remove(t);
                }
                wake(t, PHASE_TIMED_OUT);
            }
        }
    }

    /** Makes a waiting thread runnable; the re-executed native sees {@code phase}. */
    public void wake(GuestThread t, int phase) {
        t.blockPhase = phase;
        if (timeModel != null) {
            t.readyAt = Math.max(t.readyAt, phase == PHASE_TIMED_OUT && t.wakeAt != Long.MAX_VALUE ? t.wakeAt : now());
        }
        t.wakeAt = Long.MAX_VALUE;
        t.state = ThreadState.RUNNABLE;
    }

    public void monitorReleased(Monitor m) {
        for (GuestThread t : threads) {
            if (t.state == ThreadState.BLOCKED && t.blockedOn == m) {
                t.state = ThreadState.RUNNABLE; // it re-executes monitor-enter (or wait's re-acquire)
                if (timeModel != null) {
                    t.readyAt = Math.max(t.readyAt, now());
                }
            }
        }
    }

    public void blockOnInit(GuestThread t, VmClass c) {
        t.state = ThreadState.BLOCKED;
        t.blockedOn = null;
        initWaiters.add(new Object[] {t, c});
    }

    private final List<Object[]> initWaiters = new ArrayList<>();

    public void initFinished(VmClass c) {
        initWaiters.removeIf(w -> {
            if (w[1] == c) {
                ((GuestThread) w[0]).state = ThreadState.RUNNABLE;
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

    /** Thread.interrupt(): set the flag and wake the target out of sleep, wait or join. */
    public void interrupt(GuestThread target) {
        target.interrupted = true;
        if ((target.state == ThreadState.WAITING || target.state == ThreadState.TIMED_WAITING)
                && target.blockPhase == PHASE_WAITING) {
            if (target.blockedOn != null) {
                target.blockedOn.waitSet.remove(target);
            }
            target.joining = null;
            wake(target, PHASE_INTERRUPTED);
        }
    }

    /** A thread ended: report an uncaught exception, wake joiners. */
    private void finish(GuestThread t) {
        t.state = ThreadState.TERMINATED;
        t.top = null;
        if (t.uncaught != null) {
            Object ex = t.uncaught;
            vm.models().reportUncaught(t, ex);
        }
        for (GuestThread w : threads) {
            if (w.joining == t && (w.state == ThreadState.WAITING || w.state == ThreadState.TIMED_WAITING)) {
                w.joining = null;
                wake(w, PHASE_WOKEN);
            }
        }
        // Threads waiting on the Thread object itself (Thread.join is wait() on it in the JDK).
        if (t.threadObject != null && t.threadObject.monitor != null) {
            Monitor m = t.threadObject.monitor;
            while (!m.waitSet.isEmpty()) {
                wake(m.waitSet.remove(0), PHASE_WOKEN);
            }
        }
    }

    private String deadlockReport() {
        StringBuilder sb = new StringBuilder("deadlock: no guest thread can run;");
        for (GuestThread t : threads) {
            if (t.state == ThreadState.TERMINATED || t.state == ThreadState.NEW) {
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
            } else {
                sb.append(t.state.name().toLowerCase(java.util.Locale.ROOT));
            }
            if (t.top != null) {
                sb.append(" in ").append(t.top.method.display());
            }
            sb.append(';');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    private String describe(Object o) {
        VmClass c = vm.classOf(o);
        return c.name;
    }
}
