package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cometsim.device.energy.EnergyReport;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.workloads.Category;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue #13's equivalence suite: every built-in workload (the multi-threaded ones included),
 * offloaded from the 2012 phone to the 2012 server over {@code comet-wifi} and {@code comet-3g}
 * under {@code always}, {@code comet}, {@code pingpong:1} and {@code pingpong:7}, prints what it
 * prints alone on the phone, which is what {@code java} prints (the workload's jars on this JVM);
 * a rerun gives byte-identical metrics and trace; and under {@code always} and {@code pingpong}
 * every run really offloads (see {@link #check}).
 *
 * <p><b>Sizes.</b> A thread can move only once the server has the app's code: about 25 ms after
 * start over comet-wifi, about 0.55 s over comet-3g (the dex file at 1.44 Mbit/s up plus two
 * round trips of 200 ms). Each case runs the smallest size whose program outlasts that set-up
 * ({@link #sizeFor}). The default suite runs a subset ({@link #defaultCases}: every workload over
 * WiFi, the cheap ones under every policy, and a 3G subset with both multi-threaded workloads);
 * {@code mvn -Pfull} adds the rest of the matrix ({@code @Tag("slow")}).
 */
class OffloadEquivalenceTest {
    static final List<String> LINKS = List.of("comet-wifi", "comet-3g");
    static final List<String> POLICIES = List.of("always", "comet", "pingpong:1", "pingpong:7");

    /**
     * Workloads that hold host state on purpose, so their threads may stay on the phone (pinned
     * with the reason in the run's metrics) until the DSM learns to ship that state: the host
     * classes each may be pinned by. A thread pinned by anything else fails the test.
     */
    static final Map<String, Set<String>> PINNED_ON_PURPOSE = Map.of(
            // None today: xz's byte streams, digest and its guest FilterInputStream subclasses'
            // peer state ship (dsm.HostCodecs, dsm.HostPeerState), jhlabs' Kernel and chess's host
            // immutable lists too, so a pin anywhere fails the test. A workload that holds state the
            // DSM cannot ship on purpose goes here, with the host classes allowed to pin it.
            );

    /**
     * Workloads the default suite runs under fewer policies over WiFi (the rest under
     * {@code -Pfull}): the slowest ones, and xz and jhlabs, whose host state (codecs, host
     * peers) HostStateShippingTest covers across policies.
     */
    private static final Map<String, List<String>> DEFAULT_WIFI_POLICIES = Map.of(
            "chess", List.of("comet"),
            "scimark", List.of("always", "pingpong:7"),
            "scimark-timed", List.of("comet", "pingpong:7"),
            "xz", List.of("always"),
            "jhlabs", List.of("always"));

    /** The default suite's 3G cases: a game at its small size, both multi-threaded workloads at medium. */
    private static final List<Case> DEFAULT_3G = List.of(
            new Case("connectfour", "comet-3g", Size.SMALL, "always"),
            new Case("connectfour", "comet-3g", Size.SMALL, "pingpong:1"),
            new Case("pipeline", "comet-3g", Size.MEDIUM, "always"),
            new Case("pipeline", "comet-3g", Size.MEDIUM, "pingpong:7"),
            new Case("parallelrender", "comet-3g", Size.MEDIUM, "pingpong:7"));

    /** Reruns compared byte for byte (cheap cases: every metric and the trace of both runs). */
    private static final List<Case> RERUN = List.of(
            new Case("pipeline", "comet-wifi", Size.SMALL, "pingpong:1"),
            new Case("parallelrender", "comet-wifi", Size.SMALL, "pingpong:7"),
            new Case("connectfour", "comet-3g", Size.SMALL, "comet"));

    /** One run of the matrix. */
    record Case(String workload, String link, Size size, String policy) {
        @Override
        public String toString() {
            return workload + " " + size.arg() + " over " + link + " under " + policy;
        }
    }

    /** Baselines, class paths and host outputs, shared by every case of the class. */
    private static final WorkloadFixtures FIXTURES = new WorkloadFixtures();

    /**
     * The smallest size at which the workload outlasts the link's set-up. Over 3G: medium, but
     * connectfour (1.2 s at small) and chess (3.8 s) run long enough at small (jhlabs, 0.63 s at
     * small, does not: its larger dex file keeps the server from being ready before it ends),
     * N-Queens needs paper (medium ends at 0.55 s, with the set-up), and xz stays small
     * (medium takes minutes of host time; at small it ends before the set-up, so that case
     * checks only the outputs).
     */
    static Size sizeFor(String workload, String link) {
        if (link.equals("comet-wifi")) {
            return workload.equals("nqueens") ? Size.MEDIUM : Size.SMALL; // nqueens small ends in 1.5 ms
        }
        switch (workload) {
            case "connectfour":
            case "chess":
            case "xz":
                return Size.SMALL;
            case "nqueens":
                return Size.PAPER;
            default:
                return Size.MEDIUM;
        }
    }

    static List<Case> defaultCases() {
        List<Case> cases = new ArrayList<>();
        for (Workload w : WorkloadCatalog.all()) {
            for (String p : DEFAULT_WIFI_POLICIES.getOrDefault(w.name(), POLICIES)) {
                cases.add(new Case(w.name(), "comet-wifi", sizeFor(w.name(), "comet-wifi"), p));
            }
        }
        cases.addAll(DEFAULT_3G);
        return cases;
    }

    static List<Case> fullMatrix() {
        Set<Case> cases = new LinkedHashSet<>();
        for (String link : LINKS) {
            for (Workload w : WorkloadCatalog.all()) {
                for (String p : POLICIES) {
                    cases.add(new Case(w.name(), link, sizeFor(w.name(), link), p));
                }
            }
        }
        cases.removeAll(defaultCases());
        return new ArrayList<>(cases);
    }

    @TestFactory
    List<DynamicTest> offloadedRunsPrintWhatJavaPrints() {
        return tests(defaultCases());
    }

    @Tag("slow")
    @TestFactory
    List<DynamicTest> offloadedRunsPrintWhatJavaPrintsFullMatrix() {
        return tests(fullMatrix());
    }

    private static List<DynamicTest> tests(List<Case> cases) {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.toString(), () -> check(c)));
        }
        return tests;
    }

    /**
     * One case: {@code java}'s stdout, the local run's and the offloaded run's are the same (for
     * scimark-timed, the lines that do not depend on timing); both runs exit 0 with nothing on
     * stderr; no thread is pinned by host state other than its workload's
     * {@link #PINNED_ON_PURPOSE}; and under {@code always} and {@code pingpong} threads migrate
     * and, for single-threaded workloads, the server executes most instructions under
     * {@code always} and at least a fifth under {@code pingpong} (which sends the thread back
     * every N evaluations there, so about half by design; the 3G set-up, during which the phone
     * runs alone, takes part of the rest). Timed workloads (output that depends on timing:
     * scimark-timed) are exempt from the share: they run each kernel for a span of simulated
     * time, so their instruction count follows the clock, and over 3G under pingpong the span
     * mostly passes in round trips (7% to 9% on the server, seen under pingpong:1 and :7).
     */
    static void check(Case c) {
        Workload w = WorkloadCatalog.get(c.workload());
        String java = w.comparableOutput(FIXTURES.hostOutput(w, c.size()));
        OffloadRun.Result r = FIXTURES.run(w, c.size(), c.link(), c.policy());
        assertEquals(0, r.local().status(), r.local().stderr());
        assertEquals(0, r.offload().status(), r.offload().stderr());
        assertEquals("", r.offload().stderr());
        assertEquals(java, w.comparableOutput(r.local().stdout()), "the local run prints what java prints");
        assertEquals(java, w.comparableOutput(r.offload().stdout()), "the offloaded run prints what java prints");
        if (w.deterministic()) {
            assertEquals(r.local().stdout(), r.offload().stdout());
        }

        Set<String> allowed = PINNED_ON_PURPOSE.getOrDefault(w.name(), Set.of());
        for (String why : r.phone().pinnedByHostState().keySet()) {
            assertTrue(allowed.stream().anyMatch(cls -> why.startsWith(cls + " ")),
                    "a thread of " + w.name() + " was pinned by " + why + " (allowed: " + allowed + ")");
        }
        if (c.policy().equals("comet") || endsBeforeTheSetUp(c)) {
            return;
        }
        boolean pinned = !r.phone().pinnedByHostState().isEmpty();
        long migrations = r.phone().migrationsOut();
        assertTrue(migrations >= 1 || pinned, c + ": no thread migrated\n" + summary(r));
        if (pinned || w.category() == Category.MULTITHREADED || !w.deterministic()) {
            return;
        }
        double onServer = (double) r.serverInstructions() / r.offload().instructions();
        double least = c.policy().equals("always") ? 0.5 : 0.2;
        assertTrue(onServer > least, String.format(Locale.ROOT, "%s: %.1f%% of the instructions ran on the server,"
                + " expected more than %.0f%%%n%s", c, 100 * onServer, 100 * least, summary(r)));
    }

    /** xz at small over 3G: chosen for host time, it ends before the server has the code (see {@link #sizeFor}). */
    private static boolean endsBeforeTheSetUp(Case c) {
        return c.workload().equals("xz") && c.link().equals("comet-3g") && c.size() == Size.SMALL;
    }

    @Test
    void rerunsGiveByteIdenticalMetricsAndTrace() {
        for (Case c : RERUN) {
            Workload w = WorkloadCatalog.get(c.workload());
            String first = describe(OffloadRun.run(FIXTURES.config(w, c.size(), c.link(), c.policy())));
            String second = describe(OffloadRun.run(FIXTURES.config(w, c.size(), c.link(), c.policy())));
            assertTrue(first.contains("\"event\":\"migrate_out\""), c + ": the rerun check needs migrations\n" + first);
            assertEquals(first, second, c + ": rerun differs");
        }
    }

    @Test
    void theMatricesCoverEveryWorkloadLinkAndPolicy() {
        Set<Case> all = new LinkedHashSet<>(defaultCases());
        all.addAll(fullMatrix());
        assertEquals(WorkloadCatalog.all().size() * LINKS.size() * POLICIES.size(), all.size());
        Set<String> inDefault = new LinkedHashSet<>();
        for (Case c : defaultCases()) {
            inDefault.add(c.workload());
        }
        assertEquals(WorkloadCatalog.all().size(), inDefault.size(), "the default suite runs every workload");
    }

    /** Every number and text of a run, for byte-for-byte comparison. */
    static String describe(OffloadRun.Result r) {
        StringBuilder b = new StringBuilder();
        side(b, "local", r.local());
        side(b, "offload", r.offload());
        b.append("serverInstructions=").append(r.serverInstructions()).append(" phoneBusy=").append(r.phoneBusyNanos())
                .append(" serverBusy=").append(r.serverBusyNanos()).append(" idle=").append(r.idleNanos()).append('\n');
        metrics(b, "phone", r.phone());
        metrics(b, "server", r.server());
        b.append("serverStdout=").append(r.serverStdout()).append('\n');
        r.trace().forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    private static void side(StringBuilder b, String name, OffloadRun.Side s) {
        b.append(name).append(": status=").append(s.status()).append(" time=").append(s.timeNanos()).append(" instructions=")
                .append(s.instructions()).append(" energy=").append(energy(s.energy())).append("\nstdout=").append(s.stdout())
                .append("\nstderr=").append(s.stderr()).append('\n');
    }

    private static String energy(EnergyReport e) {
        return e == null ? "none" : e.totalJoules() + "/" + e.cpuJoules() + "/" + e.radioJoules() + "/" + e.radioJoulesByState();
    }

    private static void metrics(StringBuilder b, String name, OffloadMetrics m) {
        b.append(name).append(": migrations ").append(m.migrationsOut()).append('/').append(m.migrationsIn())
                .append(" syncs ").append(m.syncsSent()).append('/').append(m.syncsReceived())
                .append(" bytes ").append(m.messageBytesSent()).append('/').append(m.wireBytesSent()).append('/')
                .append(m.messageBytesReceived()).append('/').append(m.wireBytesReceived())
                .append(" payload ").append(m.payloadBytesSent()).append(" locks ").append(m.lockRequests())
                .append(" dex ").append(m.dexBytesSent()).append(" forced ").append(m.forcedReturns())
                .append(" pinned ").append(m.pinnedByHostState()).append(" refused ").append(m.refusedDetach()).append('\n');
    }

    private static String summary(OffloadRun.Result r) {
        return String.format(Locale.ROOT, "local %.3f s, offloaded %.3f s; migrations %d out, %d back; %d of %d"
                        + " instructions on the server; forced returns %s; pinned %s; refused %s",
                r.local().timeNanos() / 1e9, r.offload().timeNanos() / 1e9, r.phone().migrationsOut(),
                r.server().migrationsOut(), r.serverInstructions(), r.offload().instructions(),
                r.server().forcedReturns(), r.phone().pinnedByHostState(), r.phone().refusedDetach());
    }
}
