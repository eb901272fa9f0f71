package org.cometsim.dalvik.sched;

import java.util.IdentityHashMap;
import java.util.Map;

import org.cometsim.dalvik.hooks.MonitorGate;
import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;

/**
 * Guest monitors: {@code monitor-enter}/{@code monitor-exit}, {@code wait}/{@code notify}.
 * Guest objects, arrays and classes keep their {@link Monitor} in their header; host objects
 * used as locks get one from an identity map. Blocking never blocks a host thread: the thread's
 * state changes, the instruction is re-executed when the scheduler wakes it
 * ({@link GuestThread#blockPhase} says how far a {@code wait} got).
 */
public final class Monitors {
    private final Scheduler scheduler;
    private GuestExceptions exceptions;
    private OffloadHooks hooks;
    private final Map<Object, Monitor> hostMonitors = new IdentityHashMap<>();

    public Monitors(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Where IllegalMonitorStateException and InterruptedException come from (the class library). */
    public void setExceptions(GuestExceptions exceptions) {
        this.exceptions = exceptions;
    }

    public Monitor of(Object obj) {
        if (obj instanceof GuestObject) {
            GuestObject g = (GuestObject) obj;
            if (g.monitor == null) {
                g.monitor = new Monitor(obj);
            }
            return g.monitor;
        }
        if (obj instanceof GuestArray) {
            GuestArray g = (GuestArray) obj;
            if (g.monitor == null) {
                g.monitor = new Monitor(obj);
            }
            return g.monitor;
        }
        if (obj instanceof VmClass) {
            VmClass c = (VmClass) obj;
            if (c.monitor == null) {
                c.monitor = new Monitor(obj);
            }
            return c.monitor;
        }
        return hostMonitors.computeIfAbsent(obj, Monitor::new);
    }

    /** The monitor of {@code obj} if it was ever used as a lock, else null (creates nothing). */
    public Monitor existing(Object obj) {
        if (obj instanceof GuestObject g) {
            return g.monitor;
        }
        if (obj instanceof GuestArray g) {
            return g.monitor;
        }
        if (obj instanceof VmClass c) {
            return c.monitor;
        }
        return hostMonitors.get(obj);
    }

    /** Acquires the monitor, or marks {@code t} BLOCKED and returns false. */
    public boolean enter(GuestThread t, Object obj) {
        Monitor m = of(obj);
        if (m.owner == null) {
            m.own(t, 1);
            t.blockedOn = null;
            return true;
        }
        if (m.owner == t) {
            m.count++;
            return true;
        }
        t.state = ThreadState.BLOCKED;
        t.blockedOn = m;
        return false;
    }

    public void exit(GuestThread t, Object obj) {
        Monitor m = of(obj);
        if (m.owner != t) {
            throw exceptions.illegalMonitorState(t);
        }
        if (--m.count == 0) {
            m.release();
            scheduler.monitorReleased(m);
        }
    }

    /** Releases if held, without complaint (frames unwound by an exception). */
    public void exitQuietly(GuestThread t, Object obj) {
        Monitor m = of(obj);
        if (m.owner == t && --m.count == 0) {
            m.release();
            scheduler.monitorReleased(m);
        }
    }

    public boolean holds(GuestThread t, Object obj) {
        return of(obj).owner == t;
    }

    /**
     * {@code Object.wait(millis)}; millis 0 = forever. Returns {@link NativeImpl#BLOCK} while the
     * thread must wait or re-acquire, null when the call completes.
     */
    public Object waitOn(GuestThread t, Object obj, long millis) {
        Monitor m = of(obj);
        if (t.blockPhase == 0) {
            if (m.owner != t) {
                throw exceptions.illegalMonitorState(t);
            }
            if (millis < 0) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", "timeout value is negative");
            }
            if (t.interrupted) {
                t.interrupted = false;
                throw exceptions.interrupted(t, null);
            }
            t.savedLockCount = m.count;
            m.release();
            scheduler.monitorReleased(m);
            m.waitSet.add(t);
            t.blockedOn = m;
            t.blockPhase = Scheduler.PHASE_WAITING;
            if (millis > 0) {
                scheduler.waitTimed(t, millis * 1_000_000L);
            } else {
                t.state = ThreadState.WAITING;
                t.wakeAt = Long.MAX_VALUE;
            }
            return NativeImpl.BLOCK;
        }
        if (t.blockPhase == Scheduler.PHASE_WAITING) {
            return NativeImpl.BLOCK;
        }
        // Woken (notified, timed out or interrupted): re-acquire with the saved count. The gate
        // first, as for monitor-enter: an owner here may be a thread that left with the lock
        // (its hold "feigned"), which never releases it here; the gate fetches the lock instead.
        MonitorGate gate = hooks == null ? null : hooks.monitorGate();
        if (gate != null && gate.beforeReacquire(t, obj) == MonitorGate.WAIT) {
            return NativeImpl.BLOCK; // the lock is the other endpoint's: the gate fetches it first
        }
        if (m.owner != null && m.owner != t) {
            t.state = ThreadState.BLOCKED;
            t.blockedOn = m;
            return NativeImpl.BLOCK;
        }
        m.own(t, t.savedLockCount);
        t.blockedOn = null;
        int phase = t.blockPhase;
        t.blockPhase = 0;
        if (phase == Scheduler.PHASE_INTERRUPTED) {
            t.interrupted = false;
            throw exceptions.interrupted(t, null);
        }
        return null;
    }

    public void notify(GuestThread t, Object obj, boolean all) {
        Monitor m = of(obj);
        if (m.owner != t) {
            throw exceptions.illegalMonitorState(t);
        }
        int woken = 0;
        while (!m.waitSet.isEmpty()) {
            GuestThread w = m.waitSet.remove(0);
            scheduler.wake(w, Scheduler.PHASE_WOKEN);
            woken++;
            if (!all) {
                break;
            }
        }
        MonitorGate gate = hooks == null ? null : hooks.monitorGate();
        if (gate != null) {
            gate.notified(t, obj, all, woken);
        }
    }

    /** The hooks whose {@link MonitorGate} sees waits re-acquiring and notifies (set once by the VM). */
    public void setHooks(OffloadHooks hooks) {
        this.hooks = hooks;
    }
}
