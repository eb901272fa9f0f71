package org.cometsim.device.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;
import org.cometsim.net.LinkModels;
import org.cometsim.sim.RandomStreams;
import org.junit.jupiter.api.Test;

class PhoneEnergyModelTest {

    static final long S = 1_000_000_000L;

    @Test
    void wifiActiveTailIdleAndCpu() {
        PhoneEnergyModel m = new PhoneEnergyModel(EnergyPresets.load("aro-default"));
        ActivityTimeline t = new ActivityTimeline()
                .transfer(1 * S, 2 * S, 1000, 1000)
                .cpuBusy(0, 3 * S)
                .cpuBusy(5 * S, 12 * S); // clipped at the 10 s horizon
        EnergyReport r = m.evaluate(t, RadioKind.WIFI, 10 * S);
        // WiFi: active 1 s + tail 0.25 s at 0.403 W, idle 10 − 1.25 s at 0.02 W.
        assertEquals(1.25 * 0.403 + 8.75 * 0.02, r.radioJoules(), 1e-9);
        // CPU: (3 + 5) s busy at 0.548 W, idle 0 W.
        assertEquals(8 * 0.548, r.cpuJoules(), 1e-9);
        assertEquals(r.radioJoules() + r.cpuJoules(), r.totalJoules(), 1e-12);
        assertFalse(r.describe().isBlank());
    }

    @Test
    void deliveriesFromALinkDriveTheRadio() {
        Delivery d = LinkModels.preset("3g-hspa", new RandomStreams(0)).send(Direction.DOWN, 0, 100_000);
        ActivityTimeline t = new ActivityTimeline().deliveries(List.of(d));
        EnergyReport r = new PhoneEnergyModel(EnergyPresets.load("aro-default")).evaluate(t, RadioKind.UMTS_3G, 60 * S);
        double transfer = d.deliveredNanos() / 1e9; // first byte at 0
        assertEquals(2 * 0.53 + transfer * 0.7 + 5 * 0.7 + 12 * 0.35, r.radioJoules(), 1e-9,
                "promotion + transfer at DCH + T1 + T2 (IDLE is 0 W)");
    }
}
