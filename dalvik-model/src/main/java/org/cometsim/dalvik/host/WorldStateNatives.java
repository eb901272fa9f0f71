package org.cometsim.dalvik.host;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Properties;
import java.util.TimeZone;

import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.rt.VmWorld;
import org.cometsim.dalvik.sched.Scheduler;

/**
 * Guest access to the VM's world ({@link VmWorld}) in place of the JVM's globals: system
 * properties ({@code System.getProperty/setProperty/clearProperty/getProperties/setProperties},
 * {@code lineSeparator}, and {@code Integer.getInteger}, {@code Long.getLong},
 * {@code Boolean.getBoolean}, which read them), the default locales and time zone, the standard
 * streams ({@code System.setOut/setErr/setIn}), the {@code Runtime} figures of the simulated
 * device, and hash codes of host objects inside {@code Objects.hash}/{@code hashCode} and
 * {@code Arrays.hashCode}. Each native has the JDK method's checks and exception messages, and
 * the placement and cost class the host bridge gives the method it replaces, so simulated time
 * is the same as before. Host receivers get the VM's identity {@code hashCode}/{@code toString}
 * and the implicit-default readers ({@link ImplicitDefaults}) through
 * {@link NativeRegistry#supplyReceiversFrom}. The host bridge refuses the JVM-global setters
 * {@link GlobalSetters} lists.
 */
final class WorldStateNatives {
    private final VmWorld w;
    private final HostBridge bridge;
    private final ClassLinker linker;
    private final Heap heap;
    private final Scheduler scheduler;
    private final GuestExceptions exceptions;
    private final GuestResources resources;
    private final ImplicitDefaults defaults;

    private WorldStateNatives(VmWorld world, HostBridge bridge, ClassLinker linker, Heap heap, Scheduler scheduler,
                              GuestExceptions exceptions, GuestResources resources) {
        this.w = world;
        this.bridge = bridge;
        this.linker = linker;
        this.heap = heap;
        this.scheduler = scheduler;
        this.exceptions = exceptions;
        this.resources = resources;
        this.defaults = new ImplicitDefaults(world, bridge, linker);
    }

    static void register(NativeRegistry reg, VmWorld world, HostBridge bridge, ClassLinker linker, Heap heap,
                         Scheduler scheduler, GuestExceptions exceptions, GuestResources resources) {
        new WorldStateNatives(world, bridge, linker, heap, scheduler, exceptions, resources).register(reg);
    }

    private void register(NativeRegistry reg) {
        registerProperties(reg);
        registerDefaults(reg);
        registerStreams(reg);
        registerRuntime(reg);
        registerHashes(reg);
        // Caller-sensitive on the JVM (clears the caller's loader's bundles): the guest's loader is this VM's.
        bridgeLike(reg, "java.util.ResourceBundle", "clearCache", "()V", true, (in, t, a) -> {
            java.util.ResourceBundle.clearCache(resources.loader());
            return null;
        });
        defaults.register(reg);
        reg.supplyReceiversFrom(this::receiverMethod);
    }

    /** Registers {@code impl} with the placement, cost class and element count the bridge gives the method. */
    static void bridgeLike(NativeRegistry reg, String owner, String name, String desc, boolean isStatic, NativeImpl impl) {
        HostCost cost = PlacementRules.costClassOf(owner, name);
        reg.register(owner, name, desc, isStatic, PlacementRules.placementOf(owner, name), cost,
                cost == HostCost.MATH ? null : HostCost::longestArgument, impl);
    }

    /**
     * A native standing in for host method {@code owner.name desc} with the placement, cost class
     * and element count the host bridge gives that method, so simulated time does not change.
     */
    static VmMethod bridgeLikeMethod(VmClass owner, String name, String desc, boolean isStatic, NativeImpl impl) {
        VmMethod m = new VmMethod(owner, name, desc, 0x0001 | 0x0100 | (isStatic ? 0x0008 : 0));
        m.nativeImpl = impl;
        m.placement = PlacementRules.placementOf(owner.name, name);
        m.costClass = PlacementRules.costClassOf(owner.name, name);
        m.elements = m.costClass == HostCost.MATH ? null : HostCost::longestArgument;
        return m;
    }

    // ------------------------------------------------------------------ system properties

    private static final String SYS = "java.lang.System";

    private void registerProperties(NativeRegistry reg) {
        String s = "Ljava/lang/String;";
        bridgeLike(reg, SYS, "getProperty", "(" + s + ")" + s, true,
                (in, t, a) -> w.properties().getProperty(checkKey(t, a[0])));
        bridgeLike(reg, SYS, "getProperty", "(" + s + s + ")" + s, true,
                (in, t, a) -> w.properties().getProperty(checkKey(t, a[0]), (String) a[1]));
        bridgeLike(reg, SYS, "setProperty", "(" + s + s + ")" + s, true,
                (in, t, a) -> (String) w.properties().setProperty(checkKey(t, a[0]), (String) a[1]));
        bridgeLike(reg, SYS, "clearProperty", "(" + s + ")" + s, true,
                (in, t, a) -> (String) w.properties().remove(checkKey(t, a[0])));
        bridgeLike(reg, SYS, "getProperties", "()Ljava/util/Properties;", true,
                (in, t, a) -> bridge.toGuest(w.properties()));
        bridgeLike(reg, SYS, "setProperties", "(Ljava/util/Properties;)V", true, (in, t, a) -> {
            w.setProperties(a[0] == null ? null : hostArgument(a[0], Properties.class, "System.setProperties"));
            return null;
        });
        bridgeLike(reg, SYS, "lineSeparator", "()" + s, true, (in, t, a) -> w.lineSeparator());
        // Readers of properties in the boxes: the JDK's own code, over this VM's properties.
        bridgeLike(reg, "java.lang.Integer", "getInteger", "(" + s + ")Ljava/lang/Integer;", true,
                (in, t, a) -> integerProperty(w, a[0], null));
        bridgeLike(reg, "java.lang.Integer", "getInteger", "(" + s + "I)Ljava/lang/Integer;", true, (in, t, a) -> {
            Integer v = integerProperty(w, a[0], null);
            return v == null ? Integer.valueOf((Integer) a[1]) : v;
        });
        bridgeLike(reg, "java.lang.Integer", "getInteger", "(" + s + "Ljava/lang/Integer;)Ljava/lang/Integer;", true,
                (in, t, a) -> integerProperty(w, a[0], (Integer) a[1]));
        bridgeLike(reg, "java.lang.Long", "getLong", "(" + s + ")Ljava/lang/Long;", true,
                (in, t, a) -> longProperty(w, a[0], null));
        bridgeLike(reg, "java.lang.Long", "getLong", "(" + s + "J)Ljava/lang/Long;", true, (in, t, a) -> {
            Long v = longProperty(w, a[0], null);
            return v == null ? Long.valueOf((Long) a[1]) : v;
        });
        bridgeLike(reg, "java.lang.Long", "getLong", "(" + s + "Ljava/lang/Long;)Ljava/lang/Long;", true,
                (in, t, a) -> longProperty(w, a[0], (Long) a[1]));
        bridgeLike(reg, "java.lang.Boolean", "getBoolean", "(" + s + ")Z", true,
                (in, t, a) -> Boolean.parseBoolean(propertyOrNull(w, a[0])));
    }

    /** {@code System.checkKey}: the JDK's exceptions and messages. */
    private String checkKey(GuestThread t, Object key) {
        if (key == null) {
            throw exceptions.npe(t, "key can't be null");
        }
        String k = (String) key;
        if (k.isEmpty()) {
            throw exceptions.create(t, "java.lang.IllegalArgumentException", "key can't be empty");
        }
        return k;
    }

    /** The property, or null where the JDK's readers swallow the key's exception (null or empty key). */
    private static String propertyOrNull(VmWorld w, Object key) {
        return key == null || ((String) key).isEmpty() ? null : w.properties().getProperty((String) key);
    }

    private static Integer integerProperty(VmWorld w, Object key, Integer otherwise) {
        String v = propertyOrNull(w, key);
        if (v != null) {
            try {
                return Integer.decode(v);
            } catch (NumberFormatException e) {
                // as Integer.getInteger: an unparsable value counts as absent
            }
        }
        return otherwise;
    }

    private static Long longProperty(VmWorld w, Object key, Long otherwise) {
        String v = propertyOrNull(w, key);
        if (v != null) {
            try {
                return Long.decode(v);
            } catch (NumberFormatException e) {
                // as Long.getLong
            }
        }
        return otherwise;
    }

    /** A guest argument as the host object of {@code type} it must be (a host object, or a guest subclass's peer). */
    private <T> T hostArgument(Object guestValue, Class<T> type, String what) {
        Object h = bridge.toHost(guestValue, type);
        if (!type.isInstance(h)) {
            throw VmError.unsupported(what + " with a guest " + linker.classOf(guestValue).name + " argument (it needs a "
                    + type.getName() + ")");
        }
        return type.cast(h);
    }

    // ------------------------------------------------------------------ default locale and time zone

    private void registerDefaults(NativeRegistry reg) {
        String loc = "java.util.Locale";
        bridgeLike(reg, loc, "getDefault", "()Ljava/util/Locale;", true, (in, t, a) -> w.locale(null));
        bridgeLike(reg, loc, "getDefault", "(Ljava/util/Locale$Category;)Ljava/util/Locale;", true, (in, t, a) -> {
            if (a[0] == null) {
                throw exceptions.npe(t, null); // the JDK's switch on a null category
            }
            return w.locale((Locale.Category) a[0]);
        });
        bridgeLike(reg, loc, "setDefault", "(Ljava/util/Locale;)V", true, (in, t, a) -> {
            if (a[0] == null) {
                throw exceptions.npe(t, "Can't set default locale to NULL");
            }
            w.setLocale((Locale) a[0]);
            return null;
        });
        bridgeLike(reg, loc, "setDefault", "(Ljava/util/Locale$Category;Ljava/util/Locale;)V", true, (in, t, a) -> {
            if (a[0] == null) {
                throw exceptions.npe(t, "Category cannot be NULL");
            }
            if (a[1] == null) {
                throw exceptions.npe(t, "Can't set default locale to NULL");
            }
            w.setLocale((Locale.Category) a[0], (Locale) a[1]);
            return null;
        });
        String tz = "java.util.TimeZone";
        bridgeLike(reg, tz, "getDefault", "()Ljava/util/TimeZone;", true,
                (in, t, a) -> bridge.toGuest(w.zoneRef().clone()));
        bridgeLike(reg, tz, "setDefault", "(Ljava/util/TimeZone;)V", true, (in, t, a) -> {
            w.setZone(a[0] == null ? null : hostArgument(a[0], TimeZone.class, "TimeZone.setDefault"));
            return null;
        });
        bridgeLike(reg, "java.time.ZoneId", "systemDefault", "()Ljava/time/ZoneId;", true, (in, t, a) -> w.zoneId());
    }

    // ------------------------------------------------------------------ standard streams

    private void registerStreams(NativeRegistry reg) {
        bridgeLike(reg, SYS, "setOut", "(Ljava/io/PrintStream;)V", true, (in, t, a) -> {
            w.setOut(a[0] == null ? null : hostArgument(a[0], PrintStream.class, "System.setOut"));
            return null;
        });
        bridgeLike(reg, SYS, "setErr", "(Ljava/io/PrintStream;)V", true, (in, t, a) -> {
            w.setErr(a[0] == null ? null : hostArgument(a[0], PrintStream.class, "System.setErr"));
            return null;
        });
        bridgeLike(reg, SYS, "setIn", "(Ljava/io/InputStream;)V", true, (in, t, a) -> {
            w.setIn(a[0] == null ? null : hostArgument(a[0], InputStream.class, "System.setIn"));
            return null;
        });
    }

    // ------------------------------------------------------------------ Runtime

    private void registerRuntime(NativeRegistry reg) {
        String rt = "java.lang.Runtime";
        bridgeLike(reg, rt, "availableProcessors", "()I", false, (in, t, a) -> w.runtime().processors());
        bridgeLike(reg, rt, "maxMemory", "()J", false, (in, t, a) -> w.runtime().maxMemory());
        bridgeLike(reg, rt, "totalMemory", "()J", false, (in, t, a) -> w.runtime().totalMemory());
        bridgeLike(reg, rt, "freeMemory", "()J", false, (in, t, a) -> w.runtime().freeMemory(allocations()));
        // As System.gc(): the weak-reference pass over the guest heap (never a host collection: the
        // VM's heap is not the host's), on the phone.
        reg.register(rt, "gc", "()V", false, org.cometsim.dalvik.rt.Placement.CLIENT_PINNED, HostCost.NONE, null,
                (in, t, a) -> {
                    bridge.collectWeakReferences();
                    return null;
                });
        bridgeLike(reg, rt, "runFinalization", "()V", false, (in, t, a) -> null);
    }

    /** The allocation instructions every guest thread of the VM has executed (new-instance, new-array, filled-new-array). */
    private long allocations() {
        long n = 0;
        for (GuestThread t : scheduler.threads()) {
            n += t.opCounts[0x22] + t.opCounts[0x23] + t.opCounts[0x24] + t.opCounts[0x25];
        }
        return n;
    }

    // ------------------------------------------------------------------ hashes of host objects inside host calls

    /**
     * {@code Objects.hashCode}, {@code Objects.hash} and {@code Arrays.hashCode(Object[])} compute
     * element hashes on the host, where a JDK enum constant or a guest array would hash by the
     * JVM's identity. Here each element hashes as guest code would see it: guest objects by their
     * own {@code hashCode} (through their host view, as before), guest arrays and classes and host
     * objects without their own {@code hashCode} by the VM's deterministic identity hashes.
     */
    private void registerHashes(NativeRegistry reg) {
        bridgeLike(reg, "java.util.Objects", "hashCode", "(Ljava/lang/Object;)I", true,
                (in, t, a) -> elementHash(in, t, a[0]));
        bridgeLike(reg, "java.util.Objects", "hash", "([Ljava/lang/Object;)I", true,
                (in, t, a) -> arrayHash(in, t, a[0]));
        bridgeLike(reg, "java.util.Arrays", "hashCode", "([Ljava/lang/Object;)I", true,
                (in, t, a) -> arrayHash(in, t, a[0]));
    }

    private int arrayHash(GuestCalls in, GuestThread t, Object array) {
        if (array == null) {
            return 0;
        }
        int h = 1;
        for (Object e : (Object[]) ((GuestArray) array).data) {
            h = 31 * h + elementHash(in, t, e);
        }
        return h;
    }

    private int elementHash(GuestCalls in, GuestThread t, Object o) {
        if (o == null) {
            return 0;
        }
        if (o instanceof GuestArray || o instanceof VmClass) {
            return heap.identityHash(o);
        }
        if (o instanceof GuestObject) {
            return (Integer) in.callVirtual(t, o, "hashCode", "()I"); // as the guest's own call would dispatch
        }
        return usesIdentityHash(o.getClass()) ? heap.identityHash(o) : o.hashCode();
    }

    // ------------------------------------------------------------------ methods of host receivers

    /**
     * Methods the VM supplies for a host receiver class (consulted before the host bridge):
     * {@code hashCode} and {@code toString} of classes that keep {@code Object}'s identity-based
     * versions (the VM's deterministic hashes, {@link Heap#identityHash}), and the instance methods
     * that read a JVM default implicitly ({@link ImplicitDefaults}). Null: none.
     */
    private VmMethod receiverMethod(VmClass hostClass, String key) {
        Class<?> h = hostClass.host;
        if (h == null) {
            return null;
        }
        if (key.equals("hashCode()I") && usesIdentityHash(h)) {
            return bridgeLikeMethod(hostClass, "hashCode", "()I", false, (in, t, a) -> heap.identityHash(a[0]));
        }
        if (key.equals("toString()Ljava/lang/String;") && OBJECT_TO_STRING.get(h)) {
            return bridgeLikeMethod(hostClass, "toString", "()Ljava/lang/String;", false, (in, t, a) -> linker.classOf(a[0]).name
                    + "@" + Integer.toHexString((Integer) in.callVirtual(t, a[0], "hashCode", "()I")));
        }
        return defaults.instanceRule(hostClass, key);
    }

    /** Whether instances of {@code k} hash by identity ({@code hashCode} is Object's or Enum's). */
    static boolean usesIdentityHash(Class<?> k) {
        return IDENTITY_HASHED.get(k);
    }

    /**
     * Facts about host classes, looked up once per JVM (a memo of pure reflection, like the host
     * bridge's method handles, not VM state): every fresh VM asks them again for every host class.
     */
    private static final ClassValue<Boolean> IDENTITY_HASHED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> k) {
            Class<?> d = declarer(k, "hashCode");
            return d == Object.class || d == Enum.class;
        }
    };
    private static final ClassValue<Boolean> OBJECT_TO_STRING = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> k) {
            return declarer(k, "toString") == Object.class;
        }
    };

    private static Class<?> declarer(Class<?> k, String noArgMethod) {
        try {
            return k.getMethod(noArgMethod).getDeclaringClass();
        } catch (NoSuchMethodException e) {
            return Object.class; // an interface: its instances' classes decide at dispatch
        }
    }
}
