package org.cometsim.bench.interp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.cometsim.bench.interp.guest.VolatileKernel;
import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.hooks.VolatileGate;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.ObjectHeader;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmField;

/**
 * What the volatile gate ({@code hooks.VolatileGate}) costs (issue #13 item 5), as paired runs in
 * one JVM like {@code Bench03_HookCost}'s main: one guest loop ({@link VolatileKernel}: per
 * iteration one field read, one field write and one call), {@value #ITERATIONS} iterations per
 * operation, four ways:
 * <ul>
 *   <li>{@code plainField}: the loop over a plain field, no gate (the base);</li>
 *   <li>{@code volatileNoGate}: over a volatile field, no gate (the default VM): what the gate
 *       costs when nobody installed one;</li>
 *   <li>{@code volatileGateUntracked}: a gate installed (always PROCEED), the object untracked:
 *       the gate is not asked, but volatile instructions stay unquickened while a gate is
 *       installed (slow path every time);</li>
 *   <li>{@code volatileGateTracked}: the object tracked: the gate is asked at every access.</li>
 * </ul>
 * The variants alternate, 40 rounds (the first 10 warm-up); the medians of each one's thread CPU
 * time per operation are compared. Arguments: {@code ON} and/or {@code OFF} (JIT mode; default both).
 *
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.cometsim.bench.interp.Bench04_VolatileGateCost
 * </pre>
 */
public final class Bench04_VolatileGateCost {
    static final int ITERATIONS = 1_000_000;
    private static final String KERNEL = "org.cometsim.bench.interp.guest.VolatileKernel";
    private static final String DESC = "L" + KERNEL.replace('.', '/') + ";";
    private static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream());

    private Bench04_VolatileGateCost() {
    }

    /** Answers PROCEED and counts the calls. */
    static final class ProceedGate implements VolatileGate {
        long calls;

        @Override
        public int beforeAccess(GuestThread t, Object holder, VmField field, Access access, boolean mayMigrate) {
            calls++;
            return PROCEED;
        }
    }

    private record Run(Vm vm, Object kernel, String method) {
        long once() {
            return (Long) vm.invokeStatic(KERNEL, method, "(" + DESC + "I)J", kernel, ITERATIONS);
        }
    }

    private static Run run(ClassPath cp, JitMode jit, String method, VolatileGate gate, boolean tracked) {
        Vm vm = new Vm(cp, new Vm.Options(NULL, NULL, InputStream.nullInputStream(), VmClock.wallClock()));
        vm.setJitMode(jit);
        if (gate != null) {
            vm.hooks().setVolatileGate(gate); // before any guest code runs (quickening is not revisited)
        }
        Object k = vm.invokeStatic(KERNEL, "make", "()" + DESC);
        if (tracked) {
            ((GuestObject) k).dsm = new ObjectHeader(1);
        }
        return new Run(vm, k, method);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("bench04");
        String rel = KERNEL.replace('.', '/') + ".class";
        Path classFile = dir.resolve(rel);
        Files.createDirectories(classFile.getParent());
        try (InputStream in = VolatileKernel.class.getClassLoader().getResourceAsStream(rel)) {
            Files.write(classFile, in.readAllBytes());
        }
        List<byte[]> dex = D8Converter.withDefaultCache().convertClassFiles(List.of(classFile), false, "Bench04 kernel");
        ClassPath cp = new ClassPath();
        for (int i = 0; i < dex.size(); i++) {
            cp.addDex("bench04-" + i + ".dex", dex.get(i));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String jitName : args.length > 0 ? args : new String[] {"ON", "OFF"}) {
            JitMode jit = JitMode.valueOf(jitName);
            ProceedGate untrackedGate = new ProceedGate();
            ProceedGate trackedGate = new ProceedGate();
            Run[] runs = {run(cp, jit, "runPlain", null, false), run(cp, jit, "runVolatile", null, false),
                run(cp, jit, "runVolatile", untrackedGate, false), run(cp, jit, "runVolatile", trackedGate, true)};
            String[] names = {"plainField", "volatileNoGate", "volatileGateUntracked", "volatileGateTracked"};
            long result = runs[0].once();
            for (Run r : runs) {
                if (r.once() != result) {
                    throw new IllegalStateException("the runs disagree");
                }
            }
            long[][] cpu = new long[runs.length][30];
            for (int round = 0; round < 40; round++) {
                for (int v = 0; v < runs.length; v++) {
                    long start = mx.getCurrentThreadCpuTime();
                    runs[v].once();
                    long end = mx.getCurrentThreadCpuTime();
                    if (round >= 10) {
                        cpu[v][round - 10] = end - start;
                    }
                }
            }
            double base = 0;
            for (int v = 0; v < runs.length; v++) {
                Arrays.sort(cpu[v]);
                double median = (cpu[v][14] + cpu[v][15]) / 2e6;
                base = v == 0 ? median : base;
                System.out.printf("[Bench04] jit %-3s %-22s median CPU %7.1f ms/op  (%.2fx)%n", jitName, names[v], median,
                        median / base);
            }
            System.out.println("[Bench04] gate calls: untracked " + untrackedGate.calls + ", tracked " + trackedGate.calls);
        }
    }
}
