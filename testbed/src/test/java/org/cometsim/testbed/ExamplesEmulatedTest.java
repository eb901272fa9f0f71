package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.device.DeviceModels;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.spec.Scenario;
import org.cometsim.scenarios.spec.ScenarioParser;
import org.cometsim.scenarios.spec.ScenarioRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The testbed runs the examples (issue #16): every scenario of {@code scenarios/examples/} that
 * the simulator runs, through {@code comet emulate} (loopback, unpaced, through the link shaper
 * with the example's link, failures and outages), prints what the simulator's offloaded run prints
 * and exits as it does. The sweep files are refused with a message naming {@code comet sweep}.
 * Outcomes only, never durations. The examples are copied to a temporary directory (05's jar is
 * built there from Hello.java). Fast by default: 01 and 06 (mandelbrot small); 04 (mandelbrot
 * medium with a failure and an outage) and 05 (a user's jar) under -Pfull.
 */
class ExamplesEmulatedTest {
    private static final byte[] TOKEN = Handshake.newToken().getBytes(StandardCharsets.UTF_8);
    private static TestbedServer server;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @TempDir
    static Path dir;
    static Path examples;
    static Path tokenFile;

    @BeforeAll
    static void start() throws Exception {
        server = new TestbedServer(new InetSocketAddress("127.0.0.1", 0), TOKEN, DeviceModels.cpu(Loopback.SERVER),
                WallClockDriver.Pacing.UNPACED, TestbedServer.Limits.defaults(), null,
                new PrintStream(LOG, true, StandardCharsets.UTF_8));
        server.start();
        tokenFile = dir.resolve("token");
        Files.write(tokenFile, TOKEN);
        examples = dir.resolve("examples");
        Path src = Path.of("..", "scenarios", "examples");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = examples.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Out(int status, String out, String err) {
    }

    private static Out emulate(Path scenario) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = EmulateCommand.run(List.of(scenario.toString(), "--server", "127.0.0.1:" + server.port(),
                "--token-file", tokenFile.toString(), "--unpaced"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Out(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The example in the simulator, then on the testbed: the same output and exit status. */
    private static void sameAsSimulator(String example) throws Exception {
        Path file = examples.resolve(example);
        Scenario s = ScenarioParser.read(file);
        OffloadRun.Result sim;
        try (ScenarioRunner runner = new ScenarioRunner(D8Converter.withDefaultCache())) {
            sim = OffloadRun.run(runner.config(s, s.seed()));
        }
        Out r = emulate(file);
        assertEquals(sim.offload().status(), r.status(), example + ": " + r.err());
        assertEquals(sim.offload().stdout(), r.out(), example + ": stdout");
        assertTrue(r.err().contains("output           same as the local run"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"01-first-run.yaml", "06-trace-driven-link.yaml"})
    void fastExamples(String example) throws Exception {
        sameAsSimulator(example);
    }

    @Test
    @Tag("slow")
    void example04FailureRecovery() throws Exception {
        sameAsSimulator("04-failure-recovery.yaml");
    }

    @Test
    @Tag("slow")
    void example05BringYourOwnJar() throws Exception {
        Path classes = dir.resolve("hello-classes");
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "--release", "17", examples.resolve("Hello.java").toString()));
        try (OutputStream os = Files.newOutputStream(examples.resolve("hello.jar")); JarOutputStream j = new JarOutputStream(os)) {
            j.putNextEntry(new JarEntry("Hello.class"));
            j.write(Files.readAllBytes(classes.resolve("Hello.class")));
            j.closeEntry();
        }
        sameAsSimulator("05-bring-your-own-jar.yaml");
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-wifi-vs-3g.yaml", "03-policy-comparison.yaml", "07-sweep-replications.yaml",
        "08-sweep-rtt.yaml"})
    void sweepsAreRefusedNamingCometSweep(String example) {
        Out r = emulate(examples.resolve(example));
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("is a sweep") && r.err().contains("comet sweep"), r.err());
    }
}
