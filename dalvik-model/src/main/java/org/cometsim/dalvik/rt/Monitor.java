package org.cometsim.dalvik.rt;

import java.util.ArrayList;
import java.util.List;

/**
 * A guest monitor: owner, recursion count and the threads waiting in {@code wait()}. Threads
 * blocked on entry are not queued here; they re-try their {@code monitor-enter} when the
 * scheduler wakes them (woken in a deterministic order: thread creation order).
 *
 * <p>Ownership changes only through {@link #own} and {@link #release}, which also keep the
 * owner's list of held monitors ({@link GuestThread#heldMonitors}, innermost first), so a thread
 * that leaves for the other endpoint can say which locks it holds (COMET's
 * {@code WITH_MONITOR_TRACKING}).
 */
public final class Monitor {
    public GuestThread owner;
    public int count;
    public final List<GuestThread> waitSet = new ArrayList<>();
    /** Number of threads currently blocked trying to enter. */
    public int entryWaiters;
    /** Whom to describe in a deadlock report. */
    public final Object ownerObject;
    /** The next monitor in the owner's held list ({@link GuestThread#heldMonitors}). */
    Monitor nextHeld;
    /**
     * The thread that held it last (the owner while held), or null if none has: COMET's
     * {@code Monitor.lastOwner}, which its lock handoff checks so a migrating thread takes along
     * only the locks no other thread has taken since it released them.
     */
    public GuestThread lastOwner;

    public Monitor(Object ownerObject) {
        this.ownerObject = ownerObject;
    }

    /** Makes {@code t} the owner with recursion count {@code n} (the monitor must be free or already {@code t}'s). */
    public void own(GuestThread t, int n) {
        if (owner != t) {
            if (owner != null) {
                throw new IllegalStateException("monitor of " + ownerObject + " is held by " + owner);
            }
            owner = t;
            lastOwner = t;
            nextHeld = t.heldMonitors;
            t.heldMonitors = this;
        }
        count = n;
    }

    /** Frees the monitor (count 0, no owner) and takes it off its owner's held list. */
    public void release() {
        GuestThread t = owner;
        if (t != null) {
            if (t.heldMonitors == this) {
                t.heldMonitors = nextHeld; // the usual case: locks are released innermost first
            } else {
                Monitor m = t.heldMonitors;
                while (m.nextHeld != this) {
                    m = m.nextHeld;
                }
                m.nextHeld = nextHeld;
            }
            nextHeld = null;
        }
        owner = null;
        count = 0;
    }

    /** The monitor after this one in its owner's held list, or null. */
    public Monitor nextHeld() {
        return nextHeld;
    }
}
