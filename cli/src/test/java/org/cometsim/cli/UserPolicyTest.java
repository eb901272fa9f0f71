package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.cometsim.offload.policy.OffloadPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user policy: the worked example under {@code scenarios/examples/user-policy/}, compiled
 * here with javac against the simulator's policy API and put in a jar, loaded with
 * {@code --policy class:NAME --policy-cp JAR} and run; a missing class and a class that is not
 * a policy each stop the run with one line and exit status 2.
 */
class UserPolicyTest {
    @TempDir
    static Path dir;
    private static Path jar;

    @BeforeAll
    static void buildTheExampleJar() throws Exception {
        Path src = Path.of("..", "scenarios", "examples", "user-policy", "src", "com", "example", "CheapSyncPolicy.java");
        assertTrue(Files.exists(src), "the example is where its README says: " + src.toAbsolutePath());
        // A class in the same jar that is not a policy (the wrong-type case).
        Path notAPolicy = dir.resolve("src/com/example/NotAPolicy.java");
        Files.createDirectories(notAPolicy.getParent());
        Files.writeString(notAPolicy, "package com.example;\npublic final class NotAPolicy {\n}\n");
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        // The API's classes: where OffloadPolicy was loaded from (offload's jar or classes directory).
        String api = Path.of(OffloadPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "--release", "17", "-cp", api,
                "-d", classes.toString(), src.toString(), notAPolicy.toString());
        assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));
        jar = dir.resolve("cheap-sync.jar");
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f);
             Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                j.write(Files.readAllBytes(p));
                j.closeEntry();
            }
        }
    }

    private static Object[] comet(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void theExamplePolicyLoadsFromItsJarAndRuns() {
        Object[] r = comet("run", "--workload", "mandelbrot", "--policy", "class:com.example.CheapSyncPolicy:30ms",
                "--policy-cp", jar.toString(), "--json", dir.resolve("one.json").toString());
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[1]).contains("checksum="), (String) r[1]);
        String err = (String) r[2];
        assertTrue(err.contains("policy cheap-sync"), err);
        assertTrue(err.contains("output           same as the local run"), err);
        // Mandelbrot computes for 450 ms on the phone writing only its small row buffer: it is offloaded.
        assertTrue(err.contains("migrations       1 to the server"), err);
    }

    @Test
    void aMissingClassIsOneLineAndExitStatus2() {
        Object[] r = comet("run", "--workload", "mandelbrot", "--policy", "class:com.example.Missing",
                "--policy-cp", jar.toString());
        assertEquals(2, r[0]);
        assertEquals("comet: --policy: policy class com.example.Missing not found on the policy class path (--policy-cp)\n",
                r[2]);
    }

    @Test
    void aClassThatIsNotAPolicyIsOneLineAndExitStatus2() {
        Object[] r = comet("run", "--workload", "mandelbrot", "--policy", "class:com.example.NotAPolicy",
                "--policy-cp", jar.toString());
        assertEquals(2, r[0]);
        assertEquals("comet: --policy: policy class com.example.NotAPolicy does not implement "
                + "org.cometsim.offload.policy.OffloadPolicy\n", r[2]);
    }
}
