package org.cometsim.dalvik.bridge;

import org.cometsim.dalvik.rt.Placement;

import org.cometsim.dalvik.rt.NativeImpl;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.interp.Interpreter;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Model classes: {@code java.*} classes the VM implements itself so that their instances are
 * guest objects with real fields the DSM can track, and so that their behaviour (threads, locks,
 * stack traces) is the VM's: {@code Object}, {@code Class}, {@code Throwable} and every host
 * exception class (mirrored on demand, same name and hierarchy), {@code Thread} and {@code Enum}.
 * Their methods are natives defined here; Java PathFinder's model classes are the precedent.
 */
public final class ModelClasses implements GuestExceptions {
    private static final Set<String> MODELS = Set.of("java.lang.Object", "java.lang.Class", "java.lang.Throwable",
            "java.lang.Thread", "java.lang.Enum", "java.lang.reflect.Field");
    /** Reflection (Method, Constructor, AccessibleObject, Type values, Unsafe): {@link GuestReflection}. */
    private final GuestReflection reflection;

    private final Vm vm;
    private VmField tMessage;
    private VmField tCause;
    private VmField tTrace;
    private VmField tSuppressed;
    private VmField thName;
    private VmField thPriority;
    private VmField thDaemon;
    private VmField thTarget;
    private VmField thHandler;
    private VmField thStarted;
    private VmField eName;
    private VmField eOrdinal;
    private VmMethod arrayClone;
    private Object defaultUncaughtHandler;

    public ModelClasses(Vm vm) {
        this.vm = vm;
        this.reflection = new GuestReflection(vm, this);
    }

    /** Creates the model class {@code name}, or returns null if it is not a model class. */
    public VmClass define(String name, String desc) {
        if (!MODELS.contains(name) && !GuestReflection.MODEL_NAMES.contains(name)) {
            return null;
        }
        VmClass c = new VmClass(VmClass.Kind.MODEL, name, desc);
        c.access = 0x0001;
        c.initState = VmClass.INIT_DONE;
        try {
            c.host = Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (name.equals("java.lang.Enum") || name.equals("java.lang.Thread")) {
            c.access |= name.equals("java.lang.Enum") ? 0x0400 : 0;
        }
        return c;
    }

    /** Fills a freshly registered model class (its superclass may be linked now). */
    public void complete(VmClass c) {
        switch (c.name) {
            case "java.lang.Object":
                defineObject(c);
                break;
            case "java.lang.Class":
                c.superclass = vm.objectClass() != null ? vm.objectClass() : cls("Ljava/lang/Object;");
                c.access |= 0x0010;
                c.interfaces = new VmClass[] {cls("Ljava/io/Serializable;"), cls("Ljava/lang/reflect/GenericDeclaration;"),
                    cls("Ljava/lang/reflect/Type;"), cls("Ljava/lang/reflect/AnnotatedElement;")};
                defineClass(c);
                break;
            case "java.lang.Throwable":
                c.superclass = cls("Ljava/lang/Object;");
                c.interfaces = new VmClass[] {cls("Ljava/io/Serializable;")};
                defineThrowable(c);
                break;
            case "java.lang.Thread":
                c.superclass = cls("Ljava/lang/Object;");
                c.interfaces = new VmClass[] {cls("Ljava/lang/Runnable;")};
                defineThread(c);
                break;
            case "java.lang.Enum":
                c.superclass = cls("Ljava/lang/Object;");
                c.interfaces = new VmClass[] {cls("Ljava/lang/Comparable;"), cls("Ljava/io/Serializable;")};
                defineEnum(c);
                break;
            case "java.lang.reflect.Field":
                c.access |= 0x0010;
                reflection.completeField(c);
                defineField(c);
                break;
            default:
                if (!GuestReflection.MODEL_NAMES.contains(c.name)) {
                    throw new IllegalStateException(c.name);
                }
                reflection.complete(c);
                break;
        }
    }

    private VmClass cls(String d) {
        return vm.classForDescriptor(d);
    }

    private VmField field(VmClass c, String name, String type) {
        VmField f = new VmField(c, name, type, 0x0002);
        f.slot = f.isRef ? c.instanceRefCount++ : c.instancePrimCount++;
        f.index = c.instanceFieldCount++;
        c.fields.put(name, f);
        return f;
    }

    private VmMethod nat(VmClass c, String name, String desc, boolean isStatic, NativeImpl impl) {
        VmMethod m = new VmMethod(c, name, desc, 0x0001 | 0x0100 | (isStatic ? 0x0008 : 0));
        m.nativeImpl = impl;
        c.methods.put(m.key(), m);
        return m;
    }

    // ------------------------------------------------------------------ Object

    private void defineObject(VmClass c) {
        // Empty in Dalvik too: its invoke is counted as an instruction, not charged as a host call.
        nat(c, "<init>", "()V", false, (in, t, a) -> null).costClass = org.cometsim.dalvik.rt.HostCost.NONE;
        nat(c, "getClass", "()Ljava/lang/Class;", false, (in, t, a) -> vm.classOf(a[0]));
        nat(c, "hashCode", "()I", false, (in, t, a) -> identityHash(a[0]));
        nat(c, "equals", "(Ljava/lang/Object;)Z", false, (in, t, a) -> a[0] == a[1]);
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> vm.classOf(a[0]).name + "@"
                + Integer.toHexString((Integer) in.callVirtual(t, a[0], "hashCode", "()I")));
        nat(c, "clone", "()Ljava/lang/Object;", false, (in, t, a) -> cloneObject(t, a[0]));
        nat(c, "finalize", "()V", false, (in, t, a) -> null);
        nat(c, "notify", "()V", false, (in, t, a) -> { vm.monitors.notify(t, a[0], false); return null; });
        nat(c, "notifyAll", "()V", false, (in, t, a) -> { vm.monitors.notify(t, a[0], true); return null; });
        nat(c, "wait", "()V", false, (in, t, a) -> vm.monitors.waitOn(t, a[0], 0));
        nat(c, "wait", "(J)V", false, (in, t, a) -> vm.monitors.waitOn(t, a[0], (Long) a[1]));
        nat(c, "wait", "(JI)V", false, (in, t, a) -> vm.monitors.waitOn(t, a[0], (Long) a[1] + ((Integer) a[2] > 0 ? 1 : 0)));
    }

    public int identityHash(Object o) {
        if (o instanceof GuestObject) {
            GuestObject g = (GuestObject) o;
            if (g.hash == 0) {
                g.hash = vm.newIdentityHash();
            }
            return g.hash;
        }
        if (o instanceof GuestArray) {
            GuestArray g = (GuestArray) o;
            if (g.hash == 0) {
                g.hash = vm.newIdentityHash();
            }
            return g.hash;
        }
        if (o instanceof VmClass) {
            VmClass g = (VmClass) o;
            if (g.hash == 0) {
                g.hash = vm.newIdentityHash();
            }
            return g.hash;
        }
        return System.identityHashCode(o);
    }

    private Object cloneObject(GuestThread t, Object o) {
        if (o instanceof GuestArray) {
            return cloneArray((GuestArray) o);
        }
        if (o instanceof GuestObject) {
            GuestObject g = (GuestObject) o;
            if (!g.cls.isSubtypeOf(cls("Ljava/lang/Cloneable;"))) {
                throw vm.guestException(t, "java.lang.CloneNotSupportedException", g.cls.name);
            }
            GuestObject copy = new GuestObject(g.cls);
            System.arraycopy(g.p, 0, copy.p, 0, g.p.length);
            System.arraycopy(g.r, 0, copy.r, 0, g.r.length);
            copy.vmData = g.vmData;
            return copy;
        }
        throw VmError.unsupported("clone() of host object " + o.getClass().getName());
    }

    private static GuestArray cloneArray(GuestArray a) {
        Object d;
        Object src = a.data;
        if (src instanceof int[]) {
            d = ((int[]) src).clone();
        } else if (src instanceof long[]) {
            d = ((long[]) src).clone();
        } else if (src instanceof double[]) {
            d = ((double[]) src).clone();
        } else if (src instanceof float[]) {
            d = ((float[]) src).clone();
        } else if (src instanceof byte[]) {
            d = ((byte[]) src).clone();
        } else if (src instanceof char[]) {
            d = ((char[]) src).clone();
        } else if (src instanceof short[]) {
            d = ((short[]) src).clone();
        } else if (src instanceof boolean[]) {
            d = ((boolean[]) src).clone();
        } else {
            d = ((Object[]) src).clone();
        }
        return new GuestArray(a.type, d, a.length);
    }

    /** {@code clone()} on any array. */
    public VmMethod arrayClone() {
        if (arrayClone == null) {
            arrayClone = new VmMethod(vm.objectClass(), "clone", "()Ljava/lang/Object;", 0x0001 | 0x0100);
            arrayClone.nativeImpl = (in, t, a) -> cloneArray((GuestArray) a[0]);
        }
        return arrayClone;
    }

    // ------------------------------------------------------------------ Class

    private void defineClass(VmClass c) {
        nat(c, "getName", "()Ljava/lang/String;", false, (in, t, a) -> ((VmClass) a[0]).name);
        nat(c, "getSimpleName", "()Ljava/lang/String;", false, (in, t, a) -> ((VmClass) a[0]).simpleName());
        nat(c, "getTypeName", "()Ljava/lang/String;", false, (in, t, a) -> typeName((VmClass) a[0]));
        nat(c, "getCanonicalName", "()Ljava/lang/String;", false, (in, t, a) -> typeName((VmClass) a[0]).replace('$', '.'));
        nat(c, "getPackage", "()Ljava/lang/Package;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (k.isArray() || k.isPrimitive()) {
                return null;
            }
            if (vm.resources().loaderOf(k) != null) {
                return vm.resources().packageOf(k);
            }
            Class<?> h = k.host != null ? k.host : k.replacesHost;
            return h == null ? null : h.getPackage();
        });
        nat(c, "getPackageName", "()Ljava/lang/String;", false, (in, t, a) -> {
            String n = ((VmClass) a[0]).name;
            int dot = n.lastIndexOf('.');
            return dot < 0 ? "" : n.substring(0, dot);
        });
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> a[0].toString());
        nat(c, "isInstance", "(Ljava/lang/Object;)Z", false, (in, t, a) -> a[1] != null && vm.classOf(a[1]).isSubtypeOf((VmClass) a[0]));
        nat(c, "isAssignableFrom", "(Ljava/lang/Class;)Z", false, (in, t, a) -> {
            if (a[1] == null) {
                throw vm.npe(t, null);
            }
            return ((VmClass) a[1]).isSubtypeOf((VmClass) a[0]);
        });
        nat(c, "isInterface", "()Z", false, (in, t, a) -> ((VmClass) a[0]).isInterface());
        nat(c, "isArray", "()Z", false, (in, t, a) -> ((VmClass) a[0]).isArray());
        nat(c, "isPrimitive", "()Z", false, (in, t, a) -> ((VmClass) a[0]).isPrimitive());
        nat(c, "isEnum", "()Z", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            return (k.access & 0x4000) != 0 && k.superclass != null && k.superclass.name.equals("java.lang.Enum");
        });
        nat(c, "getModifiers", "()I", false, (in, t, a) -> ((VmClass) a[0]).access & 0xfff);
        nat(c, "getComponentType", "()Ljava/lang/Class;", false, (in, t, a) -> ((VmClass) a[0]).component);
        nat(c, "getSuperclass", "()Ljava/lang/Class;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            VmClass s = k.isInterface() || k.isPrimitive() ? null : k.superclass;
            // D8 desugars records to extend com.android.tools.r8.RecordTag; the JVM reports Record
            // (libraries such as Jackson detect records by their superclass's name).
            return s != null && s.name.equals("com.android.tools.r8.RecordTag") ? vm.classForDescriptor("Ljava/lang/Record;") : s;
        });
        nat(c, "desiredAssertionStatus", "()Z", false, (in, t, a) -> false);
        nat(c, "getClassLoader", "()Ljava/lang/ClassLoader;", false, (in, t, a) -> vm.resources().loaderOf((VmClass) a[0]));
        // Resources of a library class come from the host's JDK, as they would on the JVM;
        // those of application classes from the guest class path (GuestResources).
        nat(c, "getResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (a[1] == null) {
                throw vm.npe(t, null);
            }
            String n = vm.resources().absoluteName(k, (String) a[1]);
            if (vm.resources().loaderOf(k) == null) {
                return k.host == null ? null : k.host.getResourceAsStream((String) a[1]);
            }
            return vm.resources().stream(n);
        }).placement = Placement.CLIENT_PINNED;
        nat(c, "getResource", "(Ljava/lang/String;)Ljava/net/URL;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (a[1] == null) {
                throw vm.npe(t, null);
            }
            String n = vm.resources().absoluteName(k, (String) a[1]);
            if (vm.resources().loaderOf(k) == null) {
                return k.host == null ? null : k.host.getResource((String) a[1]);
            }
            return vm.resources().url(n);
        }).placement = Placement.CLIENT_PINNED;
        nat(c, "cast", "(Ljava/lang/Object;)Ljava/lang/Object;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (a[1] != null && !vm.classOf(a[1]).isSubtypeOf(k)) {
                throw vm.guestException(t, "java.lang.ClassCastException", "Cannot cast " + vm.classOf(a[1]).name + " to " + k.name);
            }
            return a[1];
        });
        nat(c, "asSubclass", "(Ljava/lang/Class;)Ljava/lang/Class;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (a[1] == null) {
                throw vm.npe(t, null);
            }
            if (!k.isSubtypeOf((VmClass) a[1])) {
                throw vm.guestException(t, "java.lang.ClassCastException", k.toString());
            }
            return k;
        });
        nat(c, "getPackage", "()Ljava/lang/Package;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            if (k.isArray() || k.isPrimitive()) {
                return null;
            }
            if (vm.resources().loaderOf(k) != null) {
                return vm.resources().packageOf(k);
            }
            Class<?> h = k.host != null ? k.host : k.replacesHost;
            return h == null ? null : h.getPackage();
        });
        nat(c, "getPackageName", "()Ljava/lang/String;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            while (k.isArray()) {
                k = k.component;
            }
            if (k.isPrimitive()) {
                return "java.lang";
            }
            int dot = k.name.lastIndexOf('.');
            return dot < 0 ? "" : k.name.substring(0, dot);
        });
        nat(c, "getEnumConstants", "()[Ljava/lang/Object;", false, (in, t, a) -> {
            GuestArray values = enumValues(t, (VmClass) a[0]);
            return values == null ? null : cloneArray(values);
        });
        NativeImpl forName = (in, t, a) -> {
            String n = (String) a[0];
            if (n == null) {
                throw vm.npe(t, null);
            }
            VmClass k;
            try {
                k = n.startsWith("[") ? vm.classForDescriptor(n.replace('.', '/'))
                        : vm.classForDescriptor(Descriptors.toDescriptor(n));
            } catch (org.cometsim.dalvik.link.ClassLinker.LinkageFailure e) {
                k = null;
            }
            if (k == null || k.isPrimitive()) {
                throw vm.guestException(t, "java.lang.ClassNotFoundException", n);
            }
            if (a.length == 1 || (Boolean) a[1]) {
                vm.initializeNow(t, k);
            }
            return k;
        };
        nat(c, "getDeclaredField", "(Ljava/lang/String;)Ljava/lang/reflect/Field;", false, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            String name = (String) a[1];
            if (name == null) {
                throw vm.npe(t, null);
            }
            VmField f = k.kind == VmClass.Kind.HOST ? null : k.fields.get(name);
            if (f == null && (k.kind == VmClass.Kind.HOST || k.kind == VmClass.Kind.MODEL) && k.host != null) {
                // The JDK's class is the oracle: a field the model does not represent is an unsupported API.
                try {
                    k.host.getDeclaredField(name);
                    throw VmError.unsupported("reflection on field " + name + " of library class " + k.name);
                } catch (NoSuchFieldException e) {
                    // not in the JDK either: the guest's NoSuchFieldException below
                }
            }
            if (f == null) {
                throw vm.guestException(t, "java.lang.NoSuchFieldException", name);
            }
            return fieldMirror(f);
        });
        nat(c, "forName", "(Ljava/lang/String;)Ljava/lang/Class;", true, forName);
        nat(c, "forName", "(Ljava/lang/String;ZLjava/lang/ClassLoader;)Ljava/lang/Class;", true, forName);
        reflection.defineClassQueries(c);
    }

    private static String typeName(VmClass k) {
        if (k.isArray()) {
            return typeName(k.component) + "[]";
        }
        return k.name;
    }

    /** The enum constants of {@code k} (its {@code values()}), or null if it is not an enum. */
    public GuestArray enumValues(GuestThread t, VmClass k) {
        if (k.enumConstants != null) {
            return (GuestArray) k.enumConstants;
        }
        if (k.kind == VmClass.Kind.HOST && k.host != null && k.host.isEnum()) {
            // A JDK enum (TimeUnit, DayOfWeek, StandardOpenOption ...): its constants are host
            // values, immutable, so the guest sees the host's own array (cloned per call below).
            GuestArray arr = (GuestArray) vm.bridge().toGuest(k.host.getEnumConstants());
            k.enumConstants = arr;
            return arr;
        }
        if ((k.access & 0x4000) == 0 || k.kind != VmClass.Kind.GUEST) {
            return null;
        }
        VmMethod values = k.methods.get("values()[" + k.descriptor);
        if (values == null) {
            return null;
        }
        vm.initializeNow(t, k);
        GuestArray arr = (GuestArray) vm.interpreter().callGuest(t, values);
        k.enumConstants = arr;
        return arr;
    }

    // ------------------------------------------------------------------ Throwable

    private void defineThrowable(VmClass c) {
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
                throw vm.guestException(t, "java.lang.IllegalStateException", "Can't overwrite cause with "
                        + (a[1] == null ? "a null" : in.callVirtual(t, a[1], "toString", "()Ljava/lang/String;")));
            }
            if (a[1] == g) {
                throw vm.guestException(t, "java.lang.IllegalArgumentException", "Self-causation not permitted");
            }
            writeRef(g, tCause, a[1]);
            return g;
        });
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> {
            Object msg = in.callVirtual(t, a[0], "getLocalizedMessage", "()Ljava/lang/String;");
            String n = ((GuestObject) a[0]).cls.name;
            return msg != null ? n + ": " + msg : n;
        });
        nat(c, "fillInStackTrace", "()Ljava/lang/Throwable;", false, (in, t, a) -> {
            writeRef((GuestObject) a[0], tTrace, captureTrace(t, (GuestObject) a[0]));
            return a[0];
        });
        nat(c, "getStackTrace", "()[Ljava/lang/StackTraceElement;", false, (in, t, a) -> {
            StackTraceElement[] st = trace((GuestObject) a[0]);
            return new GuestArray(cls("[Ljava/lang/StackTraceElement;"), st.clone(), st.length);
        });
        nat(c, "setStackTrace", "([Ljava/lang/StackTraceElement;)V", false, (in, t, a) -> {
            GuestArray ga = (GuestArray) a[1];
            Object[] src = (Object[]) ga.data;
            StackTraceElement[] st = new StackTraceElement[src.length];
            for (int i = 0; i < src.length; i++) {
                if (src[i] == null) {
                    throw vm.npe(t, "stackTrace[" + i + "]");
                }
                st[i] = (StackTraceElement) src[i];
            }
            writeRef((GuestObject) a[0], tTrace, st);
            return null;
        });
        nat(c, "addSuppressed", "(Ljava/lang/Throwable;)V", false, (in, t, a) -> {
            if (a[1] == a[0]) {
                throw vm.guestException(t, "java.lang.IllegalArgumentException", "Self-suppression not permitted");
            }
            if (a[1] == null) {
                throw vm.npe(t, "Cannot suppress a null exception.");
            }
            GuestObject g = (GuestObject) a[0];
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) g.r[tSuppressed.slot];
            if (l == null) {
                l = new ArrayList<>();
                writeRef(g, tSuppressed, l);
            } else if (g.dsm != null) {
                vm.barrier().fieldWrite(g, tSuppressed); // the list is the field's value: it changes
            }
            l.add(a[1]);
            return null;
        });
        nat(c, "getSuppressed", "()[Ljava/lang/Throwable;", false, (in, t, a) -> {
            @SuppressWarnings("unchecked")
            List<Object> l = (List<Object>) ((GuestObject) a[0]).r[tSuppressed.slot];
            Object[] data = l == null ? new Object[0] : l.toArray();
            return new GuestArray(cls("[Ljava/lang/Throwable;"), data, data.length);
        });
        nat(c, "printStackTrace", "()V", false, (in, t, a) -> {
            printStackTrace(t, (GuestObject) a[0], vm.err()::print);
            vm.err().flush();
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
                    writeRef(g, tCause, g);
                    break;
                case "(Ljava/lang/String;)V":
                    writeRef(g, tMessage, a[1]);
                    writeRef(g, tCause, g);
                    break;
                case "(Ljava/lang/Throwable;)V":
                    writeRef(g, tMessage, a[1] == null ? null : in.callVirtual(t, a[1], "toString", "()Ljava/lang/String;"));
                    writeRef(g, tCause, a[1]);
                    break;
                default:
                    writeRef(g, tMessage, a[1]);
                    writeRef(g, tCause, a[2]);
                    break;
            }
            writeRef(g, tTrace, captureTrace(t, g));
            return null;
        };
    }

    private void writeRef(GuestObject g, VmField f, Object v) {
        if (g.dsm != null) {
            vm.barrier().fieldWrite(g, f);
        }
        g.r[f.slot] = v;
    }

    /** A model field's primitive store, reported to the write barrier first when {@code g} is tracked. */
    private void writePrim(GuestObject g, VmField f, long v) {
        if (g.dsm != null) {
            vm.barrier().fieldWrite(g, f);
        }
        g.p[f.slot] = v;
    }

    /**
     * Constructors of mirrored exception classes: the standard Throwable shapes are shared; any
     * other constructor (e.g. {@code IndexOutOfBoundsException(int)}) builds the host exception
     * and copies its message, so the text is exactly the JDK's.
     */
    public VmMethod directMethod(VmClass owner, String name, String desc) {
        if (!name.equals("<init>") || !owner.isSubtypeOf(cls("Ljava/lang/Throwable;"))) {
            return null;
        }
        if ((owner.name.equals("java.lang.reflect.InvocationTargetException")
                && (desc.equals("(Ljava/lang/Throwable;)V") || desc.equals("(Ljava/lang/Throwable;Ljava/lang/String;)V")))
                || (owner.name.equals("java.security.PrivilegedActionException") && desc.equals("(Ljava/lang/Exception;)V"))) {
            // InvocationTargetException(target[, message]): the message is not derived from the target.
            VmMethod m = new VmMethod(owner, name, desc, 0x0001 | 0x0100);
            m.nativeImpl = (in, t, a) -> {
                GuestObject g = (GuestObject) a[0];
                writeRef(g, tMessage, a.length > 2 ? a[2] : null);
                writeRef(g, tCause, a[1]);
                writeRef(g, tTrace, captureTrace(t, g));
                return null;
            };
            owner.methods.put(m.key(), m);
            return m;
        }
        for (String d : THROWABLE_INITS) {
            if (d.equals(desc)) {
                return cls("Ljava/lang/Throwable;").methods.get("<init>" + desc);
            }
        }
        if (owner.host == null) {
            return null;
        }
        VmMethod hostCtor = vm.bridge().hostConstructor(vm.hostClassOf(owner.host).kind == VmClass.Kind.HOST
                ? vm.hostClassOf(owner.host) : hostOnly(owner), desc);
        VmMethod m = new VmMethod(owner, name, desc, 0x0001 | 0x0100);
        m.nativeImpl = (in, t, a) -> {
            Throwable made = (Throwable) hostCtor.nativeImpl.invoke(in, t, a);
            GuestObject g = (GuestObject) a[0];
            g.vmData = made; // the host twin answers the class's own accessors (throwableAccessor)
            writeRef(g, tMessage, made.getMessage());
            writeRef(g, tCause, g);
            writeRef(g, tTrace, captureTrace(t, g));
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
    public VmClass mirrorThrowable(String name, String desc, Class<?> host) {
        VmClass c = new VmClass(VmClass.Kind.MODEL, name, desc);
        c.host = host;
        c.access = host.getModifiers() & 0xffff;
        c.initState = VmClass.INIT_DONE;
        Class<?> sup = host.getSuperclass();
        c.superclass = vm.classForDescriptor(Descriptors.of(sup));
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
    public VmMethod throwableAccessor(VmClass rc, String key) {
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
            VmMethod bridged = vm.bridge().hostVirtualOrNull(hostOnly(c), name, desc);
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

    @Override
    public GuestThrowable create(GuestThread t, String className, String message) {
        VmClass c = vm.classForDescriptor(Descriptors.toDescriptor(className));
        if (c == null) {
            throw new VmError("internal error: no exception class " + className);
        }
        return new GuestThrowable(newThrowable(t, c, message));
    }

    @Override
    public GuestThrowable createWithCause(GuestThread t, String className, String message, Object cause) {
        GuestThrowable g = create(t, className, message);
        setCause(g.guest, cause);
        return g;
    }

    /** A new guest exception of class {@code c} with a message and the current guest stack trace. */
    public GuestObject newThrowable(GuestThread t, VmClass c, String message) {
        GuestObject g = new GuestObject(c);
        g.r[tMessage.slot] = message;
        g.r[tCause.slot] = g;
        g.r[tTrace.slot] = t == null ? new StackTraceElement[0] : captureTrace(t, g);
        return g;
    }

    public void setCause(GuestObject g, Object cause) {
        writeRef(g, tCause, cause);
    }

    private StackTraceElement[] trace(GuestObject g) {
        Object st = g.r[tTrace.slot];
        return st == null ? new StackTraceElement[0] : (StackTraceElement[]) st;
    }

    /** Guest frames of {@code t}, top first, skipping the exception's own constructors (as HotSpot does). */
    private StackTraceElement[] captureTrace(GuestThread t, GuestObject ex) {
        List<StackTraceElement> out = new ArrayList<>();
        boolean skipping = true;
        for (Frame f = t.top; f != null; f = f.caller) {
            VmMethod m = f.method;
            if (skipping && (m.name.equals("<init>") || m.name.equals("fillInStackTrace")) && ex.cls.isSubtypeOf(m.owner)) {
                continue;
            }
            skipping = false;
            int line = f.code.lineOf.length > f.pc ? f.code.lineOf[f.pc] : -1;
            out.add(new StackTraceElement(m.owner.name, m.name, m.owner.sourceFile, line));
        }
        return out.toArray(new StackTraceElement[0]);
    }

    private void printStackTrace(GuestThread t, GuestObject ex, java.util.function.Consumer<String> sink) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        printOne(t, ex, sink, "", "", null, seen);
    }

    private void printOne(GuestThread t, GuestObject ex, java.util.function.Consumer<String> sink, String caption,
                          String prefix, StackTraceElement[] enclosing, Map<Object, Boolean> seen) {
        Interpreter in = vm.interpreter();
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

    // ------------------------------------------------------------------ Thread

    private void defineThread(VmClass c) {
        thName = field(c, "name", "Ljava/lang/String;");
        thPriority = field(c, "priority", "I");
        thDaemon = field(c, "daemon", "Z");
        thTarget = field(c, "target", "Ljava/lang/Runnable;");
        thHandler = field(c, "uncaughtExceptionHandler", "Ljava/lang/Thread$UncaughtExceptionHandler;");
        thStarted = field(c, "started", "Z");
        String[][] inits = {
            {"()V", "-", "-"}, {"(Ljava/lang/Runnable;)V", "1", "-"}, {"(Ljava/lang/Runnable;Ljava/lang/String;)V", "1", "2"},
            {"(Ljava/lang/String;)V", "-", "1"}, {"(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;)V", "2", "-"},
            {"(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;Ljava/lang/String;)V", "2", "3"},
            {"(Ljava/lang/ThreadGroup;Ljava/lang/String;)V", "-", "2"},
            {"(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;Ljava/lang/String;J)V", "2", "3"}};
        for (String[] init : inits) {
            int targetArg = init[1].equals("-") ? -1 : Integer.parseInt(init[1]);
            int nameArg = init[2].equals("-") ? -1 : Integer.parseInt(init[2]);
            nat(c, "<init>", init[0], false, (in, t, a) -> {
                GuestObject g = (GuestObject) a[0];
                String name;
                if (nameArg >= 0) {
                    if (a[nameArg] == null) {
                        throw vm.npe(t, "'name' is null");
                    }
                    name = (String) a[nameArg];
                } else {
                    name = "Thread-" + vm.scheduler().nextAnonymousThreadNumber();
                }
                writeRef(g, thName, name);
                writeRef(g, thTarget, targetArg >= 0 ? a[targetArg] : null);
                writePrim(g, thPriority, 5);
                writePrim(g, thDaemon, t.daemon ? 1 : 0);
                return null;
            });
        }
        nat(c, "start", "()V", false, (in, t, a) -> {
            startThread(t, (GuestObject) a[0]);
            return null;
        });
        nat(c, "run", "()V", false, (in, t, a) -> {
            Object target = ((GuestObject) a[0]).r[thTarget.slot];
            if (target == null) {
                return null;
            }
            return new NativeImpl.TailCall(vm.findVirtual(t, vm.classOf(target), "run()V"), new Object[] {target});
        });
        NativeImpl join = (in, t, a) -> {
            GuestThread target = (GuestThread) ((GuestObject) a[0]).vmData;
            long millis = a.length > 1 ? (Long) a[1] : 0;
            if (millis < 0) {
                throw vm.guestException(t, "java.lang.IllegalArgumentException", "timeout value is negative");
            }
            int phase = t.blockPhase;
            if (phase == Scheduler.PHASE_INTERRUPTED) {
                t.blockPhase = 0;
                t.interrupted = false;
                throw vm.guestException(t, "java.lang.InterruptedException", null);
            }
            if (phase == Scheduler.PHASE_WOKEN || phase == Scheduler.PHASE_TIMED_OUT) {
                t.blockPhase = 0;
                return null;
            }
            if (t.interrupted) {
                t.interrupted = false;
                throw vm.guestException(t, "java.lang.InterruptedException", null);
            }
            if (target == null || target.state == ThreadState.TERMINATED || target == t) {
                if (target == t && millis == 0) {
                    vm.scheduler().blockOnJoin(t, target, 0); // joining oneself waits forever, as in the JDK
                    return NativeImpl.BLOCK;
                }
                return null;
            }
            vm.scheduler().blockOnJoin(t, target, millis);
            return NativeImpl.BLOCK;
        };
        nat(c, "join", "()V", false, join);
        nat(c, "join", "(J)V", false, join);
        NativeImpl sleep = (in, t, a) -> {
            long millis = (Long) a[0];
            int phase = t.blockPhase;
            if (phase == Scheduler.PHASE_TIMED_OUT || phase == Scheduler.PHASE_WOKEN) {
                t.blockPhase = 0;
                return null;
            }
            if (phase == Scheduler.PHASE_INTERRUPTED || t.interrupted) {
                t.blockPhase = 0;
                t.interrupted = false;
                throw vm.guestException(t, "java.lang.InterruptedException", "sleep interrupted");
            }
            if (millis < 0) {
                throw vm.guestException(t, "java.lang.IllegalArgumentException", "timeout value is negative");
            }
            long nanos = millis * 1_000_000L + (a.length > 1 ? (Integer) a[1] : 0);
            if (nanos == 0) {
                t.safepointBudget = 0;
                return null;
            }
            vm.scheduler().sleep(t, nanos);
            return NativeImpl.BLOCK;
        };
        nat(c, "sleep", "(J)V", true, sleep);
        nat(c, "sleep", "(JI)V", true, sleep);
        nat(c, "yield", "()V", true, (in, t, a) -> {
            t.safepointBudget = 0; // yield at the next safepoint
            return null;
        });
        nat(c, "onSpinWait", "()V", true, (in, t, a) -> {
            t.safepointBudget = 0;
            return null;
        });
        nat(c, "currentThread", "()Ljava/lang/Thread;", true, (in, t, a) -> t.threadObject);
        // Every guest thread's context loader is the application loader (no setter: guest code
        // cannot define loaders, so setContextClassLoader stays an unsupported API).
        nat(c, "getContextClassLoader", "()Ljava/lang/ClassLoader;", false, (in, t, a) -> vm.resources().loader());
        nat(c, "interrupt", "()V", false, (in, t, a) -> {
            GuestThread target = (GuestThread) ((GuestObject) a[0]).vmData;
            if (target != null) {
                if (target.state == ThreadState.TERMINATED) {
                    target.interrupted = true; // the JDK keeps the flag on a dead thread too
                } else {
                    vm.scheduler().interrupt(target);
                }
            }
            return null;
        });
        nat(c, "isInterrupted", "()Z", false, (in, t, a) -> {
            GuestThread target = (GuestThread) ((GuestObject) a[0]).vmData;
            return target != null && target.interrupted;
        });
        nat(c, "interrupted", "()Z", true, (in, t, a) -> {
            boolean was = t.interrupted;
            t.interrupted = false;
            return was;
        });
        nat(c, "getName", "()Ljava/lang/String;", false, (in, t, a) -> ((GuestObject) a[0]).r[thName.slot]);
        nat(c, "setName", "(Ljava/lang/String;)V", false, (in, t, a) -> {
            if (a[1] == null) {
                throw vm.npe(t, "name cannot be null");
            }
            GuestObject g = (GuestObject) a[0];
            writeRef(g, thName, a[1]);
            if (g.vmData != null) {
                ((GuestThread) g.vmData).name = (String) a[1];
            }
            return null;
        });
        nat(c, "getId", "()J", false, (in, t, a) -> {
            GuestThread gt = (GuestThread) ((GuestObject) a[0]).vmData;
            return gt == null ? 0L : (long) gt.id;
        });
        nat(c, "isAlive", "()Z", false, (in, t, a) -> {
            GuestThread gt = (GuestThread) ((GuestObject) a[0]).vmData;
            return gt != null && gt.state != ThreadState.TERMINATED;
        });
        nat(c, "setDaemon", "(Z)V", false, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            GuestThread gt = (GuestThread) g.vmData;
            if (gt != null && gt.state != ThreadState.TERMINATED) {
                throw vm.guestException(t, "java.lang.IllegalThreadStateException", null);
            }
            writePrim(g, thDaemon, (Boolean) a[1] ? 1 : 0);
            return null;
        });
        nat(c, "isDaemon", "()Z", false, (in, t, a) -> ((GuestObject) a[0]).p[thDaemon.slot] != 0);
        nat(c, "setPriority", "(I)V", false, (in, t, a) -> {
            int p = (Integer) a[1];
            if (p < 1 || p > 10) {
                throw vm.guestException(t, "java.lang.IllegalArgumentException", null);
            }
            writePrim((GuestObject) a[0], thPriority, p);
            return null;
        });
        nat(c, "getPriority", "()I", false, (in, t, a) -> (int) ((GuestObject) a[0]).p[thPriority.slot]);
        nat(c, "holdsLock", "(Ljava/lang/Object;)Z", true, (in, t, a) -> {
            if (a[0] == null) {
                throw vm.npe(t, null);
            }
            return vm.monitors.holds(t, a[0]);
        });
        nat(c, "getState", "()Ljava/lang/Thread$State;", false, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            GuestThread gt = (GuestThread) g.vmData;
            if (gt == null) {
                return Thread.State.NEW;
            }
            return Thread.State.valueOf(gt.state.name());
        });
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            return "Thread[" + g.r[thName.slot] + "," + g.p[thPriority.slot] + ",main]";
        });
        nat(c, "setUncaughtExceptionHandler", "(Ljava/lang/Thread$UncaughtExceptionHandler;)V", false, (in, t, a) -> {
            writeRef((GuestObject) a[0], thHandler, a[1]);
            return null;
        });
        nat(c, "getUncaughtExceptionHandler", "()Ljava/lang/Thread$UncaughtExceptionHandler;", false,
                (in, t, a) -> ((GuestObject) a[0]).r[thHandler.slot]);
        nat(c, "setDefaultUncaughtExceptionHandler", "(Ljava/lang/Thread$UncaughtExceptionHandler;)V", true, (in, t, a) -> {
            defaultUncaughtHandler = a[0];
            return null;
        });
        nat(c, "getDefaultUncaughtExceptionHandler", "()Ljava/lang/Thread$UncaughtExceptionHandler;", true,
                (in, t, a) -> defaultUncaughtHandler);
    }

    /** Starts a shutdown-hook thread (it must not have been started). */
    public GuestThread startHook(GuestThread starter, GuestObject g) {
        return startThread(starter, g);
    }

    private GuestThread startThread(GuestThread t, GuestObject g) {
        if (g.p[thStarted.slot] != 0) {
            throw vm.guestException(t, "java.lang.IllegalThreadStateException", null);
        }
        writePrim(g, thStarted, 1);
        GuestThread nt = vm.scheduler().newThread((String) g.r[thName.slot], g);
        nt.daemon = g.p[thDaemon.slot] != 0;
        g.vmData = nt;
        VmMethod run = vm.findVirtual(t, g.cls, "run()V");
        Object receiver = g;
        if (run.nativeImpl != null) {
            // Thread.run() itself: start directly in the target's run().
            Object target = g.r[thTarget.slot];
            if (target == null) {
                nt.state = ThreadState.TERMINATED;
                return nt;
            }
            run = vm.findVirtual(t, vm.classOf(target), "run()V");
            receiver = target;
            if (run.nativeImpl != null) {
                throw VmError.unsupported("starting a thread whose Runnable is a host object (" + vm.classOf(target).name + ")");
            }
        }
        Frame f = vm.interpreter().newFrameWithArgs(run, vm.codeOf(t, run), new Object[] {receiver});
        vm.scheduler().start(nt, f);
        return nt;
    }

    /** The main thread, with its guest {@code Thread} object. */
    public GuestThread createMainThread() {
        return createStartedThread("main");
    }

    /** A runnable thread with a guest {@code Thread} object, for the VM's own entry points. */
    public GuestThread createStartedThread(String name) {
        VmClass threadClass = cls("Ljava/lang/Thread;");
        GuestObject g = new GuestObject(threadClass);
        g.r[thName.slot] = name;
        g.p[thPriority.slot] = 5;
        g.p[thStarted.slot] = 1;
        GuestThread t = vm.scheduler().newThread(name, g);
        g.vmData = t;
        t.state = ThreadState.RUNNABLE;
        return t;
    }

    /** The JDK's default handling of an uncaught exception: a handler if set, else print it. */
    public void reportUncaught(GuestThread t, Object ex) {
        Object handler = t.threadObject == null ? null : t.threadObject.r[thHandler.slot];
        if (handler == null) {
            handler = defaultUncaughtHandler;
        }
        GuestThread saved = t;
        try {
            if (handler != null) {
                VmMethod m = vm.findVirtual(t, vm.classOf(handler), "uncaughtException(Ljava/lang/Thread;Ljava/lang/Throwable;)V");
                vm.interpreter().callGuest(t, m, handler, t.threadObject, ex);
                return;
            }
            vm.out().flush();
            vm.err().print("Exception in thread \"" + t.name + "\" ");
            printStackTrace(t, (GuestObject) ex, vm.err()::print);
            vm.err().flush();
        } catch (GuestThrowable e) {
            // As in the JDK, an exception thrown while reporting is ignored.
        } catch (VmExit e) {
            throw e;
        } finally {
            t.top = null;
            t.state = saved.state;
        }
    }

    // ------------------------------------------------------------------ reflect.Field

    /** A fresh Field mirror (as the JDK returns copies; each has its own {@code override} flag). */
    private GuestObject fieldMirror(VmField f) {
        return reflection.fieldMirror(f);
    }

    private void defineField(VmClass c) {
        nat(c, "getName", "()Ljava/lang/String;", false, (in, t, a) -> ((VmField) ((GuestObject) a[0]).vmData).name);
        nat(c, "getType", "()Ljava/lang/Class;", false, (in, t, a) -> vm.classForName(t, ((VmField) ((GuestObject) a[0]).vmData).type));
        nat(c, "getModifiers", "()I", false,
                (in, t, a) -> ((VmField) ((GuestObject) a[0]).vmData).access & GuestReflection.FIELD_MODIFIERS);
        nat(c, "getDeclaringClass", "()Ljava/lang/Class;", false, (in, t, a) -> ((VmField) ((GuestObject) a[0]).vmData).owner);
        nat(c, "toString", "()Ljava/lang/String;", false,
                (in, t, a) -> GuestReflection.fieldToString((VmField) ((GuestObject) a[0]).vmData));
        nat(c, "get", "(Ljava/lang/Object;)Ljava/lang/Object;", false, (in, t, a) -> fieldGet(t, a, 'L'));
        nat(c, "set", "(Ljava/lang/Object;Ljava/lang/Object;)V", false, (in, t, a) -> fieldSet(t, a, 'L'));
        String[][] prims = {{"Int", "I"}, {"Long", "J"}, {"Double", "D"}, {"Float", "F"}, {"Boolean", "Z"},
            {"Byte", "B"}, {"Char", "C"}, {"Short", "S"}};
        for (String[] p : prims) {
            char k = p[1].charAt(0);
            nat(c, "get" + p[0], "(Ljava/lang/Object;)" + p[1], false, (in, t, a) -> fieldGet(t, a, k));
            nat(c, "set" + p[0], "(Ljava/lang/Object;" + p[1] + ")V", false, (in, t, a) -> fieldSet(t, a, k));
        }
    }

    /**
     * Where a reflective access reads or writes (the object, or the class for statics), after the
     * JDK 17 checks in its order: access (unless setAccessible), class initialisation, receiver.
     */
    private Object fieldTarget(GuestThread t, GuestObject mirror, VmField f, Object obj) {
        if (!reflection.isOverridden(mirror)) {
            if (!f.isStatic && obj == null) {
                throw vm.npe(t, null);
            }
            reflection.checkAccess(t, f.owner, f.access & GuestReflection.FIELD_MODIFIERS, f.isStatic ? null : vm.classOf(obj));
        }
        if (f.isStatic) {
            vm.initializeNow(t, f.owner);
            return f.owner;
        }
        if (obj == null) {
            throw vm.npe(t, null);
        }
        if (!(obj instanceof GuestObject) || !((GuestObject) obj).cls.isSubtypeOf(f.owner)) {
            throw vm.guestException(t, "java.lang.IllegalArgumentException", setMessage(f, vm.classOf(obj).name, ""));
        }
        return obj;
    }

    /** UnsafeFieldAccessorImpl.getSetMessage (JDK 17). */
    private static String setMessage(VmField f, String attemptedType, String attemptedValue) {
        String err = "Can not set" + (f.isStatic ? " static" : "") + ((f.access & 0x0010) != 0 ? " final" : "") + " "
                + Descriptors.toClassName(f.type) + " field " + f.owner.name + "." + f.name + " to ";
        if (!attemptedValue.isEmpty()) {
            return err + "(" + attemptedType + ")" + attemptedValue;
        }
        return err + (attemptedType.isEmpty() ? "null value" : attemptedType);
    }

    private Object fieldGet(GuestThread t, Object[] a, char want) {
        GuestObject mirror = (GuestObject) a[0];
        VmField f = (VmField) mirror.vmData;
        Object target = fieldTarget(t, mirror, f, a[1]);
        if (f.isRef) {
            if (want != 'L') {
                throw badGet(t, f, want);
            }
            return f.isStatic ? ((VmClass) target).staticR[f.slot] : ((GuestObject) target).r[f.slot];
        }
        long bits = f.isStatic ? ((VmClass) target).staticP[f.slot] : ((GuestObject) target).p[f.slot];
        Object boxed = box(f.kind, bits);
        if (want == 'L') {
            return boxed;
        }
        if (!GuestReflection.widens(f.kind, want)) {
            throw badGet(t, f, want);
        }
        return GuestReflection.convertPrimitive(boxed, want);
    }

    private GuestThrowable badGet(GuestThread t, VmField f, char want) {
        return vm.guestException(t, "java.lang.IllegalArgumentException", "Attempt to get " + Descriptors.toClassName(f.type)
                + " field \"" + f.owner.name + "." + f.name + "\" with illegal data type conversion to " + Descriptors.primitiveName(want));
    }

    private Object fieldSet(GuestThread t, Object[] a, char given) {
        GuestObject mirror = (GuestObject) a[0];
        VmField f = (VmField) mirror.vmData;
        Object target = fieldTarget(t, mirror, f, a[1]);
        Object v = a[2];
        String valueType = given == 'L' ? (v == null ? "" : vm.classOf(v).name) : Descriptors.primitiveName(given);
        String valueText = given == 'L' ? "" : String.valueOf(v);
        // Final fields are read-only unless setAccessible(true) on an instance field (static finals always).
        if ((f.access & 0x0010) != 0 && (f.isStatic || !reflection.isOverridden(mirror))) {
            throw vm.guestException(t, "java.lang.IllegalAccessException", setMessage(f, valueType, valueText));
        }
        long bits = 0;
        if (f.isRef) {
            if (given != 'L' || (v != null && !vm.classOf(v).isSubtypeOf(vm.classForName(t, f.type)))) {
                throw vm.guestException(t, "java.lang.IllegalArgumentException", setMessage(f, valueType, valueText));
            }
        } else {
            char from = v == null ? 0 : GuestReflection.boxKind(v);
            if (from == 0 || !GuestReflection.widens(from, f.kind)) {
                throw vm.guestException(t, "java.lang.IllegalArgumentException", setMessage(f, valueType, valueText));
            }
            bits = bits(f.kind, GuestReflection.convertPrimitive(v, f.kind));
        }
        if (f.isStatic) {
            VmClass k = (VmClass) target;
            if (k.dsm != null) {
                vm.barrier().staticWrite(k, f);
            }
            if (f.isRef) {
                k.staticR[f.slot] = v;
            } else {
                k.staticP[f.slot] = bits;
            }
        } else {
            GuestObject g = (GuestObject) target;
            if (g.dsm != null) {
                vm.barrier().fieldWrite(g, f);
            }
            if (f.isRef) {
                g.r[f.slot] = v;
            } else {
                g.p[f.slot] = bits;
            }
        }
        return null;
    }

    /** Slot bits of a box already converted to {@code kind}. */
    private static long bits(char kind, Object v) {
        switch (kind) {
            case 'Z': return (Boolean) v ? 1 : 0;
            case 'C': return (Character) v;
            case 'F': return Float.floatToRawIntBits((Float) v);
            case 'D': return Double.doubleToRawLongBits((Double) v);
            default: return ((Number) v).longValue();
        }
    }

    private static Object box(char kind, long bits) {
        switch (kind) {
            case 'Z': return bits != 0;
            case 'B': return (byte) bits;
            case 'C': return (char) bits;
            case 'S': return (short) bits;
            case 'I': return (int) bits;
            case 'J': return bits;
            case 'F': return Float.intBitsToFloat((int) bits);
            default: return Double.longBitsToDouble(bits);
        }
    }

    // ------------------------------------------------------------------ Enum

    private void defineEnum(VmClass c) {
        eName = field(c, "name", "Ljava/lang/String;");
        eOrdinal = field(c, "ordinal", "I");
        nat(c, "<init>", "(Ljava/lang/String;I)V", false, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            writeRef(g, eName, a[1]);
            writePrim(g, eOrdinal, (Integer) a[2]);
            return null;
        });
        // A JDK enum constant (TimeUnit.SECONDS) reaches these through an erased Enum receiver, as in
        // the guest library's EnumSet and EnumMap: it answers with its own host methods.
        nat(c, "name", "()Ljava/lang/String;", false, (in, t, a) -> a[0] instanceof Enum<?> h ? h.name()
                : ((GuestObject) a[0]).r[eName.slot]);
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> a[0] instanceof Enum<?> h ? h.toString()
                : ((GuestObject) a[0]).r[eName.slot]);
        nat(c, "ordinal", "()I", false, (in, t, a) -> a[0] instanceof Enum<?> h ? h.ordinal()
                : (int) ((GuestObject) a[0]).p[eOrdinal.slot]);
        nat(c, "equals", "(Ljava/lang/Object;)Z", false, (in, t, a) -> a[0] == a[1]);
        nat(c, "hashCode", "()I", false, (in, t, a) -> identityHash(a[0]));
        NativeImpl compare = (in, t, a) -> {
            if (a[1] == null) {
                throw vm.npe(t, null);
            }
            if (a[0] instanceof Enum<?> h) {
                if (!(a[1] instanceof Enum<?> o) || h.getDeclaringClass() != o.getDeclaringClass()) {
                    throw vm.guestException(t, "java.lang.ClassCastException", null);
                }
                return h.ordinal() - o.ordinal();
            }
            GuestObject x = (GuestObject) a[0];
            if (!(a[1] instanceof GuestObject) || declaringClass(((GuestObject) a[1]).cls) != declaringClass(x.cls)) {
                throw vm.guestException(t, "java.lang.ClassCastException", null);
            }
            return (int) (x.p[eOrdinal.slot] - ((GuestObject) a[1]).p[eOrdinal.slot]);
        };
        nat(c, "compareTo", "(Ljava/lang/Enum;)I", false, compare);
        nat(c, "compareTo", "(Ljava/lang/Object;)I", false, compare);
        nat(c, "getDeclaringClass", "()Ljava/lang/Class;", false, (in, t, a) -> a[0] instanceof Enum<?> h
                ? vm.hostClassOf(h.getDeclaringClass()) : declaringClass(((GuestObject) a[0]).cls));
        nat(c, "clone", "()Ljava/lang/Object;", false, (in, t, a) -> {
            throw vm.guestException(t, "java.lang.CloneNotSupportedException", null);
        });
        nat(c, "valueOf", "(Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/Enum;", true, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            String name = (String) a[1];
            if (name == null) {
                throw vm.npe(t, "Name is null");
            }
            GuestArray values = enumValues(t, k);
            if (values == null) {
                throw vm.guestException(t, "java.lang.IllegalArgumentException", k.name + " is not an enum class");
            }
            for (Object v : (Object[]) values.data) {
                if (name.equals(v instanceof Enum<?> h ? h.name() : ((GuestObject) v).r[eName.slot])) {
                    return v;
                }
            }
            throw vm.guestException(t, "java.lang.IllegalArgumentException",
                    "No enum constant " + k.name.replace('$', '.') + "." + name);
        });
    }

    /** The ordinal of a guest enum constant. */
    public int ordinalOf(GuestObject e) {
        return (int) e.p[eOrdinal.slot];
    }

    /** The enum class of a guest enum constant (skipping constant-specific bodies). */
    public VmClass enumClassOf(GuestObject e) {
        return declaringClass(e.cls);
    }

    private VmClass declaringClass(VmClass k) {
        VmClass enumClass = cls("Ljava/lang/Enum;");
        return k.superclass == enumClass ? k : k.superclass;
    }
}
