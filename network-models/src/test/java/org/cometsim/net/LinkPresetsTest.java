package org.cometsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cometsim.sim.RandomStreams;
import org.junit.jupiter.api.Test;

class LinkPresetsTest {

    @Test
    void indexListsEveryPresetFile() throws Exception {
        URL dir = getClass().getClassLoader().getResource("presets/links");
        List<String> files = Arrays.stream(new File(dir.toURI()).list())
                .filter(f -> f.endsWith(".yaml")).map(f -> f.substring(0, f.length() - 5)).sorted()
                .collect(Collectors.toList());
        assertEquals(files, LinkPresets.names().stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void everyPresetLoadsAndCitesEveryConstant() {
        for (String n : LinkPresets.names()) {
            LinkPreset p = LinkPresets.load(n);
            assertFalse(p.description().isBlank(), n);
            assertFalse(p.sources().isEmpty(), n);
            p.sources().values().forEach(s -> assertFalse(s.isBlank(), n));
            LinkModel m = LinkModels.create(p.spec(), new RandomStreams(0));
            Delivery d = m.send(Direction.UP, 0, 1024);
            assertTrue(d.deliveredNanos() > 0, n);
        }
    }

    @Test
    void threeGPresetMatchesHandDerivation() {
        LinkModel l = LinkModels.preset("3g-hspa", new RandomStreams(0));
        Delivery d = l.send(Direction.DOWN, 0, 100_000);
        // ceil(100000/1448) = 70 segments; 100000 + 70·52 = 103640 B; ·8 / 1.41e6 + 0.1 s.
        assertEquals(103_640 * 8 / 1.41e6 + 0.1, d.deliveredNanos() / 1e9, 1e-9, "= 0.688028 s");
    }

    @Test
    void traceDrivenPresetReplaysItsSyntheticTrace() {
        LinkModel l = LinkModels.preset("trace-synthetic-step", new RandomStreams(0));
        Delivery d = l.send(Direction.DOWN, 0, 14_480); // 10 full segments = 10 opportunities
        assertEquals(0.010 + 0.020, d.deliveredNanos() / 1e9, 1e-9, "opportunities at 1..10 ms, + 20 ms delay");
    }
}
