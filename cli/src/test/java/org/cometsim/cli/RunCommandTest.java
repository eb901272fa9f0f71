package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.cometsim.device.cpu.CpuPresets;
import org.cometsim.device.energy.EnergyPresets;
import org.cometsim.net.LinkPresets;
import org.cometsim.offload.policy.Policies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code comet run}: the summary on stderr, the {@code --json} result against the schema table of
 * {@code offload/README.md} (every documented key, in order, with the units its name says), the
 * {@code --trace} JSON lines against the README's event list, {@code --fail-at} (the summary's
 * failures line and the JSON {@code failures} object), and usage errors (one line naming the valid
 * values, exit status 2). One offloaded run of mandelbrot at size small under {@code always} over
 * comet-wifi (a fraction of a second of simulated time) serves the first three.
 */
class RunCommandTest {
    private static final Path README = Path.of("..", "offload", "README.md");

    @TempDir
    static Path dir;
    private static Run always;

    /** One {@code comet run}: exit status, both streams, and the files it wrote. */
    record Run(int status, String stdout, String stderr, JsonObject json, List<String> traceLines, String traceText) {
    }

    @BeforeAll
    static void runMandelbrotOffloaded() throws IOException {
        always = run("always", "--workload", "mandelbrot", "--size", "small", "--policy", "always");
    }

    /** {@code comet run ARGS --json F --trace F}, in this JVM; F under the test's directory, named by {@code name}. */
    private static Run run(String name, String... args) throws IOException {
        Path json = dir.resolve(name + ".json");
        Path trace = dir.resolve(name + ".jsonl");
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        all.addAll(List.of("--json", json.toString(), "--trace", trace.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String traceText = Files.readString(trace, StandardCharsets.UTF_8);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject(),
                traceText.lines().toList(), traceText);
    }

    @Test
    void printsTheProgramsOutputThenASummaryThatAgreesWithTheJsonResult() throws Exception {
        assertEquals(0, always.status(), always.stderr());
        assertTrue(always.stdout().startsWith("mandelbrot size=small"), always.stdout());
        assertEquals(sha256(always.stdout()), always.json().get("stdout_sha256_offload").getAsString(),
                "stdout is the offloaded run's output, unchanged");
        JsonObject j = always.json();
        List<String> lines = always.stderr().lines().toList();
        for (String l : lines) {
            assertTrue(l.startsWith("comet: "), "every summary line is marked: " + l);
        }
        assertEquals("comet: phone on phone-2012-hummingbird-portable, server on server-2012-portable, link comet-wifi,"
                + " policy always", lines.get(0));
        List<String> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            rows.add(l.substring("comet:   ".length(), "comet:   ".length() + 16).strip());
        }
        // Rows that appear only when there is something to list: failures, forced returns, pinned threads.
        Set<String> optional = Set.of("failures", "forced return", "pinned by state");
        assertTrue(optional.containsAll(rows.subList(7, rows.size() - 2)), always.stderr());
        rows.removeAll(optional);
        assertEquals(List.of("local time", "offloaded time", "migrations", "syncs", "bytes on wire", "instructions", "time",
                "energy", "output"), rows, always.stderr());

        assertEquals(j.get("local_time_s").getAsDouble(), number(always.stderr(), "local time\\s+([0-9.]+) s"), 1e-6);
        assertEquals(j.get("offload_time_s").getAsDouble(), number(always.stderr(), "offloaded time\\s+([0-9.]+) s"), 1e-6);
        assertEquals(j.get("speedup").getAsDouble(), number(always.stderr(), "speed-up ([0-9.]+)x"), 1e-3);
        JsonObject migrations = j.getAsJsonObject("migrations");
        assertEquals(migrations.get("to_server").getAsLong(), (long) number(always.stderr(), "migrations\\s+(\\d+) to the server"));
        assertEquals(migrations.get("to_phone").getAsLong(), (long) number(always.stderr(), "migrations\\s+\\d+ to the server, (\\d+) back"));
        assertEquals(j.get("bytes_up").getAsLong(), (long) number(always.stderr(), "bytes on wire\\s+(\\d+) up"));
        assertEquals(j.get("bytes_down").getAsLong(), (long) number(always.stderr(), "bytes on wire\\s+\\d+ up, (\\d+) down"));
        assertEquals(j.getAsJsonObject("energy_j").get("total").getAsDouble(),
                number(always.stderr(), "J local, ([0-9.]+) J offloaded"), 1e-4);
        assertTrue(lines.get(lines.size() - 1).matches("comet:   output +same as the local run \\(sha256 "
                + j.get("stdout_sha256_offload").getAsString().substring(0, 16) + "\\)"), always.stderr());
        assertFalse(always.stderr().contains("failures"), "no failures line without failures");
    }

    @Test
    void theJsonResultHasEveryDocumentedFieldInOrderWithTheUnitsItsNamesSay() throws Exception {
        JsonObject j = always.json();
        assertEquals(documentedFields(), new ArrayList<>(j.keySet()), "keys and order of offload/README.md's schema table");
        assertEquals("comet-run/1", j.get("schema").getAsString());
        assertEquals("phone-2012-hummingbird-portable", j.get("phone").getAsString());
        assertEquals("server-2012-portable", j.get("server").getAsString());
        assertEquals("comet-wifi", j.get("link").getAsString());
        assertEquals("always", j.get("policy").getAsString());
        assertEquals("aro-captivate", j.get("energy_model").getAsString());
        assertEquals(1, j.get("seed").getAsLong());
        assertTrue(j.get("compression").getAsBoolean());
        assertEquals(0, j.get("exit_status").getAsInt());

        double local = j.get("local_time_s").getAsDouble();
        double offload = j.get("offload_time_s").getAsDouble();
        assertEquals(local / offload, j.get("speedup").getAsDouble(), 1e-6 * local / offload);
        // Seconds, not nanoseconds or milliseconds: the trace stamps events in ns, and the run ends
        // after its last event, within a second here.
        long lastEventNanos = lastEventNanos(always.traceLines());
        assertTrue(offload >= lastEventNanos / 1e9 && offload < 1, offload + " s vs last event at " + lastEventNanos + " ns");
        assertTrue(local > offload, "mandelbrot gains from the 2012 server under always: " + local + " vs " + offload);

        JsonObject migrations = j.getAsJsonObject("migrations");
        assertEquals(Set.of("to_server", "to_phone"), migrations.keySet());
        assertTrue(migrations.get("to_server").getAsLong() >= 1, "always offloads");
        JsonObject syncs = j.getAsJsonObject("syncs_by_direction");
        assertEquals(Set.of("up", "down"), syncs.keySet());
        assertEquals(j.get("syncs").getAsLong(), syncs.get("up").getAsLong() + syncs.get("down").getAsLong());
        assertEquals(count(always.traceLines(), "sync"), j.get("syncs").getAsLong(), "one trace event per sync");
        // Wire bytes: the app code goes up compressed inside them; messages are counted before zlib.
        assertTrue(j.get("bytes_up").getAsLong() > j.get("app_code_bytes").getAsLong() / 2, j.toString());
        assertTrue(j.get("message_bytes_up").getAsLong() > 0 && j.get("message_bytes_down").getAsLong() > 0);
        assertTrue(j.get("dirty_payload_bytes").getAsLong() > 0);
        assertEquals(Map.of("connections_lost", 0L, "threads_recovered", 0L, "reconnections", 0L),
                longs(j.getAsJsonObject("failures")));
        long total = j.get("instructions_total").getAsLong();
        long onServer = j.get("instructions_on_server").getAsLong();
        assertTrue(onServer > total / 2 && onServer <= total, onServer + " of " + total);
        JsonObject breakdown = j.getAsJsonObject("time_breakdown_s");
        assertEquals(List.of("phone_busy", "server_busy", "neither_busy"), new ArrayList<>(breakdown.keySet()));
        for (String k : breakdown.keySet()) {
            double s = breakdown.get(k).getAsDouble();
            assertTrue(s >= 0 && s <= offload, k + " = " + s + " s within the run's " + offload + " s");
        }
        assertTrue(j.get("forced_returns").isJsonObject());
        assertTrue(j.getAsJsonObject("pinned_by_host_state").keySet().isEmpty(), "mandelbrot holds no host state");
        for (String k : List.of("energy_j", "energy_local_j")) {
            JsonObject e = j.getAsJsonObject(k);
            assertEquals(List.of("total", "cpu", "radio", "radio_by_state"), new ArrayList<>(e.keySet()));
            double radio = 0;
            for (Map.Entry<String, JsonElement> s : e.getAsJsonObject("radio_by_state").entrySet()) {
                radio += s.getValue().getAsDouble();
            }
            assertEquals(e.get("radio").getAsDouble(), radio, 1e-8, k + ": radio is the sum over states");
            assertEquals(e.get("total").getAsDouble(), e.get("cpu").getAsDouble() + radio, 1e-8, k);
            // Joules of a phone busy for a fraction of a second: not millijoules.
            assertTrue(e.get("total").getAsDouble() > 0 && e.get("total").getAsDouble() < 5, k + ": " + e);
        }
        assertTrue(j.get("stdout_sha256_local").getAsString().matches("[0-9a-f]{64}"));
        assertEquals(j.get("stdout_sha256_local").getAsString(), j.get("stdout_sha256_offload").getAsString());
    }

    @Test
    void theTraceIsJsonLinesOfDocumentedEventsInTimeOrder() throws Exception {
        Set<String> seen = checkTrace(always);
        assertTrue(seen.containsAll(List.of("phone connect", "phone migrate_out", "server migrate_in", "phone sync",
                "server sync")), seen.toString());
    }

    /** Every line of the run's trace is a JSON object of a documented event with documented fields, in time order. */
    private static Set<String> checkTrace(Run run) throws IOException {
        assertTrue(run.traceText().endsWith("\n"), "every line ends");
        Map<String, Set<String>> documented = documentedEvents();
        long previous = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (String line : run.traceLines()) {
            JsonObject e = JsonParser.parseString(line).getAsJsonObject();
            List<String> keys = new ArrayList<>(e.keySet());
            assertEquals(List.of("t_ns", "endpoint", "event"), keys.subList(0, 3), line);
            long t = e.get("t_ns").getAsLong();
            assertEquals(e.get("t_ns").getAsString(), Long.toString(t), "whole nanoseconds: " + line);
            assertTrue(t >= previous, "sorted by simulated time: " + line);
            previous = t;
            assertTrue(e.get("endpoint").getAsString().matches("phone|server(#[2-9][0-9]*)?"), line);
            String event = e.get("event").getAsString();
            assertTrue(documented.containsKey(event), "undocumented event " + event + " (documented: " + documented.keySet() + ")");
            Set<String> fields = new LinkedHashSet<>(keys.subList(3, keys.size()));
            assertTrue(documented.get(event).containsAll(fields), event + " has undocumented fields: " + line
                    + " (documented: " + documented.get(event) + ")");
            seen.add(e.get("endpoint").getAsString() + " " + event);
        }
        return seen;
    }

    /**
     * {@code --fail-at} inside the thread's stay on the server (from the failure-free run's trace):
     * the connection fails there, the phone resumes the thread, the output is the local run's, and
     * the summary's failures line and the JSON {@code failures} object say so with the same counts.
     */
    @Test
    void aFailureAtAGivenInstantIsRecoveredAndReported() throws Exception {
        long arrived = eventNanos(always.traceLines(), "server", "migrate_in");
        long left = eventNanos(always.traceLines(), "server", "migrate_out");
        long at = arrived + (left - arrived) / 2;
        Run r = run("failure", "--workload", "mandelbrot", "--size", "small", "--policy", "always", "--fail-at", at + "ns");
        assertEquals(0, r.status(), r.stderr());
        assertEquals(always.stdout(), r.stdout(), "the output survives the failure");
        JsonObject failures = r.json().getAsJsonObject("failures");
        assertEquals(List.of("connections_lost", "threads_recovered", "reconnections"), new ArrayList<>(failures.keySet()));
        assertEquals(1, failures.get("connections_lost").getAsLong(), r.stderr());
        assertTrue(failures.get("threads_recovered").getAsLong() >= 1, "the thread on the server resumed on the phone");
        Matcher m = Pattern.compile("comet:   failures +(\\d+) connection\\(s\\) lost, (\\d+) thread\\(s\\) resumed on"
                + " the phone, (\\d+) reconnection\\(s\\)\n").matcher(r.stderr());
        assertTrue(m.find(), r.stderr());
        assertEquals(failures.get("connections_lost").getAsLong(), Long.parseLong(m.group(1)));
        assertEquals(failures.get("threads_recovered").getAsLong(), Long.parseLong(m.group(2)));
        assertEquals(failures.get("reconnections").getAsLong(), Long.parseLong(m.group(3)));
        assertEquals(at, eventNanos(r.traceLines(), "phone", "connection_lost"), "the failure happened when asked");
        assertTrue(Pattern.compile("output +same as the local run").matcher(r.stderr()).find(), r.stderr());
        Set<String> events = checkTrace(r);
        assertTrue(events.containsAll(List.of("phone connection_lost", "phone recovered")), events.toString());
    }

    @Test
    void failAtTakesTimesWithUnitsAndSortsThem() {
        assertEquals(List.of(1_000L, 500_000_000L, 2_500_000_000L), RunCommand.failTimes("2.5s,500ms, 1us"));
        assertEquals(List.of(0L), RunCommand.failTimes("0ns"));
        for (String bad : List.of("500", "", "1s,", "ten ms", "-1s", "1 fortnight")) {
            CometCli.UsageException e = assertThrows(CometCli.UsageException.class, () -> RunCommand.failTimes(bad), bad);
            assertTrue(e.getMessage().startsWith("--fail-at: "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    /** Unknown preset names: one line that names every valid value. */
    @Test
    void unknownPresetsAndPoliciesAreUsageErrorsNamingTheValidOnes() {
        Map<List<String>, List<String>> cases = new LinkedHashMap<>();
        cases.put(List.of("--phone", "nokia-3310"), CpuPresets.names());
        cases.put(List.of("--server", "cray-1"), CpuPresets.names());
        cases.put(List.of("--link", "carrier-pigeon"), LinkPresets.names());
        cases.put(List.of("--energy", "solar"), EnergyPresets.names());
        for (Map.Entry<List<String>, List<String>> c : cases.entrySet()) {
            String message = usageError(c.getKey());
            assertTrue(message.startsWith(c.getKey().get(0) + ": unknown ") && message.contains("'" + c.getKey().get(1) + "'"),
                    message);
            assertFalse(message.contains("\n"), "one line: " + message);
            for (String valid : c.getValue()) {
                assertTrue(message.contains(valid), message + " should name " + valid);
            }
        }
    }

    /** A bad policy name: one line naming the valid ones on stderr, status 2 (comet run reports it itself). */
    @Test
    void anUnknownPolicyIsOneLineNamingTheValidOnesAndStatusTwo() {
        assertEquals("comet: --policy: unknown policy 'sometimes' (valid: " + String.join(", ", Policies.NAMES) + ")\n",
                policyError("sometimes"));
        assertEquals("comet: --policy: pingpong:N needs a whole N >= 1, not 'pingpong:0'\n", policyError("pingpong:0"));
        assertEquals("comet: --policy: pingpong:N needs a whole N >= 1, not 'pingpong:x'\n", policyError("pingpong:x"));
    }

    private static String policyError(String policy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(List.of("run", "--workload", "mandelbrot", "--policy", policy),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /** Sizes, numbers and times the options cannot take. */
    @Test
    void badSizesNumbersAndUnitsAreUsageErrors() {
        assertEquals("--size must be small, medium or paper", usageError(List.of("--size", "huge")));
        assertEquals("--seed must be a whole number, not '1.5'", usageError(List.of("--seed", "1.5")));
        assertEquals("--fail-at: '500' is not a time with a unit (e.g. 500ms, 2s)", usageError(List.of("--fail-at", "500")));
        assertEquals("--fail-at: '-2s' is before the start of the run", usageError(List.of("--fail-at", "-2s")));
        assertEquals("--jit must be on, off or eager, not 'maybe'", usageError(List.of("--jit", "maybe")));
        assertEquals("--json needs a value", usageError(List.of("--json")));
        assertTrue(usageError(List.of("--bogus", "1")).startsWith("run: unknown option --bogus\nusage: comet run"));
    }

    /** The process's side of a usage error: the message and a pointer to help on stderr, nothing on stdout, status 2. */
    @Test
    void aUsageErrorExitsWithStatusTwo() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
                CometCli.class.getName(), "run", "--workload", "mandelbrot", "--link", "carrier-pigeon");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("COMET_DEBUG");
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path out = dir.resolve("usage.out");
        Path err = dir.resolve("usage.err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "a hang guard, not a timing check");
        assertEquals(2, p.exitValue());
        assertEquals("", Files.readString(out));
        assertEquals("comet: --link: unknown link preset 'carrier-pigeon' (valid: " + String.join(", ", LinkPresets.names())
                + ")\nrun 'comet help' for usage\n", Files.readString(err).replace(System.lineSeparator(), "\n"));
    }

    /** The message of the usage error {@code comet run --workload mandelbrot ARGS} raises before running anything. */
    private static String usageError(List<String> args) {
        List<String> all = new ArrayList<>(List.of("run", "--workload", "mandelbrot"));
        all.addAll(args);
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return assertThrows(CometCli.UsageException.class, () -> CometCli.run(all, sink, sink), all.toString()).getMessage();
    }

    /** The field names of offload/README.md's result schema table, in order. */
    static List<String> documentedFields() throws IOException {
        String doc = Files.readString(README, StandardCharsets.UTF_8);
        String table = doc.substring(doc.indexOf("### Result schema"), doc.indexOf("### Trace"));
        List<String> fields = new ArrayList<>();
        Pattern name = Pattern.compile("`([a-z0-9_]+)`");
        for (String line : table.lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            Matcher m = name.matcher(line.substring(0, line.indexOf('|', 1)));
            while (m.find()) {
                fields.add(m.group(1));
            }
        }
        assertTrue(fields.size() > 20, "parsed the table: " + fields);
        return fields;
    }

    /** The README's trace events, each with its documented fields ({@code `event` (`field`, ...)}). */
    static Map<String, Set<String>> documentedEvents() throws IOException {
        String doc = Files.readString(README, StandardCharsets.UTF_8);
        int from = doc.indexOf("Events: ");
        String list = doc.substring(from, doc.indexOf("\n\n", from));
        Map<String, Set<String>> events = new LinkedHashMap<>();
        Matcher m = Pattern.compile("`([a-z_]+)`(?:\\s*\\(([^)]*)\\))?").matcher(list);
        while (m.find()) {
            Set<String> fields = new LinkedHashSet<>();
            if (m.group(2) != null) {
                Matcher f = Pattern.compile("`([a-z_]+)`").matcher(m.group(2));
                while (f.find()) {
                    fields.add(f.group(1));
                }
            }
            events.put(m.group(1), fields);
        }
        // An event with a paragraph of its own ("**`decision`**: ... Fields: `a`, `b` (...), ...").
        for (Map.Entry<String, Set<String>> e : events.entrySet()) {
            int own = doc.indexOf("**`" + e.getKey() + "`**:");
            if (own < 0) {
                continue;
            }
            String paragraph = doc.substring(own, doc.indexOf("\n\n", own));
            Matcher fieldsFrom = Pattern.compile("Fields: (.*?)\\.\\s+[A-Z]", Pattern.DOTALL).matcher(paragraph);
            assertTrue(fieldsFrom.find(), paragraph);
            String fields = fieldsFrom.group(1).replaceAll("\\([^()]*(\\([^()]*\\)[^()]*)*\\)", "");
            Matcher f = Pattern.compile("`([A-Za-z_]+)`").matcher(fields);
            while (f.find()) {
                e.getValue().add(f.group(1));
            }
        }
        assertTrue(events.keySet().containsAll(List.of("connect", "migrate_out", "sync", "connection_lost")), events.toString());
        return events;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }

    private static long count(List<String> trace, String event) {
        return trace.stream().filter(l -> l.contains("\"event\":\"" + event + "\"")).count();
    }

    private static long lastEventNanos(List<String> trace) {
        return JsonParser.parseString(trace.get(trace.size() - 1)).getAsJsonObject().get("t_ns").getAsLong();
    }

    /** The time of the first {@code event} at {@code endpoint}. */
    private static long eventNanos(List<String> trace, String endpoint, String event) {
        for (String l : trace) {
            JsonObject e = JsonParser.parseString(l).getAsJsonObject();
            if (e.get("endpoint").getAsString().equals(endpoint) && e.get("event").getAsString().equals(event)) {
                return e.get("t_ns").getAsLong();
            }
        }
        throw new AssertionError("no " + endpoint + " " + event + " in\n" + String.join("\n", trace));
    }

    private static Map<String, Long> longs(JsonObject o) {
        Map<String, Long> m = new LinkedHashMap<>();
        o.entrySet().forEach(e -> m.put(e.getKey(), e.getValue().getAsLong()));
        return m;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
