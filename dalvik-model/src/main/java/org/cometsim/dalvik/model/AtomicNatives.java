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
 * The VM side of the guest library's atomics {@code java.util.concurrent.atomic.AtomicInteger},
 * {@code AtomicLong}, {@code AtomicBoolean} (an {@code int} field, as the JDK's) and
 * {@code AtomicReference} (module {@code guest-lib}): their read-modify-writes of the
 * {@code volatile value} field, each one native so it is atomic among the VM's threads (a native
 * is never preempted). Like every path to volatile state, each asks the {@link VolatileGate} first
 * when the object is tracked (so an offload runtime owns the field <em>before</em> the
 * compare-and-set, not after as COMET's prototype did) and reports a write to the write barrier
 * before its store. A reference compare-and-set compares identities, as the JDK's.
 */
final class AtomicNatives {
    private static final String PKG = "java.util.concurrent.atomic.";

    private AtomicNatives() {
    }

    /** A read-modify-write: the new value from the old one and the call's arguments. */
    private interface Update {
        /** The new value, or {@code old} itself (the same object) to write nothing. */
        Object apply(Object old, Object[] args);
    }

    /** What the native returns, from the old value and the arguments. */
    private interface Result {
        Object of(Object old, Object[] args);
    }

    static void register(ClassLinker linker, OffloadHooks hooks, NativeRegistry reg) {
        for (String cls : new String[] {"AtomicInteger", "AtomicBoolean"}) {
            VmField[] value = new VmField[1]; // resolved at first use: the class is linked lazily
            register(linker, hooks, reg, cls, value, "casValue", "(II)Z",
                    (old, a) -> ((Integer) old).intValue() == (Integer) a[1] ? a[2] : old,
                    (old, a) -> ((Integer) old).intValue() == (Integer) a[1]);
            register(linker, hooks, reg, cls, value, "getAndSetValue", "(I)I", (old, a) -> a[1], (old, a) -> old);
        }
        VmField[] intValue = new VmField[1];
        register(linker, hooks, reg, "AtomicInteger", intValue, "getAndAddValue", "(I)I",
                (old, a) -> (Integer) a[1] == 0 ? old : Integer.valueOf((Integer) old + (Integer) a[1]), (old, a) -> old);
        VmField[] longValue = new VmField[1];
        register(linker, hooks, reg, "AtomicLong", longValue, "casValue", "(JJ)Z",
                (old, a) -> ((Long) old).longValue() == (Long) a[1] ? a[2] : old,
                (old, a) -> ((Long) old).longValue() == (Long) a[1]);
        register(linker, hooks, reg, "AtomicLong", longValue, "getAndSetValue", "(J)J", (old, a) -> a[1], (old, a) -> old);
        register(linker, hooks, reg, "AtomicLong", longValue, "getAndAddValue", "(J)J",
                (old, a) -> (Long) a[1] == 0L ? old : Long.valueOf((Long) old + (Long) a[1]), (old, a) -> old);
        VmField[] refValue = new VmField[1];
        register(linker, hooks, reg, "AtomicReference", refValue, "casValue", "(Ljava/lang/Object;Ljava/lang/Object;)Z",
                (old, a) -> old == a[1] ? new Ref(a[2]) : old, (old, a) -> old == a[1]);
        register(linker, hooks, reg, "AtomicReference", refValue, "getAndSetValue",
                "(Ljava/lang/Object;)Ljava/lang/Object;", (old, a) -> new Ref(a[1]), (old, a) -> old);
    }

    /**
     * A reference to store, boxed so that storing the very object the field holds (or null) still
     * counts as a write, as for the primitive kinds (a compare-and-set that succeeds always writes).
     */
    private record Ref(Object value) {
    }

    private static void register(ClassLinker linker, OffloadHooks hooks, NativeRegistry reg, String simpleName,
                                 VmField[] value, String name, String desc, Update update, Result result) {
        String className = PKG + simpleName;
        String classDesc = "L" + className.replace('.', '/') + ";";
        boolean alwaysWrites = name.equals("getAndSetValue");
        // A scalar call, priced as Math's are.
        reg.register(className, name, desc, false, Placement.OFFLOADABLE, HostCost.MATH, null, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            VmField f = valueField(linker, classDesc, value);
            if (g.dsm != null && mustWait(hooks, t, g, f)) {
                return NativeImpl.BLOCK; // nothing changed: runs again once the volatiles are owned here
            }
            Object old = read(g, f);
            Object neu = update.apply(old, a);
            if (neu != old || alwaysWrites) {
                if (g.dsm != null) {
                    hooks.barrier().fieldWrite(g, f);
                }
                write(g, f, neu);
            }
            return result.of(old, a);
        });
    }

    private static Object read(GuestObject g, VmField f) {
        if (f.isRef) {
            return g.r[f.slot];
        }
        long raw = g.p[f.slot];
        return f.type.equals("J") ? (Object) Long.valueOf(raw) : (Object) Integer.valueOf((int) raw);
    }

    private static void write(GuestObject g, VmField f, Object neu) {
        if (f.isRef) {
            g.r[f.slot] = ((Ref) neu).value();
        } else if (neu instanceof Long) {
            g.p[f.slot] = (Long) neu;
        } else {
            g.p[f.slot] = (Integer) neu;
        }
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

    private static VmField valueField(ClassLinker linker, String classDesc, VmField[] cache) {
        VmField f = cache[0];
        if (f == null) {
            f = linker.classForDescriptor(classDesc).fields.get("value");
            cache[0] = f;
        }
        return f;
    }
}
