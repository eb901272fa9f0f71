package org.cometsim.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cometsim.dalvik.rt.VmError;
import org.cometsim.offload.policy.CompletionBound;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.scenarios.OffloadRun;

/**
 * {@code comet run --policy a,b,c}: the local baseline once, then every policy on the same
 * program, link, server and seed, against that baseline; one comparison table on stderr (time,
 * speed-up, time relative to the oracle's bound when a policy offers one, migrations each way,
 * bytes on the wire, phone energy, whether the output matched the local run). The program's
 * output is printed once, the local run's. {@code --json} writes a JSON array of comet-run/1
 * objects, one per policy in the order given; {@code --trace} writes every run's events, each
 * line carrying the run's policy as {@code "run"}.
 */
final class PolicyComparison {
    private PolicyComparison() {
    }

    /** One policy's run, or why it failed. */
    private record Row(OffloadPolicy policy, OffloadRun.Result result, String failure) {
    }

    static int run(OffloadRun.Config base, List<OffloadPolicy> policies, String phone, String server, String link,
                   String energyName, String json, String traceFile, PrintStream out, PrintStream err) {
        OffloadRun.Side local;
        try {
            local = OffloadRun.runLocal(base);
        } catch (VmError e) {
            err.println("comet: the local baseline failed: " + e.getMessage());
            return 1;
        }
        List<Row> rows = new ArrayList<>();
        for (OffloadPolicy p : policies) {
            OffloadRun.Config c = base.withPolicy(p);
            try {
                rows.add(new Row(p, OffloadRun.run(c, local), null));
            } catch (VmError e) {
                rows.add(new Row(p, null, e.getMessage()));
            }
        }
        out.print(local.stdout());
        out.flush();
        printTable(local, rows, phone, server, link, base.seed(), err);
        if (json != null) {
            StringBuilder b = new StringBuilder("[\n");
            for (Row r : rows) {
                if (r.result() != null) {
                    String obj = ResultJson.of(r.result(), phone, server, link, r.policy().name(), energyName, base.seed(),
                            base.compress());
                    b.append(b.length() > 2 ? ",\n" : "").append(obj.stripTrailing());
                }
            }
            RunCommand.write(json, b.append("\n]\n").toString());
        }
        if (traceFile != null) {
            StringBuilder b = new StringBuilder();
            for (Row r : rows) {
                if (r.result() != null) {
                    String tag = "{\"run\":" + jsonString(r.policy().name()) + ",";
                    for (String line : r.result().trace()) {
                        b.append(tag).append(line, 1, line.length()).append('\n');
                    }
                }
            }
            RunCommand.write(traceFile, b.toString());
        }
        for (Row r : rows) {
            if (r.failure() != null || r.result().offload().status() != local.status()
                    || !r.result().offload().stdout().equals(local.stdout())) {
                return Math.max(1, local.status());
            }
        }
        return local.status();
    }

    /** The bound of the first policy that offers one (after its run), or null. */
    private static Bound bound(List<Row> rows) {
        for (Row r : rows) {
            if (r.policy() instanceof CompletionBound b && r.result() != null) {
                long ns = b.completionBoundNanos();
                // No bound computed: the oracle's own run time stands in, marked approximate.
                return ns >= 0 ? new Bound(ns, b.boundIsExact()) : new Bound(r.result().offload().timeNanos(), false);
            }
        }
        return null;
    }

    private record Bound(long nanos, boolean exact) {
    }

    private static void printTable(OffloadRun.Side local, List<Row> rows, String phone, String server, String link,
                                   long seed, PrintStream err) {
        Bound bound = bound(rows);
        err.printf(Locale.ROOT, "comet: phone on %s, server on %s, link %s, seed %d%n", phone, server, link, seed);
        err.printf(Locale.ROOT, "comet: local baseline %.6f s%s%n", local.timeNanos() / 1e9,
                local.energy() == null ? "" : String.format(Locale.ROOT, ", %.4f J", local.energy().totalJoules()));
        int width = Math.max(6, rows.stream().mapToInt(r -> r.policy().name().length()).max().orElse(6));
        String head = String.format(Locale.ROOT, "%-" + width + "s  %12s  %8s%s  %10s  %12s  %10s  %s", "policy", "time s",
                "speed-up", bound == null ? "" : String.format(Locale.ROOT, "  %9s", "vs oracle"), "migrations", "bytes",
                "energy J", "output");
        err.println("comet: " + head);
        for (Row r : rows) {
            String name = r.policy().name();
            if (r.result() == null) {
                err.printf(Locale.ROOT, "comet: %-" + width + "s  FAILED: %s%n", name, r.failure());
                continue;
            }
            OffloadRun.Result x = r.result();
            long t = x.offload().timeNanos();
            String vs = bound == null ? "" : String.format(Locale.ROOT, "  %9s",
                    (bound.exact() ? "" : "~") + String.format(Locale.ROOT, "%.3fx", (double) t / bound.nanos()));
            String migrations = x.phone().migrationsOut() + "/" + x.server().migrationsOut();
            long bytes = x.phone().wireBytesSent() + x.server().wireBytesSent();
            String energy = x.offload().energy() == null ? "-"
                    : String.format(Locale.ROOT, "%.4f", x.offload().energy().totalJoules());
            boolean same = x.offload().stdout().equals(local.stdout()) && x.offload().status() == local.status();
            err.printf(Locale.ROOT, "comet: %-" + width + "s  %12.6f  %7.3fx%s  %10s  %12d  %10s  %s%n", name, t / 1e9,
                    x.speedup(), vs, migrations, bytes, energy, same ? "same" : "DIFFERS");
        }
        err.println("comet: migrations: to the server / back; bytes: on the wire, both directions"
                + (bound == null ? "" : "; vs oracle: time / the oracle's bound (~: approximate)"));
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
