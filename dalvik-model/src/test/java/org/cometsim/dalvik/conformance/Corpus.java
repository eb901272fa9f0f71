package org.cometsim.dalvik.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.android.tools.r8.CompilationMode;
import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.VmClock;

/**
 * The conformance corpus ({@code jtt} and {@code golden} test packages), compiled by javac with
 * the tests and converted to ONE dex by D8 (release, min-api 24, desugaring on) the first time a
 * test asks for it; the dex is cached by content hash under {@code target/d8-cache}.
 */
public final class Corpus {
    private static final java.util.Map<CompilationMode, byte[]> DEX = new java.util.EnumMap<>(CompilationMode.class);

    private Corpus() {
    }

    public static Path testClasses() {
        return Path.of("target", "test-classes");
    }

    /** The corpus as one dex in D8's debug mode (what {@code comet exec} does with jars). */
    public static byte[] dex() throws Exception {
        return dex(CompilationMode.DEBUG);
    }

    public static synchronized byte[] dex(CompilationMode mode) throws Exception {
        byte[] dex = DEX.get(mode);
        if (dex == null) {
            List<Path> classes;
            try (Stream<Path> walk = Files.walk(testClasses())) {
                classes = walk.filter(p -> p.toString().endsWith(".class"))
                        .filter(p -> {
                            String rel = testClasses().relativize(p).toString();
                            return rel.startsWith("jtt") || rel.startsWith("golden") || rel.startsWith("hooktarget");
                        })
                        .sorted()
                        .collect(Collectors.toList());
            }
            List<byte[]> out = new D8Converter(Path.of("target", "d8-cache"), mode).convertClassFiles(classes, false, "conformance corpus");
            if (out.size() != 1) {
                throw new IllegalStateException("corpus must dex to one file, got " + out.size());
            }
            dex = out.get(0);
            DEX.put(mode, dex);
        }
        return dex;
    }

    /** A fresh VM over the corpus, writing guest output to the given streams. */
    public static Vm newVm(PrintStream out, PrintStream err) throws Exception {
        return newVm(CompilationMode.DEBUG, out, err);
    }

    public static Vm newVm(CompilationMode mode, PrintStream out, PrintStream err) throws Exception {
        ClassPath cp = new ClassPath();
        cp.addDex("corpus-" + mode + ".dex", dex(mode));
        Vm vm = newVm(cp, out, err, true);
        // What the JVM oracle runs with (-cp target/test-classes), so resources resolve alike.
        vm.setGuestProperty("java.class.path", testClasses().toString());
        return vm;
    }

    /** A VM over {@code cp} whose guest clock is a {@link SchedulerClock}: what every test VM should use. */
    public static Vm newVm(ClassPath cp, PrintStream out, PrintStream err, boolean guestLibrary) {
        SchedulerClock clock = new SchedulerClock();
        Vm vm = new Vm(cp, new Vm.Options(out, err, System.in, clock).withGuestLibrary(guestLibrary));
        clock.vm = vm;
        return vm;
    }

    /**
     * A guest clock that reads the VM's scheduler time (instructions executed plus skipped idle
     * time, 1 ns each) from a fixed epoch, as {@code comet exec --cpu} does with its CPU model.
     * With the host's clock ({@code VmClock.wallClock()}) the guest library's timed waits, which
     * recompute what is left from {@code System.nanoTime()} after each wake-up, looped a number of
     * times that depended on how fast the host ran, so a run's instruction counts (which
     * {@code CompiledExecutionTest} compares between the interpreter and compiled code) and even
     * its interleaving depended on host speed and load.
     */
    public static final class SchedulerClock implements VmClock {
        /** 2026-01-01T00:00:00Z: guest dates look current, and never depend on the host. */
        static final long EPOCH_MILLIS = 1_767_225_600_000L;
        Vm vm;

        @Override
        public long nanoTime() {
            return vm == null ? 0 : vm.scheduler().now();
        }

        @Override
        public long currentTimeMillis() {
            return EPOCH_MILLIS + nanoTime() / 1_000_000L;
        }

        @Override
        public void idleAdvance(long nanos) {
            // scheduler time already includes skipped idle time
        }
    }

    /** Result of running a program: stdout, stderr, exit status. */
    public record Run(String out, String err, int status) {
    }

    public static PrintStream capture(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs a main class on the host JVM in a child process (the oracle). Its stdout and stderr go
     * to files, not pipes: reading one pipe to the end before the other blocked the child, and the
     * test, as soon as it filled the other (64 KB of stderr).
     */
    public static Run runOnJvm(String mainClass) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path dir = Files.createDirectories(Path.of("target", "oracle-output"));
        Path out = Files.createTempFile(dir, "out-", ".txt");
        Path err = Files.createTempFile(dir, "err-", ".txt");
        try {
            ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Dfile.encoding=UTF-8", "-cp",
                    testClasses().toString(), mainClass)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File(nullDevice())));
            int status = pb.start().waitFor();
            return new Run(new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
                    new String(Files.readAllBytes(err), StandardCharsets.UTF_8), status);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String nullDevice() {
        return System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null";
    }
}
