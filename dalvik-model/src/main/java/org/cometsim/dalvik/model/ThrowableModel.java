package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.field;
import static org.cometsim.dalvik.model.ModelMembers.nat;
import static org.cometsim.dalvik.model.ModelMembers.writeRef;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.rt.VmWorld;

/**
 * {@code java.lang.Throwable} and every host exception class, mirrored on demand with the same
 * name and superclass chain (so {@code catch (IOException e)} works on exceptions thrown by host
 * code and by guest code alike): message, cause, suppressed exceptions and a stack trace of guest
 * frames as real fields, {@code printStackTrace} in the JDK's format. A mirrored class's own
 * constructors and accessors ({@code MissingResourceException.getKey} ...) are answered by a host
 * twin ({@code vmData}). It is also the VM's maker of guest exceptions ({@link GuestExceptions}):
 * every layer below raises guest exceptions through it.
 */
final class ThrowableModel implements GuestExceptions {
    /** Mirrored exception classes with natives of their own (beyond Throwable's and their host twin's). */
    static final Set<String> MIRRORS_WITH_NATIVES = Set.of("java.security.PrivilegedActionException",
            "java.lang.reflect.InvocationTargetException");

    private final ClassLinker linker;
    private final OffloadHooks hooks;
    private final VmWorld world;
    private final GuestCalls calls;
    private final HostBridge bridge;
    private VmField tMessage;
    private VmField tCause;
    private VmField tTrace;
    private VmField tSuppressed;

    /** {@code world}: {@code printStackTrace()} prints to its {@code System.err}. */
    ThrowableModel(ClassLinker linker, OffloadHooks hooks, VmWorld world, GuestCalls calls, HostBridge bridge) {
        this.linker = linker;
        this.hooks = hooks;
        this.world = world;
        this.calls = calls;
        this.bridge = bridge;
    }

    // ------------------------------------------------------------------ Throwable

    void complete(VmClass c) {
        c.superclass = linker.classForDescriptor("Ljava/lang/Object;");
        c.interfaces = new VmClass[] {linker.classForDescriptor("Ljava/io/Serializable;")};
        tMessage = field(c, "detailMessage", "Ljava/lang/String;");
        tCause = field(c, "cause", "Ljava/lang/Throwable;");
        tTrace = field(c, "stackTrace", "[Ljava/lang/StackTraceElement;");
        tSuppressed = field(c, "suppressedExceptions", "Ljava/util/List;");
        for (String d : THROWABLE_INITS) {
            nat(c, "<init>", d, false, throwableInit(d));
        }
        nat(c, "getMessage", "()Ljava/lang/String;", false, (in, t, a) -> ((GuestObject) a[0]).r[tMessage.slot]);
        nat(c, "getLocalizedMessage", "()Ljava/lang/String;", false,
                (in, t, a) -> in.callVirtual(t, a[0], "getMessage", "()Ljava/lang/String;"));
        nat(c, "getCause", "()Ljava/lang/Throwable;", false, (in, t, a) -> {
            Object cause = ((GuestObject) a[0]).r[tCause.slot];
            return cause == a[0] ? null : cause;
        });
        nat(c, "initCause", "(Ljava/lang/Throwable;)Ljava/lang/Throwable;", false, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            if (g.r[tCause.slot] != g) {
                throw create(t, "java.lang.IllegalStateException", "Can't overwrite cause with "
                        + (a[1] == null ? "a null" : in.callVirtual(t, a[1], "toString", "()Ljava/lang/String;")));
            }
            if (a[1] == g) {
                throw create(t, "java.lang.IllegalArgumentException", "Self-causation not permitted");
            }
            writeRef(hooks, g, tCause, a[1]);
            return g;
        });
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> {
            Object msg = in.callVirtual(t, a[0], "getLocalizedMessage", "()Ljava/lang/String;");
            String n = ((GuestObject) a[0]).cls.name;
            return msg != null ? n + ": " + msg : n;
        });
        nat(c, "fillInStackTrace", "()Ljava/lang/Throwable;", false, (in, t, a) -> {
            writeRef(hooks, (GuestObject) a[0], tTrace, captureTrace(t, (GuestObject) a[0]));
            return a[0];
        });
        nat(c, "getStackTrace", "()[Ljava/lang/StackTraceElement;", false, (in, t, a) -> {
            StackTraceElement[] st = trace((GuestObject) a[0]);
            return new GuestArray(linker.classForDescriptor("[Ljava/lang/StackTraceElement;"), st.clone(), st.length);
        });
        nat(c, "setStackTrace", "([Ljava/lang/StackTraceElement;)V", false, (in, t, a) -> {
            GuestArray ga = (GuestArray) a[1];
            Object[] src = (Object[]) ga.data;
            StackTraceElement[] st = new StackTraceElement[src.length];
            for (int i = 0; i < src.length; i++) {
                if (src[i] == null) {
                    throw npe(t, "stackTrace[" + i + "]");
                }
                st[i] = (StackTraceElement) src[i];
            }
            writeRef(hooks, (GuestObject) a[0], tTrace, st);
            return null;
        });
        nat(c, "addSuppressed", "(Ljava/lang/Throwable;)V", false, (in, t, a) -> {
            if (a[1] == a[0]) {
                throw create(t, "java.lang.IllegalArgumentException", "Self-suppression not permitted");
            }
            if (a[1] == null) {
                throw npe(t, "Cannot suppress a null exception.");
            }
            GuestObject g = (GuestObject) a[0];
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) g.r[tSuppressed.slot];
            if (l == null) {
                l = new ArrayList<>();
                writeRef(hooks, g, tSuppressed, l);
            } else if (g.dsm != null) {
                hooks.barrier().fieldWrite(g, tSuppressed); // the list is the field's value: it changes
            }
            l.add(a[1]);
            return null;
        });
        nat(c, "getSuppressed", "()[Ljava/lang/Throwable;", false, (in, t, a) -> {
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) ((GuestObject) a[0]).r[tSuppressed.slot];
            Object[] data = l == null ? new Object[0] : l.toArray();
            return new GuestArray(linker.classForDescriptor("[Ljava/lang/Throwable;"), data, data.length);
        });
        nat(c, "printStackTrace", "()V", false, (in, t, a) -> {
            PrintStream err = world.errOrLaunch();
            printStackTrace(t, (GuestObject) a[0], err::print);
            err.flush();
            return null;
        });
        nat(c, "printStackTrace", "(Ljava/io/PrintStream;)V", false, (in, t, a) -> {
            PrintStream ps = (PrintStream) a[1];
            printStackTrace(t, (GuestObject) a[0], ps::print);
            return null;
        });
        nat(c, "printStackTrace", "(Ljava/io/PrintWriter;)V", false, (in, t, a) -> {
            PrintWriter pw = (PrintWriter) a[1];
            printStackTrace(t, (GuestObject) a[0], pw::print);
            return null;
        });
    }

    private static final String[] THROWABLE_INITS = {"()V", "(Ljava/lang/String;)V",
        "(Ljava/lang/String;Ljava/lang/Throwable;)V", "(Ljava/lang/Throwable;)V",
        "(Ljava/lang/String;Ljava/lang/Throwable;ZZ)V"};

    private NativeImpl throwableInit(String desc) {
        return (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            switch (desc) {
                case "()V":
                    writeRef(hooks, g, tCause, g);
                    break;
                case "(Ljava/lang/String;)V":
                    writeRef(hooks, g, tMessage, a[1]);
                    writeRef(hooks, g, tCause, g);
                    break;
                case "(Ljava/lang/Throwable;)V":
                    writeRef(hooks, g, tMessage, a[1] == null ? null : in.callVirtual(t, a[1], "toString", "()Ljava/lang/String;"));
                    writeRef(hooks, g, tCause, a[1]);
                    break;
                default:
                    writeRef(hooks, g, tMessage, a[1]);
                    writeRef(hooks, g, tCause, a[2]);
                    break;
            }
            writeRef(hooks, g, tTrace, captureTrace(t, g));
            return null;
        };
    }

    /**
     * Constructors of mirrored exception classes: the standard Throwable shapes are shared; any
     * other constructor (e.g. {@code IndexOutOfBoundsException(int)}) builds the host exception
     * and copies its message, so the text is exactly the JDK's.
     */
    VmMethod directMethod(VmClass owner, String name, String desc) {
        if (!name.equals("<init>") || !owner.isSubtypeOf(linker.classForDescriptor("Ljava/lang/Throwable;"))) {
            return null;
        }
        if ((owner.name.equals("java.lang.reflect.InvocationTargetException")
                && (desc.equals("(Ljava/lang/Throwable;)V") || desc.equals("(Ljava/lang/Throwable;Ljava/lang/String;)V")))
                || (owner.name.equals("java.security.PrivilegedActionException") && desc.equals("(Ljava/lang/Exception;)V"))) {
            // InvocationTargetException(target[, message]): the message is not derived from the target.
            VmMethod m = new VmMethod(owner, name, desc, 0x0001 | 0x0100);
            m.nativeImpl = (in, t, a) -> {
                GuestObject g = (GuestObject) a[0];
                writeRef(hooks, g, tMessage, a.length > 2 ? a[2] : null);
                writeRef(hooks, g, tCause, a[1]);
                writeRef(hooks, g, tTrace, captureTrace(t, g));
                return null;
            };
            owner.methods.put(m.key(), m);
            return m;
        }
        for (String d : THROWABLE_INITS) {
            if (d.equals(desc)) {
                return linker.classForDescriptor("Ljava/lang/Throwable;").methods.get("<init>" + desc);
            }
        }
        if (owner.host == null) {
            return null;
        }
        VmMethod hostCtor = bridge.hostConstructor(linker.hostClassOf(owner.host).kind == VmClass.Kind.HOST
                ? linker.hostClassOf(owner.host) : hostOnly(owner), desc);
        VmMethod m = new VmMethod(owner, name, desc, 0x0001 | 0x0100);
        m.nativeImpl = (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            // A copy: the bridge may replace arguments by their host views in place (the receiver too).
            Object result = hostCtor.nativeImpl.invoke(in, t, a.clone());
            if (result instanceof GuestObject && ((GuestObject) result).vmData instanceof Throwable) {
                // The bridge already converted the new host exception (e.g. AssertionError(Object)):
                // its host twin is what it was made from.
                result = ((GuestObject) result).vmData;
            }
            if (!(result instanceof Throwable)) {
                throw new VmError("internal error: constructor " + owner.name + desc + " made no host exception");
            }
            Throwable made = (Throwable) result;
            g.vmData = made; // the host twin answers the class's own accessors (throwableAccessor)
            writeRef(hooks, g, tMessage, made.getMessage());
            writeRef(hooks, g, tCause, g);
            writeRef(hooks, g, tTrace, captureTrace(t, g));
            return null;
        };
        owner.methods.put(m.key(), m);
        return m;
    }

    private VmClass hostOnly(VmClass mirror) {
        VmClass h = new VmClass(VmClass.Kind.HOST, mirror.name, mirror.descriptor);
        h.host = mirror.host;
        return h;
    }

    /** The guest class standing for a host exception class, with the same superclass chain. */
    VmClass mirrorThrowable(String name, String desc, Class<?> host) {
        VmClass c = new VmClass(VmClass.Kind.MODEL, name, desc);
        c.host = host;
        c.access = host.getModifiers() & 0xffff;
        c.initState = VmClass.INIT_DONE;
        Class<?> sup = host.getSuperclass();
        c.superclass = linker.classForDescriptor(Descriptors.of(sup));
        VmClass s = c.superclass;
        c.instancePrimCount = s.instancePrimCount;
        c.instanceRefCount = s.instanceRefCount;
        c.instanceFieldCount = s.instanceFieldCount;
        if (name.equals("java.security.PrivilegedActionException")) {
            // Its exception is the cause; its toString names the cause, not a message (JDK 17).
            nat(c, "getException", "()Ljava/lang/Exception;", false, (in, t, a) -> {
                Object cause = ((GuestObject) a[0]).r[tCause.slot];
                return cause == a[0] ? null : cause;
            });
            nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> {
                Object cause = ((GuestObject) a[0]).r[tCause.slot];
                return cause == null || cause == a[0] ? c.name
                        : c.name + ": " + in.callVirtual(t, cause, "toString", "()Ljava/lang/String;");
            });
        }
        if (name.equals("java.lang.reflect.InvocationTargetException")) {
            // Its target is the Throwable cause (the JDK's getCause() returns the target too).
            nat(c, "getTargetException", "()Ljava/lang/Throwable;", false, (in, t, a) -> {
                Object cause = ((GuestObject) a[0]).r[tCause.slot];
                return cause == a[0] ? null : cause;
            });
        }
        return c;
    }

    /**
     * A method of a JDK exception class beyond {@code Throwable}'s ({@code MissingResourceException.getKey},
     * {@code SQLException.getErrorCode} ...), or null. The exception's own state lives in its host
     * twin ({@code vmData}): the host exception it was converted from, or the one a non-Throwable-shaped
     * constructor built. An exception made with a Throwable-shaped constructor has none, and the
     * call stops as unsupported rather than answering a default.
     */
    VmMethod throwableAccessor(VmClass rc, String key) {
        int paren = key.indexOf('(');
        String name = key.substring(0, paren);
        String desc = key.substring(paren);
        for (VmClass c = rc; c != null; c = c.superclass) {
            if (c.kind != VmClass.Kind.MODEL || c.host == null || c.host == Throwable.class
                    || !Throwable.class.isAssignableFrom(c.host)) {
                continue;
            }
            boolean own = false;
            for (java.lang.reflect.Method hm : c.host.getMethods()) {
                if (hm.getName().equals(name) && !java.lang.reflect.Modifier.isStatic(hm.getModifiers())
                        && Descriptors.methodDescriptor(hm.getParameterTypes(), hm.getReturnType()).equals(desc)) {
                    Class<?> d = hm.getDeclaringClass();
                    own = d != Throwable.class && d != Object.class;
                }
            }
            if (!own) {
                continue;
            }
            VmMethod bridged = bridge.hostVirtualOrNull(hostOnly(c), name, desc);
            if (bridged == null) {
                continue;
            }
            VmClass owner = c;
            VmMethod m = new VmMethod(owner, name, desc, 0x0001 | 0x0100);
            m.nativeImpl = (in, t, a) -> {
                Object twin = ((GuestObject) a[0]).vmData;
                if (!(twin instanceof Throwable)) {
                    throw VmError.unsupported(owner.name + "." + key + " of an exception made by guest code with a"
                            + " Throwable-shaped constructor (its " + owner.name + " state was never set)");
                }
                Object[] b = a.clone();
                b[0] = twin;
                return bridged.nativeImpl.invoke(in, t, b);
            };
            m.placement = bridged.placement;
            m.costClass = bridged.costClass;
            m.elements = bridged.elements;
            return m;
        }
        return null;
    }

    // ------------------------------------------------------------------ guest exceptions

    @Override
    public GuestThrowable create(GuestThread t, String className, String message) {
        VmClass c = linker.classForDescriptor(Descriptors.toDescriptor(className));
        if (c == null) {
            throw new VmError("internal error: no exception class " + className);
        }
        return create(t, c, message);
    }

    @Override
    public GuestThrowable createWithCause(GuestThread t, String className, String message, Object cause) {
        GuestThrowable g = create(t, className, message);
        setCause(g.guest, cause);
        return g;
    }

    @Override
    public GuestThrowable create(GuestThread t, VmClass c, String message) {
        return new GuestThrowable(newThrowable(t, c, message));
    }

    @Override
    public GuestThrowable createWithCause(GuestThread t, VmClass c, String message, Object cause) {
        GuestThrowable g = create(t, c, message);
        setCause(g.guest, cause);
        return g;
    }

    /** A new guest exception of class {@code c} with a message and the current guest stack trace. */
    private GuestObject newThrowable(GuestThread t, VmClass c, String message) {
        GuestObject g = new GuestObject(c);
        g.r[tMessage.slot] = message;
        g.r[tCause.slot] = g;
        g.r[tTrace.slot] = t == null ? new StackTraceElement[0] : captureTrace(t, g);
        return g;
    }

    private void setCause(GuestObject g, Object cause) {
        writeRef(hooks, g, tCause, cause);
    }

    private StackTraceElement[] trace(GuestObject g) {
        Object st = g.r[tTrace.slot];
        return st == null ? new StackTraceElement[0] : (StackTraceElement[]) st;
    }

    /** Guest frames of {@code t}, top first, skipping the exception's own constructors (as HotSpot does). */
    /** Frames a captured stack trace keeps at most, as HotSpot's default MaxJavaStackTraceDepth. */
    static final int MAX_TRACE_DEPTH = 1024;

    private StackTraceElement[] captureTrace(GuestThread t, GuestObject ex) {
        List<StackTraceElement> out = new ArrayList<>();
        boolean skipping = true;
        for (Frame f = t.top; f != null; f = f.caller) {
            VmMethod m = f.method;
            if (skipping && (m.name.equals("<init>") || m.name.equals("fillInStackTrace")) && ex.cls.isSubtypeOf(m.owner)) {
                continue;
            }
            skipping = false;
            if (out.size() == MAX_TRACE_DEPTH) {
                break; // HotSpot's -XX:MaxJavaStackTraceDepth default: the innermost 1024 frames
            }
            int line = f.code.lineOf.length > f.pc ? f.code.lineOf[f.pc] : -1;
            out.add(new StackTraceElement(m.owner.name, m.name, m.owner.sourceFile, line));
        }
        return out.toArray(new StackTraceElement[0]);
    }

    /** {@code printStackTrace} of {@code ex} into {@code sink}, in the JDK's format (causes, suppressed, "... n more"). */
    void printStackTrace(GuestThread t, GuestObject ex, java.util.function.Consumer<String> sink) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        printOne(t, ex, sink, "", "", null, seen);
    }

    private void printOne(GuestThread t, GuestObject ex, java.util.function.Consumer<String> sink, String caption,
                          String prefix, StackTraceElement[] enclosing, Map<Object, Boolean> seen) {
        GuestCalls in = calls;
        if (seen.put(ex, Boolean.TRUE) != null) {
            sink.accept(prefix + caption + "[CIRCULAR REFERENCE: " + in.callVirtual(t, ex, "toString", "()Ljava/lang/String;") + "]\n");
            return;
        }
        StackTraceElement[] trace = trace(ex);
        int m = trace.length - 1;
        int common = 0;
        if (enclosing != null) {
            int n = enclosing.length - 1;
            while (m >= 0 && n >= 0 && trace[m].equals(enclosing[n])) {
                m--;
                n--;
            }
            common = trace.length - 1 - m;
        }
        sink.accept(prefix + caption + in.callVirtual(t, ex, "toString", "()Ljava/lang/String;") + "\n");
        for (int i = 0; i <= m; i++) {
            sink.accept(prefix + "\tat " + trace[i] + "\n");
        }
        if (common != 0) {
            sink.accept(prefix + "\t... " + common + " more\n");
        }
        @SuppressWarnings("unchecked")
        List<Object> sup = (List<Object>) ex.r[tSuppressed.slot];
        if (sup != null) {
            for (Object s : sup) {
                printOne(t, (GuestObject) s, sink, "Suppressed: ", prefix + "\t", trace, seen);
            }
        }
        Object cause = in.callVirtual(t, ex, "getCause", "()Ljava/lang/Throwable;");
        if (cause != null) {
            printOne(t, (GuestObject) cause, sink, "Caused by: ", prefix, trace, seen);
        }
    }
}
