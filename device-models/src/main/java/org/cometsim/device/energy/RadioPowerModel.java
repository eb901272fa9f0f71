package org.cometsim.device.energy;

import java.util.List;

/** A radio's power state machine driven by a list of transfers. */
public interface RadioPowerModel {

    /**
     * The state timeline from time 0 to {@code horizonNanos}. Transfers are served in order of
     * start time; one that finds the radio still promoting or transferring waits (FIFO) and
     * keeps its duration.
     */
    RadioTimeline timeline(List<RadioActivity> activities, long horizonNanos);
}
