package org.cometsim.device.presets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cometsim.net.Direction;
import org.cometsim.net.LinkPresets;
import org.cometsim.sim.SimTime;
import org.junit.jupiter.api.Test;

class PresetCatalogTest {

    @Test
    void listCoversAllKindsWithUniqueNames() {
        List<PresetInfo> all = PresetCatalog.list();
        Set<String> names = new HashSet<>();
        for (PresetInfo p : all) {
            assertTrue(names.add(p.name()), "duplicate preset name " + p.name());
            assertTrue(!p.description().isBlank());
        }
        for (PresetKind k : PresetKind.values()) {
            assertTrue(all.stream().anyMatch(p -> p.kind() == k), k.name());
        }
        assertTrue(names.containsAll(List.of("wifi-80211g", "wifi-80211n", "3g-hspa", "lte", "comet-wifi", "comet-3g",
                "phone-2012-hummingbird-portable", "server-2012-portable", "phone-modern", "edge-server-modern",
                "aro-default")));
    }

    @Test
    void showHasYamlSourcesAndDerivedFiguresAndIsRepeatable() {
        for (PresetInfo p : PresetCatalog.list()) {
            String s = PresetCatalog.show(p.name());
            assertTrue(s.contains("## YAML") && s.contains("## Sources") && s.contains("## Derived figures"), p.name());
            assertEquals(s, PresetCatalog.show(p.name()), "side-effect free: same text twice");
        }
        assertThrows(IllegalArgumentException.class, () -> PresetCatalog.show("no-such-preset"));
    }

    @Test
    void linkFiguresComeFromTheLinkModel() {
        String s = PresetCatalog.show("lte");
        // 1 MB down: ceil(10^6/1448) = 691 segments, 10^6 + 691·52 = 1035932 B · 8 / 13e6 + 35 ms.
        long expected = SimTime.ofSeconds(1_035_932 * 8 / 13e6 + 0.035).nanos();
        assertEquals(expected, PresetCatalog.deliveryNanos(LinkPresets.load("lte"), Direction.DOWN, 1_000_000), 1);
        assertTrue(s.contains(SimTime.format(PresetCatalog.deliveryNanos(LinkPresets.load("lte"), Direction.DOWN, 1_000_000))));
    }

    @Test
    void cpuFigureUsesTheDocumentedDefaultMix() {
        String s = PresetCatalog.show("phone-2012-hummingbird-portable");
        assertTrue(s.contains("10^9 average instructions"), s);
        assertTrue(s.contains("8.00 MFLOPS"), "the phone reproduces the cited 8 MFLOPS Linpack figure");
    }
}
