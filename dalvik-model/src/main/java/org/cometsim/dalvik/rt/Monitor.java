package org.cometsim.dalvik.rt;

import java.util.ArrayList;
import java.util.List;

/**
 * A guest monitor: owner, recursion count and the threads waiting in {@code wait()}. Threads
 * blocked on entry are not queued here; they re-try their {@code monitor-enter} when the
 * scheduler wakes them (woken in a deterministic order: thread creation order).
 */
public final class Monitor {
    public GuestThread owner;
    public int count;
    public final List<GuestThread> waitSet = new ArrayList<>();
    /** Number of threads currently blocked trying to enter. */
    public int entryWaiters;
    /** Whom to describe in a deadlock report. */
    public final Object ownerObject;

    public Monitor(Object ownerObject) {
        this.ownerObject = ownerObject;
    }
}
