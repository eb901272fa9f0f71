package org.cometsim.dalvik.model;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.hooks.VolatileGate;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmField;

/**
 * The VM side of the guest library's {@code java.util.concurrent.atomic.AtomicInteger} (module
 * {@code guest-lib}): its read-modify-writes of the {@code volatile int value} field, each one
 * native so it is atomic among the VM's threads (a native is never preempted). Like every path to
 * volatile state, each asks the {@link VolatileGate} first when the object is tracked (so an
 * offload runtime owns the field <em>before</em> the compare-and-set, not after as COMET's
 * prototype did) and reports a write to the write barrier before its store.
 */
final class AtomicNatives {
    private static final String ATOMIC_INTEGER = "java.util.concurrent.atomic.AtomicInteger";

    private AtomicNatives() {
    }

    /** An int read-modify-write: the new value from the old one and the call's arguments. */
    private interface IntUpdate {
        /** The new value, or {@code old} itself to write nothing. */
        int apply(int old, Object[] args);
    }

    static void register(ClassLinker linker, OffloadHooks hooks, NativeRegistry reg) {
        VmField[] value = new VmField[1]; // resolved at first use: the class is linked lazily
        register(linker, hooks, reg, value, "casValue", "(II)Z", (old, a) -> old == (Integer) a[1] ? (Integer) a[2] : old,
                (old, neu, a) -> old == (Integer) a[1]);
        register(linker, hooks, reg, value, "getAndAddValue", "(I)I", (old, a) -> old + (Integer) a[1], (old, neu, a) -> old);
        register(linker, hooks, reg, value, "getAndSetValue", "(I)I", (old, a) -> (Integer) a[1], (old, neu, a) -> old);
    }

    /** What the native returns, from the old and new values. */
    private interface Result {
        Object of(int old, int neu, Object[] args);
    }

    private static void register(ClassLinker linker, OffloadHooks hooks, NativeRegistry reg, VmField[] value, String name,
                                 String desc, IntUpdate update, Result result) {
        // A scalar call, priced as Math's are.
        reg.register(ATOMIC_INTEGER, name, desc, false, Placement.OFFLOADABLE, HostCost.MATH, null, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            VmField f = valueField(linker, value);
            if (g.dsm != null && mustWait(hooks, t, g, f)) {
                return NativeImpl.BLOCK; // nothing changed: runs again once the volatiles are owned here
            }
            int old = (int) g.p[f.slot];
            int neu = update.apply(old, a);
            if (neu != old || name.equals("getAndSetValue")) {
                if (g.dsm != null) {
                    hooks.barrier().fieldWrite(g, f);
                }
                g.p[f.slot] = neu;
            }
            return result.of(old, neu, a);
        });
    }

    private static boolean mustWait(OffloadHooks hooks, GuestThread t, GuestObject g, VmField f) {
        VolatileGate gate = hooks.volatileGate();
        if (gate == null) {
            return false;
        }
        int d = gate.beforeAccess(t, g, f, VolatileGate.Access.ATOMIC, false);
        if (d == VolatileGate.MIGRATE) {
            throw new IllegalStateException("the volatile gate asked a native to migrate (" + f + ")");
        }
        return d == VolatileGate.WAIT;
    }

    private static VmField valueField(ClassLinker linker, VmField[] cache) {
        VmField f = cache[0];
        if (f == null) {
            f = linker.classForDescriptor("Ljava/util/concurrent/atomic/AtomicInteger;").fields.get("value");
            cache[0] = f;
        }
        return f;
    }
}
