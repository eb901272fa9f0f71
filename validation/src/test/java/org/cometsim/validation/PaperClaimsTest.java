package org.cometsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.HostCallCost;
import org.cometsim.device.cpu.InstructionMix;
import org.cometsim.reports.ResultTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The abstract of COMET (OSDI 2012) as a test (issue #16, item 5): {@code comet demo --size paper}
 * (every deterministic workload on the COMET-like presets, phone {@value #PHONE} and server
 * {@value #SERVER}, over {@code comet-wifi} and {@code comet-3g}, policy {@code comet} against the
 * local run) must show the abstract's three qualitative claims:
 * <ol>
 *   <li>the WiFi geometric-mean speed-up exceeds the 3G one (paper: 2.88x vs 1.27x);</li>
 *   <li>the best speed-up is within 30 % of the presets' server/phone CPU ratio (paper: "up to 15x";
 *       the server preset's ratio was itself chosen from that 15x, see its YAML);</li>
 *   <li>3G helps (speed-up &gt; 1) only the most compute-heavy apps (defined at
 *       {@link #threeGHelpsOnlyTheMostComputeHeavyApps}).</li>
 * </ol>
 * The measured figures are printed beside the paper's. A claim that fails is a finding about the
 * models (report it on issue #16); the models are not to be tuned to make it pass.
 *
 * <p>Last results (2026-12-08; the figures are deterministic): at paper size (649 s, 2 jobs, 2 shared
 * cores) the first two claims hold (WiFi 10.99x vs 3G 2.98x; best 15.95x) and the 3G claim fails:
 * 3G helps 12 of 14 apps, jama and photoeditor among them, but not parallelrender (0.98x), which is
 * more intense than both (round-trip-bound: 143 migrations for 262 KB). See validation/README.md.
 *
 * <p>Only under {@code -Pfull}: at paper size the demo takes ~11 minutes on 2 shared cores. There is no
 * fast version in the default suite: the whole demo at size {@code small} does satisfy the three
 * claims (2026-12-08: WiFi 2.03x vs 3G 1.12x, best 13.19x for chess, 3G helps chess and connectfour
 * only) but took ~150 s on 2 loaded cores, over the default suite's ~60 s budget; the best speed-up
 * is chess's, the slowest app, and without it the best is connectfour's 11.04x, outside the band
 * (11.2x..20.8x). A subset chosen so that the claims hold would prove nothing, so none is run.
 * {@link PaperClaimsLogicTest} checks these assertions on made-up tables in the default suite.
 *
 * <p>Knobs, for checking the assertions' logic without waiting for the paper size:
 * {@code -Dcomet.paperClaims.size=small|medium} runs the demo at that size instead (the figures
 * then say nothing about the paper); {@code -Dcomet.paperClaims.resultsDir=DIR} asserts on the
 * {@code results.csv} of a {@code comet demo} already run by hand into DIR instead of running it.
 */
@Tag("slow")
class PaperClaimsTest {
    // The demo's presets (cli DemoCommand.PHONE/SERVER, package-private there): a change there that
    // is not made here fails the preset check on the results below.
    static final String PHONE = "phone-2012-hummingbird-portable";
    static final String SERVER = "server-2012-portable";
    static final String WIFI = "comet-wifi";
    static final String THREE_G = "comet-3g";

    /** The abstract's figures (comet-reference.md §10). */
    static final double PAPER_GEOMEAN_WIFI = 2.88;
    static final double PAPER_GEOMEAN_3G = 1.27;
    static final double PAPER_BEST = 15;

    /** "Within 30 %" of the CPU ratio, as issue #16 item 5 states the claim. */
    static final double BEST_TOLERANCE = 0.30;

    /** A hang guard far above a paper-size demo on 2 loaded cores; nothing asserts on time. */
    static final Duration DEMO_TIMEOUT = Duration.ofHours(3);

    @Test
    void theDemoShowsTheAbstractsClaims() {
        String size = System.getProperty("comet.paperClaims.size", "paper");
        String given = System.getProperty("comet.paperClaims.resultsDir", "");
        Path dir;
        if (given.isEmpty()) {
            dir = CliHarness.freshWorkDir("paper-claims-" + size);
            CliHarness.Result r = CliHarness.comet(DEMO_TIMEOUT, "demo", "--size", size, "--out", dir.toString());
            System.out.println(r.stdout());
            // Exit 1 = a run failed or an offloaded run printed something else: the speed-ups of
            // such runs would not be speed-ups of the same program.
            assertEquals(0, r.exitCode(), r.describe());
        } else {
            dir = Path.of(given);
        }
        Path csv = dir.resolve("results.csv");
        assertTrue(Files.isRegularFile(csv), "no results.csv in " + dir);
        check(ResultTable.readCsv(csv), size, KNOWN_FAILING.getOrDefault(size, Set.of()));
    }

    /** The third claim. */
    static final String THREE_G_CLAIM = "3G helps only the most compute-heavy apps";

    /**
     * Claims known not to hold at a size, found by this test (issue #16): each must still fail
     * there, and the test says to remove it from here once it holds. At medium and paper size the
     * {@code comet} rule's 3G decisions help 12 of 14 apps at paper size, including jama and
     * photoeditor, 2nd and 3rd least intensive, while parallelrender (6th) loses (143 migrations
     * for 262 KB: round trips dominate) and pipeline runs at 0.07x; no definition of intensity
     * tried (bytes, or bytes and round trips) puts the helped apps on top. Models unchanged: a
     * finding about the policy or the claim's wording, not something to tune away.
     */
    static final Map<String, Set<String>> KNOWN_FAILING = Map.of(
            "medium", Set.of(THREE_G_CLAIM),
            "paper", Set.of(THREE_G_CLAIM));

    /** The three claims on a demo's results table; prints the figures first, so a failure shows them. */
    static void check(ResultTable table, String size) {
        check(table, size, Set.of());
    }

    /** {@link #check(ResultTable, String)} with claims known to fail at this size (which must still fail). */
    static void check(ResultTable table, String size, Set<String> knownFailing) {
        Map<String, App> apps = apps(table, size);
        double ratio = cpuRatio();
        double geoWifi = geometricMean(apps.values().stream().map(a -> a.speedupWifi).toList());
        double geo3g = geometricMean(apps.values().stream().map(a -> a.speedup3g).toList());
        App best = apps.values().stream().max(Comparator.comparingDouble(App::best)).orElseThrow();
        List<App> byIntensity = new ArrayList<>(apps.values());
        byIntensity.sort(Comparator.comparingDouble(App::intensity).reversed());

        System.out.printf(Locale.ROOT, "paper claims, comet demo --size %s (%d apps)%n", size, apps.size());
        System.out.printf(Locale.ROOT, "%-16s %12s %10s %10s %14s %12s%n", "app (by intensity)", "local s",
                "wifi B", "us/B", "wifi speed-up", "3g speed-up");
        for (App a : byIntensity) {
            System.out.printf(Locale.ROOT, "%-16s %12.3f %10d %10.3f %13.2fx %11.2fx%n", a.name, a.localSeconds,
                    a.wifiBytes, a.intensity() * 1e6, a.speedupWifi, a.speedup3g);
        }
        System.out.printf(Locale.ROOT, "geometric mean WiFi %.2fx (paper %.2fx), 3G %.2fx (paper %.2fx)%n",
                geoWifi, PAPER_GEOMEAN_WIFI, geo3g, PAPER_GEOMEAN_3G);
        System.out.printf(Locale.ROOT, "best speed-up %.2fx (%s on %s; paper: up to %.0fx); server/phone CPU ratio "
                + "of the presets %.2f, so the claim's band is %.2fx..%.2fx%n", best.best(), best.name,
                best.speedupWifi >= best.speedup3g ? WIFI : THREE_G, PAPER_BEST, ratio,
                ratio * (1 - BEST_TOLERANCE), ratio * (1 + BEST_TOLERANCE));

        List<String> failed = new ArrayList<>();
        if (!(geoWifi > geo3g)) {
            failed.add(String.format(Locale.ROOT, "WiFi geometric mean %.2fx is not above 3G's %.2fx", geoWifi, geo3g));
        }
        if (!(Math.abs(best.best() - ratio) <= BEST_TOLERANCE * ratio)) {
            failed.add(String.format(Locale.ROOT, "best speed-up %.2fx (%s) is not within %.0f %% of the CPU ratio %.2f",
                    best.best(), best.name, BEST_TOLERANCE * 100, ratio));
        }
        String threeG = threeGHelpsOnlyTheMostComputeHeavyApps(byIntensity);
        if (knownFailing.contains(THREE_G_CLAIM)) {
            assertTrue(threeG != null, "the claim '" + THREE_G_CLAIM + "' holds now at size " + size
                    + ": remove it from PaperClaimsTest.KNOWN_FAILING");
            System.out.println("known failure (issue #16): " + threeG);
        } else if (threeG != null) {
            failed.add(threeG);
        }
        assertTrue(failed.isEmpty(), "the abstract's claims that do not hold at size " + size + ":\n  "
                + String.join("\n  ", failed));
    }

    /**
     * "3G helps only the most compute-heavy apps". Compute-heaviness is an app's <em>intensity</em>:
     * the phone time of its local run (the program alone on the phone) per byte its WiFi offloaded
     * run put on the link (both directions: code, state and stacks). It is what a migration buys
     * per byte it ships, so it is what decides whether a slow link pays off; WiFi's run is the
     * measure because there the policy migrates whenever the work is worth moving, while on 3G it
     * may not migrate at all. The claim then holds when 3G helps (speed-up &gt; 1) some app but
     * not all, and the apps it helps are exactly the top ones by intensity: no app that 3G does
     * not help is more intense than one it helps. Returns what is wrong, or null.
     */
    static String threeGHelpsOnlyTheMostComputeHeavyApps(List<App> byIntensityDescending) {
        List<String> helped = byIntensityDescending.stream().filter(a -> a.speedup3g > 1).map(a -> a.name).toList();
        System.out.printf(Locale.ROOT, "3G helps (speed-up > 1): %s of %d apps%n", helped, byIntensityDescending.size());
        if (helped.isEmpty()) {
            return "3G helps no app";
        }
        if (helped.size() == byIntensityDescending.size()) {
            return "3G helps every app, not only the most compute-heavy";
        }
        List<String> top = byIntensityDescending.subList(0, helped.size()).stream().map(a -> a.name).toList();
        if (!top.equals(helped)) {
            return "3G helps " + helped + ", but the " + helped.size() + " most compute-heavy apps (phone s per "
                    + "WiFi byte) are " + top;
        }
        return null;
    }

    /**
     * The presets' server/phone CPU speed ratio, derived from their models as the server preset's
     * YAML and device-models' README state it (server = phone / 16 per opcode class and per
     * host-call class): phone ns / server ns on the Linpack daxpy mix, the mix the phone preset's
     * speed is derived from. Checked to be the same for every opcode class and host-call cost, so
     * no mix can make the ratio another number.
     */
    static double cpuRatio() {
        CpuModel phone = DeviceModels.cpu(PHONE);
        CpuModel server = DeviceModels.cpu(SERVER);
        double ratio = phone.averageNanosPerInstruction(InstructionMix.LINPACK_DAXPY)
                / server.averageNanosPerInstruction(InstructionMix.LINPACK_DAXPY);
        phone.nanosPerInstruction().forEach((c, ns) -> assertEquals(ratio, ns / server.nanosPerInstruction(c),
                1e-9 * ratio, "the presets' ratio differs for opcode class " + c + "; the claim needs a mix"));
        phone.hostCosts().forEach((c, cost) -> {
            HostCallCost s = server.hostCost(c);
            assertEquals(ratio, cost.perCallNanos() / s.perCallNanos(), 1e-9 * ratio, "host call " + c);
        });
        return ratio;
    }

    /** One app's figures from the demo's table (one row per app and link). */
    record App(String name, double localSeconds, long wifiBytes, double speedupWifi, double speedup3g) {
        /** Phone seconds of the local run per byte the WiFi run shipped (see the 3G claim). */
        double intensity() {
            return localSeconds / Math.max(1, wifiBytes);
        }

        double best() {
            return Math.max(speedupWifi, speedup3g);
        }
    }

    static Map<String, App> apps(ResultTable table, String size) {
        Map<String, Map<String, ResultTable.Row>> byApp = new LinkedHashMap<>();
        for (ResultTable.Row r : table.rows()) {
            assertEquals("ok", r.text("status"), r.text("app") + " on " + r.text("link") + ": " + r.text("error"));
            assertEquals("true", r.text("output_matches"), r.text("app") + " on " + r.text("link")
                    + " printed something else offloaded than locally");
            assertEquals(size, r.text("app_size"), "the results are not of size " + size);
            assertEquals(PHONE, r.text("phone"));
            assertEquals(SERVER, r.text("server"));
            assertEquals("comet", r.text("policy"));
            byApp.computeIfAbsent(r.text("app"), k -> new LinkedHashMap<>()).put(r.text("link"), r);
        }
        assertFalse(byApp.isEmpty(), "the demo's table has no rows");
        Map<String, App> apps = new LinkedHashMap<>();
        byApp.forEach((name, links) -> {
            assertEquals(List.of(WIFI, THREE_G).stream().sorted().collect(Collectors.toList()),
                    links.keySet().stream().sorted().collect(Collectors.toList()), name + ": links");
            ResultTable.Row w = links.get(WIFI);
            ResultTable.Row g = links.get(THREE_G);
            // Both runs share one local baseline (DemoRunner), so their local times are the same.
            assertEquals(w.num("local_time_s"), g.num("local_time_s"), 0, name + ": local time");
            apps.put(name, new App(name, w.num("local_time_s"), (long) (w.num("bytes_up") + w.num("bytes_down")),
                    w.num("speedup"), g.num("speedup")));
        });
        return apps;
    }

    static double geometricMean(List<Double> xs) {
        return Math.exp(xs.stream().mapToDouble(Math::log).average().orElseThrow());
    }
}
