package org.cometsim.device.energy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * WiFi radio power after ARO's WiFi profile (model-sources.md §6.3): ACTIVE while
 * transferring, ACTIVE for a short tail (0.25 s in ARO) after the last transfer, IDLE
 * otherwise. No promotion delay. PowerTutor's link-rate term and its packet-count state switch
 * are not modelled. State names: {@code ACTIVE, TAIL, IDLE}.
 */
public final class WifiPowerMachine implements RadioPowerModel {

    private final WifiPowerParams p;

    public WifiPowerMachine(WifiPowerParams params) {
        this.p = params;
    }

    @Override
    public RadioTimeline timeline(List<RadioActivity> activities, long horizonNanos) {
        List<RadioActivity> acts = new ArrayList<>(activities);
        acts.sort(Comparator.comparingLong(RadioActivity::startNanos));
        PowerTimeline tl = new PowerTimeline(horizonNanos, "IDLE", p.idleWatts());
        for (RadioActivity a : acts) {
            long s = Math.max(a.startNanos(), tl.cursor());
            tl.idleUntil(s);
            long e = s + a.durationNanos();
            tl.busy("ACTIVE", s, e, p.activeWatts() * (e - s) / 1e9);
            tl.startTail(e, List.of(new PowerTimeline.Phase("TAIL", p.tail().nanos(), p.activeWatts())));
        }
        return tl.finish();
    }
}
