package org.cometsim.dalvik.rt;

import java.util.IdentityHashMap;
import java.util.Map;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.NativeImpl;

/**
 * Guest monitors: {@code monitor-enter}/{@code monitor-exit}, {@code wait}/{@code notify}.
 * Guest objects, arrays and classes keep their {@link Monitor} in their header; host objects
 * used as locks get one from an identity map. Blocking never blocks a host thread: the thread's
 * state changes, the instruction is re-executed when the scheduler wakes it
 * ({@link GuestThread#blockPhase} says how far a {@code wait} got).
 */
public final class Monitors {
    private final Vm vm;
    private final Map<Object, Monitor> hostMonitors = new IdentityHashMap<>();

    public Monitors(Vm vm) {
        this.vm = vm;
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

    /** Acquires the monitor, or marks {@code t} BLOCKED and returns false. */
    public boolean enter(GuestThread t, Object obj) {
        Monitor m = of(obj);
        if (m.owner == null) {
            m.owner = t;
            m.count = 1;
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
            throw vm.guestException(t, "java.lang.IllegalMonitorStateException", "current thread is not owner");
        }
        if (--m.count == 0) {
            m.owner = null;
            vm.scheduler().monitorReleased(m);
        }
    }

    /** Releases if held, without complaint (frames unwound by an exception). */
    public void exitQuietly(GuestThread t, Object obj) {
        Monitor m = of(obj);
        if (m.owner == t && --m.count == 0) {
            m.owner = null;
            vm.scheduler().monitorReleased(m);
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
                throw vm.guestException(t, "java.lang.IllegalMonitorStateException", "current thread is not owner");
            }
            if (millis < 0) {
                throw vm.guestException(t, "java.lang.IllegalArgumentException", "timeout value is negative");
            }
            if (t.interrupted) {
                t.interrupted = false;
                throw vm.guestException(t, "java.lang.InterruptedException", null);
            }
            t.savedLockCount = m.count;
            m.owner = null;
            m.count = 0;
            vm.scheduler().monitorReleased(m);
            m.waitSet.add(t);
            t.blockedOn = m;
            t.blockPhase = Scheduler.PHASE_WAITING;
            if (millis > 0) {
                t.state = ThreadState.TIMED_WAITING;
                t.wakeAt = vm.scheduler().now() + millis * 1_000_000L;
            } else {
                t.state = ThreadState.WAITING;
                t.wakeAt = Long.MAX_VALUE;
            }
            return NativeImpl.BLOCK;
        }
        if (t.blockPhase == Scheduler.PHASE_WAITING) {
            return NativeImpl.BLOCK;
        }
        // Woken (notified, timed out or interrupted): re-acquire with the saved count.
        if (m.owner != null && m.owner != t) {
            t.state = ThreadState.BLOCKED;
            t.blockedOn = m;
            return NativeImpl.BLOCK;
        }
        m.owner = t;
        m.count = t.savedLockCount;
        t.blockedOn = null;
        int phase = t.blockPhase;
        t.blockPhase = 0;
        if (phase == Scheduler.PHASE_INTERRUPTED) {
            t.interrupted = false;
            throw vm.guestException(t, "java.lang.InterruptedException", null);
        }
        return null;
    }

    public void notify(GuestThread t, Object obj, boolean all) {
        Monitor m = of(obj);
        if (m.owner != t) {
            throw vm.guestException(t, "java.lang.IllegalMonitorStateException", "current thread is not owner");
        }
        while (!m.waitSet.isEmpty()) {
            GuestThread w = m.waitSet.remove(0);
            vm.scheduler().wake(w, Scheduler.PHASE_WOKEN);
            if (!all) {
                break;
            }
        }
    }
}
