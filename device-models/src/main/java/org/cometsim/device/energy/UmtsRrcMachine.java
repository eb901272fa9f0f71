package org.cometsim.device.energy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * 3G RRC state machine (DCH / FACH / IDLE) after ARO (model-sources.md §6.1, ARO
 * {@code Profile3G.java}, {@code imap.conf}).
 *
 * <ul>
 *   <li>IDLE: any transfer first promotes IDLE → DCH ({@code promoIdleToDch} at
 *       {@code promoIdleWatts}). ARO promotes straight to DCH; an IDLE → FACH path for tiny
 *       packets exists on some networks and is not modelled.</li>
 *   <li>FACH: a transfer above the RLC buffer thresholds (543 B up / 475 B down in ARO)
 *       promotes FACH → DCH; smaller ones are carried in FACH.</li>
 *   <li>DCH: transfers run at {@code dchWatts}; after the last one, DCH is held for T1, then
 *       FACH for T2 (the tail), then IDLE.</li>
 *   <li>Power in DCH does not depend on throughput (ARO's 3G model).</li>
 * </ul>
 * State names in the timeline: {@code PROMO_IDLE_DCH, PROMO_FACH_DCH, DCH, FACH, IDLE}.
 */
public final class UmtsRrcMachine implements RadioPowerModel {

    private final UmtsRrcParams p;

    public UmtsRrcMachine(UmtsRrcParams params) {
        this.p = params;
    }

    @Override
    public RadioTimeline timeline(List<RadioActivity> activities, long horizonNanos) {
        List<RadioActivity> acts = new ArrayList<>(activities);
        acts.sort(Comparator.comparingLong(RadioActivity::startNanos));
        PowerTimeline tl = new PowerTimeline(horizonNanos, "IDLE", p.idleWatts());
        for (RadioActivity a : acts) {
            long s = Math.max(a.startNanos(), tl.cursor());
            String state = tl.stateAt(s);
            tl.idleUntil(s);
            boolean big = a.bytesUp() > p.fachUpThresholdBytes() || a.bytesDown() > p.fachDownThresholdBytes();
            if (state.equals("IDLE")) {
                s = tl.promote("PROMO_IDLE_DCH", s, p.promoIdleToDch().nanos(), p.promoIdleWatts());
                state = "DCH";
            } else if (state.equals("FACH") && big) {
                s = tl.promote("PROMO_FACH_DCH", s, p.promoFachToDch().nanos(), p.promoFachWatts());
                state = "DCH";
            }
            long e = s + a.durationNanos();
            double w = state.equals("DCH") ? p.dchWatts() : p.fachWatts();
            tl.busy(state, s, e, w * (e - s) / 1e9);
            if (state.equals("DCH")) {
                tl.startTail(e, List.of(
                        new PowerTimeline.Phase("DCH", p.t1().nanos(), p.dchWatts()),
                        new PowerTimeline.Phase("FACH", p.t2().nanos(), p.fachWatts())));
            } else {
                tl.startTail(e, List.of(new PowerTimeline.Phase("FACH", p.t2().nanos(), p.fachWatts())));
            }
        }
        return tl.finish();
    }
}
