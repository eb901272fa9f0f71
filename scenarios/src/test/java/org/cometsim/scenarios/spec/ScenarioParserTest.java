package org.cometsim.scenarios.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cometsim.device.energy.RadioKind;
import org.cometsim.scenarios.yaml.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenario format: what it accepts, and that every mistake names file, line, column, field and what is allowed. */
class ScenarioParserTest {
    @TempDir
    Path dir;

    private Scenario parse(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return ScenarioParser.read(f);
    }

    private String error(String yaml) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return assertThrows(ScenarioException.class, () -> ScenarioParser.read(f)).getMessage();
    }

    @Test
    void defaultsAndShorthands() throws Exception {
        Scenario s = parse("app: mandelbrot\n");
        assertEquals("mandelbrot", s.app().label());
        assertEquals("small", s.app().size());
        assertEquals("phone-2012-hummingbird-portable", s.phone().label());
        assertEquals("comet-wifi", s.link().label());
        assertEquals("comet", s.policy());
        assertEquals("aro-captivate", s.energy());
        assertEquals(1, s.seed());
        assertTrue(s.compression());
    }

    @Test
    void unitsInValuesAndInlineLinks() throws Exception {
        Scenario s = parse("""
                app: {workload: nqueens, size: medium}
                link: {preset: comet-3g, rtt: 100ms, loss: 0.01, outages: [{start: 1s, duration: 500ms}]}
                energy: none
                failures: [2s, 500ms]
                jit: off
                time_limit: 90s
                """);
        assertEquals(90_000_000_000L, s.timeLimitNanos());
        assertEquals("medium", s.app().size());
        assertEquals("inline", s.link().label());
        assertEquals(RadioKind.UMTS_3G, s.link().radio());
        assertNull(s.energyModel());
        assertEquals(List.of(500_000_000L, 2_000_000_000L), s.failAtNanos());
        var model = s.link().factory().apply(new org.cometsim.sim.RandomStreams(1));
        assertEquals(50_000_000L, model.minimumLatencyNanos());
        assertEquals(1, model.outages().windows().size());
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws Exception {
        String m = error("app: mandelbrot\nlink: [comet-wifi\n");
        assertTrue(m.startsWith(dir.resolve("s.yaml") + ":"), m);
        assertTrue(m.contains("malformed YAML"), m);
    }

    @Test
    void unknownKeySuggestsTheNearest() throws Exception {
        String m = error("app: mandelbrot\npolcy: comet\n");
        assertTrue(m.contains("s.yaml:2:1: unknown key 'polcy' (did you mean 'policy'?)"), m);
        m = error("app: mandelbrot\nlink: {preset: comet-wifi, latncy: 5ms}\n");
        assertTrue(m.contains(":2:28: link: unknown key 'latncy' (did you mean 'latency'?)"), m);
    }

    @Test
    void wrongTypes() throws Exception {
        String m = error("app: mandelbrot\nseed: abc\n");
        assertTrue(m.contains("s.yaml:2:7: seed: found text 'abc'; allowed: a whole number"), m);
        m = error("app: mandelbrot\nfailures: 2s\n");
        assertTrue(m.contains(":2:11: failures: found text '2s'; allowed: a list of times"), m);
        m = error("app: mandelbrot\nlink: {preset: comet-wifi, latency: [1, 2]}\n");
        assertTrue(m.contains("link.latency: found a list; allowed: a single value"), m);
    }

    @Test
    void impossibleValues() throws Exception {
        String m = error("app: mandelbrot\nlink: {preset: comet-wifi, uplink: -5Mbps}\n");
        assertTrue(m.contains("s.yaml:2:36: link.uplink: found text '-5Mbps'; allowed: a positive data rate"), m);
        m = error("app: mandelbrot\nlink: {preset: comet-wifi, loss: 1.5}\n");
        assertTrue(m.contains("link.loss: found '1.5'; allowed: a number in [0.0, 1.0)"), m);
        m = error("app: mandelbrot\nfailures: [-1s]\n");
        assertTrue(m.contains("failures[0]"), m);
        m = error("app: mandelbrot\ntime_limit: 0s\n");
        assertTrue(m.contains("time_limit: must be positive"), m);
        m = error("app: mandelbrot\ntime_limit: [1s]\n");
        assertTrue(m.contains("time_limit: found a list"), m);
        m = error("app: mandelbrot\nlink: {preset: comet-wifi, latency: 20}\n");
        assertTrue(m.contains("link.latency: found '20'; allowed: a time with a unit"), m);
    }

    @Test
    void unknownNamesListTheValidOnes() throws Exception {
        String m = error("app: mandelbrott\n");
        assertTrue(m.contains("s.yaml:1:6: app: found 'mandelbrott' (did you mean 'mandelbrot'?); allowed: "), m);
        m = error("app: mandelbrot\nlink: comet-wfi\n");
        assertTrue(m.contains("(did you mean 'comet-wifi'?)"), m);
        m = error("app: mandelbrot\npolicy: sometimes\n");
        assertTrue(m.contains("s.yaml:2:9: policy: found 'sometimes'; unknown policy"), m);
        m = error("app: mandelbrot\nphone: {preset: nokia}\n");
        assertTrue(m.contains("phone.preset: found 'nokia'"), m);
    }

    @Test
    void missingFiles() throws Exception {
        String m = error("app: mandelbrot\nlink: {trace: {uplink: nope.up, downlink: nope.down}}\n");
        assertTrue(m.contains("link.trace.uplink: no such file: " + dir.resolve("nope.up")), m);
        m = error("app: {jar: missing.jar, main: Main}\n");
        assertTrue(m.contains("s.yaml:1:12: app.jar: no such file"), m);
        Path none = dir.resolve("absent.yaml");
        assertEquals(none + ": no such file", assertThrows(ScenarioException.class, () -> ScenarioParser.read(none)).getMessage());
    }

    @Test
    void emptyFileAndDuplicateKeys() throws Exception {
        assertTrue(error("").contains("the file is empty"));
        String m = error("app: mandelbrot\nseed: 1\nseed: 2\n");
        assertTrue(m.contains(":3:1: key 'seed' given twice (first at line 2)"), m);
    }
}
