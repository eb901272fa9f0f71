package org.cometsim.dalvik.rt;

/**
 * The offload runtime's header of a tracked class ({@link VmClass#dsm}): the class's statics are
 * its fields, and the class is also the guest's {@code java.lang.Class} object (lockable, with an
 * identity). As for objects, the VM only tests it for null, and every static write of a tracked
 * class reports to the write barrier before its store.
 *
 * <p>What COMET keeps (comet-reference §2-§4), the model for a subclass: the static class id
 * (3&lt;&lt;30 | dex id&lt;&lt;24 | array dimensions&lt;&lt;16 | class-def index: never allocated over the
 * wire), one dirty bit per static field (its position in {@link VmClass#staticFields}; statics start
 * all-dirty on the client, clean on the server), and the {@link ObjectHeader} state of the
 * {@code Class} object itself (lock and volatile ownership; initial owner: the client). The
 * class-initialisation state travels separately ({@code hooks.ClassInitImage}).
 */
public class ClassHeader extends ObjectHeader {
    public ClassHeader(int classId) {
        super(classId);
    }
}
