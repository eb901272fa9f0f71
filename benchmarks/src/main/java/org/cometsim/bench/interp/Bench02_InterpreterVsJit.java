package org.cometsim.bench.interp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;
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
 * Interpreter speed (issue #3, item 4): the same small workloads, in one JMH run, executed by the
 * Dalvik interpreter ({@link #interpreter}) and by the host JVM's JIT ({@link #hostJvm}). The
 * slowdown is the ratio of the two scores for a workload; {@code comet bench} computes it (and
 * instructions per second, peak heap, output equality) for every workload.
 *
 * <ul>
 *   <li>interpreter: the workload's dex files are parsed once per trial; each operation builds a
 *       fresh {@link Vm} (guest statics start clean, as in a new process) and runs {@code main}.
 *       Default VM configuration: per-opcode counters on, no write barrier installed and no
 *       object tracked (a store pays only the check for a tracked object). The fresh Vm is
 *       part of the operation here, unlike in {@code comet bench}, which times runMain alone.
 *       Guest stdout goes to a null stream.</li>
 *   <li>hostJvm: the workload's jars in one {@link URLClassLoader} per trial (parent: the platform
 *       loader, so the copies of the apps on the benchmark class path are not used); each operation
 *       calls {@code main} with System.out/err redirected to a null stream. JMH's warm-up
 *       iterations are what lets C2 compile it.</li>
 * </ul>
 * Each trial's setup prints the Dalvik instruction count of one interpreted run, so
 * instructions per second = count / score.
 *
 * <h2>HOW TO RUN THIS TEST</h2>
 * <pre>
 * mvn -q -o -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar Bench02 -f 1 -wi 2 -i 3
 * java -jar benchmarks/target/benchmarks.jar Bench02 -f 1 -wi 2 -i 3 -p workload=linpack
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class Bench02_InterpreterVsJit {

    @Param({"nqueens", "linpack", "mandelbrot", "tripplanner"})
    String workload;

    private static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream());

    private Path dir;
    private String mainClass;
    private String[] args;
    private ClassPath dexClassPath;
    private URLClassLoader jarLoader;
    private Method hostMain;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Workload w = WorkloadCatalog.get(workload);
        dir = Files.createTempDirectory("bench02-" + workload);
        mainClass = w.mainClass();
        args = w.args(Size.SMALL).toArray(new String[0]);
        D8Converter d8 = D8Converter.withDefaultCache();
        dexClassPath = new ClassPath();
        for (Path p : WorkloadCatalog.extract(w, dir.resolve("dex"), Kind.DEX)) {
            dexClassPath.add(p, d8);
        }
        Path[] jars = WorkloadCatalog.extract(w, dir.resolve("jar"), Kind.JAR);
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        jarLoader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        hostMain = Class.forName(mainClass, true, jarLoader).getMethod("main", String[].class);

        // one interpreted run up front: fails the trial early if the workload does not run yet,
        // and tells the reader the instruction count behind the score
        Vm vm = newVm();
        int status = runMain(vm);
        if (status != 0) {
            throw new IllegalStateException(workload + ": interpreter exit status " + status);
        }
        long n = 0;
        for (GuestThread t : vm.scheduler().threads()) {
            n += t.totalInstructions();
        }
        System.out.println("[Bench02] " + workload + " small: " + n + " Dalvik instructions per interpreted run");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        jarLoader.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Vm newVm() {
        return new Vm(dexClassPath, new Vm.Options(NULL, NULL, java.io.InputStream.nullInputStream(),
                VmClock.wallClock()));
    }

    private int runMain(Vm vm) {
        try {
            return vm.runMain(mainClass, args.clone());
        } catch (VmExit e) {
            return e.status;
        }
    }

    @Benchmark
    public Vm interpreter() {
        Vm vm = newVm();
        runMain(vm);
        return vm; // returned so the run's heap is not dead code to the JIT
    }

    @Benchmark
    public void hostJvm() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(NULL);
        System.setErr(NULL);
        try {
            hostMain.invoke(null, (Object) args.clone());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
