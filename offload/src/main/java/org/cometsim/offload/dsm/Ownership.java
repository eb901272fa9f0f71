package org.cometsim.offload.dsm;

import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.VmClass;

/**
 * Lock and volatile ownership of tracked objects and classes (comet-reference §7): an endpoint may
 * lock a tracked object only while it owns the object's lock, and access its volatile fields only
 * while it owns its volatiles; ownership starts with the endpoint that created the object (the
 * phone for classes) and moves only with a push ({@code Message.Grant}). Untracked objects are
 * always locally lockable and their volatiles local.
 */
public final class Ownership {
    private Ownership() {
    }

    /** Whether this endpoint may lock {@code lock} (untracked: always). */
    public static boolean lockOwned(Object lock) {
        if (lock instanceof GuestObject g) {
            return g.dsm == null || ((Tracked) g.dsm).lockOwned;
        }
        if (lock instanceof GuestArray a) {
            return a.dsm == null || ((Tracked) a.dsm).lockOwned;
        }
        if (lock instanceof VmClass c) {
            return c.dsm == null || ((TrackedClass) c.dsm).lockOwned;
        }
        return true;
    }

    /** The id of a tracked lock object (this endpoint's outgoing id for a class). */
    public static int id(Object lock) {
        if (lock instanceof GuestObject g) {
            return ((Tracked) g.dsm).objectId;
        }
        if (lock instanceof GuestArray a) {
            return ((Tracked) a.dsm).objectId;
        }
        return ((TrackedClass) ((VmClass) lock).dsm).objectId;
    }

    /** Threads of the peer waiting on {@code lock}'s monitor, as last learnt (0 for untracked). */
    public static int remoteWaiters(Object lock) {
        if (lock instanceof GuestObject g) {
            return g.dsm == null ? 0 : ((Tracked) g.dsm).remoteWaiters;
        }
        if (lock instanceof GuestArray a) {
            return a.dsm == null ? 0 : ((Tracked) a.dsm).remoteWaiters;
        }
        if (lock instanceof VmClass c) {
            return c.dsm == null ? 0 : ((TrackedClass) c.dsm).remoteWaiters;
        }
        return 0;
    }

    public static void setRemoteWaiters(Object lock, int n) {
        if (lock instanceof GuestObject g) {
            ((Tracked) g.dsm).remoteWaiters = n;
        } else if (lock instanceof GuestArray a) {
            ((Tracked) a.dsm).remoteWaiters = n;
        } else {
            ((TrackedClass) ((VmClass) lock).dsm).remoteWaiters = n;
        }
    }

    /** This endpoint owns {@code lock} from now on; {@code waiters} threads wait on it at the peer. */
    public static void takeLock(Object lock, int waiters) {
        set(lock, true, waiters);
    }

    /** The peer owns {@code lock} from now on. */
    public static void giveLock(Object lock) {
        set(lock, false, 0);
    }

    /**
     * Whether this endpoint may access the volatile fields of {@code holder} (a guest object, or a
     * class for its volatile statics): one bit per tracked object covers all its volatile fields
     * (COMET's {@code isVolatileOwner}). Untracked objects were made here and never shipped: owned.
     * An untracked class is owned here only on the phone, which owns every class: the caller
     * decides that case ({@code VolatileOwnership}).
     */
    public static boolean volatilesOwned(Object holder) {
        if (holder instanceof GuestObject g) {
            return g.dsm == null || ((Tracked) g.dsm).volatileOwned;
        }
        if (holder instanceof GuestArray a) {
            return a.dsm == null || ((Tracked) a.dsm).volatileOwned;
        }
        if (holder instanceof VmClass c) {
            return c.dsm == null || ((TrackedClass) c.dsm).volatileOwned;
        }
        return true;
    }

    /** This endpoint owns the volatiles of tracked {@code holder} from now on (a grant arrived), or not (it sent one). */
    public static void setVolatilesOwned(Object holder, boolean owned) {
        if (holder instanceof GuestObject g) {
            ((Tracked) g.dsm).volatileOwned = owned;
        } else if (holder instanceof GuestArray a) {
            ((Tracked) a.dsm).volatileOwned = owned;
        } else {
            ((TrackedClass) ((VmClass) holder).dsm).volatileOwned = owned;
        }
    }

    private static void set(Object lock, boolean owned, int waiters) {
        if (lock instanceof GuestObject g) {
            ((Tracked) g.dsm).lockOwned = owned;
            ((Tracked) g.dsm).remoteWaiters = waiters;
        } else if (lock instanceof GuestArray a) {
            ((Tracked) a.dsm).lockOwned = owned;
            ((Tracked) a.dsm).remoteWaiters = waiters;
        } else {
            ((TrackedClass) ((VmClass) lock).dsm).lockOwned = owned;
            ((TrackedClass) ((VmClass) lock).dsm).remoteWaiters = waiters;
        }
    }
}
