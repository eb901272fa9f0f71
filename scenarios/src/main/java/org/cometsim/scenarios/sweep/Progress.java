package org.cometsim.scenarios.sweep;

import java.io.PrintStream;
import java.util.Locale;

import org.cometsim.scenarios.spec.Sweep;

/**
 * Progress of a sweep: on a terminal one bar redrawn in place ({@code \r}) with the ETA; otherwise
 * (a log file, a cluster job) one plain line per finished point. The ETA is host wall time, which
 * never enters a result.
 */
final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long startNanos = System.nanoTime();
    private int finished;

    Progress(PrintStream out, boolean terminal, int total, int skipped) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        if (out != null) {
            out.printf(Locale.ROOT, "comet: sweep: %d point(s) to run%s%n", total,
                    skipped > 0 ? ", " + skipped + " already finished (skipped)" : "");
        }
    }

    void finished(Sweep.Point p, String error, Sweep sweep) {
        finished++;
        if (out == null) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = elapsed / finished * (total - finished);
        if (terminal) {
            int width = 30;
            int filled = (int) ((long) width * finished / Math.max(1, total));
            if (error != null) {
                out.print("\r\033[K");
                out.printf(Locale.ROOT, "comet: point %d (%s) failed: %s%n", p.index(), SweepRunner.describe(sweep, p), error);
            }
            out.printf(Locale.ROOT, "\r[%s%s] %d/%d  %3d%%  elapsed %s  ETA %s\033[K", "#".repeat(filled),
                    " ".repeat(width - filled), finished, total, 100L * finished / Math.max(1, total),
                    SweepRunner.duration(elapsed), SweepRunner.duration(eta));
            out.flush();
        } else {
            out.printf(Locale.ROOT, "comet: [%d/%d] point %d %s: %s (elapsed %s, ETA %s)%n", finished, total, p.index(),
                    SweepRunner.describe(sweep, p), error == null ? "ok" : "FAILED " + error,
                    SweepRunner.duration(elapsed), SweepRunner.duration(eta));
        }
    }

    void end() {
        if (out != null && terminal && total > 0) {
            out.println();
        }
    }
}
