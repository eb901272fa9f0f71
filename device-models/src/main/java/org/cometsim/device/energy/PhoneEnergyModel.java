package org.cometsim.device.energy;

import org.cometsim.device.energy.ActivityTimeline.BusyInterval;

/**
 * A phone's energy for an {@link ActivityTimeline}: the chosen radio's state machine
 * ({@link UmtsRrcMachine}, {@link LteRrcMachine}, {@link WifiPowerMachine}) plus the CPU.
 * Screen, GPS and other components are not modelled (they do not change with offloading
 * decisions in COMET's experiments).
 */
public final class PhoneEnergyModel {

    private final EnergyPreset preset;

    public PhoneEnergyModel(EnergyPreset preset) {
        this.preset = preset;
    }

    public EnergyPreset preset() {
        return preset;
    }

    public RadioPowerModel radio(RadioKind kind) {
        return switch (kind) {
            case UMTS_3G -> new UmtsRrcMachine(preset.umts());
            case LTE -> new LteRrcMachine(preset.lte());
            case WIFI -> new WifiPowerMachine(preset.wifi());
        };
    }

    /** Energy over {@code [0, horizonNanos)} with all transfers on {@code radio}. */
    public EnergyReport evaluate(ActivityTimeline timeline, RadioKind radio, long horizonNanos) {
        RadioTimeline rt = radio(radio).timeline(timeline.transfers(), horizonNanos);
        return new EnergyReport(radio, rt, cpuJoules(timeline, horizonNanos), horizonNanos);
    }

    double cpuJoules(ActivityTimeline timeline, long horizonNanos) {
        CpuPowerParams c = preset.cpu();
        double j = c.idleWatts() * horizonNanos / 1e9;
        for (BusyInterval b : timeline.cpuBusyIntervals()) {
            long a = Math.max(0, b.startNanos());
            long e = Math.min(horizonNanos, b.endNanos());
            if (e > a) {
                j += (c.activeWatts() - c.idleWatts()) * (e - a) / 1e9;
            }
        }
        return j;
    }
}
