package org.cometsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cometsim.reports.ChartFiles;
import org.cometsim.reports.HtmlReport;
import org.cometsim.reports.PredictedVsMeasured;

/**
 * {@code comet validate}'s page and chart (issue #16 item 4), from the rows of
 * {@link ValidationTable} alone (no run, so its test needs none): {@code DIR/report.html} with the
 * summary (median and largest |error|, how many rows' bytes agree), the predicted-vs-measured chart
 * ({@code DIR/charts/predicted-vs-measured.png} and {@code .svg}), validation.csv's table cell for
 * cell, the bytes of each row side by side with where and why they may differ, and
 * {@link ValidateCommand#SCOPE}. Built from the reports module's {@link HtmlReport} and
 * {@link ChartFiles}, like every other page of comet.
 */
final class ValidationReport {
    private ValidationReport() {
    }

    static final String CHART = "predicted-vs-measured";

    /** Why bytes may differ even where the policy is deterministic (shown on the page). */
    static final String BYTES_NOTE = String.join(" ",
            "Each emulated run uses a dex cache of its own on the server (as each simulated run does), so",
            "both worlds ship the app's code once per run. Both start the program when the server's Ready",
            "arrives, so a deterministic policy (always, pingpong:N) is asked at the same instruction counts",
            "in both worlds: the same threads move at the same points, the same messages cross, and the bytes",
            "are equal (SimulatorTestbedAgreementTest pins it). A difference there is a defect. Started at once",
            "(COMET's own start), the phone would run until the real server's Ready, whose set-up time the",
            "simulator does not charge, and the migration points would move. The testbed's measured bytes are COMET's wire",
            "bytes as its endpoints count them; the shaper's bytes add the testbed's own handshake and",
            "control frames (pings, the final report). Under comet the decisions follow measured times, so",
            "its bytes are reported, not expected to agree.");

    /** Whether a policy's migration decisions depend on nothing measured (bytes should agree). */
    static boolean deterministic(String policy) {
        return policy.equals("always") || policy.startsWith("pingpong:");
    }

    /** Writes the chart and {@code dir/report.html}; returns the page. */
    static Path write(Path dir, List<ValidationTable.Row> rows, Map<String, String> setup) {
        HtmlReport page = new HtmlReport("comet-sim validation: simulator vs testbed");
        Map<String, String> summary = new LinkedHashMap<>(setup);
        summary.put("scenarios", Integer.toString(rows.size()));
        summary.put("median |relative error|", percent(ValidationTable.medianAbsoluteError(rows))
                + " (target 10%, goal 5%)");
        summary.put("largest |relative error|", percent(ValidationTable.maxAbsoluteError(rows)));
        List<ValidationTable.Row> det = rows.stream().filter(r -> deterministic(r.policy())).toList();
        summary.put("bytes equal, deterministic policies", det.stream().filter(ValidationTable.Row::bytesEqual).count()
                + " of " + det.size());
        summary.put("bytes equal, all rows", rows.stream().filter(ValidationTable.Row::bytesEqual).count() + " of "
                + rows.size());
        summary.put("output equal to the simulated run's", rows.stream().filter(ValidationTable.Row::outputEqual).count()
                + " of " + rows.size());
        page.keyValues("Summary", summary);

        List<PredictedVsMeasured.Point> points = new ArrayList<>();
        for (ValidationTable.Row r : rows) {
            points.add(new PredictedVsMeasured.Point(r.scenario(), r.policy(), r.simulated().timeNanos() / 1e9,
                    r.measured().timeNanos() / 1e9));
        }
        page.figure("Predicted (simulated) vs measured (testbed) time, one point per scenario, with y = x",
                ChartFiles.write(PredictedVsMeasured.chart(points, "Simulated vs measured time per scenario"),
                        dir.resolve("charts"), CHART), dir);

        List<List<String>> cells = new ArrayList<>();
        for (ValidationTable.Row r : rows) {
            cells.add(ValidationTable.cells(r));
        }
        page.table("validation.csv", ValidationTable.header(), cells);

        List<List<String>> bytes = new ArrayList<>();
        for (ValidationTable.Row r : rows) {
            bytes.add(List.of(r.scenario(), r.policy(),
                    Long.toString(r.simulated().bytesUp()), Long.toString(r.measured().bytesUp()),
                    signed(r.measured().bytesUp() - r.simulated().bytesUp()),
                    Long.toString(r.simulated().bytesDown()), Long.toString(r.measured().bytesDown()),
                    signed(r.measured().bytesDown() - r.simulated().bytesDown()),
                    r.simulated().migrations() + " / " + r.measured().migrations(),
                    !deterministic(r.policy()) ? "reported only" : r.bytesEqual() ? "equal" : "differ",
                    whyBytesDiffer(r)));
        }
        page.table("Bytes on the wire: simulated vs measured", List.of("scenario", "policy", "up, simulated",
                "up, measured", "up, difference", "down, simulated", "down, measured", "down, difference",
                "migrations sim. / meas.", "bytes", "where they differ"), bytes);
        page.paragraph(BYTES_NOTE);

        page.heading("What this comparison validates, and what it does not").code(ValidateCommand.SCOPE);
        page.paragraph("All rows: validation.csv beside this page; the scope text: SCOPE.txt.");
        return page.write(dir.resolve("report.html"));
    }

    /** Where a row's bytes part, in words (empty if they agree), from what the row itself shows. */
    static String whyBytesDiffer(ValidationTable.Row r) {
        if (r.bytesEqual()) {
            return "";
        }
        long sim = r.simulated().migrations();
        long measured = r.measured().migrations();
        if (sim > 0 && measured == 0) {
            return "nothing migrated on the testbed (the program starts at Ready: look for a refused or failed session)";
        }
        if (sim == 0 && measured > 0) {
            return "nothing migrated in the simulator";
        }
        if (sim != measured) {
            return "a different number of migrations (the decisions or their moments differ)";
        }
        return "same migrations: a migration point moved, so a sync carried a different heap";
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String signed(long v) {
        return v > 0 ? "+" + v : Long.toString(v);
    }
}
