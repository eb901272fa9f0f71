package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code comet run --policy a,b,c}: one baseline, one table, a JSON array with one object per policy. */
class PolicyComparisonTest {
    @TempDir
    Path dir;

    private static String[] comet(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void tableAndJsonArrayForEveryPolicyOnOneBaseline() throws Exception {
        Path json = dir.resolve("runs.json");
        Path trace = dir.resolve("runs.trace");
        String[] r = comet("run", "--workload", "mandelbrot", "--policy", "never,threshold:50ms,comet-2rtt",
                "--json", json.toString(), "--trace", trace.toString());
        // The program's output once (the local run's).
        assertEquals(1, r[0].split("checksum=", -1).length - 1, r[0]);
        String err = r[1];
        Matcher base = Pattern.compile("local baseline ([0-9.]+) s").matcher(err);
        assertTrue(base.find(), err);
        double local = Double.parseDouble(base.group(1));
        // One row per policy: name, time, speed-up = local / time, migrations, bytes, energy, output.
        Pattern row = Pattern.compile("comet: (\\S+)\\s+([0-9.]+)\\s+([0-9.]+)x\\s+(\\d+)/(\\d+)\\s+(\\d+)\\s+([0-9.]+)\\s+same");
        Matcher m = row.matcher(err);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            double t = Double.parseDouble(m.group(2));
            assertEquals(local / t, Double.parseDouble(m.group(3)), 0.002, m.group());
            if (m.group(1).equals("never")) {
                assertEquals(local, t, 1e-6, "never is the local run (plus the idle connection)");
                assertEquals("0", m.group(4));
            } else {
                assertEquals("1", m.group(4), "mandelbrot's long phase goes once: " + m.group());
                assertTrue(t < local, m.group());
            }
        }
        assertEquals(List.of("never", "threshold:50ms", "comet-2rtt"), names, err);
        assertTrue(!err.contains("vs oracle"), "no oracle among them: no column");
        // The JSON array: one comet-run/1 object per policy, in order, all against the same baseline.
        String j = Files.readString(json).strip();
        assertTrue(j.startsWith("[") && j.endsWith("]"), j);
        Matcher schema = Pattern.compile("\"schema\": \"comet-run/1\"").matcher(j);
        int objects = 0;
        while (schema.find()) {
            objects++;
        }
        assertEquals(3, objects);
        Matcher policy = Pattern.compile("\"policy\": \"([^\"]+)\"").matcher(j);
        List<String> inJson = new java.util.ArrayList<>();
        while (policy.find()) {
            inJson.add(policy.group(1));
        }
        assertEquals(names, inJson);
        Matcher locals = Pattern.compile("\"local_time_s\": ([0-9.]+)").matcher(j);
        while (locals.find()) {
            assertEquals(local, Double.parseDouble(locals.group(1)), 1e-6);
        }
        // The trace: every line tagged with its run; each migration's decision is there.
        List<String> lines = Files.readAllLines(trace);
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"run\":\"")), lines.get(0));
        assertEquals(2, lines.stream().filter(l -> l.contains("\"event\":\"decision\"") && l.contains("\"decided\":\"migrate\""))
                .count());
        // Deterministic: the same command again writes byte-identical results and traces. Through
        // -cp on one extracted copy: each --workload run extracts the dex into a new temporary
        // directory, and the phone's Hello names the file (its path length shows in bytes_up).
        BuiltInWorkloads.Resolved w = BuiltInWorkloads.resolve("mandelbrot", "small");
        List<String> cmd = new java.util.ArrayList<>(List.of("run", "--policy", "never,threshold:50ms,comet-2rtt",
                "--json", "", "--trace", "", "-cp", w.classPath(), w.mainClass()));
        cmd.addAll(List.of(w.args()));
        Path json1 = dir.resolve("first.json");
        Path trace1 = dir.resolve("first.trace");
        cmd.set(4, json1.toString());
        cmd.set(6, trace1.toString());
        String[] first = comet(cmd.toArray(new String[0]));
        Path json2 = dir.resolve("again.json");
        Path trace2 = dir.resolve("again.trace");
        cmd.set(4, json2.toString());
        cmd.set(6, trace2.toString());
        String[] again = comet(cmd.toArray(new String[0]));
        assertEquals(first[1], again[1]);
        assertEquals(Files.readString(json1), Files.readString(json2));
        assertEquals(Files.readString(trace1), Files.readString(trace2));
    }

    /** Stands in for the oracle: never migrates, and claims a completion bound of 100 ms. */
    public static final class HundredMsBound implements org.cometsim.offload.policy.OffloadPolicy,
            org.cometsim.offload.policy.CompletionBound {
        @Override
        public String name() {
            return "bound-100ms";
        }

        @Override
        public boolean migrate(Decision d) {
            return false;
        }

        @Override
        public long completionBoundNanos() {
            return 100_000_000L;
        }

        @Override
        public boolean boundIsExact() {
            return true;
        }
    }

    /** With a policy that offers a bound, every row shows its time over that bound. */
    @Test
    void theVsOracleColumnDividesByTheBound() {
        String err = comet("run", "--workload", "mandelbrot", "--policy",
                "threshold:50ms,class:" + HundredMsBound.class.getName())[1];
        assertTrue(err.contains("vs oracle"), err);
        Pattern row = Pattern.compile("comet: (\\S+)\\s+([0-9.]+)\\s+([0-9.]+)x\\s+([0-9.]+)x\\s+\\d+/\\d+");
        Matcher m = row.matcher(err);
        int rows = 0;
        while (m.find()) {
            rows++;
            assertEquals(Double.parseDouble(m.group(2)) / 0.1, Double.parseDouble(m.group(4)), 0.002, m.group());
        }
        assertEquals(2, rows, err);
    }
}
