package org.cometsim.dalvik.hooks;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;

/**
 * Moving execution state between two VMs: a thread ({@link #detach} on the VM it leaves,
 * {@link #adopt} on the VM it joins), a monitor's ownership ({@link #captureMonitor},
 * {@link #rebuildMonitor}) and a class's initialisation state ({@link #captureClassInit},
 * {@link #rebuildClassInit}). Images name objects through the caller's {@link ObjectIds} (the DSM's
 * id mapping) and threads by thread id; nothing here ships bytes or decides when to move: that is
 * the offload runtime's part (issue #13), which calls this through the {@code Vm} facade.
 *
 * <p><b>Monitors a thread takes along.</b> Detaching leaves the thread's monitors owned by it on
 * the VM it leaves (COMET's "feigned" ownership: local threads that want them block until it comes
 * back or the DSM hands the lock over), and adopting makes it the owner, with the same recursion
 * counts, of the same objects' monitors on the adopting VM. Adopting into the thread that left
 * earlier (COMET's paired thread: the thread coming home) first releases the monitors it no longer
 * holds. Each monitor must be free there or already the thread's.
 *
 * <p><b>Waiting threads.</b> A thread inside {@code Object.wait} leaves its monitor's wait set and
 * joins the wait set of the same object's monitor on the adopting VM (at the end: a later
 * {@code notify} there reaches it after the threads already waiting), still waiting, its timeout
 * (if any) at the same simulated time; a sleeping thread goes on sleeping. Every other thread is
 * runnable on the adopting VM from the time the caller gives, re-executing the instruction it
 * stopped at (a monitor-enter it was blocked on, an invoke a {@link NativeGate} refused).
 */
public final class Migration {
    /** {@code sched.Scheduler.PHASE_WAITING} ({@code hooks} sits below {@code sched}; a test checks they agree). */
    static final int PHASE_WAITING = 1;
    /** {@code sched.Scheduler.PHASE_WOKEN}. */
    static final int PHASE_WOKEN = 2;

    private final VmAccess vm;

    public Migration(VmAccess vm) {
        this.vm = vm;
    }

    // ------------------------------------------------------------------ threads

    /**
     * Why {@code t} cannot be detached now, or null if it can: it must have started and not
     * ended, not be the running thread, have only interpreted frames (a host callback frame is in
     * the way of leaving: COMET's break frames), and not wait for a thread of this VM
     * ({@code join}) or for the other endpoint.
     */
    public String refusal(GuestThread t) {
        String who = "thread \"" + t.name + "\"";
        if (t.state == ThreadState.NEW) {
            return who + " has not started";
        }
        if (t.state == ThreadState.TERMINATED) {
            return who + " has ended";
        }
        if (t == vm.currentThread()) {
            return who + " is running (detach it when it has stopped for migration or blocked)";
        }
        if (t.top == null) {
            return who + " has no frames on this VM";
        }
        for (Frame f = t.top; f != null; f = f.caller) {
            if (f.base) {
                return who + " is inside a call from host code into " + f.method.display()
                        + " (a break frame: the host frames below it cannot leave this VM)";
            }
        }
        if (t.nestDepth != 0) {
            return who + " is inside a call from host code";
        }
        if (t.externalWait != null) {
            return who + " waits for " + t.externalWait;
        }
        if (t.joining != null) {
            return who + " joins thread \"" + t.joining.name + "\", which stays on this VM";
        }
        return null;
    }

    /**
     * Captures {@code t} (stopped for migration, preempted at a safepoint, or blocked: see
     * {@link #refusal}) and takes it out of this VM's scheduling. Its frames, pending exception and
     * result registers leave with the image (the thread keeps none of them here); its monitors stay
     * owned by it here (see the class comment).
     *
     * @throws IllegalStateException with the reason if it cannot leave now
     */
    public ThreadImage detach(GuestThread t, ObjectIds ids) {
        String why = refusal(t);
        if (why != null) {
            throw new IllegalStateException("cannot detach: " + why);
        }
        ThreadImage image = capture(t, ids);
        if (image.inWait()) {
            t.blockedOn.waitSet.remove(t);
        }
        vm.unschedule(t);
        t.top = null;
        t.caught = null;
        t.retR = null;
        t.blockedOn = null;
        return image;
    }

    /**
     * Why {@code t} cannot be {@link #snapshot}ed now, or null if it can: as {@link #refusal},
     * except that a thread waiting for the other endpoint (a lock or an ownership it asked for) can:
     * it is stopped at the instruction it re-executes when the answer comes.
     */
    public String snapshotRefusal(GuestThread t) {
        if (t.externalWait != null && t.top != null && t != vm.currentThread()) {
            String saved = t.externalWait;
            t.externalWait = null;
            try {
                return refusal(t);
            } finally {
                t.externalWait = saved;
            }
        }
        return refusal(t);
    }

    /**
     * Captures {@code t} as {@link #detach} would, leaving it where it is: the offload runtime's
     * recovery checkpoint of a thread that stays (comet-reference §9: every push carries the
     * pusher's stacks). Adopting the image on another VM resumes the thread from this point.
     *
     * @throws IllegalStateException with the reason if it cannot be captured now ({@link #snapshotRefusal})
     */
    public ThreadImage snapshot(GuestThread t, ObjectIds ids) {
        String why = snapshotRefusal(t);
        if (why != null) {
            throw new IllegalStateException("cannot capture: " + why);
        }
        ThreadImage image = capture(t, ids);
        if (t.externalWait != null) {
            // Resumed from this image, it asks again: as if the answer had come (wakeExternal).
            image = new ThreadImage(image.threadId(), image.name(), image.daemon(), image.interrupted(),
                    image.threadObject(), image.frames(), image.heldMonitors(), ThreadState.RUNNABLE, PHASE_WOKEN,
                    ObjectIds.NULL, image.savedLockCount(), Long.MAX_VALUE, image.pendingException(),
                    image.resultBits(), image.resultRef());
        }
        return image;
    }

    private ThreadImage capture(GuestThread t, ObjectIds ids) {
        List<FrameCapture.FrameState> frames = FrameCapture.capture(t, ids);
        List<ThreadImage.HeldMonitor> held = new ArrayList<>();
        for (Monitor m = t.heldMonitors; m != null; m = m.nextHeld()) {
            held.add(new ThreadImage.HeldMonitor(ids.idOf(m.ownerObject), m.count));
        }
        boolean inWaitSet = (t.state == ThreadState.WAITING || t.state == ThreadState.TIMED_WAITING)
                && t.blockedOn != null && t.blockPhase == PHASE_WAITING;
        long waitingOn = inWaitSet ? ids.idOf(t.blockedOn.ownerObject) : ObjectIds.NULL;
        boolean timed = t.state == ThreadState.TIMED_WAITING;
        return new ThreadImage(t.id, t.name, t.daemon, t.interrupted, ids.idOf(t.threadObject), frames,
                held, t.state, t.blockPhase, waitingOn, t.savedLockCount, timed ? t.wakeAt : Long.MAX_VALUE,
                ids.idOrNull(t.caught), t.retP, ids.idOrNull(t.retR));
    }

    /**
     * Rebuilds a thread detached from another VM (or from this one) on this VM: a new thread if
     * {@code into} is null, else {@code into} (its paired thread here, which must have no frames:
     * typically the thread that left this VM earlier). A runnable or blocked thread becomes
     * runnable at {@code atNanos} (simulated time); a waiting one waits again (see the class
     * comment) and runs no earlier than {@code atNanos}. The guest {@code Thread} object
     * ({@code ids.objectOf(image.threadObject())}) is the thread's from now on.
     *
     * @throws IllegalArgumentException if a class, method or pc of the image does not exist here
     * @throws IllegalStateException if {@code into} has frames, or a monitor it must own is another
     *     thread's here
     */
    public GuestThread adopt(ThreadImage image, ObjectIds ids, long atNanos, GuestThread into) {
        GuestObject threadObject = (GuestObject) ids.objectOf(image.threadObject());
        if (into != null && into.top != null) {
            throw new IllegalStateException("cannot adopt into thread \"" + into.name + "\": it has frames here");
        }
        for (ThreadImage.HeldMonitor h : image.heldMonitors()) { // checked before anything changes
            Monitor m = vm.monitorOf(ids.objectOf(h.objectId()));
            if (m.owner != null && m.owner != into) {
                throw new IllegalStateException("cannot adopt thread \"" + image.name() + "\": the monitor of "
                        + describe(m.ownerObject) + " is held by thread \"" + m.owner.name + "\" here");
            }
        }
        GuestThread t;
        if (into == null) {
            t = vm.newThread(image.name(), threadObject);
        } else {
            t = into;
            t.threadObject = threadObject;
        }
        // The Thread model class finds the VM thread of a Thread object here (isAlive, setDaemon ...).
        threadObject.vmData = t;
        Frame top = FrameCapture.rebuild(vm, t, image.frames(), ids);
        acquireMonitors(t, image.heldMonitors(), ids);
        t.name = image.name();
        t.daemon = image.daemon();
        t.interrupted = image.interrupted();
        t.caught = ids.objectOrNull(image.pendingException());
        t.retP = image.resultBits();
        t.retR = ids.objectOrNull(image.resultRef());
        t.uncaught = null;
        t.joining = null;
        t.externalWait = null;
        t.nestDepth = 0;
        t.safepointBudget = vm.safepointInterval();
        t.top = top;
        t.blockPhase = image.blockPhase();
        t.savedLockCount = image.savedLockCount();
        t.readyAt = Math.max(t.readyAt, atNanos);
        ThreadState s = image.state();
        boolean waiting = s == ThreadState.WAITING || s == ThreadState.TIMED_WAITING;
        if (waiting) {
            t.state = s;
            t.wakeAt = image.wakeAtNanos();
            t.blockedOn = null;
            if (image.inWait()) {
                Monitor m = vm.monitorOf(ids.objectOf(image.waitingOn()));
                m.waitSet.add(t);
                t.blockedOn = m;
            }
            vm.scheduleWaiting(t);
        } else {
            t.wakeAt = Long.MAX_VALUE;
            t.blockedOn = null;
            vm.scheduleRunnable(t, atNanos);
        }
        return t;
    }

    /** Makes {@code t} the owner of exactly {@code held}, releasing monitors here it no longer holds. */
    private void acquireMonitors(GuestThread t, List<ThreadImage.HeldMonitor> held, ObjectIds ids) {
        Map<Monitor, Integer> wanted = new IdentityHashMap<>();
        List<Monitor> order = new ArrayList<>();
        for (ThreadImage.HeldMonitor h : held) {
            Monitor m = vm.monitorOf(ids.objectOf(h.objectId()));
            wanted.put(m, h.count());
            order.add(m);
        }
        List<Monitor> stale = new ArrayList<>();
        for (Monitor m = t.heldMonitors; m != null; m = m.nextHeld()) {
            if (!wanted.containsKey(m)) {
                stale.add(m);
            }
        }
        for (Monitor m : stale) {
            m.release();
            vm.monitorReleased(m);
        }
        // Outermost first, so the held list ends up innermost first as it was captured.
        for (int k = order.size() - 1; k >= 0; k--) {
            Monitor m = order.get(k);
            if (m.owner == t) {
                m.release(); // re-linked below in the captured order
            }
            m.own(t, wanted.get(m));
        }
    }

    // ------------------------------------------------------------------ monitors

    /** The monitor of {@code obj}: owner, recursion count, waiting threads (free and empty if it never had one). */
    public MonitorImage captureMonitor(Object obj, ObjectIds ids) {
        Monitor m = vm.existingMonitorOf(obj);
        List<Integer> waiters = new ArrayList<>();
        if (m == null) {
            return new MonitorImage(ids.idOf(obj), 0, 0, waiters);
        }
        for (GuestThread w : m.waitSet) {
            waiters.add(w.id);
        }
        return new MonitorImage(ids.idOf(obj), m.owner == null ? 0 : m.owner.id, m.owner == null ? 0 : m.count, waiters);
    }

    /**
     * Gives the monitor of {@code ids.objectOf(image.objectId())} the captured owner and count
     * ({@code threads} maps a thread id to this VM's thread, e.g. the paired thread; a monitor
     * becoming free lets blocked threads try again). Its wait set keeps the threads waiting in it
     * here, those the image lists first and in its order (the others are waiting on the other VM,
     * which is the DSM's to count: COMET's remote wait count).
     *
     * @throws IllegalArgumentException if the owner's id names no thread here
     */
    public void rebuildMonitor(MonitorImage image, ObjectIds ids, IntFunction<GuestThread> threads) {
        Monitor m = vm.monitorOf(ids.objectOf(image.objectId()));
        GuestThread owner = null;
        if (image.ownerThreadId() != 0) {
            owner = threads.apply(image.ownerThreadId());
            if (owner == null) {
                throw new IllegalArgumentException("no thread " + image.ownerThreadId() + " on this VM to own the monitor of "
                        + describe(m.ownerObject));
            }
        }
        if (m.owner != owner) {
            if (m.owner != null) {
                m.release();
            }
            if (owner == null) {
                vm.monitorReleased(m);
            }
        }
        if (owner != null) {
            m.own(owner, image.count());
        }
        List<GuestThread> ordered = new ArrayList<>();
        for (int id : image.waiterThreadIds()) {
            GuestThread w = threads.apply(id);
            if (w != null && m.waitSet.contains(w) && !ordered.contains(w)) {
                ordered.add(w);
            }
        }
        for (GuestThread w : m.waitSet) {
            if (!ordered.contains(w)) {
                ordered.add(w);
            }
        }
        m.waitSet.clear();
        m.waitSet.addAll(ordered);
    }

    // ------------------------------------------------------------------ class initialisation

    /** Class {@code c}'s initialisation state. */
    public ClassInitImage captureClassInit(VmClass c, ObjectIds ids) {
        return new ClassInitImage(ids.idOf(c), ClassInitImage.State.of(c.initState),
                c.initThread == null ? 0 : c.initThread.id, ids.idOrNull(c.initError));
    }

    /**
     * Gives the class {@code ids.objectOf(image.classId())} the captured initialisation state;
     * threads here blocked until its initialisation ended go on if it did (to use it, or to get a
     * {@code NoClassDefFoundError}). A class being initialised names its thread through
     * {@code threads}.
     *
     * @throws IllegalArgumentException if the initialising thread's id names no thread here
     */
    public void rebuildClassInit(ClassInitImage image, ObjectIds ids, IntFunction<GuestThread> threads) {
        VmClass c = (VmClass) ids.objectOf(image.classId());
        GuestThread initThread = null;
        if (image.state() == ClassInitImage.State.RUNNING) {
            initThread = threads.apply(image.initThreadId());
            if (initThread == null) {
                throw new IllegalArgumentException("no thread " + image.initThreadId() + " on this VM to initialise " + c.name);
            }
        }
        boolean wasRunning = c.initState == VmClass.INIT_RUNNING;
        c.initState = image.state().code;
        c.initThread = initThread;
        c.initError = ids.objectOrNull(image.error());
        if (wasRunning && (image.state() == ClassInitImage.State.DONE || image.state() == ClassInitImage.State.ERROR)) {
            vm.initFinished(c);
        }
    }

    private static String describe(Object o) {
        if (o instanceof GuestObject g) {
            return "a " + g.cls.name;
        }
        if (o instanceof VmClass c) {
            return "class " + c.name;
        }
        return String.valueOf(o);
    }
}
