package org.cometsim.validation;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs in child JVMs the way a user would, and captures what they print.
 *
 * <ul>
 *   <li>{@link #comet}: {@code comet ARGS...}, i.e. {@code java -Xss16m -cp <this test's class path>
 *       org.cometsim.cli.CometCli ARGS...} (the JVM options of the {@code ./comet} launcher). The test class path (surefire puts the real one in
 *       {@code java.class.path}) holds the cli module and all its dependencies from the reactor, so
 *       this works after {@code mvn test} on a clean checkout, without the shaded
 *       {@code cli/target/comet-cli.jar} (which only the package phase builds).</li>
 *   <li>{@link #java}: {@code java -cp CLASSPATH MAIN ARGS...}, the oracle.</li>
 * </ul>
 *
 * <p>Both use the JDK running the tests, close the child's stdin at once, remove environment
 * variables that would add JVM chatter to stderr ({@code JAVA_TOOL_OPTIONS}, ...) or host stack
 * traces ({@code COMET_DEBUG}), and point {@code COMET_CACHE} (the CLI's D8 cache) into
 * {@code target/} so tests never touch {@code ~/.cache}. A child still running at its timeout is
 * killed (with its descendants) and the test fails with what it had printed so far.
 *
 * <p>Output is decoded as ISO-8859-1, so two results' strings are equal exactly when their bytes are.
 */
public final class CliHarness {
    /** The CLI's entry point. */
    public static final String COMET_MAIN = "org.cometsim.cli.CometCli";
    /** JVM options the {@code ./comet} launcher script passes (keep in sync with it). */
    public static final List<String> COMET_JVM_OPTIONS = List.of("-Xss16m");

    private CliHarness() {
    }

    /** What a finished child printed and returned. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr, Duration elapsed) {
        /** stderr split into lines (no trailing empty line). */
        public List<String> stderrLines() {
            return lines(stderr);
        }

        /** stdout split into lines (no trailing empty line). */
        public List<String> stdoutLines() {
            return lines(stdout);
        }

        /** For assertion messages: the command (shortened), exit code, time and both streams. */
        public String describe() {
            return "command: " + shortCommand(command) + "\nexit code: " + exitCode + " after " + elapsed.toMillis()
                    + " ms\n--- stdout ---\n" + tail(stdout) + "\n--- stderr ---\n" + tail(stderr) + "\n---";
        }
    }

    /** The validation module's directory (surefire's working directory and {@code basedir}). */
    public static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /**
     * A fresh, empty directory {@code target/e2e/<name>} for one test class's generated files
     * (programs, dex files, broken inputs). Nothing generated is ever committed.
     */
    public static Path freshWorkDir(String name) {
        Path dir = moduleDir().resolve("target").resolve("e2e").resolve(name);
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted((a, b) -> b.compareTo(a)).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Runs {@code comet ARGS...} in a child JVM. */
    public static Result comet(Duration timeout, String... args) {
        String cp = System.getProperty("java.class.path");
        try {
            Class.forName(COMET_MAIN, false, CliHarness.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            fail("the test class path lacks the cli module (" + COMET_MAIN + "); run the tests with Maven: "
                    + "mvn -pl validation -am test");
        }
        return javaCommand(COMET_JVM_OPTIONS, cp, COMET_MAIN, Arrays.asList(args), timeout);
    }

    /** {@link #comet(Duration, String...)} with extra environment variables for the child. */
    public static Result cometWithEnv(Duration timeout, Map<String, String> extraEnv, String... args) {
        return run(javaCommandLine(COMET_JVM_OPTIONS, System.getProperty("java.class.path"), COMET_MAIN,
                Arrays.asList(args)), timeout, extraEnv);
    }

    /** Runs {@code java -cp classPath mainClass ARGS...} in a child JVM (the oracle). */
    public static Result java(Duration timeout, String classPath, String mainClass, String... args) {
        return javaCommand(List.of(), classPath, mainClass, Arrays.asList(args), timeout);
    }

    private static Result javaCommand(List<String> jvmOptions, String classPath, String mainClass, List<String> args,
                                      Duration timeout) {
        return run(javaCommandLine(jvmOptions, classPath, mainClass, args), timeout);
    }

    private static List<String> javaCommandLine(List<String> jvmOptions, String classPath, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    /** Runs a command with a timeout; stdout and stderr go to files so a chatty child never blocks. */
    public static Result run(List<String> command, Duration timeout) {
        return run(command, timeout, Map.of());
    }

    private static Result run(List<String> command, Duration timeout, Map<String, String> extraEnv) {
        Path outDir = moduleDir().resolve("target").resolve("e2e").resolve("proc");
        Path out;
        Path err;
        try {
            Files.createDirectories(outDir);
            out = Files.createTempFile(outDir, "out-", ".txt");
            err = Files.createTempFile(outDir, "err-", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = pb.environment();
        for (String v : List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "COMET_DEBUG")) {
            env.remove(v);
        }
        env.put("COMET_CACHE", moduleDir().resolve("target").resolve("comet-cache").toString());
        env.putAll(extraEnv);
        long start = System.nanoTime();
        try {
            Process p = pb.start();
            p.getOutputStream().close(); // no stdin: EOF at once
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                Result partial = new Result(List.copyOf(command), -1, read(out), read(err), elapsed);
                fail("timed out after " + timeout.toSeconds() + " s (killed)\n" + partial.describe());
            }
            Result r = new Result(List.copyOf(command), p.exitValue(), read(out), read(err), elapsed);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + shortCommand(command), e);
        }
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    }

    static List<String> lines(String s) {
        if (s.isEmpty()) {
            return List.of();
        }
        return List.of(s.split("\r?\n"));
    }

    /** The command with a long -cp value elided (the test class path is hundreds of entries). */
    static String shortCommand(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < command.size(); i++) {
            String a = command.get(i);
            if (i > 0 && command.get(i - 1).equals("-cp") && a.length() > 200) {
                a = "<test class path>";
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.isEmpty() || a.contains(" ") ? "'" + a + "'" : a);
        }
        return sb.toString();
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "...(" + (s.length() - 4000) + " chars cut)...\n" + s.substring(s.length() - 4000);
    }
}
