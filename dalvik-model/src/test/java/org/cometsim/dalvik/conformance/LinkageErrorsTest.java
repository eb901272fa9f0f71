package org.cometsim.dalvik.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.VmExit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Linkage errors as the JVM gives them (issue #12): call sites linked against a member that is
 * missing or of the other kind at run time. The program is compiled by javac in two versions (the
 * callers against version 1 of a guest class, then version 2 of that class compiled over it), and
 * against stub JDK classes ({@code --patch-module java.base}) that declare members JDK 17 does not
 * have. {@code java} on the result is the oracle; the VM, interpreted and with every method
 * compiled, must print the same: {@code NoSuchMethodError}, {@code NoSuchFieldError},
 * {@code IncompatibleClassChangeError} and {@code AbstractMethodError} with HotSpot's messages,
 * catchable by the program. A member the JDK has but the VM does not support stays an
 * unsupported-API stop (tested in {@code GuestLibraryTest}).
 */
class LinkageErrorsTest {
    private static Path classes;

    /** Version 1 of the library and the callers; everything the program prints goes through Main. */
    private static final Map<String, String> V1 = Map.of(
            "Lib.java", """
                    public class Lib {
                        public static int sm() { return 1; }
                        public int im() { return 2; }
                        public static int sf = 3;
                        public int f = 4;
                        public Lib() {}
                        public void gone(String s, int[][] a) {}
                        public static long goneStatic(double d) { return 0; }
                        public static Object goneField;
                        public int goneInstanceField;
                    }
                    """,
            "Iface.java", "public interface Iface { void m(); }\n",
            "Impl.java", "public class Impl implements Iface { public void m() { System.out.println(\"m\"); } }\n",
            "Base.java", "public abstract class Base { public abstract String name(int k); }\n",
            "Derived.java", "public class Derived extends Base { public String name(int k) { return \"d\" + k; } }\n",
            "Main.java", """
                    public class Main {
                        static void t(String what, Runnable r) {
                            try {
                                r.run();
                                System.out.println(what + ": ok");
                            } catch (LinkageError e) {
                                System.out.println(what + ": " + e);
                            }
                        }
                        public static void main(String[] args) {
                            t("static call of an instance method", () -> Lib.sm());
                            t("virtual call of a static method", () -> new Lib().im());
                            t("getstatic of an instance field", () -> System.out.println(Lib.sf));
                            t("getfield of a static field", () -> System.out.println(new Lib().f));
                            t("putstatic of an instance field", () -> Lib.sf = 5);
                            t("removed method", () -> new Lib().gone("", null));
                            t("removed static method", () -> Lib.goneStatic(1.5));
                            t("removed static field", () -> System.out.println(Lib.goneField));
                            t("removed instance field", () -> new Lib().goneInstanceField = 3);
                            t("unimplemented interface method", () -> { Iface i = new Impl(); i.m(); });
                            t("unimplemented abstract method", () -> { Base b = new Derived(); b.name(1); });
                            t("removed class", () -> new Gone());
                            JdkCalls.run();
                            t("still usable", () -> System.out.println(Math.abs(-7)));
                        }
                    }
                    """,
            "Gone.java", "public class Gone {}\n",
            // Replaced by the version compiled against the stub JDK classes.
            "JdkCalls.java", "public class JdkCalls { public static void run() {} }\n");

    /**
     * Version 2 of the library, compiled over version 1's classes; only the classes in
     * {@link #V2_CLASSES} replace version 1's ({@code Iface} and {@code Base} stay as the callers
     * saw them: their implementations were compiled against versions without the method).
     */
    private static final List<String> V2_CLASSES = List.of("Lib.class", "Impl.class", "Derived.class");

    private static final Map<String, String> V2 = Map.of(
            "Lib.java", """
                    public class Lib {
                        public int sm() { return 1; }
                        public static int im() { return 2; }
                        public int sf = 3;
                        public static int f = 4;
                        public Lib() {}
                    }
                    """,
            "Iface.java", "public interface Iface {}\n",
            "Impl.java", "public class Impl implements Iface {}\n",
            "Base.java", "public abstract class Base {}\n",
            "Derived.java", "public class Derived extends Base {}\n");

    /** Callers of JDK members that JDK 17 lacks (or has of the other kind), compiled against stubs. */
    private static final String JDK_CALLS = """
            public class JdkCalls {
                static void t(String what, Runnable r) {
                    // No string concatenation: javac sees only the stub String.
                    System.out.print(what);
                    System.out.print(": ");
                    try {
                        r.run();
                        System.out.println("ok");
                    } catch (LinkageError e) {
                        System.out.println(e);
                    }
                }
                public static void run() {
                    t("JDK static method that does not exist", () -> Math.nosuch(3));
                    t("JDK static field that does not exist", () -> { double d = Math.PI2; });
                    t("JDK instance method that does not exist", () -> "abc".nosuch(new String[0][]));
                    t("JDK instance method with another return type", () -> { String s = "abc".length(); });
                    t("JDK constructor that does not exist", () -> new java.math.BigInteger(true));
                    t("JDK instance field that does not exist", () -> { int n = "abc".count; });
                    t("JDK instance method called as static", () -> Integer.intValue());
                    t("JDK static method called as instance", () -> new Integer(4).parseInt("5"));
                    t("guest-library constructor that does not exist", () -> new java.util.ArrayList<String>(true));
                    t("guest-library method that does not exist", () -> new java.util.ArrayList<String>().nosuch());
                    t("JDK class that does not exist", () -> new java.util.NoSuchUtil());
                }
            }
            """;

    /** Stub JDK classes: only what JdkCalls links against (javac sees these instead of the JDK's). */
    private static final Map<String, String> STUBS = Map.of(
            "java/lang/Math.java", """
                    package java.lang;
                    public final class Math { public static int nosuch(int x) { return x; } public static double PI2; }
                    """,
            "java/lang/String.java", """
                    package java.lang;
                    public final class String { public int count; public String length() { return null; }
                        public int nosuch(String[][] a) { return 0; } }
                    """,
            "java/lang/Integer.java", """
                    package java.lang;
                    public final class Integer { public Integer(int v) {} public static int intValue() { return 0; }
                        public int parseInt(String s) { return 0; } }
                    """,
            "java/util/NoSuchUtil.java", "package java.util; public class NoSuchUtil { }\n",
            "java/math/BigInteger.java", """
                    package java.math;
                    public class BigInteger { public BigInteger(boolean b) {} }
                    """,
            "java/util/ArrayList.java", """
                    package java.util;
                    public class ArrayList<E> { public ArrayList() {} public ArrayList(boolean b) {} public void nosuch() {} }
                    """);

    @BeforeAll
    static void compileTwoVersions() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "linkage-errors"));
        classes = root.resolve("classes");
        deleteTree(classes);
        Files.createDirectories(classes);
        javac(root.resolve("v1"), V1, List.of("-d", classes.toString()));
        Path v2 = root.resolve("v2-classes");
        deleteTree(v2);
        javac(root.resolve("v2"), V2, List.of("-d", v2.toString()));
        for (String c : V2_CLASSES) {
            Files.copy(v2.resolve(c), classes.resolve(c), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path stubs = root.resolve("stubs");
        write(stubs, STUBS);
        List<String> stubFiles = STUBS.keySet().stream().map(k -> stubs.resolve(k).toString()).sorted().collect(Collectors.toList());
        Path stubOut = root.resolve("stub-classes");
        deleteTree(stubOut);
        List<String> options = List.of("-d", stubOut.toString(), "-cp", classes.toString(), "--patch-module", "java.base=" + stubs);
        javac(root.resolve("jdk"), Map.of("JdkCalls.java", JDK_CALLS), options, stubFiles);
        Files.copy(stubOut.resolve("JdkCalls.class"), classes.resolve("JdkCalls.class"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void interpretedRunMatchesJava() throws Exception {
        check(JitMode.OFF);
    }

    @Test
    void compiledRunMatchesJava() throws Exception {
        check(JitMode.EAGER);
    }

    private static void check(JitMode jit) throws Exception {
        Corpus.Run expected = runOnJvm();
        // The oracle really sees the linkage errors (the two versions did not collapse into one).
        assertTrue(expected.out().contains("NoSuchMethodError: 'void Lib.gone(java.lang.String, int[][])'"), expected.out());
        assertTrue(expected.out().contains("NoSuchMethodError: 'int java.lang.Math.nosuch(int)'"), expected.out());
        Corpus.Run actual = runInVm(jit);
        assertEquals(expected.out(), actual.out(), "stdout (" + jit + ")\nstderr was:\n" + actual.err());
        assertEquals(expected.status(), actual.status(), "exit status (" + jit + ")");
    }

    private static Corpus.Run runInVm(JitMode jit) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.list(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        files.removeIf(p -> p.getFileName().toString().equals("Gone.class")); // the removed class
        byte[] dex = new D8Converter(Path.of("target", "d8-cache")).convertClassFiles(files, false, "linkage errors").get(0);
        ClassPath cp = new ClassPath();
        cp.addDex("linkage.dex", dex);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Vm vm = Corpus.newVm(cp, Corpus.capture(out), Corpus.capture(err), true);
        vm.setJitMode(jit);
        vm.setInstructionLimit(100_000_000L);
        int status;
        try {
            status = vm.runMain("Main", new String[0]);
        } catch (VmExit e) {
            status = e.status;
        }
        return new Corpus.Run(Corpus.text(out), Corpus.text(err), status);
    }

    private static Corpus.Run runOnJvm() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path dir = classes.getParent();
        Path out = dir.resolve("java-out.txt");
        Path err = dir.resolve("java-err.txt");
        // Gone.class is left out of the class path the same way: a copy without it.
        Path cp = dir.resolve("oracle-classes");
        deleteTree(cp);
        Files.createDirectories(cp);
        try (Stream<Path> walk = Files.list(classes)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!p.getFileName().toString().equals("Gone.class")) {
                    Files.copy(p, cp.resolve(p.getFileName()));
                }
            }
        }
        int status = new ProcessBuilder(java.toString(), "-Dfile.encoding=UTF-8", "-cp", cp.toString(), "Main")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
        return new Corpus.Run(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), status);
    }

    private static void javac(Path srcDir, Map<String, String> sources, List<String> options) throws IOException {
        javac(srcDir, sources, options, List.of());
    }

    private static void javac(Path srcDir, Map<String, String> sources, List<String> options, List<String> extraFiles)
            throws IOException {
        write(srcDir, sources);
        List<String> args = new ArrayList<>(options);
        args.add("-nowarn");
        args.add("-Xlint:none");
        for (String name : sources.keySet()) {
            args.add(srcDir.resolve(name).toString());
        }
        args.addAll(extraFiles);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, args.toArray(new String[0]));
        assertEquals(0, rc, "javac failed:\n" + diagnostics.toString(StandardCharsets.UTF_8));
    }

    private static void write(Path dir, Map<String, String> sources) throws IOException {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
