package org.cometsim.device.energy;

import java.util.List;
import java.util.Map;

/**
 * A radio's state intervals over the horizon and the total promotion delay the traffic saw.
 */
public record RadioTimeline(List<PowerInterval> intervals, long promotionDelayNanos) {

    public double joules() {
        double s = 0;
        for (PowerInterval i : intervals) {
            s += i.joules();
        }
        return s;
    }

    public Map<String, Double> joulesByState() {
        return PowerTimeline.byState(intervals);
    }
}
