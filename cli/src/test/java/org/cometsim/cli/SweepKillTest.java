package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL (a child JVM, destroyed forcibly after its first finished point)
 * keeps every point it had reported finished: the rerun skips them and runs only the rest.
 */
class SweepKillTest {
    @TempDir
    Path dir;

    @Test
    void killedSweepLosesNothingFinished() throws Exception {
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "--release", "17", Path.of("..", "scenarios", "examples", "Hello.java").toString()));
        try (OutputStream os = Files.newOutputStream(dir.resolve("hello.jar")); JarOutputStream j = new JarOutputStream(os)) {
            j.putNextEntry(new JarEntry("Hello.class"));
            j.write(Files.readAllBytes(classes.resolve("Hello.class")));
            j.closeEntry();
        }
        Path sweep = dir.resolve("kill.yaml");
        Files.writeString(sweep, """
                name: kill
                base: {app: {jar: hello.jar, main: Hello, args: ["20000"]}}
                axes:
                  link.rtt: [2ms, 20ms, 40ms, 60ms, 80ms, 100ms]
                """);
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss16m", "-cp", System.getProperty("java.class.path"), CometCli.class.getName(), "sweep",
                sweep.toString(), "--out", out.toString(), "--jobs", "1"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        int finished = 0;
        StringBuilder seen = new StringBuilder();
        Pattern ok = Pattern.compile("comet: \\[(\\d+)/6\\] point \\d+ .*: ok ");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher m = ok.matcher(line);
                if (m.find()) {
                    finished = Integer.parseInt(m.group(1));
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
                    break;
                }
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(finished >= 1, "the child reported a finished point before it was killed: " + seen);

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(List.of("sweep", sweep.toString(), "--out", out.toString(), "--jobs", "1"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, e);
        Matcher m = Pattern.compile("(\\d+) already finished \\(skipped\\)").matcher(e);
        assertTrue(m.find(), e);
        assertTrue(Integer.parseInt(m.group(1)) >= finished, e);
        assertEquals(7, Files.readAllLines(out.resolve("results.csv")).size());
    }
}
