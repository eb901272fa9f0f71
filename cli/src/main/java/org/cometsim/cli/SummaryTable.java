package org.cometsim.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cometsim.scenarios.results.ResultsStore;
import org.cometsim.scenarios.results.Summary;

/** The speed-up table {@code comet sweep} and {@code comet merge} print: one line per group of seeds. */
final class SummaryTable {
    private SummaryTable() {
    }

    static void print(ResultsStore store, PrintStream out) {
        List<String> heads = new ArrayList<>(store.axisColumns());
        heads.remove("axis_seed");
        List<Summary.Line> lines = Summary.table(store, "speedup");
        if (lines.isEmpty()) {
            return;
        }
        int[] w = new int[heads.size()];
        for (int i = 0; i < heads.size(); i++) {
            w[i] = heads.get(i).length() - "axis_".length();
            for (Summary.Line l : lines) {
                w[i] = Math.max(w[i], String.valueOf(l.labels().get(i)).length());
            }
        }
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < heads.size(); i++) {
            h.append(String.format(Locale.ROOT, "%-" + w[i] + "s  ", heads.get(i).substring("axis_".length())));
        }
        out.println(h + "  n   speed-up   95% CI");
        for (Summary.Line l : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < heads.size(); i++) {
                b.append(String.format(Locale.ROOT, "%-" + w[i] + "s  ", l.labels().get(i)));
            }
            Summary.Stat s = l.stat();
            out.println(b + String.format(Locale.ROOT, "%3d  %8.3fx   [%.3f, %.3f]", s.n(), s.mean(), s.ciLow(), s.ciHigh()));
        }
    }
}
