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
        Vm vm = new Vm(cp, new Vm.Options(out, err, System.in, VmClock.wallClock()));
        // What the JVM oracle runs with (-cp target/test-classes), so resources resolve alike.
        vm.setGuestProperty("java.class.path", testClasses().toString());
        return vm;
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

    /** Runs a main class on the host JVM in a child process (the oracle). */
    public static Run runOnJvm(String mainClass) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-Dfile.encoding=UTF-8", "-cp",
                testClasses().toString(), mainClass);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        int status = p.waitFor();
        return new Run(new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8), status);
    }
}
