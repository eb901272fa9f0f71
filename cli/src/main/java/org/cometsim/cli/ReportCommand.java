package org.cometsim.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import org.cometsim.reports.Reports;

/**
 * {@code comet report DIR}: rebuilds the charts ({@code DIR/charts}, PNG + SVG) and the page
 * ({@code DIR/report.html}) from the results stored in DIR, without running anything: a run
 * directory ({@code result.json} + {@code trace.jsonl}) or a sweep directory ({@code results.csv}).
 */
final class ReportCommand {
    private ReportCommand() {
    }

    static final String USAGE = String.join("\n",
            "usage: comet report DIR",
            "rebuild DIR/charts (PNG + SVG) and DIR/report.html from the results stored in DIR:",
            "a run (result.json, trace.jsonl) or a sweep or demo (results.csv, runs/*/trace.jsonl)",
            "example: comet report comet-out",
            "");

    /**
     * Charts and page for results just stored by {@code run --out} or {@code sweep}: a failure here
     * is reported but does not fail the command, whose results are already safe on disk
     * ({@code comet report DIR} rebuilds them later).
     */
    static void buildQuietly(Path dir, PrintStream err) {
        try {
            err.println("comet: wrote " + Reports.build(dir));
        } catch (RuntimeException e) {
            err.println("comet: warning: no report for " + dir + ": " + e.getMessage()
                    + " (the results are stored; 'comet report " + dir + "' retries)");
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.print(USAGE);
            return 0;
        }
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            throw new CometCli.UsageException("report: give one directory\n" + USAGE);
        }
        Path dir = Path.of(args.get(0));
        try {
            Path page = Reports.build(dir);
            out.println(page);
            return 0;
        } catch (IllegalArgumentException e) {
            throw new CometCli.UsageException("report: " + e.getMessage());
        } catch (UncheckedIOException e) {
            err.println("comet: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
    }
}
