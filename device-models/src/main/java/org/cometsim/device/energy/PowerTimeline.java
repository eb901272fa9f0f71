package org.cometsim.device.energy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a radio's state timeline: busy intervals (promotions, transfers) separated by
 * inactivity, during which a chain of tail phases runs from the end of the last transfer
 * (e.g. DCH for T1, then FACH for T2) before the radio settles in its idle state.
 *
 * <p>Every radio model reduces to this shape, which keeps the state machines small and makes
 * the tail accounting identical across them. Intervals are clipped to the horizon, energy
 * pro rata.
 */
final class PowerTimeline {

    /** One tail phase: {@code state} for {@code lengthNanos} at {@code watts}. */
    record Phase(String state, long lengthNanos, double watts) {}

    private final List<PowerInterval> out = new ArrayList<>();
    private final long horizon;
    private final String idleState;
    private final double idleWatts;
    private long cursor;
    private long tailStart;
    private List<Phase> tail = List.of();
    private long promotionNanos;

    PowerTimeline(long horizonNanos, String idleState, double idleWatts) {
        this.horizon = horizonNanos;
        this.idleState = idleState;
        this.idleWatts = idleWatts;
    }

    long cursor() {
        return cursor;
    }

    /** The state the radio is in at {@code t} (≥ cursor) if nothing happens before. */
    String stateAt(long t) {
        long p = tailStart;
        for (Phase ph : tail) {
            if (t < p + ph.lengthNanos()) {
                return t < p ? idleState : ph.state();
            }
            p += ph.lengthNanos();
        }
        return idleState;
    }

    /** Emits the tail phases and idle time between the cursor and {@code t}. */
    void idleUntil(long t) {
        long p = tailStart;
        for (Phase ph : tail) {
            long a = Math.max(p, cursor);
            long b = Math.min(p + ph.lengthNanos(), t);
            if (b > a) {
                emit(ph.state(), a, b, ph.watts() * (b - a) / 1e9);
            }
            p += ph.lengthNanos();
        }
        long a = Math.max(p, cursor);
        if (t > a) {
            emit(idleState, a, t, idleWatts * (t - a) / 1e9);
        }
        cursor = Math.max(cursor, t);
    }

    /** A promotion from {@code from}: busy, counted as promotion delay. */
    long promote(String state, long from, long lengthNanos, double watts) {
        busy(state, from, from + lengthNanos, watts * lengthNanos / 1e9);
        promotionNanos += lengthNanos;
        return from + lengthNanos;
    }

    /** A busy interval; clears the tail (the radio is active). */
    void busy(String state, long from, long to, double joules) {
        emit(state, from, to, joules);
        cursor = to;
        tail = List.of();
        tailStart = to;
    }

    /** After a transfer ending at {@code at}, these phases follow before idle. */
    void startTail(long at, List<Phase> phases) {
        tailStart = at;
        tail = phases;
    }

    private void emit(String state, long a, long b, double joules) {
        if (a > horizon || (a == horizon && b > a)) {
            return; // beyond the horizon
        }
        if (b > horizon) {
            joules = joules * (horizon - a) / (double) (b - a);
            b = horizon;
        }
        if (b > a || joules != 0) {
            out.add(new PowerInterval(state, a, b, joules));
        }
    }

    RadioTimeline finish() {
        idleUntil(horizon);
        return new RadioTimeline(Collections.unmodifiableList(out), promotionNanos);
    }

    /** Joules per state, in first-appearance order. */
    static Map<String, Double> byState(List<PowerInterval> intervals) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (PowerInterval i : intervals) {
            m.merge(i.state(), i.joules(), Double::sum);
        }
        return m;
    }
}
