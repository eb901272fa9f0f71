package org.cometsim.scenarios;

import java.util.Locale;

import org.cometsim.dalvik.rt.VmError;
import org.cometsim.sim.Event;
import org.cometsim.sim.Simulation;

/**
 * A bound on a run's simulated time: at the limit the event loop stops, and the run ends with
 * {@link Exceeded} instead of simulating a program that never ends (a guest spinning forever, or
 * one a model makes far slower than expected) until the host gives up. One point of a sweep that
 * runs away then costs seconds and shows as an error row, not a hung sweep. 0 means no limit.
 * It fires after everything else due at the same instant, so a program that ends exactly at the
 * limit still ends.
 */
public final class SimulatedTimeLimit implements Event {
    private final long limitNanos;
    private boolean reached;

    private SimulatedTimeLimit(long limitNanos) {
        this.limitNanos = limitNanos;
    }

    /** Schedules the limit in {@code sim}, or nothing for 0; returns the handle to ask after the run (null for none). */
    static SimulatedTimeLimit install(Simulation sim, long limitNanos) {
        if (limitNanos < 0) {
            throw new IllegalArgumentException("a time limit must not be negative: " + limitNanos);
        }
        if (limitNanos == 0) {
            return null;
        }
        SimulatedTimeLimit l = new SimulatedTimeLimit(limitNanos);
        sim.scheduleAtNanos(limitNanos, org.cometsim.sim.EventList.MAX_PRIORITY, l);
        return l;
    }

    @Override
    public void fire(Simulation sim) {
        reached = true;
        sim.stop();
    }

    @Override
    public String tracePayload() {
        return Long.toString(limitNanos);
    }

    boolean reached() {
        return reached;
    }

    long limitNanos() {
        return limitNanos;
    }

    /** The run was stopped at its simulated time limit; {@code comet} prints the message and exits 1. */
    public static final class Exceeded extends VmError {
        private final long limitNanos;

        Exceeded(long limitNanos, String threads) {
            super(String.format(Locale.ROOT, "the run reached its simulated time limit of %s s before the program ended"
                    + " (raise the time limit, time_limit or --time-limit, if it is meant to run longer): %s", seconds(limitNanos), threads));
            this.limitNanos = limitNanos;
        }

        public long limitNanos() {
            return limitNanos;
        }

        private static String seconds(long nanos) {
            return java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
        }
    }
}
