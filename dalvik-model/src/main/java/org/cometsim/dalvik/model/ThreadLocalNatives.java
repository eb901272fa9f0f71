package org.cometsim.dalvik.model;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * The VM side of the guest library's {@code java.lang.ThreadLocal} (module {@code guest-lib}):
 * each guest thread's values hang off its {@code Thread} object, in the model class's fields
 * {@code threadLocals} and {@code inheritableThreadLocals} ({@code ThreadModel}), which library
 * code cannot name; four natives read and write them (writes go through the write barrier), and
 * {@link #inheritedBy} makes a {@code Thread} constructor end in the library's
 * {@code ThreadLocal.inheritInto}, which copies the constructing thread's inheritable values
 * through {@code childValue} in guest code.
 */
final class ThreadLocalNatives {
    private static final String THREAD_LOCAL = "java.lang.ThreadLocal";
    private static final String MAP = "Ljava/lang/ThreadLocal$ThreadLocalMap;";
    static final String LOCALS_FIELD = "threadLocals";
    static final String INHERITABLE_FIELD = "inheritableThreadLocals";

    private ThreadLocalNatives() {
    }

    static void register(ClassLinker linker, OffloadHooks hooks, NativeRegistry reg) {
        register(linker, hooks, reg, "threadLocals", "setThreadLocals", LOCALS_FIELD);
        register(linker, hooks, reg, "inheritableThreadLocals", "setInheritableThreadLocals", INHERITABLE_FIELD);
    }

    private static void register(ClassLinker linker, OffloadHooks hooks, NativeRegistry reg, String getter, String setter,
                                 String fieldName) {
        VmField[] field = new VmField[1]; // resolved at first use: the Thread model class is linked lazily
        reg.register(THREAD_LOCAL, getter, "(Ljava/lang/Thread;)" + MAP, true, Placement.OFFLOADABLE, "default",
                (in, t, a) -> ((GuestObject) a[0]).r[threadField(linker, field, fieldName).slot]);
        reg.register(THREAD_LOCAL, setter, "(Ljava/lang/Thread;" + MAP + ")V", true, Placement.OFFLOADABLE, "default",
                (in, t, a) -> {
                    GuestObject thread = (GuestObject) a[0];
                    VmField f = threadField(linker, field, fieldName);
                    if (thread.dsm != null) {
                        hooks.barrier().fieldWrite(thread, f);
                    }
                    thread.r[f.slot] = a[1];
                    return null;
                });
    }

    private static VmField threadField(ClassLinker linker, VmField[] cache, String name) {
        VmField f = cache[0];
        if (f == null) {
            f = linker.classForDescriptor("Ljava/lang/Thread;").fields.get(name);
            cache[0] = f;
        }
        return f;
    }

    /**
     * What a {@code Thread} constructor returns for {@code child}, built by guest thread
     * {@code parent}: null, or (when the parent has inheritable values and the constructor
     * inherits them) a tail call of {@code ThreadLocal.inheritInto(child, parentMap)}, so the copy
     * runs as an ordinary guest frame of the constructing thread.
     */
    static Object inheritedBy(ClassLinker linker, GuestThread parent, GuestObject child) {
        GuestObject parentThread = parent.threadObject;
        if (parentThread == null) {
            return null;
        }
        Object parentMap = parentThread.r[linker.classForDescriptor("Ljava/lang/Thread;").fields.get(INHERITABLE_FIELD).slot];
        if (parentMap == null) {
            return null;
        }
        VmMethod inheritInto = linker.classForDescriptor("Ljava/lang/ThreadLocal;").methods
                .get("inheritInto(Ljava/lang/Thread;" + MAP + ")V");
        return new NativeImpl.TailCall(inheritInto, new Object[] {child, parentMap});
    }
}
