package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.writePrim;
import static org.cometsim.dalvik.model.ModelMembers.writeRef;

import org.cometsim.dalvik.hooks.OffloadHooks;

import static org.cometsim.dalvik.model.ModelMembers.field;
import static org.cometsim.dalvik.model.ModelMembers.nat;

import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * {@code java.lang.Enum}: name and ordinal as fields of every guest enum constant. A JDK enum
 * constant ({@code TimeUnit.SECONDS}) reached through an erased {@code Enum} receiver answers
 * with its own host methods. The constants of an enum class ({@code values()}) are cached on the
 * class for {@code valueOf}, {@code getEnumConstants} and the enum collections.
 */
final class EnumModel {
    private final ClassLinker linker;
    private final ClassInitializer initializer;
    private final Heap heap;
    private final GuestExceptions exceptions;
    private final GuestCalls calls;
    private final HostBridge bridge;
    private final OffloadHooks hooks;
    private VmField eName;
    private VmField eOrdinal;

    EnumModel(ClassLinker linker, ClassInitializer initializer, Heap heap, GuestExceptions exceptions, GuestCalls calls,
              HostBridge bridge, OffloadHooks hooks) {
        this.hooks = hooks;
        this.linker = linker;
        this.initializer = initializer;
        this.heap = heap;
        this.exceptions = exceptions;
        this.calls = calls;
        this.bridge = bridge;
    }

    void complete(VmClass c) {
        c.superclass = linker.classForDescriptor("Ljava/lang/Object;");
        c.interfaces = new VmClass[] {linker.classForDescriptor("Ljava/lang/Comparable;"),
            linker.classForDescriptor("Ljava/io/Serializable;")};
        eName = field(c, "name", "Ljava/lang/String;");
        eOrdinal = field(c, "ordinal", "I");
        nat(c, "<init>", "(Ljava/lang/String;I)V", false, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            writeRef(hooks, g, eName, a[1]);
            writePrim(hooks, g, eOrdinal, (Integer) a[2]);
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
        nat(c, "hashCode", "()I", false, (in, t, a) -> heap.identityHash(a[0]));
        NativeImpl compare = (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            if (a[0] instanceof Enum<?> h) {
                if (!(a[1] instanceof Enum<?> o) || h.getDeclaringClass() != o.getDeclaringClass()) {
                    throw exceptions.create(t, "java.lang.ClassCastException", null);
                }
                return h.ordinal() - o.ordinal();
            }
            GuestObject x = (GuestObject) a[0];
            if (!(a[1] instanceof GuestObject) || declaringClass(((GuestObject) a[1]).cls) != declaringClass(x.cls)) {
                throw exceptions.create(t, "java.lang.ClassCastException", null);
            }
            return (int) (x.p[eOrdinal.slot] - ((GuestObject) a[1]).p[eOrdinal.slot]);
        };
        nat(c, "compareTo", "(Ljava/lang/Enum;)I", false, compare);
        nat(c, "compareTo", "(Ljava/lang/Object;)I", false, compare);
        nat(c, "getDeclaringClass", "()Ljava/lang/Class;", false, (in, t, a) -> a[0] instanceof Enum<?> h
                ? linker.hostClassOf(h.getDeclaringClass()) : declaringClass(((GuestObject) a[0]).cls));
        nat(c, "clone", "()Ljava/lang/Object;", false, (in, t, a) -> {
            throw exceptions.create(t, "java.lang.CloneNotSupportedException", null);
        });
        nat(c, "valueOf", "(Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/Enum;", true, (in, t, a) -> {
            VmClass k = (VmClass) a[0];
            String name = (String) a[1];
            if (name == null) {
                throw exceptions.npe(t, "Name is null");
            }
            GuestArray values = enumValues(t, k);
            if (values == null) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", k.name + " is not an enum class");
            }
            for (Object v : (Object[]) values.data) {
                if (name.equals(v instanceof Enum<?> h ? h.name() : ((GuestObject) v).r[eName.slot])) {
                    return v;
                }
            }
            throw exceptions.create(t, "java.lang.IllegalArgumentException",
                    "No enum constant " + k.name.replace('$', '.') + "." + name);
        });
    }

    /** The ordinal of a guest enum constant. */
    int ordinalOf(GuestObject e) {
        return (int) e.p[eOrdinal.slot];
    }

    /** The enum class of a guest enum constant (skipping constant-specific bodies). */
    VmClass enumClassOf(GuestObject e) {
        return declaringClass(e.cls);
    }

    private VmClass declaringClass(VmClass k) {
        VmClass enumClass = linker.classForDescriptor("Ljava/lang/Enum;");
        return k.superclass == enumClass ? k : k.superclass;
    }

    /** The enum constants of {@code k} (its {@code values()}), or null if it is not an enum. */
    GuestArray enumValues(GuestThread t, VmClass k) {
        if (k.enumConstants != null) {
            return (GuestArray) k.enumConstants;
        }
        if (k.kind == VmClass.Kind.HOST && k.host != null && k.host.isEnum()) {
            // A JDK enum (TimeUnit, DayOfWeek, StandardOpenOption ...): its constants are host
            // values, immutable, so the guest sees the host's own array (getEnumConstants hands out clones).
            GuestArray arr = (GuestArray) bridge.toGuest(k.host.getEnumConstants());
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
        initializer.initializeNow(t, k);
        GuestArray arr = (GuestArray) calls.callGuest(t, values);
        k.enumConstants = arr;
        return arr;
    }
}
