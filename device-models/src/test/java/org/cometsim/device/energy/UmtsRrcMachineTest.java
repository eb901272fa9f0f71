package org.cometsim.device.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.cometsim.sim.SimTime;
import org.junit.jupiter.api.Test;

/** ARO default 3G profile: T1 5 s, T2 12 s, DCH 0.7 W, FACH 0.35 W, promotions 2.0 s @ 0.53 W, 1.5 s @ 0.55 W. */
class UmtsRrcMachineTest {

    static final long S = 1_000_000_000L;

    static UmtsRrcMachine aroDefault() {
        return new UmtsRrcMachine(EnergyPresets.load("aro-default").umts());
    }

    private static List<String> states(RadioTimeline t) {
        return t.intervals().stream().map(i -> i.state() + "@" + SimTime.format(i.startNanos())).toList();
    }

    @Test
    void promotionTransferAndTailFromIdle() {
        RadioTimeline t = aroDefault().timeline(List.of(new RadioActivity(10 * S, 12 * S, 10_000, 100_000)), 60 * S);
        assertEquals(List.of("IDLE@0ns", "PROMO_IDLE_DCH@10s", "DCH@12s", "DCH@14s", "FACH@19s", "IDLE@31s"), states(t));
        // promotion 2 s × 0.53 W + transfer 2 s × 0.7 W + T1 5 s × 0.7 W + T2 12 s × 0.35 W
        assertEquals(2 * 0.53 + 2 * 0.7 + 5 * 0.7 + 12 * 0.35, t.joules(), 1e-9, "1.06 + 1.4 + 3.5 + 4.2 = 10.16 J");
        assertEquals(2 * S, t.promotionDelayNanos());
    }

    @Test
    void smallTransferInFachStaysInFachAndRestartsT2() {
        RadioTimeline t = aroDefault().timeline(List.of(
                new RadioActivity(0, 1 * S, 0, 50_000),
                new RadioActivity(10 * S, 10 * S + S / 10, 200, 300)), 60 * S);
        // 0-2 promo, 2-3 DCH, 3-8 DCH tail, 8-10 FACH, 10-10.1 FACH transfer (≤ 543/475 B), 10.1-22.1 FACH, IDLE.
        assertEquals(List.of("PROMO_IDLE_DCH@0ns", "DCH@2s", "DCH@3s", "FACH@8s", "FACH@10s", "FACH@10.1s", "IDLE@22.1s"),
                states(t));
        assertEquals(2 * 0.53 + 1 * 0.7 + 5 * 0.7 + (2 + 0.1 + 12) * 0.35, t.joules(), 1e-9);
    }

    @Test
    void largeTransferInFachPromotesToDch() {
        RadioTimeline t = aroDefault().timeline(List.of(
                new RadioActivity(0, 1 * S, 0, 50_000),
                new RadioActivity(10 * S, 11 * S, 0, 476)), 60 * S); // 476 B > 475 B downlink threshold
        assertEquals(List.of("PROMO_IDLE_DCH@0ns", "DCH@2s", "DCH@3s", "FACH@8s", "PROMO_FACH_DCH@10s",
                "DCH@11.5s", "DCH@12.5s", "FACH@17.5s", "IDLE@29.5s"), states(t));
        Map<String, Double> j = t.joulesByState();
        assertEquals(1.5 * 0.55, j.get("PROMO_FACH_DCH"), 1e-9, "1.5 s × 0.55 W");
        assertEquals(3.5 * S, t.promotionDelayNanos(), "2 s + 1.5 s");
    }

    @Test
    void transferInsideT1NeedsNoPromotionAndHorizonClips() {
        RadioTimeline t = aroDefault().timeline(List.of(
                new RadioActivity(0, 1 * S, 0, 50_000),
                new RadioActivity(4 * S, 5 * S, 0, 50_000)), 10 * S);
        // promo 0-2, DCH 2-3, DCH 3-4, DCH 4-5 (no promotion: still in T1), DCH tail 5-10 (clipped at horizon).
        assertEquals(2 * 0.53 + 8 * 0.7, t.joules(), 1e-9);
        assertEquals(2 * S, t.promotionDelayNanos());
    }
}
