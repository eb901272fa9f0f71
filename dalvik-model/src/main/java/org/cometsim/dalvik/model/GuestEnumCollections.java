package org.cometsim.dalvik.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmClass;

/**
 * {@code EnumMap} and {@code EnumSet} of guest enums when the guest library is off (the VM's
 * {@code guestLibrary} option; with it on, both are guest-library classes and these intercepts are
 * never reached, since guest classes do not consult host intercepts). The JDK's versions need a
 * host enum class, which a guest enum is not; these intercepts build a {@code TreeMap}/{@code TreeSet}
 * ordered by ordinal instead, which behaves the same for iteration order, {@code toString},
 * {@code equals} and {@code hashCode}. (A guest {@code instanceof EnumMap} test on such an object
 * would answer false.) For host enums the real JDK classes are used.
 */
final class GuestEnumCollections {
    private final EnumModel enums;
    private final GuestExceptions exceptions;
    private final HostBridge bridge;
    /** The enum class of each set, for complementOf and allOf. */
    private final Map<Object, VmClass> universe = new IdentityHashMap<>();

    GuestEnumCollections(EnumModel enums, GuestExceptions exceptions, HostBridge bridge) {
        this.enums = enums;
        this.exceptions = exceptions;
        this.bridge = bridge;
    }

    private Comparator<Object> byOrdinal() {
        return (a, b) -> Integer.compare(ordinal(a), ordinal(b));
    }

    private int ordinal(Object hostView) {
        GuestObject g = (GuestObject) ((HostBridge.GuestBacked) hostView).guestObject();
        return enums.ordinalOf(g);
    }

    private static boolean isGuest(Object cls) {
        return cls instanceof VmClass && ((VmClass) cls).kind == VmClass.Kind.GUEST;
    }

    void register(NativeRegistry reg) {
        Placement off = Placement.OFFLOADABLE;
        reg.register("java.util.EnumMap", "<init>", "(Ljava/lang/Class;)V", false, off, "collections", (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            if (isGuest(a[1])) {
                return new TreeMap<Object, Object>(byOrdinal());
            }
            return newHostEnumMap(((VmClass) a[1]).host);
        });
        String set = "java.util.EnumSet";
        reg.register(set, "noneOf", "(Ljava/lang/Class;)Ljava/util/EnumSet;", true, off, "collections",
                (in, t, a) -> make(t, (VmClass) a[0], false));
        reg.register(set, "allOf", "(Ljava/lang/Class;)Ljava/util/EnumSet;", true, off, "collections",
                (in, t, a) -> make(t, (VmClass) a[0], true));
        for (int n = 1; n <= 5; n++) {
            StringBuilder d = new StringBuilder("(");
            for (int i = 0; i < n; i++) {
                d.append("Ljava/lang/Enum;");
            }
            reg.register(set, "of", d.append(")Ljava/util/EnumSet;").toString(), true, off, "collections",
                    (in, t, a) -> of(t, a));
        }
        reg.register(set, "of", "(Ljava/lang/Enum;[Ljava/lang/Enum;)Ljava/util/EnumSet;", true, off, "collections", (in, t, a) -> {
            Object[] rest = (Object[]) ((GuestArray) a[1]).data;
            Object[] all = new Object[rest.length + 1];
            all[0] = a[0];
            System.arraycopy(rest, 0, all, 1, rest.length);
            return of(t, all);
        });
        reg.register(set, "range", "(Ljava/lang/Enum;Ljava/lang/Enum;)Ljava/util/EnumSet;", true, off, "collections", (in, t, a) -> {
            GuestObject from = (GuestObject) a[0];
            GuestObject to = (GuestObject) a[1];
            VmClass k = enums.enumClassOf(from);
            @SuppressWarnings("unchecked")
            TreeSet<Object> s = (TreeSet<Object>) make(t, k, false);
            int lo = enums.ordinalOf(from);
            int hi = enums.ordinalOf(to);
            if (lo > hi) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", from + " > " + to);
            }
            for (Object v : (Object[]) enums.enumValues(t, k).data) {
                int o = enums.ordinalOf((GuestObject) v);
                if (o >= lo && o <= hi) {
                    s.add(bridge.hostView((GuestObject) v));
                }
            }
            return s;
        });
        reg.register(set, "complementOf", "(Ljava/util/EnumSet;)Ljava/util/EnumSet;", true, off, "collections", (in, t, a) -> {
            VmClass k = universe.get(a[0]);
            if (k == null) {
                return EnumSet.complementOf((EnumSet) a[0]);
            }
            @SuppressWarnings("unchecked")
            TreeSet<Object> s = (TreeSet<Object>) make(t, k, true);
            s.removeAll((Collection<?>) a[0]);
            return s;
        });
        reg.register(set, "copyOf", "(Ljava/util/EnumSet;)Ljava/util/EnumSet;", true, off, "collections", (in, t, a) -> copy(t, a[0]));
        reg.register(set, "copyOf", "(Ljava/util/Collection;)Ljava/util/EnumSet;", true, off, "collections", (in, t, a) -> copy(t, a[0]));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object newHostEnumMap(Class<?> host) {
        return new EnumMap(host);
    }

    private Object make(GuestThread t, VmClass k, boolean all) {
        if (k == null) {
            throw exceptions.npe(t, null);
        }
        if (!isGuest(k)) {
            return hostSet(k.host, all);
        }
        TreeSet<Object> s = new TreeSet<>(byOrdinal());
        universe.put(s, k);
        if (all) {
            for (Object v : (Object[]) enums.enumValues(t, k).data) {
                s.add(bridge.hostView((GuestObject) v));
            }
        }
        return s;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object hostSet(Class<?> host, boolean all) {
        return all ? EnumSet.allOf((Class) host) : EnumSet.noneOf((Class) host);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object of(GuestThread t, Object[] elems) {
        if (!(elems[0] instanceof GuestObject)) {
            EnumSet s = EnumSet.of((Enum) elems[0]);
            for (Object e : elems) {
                s.add(e);
            }
            return s;
        }
        TreeSet<Object> s = (TreeSet<Object>) make(t, enums.enumClassOf((GuestObject) elems[0]), false);
        for (Object e : elems) {
            if (e == null) {
                throw exceptions.npe(t, null);
            }
            s.add(bridge.hostView((GuestObject) e));
        }
        return s;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object copy(GuestThread t, Object c) {
        VmClass k = universe.get(c);
        Collection<Object> src = (Collection<Object>) c;
        if (k == null && !src.isEmpty() && src.iterator().next() instanceof HostBridge.GuestBacked) {
            k = enums.enumClassOf((GuestObject) ((HostBridge.GuestBacked) src.iterator().next()).guestObject());
        }
        if (k == null) {
            return c instanceof EnumSet ? EnumSet.copyOf((EnumSet) c) : EnumSet.copyOf((Collection) c);
        }
        TreeSet<Object> s = (TreeSet<Object>) make(t, k, false);
        s.addAll(src);
        return s;
    }
}
