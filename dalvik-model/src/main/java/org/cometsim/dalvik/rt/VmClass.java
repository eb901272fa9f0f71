package org.cometsim.dalvik.rt;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A class as the guest sees it. One type covers every kind so the interpreter's type checks and
 * dispatch are uniform:
 * <ul>
 *   <li>{@link Kind#GUEST}: loaded from dex; bytecode methods; instances are {@link GuestObject}s.</li>
 *   <li>{@link Kind#MODEL}: a {@code java.*} class the VM implements itself so its instances are
 *       guest objects the DSM can track ({@code Object}, the {@code Throwable} family,
 *       {@code Thread}, {@code Enum}, {@code Class}, {@code reflect.Field}); native methods.</li>
 *   <li>{@link Kind#HOST}: a {@code java.*} class bridged to the host JVM; instances are host
 *       objects (immutable values such as {@code String}, or library objects); methods are reached
 *       through method handles.</li>
 *   <li>{@link Kind#ARRAY} and {@link Kind#PRIMITIVE}.</li>
 * </ul>
 * A {@code VmClass} is also the guest's {@code java.lang.Class} object for that class.
 */
public final class VmClass {
    public enum Kind { GUEST, MODEL, HOST, ARRAY, PRIMITIVE }

    public static final int INIT_NONE = 0;
    public static final int INIT_RUNNING = 1;
    public static final int INIT_DONE = 2;
    public static final int INIT_ERROR = 3;

    public final Kind kind;
    /** {@code Class.getName()} form: {@code java.lang.String}, {@code [I}, {@code [Lfoo.Bar;}, {@code int}. */
    public final String name;
    /** Type descriptor: {@code Ljava/lang/String;}, {@code [I}, {@code I}. */
    public final String descriptor;
    public VmClass superclass;
    /** For guest classes extending a library class: that (HOST) class; instances get a host peer. */
    public VmClass hostBase;
    public VmClass[] interfaces = new VmClass[0];
    public int access;
    /** The host class for HOST and PRIMITIVE kinds, and for MODEL classes that mirror one. */
    public Class<?> host;
    /**
     * For a guest-library class ({@code java.util.ArrayList} run as guest code): the host JDK class
     * of the same name it replaces. Host objects of that host class (made by host code) are
     * treated as instances of this class in type checks.
     */
    public Class<?> replacesHost;
    /** Component type of an ARRAY class. */
    public VmClass component;
    /** For PRIMITIVE: its descriptor char; for ARRAY: the element kind char ('L' for references). */
    public char primitive;

    /** Declared fields by name. */
    public final Map<String, VmField> fields = new LinkedHashMap<>();
    public int instancePrimCount;
    public int instanceRefCount;
    /** Number of instance fields including inherited ones: the size of an object's dirty bit set. */
    public int instanceFieldCount;
    public long[] staticP = new long[0];
    public Object[] staticR = new Object[0];
    public VmField[] staticFields = new VmField[0];

    /** Declared methods, keyed by name + descriptor. */
    public final Map<String, VmMethod> methods = new LinkedHashMap<>();
    /** Virtual dispatch cache: name + descriptor → implementation (including inherited). */
    public final HashMap<String, VmMethod> vtable = new HashMap<>();

    public volatile int initState = INIT_NONE;
    public GuestThread initThread;
    /** The guest exception this class's initialisation failed with (state {@link #INIT_ERROR}), else null. */
    public Object initError;

    public Monitor monitor;
    public int hash;
    /** Offload-runtime tracking header for this class's statics; null = untracked (see {@link ClassHeader}). */
    public ClassHeader dsm;
    public Object hostView;
    public String sourceFile;
    /** Loader-private data (the dexlib2 class definition for GUEST classes). */
    public Object definition;
    /** For enums: the cached constants, filled on first valueOf/getEnumConstants. */
    public Object enumConstants;

    public VmClass(Kind kind, String name, String descriptor) {
        this.kind = kind;
        this.name = name;
        this.descriptor = descriptor;
    }

    public boolean isInterface() {
        return (access & 0x0200) != 0;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isPrimitive() {
        return kind == Kind.PRIMITIVE;
    }

    /** True if instances of this class are {@link GuestObject}s. */
    public boolean isGuestInstantiable() {
        return kind == Kind.GUEST || kind == Kind.MODEL;
    }

    /** Is a value of class {@code this} assignable to {@code target}? (JLS widening reference conversion.) */
    public boolean isSubtypeOf(VmClass target) {
        if (this == target) {
            return true;
        }
        if (target.kind == Kind.PRIMITIVE || kind == Kind.PRIMITIVE) {
            return false;
        }
        if (target.superclass == null && !target.isInterface() && target.kind != Kind.ARRAY
                && "java.lang.Object".equals(target.name)) {
            return true;
        }
        if (kind == Kind.ARRAY) {
            if (target.kind == Kind.ARRAY) {
                if (component.kind == Kind.PRIMITIVE || target.component.kind == Kind.PRIMITIVE) {
                    return component == target.component;
                }
                return component.isSubtypeOf(target.component);
            }
            return "java.lang.Cloneable".equals(target.name) || "java.io.Serializable".equals(target.name);
        }
        if (target.kind == Kind.ARRAY) {
            return false;
        }
        if (kind == Kind.HOST) {
            // A MODEL target (Enum, Number ...) stands for its JDK class: a TimeUnit is an Enum.
            Class<?> th = target.kind == Kind.HOST || target.kind == Kind.MODEL ? target.host : target.replacesHost;
            return th != null && th.isAssignableFrom(host);
        }
        for (VmClass c = this; c != null; c = c.superclass) {
            if (c == target) {
                return true;
            }
            if (target.isInterface() && c.implementsInterface(target)) {
                return true;
            }
            if (c.kind == Kind.HOST && target.kind == Kind.HOST && target.host.isAssignableFrom(c.host)) {
                return true;
            }
        }
        return false;
    }

    private boolean implementsInterface(VmClass target) {
        for (VmClass i : interfaces) {
            if (i == target || i.implementsInterface(target)) {
                return true;
            }
            if (i.kind == Kind.HOST && target.kind == Kind.HOST && target.host.isAssignableFrom(i.host)) {
                return true;
            }
        }
        return false;
    }

    /** Finds a declared or inherited field by name (JVMS 5.4.3.2: class, superinterfaces, superclass). */
    public VmField findField(String fieldName) {
        for (VmClass c = this; c != null; c = c.superclass) {
            VmField f = c.fields.get(fieldName);
            if (f != null) {
                return f;
            }
            for (VmClass i : c.interfaces) {
                VmField g = i.findField(fieldName);
                if (g != null) {
                    return g;
                }
            }
        }
        return null;
    }

    /** The declared method with exactly this name and descriptor, or null. */
    public VmMethod declared(String key) {
        return methods.get(key);
    }

    /** Simple name as {@code Class.getSimpleName()} would give for top-level and nested classes. */
    public String simpleName() {
        if (kind == Kind.ARRAY) {
            return component.simpleName() + "[]";
        }
        String n = name.substring(name.lastIndexOf('.') + 1);
        int dollar = n.lastIndexOf('$');
        if (dollar >= 0) {
            n = n.substring(dollar + 1);
            int i = 0;
            while (i < n.length() && Character.isDigit(n.charAt(i))) {
                i++;
            }
            n = n.substring(i);
        }
        return n;
    }

    @Override
    public String toString() {
        if (kind == Kind.PRIMITIVE) {
            return name;
        }
        return (isInterface() ? "interface " : "class ") + name;
    }
}
