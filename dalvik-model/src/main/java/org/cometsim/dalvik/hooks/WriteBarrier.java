package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;

/**
 * Called on every guest write to a <em>tracked</em> object (one whose {@code dsm} header is
 * non-null): instance and static fields, array elements, {@code System.arraycopy},
 * {@code fill-array-data}, reflection, and host library calls that may have written an array
 * passed to them (reported whole, see {@link #arrayWrittenWhole}). Untracked objects cost one
 * null check. Field writes are reported <em>before</em> the store, so an offload runtime can
 * acquire ownership first (COMET wrote first and grabbed after: a bug not to copy).
 */
public interface WriteBarrier {
    /** The barrier of a VM with no offload runtime: does nothing. */
    WriteBarrier NONE = new WriteBarrier() {
        @Override
        public void fieldWrite(GuestObject obj, VmField field) {
        }

        @Override
        public void staticWrite(VmClass cls, VmField field) {
        }

        @Override
        public void arrayWrite(GuestArray array, int from, int count) {
        }

        @Override
        public void arrayWrittenWhole(GuestArray array) {
        }
    };

    void fieldWrite(GuestObject obj, VmField field);

    void staticWrite(VmClass cls, VmField field);

    void arrayWrite(GuestArray array, int from, int count);

    /** A host call may have written any element: the whole array must be shipped. */
    void arrayWrittenWhole(GuestArray array);
}
