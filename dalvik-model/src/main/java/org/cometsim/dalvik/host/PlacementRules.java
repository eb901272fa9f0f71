package org.cometsim.dalvik.host;

import org.cometsim.dalvik.rt.Placement;

import org.cometsim.dalvik.rt.HostCost;

import java.util.Set;

/**
 * Classification of bridged host methods, mirroring COMET's {@code MethodRules.cpp} whitelist
 * (comet-reference §6): computation on values (Math, String, boxing, collections) may run on the
 * server; anything touching the device (console and file streams, sockets, the process, clocks
 * read as wall time) is pinned to the client. Cost classes group host methods for the simulated
 * clock (see device-models' CPU presets).
 */
public final class PlacementRules {
    private PlacementRules() {
    }

    private static final Set<String> PINNED_PREFIXES = Set.of(
            "java.io.PrintStream", "java.io.FileInputStream", "java.io.FileOutputStream", "java.io.RandomAccessFile",
            "java.io.File", "java.io.FileReader", "java.io.FileWriter", "java.io.Console", "java.net.",
            "java.nio.file.", "java.nio.channels.", "java.lang.Runtime", "java.lang.ProcessBuilder", "java.lang.Process");

    /**
     * Library APIs that would run guest code on host threads or block the VM's single host
     * thread (guest threads are green threads): refused with a precise error instead of a hang or
     * a silently wrong answer. Returns the reason, or null if the method is fine.
     */
    public static String threadingHazard(Class<?> owner, String method) {
        String n = owner.getName();
        if (n.startsWith("java.util.concurrent.locks.")) {
            return "the JDK's java.util.concurrent locks track host threads, not guest threads; use synchronized or"
                    + " ReentrantLock (guest library)";
        }
        if (n.startsWith("java.util.concurrent.") && !n.startsWith("java.util.concurrent.atomic.")
                && (n.contains("Executor") || n.contains("ForkJoin") || n.contains("CompletableFuture")
                || n.contains("CountDownLatch") || n.contains("CyclicBarrier") || n.contains("Semaphore")
                || n.contains("Phaser") || n.contains("Exchanger") || n.contains("Blocking") || n.contains("SynchronousQueue")
                || n.contains("FutureTask"))) {
            return n + " runs guest code on host threads or blocks the VM's host thread; the guest library has"
                    + " ThreadPoolExecutor (Executors' fixed, single-thread, cached and scheduled pools), ScheduledThreadPoolExecutor, FutureTask, CompletableFuture, CyclicBarrier, Phaser, Exchanger,"
                    + " CountDownLatch, Semaphore, LinkedBlockingQueue, LinkedBlockingDeque, ArrayBlockingQueue, PriorityBlockingQueue, DelayQueue, SynchronousQueue; otherwise use Thread and wait/notify";
        }
        if (n.equals("java.util.Timer")) {
            return "java.util.Timer runs guest code on a host thread";
        }
        if (method.equals("parallelStream") || (method.equals("parallel") && java.util.stream.BaseStream.class.isAssignableFrom(owner))) {
            return "parallel streams run guest code on host threads";
        }
        return null;
    }

    public static Placement placementOf(String owner, String method) {
        for (String p : PINNED_PREFIXES) {
            if (owner.startsWith(p)) {
                return Placement.CLIENT_PINNED;
            }
        }
        return Placement.OFFLOADABLE;
    }

    private static final Set<String> BOXES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.lang.Float", "java.lang.Double");

    public static HostCost costClassOf(String owner, String method) {
        if (owner.equals("java.lang.Math") || owner.equals("java.lang.StrictMath") || BOXES.contains(owner)) {
            // Pure scalar functions: Math, and boxing/unboxing, Integer.compare, bit counts,
            // Character predicates (Dalvik runs these as short libcore methods, not as JNI calls).
            return HostCost.MATH;
        }
        if (owner.equals("java.lang.String") || owner.startsWith("java.lang.StringB")) {
            return HostCost.STRING;
        }
        if (owner.startsWith("java.util.")) {
            return HostCost.COLLECTIONS;
        }
        if (placementOf(owner, method) == Placement.CLIENT_PINNED) {
            return HostCost.IO;
        }
        return HostCost.DEFAULT;
    }
}
