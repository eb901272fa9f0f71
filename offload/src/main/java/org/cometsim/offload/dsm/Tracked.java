package org.cometsim.offload.dsm;

import java.util.BitSet;

import org.cometsim.dalvik.rt.ObjectHeader;

/**
 * The DSM's header of a tracked guest object or array (COMET's {@code ObjectInfo},
 * comet-reference §2-§3, §7): its id, its dirty slots (field indices of an object, element indices
 * of an array), whether it is queued for the next push, whether the other endpoint knows it, and
 * the ownership of its lock and volatiles.
 */
public final class Tracked extends ObjectHeader {
    /** Dirty slots: set by the write barrier, cleared when a push ships them or a pull overwrites them. */
    final BitSet dirty = new BitSet();
    /** In the write queue (queued once). */
    boolean queued;
    /** The other endpoint has this object (it sent it, or a push of ours created it there). */
    boolean knownToPeer;
    /** The identity hash the other endpoint knows for it (0: none yet). */
    int shippedHash;
    /** This endpoint may lock the object (COMET's {@code isLockOwner}). */
    boolean lockOwned;
    /** This endpoint may access the object's volatile fields ({@code isVolatileOwner}). */
    boolean volatileOwned;
    /** Threads of the other endpoint waiting on its monitor, as last learnt. */
    int remoteWaiters;

    Tracked(int id, boolean ownedHere) {
        super(id);
        this.lockOwned = ownedHere;
        this.volatileOwned = ownedHere;
    }
}
