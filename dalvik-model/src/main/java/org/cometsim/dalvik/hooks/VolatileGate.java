package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmField;

/**
 * Asked before a thread reads or writes a volatile field of a <em>tracked</em> object (one whose
 * offload header, {@code dsm}, is non-null) or a volatile static of any class, or runs an atomic
 * read-modify-write on one, while an offload runtime is installed. COMET gives each tracked object
 * one volatile-ownership bit covering all its volatile fields (a class's: its volatile statics),
 * and an endpoint may touch them only while it owns them (comet-reference §7); the gate is where
 * ownership is fetched, <em>before</em> the access (the prototype grabbed it after the store and
 * after the CAS: a bug not to copy). An untracked object was made here and never shipped, so it is
 * local and never reaches the gate; a class exists on both endpoints whether the runtime tracks it
 * yet or not, so for statics the runtime decides (the holder is the class, tracked or not).
 *
 * <p>The answer is one of {@link #PROCEED} (access now), {@link #WAIT} (the gate blocked the
 * thread until ownership arrives, e.g. with {@code Scheduler.blockExternally}; the access is
 * re-executed from the start when the thread is woken) or {@link #MIGRATE} (stop the thread for
 * migration with its pc on the accessing instruction; only where {@code mayMigrate} is true).
 *
 * <h2>Where it is called</h2>
 * <ul>
 *   <li>{@code iget*}/{@code iput*}/{@code sget*}/{@code sput*} of a volatile field, in the
 *       interpreter. While a gate is installed such an instruction is never quickened (instance
 *       fields) nor left resolved for the fast paths (statics), so the interpreter's fast paths
 *       and compiled code, which only ever run quickened or resolved field instructions, hand it
 *       to the interpreter's slow path, which asks the gate: one route for every JIT mode, and no
 *       test at all on the fast paths (a VM without a gate pays nothing). Install the gate before
 *       the VM runs guest code: instructions quickened earlier are not revisited.</li>
 *   <li>Reflection ({@code Field.get*}/{@code set*} of a volatile field, which the guest
 *       library's atomic field updaters use) and the VM's atomic natives (compare-and-set and
 *       friends of the guest library's {@code java.util.concurrent.atomic} classes): from a
 *       native, with {@code mayMigrate} false (a native cannot stop half-way; the runtime answers
 *       PROCEED or WAIT there).</li>
 * </ul>
 */
public interface VolatileGate {
    int PROCEED = 0;
    int MIGRATE = 1;
    int WAIT = 2;

    /** What the access does with the volatile state. */
    enum Access {
        READ, WRITE,
        /** An atomic read-modify-write (compare-and-set, get-and-add ...): a read and a write at once. */
        ATOMIC
    }

    /**
     * Asked before {@code t} accesses volatile {@code field} of {@code holder} (a tracked
     * {@code GuestObject}, or the {@code VmClass} owning a static, tracked or not).
     *
     * @param mayMigrate false when asked from a native, where {@link #MIGRATE} is not an answer
     */
    int beforeAccess(GuestThread t, Object holder, VmField field, Access access, boolean mayMigrate);
}
