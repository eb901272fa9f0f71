package org.cometsim.scenarios.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.scenarios.results.ResultsStore;
import org.cometsim.scenarios.spec.HelloJar;
import org.cometsim.scenarios.spec.ScenarioRunner;
import org.cometsim.scenarios.spec.Sweep;
import org.cometsim.scenarios.yaml.ScenarioException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on a tiny program: a point's stored row does not depend on the number of threads or on
 * sharding, a rerun skips finished points, and foreign or corrupt databases are refused unchanged.
 */
class SweepRunnerTest {
    @TempDir
    Path dir;
    Path sweepFile;

    static final String SWEEP = """
            name: tiny
            base:
              app: {jar: hello.jar, main: Hello, args: ["100000"]}
              link: {preset: comet-wifi, jitter: 2ms}
            axes:
              policy: [never, always]
              link.rtt: [2ms, 60ms]
            replications: 2
            """;

    @BeforeEach
    void setUp() throws Exception {
        HelloJar.build(dir);
        sweepFile = dir.resolve("tiny.yaml");
        Files.writeString(sweepFile, SWEEP);
    }

    private SweepRunner.Outcome run(Path out, int jobs, int shard, int shards) {
        Sweep sweep = Sweep.read(sweepFile);
        try (ScenarioRunner runner = new ScenarioRunner(new D8Converter(dir.resolve("d8")));
             ResultsStore store = ResultsStore.open(out, sweep.name(), sweep.axisNames(), "test")) {
            SweepRunner.Outcome o = new SweepRunner(runner, "test").run(sweep, store,
                    new SweepRunner.Options(jobs, shard, shards, null, false));
            store.exportCsv(out);
            return o;
        }
    }

    /** point_key -> every column but wall_s (host time). */
    static Map<String, List<Object>> rows(Path out) throws Exception {
        Map<String, List<Object>> m = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + out.resolve(ResultsStore.FILE).toAbsolutePath());
             Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT * FROM points")) {
            ResultSetMetaData md = r.getMetaData();
            while (r.next()) {
                List<Object> row = new java.util.ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    if (!md.getColumnName(i).equals("wall_s")) {
                        row.add(r.getObject(i));
                    }
                }
                m.put(r.getString("point_key"), row);
            }
        }
        return m;
    }

    @Test
    void resultsDoNotDependOnThreadsOrShards() throws Exception {
        Sweep sweep = Sweep.read(sweepFile);
        assertEquals(8, sweep.points().size());
        assertEquals(List.of("policy", "link.rtt", "seed"), sweep.axisNames());

        SweepRunner.Outcome one = run(dir.resolve("j1"), 1, 1, 1);
        assertEquals(new SweepRunner.Outcome(8, 0, 8, 0), one);
        run(dir.resolve("j2"), 2, 1, 1);
        Map<String, List<Object>> serial = rows(dir.resolve("j1"));
        assertEquals(8, serial.size());
        assertEquals(serial, rows(dir.resolve("j2")));

        SweepRunner.Outcome s1 = run(dir.resolve("s1"), 2, 1, 2);
        SweepRunner.Outcome s2 = run(dir.resolve("s2"), 1, 2, 2);
        assertEquals(4, s1.inShard());
        assertEquals(4, s2.inShard());
        try (ResultsStore merged = ResultsStore.open(dir.resolve("m"), "tiny", sweep.axisNames(), "test")) {
            assertEquals(4, merged.merge(dir.resolve("s1").resolve(ResultsStore.FILE)));
            assertEquals(4, merged.merge(dir.resolve("s2").resolve(ResultsStore.FILE)));
            assertEquals(0, merged.merge(dir.resolve("s1").resolve(ResultsStore.FILE)), "a merge adds nothing twice");
        }
        assertEquals(serial, rows(dir.resolve("m")));

        // The jitter draws from the seed and the RTT is swept: the stored values are real runs.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("j1").resolve(ResultsStore.FILE));
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT count(DISTINCT offload_time_s), min(status), max(status), "
                     + "count(*) FILTER (WHERE output_matches), max(migrations_to_server), "
                     + "string_agg(offload_time_s::VARCHAR, ' ') FROM points WHERE axis_policy = 'always'")) {
            r.next();
            // (Whether the program ends before the connection is ready depends on RTT and jitter.)
            assertTrue(r.getInt(1) >= 2 && r.getLong(5) >= 1, "offload times vary with RTT and seed: "
                    + r.getString(6) + "; migrations " + r.getLong(5));
            assertEquals("ok", r.getString(2));
            assertEquals("ok", r.getString(3));
            assertEquals(4, r.getInt(4));
        }
    }

    @Test
    void rerunSkipsFinishedPointsAndWritesSummary() throws Exception {
        Path out = dir.resolve("out");
        run(out, 2, 1, 1);
        Map<String, List<Object>> before = rows(out);
        assertEquals(new SweepRunner.Outcome(8, 8, 0, 0), run(out, 2, 1, 1));
        assertEquals(before, rows(out));
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(9, csv.size());
        assertTrue(csv.get(0).startsWith("point_key,point_index,status,error,app,app_size,axis_policy,axis_policy_value,"
                + "axis_link_rtt,axis_link_rtt_value,axis_seed,axis_seed_value,schema,phone,server,link,policy,"), csv.get(0));
        assertTrue(csv.get(0).contains(",energy_j_total,energy_j_cpu,energy_j_radio,energy_j_radio_by_state,"), csv.get(0));
        assertTrue(csv.get(0).endsWith(",output_matches,comet_version,wall_s"), csv.get(0));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("axis_policy,axis_link_rtt,metric,n,mean,stddev,ci95_low,ci95_high,geomean", summary.get(0));
        assertEquals(1 + 4 * 7, summary.size());
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("always,60ms,speedup,2,")), summary.toString());
    }

    @Test
    void corruptAndForeignDatabasesAreRefusedUnchanged() throws Exception {
        Sweep sweep = Sweep.read(sweepFile);
        Path corrupt = dir.resolve("corrupt");
        Files.createDirectories(corrupt);
        Files.writeString(corrupt.resolve(ResultsStore.FILE), "not a database");
        String m = assertThrows(ScenarioException.class,
                () -> ResultsStore.open(corrupt, "tiny", sweep.axisNames(), "test")).getMessage();
        assertTrue(m.contains("not a readable DuckDB database") && m.contains("nothing was changed"), m);
        assertEquals("not a database", Files.readString(corrupt.resolve(ResultsStore.FILE)));

        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Path db = foreign.resolve(ResultsStore.FILE);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id INTEGER)");
        }
        byte[] bytes = Files.readAllBytes(db);
        m = assertThrows(ScenarioException.class, () -> ResultsStore.open(foreign, "tiny", sweep.axisNames(), "test")).getMessage();
        assertTrue(m.contains("not a comet results database"), m);
        assertArrayEquals(bytes, Files.readAllBytes(db));

        Path other = dir.resolve("other");
        ResultsStore.open(other, "tiny", List.of("app"), "test").close();
        byte[] otherBytes = Files.readAllBytes(other.resolve(ResultsStore.FILE));
        m = assertThrows(ScenarioException.class, () -> ResultsStore.open(other, "tiny", sweep.axisNames(), "test")).getMessage();
        assertTrue(m.contains("with axes [\"app\"]") && m.contains("use another --out"), m);
        assertArrayEquals(otherBytes, Files.readAllBytes(other.resolve(ResultsStore.FILE)));
    }

    @Test
    void sweepFileMistakes() throws Exception {
        String m = sweepError("base: {app: mandelbrot}\naxes: {policy: []}\n");
        assertTrue(m.contains("s.yaml:2:16: axes.policy: an empty list: the sweep would have zero points"), m);
        m = sweepError("base: {app: mandelbrot}\naxes: {polcy: [comet]}\n");
        assertTrue(m.contains("unknown key 'polcy' (did you mean 'policy'?)"), m);
        m = sweepError("base: {app: mandelbrot}\naxes: {link.latncy: [5ms]}\n");
        assertTrue(m.contains("unknown key 'link.latncy' (did you mean 'link.latency'?)"), m);
        m = sweepError("base: {app: mandelbrot, link: comet-wifi}\naxes: {link.uplink: [1Mbps, -2Mbps]}\n");
        assertTrue(m.contains("s.yaml:2:29: link.uplink: found text '-2Mbps'"), m);
        m = sweepError("base: {app: mandelbrot}\naxes: {app: [fft2]}\n");
        assertTrue(m.contains("s.yaml:2:14: app: found 'fft2'"), m);
        m = sweepError("base: missing.yaml\n");
        assertTrue(m.contains("s.yaml:1:7: base: no such scenario file"), m);
        Files.writeString(dir.resolve("base.yaml"), "app: mandelbrot\nlink: {preset: comet-wifi, loss: 2}\n");
        m = sweepError("base: base.yaml\naxes: {policy: [comet]}\n");
        assertTrue(m.contains("base.yaml:2:34: link.loss: found '2'"), m);
        m = sweepError("base: {app: mandelbrot}\nreplications: 0\n");
        assertTrue(m.contains("replications: found 0; allowed: a whole number >= 1"), m);
    }

    private String sweepError(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return assertThrows(ScenarioException.class, () -> Sweep.read(f)).getMessage();
    }
}
