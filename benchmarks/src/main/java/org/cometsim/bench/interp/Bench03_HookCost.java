package org.cometsim.bench.interp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cometsim.bench.interp.guest.HookKernel;
import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.hooks.MethodEvents;
import org.cometsim.dalvik.hooks.WriteBarrier;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.ObjectHeader;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the offload hooks cost (issue #11, principle 7: every hook beside the number it slows
 * down): one guest loop ({@link HookKernel#run}: per iteration one array store, one field store and
 * one call), {@value #ITERATIONS} iterations per operation, in one JMH run, three ways:
 * <ul>
 *   <li>{@link #noHooks}: nothing installed: the barrier is the no-op {@code WriteBarrier.NONE}
 *       and the objects are untracked, no method-event subscriber (the default VM);</li>
 *   <li>{@link #trackedWithBarrier}: the array and the object carry an offload header and a
 *       barrier is installed that does what COMET's {@code offMarkField} does (set the slot's
 *       dirty bit, queue the object once);</li>
 *   <li>{@link #methodEvents}: a subscriber that counts entries and exits.</li>
 * </ul>
 * Each variant has its own VM (built once per trial, its kernel objects made once), so compiled
 * code and inline caches are each variant's own. The ratios of the scores to {@code noHooks} are
 * the hooks' costs; the setup prints the loop's instruction count.
 *
 * <h2>HOW TO RUN THIS TEST</h2>
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Bench03 -f 1 -wi 3 -i 5
 * java -jar benchmarks/target/benchmarks.jar Bench03 -f 1 -wi 3 -i 5 -p jit=OFF
 * java -cp benchmarks/target/benchmarks.jar org.cometsim.bench.interp.Bench03_HookCost   (paired, CPU time)
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class Bench03_HookCost {
    static final int ITERATIONS = 1_000_000;
    private static final String KERNEL = "org.cometsim.bench.interp.guest.HookKernel";
    private static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream());

    /** {@code ON} (the default: hot loops run as compiled code) or {@code OFF} (interpreter only). */
    @Param({"ON", "OFF"})
    String jit;

    private Path dir;
    private Run plain;
    private Run tracked;
    private Run events;

    /** One VM with the kernel's objects. */
    private static final class Run {
        final Vm vm;
        final Object kernel;
        final Object array;

        Run(ClassPath cp, JitMode jit) {
            vm = new Vm(cp, new Vm.Options(NULL, NULL, InputStream.nullInputStream(), VmClock.wallClock()));
            vm.setJitMode(jit);
            Object[] made = (Object[]) ((GuestArray) vm.invokeStatic(KERNEL, "make", "()[Ljava/lang/Object;")).data;
            kernel = made[0];
            array = made[1];
        }

        long once() {
            return (Long) vm.invokeStatic(KERNEL, "run", "(L" + KERNEL.replace('.', '/') + ";[II)J", kernel, array, ITERATIONS);
        }

        long instructions() {
            long n = 0;
            for (GuestThread t : vm.scheduler().threads()) {
                n += t.totalInstructions();
            }
            return n;
        }
    }

    /** COMET's per-object tracking state, as far as the barrier below needs it. */
    static final class DirtyHeader extends ObjectHeader {
        long dirty;
        boolean queued;

        DirtyHeader(int id) {
            super(id);
        }
    }

    /** Sets the written slot's dirty bit and queues the object once (comet-reference §3, offMarkField). */
    static final class DirtyBitsBarrier implements WriteBarrier {
        long queuedObjects;

        private void mark(ObjectHeader h, int slot) {
            DirtyHeader d = (DirtyHeader) h;
            d.dirty |= 1L << (slot & 63);
            if (!d.queued) {
                d.queued = true;
                queuedObjects++;
            }
        }

        @Override
        public void fieldWrite(GuestObject obj, VmField field) {
            mark(obj.dsm, field.index);
        }

        @Override
        public void staticWrite(VmClass cls, VmField field) {
            mark(cls.dsm, field.index);
        }

        @Override
        public void arrayWrite(GuestArray array, int from, int count) {
            for (int k = from; k < from + count; k++) {
                mark(array.dsm, k);
            }
        }

        @Override
        public void arrayWrittenWhole(GuestArray array) {
            arrayWrite(array, 0, array.length);
        }
    }

    /** Counts entries and exits. */
    static final class CountingEvents implements MethodEvents {
        long enters;
        long exits;

        @Override
        public void enter(GuestThread thread, VmMethod method) {
            enters++;
        }

        @Override
        public void exit(GuestThread thread, VmMethod method, boolean exceptional) {
            exits++;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("bench03");
        String rel = KERNEL.replace('.', '/') + ".class";
        Path classFile = dir.resolve(rel);
        Files.createDirectories(classFile.getParent());
        try (InputStream in = HookKernel.class.getClassLoader().getResourceAsStream(rel)) {
            Files.write(classFile, in.readAllBytes());
        }
        List<byte[]> dex = D8Converter.withDefaultCache().convertClassFiles(List.of(classFile), false, "Bench03 kernel");
        ClassPath cp = new ClassPath();
        for (int i = 0; i < dex.size(); i++) {
            cp.addDex("bench03-" + i + ".dex", dex.get(i));
        }
        JitMode mode = JitMode.valueOf(jit);
        plain = new Run(cp, mode);
        tracked = new Run(cp, mode);
        ((GuestObject) tracked.kernel).dsm = new DirtyHeader(1);
        ((GuestArray) tracked.array).dsm = new DirtyHeader(2);
        tracked.vm.setWriteBarrier(new DirtyBitsBarrier());
        events = new Run(cp, mode);
        events.vm.setMethodEvents(new CountingEvents());
        long before = plain.instructions();
        long result = plain.once();
        if (tracked.once() != result || events.once() != result) {
            throw new IllegalStateException("the three runs disagree");
        }
        System.out.println("[Bench03] " + (plain.instructions() - before) + " Dalvik instructions per operation, jit " + jit);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        System.out.println("[Bench03] method events: " + ((CountingEvents) events.vm.hooks().methodEvents()).enters
                + " entries; barrier queued " + ((DirtyBitsBarrier) tracked.vm.hooks().barrier()).queuedObjects + " objects");
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The same comparison as paired runs in one JVM: the three variants alternate, 40 rounds
     * (the first 10 warm-up), and the medians of each variant's thread CPU time per operation are
     * compared. On a shared, loaded machine this is steadier than JMH's wall-clock averages.
     * Arguments: {@code ON} and/or {@code OFF} (default both).
     */
    public static void main(String[] args) throws Exception {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String jit : args.length > 0 ? args : new String[] {"ON", "OFF"}) {
            Bench03_HookCost b = new Bench03_HookCost();
            b.jit = jit;
            b.setUp();
            Run[] runs = {b.plain, b.tracked, b.events};
            String[] names = {"noHooks", "trackedWithBarrier", "methodEvents"};
            long[][] cpu = new long[3][30];
            for (int round = 0; round < 40; round++) {
                for (int v = 0; v < 3; v++) {
                    long start = mx.getCurrentThreadCpuTime();
                    runs[v].once();
                    long end = mx.getCurrentThreadCpuTime();
                    if (round >= 10) {
                        cpu[v][round - 10] = end - start;
                    }
                }
            }
            double base = 0;
            for (int v = 0; v < 3; v++) {
                java.util.Arrays.sort(cpu[v]);
                double median = (cpu[v][14] + cpu[v][15]) / 2e6;
                base = v == 0 ? median : base;
                System.out.printf("[Bench03] jit %-3s %-19s median CPU %7.1f ms/op  (%.2fx)%n", jit, names[v], median,
                        median / base);
            }
            b.tearDown();
        }
    }

    @Benchmark
    public long noHooks() {
        return plain.once();
    }

    @Benchmark
    public long trackedWithBarrier() {
        return tracked.once();
    }

    @Benchmark
    public long methodEvents() {
        return events.once();
    }
}
