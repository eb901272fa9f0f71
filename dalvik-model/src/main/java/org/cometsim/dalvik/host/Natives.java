package org.cometsim.dalvik.host;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.dalvik.rt.VmWorld;
import org.cometsim.dalvik.sched.Monitors;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.dalvik.sched.ShutdownHooks;

/**
 * Intercepts of host-library methods whose behaviour belongs to the VM: process exit, clocks,
 * identity hashes, {@code System.arraycopy} (with write barriers and the JDK's messages),
 * reflective arrays over guest arrays, {@code Object} methods called on host objects that
 * must use guest monitors or guest classes, and the VM's own world ({@link WorldStateNatives}:
 * properties, default locale and time zone, standard streams, {@code Runtime} figures; the
 * methods that read a default implicitly; loggers in {@link LoggingNatives}).
 */
public final class Natives {
    private static final Placement OFF = Placement.OFFLOADABLE;
    private static final Placement PIN = Placement.CLIENT_PINNED;

    private final ClassLinker linker;
    private final ClassInitializer initializer;
    private final Heap heap;
    private final Monitors monitors;
    private final GuestExceptions exceptions;
    private final OffloadHooks hooks;
    private final VmWorld world;
    private final VmLogging logging;
    private final Scheduler scheduler;
    private final ShutdownHooks shutdownHooks;
    private final HostBridge bridge;
    private final GuestResources resources;

    /** The intercepts of one VM. */
    public Natives(ClassLinker linker, ClassInitializer initializer, Heap heap, Monitors monitors, GuestExceptions exceptions,
                   OffloadHooks hooks, VmWorld world, VmLogging logging, Scheduler scheduler, ShutdownHooks shutdownHooks,
                   HostBridge bridge, GuestResources resources) {
        this.linker = linker;
        this.initializer = initializer;
        this.heap = heap;
        this.monitors = monitors;
        this.exceptions = exceptions;
        this.hooks = hooks;
        this.world = world;
        this.logging = logging;
        this.scheduler = scheduler;
        this.shutdownHooks = shutdownHooks;
        this.bridge = bridge;
        this.resources = resources;
    }

    /** Registers every intercept of the host library with {@code reg}. */
    public void register(NativeRegistry reg) {
        ArrayCopyNatives.register(reg, heap, exceptions);
        registerRandomness(reg);
        ClassLoaderNatives.register(reg, resources, world, linker, exceptions, bridge);
        // The one common host method taking Object that looks inside arrays: guest arrays cross
        // Object positions as themselves (HostBridge.toHost), so here they get host views of their
        // guest elements, whose equals is the guest's.
        reg.register("java.util.Objects", "deepEquals", "(Ljava/lang/Object;Ljava/lang/Object;)Z", true, OFF, "collections",
                (in, t, a) -> java.util.Objects.deepEquals(bridge.toHostValue(a[0], Object.class),
                        bridge.toHostValue(a[1], Object.class)));
        LoggingNatives.register(reg, logging, world, exceptions, bridge);
        ServiceLoaderNatives.register(reg, linker, exceptions, bridge);
        // Properties, locale, time zone, streams, Runtime figures per VM (the host bridge refuses the
        // JVM-global setters GlobalSetters lists); the host methods that read a default implicitly.
        WorldStateNatives.register(reg, world, bridge, linker, heap, scheduler, exceptions, resources);
        String obj = "java.lang.Object";
        // Object methods on host receivers (guest receivers use the Object model class).
        reg.register(obj, "getClass", "()Ljava/lang/Class;", false, OFF, "default", (in, t, a) -> linker.classOf(a[0]));
        reg.register(obj, "wait", "()V", false, OFF, "default", (in, t, a) -> monitors.waitOn(t, a[0], 0));
        reg.register(obj, "wait", "(J)V", false, OFF, "default", (in, t, a) -> monitors.waitOn(t, a[0], (Long) a[1]));
        reg.register(obj, "notify", "()V", false, OFF, "default", (in, t, a) -> {
            monitors.notify(t, a[0], false);
            return null;
        });
        reg.register(obj, "notifyAll", "()V", false, OFF, "default", (in, t, a) -> {
            monitors.notify(t, a[0], true);
            return null;
        });

        String sys = "java.lang.System";
        reg.register(sys, "exit", "(I)V", true, PIN, "default", (in, t, a) -> {
            world.outOrLaunch().flush();
            throw new VmExit((Integer) a[0]);
        });
        // COMET lists the clocks as offloadable ("sort of a lie": the server reads its own clock).
        reg.register(sys, "currentTimeMillis", "()J", true, OFF, "default", (in, t, a) -> world.clock().currentTimeMillis());
        reg.register(sys, "nanoTime", "()J", true, OFF, "default", (in, t, a) -> world.clock().nanoTime());
        reg.register(sys, "identityHashCode", "(Ljava/lang/Object;)I", true, OFF, "default",
                (in, t, a) -> a[0] == null ? 0 : heap.identityHash(a[0]));
        // The weak-reference pass (ReferenceProcessing); on the phone, where the console and the roots of every thread at home are.
        reg.register(sys, "gc", "()V", true, PIN, "default", (in, t, a) -> {
            bridge.collectWeakReferences();
            return null;
        });
        reg.register(sys, "runFinalization", "()V", true, OFF, "default", (in, t, a) -> null);
        reg.register(sys, "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", true, OFF, HostCost.ARRAYCOPY,
                a -> Math.max(0, (Integer) a[4]), (in, t, a) -> {
                    arraycopy(t, a[0], (Integer) a[1], a[2], (Integer) a[3], (Integer) a[4]);
                    return null;
                });
        reg.register("java.lang.Runtime", "addShutdownHook", "(Ljava/lang/Thread;)V", false, PIN, "default", (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            shutdownHooks.add(t, (GuestObject) a[1]);
            return null;
        });
        reg.register("java.lang.Runtime", "removeShutdownHook", "(Ljava/lang/Thread;)Z", false, PIN, "default",
                (in, t, a) -> shutdownHooks.remove(t, (GuestObject) a[1]));
        reg.register("java.lang.Runtime", "exit", "(I)V", false, PIN, "default", (in, t, a) -> {
            world.outOrLaunch().flush();
            throw new VmExit((Integer) a[1]);
        });
        reg.register("java.lang.Runtime", "halt", "(I)V", false, PIN, "default", (in, t, a) -> {
            world.outOrLaunch().flush();
            throw new VmExit((Integer) a[1], true);
        });

        String arr = "java.lang.reflect.Array";
        reg.register(arr, "newInstance", "(Ljava/lang/Class;I)Ljava/lang/Object;", true, OFF, "default", (in, t, a) -> {
            VmClass comp = componentArg(t, a[0]);
            return heap.newArray(t, linker.classForDescriptor("[" + comp.descriptor), (Integer) a[1]);
        });
        reg.register(arr, "newInstance", "(Ljava/lang/Class;[I)Ljava/lang/Object;", true, OFF, "default", (in, t, a) -> {
            VmClass comp = componentArg(t, a[0]);
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            int[] dims = (int[]) ((GuestArray) a[1]).data;
            if (dims.length == 0) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", "Empty dimensions array");
            }
            for (int d : dims) {
                if (d < 0) {
                    throw exceptions.create(t, "java.lang.NegativeArraySizeException", Integer.toString(d));
                }
            }
            return multiArray(t, comp, dims, 0);
        });
        reg.register(arr, "getLength", "(Ljava/lang/Object;)I", true, OFF, "default", (in, t, a) -> asArray(t, a[0]).length);
        reg.register(arr, "get", "(Ljava/lang/Object;I)Ljava/lang/Object;", true, OFF, "default", (in, t, a) -> {
            GuestArray g = asArray(t, a[0]);
            int i = (Integer) a[1];
            checkIndex(t, g, i);
            Object v = java.lang.reflect.Array.get(g.data, i);
            return v;
        });
        reg.register(arr, "set", "(Ljava/lang/Object;ILjava/lang/Object;)V", true, OFF, "default", (in, t, a) -> {
            GuestArray g = asArray(t, a[0]);
            int i = (Integer) a[1];
            checkIndex(t, g, i);
            if (g.data instanceof Object[]) {
                if (a[2] != null && !linker.classOf(a[2]).isSubtypeOf(g.type.component)) {
                    throw exceptions.create(t, "java.lang.IllegalArgumentException", "array element type mismatch");
                }
                if (g.dsm != null) {
                    hooks.barrier().arrayWrite(g, i, 1);
                }
                ((Object[]) g.data)[i] = a[2];
            } else {
                if (g.dsm != null) {
                    hooks.barrier().arrayWrite(g, i, 1); // (a value the host cannot convert then writes nothing)
                }
                java.lang.reflect.Array.set(g.data, i, a[2]);
            }
            return null;
        });
        reg.register(arr, "getInt", "(Ljava/lang/Object;I)I", true, OFF, "default", (in, t, a) -> {
            GuestArray g = asArray(t, a[0]);
            checkIndex(t, g, (Integer) a[1]);
            return java.lang.reflect.Array.getInt(g.data, (Integer) a[1]);
        });
        reg.register(arr, "getDouble", "(Ljava/lang/Object;I)D", true, OFF, "default", (in, t, a) -> {
            GuestArray g = asArray(t, a[0]);
            checkIndex(t, g, (Integer) a[1]);
            return java.lang.reflect.Array.getDouble(g.data, (Integer) a[1]);
        });
        reg.register(arr, "setInt", "(Ljava/lang/Object;II)V", true, OFF, "default", (in, t, a) -> {
            GuestArray g = asArray(t, a[0]);
            checkIndex(t, g, (Integer) a[1]);
            if (g.dsm != null) {
                hooks.barrier().arrayWrite(g, (Integer) a[1], 1);
            }
            java.lang.reflect.Array.setInt(g.data, (Integer) a[1], (Integer) a[2]);
            return null;
        });
        reg.register(arr, "setDouble", "(Ljava/lang/Object;ID)V", true, OFF, "default", (in, t, a) -> {
            GuestArray g = asArray(t, a[0]);
            checkIndex(t, g, (Integer) a[1]);
            if (g.dsm != null) {
                hooks.barrier().arrayWrite(g, (Integer) a[1], 1);
            }
            java.lang.reflect.Array.setDouble(g.data, (Integer) a[1], (Double) a[2]);
            return null;
        });
    }

    private VmClass componentArg(GuestThread t, Object c) {
        if (c == null) {
            throw exceptions.npe(t, null);
        }
        VmClass k = (VmClass) c;
        if (k.descriptor.equals("V")) {
            throw exceptions.create(t, "java.lang.IllegalArgumentException", null);
        }
        return k;
    }

    private GuestArray multiArray(GuestThread t, VmClass comp, int[] dims, int level) {
        StringBuilder d = new StringBuilder();
        for (int k = level; k < dims.length; k++) {
            d.append('[');
        }
        GuestArray a = heap.newArray(t, linker.classForDescriptor(d + comp.descriptor), dims[level]);
        if (level + 1 < dims.length) {
            Object[] data = (Object[]) a.data;
            for (int i = 0; i < data.length; i++) {
                data[i] = multiArray(t, comp, dims, level + 1);
            }
        }
        return a;
    }

    private GuestArray asArray(GuestThread t, Object o) {
        if (o == null) {
            throw exceptions.npe(t, null);
        }
        if (!(o instanceof GuestArray)) {
            throw exceptions.create(t, "java.lang.IllegalArgumentException", "Argument is not an array");
        }
        return (GuestArray) o;
    }

    private void checkIndex(GuestThread t, GuestArray g, int i) {
        if (i < 0 || i >= g.length) {
            throw exceptions.create(t, "java.lang.ArrayIndexOutOfBoundsException",
                    "Index " + i + " out of bounds for length " + g.length);
        }
    }

    /** {@code System.arraycopy} with HotSpot's checks and messages, and a write barrier on the destination. */
    private void arraycopy(GuestThread t, Object src, int srcPos, Object dst, int dstPos, int len) {
        if (src == null || dst == null) {
            throw exceptions.npe(t, null);
        }
        if (!(src instanceof GuestArray)) {
            throw exceptions.create(t, "java.lang.ArrayStoreException",
                    "arraycopy: source type " + linker.classOf(src).name + " is not an array");
        }
        if (!(dst instanceof GuestArray)) {
            throw exceptions.create(t, "java.lang.ArrayStoreException",
                    "arraycopy: destination type " + linker.classOf(dst).name + " is not an array");
        }
        GuestArray s = (GuestArray) src;
        GuestArray d = (GuestArray) dst;
        char sk = s.type.primitive;
        char dk = d.type.primitive;
        if (sk != dk) {
            throw exceptions.create(t, "java.lang.ArrayStoreException", "arraycopy: type mismatch: can not copy "
                    + typeText(s) + " into " + typeText(d));
        }
        if (srcPos < 0) {
            throw aioobe(t, "arraycopy: source index " + srcPos + " out of bounds for " + boundText(s));
        }
        if (dstPos < 0) {
            throw aioobe(t, "arraycopy: destination index " + dstPos + " out of bounds for " + boundText(d));
        }
        if (len < 0) {
            throw aioobe(t, "arraycopy: length " + len + " is negative");
        }
        if ((long) srcPos + len > s.length) {
            throw aioobe(t, "arraycopy: last source index " + ((long) srcPos + len) + " out of bounds for " + boundText(s));
        }
        if ((long) dstPos + len > d.length) {
            throw aioobe(t, "arraycopy: last destination index " + ((long) dstPos + len) + " out of bounds for " + boundText(d));
        }
        if (sk == 'L' && d.type.component != linker.objectClass() && !s.type.component.isSubtypeOf(d.type.component)) {
            // Element-wise store checks: copy until the first element that does not fit.
            Object[] sd = (Object[]) s.data;
            Object[] dd = (Object[]) d.data;
            Object[] tmp = new Object[len];
            System.arraycopy(sd, srcPos, tmp, 0, len);
            int fit = 0; // elements copied before the first that does not fit
            while (fit < len && (tmp[fit] == null || linker.classOf(tmp[fit]).isSubtypeOf(d.type.component))) {
                fit++;
            }
            if (d.dsm != null && fit > 0) {
                hooks.barrier().arrayWrite(d, dstPos, fit); // before the stores
            }
            System.arraycopy(tmp, 0, dd, dstPos, fit);
            if (fit < len) {
                throw exceptions.create(t, "java.lang.ArrayStoreException", "arraycopy: element type mismatch: "
                        + "can not cast one of the elements of " + s.type.component.name + "[] to the type of the "
                        + "destination array, " + d.type.component.name);
            }
        } else {
            if (d.dsm != null && len > 0) {
                hooks.barrier().arrayWrite(d, dstPos, len); // before the store
            }
            System.arraycopy(s.data, srcPos, d.data, dstPos, len);
        }
    }

    private static String typeText(GuestArray a) {
        return a.type.primitive == 'L' ? "object array[]" : Descriptors.primitiveName(a.type.primitive) + "[]";
    }

    private static String boundText(GuestArray a) {
        return (a.type.primitive == 'L' ? "object array" : Descriptors.primitiveName(a.type.primitive)) + "[" + a.length + "]";
    }

    private RuntimeException aioobe(GuestThread t, String msg) {
        return exceptions.create(t, "java.lang.ArrayIndexOutOfBoundsException", msg);
    }

    /**
     * Library randomness that the JDK seeds from the clock: {@code Math.random()} and
     * {@code Collections.shuffle(List)} draw from generators held in guest statics of the guest
     * library's {@code java.util.Random} (reproducible runs, state the DSM can see);
     * {@code Collections.shuffle(List, Random)} takes a guest {@code Random}. Without the guest
     * library they fall back to the host's (clock-seeded) implementations.
     */
    private void registerRandomness(NativeRegistry reg) {
        // Trampolines into guest code (whose instructions are counted): no host-call charge.
        reg.register("java.lang.Math", "random", "()D", true, OFF, "none",
                (in, t, a) -> libraryRandom(in, t, "mathRandom()D", () -> Math.random()));
        reg.register("java.util.Collections", "shuffle", "(Ljava/util/List;)V", true, OFF, "none",
                (in, t, a) -> libraryRandom(in, t, "shuffle(Ljava/util/List;)V", () -> {
                    java.util.Collections.shuffle(hostList(a[0]));
                    return null;
                }, a[0]));
        reg.register("java.util.Collections", "shuffle", "(Ljava/util/List;Ljava/util/Random;)V", true, OFF, "none",
                (in, t, a) -> libraryRandom(in, t, "shuffle(Ljava/util/List;Ljava/util/Random;)V", () -> {
                    java.util.Collections.shuffle(hostList(a[0]), (java.util.Random) a[1]);
                    return null;
                }, a[0], a[1]));
    }

    @SuppressWarnings("unchecked")
    private java.util.List<Object> hostList(Object list) {
        return (java.util.List<Object>) bridge.toHost(list, java.util.List.class);
    }

    private Object libraryRandom(GuestCalls in, GuestThread t, String key, java.util.concurrent.Callable<Object> hostFallback,
                                 Object... args) throws Exception {
        for (Object a : args) {
            if (a == null) {
                throw exceptions.npe(t, null);
            }
        }
        VmClass random = linker.classForDescriptor("Ljava/util/Random;");
        if (random.kind != VmClass.Kind.GUEST) {
            return hostFallback.call();
        }
        initializer.initializeNow(t, random);
        return in.callGuest(t, random.methods.get(key), args);
    }
}
