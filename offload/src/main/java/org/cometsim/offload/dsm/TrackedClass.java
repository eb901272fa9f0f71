package org.cometsim.offload.dsm;

import java.util.BitSet;

import org.cometsim.dalvik.rt.ClassHeader;

/**
 * The DSM's header of a tracked class: its statics' dirty bits (by position in
 * {@code VmClass.staticFields}), whether it is queued, the initialisation state last shipped, and
 * the ownership of the {@code Class} object's lock and of the class's volatile statics. Class ids on the wire are per direction
 * ({@link ObjectSpace}); the id here is this endpoint's outgoing one.
 */
public final class TrackedClass extends ClassHeader {
    final BitSet dirty = new BitSet();
    boolean queued;
    /** Initialisation state last shipped (-1: never). */
    int shippedInitState = -1;
    boolean lockOwned;
    /** This endpoint may access the class's volatile statics (one bit for all of them; initially the phone's). */
    boolean volatileOwned;
    int remoteWaiters;

    TrackedClass(int classId, boolean ownedHere) {
        super(classId);
        this.lockOwned = ownedHere;
        this.volatileOwned = ownedHere;
    }
}
