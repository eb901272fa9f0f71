package org.cometsim.device.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LteRrcMachineTest {

    static final long S = 1_000_000_000L;

    @Test
    void derivedDrxAndIdlePowersMatchModelSources() {
        LteRrcParams p = EnergyPresets.load("aro-default").lte();
        assertEquals((2 * 1.68 + 18 * 1.06) / 20, p.shortDrxWatts(), 1e-12, "model-sources §6.2: ≈1.12 W");
        assertEquals((2 * 1.68 + 38 * 1.06) / 40, p.longDrxWatts(), 1e-12, "≈1.09 W");
        assertEquals(0.043 * 0.594 / 1.28, p.idleWatts(), 1e-12, "≈20 mW");
    }

    @Test
    void promotionDataPowerAndDrxTail() {
        LteRrcParams p = EnergyPresets.load("aro-default").lte();
        RadioTimeline t = new LteRrcMachine(p).timeline(List.of(new RadioActivity(0, S, 0, 1_000_000)), 20 * S);
        Map<String, Double> j = t.joulesByState();
        assertEquals(0.26 * 1.21, j.get("PROMOTION"), 1e-9, "0.26 s × 1.21 W");
        assertEquals(51.97e-3 * 8 + 1.2 * 1, j.get("CONNECTED"), 1e-9, "αd 51.97 mW/Mbps × 8 Mbit + β 1.2 W × 1 s");
        assertEquals(0.1 * 1.2, j.get("CR_TAIL"), 1e-9);
        assertEquals(0.02 * p.shortDrxWatts(), j.get("SHORT_DRX"), 1e-9);
        assertEquals(10 * p.longDrxWatts(), j.get("LONG_DRX"), 1e-9);
        // Idle from 0.26 + 1 + 10.12 = 11.38 s to the 20 s horizon.
        assertEquals((20 - 11.38) * p.idleWatts(), j.get("IDLE"), 1e-9);
        assertEquals(260_000_000L, t.promotionDelayNanos());
    }

    @Test
    void transferDuringTailNeedsNoPromotion() {
        LteRrcParams p = EnergyPresets.load("aro-default").lte();
        RadioTimeline t = new LteRrcMachine(p).timeline(List.of(
                new RadioActivity(0, S, 0, 0), new RadioActivity(5 * S, 6 * S, 0, 0)), 30 * S);
        assertEquals(260_000_000L, t.promotionDelayNanos(), "second transfer falls in long DRX");
    }
}
