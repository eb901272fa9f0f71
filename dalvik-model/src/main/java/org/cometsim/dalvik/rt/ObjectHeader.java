package org.cometsim.dalvik.rt;

/**
 * The offload runtime's header of a tracked guest object or array ({@link GuestObject#dsm},
 * {@link GuestArray#dsm}). The VM only tests it for null: null means "not tracked", and every
 * write path of a tracked object reports to the write barrier before its store
 * ({@code hooks.WriteBarrier}). Everything else in it belongs to the offload runtime (issue #13),
 * which extends this class.
 *
 * <p>What COMET keeps per tracked object (its {@code ObjectInfo}, comet-reference §2-§3, §7), the
 * model for a subclass:
 * <ul>
 *   <li>the object id ({@link #objectId}): top 2 bits the id space (0 client-allocated,
 *       1 server-allocated, 3 classes), low 30 bits an index; the identity hash of a tracked
 *       object is its id, so both endpoints agree;</li>
 *   <li>dirty bits: one per instance-field slot ({@link VmField#index}), array element or static
 *       field, set by the write barrier and cleared when a sync ships the object;</li>
 *   <li>whether the object is queued for the next sync (so it is queued once);</li>
 *   <li>lock ownership (this endpoint may lock the object) and volatile ownership (it may access
 *       the object's volatile fields; one bit covers them all);</li>
 *   <li>the remote wait count: threads of the other endpoint waiting on its monitor.</li>
 * </ul>
 */
public class ObjectHeader {
    /** The object's id in the DSM's id spaces (COMET: a u4). */
    public final int objectId;

    public ObjectHeader(int objectId) {
        this.objectId = objectId;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + Integer.toHexString(objectId) + "]";
    }
}
