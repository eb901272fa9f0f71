package org.cometsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cometsim.reports.ResultTable;
import org.junit.jupiter.api.Test;

/**
 * The assertions of {@link PaperClaimsTest} on made-up demo tables, in the default suite: each
 * claim passes when it holds and fails, naming itself, when it does not, so the slow test can fail
 * for the right reasons. These are not the paper's claims checked on the simulator (that is
 * {@link PaperClaimsTest}, under -Pfull); they check the checker.
 */
class PaperClaimsLogicTest {

    /** The presets' server/phone ratio as derived from their models (server = phone / 16). */
    @Test
    void theCpuRatioOfTheDemosPresetsIsSixteen() {
        assertEquals(16.0, PaperClaimsTest.cpuRatio(), 1e-9);
    }

    @Test
    void allThreeClaimsHold() {
        PaperClaimsTest.check(table(
                app("heavy", 10, 1_000, 15, 3),
                app("middle", 1, 100_000, 2, 1),
                app("light", 0.5, 200_000, 1.5, 1)), "small");
    }

    @Test
    void wifiGeomeanNotAboveThreeG() {
        AssertionError e = assertThrows(AssertionError.class, () -> PaperClaimsTest.check(table(
                app("heavy", 10, 1_000, 1, 14),
                app("middle", 1, 100_000, 1, 1),
                app("light", 0.5, 200_000, 1, 1)), "small"));
        assertTrue(e.getMessage().contains("WiFi geometric mean 1.00x is not above 3G's"), e.getMessage());
    }

    @Test
    void bestSpeedupOutsideThirtyPercentOfTheRatio() {
        AssertionError e = assertThrows(AssertionError.class, () -> PaperClaimsTest.check(table(
                app("heavy", 10, 1_000, 21, 3),
                app("middle", 1, 100_000, 2, 1),
                app("light", 0.5, 200_000, 1.5, 1)), "small"));
        assertTrue(e.getMessage().contains("best speed-up 21.00x (heavy) is not within 30 % of the CPU ratio 16.00"),
                e.getMessage());
        e = assertThrows(AssertionError.class, () -> PaperClaimsTest.check(table(
                app("heavy", 10, 1_000, 11, 3),
                app("light", 0.5, 200_000, 1.5, 1)), "small"));
        assertTrue(e.getMessage().contains("best speed-up 11.00x"), e.getMessage());
    }

    @Test
    void threeGHelpingALessComputeHeavyApp() {
        AssertionError e = assertThrows(AssertionError.class, () -> PaperClaimsTest.check(table(
                app("heavy", 10, 1_000, 15, 3),
                app("middle", 1, 100_000, 2, 1),
                app("light", 0.5, 200_000, 1.5, 1.01)), "small"));
        assertTrue(e.getMessage().contains("3G helps [heavy, light], but the 2 most compute-heavy apps"),
                e.getMessage());
    }

    @Test
    void threeGHelpingEveryAppOrNone() {
        AssertionError all = assertThrows(AssertionError.class, () -> PaperClaimsTest.check(table(
                app("heavy", 10, 1_000, 15, 3),
                app("light", 0.5, 200_000, 2, 1.2)), "small"));
        assertTrue(all.getMessage().contains("3G helps every app"), all.getMessage());
        AssertionError none = assertThrows(AssertionError.class, () -> PaperClaimsTest.check(table(
                app("heavy", 10, 1_000, 15, 1),
                app("light", 0.5, 200_000, 2, 0.9)), "small"));
        assertTrue(none.getMessage().contains("3G helps no app"), none.getMessage());
    }

    @Test
    void aRunWhoseOutputDiffersIsNotASpeedup() {
        List<Map<String, String>> rows = rowsOf(app("heavy", 10, 1_000, 15, 3));
        rows.get(0).put("output_matches", "false");
        assertThrows(AssertionError.class, () -> PaperClaimsTest.check(ResultTable.of(rows), "small"));
    }

    /** One app's two rows, as {@code comet demo} writes them to results.csv. */
    private static List<Map<String, String>> app(String name, double localSeconds, long wifiBytes, double wifi,
                                                 double threeG) {
        return List.of(row(name, PaperClaimsTest.WIFI, localSeconds, wifiBytes, wifi),
                row(name, PaperClaimsTest.THREE_G, localSeconds, 0, threeG));
    }

    private static Map<String, String> row(String app, String link, double localSeconds, long bytes, double speedup) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("error", "");
        m.put("app", app);
        m.put("app_size", "small");
        m.put("phone", PaperClaimsTest.PHONE);
        m.put("server", PaperClaimsTest.SERVER);
        m.put("link", link);
        m.put("policy", "comet");
        m.put("local_time_s", Double.toString(localSeconds));
        m.put("bytes_up", Long.toString(bytes / 2));
        m.put("bytes_down", Long.toString(bytes - bytes / 2));
        m.put("speedup", Double.toString(speedup));
        m.put("output_matches", "true");
        return m;
    }

    @SafeVarargs
    private static ResultTable table(List<Map<String, String>>... apps) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<Map<String, String>> a : apps) {
            rows.addAll(a);
        }
        return ResultTable.of(rows);
    }

    private static List<Map<String, String>> rowsOf(List<Map<String, String>> app) {
        return new ArrayList<>(app);
    }
}
