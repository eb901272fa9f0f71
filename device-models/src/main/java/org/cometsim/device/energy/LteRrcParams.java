package org.cometsim.device.energy;

import org.cometsim.sim.SimTime;

/**
 * Parameters of the LTE RRC/DRX model as in ARO's LTE profile (model-sources.md §6.2, ARO
 * {@code lte.conf}, {@code ProfileLTE.java}).
 *
 * @param promotion RRC_IDLE → RRC_CONNECTED promotion delay
 * @param promotionWatts power during promotion
 * @param inactivity continuous-reception inactivity timer after the last transfer
 * @param shortDrxPhase time spent in short DRX
 * @param shortDrxCycle short DRX cycle
 * @param longDrxPhase time spent in long DRX before RRC_IDLE
 * @param longDrxCycle long DRX cycle
 * @param onDuration DRX on-duration per cycle
 * @param onDurationWatts power during an on-duration
 * @param drxBaseWatts power between DRX wake-ups
 * @param pagingCycle RRC_IDLE paging cycle
 * @param pagingOn time awake per paging cycle
 * @param pagingWatts power while awake for paging
 * @param alphaUpMilliwattsPerMbps uplink term of P = αu·tu + αd·td + β
 * @param alphaDownMilliwattsPerMbps downlink term
 * @param betaWatts β, the connected radio's power at zero throughput; also used for the
 *     continuous-reception inactivity timer (our reading: ARO gives no separate figure)
 */
public record LteRrcParams(
        SimTime promotion, double promotionWatts,
        SimTime inactivity, SimTime shortDrxPhase, SimTime shortDrxCycle, SimTime longDrxPhase, SimTime longDrxCycle,
        SimTime onDuration, double onDurationWatts, double drxBaseWatts,
        SimTime pagingCycle, SimTime pagingOn, double pagingWatts,
        double alphaUpMilliwattsPerMbps, double alphaDownMilliwattsPerMbps, double betaWatts) {

    /** Average over a DRX cycle: (on·P_on + (cycle − on)·P_base) / cycle. */
    static double drxAverage(SimTime cycle, SimTime on, double onWatts, double baseWatts) {
        double c = cycle.nanos();
        double o = on.nanos();
        return (o * onWatts + (c - o) * baseWatts) / c;
    }

    /** ARO figures give (2·1.68 + 18·1.06) / 20 = 1.122 W. */
    public double shortDrxWatts() {
        return drxAverage(shortDrxCycle, onDuration, onDurationWatts, drxBaseWatts);
    }

    /** ARO figures give (2·1.68 + 38·1.06) / 40 = 1.091 W. */
    public double longDrxWatts() {
        return drxAverage(longDrxCycle, onDuration, onDurationWatts, drxBaseWatts);
    }

    /** ARO figures give 43 ms · 0.594 W / 1.28 s = 19.95 mW (0 W between pagings). */
    public double idleWatts() {
        return pagingOn.nanos() * pagingWatts / pagingCycle.nanos();
    }
}
