package org.cometsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.cometsim.workloads.Kind;
import org.cometsim.workloads.WorkloadCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a user sees when something is wrong: bad class-path files, a missing main class or method,
 * command-line mistakes, an API the VM does not model, a guest deadlock. Every case runs the real
 * CLI in a child JVM and checks the exit status (1 for errors, 2 for usage errors), that stderr is
 * one line {@code comet: <what is wrong>} naming the file or class, that no host stack trace
 * ({@code \tat }) leaks. (How long a run takes is not checked: that depends on the host's load; a run
 * that hangs is killed at {@link #KILL_AFTER}, a hang guard, and fails.)
 *
 * <p>Usage errors (exit 2) print the {@code comet: ...} line plus the fixed hint
 * {@value #USAGE_HINT}; that second line is accepted and nothing else.
 */
class BadInputTest {
    /** A hang guard: a run still going after this is killed and the test fails. */
    static final Duration KILL_AFTER = Duration.ofSeconds(300);
    static final String USAGE_HINT = "run 'comet help' for usage";

    private static Path work;
    /** A valid dex: the workloads' comet-apps.dex. */
    private static Path goodDex;
    private static byte[] goodDexBytes;
    /** A valid jar of class files: the workloads' comet-apps.jar. */
    private static byte[] goodJarBytes;
    /** A jar of test programs compiled now (see {@link #PROGRAMS}). */
    private static Path programsJar;

    private static final String APPS = "org.cometsim.workloads.apps.";

    static final Map<String, String> PROGRAMS = Programs.sources(
            "UsesAbstractList", """
                    import java.util.AbstractList;

                    public class UsesAbstractList {
                        static final class Three extends AbstractList<String> {
                            @Override public String get(int i) { return "item" + i; }
                            @Override public int size() { return 3; }
                        }

                        public static void main(String[] args) {
                            System.out.println(new Three().get(1) + " of " + new Three().size());
                        }
                    }
                    """,
            "UsesExecutor", """
                    import java.util.concurrent.ExecutorService;
                    import java.util.concurrent.Executors;

                    public class UsesExecutor {
                        public static void main(String[] args) throws Exception {
                            ExecutorService ex = Executors.newFixedThreadPool(2);
                            System.out.println(ex.submit(() -> 42).get());
                            ex.shutdown();
                        }
                    }
                    """,
            "UsesCompletableFuture", """
                    import java.util.concurrent.CompletableFuture;

                    public class UsesCompletableFuture {
                        public static void main(String[] args) throws Exception {
                            System.out.println(CompletableFuture.supplyAsync(() -> 42).get());
                            CompletableFuture<Integer> f = CompletableFuture.supplyAsync(() -> 6)
                                    .thenCombineAsync(CompletableFuture.supplyAsync(() -> 7), (a, b) -> a * b)
                                    .thenApply(x -> { if (x == 42) throw new IllegalStateException("answer"); return x; });
                            System.out.println(f.handle((v, t) -> t.getClass().getSimpleName() + ": " + t.getCause()).join());
                        }
                    }
                    """,
            "UsesWorkStealingPool", """
                    import java.util.concurrent.ExecutorService;
                    import java.util.concurrent.Executors;

                    public class UsesWorkStealingPool {
                        public static void main(String[] args) throws Exception {
                            ExecutorService ex = Executors.newWorkStealingPool();
                            System.out.println(ex.submit(() -> 42).get());
                        }
                    }
                    """,
            "UsesForkJoinCommonPool", """
                    import java.util.concurrent.ForkJoinPool;

                    public class UsesForkJoinCommonPool {
                        public static void main(String[] args) throws Exception {
                            System.out.println(ForkJoinPool.commonPool().submit(() -> 42).get());
                        }
                    }
                    """,
            "AllocatesForever", """
                    import java.util.ArrayList;
                    import java.util.List;

                    public class AllocatesForever {
                        static List<long[]> hoard = new ArrayList<>();

                        public static void main(String[] args) {
                            try {
                                while (true) {
                                    hoard.add(new long[1 << 16]);
                                }
                            } catch (OutOfMemoryError e) {
                                int n = hoard.size();
                                hoard = new ArrayList<>();
                                System.out.println("caught " + e.getMessage() + " after " + (n > 50 ? "many" : "few") + " arrays");
                            }
                            List<int[]> again = new ArrayList<>();
                            while (true) {
                                again.add(new int[1 << 16]);
                            }
                        }
                    }
                    """,
            "UsesMethodHandles", """
                    import java.lang.invoke.MethodHandle;
                    import java.lang.invoke.MethodHandles;
                    import java.lang.invoke.MethodType;

                    public class UsesMethodHandles {
                        static int twice(int x) { return 2 * x; }

                        public static void main(String[] args) throws Throwable {
                            MethodHandle h = MethodHandles.lookup().findStatic(UsesMethodHandles.class, "twice",
                                    MethodType.methodType(int.class, int.class));
                            System.out.println(h.invokeWithArguments(21));
                        }
                    }
                    """,
            "Deadlock", """
                    public class Deadlock {
                        static final Object FIRST = new Object();
                        static final Object SECOND = new Object();

                        static final class Locker implements Runnable {
                            private final Object a;
                            private final Object b;
                            Locker(Object a, Object b) { this.a = a; this.b = b; }
                            @Override public void run() {
                                synchronized (a) {
                                    try { Thread.sleep(200); } catch (InterruptedException e) { return; }
                                    synchronized (b) { System.out.println("unreachable"); }
                                }
                            }
                        }

                        public static void main(String[] args) throws InterruptedException {
                            Thread t1 = new Thread(new Locker(FIRST, SECOND), "alpha");
                            Thread t2 = new Thread(new Locker(SECOND, FIRST), "beta");
                            t1.start();
                            t2.start();
                            t1.join();
                            t2.join();
                            System.out.println("unreachable too");
                        }
                    }
                    """,
            "NoMain", """
                    public class NoMain {
                        public static void notMain(String[] args) { System.out.println("no"); }
                    }
                    """);

    @BeforeAll
    static void setUp() throws IOException {
        work = CliHarness.freshWorkDir("bad-input");
        Path[] dex = WorkloadCatalog.extract(WorkloadCatalog.get("nqueens"), work.resolve("good"), Kind.DEX);
        goodDex = dex[0];
        goodDexBytes = Files.readAllBytes(goodDex);
        try (InputStream in = WorkloadCatalog.open(WorkloadCatalog.RESOURCE_ROOT + "jars/comet-apps.jar")) {
            goodJarBytes = in.readAllBytes();
        }
        programsJar = Programs.compileToJar(work, "programs.jar", PROGRAMS);
    }

    // ------------------------------------------------------------------ class-path files

    @Nested
    class ClassPathFiles {
        @Test
        void truncatedDex() throws IOException {
            Path f = write("truncated.dex", Arrays.copyOf(goodDexBytes, goodDexBytes.length / 2));
            assertOneLineError(comet("exec", "-cp", f.toString(), APPS + "nqueens.NQueens", "small"),
                    f.toString(), "truncated");
        }

        @Test
        void dexShorterThanItsHeader() throws IOException {
            Path f = write("stub.dex", Arrays.copyOf(goodDexBytes, 40));
            assertOneLineError(comet("exec", "-cp", f.toString(), APPS + "nqueens.NQueens", "small"),
                    f.toString(), "not a dex file");
        }

        @Test
        void corruptDexFailsItsChecksum() throws IOException {
            byte[] b = goodDexBytes.clone();
            for (int i = b.length / 2; i < b.length / 2 + 16; i++) {
                b[i] ^= (byte) 0x5a;
            }
            Path f = write("corrupt.dex", b);
            assertOneLineError(comet("exec", "-cp", f.toString(), APPS + "nqueens.NQueens", "small"),
                    f.toString(), "checksum");
        }

        @Test
        void unsupportedDexVersion() throws IOException {
            byte[] b = goodDexBytes.clone();
            b[4] = '0';
            b[5] = '9';
            b[6] = '9';
            Path f = write("future.dex", b);
            assertOneLineError(comet("exec", "-cp", f.toString(), APPS + "nqueens.NQueens", "small"),
                    f.toString(), "version");
        }

        @Test
        void randomBytesNamedDex() throws IOException {
            Path f = write("x.dex", randomBytes(4096, 1));
            assertOneLineError(comet("exec", "-cp", f.toString(), "Main"), f.toString(), "not a dex file");
        }

        @Test
        void randomBytesNamedBin() throws IOException {
            Path f = write("x.bin", randomBytes(4096, 2));
            assertOneLineError(comet("exec", "-cp", f.toString(), "Main"), f.toString(), "not a .dex, .jar or .apk");
        }

        @Test
        void truncatedJar() throws IOException {
            Path f = write("truncated.jar", Arrays.copyOf(goodJarBytes, goodJarBytes.length / 2));
            assertOneLineError(comet("exec", "-cp", f.toString(), APPS + "nqueens.NQueens", "small"),
                    f.toString(), "truncated or corrupt");
        }

        @Test
        void truncatedApk() throws IOException {
            byte[] apk = Files.readAllBytes(Programs.zip(work.resolve("whole.apk"), Map.of(
                    "AndroidManifest.xml", Programs.utf8("<manifest/>"), "classes.dex", goodDexBytes)));
            Path f = write("truncated.apk", Arrays.copyOf(apk, apk.length / 2));
            assertOneLineError(comet("exec", "-cp", f.toString(), APPS + "nqueens.NQueens", "small"),
                    f.toString(), "truncated or corrupt");
        }

        @Test
        void jarWithoutClassesIsNoError() {
            // As for java: an archive without classes adds nothing; the main class is then not found.
            Path f = Programs.zip(work.resolve("empty.jar"),
                    Map.of("META-INF/MANIFEST.MF", Programs.utf8("Manifest-Version: 1.0\n")));
            assertOneLineError(comet("exec", "-cp", f.toString(), "Main"), "could not find or load main class Main");
        }

        @Test
        void resourceOnlyJarBeforeAGoodEntryRuns() {
            // Like Guava's listenablefuture-9999.0-empty-to-avoid-conflict-with-guava.jar on a class path.
            Path f = Programs.zip(work.resolve("resources-only.jar"),
                    Map.of("META-INF/MANIFEST.MF", Programs.utf8("Manifest-Version: 1.0\n"), "data/readme.txt",
                            Programs.utf8("resources only\n")));
            assertRuns(comet("exec", "-cp", f + ":" + goodDex, APPS + "nqueens.NQueens", "small"));
        }

        @Test
        void jarWithGarbageClassFile() {
            Path f = Programs.zip(work.resolve("garbage-class.jar"), Map.of("Main.class", randomBytes(600, 3)));
            assertOneLineError(comet("exec", "-cp", f.toString(), "Main"), f.toString());
        }

        @Test
        void missingFileIsIgnored() {
            // java ignores a missing entry: the class is then not found, naming it.
            Path f = work.resolve("does-not-exist.dex");
            assertOneLineError(comet("exec", "-cp", f.toString(), "Main"), "could not find or load main class Main");
        }

        @Test
        void missingFileAfterAGoodEntryIsIgnored() {
            Path f = work.resolve("also-missing.jar");
            assertRuns(comet("exec", "-cp", goodDex + ":" + f, APPS + "nqueens.NQueens", "small"));
        }

        @Test
        void directoryOfClassFilesRunsLikeJava() {
            Path classes = Programs.compile(work.resolve("dir-cp"), Map.of("DirHello", """
                    public class DirHello {
                        public static void main(String[] args) {
                            System.out.println("hello from a directory " + new Helper().twice(21));
                        }
                    }
                    class Helper {
                        int twice(int x) { return 2 * x; }
                    }
                    """));
            CliHarness.Result expected = CliHarness.java(Duration.ofSeconds(60), classes.toString(), "DirHello");
            CliHarness.Result actual = comet("exec", "-cp", classes.toString(), "DirHello");
            assertEquals(0, expected.exitCode(), expected.describe());
            assertEquals(expected.stdout(), actual.stdout(), actual.describe());
            assertEquals(0, actual.exitCode(), actual.describe());
        }

        @Test
        void directoryWithoutClassFilesAddsNothing() {
            Path dir = work.resolve("good"); // holds dex files only: java finds no classes there
            assertOneLineError(comet("exec", "-cp", dir.toString(), "Main"), "could not find or load main class Main");
        }

        @Test
        void emptyClassPath() {
            assertOneLineError(comet("exec", "-cp", "", "Main"), "class path", "empty");
        }
    }

    // ------------------------------------------------------------------ hostile input (issue #18)

    @Nested
    class HostileInput {
        @Test
        void fifoIsRefusedWithoutOpeningIt() throws Exception {
            Path fifo = work.resolve("pipe.dex");
            Files.deleteIfExists(fifo);
            Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
            org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "mkfifo is not available");
            assertOneLineError(comet("exec", "-cp", fifo.toString(), "Main"), fifo.toString(), "not a regular file");
        }

        @Test
        void symlinkToDevZeroIsRefused() throws Exception {
            Path zero = work.resolve("zero.apk");
            Files.deleteIfExists(zero);
            Files.createSymbolicLink(zero, Path.of("/dev/zero"));
            assertOneLineError(comet("exec", "-cp", zero.toString(), "Main"), zero.toString(), "not a regular file");
        }

        @Test
        void zipBombStopsAtTheEntryLimit() throws Exception {
            // 300 MiB of zeros deflate to ~300 KB: over the default 256 MiB limit of one entry.
            Path bomb = work.resolve("bomb.apk");
            try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(bomb))) {
                z.putNextEntry(new java.util.zip.ZipEntry("classes.dex"));
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 300; i++) {
                    z.write(zeros);
                }
                z.closeEntry();
            }
            assertOneLineError(comet("exec", "-cp", bomb.toString(), "Main"), bomb.toString(), "over the limit");
        }

        @Test
        void totalClassPathLimitIsConfigurable() {
            // ~50 KB each: 25 copies hold more than 1 MiB of dex
            String cp = String.join(":", java.util.Collections.nCopies(25, goodDex.toString()));
            CliHarness.Result r = CliHarness.cometWithEnv(KILL_AFTER, Map.of("COMET_MAX_CLASSPATH_MB", "1"),
                    "exec", "-cp", cp, APPS + "nqueens.NQueens", "small");
            assertOneLineError(r, "over the limit", "COMET_MAX_CLASSPATH_MB");
        }

        @Test
        void multidexOrdinalsAreTakenAsAndroidDoes() throws Exception {
            // classes99999999999.dex is not classes2.dex: ignored, as on a device (no host trace).
            Path apk = Programs.zip(work.resolve("odd-multidex.apk"), Map.of(
                    "classes.dex", goodDexBytes, "classes99999999999.dex", randomBytes(100, 4)));
            CliHarness.Result r = comet("exec", "-cp", apk.toString(), APPS + "nqueens.NQueens", "small");
            assertEquals(0, r.exitCode(), r.describe());
            assertNoHostTrace(r);
        }

        @Test
        void secondDexMissingItsPredecessorIsNotBlamedOnAFileThatDoesNotExist() throws Exception {
            Path apk = Programs.zip(work.resolve("no-first.apk"), Map.of("classes2.dex", goodDexBytes));
            CliHarness.Result r = comet("exec", "-cp", apk.toString(), APPS + "nqueens.NQueens", "small");
            assertOneLineError(r, apk.toString(), "no classes.dex");
        }

        @Test
        void nonAsciiFileNameUnderTheCLocale() throws Exception {
            Path f;
            try {
                f = Files.copy(goodDex, work.resolve("caf\u00e9-\u0444.dex"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.InvalidPathException e) {
                org.junit.jupiter.api.Assumptions.abort("this test JVM cannot name the file itself: " + e.getMessage());
                return;
            }
            CliHarness.Result r = CliHarness.cometWithEnv(KILL_AFTER, Map.of("LANG", "C", "LC_ALL", "C"),
                    "exec", "-cp", f.toString(), APPS + "nqueens.NQueens", "small");
            if (r.exitCode() != 0) { // a clean error naming the encoding, or the run itself
                assertOneLineError(r, "encoding");
            }
            assertNoHostTrace(r);
        }

        @Test
        void dexVersionWithAControlCharacterStaysOnOneLine() throws IOException {
            byte[] b = goodDexBytes.clone();
            b[5] = '\n';
            b[6] = 0x1b;
            Path f = write("newline-version.dex", b);
            CliHarness.Result r = comet("exec", "-cp", f.toString(), "Main");
            assertOneLineError(r, f.toString(), "version");
            assertFalse(r.stderr().contains("\u001b"), "raw escape byte echoed\n" + r.describe());
        }

        @Test
        void mainClassNamedBracket() {
            assertOneLineError(comet("exec", "-cp", goodDex.toString(), "["), "main class [");
        }

        @Test
        void guestOutOfMemoryIsTheGuestsOwnError() {
            CliHarness.Result r = CliHarness.cometWithEnv(KILL_AFTER, Map.of("COMET_GUEST_HEAP_MB", "48"),
                    "exec", "-cp", programsJar.toString(), "AllocatesForever");
            assertEquals("caught Java heap space after many arrays\n", r.stdout(), r.describe());
            assertEquals(1, r.exitCode(), r.describe());
            assertTrue(r.stderrLines().get(0).equals("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space"),
                    r.describe());
            assertFalse(r.stderr().contains("comet: "), r.describe());
        }
    }

    // ------------------------------------------------------------------ main class

    @Nested
    class MainClass {
        @Test
        void missingMainClass() {
            assertOneLineError(comet("exec", "-cp", goodDex.toString(), "NoSuchClass"), "NoSuchClass");
        }

        @Test
        void missingMainClassInAJar() {
            assertOneLineError(comet("exec", "-cp", programsJar.toString(), "com.example.Missing"),
                    "com.example.Missing");
        }

        @Test
        void mainClassWithoutMainMethod() {
            assertOneLineError(comet("exec", "-cp", goodDex.toString(), APPS + "Checksum"),
                    APPS + "Checksum", "main method");
        }

        @Test
        void compiledClassWithoutMainMethod() {
            assertOneLineError(comet("exec", "-cp", programsJar.toString(), "NoMain"), "NoMain", "main method");
        }
    }

    // ------------------------------------------------------------------ usage errors (exit 2)

    @Nested
    class Usage {
        @Test
        void noCommand() {
            assertUsageError(comet(), "no command");
        }

        @Test
        void unknownCommand() {
            assertUsageError(comet("frobnicate"), "frobnicate");
        }

        @Test
        void execWithoutClassPath() {
            assertUsageError(comet("exec", "Main"), "-cp");
        }

        @Test
        void execWithoutMainClass() {
            assertUsageError(comet("exec", "-cp", goodDex.toString()), "main class");
        }

        @Test
        void classPathOptionWithoutValue() {
            assertUsageError(comet("exec", "-cp"), "-cp");
        }

        @Test
        void unknownOption() {
            assertUsageError(comet("exec", "--frobnicate", "-cp", goodDex.toString(), "Main"), "--frobnicate");
        }

        @Test
        void helpIsNotAnError() {
            CliHarness.Result r = comet("help");
            assertEquals(0, r.exitCode(), r.describe());
            assertTrue(r.stdout().startsWith("usage: comet"), r.describe());
            assertEquals("", r.stderr(), r.describe());
        }
    }

    // ------------------------------------------------------------------ the guest runs into trouble

    @Nested
    class AtRunTime {
        @Test
        void libraryClassSubclassRunsThroughAHostPeer() {
            assertJavaRunsIt("UsesAbstractList", "item1 of 3\n");
            CliHarness.Result r = comet("exec", "-cp", programsJar.toString(), "UsesAbstractList");
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals("item1 of 3\n", r.stdout(), r.describe());
        }

        @Test
        void fixedThreadPoolsRunOnGuestThreads() {
            assertJavaRunsIt("UsesExecutor", "42\n");
            CliHarness.Result r = comet("exec", "-cp", programsJar.toString(), "UsesExecutor");
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals("42\n", r.stdout(), r.describe());
        }

        @Test
        void completableFuturesRunOnGuestThreads() {
            String expected = "42\nCompletionException: java.lang.IllegalStateException: answer\n";
            assertJavaRunsIt("UsesCompletableFuture", expected);
            CliHarness.Result r = comet("exec", "-cp", programsJar.toString(), "UsesCompletableFuture");
            assertEquals(0, r.exitCode(), r.describe());
            assertEquals(expected, r.stdout(), r.describe());
        }

        /** Once refused as host executors; guest code since ForkJoinPool became part of the guest library (issue #12). */
        @Test
        void workStealingAndForkJoinPoolsRunOnGuestThreads() {
            for (String program : new String[] {"UsesWorkStealingPool", "UsesForkJoinCommonPool"}) {
                assertJavaRunsIt(program, "42\n");
                CliHarness.Result r = comet("exec", "-cp", programsJar.toString(), program);
                assertEquals(0, r.exitCode(), r.describe());
                assertEquals("42\n", r.stdout(), r.describe());
            }
        }

        @Test
        void methodHandlesAreUnsupportedApi() {
            assertJavaRunsIt("UsesMethodHandles", "42\n");
            CliHarness.Result r = comet("exec", "-cp", programsJar.toString(), "UsesMethodHandles");
            assertOneLineError(r, "unsupported API: ", "java.lang.invoke");
        }

        @Test
        void deadlockIsReportedNotHung() {
            CliHarness.Result r = comet("exec", "-cp", programsJar.toString(), "Deadlock");
            assertOneLineError(r, "comet: deadlock: ", "\"alpha\"", "\"beta\"");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static CliHarness.Result comet(String... args) {
        return CliHarness.comet(KILL_AFTER, args);
    }

    private static void assertJavaRunsIt(String main, String expectedStdout) {
        CliHarness.Result j = CliHarness.java(KILL_AFTER, programsJar.toString(), main);
        assertEquals(0, j.exitCode(), "the test program fails on the JVM too\n" + j.describe());
        assertEquals(expectedStdout, j.stdout(), j.describe());
    }

    /**
     * Exit 1; stderr exactly one line starting {@code comet: } and containing every fragment
     * (case-insensitive); no stack trace; nothing on stdout.
     */
    static void assertRuns(CliHarness.Result r) {
        assertEquals(0, r.exitCode(), "exit status\n" + r.describe());
        assertTrue(!r.stdout().isEmpty(), "output expected\n" + r.describe());
        assertNoHostTrace(r);
    }

    static void assertOneLineError(CliHarness.Result r, String... fragments) {
        assertEquals(1, r.exitCode(), "exit status\n" + r.describe());
        List<String> lines = r.stderrLines();
        assertEquals(1, lines.size(), "stderr must be exactly one line\n" + r.describe());
        String line = lines.get(0);
        assertTrue(line.startsWith("comet: "), "stderr must start with 'comet: '\n" + r.describe());
        assertNoHostTrace(r);
        for (String f : fragments) {
            assertTrue(line.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT)),
                    "stderr should mention '" + f + "'\n" + r.describe());
        }
        assertEquals("", r.stdout(), "nothing expected on stdout\n" + r.describe());
    }

    /** Exit 2; {@code comet: ...} naming the mistake, then at most the usage hint. */
    static void assertUsageError(CliHarness.Result r, String fragment) {
        assertEquals(2, r.exitCode(), "usage errors exit with 2\n" + r.describe());
        List<String> lines = r.stderrLines();
        assertFalse(lines.isEmpty(), "no error message\n" + r.describe());
        assertTrue(lines.get(0).startsWith("comet: "), "stderr must start with 'comet: '\n" + r.describe());
        assertTrue(lines.get(0).contains(fragment), "stderr should mention '" + fragment + "'\n" + r.describe());
        assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(1).equals(USAGE_HINT),
                "expected one 'comet: ...' line (plus at most the usage hint)\n" + r.describe());
        assertNoHostTrace(r);
        assertEquals("", r.stdout(), "nothing expected on stdout\n" + r.describe());
    }

    private static void assertNoHostTrace(CliHarness.Result r) {
        assertFalse(r.stderr().contains("\tat "), "host stack trace on stderr\n" + r.describe());
        assertFalse(r.stderr().contains("Exception in thread"), "uncaught host exception\n" + r.describe());
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(work.resolve(name), bytes);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        // never a valid magic by accident
        b[0] = 'Z';
        b[1] = 'Z';
        return b;
    }
}
