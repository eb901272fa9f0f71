package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;

/**
 * Told about every guest write to a <em>tracked</em> object: one whose offload header
 * ({@code dsm}, an {@link org.cometsim.dalvik.rt.ObjectHeader} or, for a class's statics, a
 * {@link org.cometsim.dalvik.rt.ClassHeader}) is non-null.
 *
 * <h2>The one rule</h2>
 * Every write path of a tracked object calls the installed barrier <em>before</em> its store,
 * once the store is certain to happen (its null, bounds and type checks have passed), so the
 * barrier still sees the old value and an offload runtime can acquire ownership first (COMET
 * wrote first and grabbed ownership after: a bug not to copy). With no runtime installed the
 * barrier is {@link #NONE}, a no-op; no caller tests the barrier for null, and an untracked object
 * costs one null test of its header. The write paths:
 * <ul>
 *   <li>instance and static fields ({@code iput*}, {@code sput*}) in the interpreter and in
 *       compiled code;</li>
 *   <li>array elements ({@code aput*}) in the interpreter and in compiled code;</li>
 *   <li>{@code fill-array-data}, {@code System.arraycopy} (the destination range that will be
 *       written), {@code java.lang.reflect.Array.set*};</li>
 *   <li>reflection ({@code Field.set*}, which the guest library's atomic field updaters use) and
 *       the fields model classes write in their natives ({@code Throwable} message, cause, stack
 *       trace and suppressed list, {@code Thread} name, priority, daemon and started flags,
 *       {@code Enum} name and ordinal, {@code AccessibleObject}'s override flag);</li>
 *   <li>static initial values from the dex when a tracked class is initialised;</li>
 *   <li>host library calls given a guest array, which may write any element of it: reported whole
 *       ({@link #arrayWrittenWhole}) before the host call (and before the VM's own
 *       {@code Collection.toArray(T[])} fills the array).</li>
 *   <li>host library calls given a host object (as receiver or argument), which may change its
 *       host-side state: {@link #hostObjectMayChange} before the call.</li>
 * </ul>
 * New objects ({@code clone}, {@code Arrays.copyOf}, allocation) are untracked until the runtime
 * tracks them, so their first stores need no report. A report may be followed by a store that
 * then fails (a host call that throws before writing): the runtime ships an unchanged value,
 * never misses a changed one.
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

    /** {@code field} of the tracked object {@code obj} is about to be written. */
    void fieldWrite(GuestObject obj, VmField field);

    /** Static {@code field} of the tracked class {@code cls} is about to be written. */
    void staticWrite(VmClass cls, VmField field);

    /** Elements {@code [from, from + count)} of the tracked {@code array} are about to be written. */
    void arrayWrite(GuestArray array, int from, int count);

    /** A host call is about to run that may write any element of the tracked {@code array}. */
    void arrayWrittenWhole(GuestArray array);

    /**
     * A host library call is about to run with {@code hostObject} (a host object the guest holds,
     * neither a guest object nor a guest array: a {@code ByteArrayOutputStream}, an
     * {@code AtomicInteger} ...) as its receiver or an argument, so it may change that object's
     * state behind the barrier. Its state is not in field slots: a runtime that tracks such objects
     * re-ships them whole (as {@link #arrayWrittenWhole}). Called only with an installed barrier.
     */
    default void hostObjectMayChange(Object hostObject) {
    }

    /**
     * {@code obj} (a guest object, array or class that has an offload header) was just given its
     * identity hash: hashes must not depend on where the program ran, so the runtime ships it.
     */
    default void identityHashAssigned(Object obj) {
    }
}
