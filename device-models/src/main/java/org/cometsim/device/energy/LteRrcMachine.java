package org.cometsim.device.energy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * LTE radio power after ARO's LTE model (model-sources.md §6.2).
 *
 * <ul>
 *   <li>RRC_IDLE → RRC_CONNECTED promotion before a transfer from IDLE (0.26 s at 1.21 W in
 *       ARO's profile).</li>
 *   <li>Transfer: P = αu·tu + αd·td + β with tu, td the transfer's up/down throughput in Mbit/s;
 *       integrated, that is αu·(up Mbit) + αd·(down Mbit) + β·duration.</li>
 *   <li>Tail: continuous reception for the inactivity timer (at β), then short DRX, then long
 *       DRX, each at its cycle-averaged power; then RRC_IDLE at the paging-averaged power.
 *       A transfer during the tail needs no promotion.</li>
 * </ul>
 * Power is averaged over DRX and paging cycles (a fluid model): on-durations are not placed on
 * the timeline. State names: {@code PROMOTION, CONNECTED, CR_TAIL, SHORT_DRX, LONG_DRX, IDLE}.
 */
public final class LteRrcMachine implements RadioPowerModel {

    private final LteRrcParams p;

    public LteRrcMachine(LteRrcParams params) {
        this.p = params;
    }

    /** Energy of a transfer of {@code up}/{@code down} bytes lasting {@code nanos}. */
    double transferJoules(long up, long down, long nanos) {
        double upMbit = up * 8 / 1e6;
        double downMbit = down * 8 / 1e6;
        return (p.alphaUpMilliwattsPerMbps() * upMbit + p.alphaDownMilliwattsPerMbps() * downMbit) / 1000
                + p.betaWatts() * nanos / 1e9;
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
            if (state.equals("IDLE")) {
                s = tl.promote("PROMOTION", s, p.promotion().nanos(), p.promotionWatts());
            }
            long e = s + a.durationNanos();
            tl.busy("CONNECTED", s, e, transferJoules(a.bytesUp(), a.bytesDown(), e - s));
            tl.startTail(e, List.of(
                    new PowerTimeline.Phase("CR_TAIL", p.inactivity().nanos(), p.betaWatts()),
                    new PowerTimeline.Phase("SHORT_DRX", p.shortDrxPhase().nanos(), p.shortDrxWatts()),
                    new PowerTimeline.Phase("LONG_DRX", p.longDrxPhase().nanos(), p.longDrxWatts())));
        }
        return tl.finish();
    }
}
