package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.offload.policy.Policies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cross-endpoint memory-model litmus programs (issue #13; comet-reference §7): small guest
 * programs whose threads communicate through a volatile, a lock, wait/notify, interrupts,
 * start/join, class initialisation and an atomic counter, each run on the host JVM (the oracle),
 * locally on the simulated phone, and offloaded under {@code always}, {@code pingpong:1} and
 * {@code pingpong:7} over {@code comet-wifi} and {@code comet-3g}: every output must equal
 * {@code java}'s. Equal output alone could come from a run in which everything happened on one
 * endpoint, so each program also names the evidence, in the run's metrics and event trace, that
 * its critical moment had threads on both endpoints (an ownership transfer each way, a notify
 * reaching a waiter on the other side, an interrupt delivered remotely, a thread ending on the
 * server while main joins on the phone, a forced return for a class initialisation).
 */
class LitmusTest {
    private static final String PHONE = "phone-2012-hummingbird-portable";
    private static final String SERVER = "server-2012-portable";
    private static final List<String> POLICIES = List.of("always", "pingpong:1", "pingpong:7");
    private static final List<String> LINKS = List.of("comet-wifi", "comet-3g");
    /** How long the programs wait (simulated) before they begin: the server has the app's code by then. */
    private static final String SETTLE_MS = "3000";

    @TempDir
    static Path dir;
    private static Path classes;
    private static ClassPath classPath;

    /** What a run left behind, for the evidence checks. */
    record Run(OffloadRun.Result result) {
        OffloadMetrics phone() {
            return result.phone();
        }

        OffloadMetrics server() {
            return result.server();
        }

        long events(String endpoint, String event) {
            return result.trace().stream()
                    .filter(l -> l.contains("\"endpoint\":\"" + endpoint + "\"") && l.contains("\"event\":\"" + event + "\""))
                    .count();
        }

        /** Pushes from the server that carried field updates (writes made there). */
        long serverPushesWithUpdates() {
            return result.trace().stream()
                    .filter(l -> l.contains("\"endpoint\":\"server\"") && l.contains("\"event\":\"sync\"")
                            && !l.contains("\"updates\":0,"))
                    .count();
        }

        String summary() {
            return "phone: volatile requests " + phone().volatileRequests() + ", transfers " + phone().volatileTransfers()
                    + ", lock requests " + phone().lockRequests() + ", interrupts sent " + phone().interruptsSent()
                    + ", delivered " + phone().interruptsDelivered()
                    + ", migrations out " + phone().migrationsOut() + "; server: volatile requests "
                    + server().volatileRequests() + ", transfers " + server().volatileTransfers() + ", interrupts delivered "
                    + server().interruptsDelivered() + ", migrations out " + server().migrationsOut() + ", forced returns "
                    + server().forcedReturns() + "; ready at " + result.trace().stream().filter(l -> l.contains("\"ready\""))
                    .findFirst().orElse("never") + "\n" + String.join("\n", result.trace().subList(0, Math.min(80, result.trace().size())));
        }
    }

    /** A litmus program: its main class, and the evidence that its critical moment spanned both endpoints. */
    private record Litmus(String main, String evidence, Predicate<Run> crossEndpoint) {
    }

    private static final List<Litmus> PROGRAMS = List.of(
            new Litmus("litmus.VolatileMessagePassing", "volatile ownership handed over in both directions",
                    r -> r.phone().volatileTransfers() > 0 && r.server().volatileTransfers() > 0),
            new Litmus("litmus.LockMessagePassing", "the lock moved: the phone asked for it, or the server sent a thread home for it",
                    r -> r.phone().lockRequests() > 0 || r.server().forcedReturns().containsKey("lock owned by the phone")),
            new Litmus("litmus.WaitNotifyHandoff", "the hand-off's monitor was used on both endpoints: a notify reached"
                    + " waiters on the other one, or the lock crossed the link (under pingpong the server sends its"
                    + " thread home for the phone's lock, so the waits happen on the phone)",
                    r -> r.events("phone", "notify") + r.events("server", "notify") > 0 || r.phone().lockRequests() > 0
                            || r.server().forcedReturns().containsKey("lock owned by the phone")),
            new Litmus("litmus.RemoteInterrupt", "main interrupted a thread running on the server, and each such"
                    + " interrupt was delivered exactly once (there, or on the phone when the thread arrived)",
                    r -> r.phone().interruptsSent() > 0
                            && r.phone().interruptsSent() <= 3 // one message per interrupt() call: no chase (pingpong:1 chased)
                            && r.server().interruptsDelivered() + r.phone().interruptsDelivered() == r.phone().interruptsSent()),
            new Litmus("litmus.StartJoin", "a worker ended on the server while main joined on the phone, or (under"
                    + " pingpong, where they end wherever the last bounce left them) writes made on the server came back",
                    r -> r.events("phone", "thread_ended") > 0 || r.serverPushesWithUpdates() > 0),
            new Litmus("litmus.ClassInitRace", "a thread on the server needed the class the phone was initialising",
                    r -> r.server().forcedReturns().keySet().stream()
                            .anyMatch(k -> k.equals("class initialisation (litmus.ClassInitRace$Slow)"))
                            && r.server().volatileRequests() > 0),
            new Litmus("litmus.CasCounter", "the counter's volatile ownership was handed over in both directions",
                    r -> r.phone().volatileTransfers() > 0 && r.server().volatileTransfers() > 0));

    @BeforeAll
    static void compileAndDex() throws Exception {
        Path src = Path.of("src", "test", "resources", "litmus");
        classes = dir.resolve("classes");
        Files.createDirectories(classes);
        List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
        try (Stream<Path> s = Files.list(src)) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> javac.add(p.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(new String[0])), "javac");
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        classPath = new ClassPath();
        for (byte[] dex : new D8Converter(dir.resolve("d8")).convertClassFiles(files, false, "litmus")) {
            classPath.addDex("litmus.dex", dex);
        }
    }

    /** The program's output on the host JVM, in a child process (the oracle). */
    private static String onJvm(String main) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", classes.toString(), main)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), main + " on the JVM"); // a hang guard only
        assertEquals(0, p.exitValue(), main + " on the JVM");
        return out.toString(StandardCharsets.UTF_8);
    }

    static OffloadRun.Result run(String main, String policy, String link) {
        OffloadRun.Config c = new OffloadRun.Config(classPath, classes.toString(), main, new String[] {SETTLE_MS},
                DeviceModels.cpu(PHONE), DeviceModels.cpu(SERVER), sim -> LinkModels.preset(link, sim.streams()),
                OffloadRun.radioFor(link), Policies.byName(policy), null, 1, true, null);
        return OffloadRun.run(c);
    }

    @TestFactory
    Stream<DynamicContainer> litmusPrograms() {
        return PROGRAMS.stream().map(l -> DynamicContainer.dynamicContainer(l.main(), configurations(l)));
    }

    private static Stream<DynamicTest> configurations(Litmus l) {
        Map<String, String> expected = new LinkedHashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (String link : LINKS) {
            for (String policy : POLICIES) {
                tests.add(DynamicTest.dynamicTest(policy + " over " + link, () -> {
                    String want = expected.computeIfAbsent("java", k -> {
                        try {
                            return onJvm(l.main());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    // A hang guard only (a regression of the interrupt chase would run forever), never a timing assertion.
                    OffloadRun.Result r = assertTimeoutPreemptively(Duration.ofMinutes(10), () -> run(l.main(), policy, link),
                            l.main() + " hangs");
                    assertEquals(want, r.local().stdout(), "local run of " + l.main());
                    assertEquals(want, r.offload().stdout(), "offloaded run of " + l.main() + "\n" + r.offload().stderr());
                    assertEquals(0, r.offload().status());
                    Run run = new Run(r);
                    assertTrue(r.phone().migrationsOut() > 0, "the run offloaded: " + run.summary());
                    assertTrue(l.crossEndpoint().test(run), "evidence of both endpoints at the critical moment ("
                            + l.evidence() + "): " + run.summary());
                }));
            }
        }
        return tests.stream();
    }
}
