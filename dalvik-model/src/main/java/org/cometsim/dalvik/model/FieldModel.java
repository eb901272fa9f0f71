package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.inherit;
import static org.cometsim.dalvik.model.ModelMembers.nat;
import static org.cometsim.dalvik.reflect.GuestReflection.fieldOf;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.hooks.VolatileGate;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.reflect.GuestReflection;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;

/**
 * {@code java.lang.reflect.Field}: a mirror (an {@code AccessibleObject} and a {@code Member}, as
 * in the JDK) carrying its {@link VmField}. {@code get}/{@code set} and their primitive forms read
 * and write the slots directly, after the JDK 17 checks in its order (access unless overridden,
 * class initialisation, receiver, then the value's type with widening) and with its messages; a
 * write is reported to the write barrier like any other.
 */
final class FieldModel {
    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final ClassInitializer initializer;
    private final GuestExceptions exceptions;
    private final OffloadHooks hooks;
    private final GuestReflection reflection;
    private final AccessibleObjectModel accessible;

    FieldModel(ClassLinker linker, MemberResolver resolver, ClassInitializer initializer, GuestExceptions exceptions,
               OffloadHooks hooks, GuestReflection reflection, AccessibleObjectModel accessible) {
        this.linker = linker;
        this.resolver = resolver;
        this.initializer = initializer;
        this.exceptions = exceptions;
        this.hooks = hooks;
        this.reflection = reflection;
        this.accessible = accessible;
    }

    void complete(VmClass c) {
        c.access |= 0x0010;
        inherit(c, linker.classForDescriptor("Ljava/lang/reflect/AccessibleObject;"));
        c.interfaces = new VmClass[] {linker.classForDescriptor("Ljava/lang/reflect/Member;")};
        nat(c, "getGenericType", "()Ljava/lang/reflect/Type;", false, (in, t, a) -> reflection.fieldGenericType(t, fieldOf(a[0])));
        nat(c, "isSynthetic", "()Z", false, (in, t, a) -> (fieldOf(a[0]).access & 0x1000) != 0);
        nat(c, "isEnumConstant", "()Z", false, (in, t, a) -> (fieldOf(a[0]).access & 0x4000) != 0);
        nat(c, "equals", "(Ljava/lang/Object;)Z", false, (in, t, a) -> a[1] instanceof GuestObject
                && ((GuestObject) a[1]).cls == ((GuestObject) a[0]).cls && fieldOf(a[1]) == fieldOf(a[0]));
        nat(c, "hashCode", "()I", false, (in, t, a) -> fieldOf(a[0]).owner.name.hashCode() ^ fieldOf(a[0]).name.hashCode());
        nat(c, "getName", "()Ljava/lang/String;", false, (in, t, a) -> fieldOf(a[0]).name);
        nat(c, "getType", "()Ljava/lang/Class;", false, (in, t, a) -> resolver.classForName(t, fieldOf(a[0]).type));
        nat(c, "getModifiers", "()I", false,
                (in, t, a) -> fieldOf(a[0]).access & GuestReflection.FIELD_MODIFIERS);
        nat(c, "getDeclaringClass", "()Ljava/lang/Class;", false, (in, t, a) -> fieldOf(a[0]).owner);
        nat(c, "toString", "()Ljava/lang/String;", false,
                (in, t, a) -> GuestReflection.fieldToString(fieldOf(a[0])));
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
        if (!accessible.isOverridden(mirror)) {
            if (!f.isStatic && obj == null) {
                throw exceptions.npe(t, null);
            }
            reflection.checkAccess(t, f.owner, f.access & GuestReflection.FIELD_MODIFIERS, f.isStatic ? null : linker.classOf(obj));
        }
        if (f.isStatic) {
            initializer.initializeNow(t, f.owner);
            return f.owner;
        }
        if (obj == null) {
            throw exceptions.npe(t, null);
        }
        if (!(obj instanceof GuestObject) || !((GuestObject) obj).cls.isSubtypeOf(f.owner)) {
            throw exceptions.create(t, "java.lang.IllegalArgumentException", setMessage(f, linker.classOf(obj).name, ""));
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
        if (f.isVolatile() && mustWaitForVolatiles(t, target, f, VolatileGate.Access.READ)) {
            return NativeImpl.BLOCK;
        }
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
        return exceptions.create(t, "java.lang.IllegalArgumentException", "Attempt to get " + Descriptors.toClassName(f.type)
                + " field \"" + f.owner.name + "." + f.name + "\" with illegal data type conversion to " + Descriptors.primitiveName(want));
    }

    private Object fieldSet(GuestThread t, Object[] a, char given) {
        GuestObject mirror = (GuestObject) a[0];
        VmField f = (VmField) mirror.vmData;
        Object target = fieldTarget(t, mirror, f, a[1]);
        Object v = a[2];
        String valueType = given == 'L' ? (v == null ? "" : linker.classOf(v).name) : Descriptors.primitiveName(given);
        String valueText = given == 'L' ? "" : String.valueOf(v);
        // Final fields are read-only unless setAccessible(true) on an instance field (static finals always).
        if ((f.access & 0x0010) != 0 && (f.isStatic || !accessible.isOverridden(mirror))) {
            throw exceptions.create(t, "java.lang.IllegalAccessException", setMessage(f, valueType, valueText));
        }
        long bits = 0;
        if (f.isRef) {
            if (given != 'L' || (v != null && !linker.classOf(v).isSubtypeOf(resolver.classForName(t, f.type)))) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", setMessage(f, valueType, valueText));
            }
        } else {
            char from = v == null ? 0 : GuestReflection.boxKind(v);
            if (from == 0 || !GuestReflection.widens(from, f.kind)) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", setMessage(f, valueType, valueText));
            }
            bits = bits(f.kind, GuestReflection.convertPrimitive(v, f.kind));
        }
        if (f.isVolatile() && mustWaitForVolatiles(t, target, f, VolatileGate.Access.WRITE)) {
            return NativeImpl.BLOCK; // nothing written yet: the call runs again once ownership is here
        }
        if (f.isStatic) {
            VmClass k = (VmClass) target;
            if (k.dsm != null) {
                hooks.barrier().staticWrite(k, f);
            }
            if (f.isRef) {
                k.staticR[f.slot] = v;
            } else {
                k.staticP[f.slot] = bits;
            }
        } else {
            GuestObject g = (GuestObject) target;
            if (g.dsm != null) {
                hooks.barrier().fieldWrite(g, f);
            }
            if (f.isRef) {
                g.r[f.slot] = v;
            } else {
                g.p[f.slot] = bits;
            }
        }
        return null;
    }

    /**
     * Asks the volatile gate (if installed) before a reflective access to volatile {@code f} of
     * {@code target} (the object, or the class for a static); true if the thread now waits for
     * ownership and the native must return {@link NativeImpl#BLOCK}.
     */
    private boolean mustWaitForVolatiles(GuestThread t, Object target, VmField f, VolatileGate.Access access) {
        VolatileGate gate = hooks.volatileGate();
        if (gate == null || !f.isStatic && ((GuestObject) target).dsm == null) {
            return false;
        }
        int d = gate.beforeAccess(t, target, f, access, false);
        if (d == VolatileGate.MIGRATE) {
            throw new IllegalStateException("the volatile gate asked a native to migrate (" + f + ")");
        }
        return d == VolatileGate.WAIT;
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
}
