package org.cometsim.device.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.cometsim.net.LinkPresets;
import org.junit.jupiter.api.Test;

class EnergyPresetsTest {

    @Test
    void indexListsEveryPresetAndReferenceLinksExist() throws Exception {
        File dir = new File(getClass().getClassLoader().getResource("presets/energy").toURI());
        assertEquals(Arrays.stream(dir.list()).filter(f -> f.endsWith(".yaml")).map(f -> f.replace(".yaml", "")).sorted().toList(),
                EnergyPresets.names().stream().sorted().collect(Collectors.toList()));
        for (String n : EnergyPresets.names()) {
            EnergyPreset p = EnergyPresets.load(n);
            p.referenceLinks().values().forEach(l -> assertEquals(true, LinkPresets.exists(l), n + " -> " + l));
        }
    }

    @Test
    void captivateUsesItsOwnTimersAndPowers() {
        UmtsRrcParams u = EnergyPresets.load("aro-captivate").umts();
        assertEquals(4_000_000_000L, u.t1().nanos());
        assertEquals(10_000_000_000L, u.t2().nanos());
        assertEquals(1.02, u.dchWatts(), 0);
        assertEquals(0.40, u.fachWatts(), 0);
    }

    @Test
    void nexusSPowersFollowFromCurrentsTimesAssumedVoltage() {
        EnergyPreset p = EnergyPresets.load("nexus-s-profile");
        assertEquals((259.0 + 44) * 3.7 / 1000, p.cpu().activeWatts(), 1e-4, "(259.0 + 44) mA × 3.7 V");
        assertEquals(44 * 3.7 / 1000, p.cpu().idleWatts(), 1e-4, "44 mA × 3.7 V");
        assertEquals(120 * 3.7 / 1000, p.wifi().activeWatts(), 1e-9, "120 mA × 3.7 V");
        assertEquals(4 * 3.7 / 1000, p.wifi().idleWatts(), 1e-9, "4 mA × 3.7 V");
    }

    @Test
    void missingCitationIsAnError() {
        String text = EnergyPresets.resourceText("presets/energy/aro-default.yaml")
                .replaceAll("(?m)^  wifi\\.tail: .*\\n", "");
        assertThrows(IllegalArgumentException.class, () -> EnergyPresets.parse("aro-default", text));
    }
}
