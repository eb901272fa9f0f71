package org.cometsim.cli;

import java.util.List;
import java.util.Locale;

/**
 * The rows of {@code comet validate}: one scenario simulated and emulated, side by side, and the
 * CSV they are written as. Pure arithmetic and text, so its test needs no run.
 */
final class ValidationTable {
    private ValidationTable() {
    }

    /** What one world reports of one run. */
    record Side(long timeNanos, long bytesUp, long bytesDown, long migrations, long syncs, String stdoutSha256) {
    }

    /**
     * One scenario in both worlds.
     *
     * @param shaperBytesUp payload bytes the link shaper relayed up (the testbed's wire, handshake
     *     included), -1 if unknown
     * @param measuredWallNanos the testbed's time on the wall clock; {@code measured.timeNanos()} is
     *     that less the time the host's other processes took the VMs' threads off the cores
     *     ({@code Emulation.Outcome}'s stolen times)
     */
    record Row(String scenario, String app, String link, String policy, Side simulated, Side measured,
               long shaperBytesUp, long shaperBytesDown, long measuredWallNanos) {
        /** A row whose measured time is the wall time (nothing taken out). */
        Row(String scenario, String app, String link, String policy, Side simulated, Side measured,
            long shaperBytesUp, long shaperBytesDown) {
            this(scenario, app, link, policy, simulated, measured, shaperBytesUp, shaperBytesDown, measured.timeNanos());
        }

        /** (simulated − measured) / measured: the prediction's error, positive when the simulator predicts too long. */
        double relativeError() {
            return (double) (simulated.timeNanos() - measured.timeNanos()) / measured.timeNanos();
        }

        boolean bytesEqual() {
            return simulated.bytesUp() == measured.bytesUp() && simulated.bytesDown() == measured.bytesDown();
        }

        boolean outputEqual() {
            return simulated.stdoutSha256().equals(measured.stdoutSha256());
        }
    }

    static final String HEADER = "scenario,app,link,policy,simulated_s,measured_s,relative_error,"
            + "bytes_up_simulated,bytes_up_measured,bytes_down_simulated,bytes_down_measured,bytes_equal,"
            + "shaper_bytes_up,shaper_bytes_down,migrations_simulated,migrations_measured,"
            + "syncs_simulated,syncs_measured,measured_wall_s,output_equal";

    static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Row r : rows) {
            b.append(String.join(",", cells(r).stream().map(ValidationTable::quote).toList())).append('\n');
        }
        return b.toString();
    }

    /** The CSV's column names, one per cell of {@link #cells}. */
    static List<String> header() {
        return List.of(HEADER.split(","));
    }

    /** One row's cells, unquoted, in {@link #HEADER}'s order: the CSV line and the report page's table row. */
    static List<String> cells(Row r) {
        return List.of(r.scenario(), r.app(), r.link(), r.policy(),
                seconds(r.simulated().timeNanos()), seconds(r.measured().timeNanos()),
                String.format(Locale.ROOT, "%.4f", r.relativeError()),
                Long.toString(r.simulated().bytesUp()), Long.toString(r.measured().bytesUp()),
                Long.toString(r.simulated().bytesDown()), Long.toString(r.measured().bytesDown()),
                Boolean.toString(r.bytesEqual()),
                Long.toString(r.shaperBytesUp()), Long.toString(r.shaperBytesDown()),
                Long.toString(r.simulated().migrations()), Long.toString(r.measured().migrations()),
                Long.toString(r.simulated().syncs()), Long.toString(r.measured().syncs()),
                seconds(r.measuredWallNanos()), Boolean.toString(r.outputEqual()));
    }

    /** Median of |relative error| over the rows (NaN if none). */
    static double medianAbsoluteError(List<Row> rows) {
        double[] e = rows.stream().mapToDouble(r -> Math.abs(r.relativeError())).sorted().toArray();
        if (e.length == 0) {
            return Double.NaN;
        }
        int m = e.length / 2;
        return e.length % 2 == 1 ? e[m] : (e[m - 1] + e[m]) / 2;
    }

    /** Largest |relative error| over the rows (NaN if none). */
    static double maxAbsoluteError(List<Row> rows) {
        return rows.stream().mapToDouble(r -> Math.abs(r.relativeError())).max().orElse(Double.NaN);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
