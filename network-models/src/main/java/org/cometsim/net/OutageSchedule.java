package org.cometsim.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cometsim.sim.SimTime;

/**
 * Intervals during which a link carries nothing in either direction (e.g. a WiFi hand-off or
 * a tunnel). Windows are half-open {@code [start, end)}, sorted and non-overlapping.
 *
 * <p>Effect on a message: serialisation does not start, or pauses, inside a window and resumes
 * at its end. Bytes already sent before a window still arrive on time (they are in flight
 * in the network, not on the radio) — a simplification; a real radio outage also drops them
 * and TCP would resend after an RTO.
 */
public record OutageSchedule(List<Window> windows) {

    public static final OutageSchedule NONE = new OutageSchedule(List.of());

    /** One outage, {@code [startNanos, endNanos)}. */
    public record Window(long startNanos, long endNanos) {
        public Window {
            if (endNanos <= startNanos) {
                throw new IllegalArgumentException("outage must have positive length");
            }
        }

        public static Window of(String start, String duration) {
            long s = SimTime.parse(start).nanos();
            return new Window(s, s + SimTime.parse(duration).nanos());
        }
    }

    public OutageSchedule {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparingLong(Window::startNanos));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).startNanos() < sorted.get(i - 1).endNanos()) {
                throw new IllegalArgumentException("outage windows overlap: " + sorted);
            }
        }
        windows = List.copyOf(sorted);
    }

    /** The first instant ≥ {@code t} outside every window. */
    public long nextAvailable(long t) {
        for (Window w : windows) {
            if (t < w.startNanos()) {
                break;
            }
            if (t < w.endNanos()) {
                t = w.endNanos();
            }
        }
        return t;
    }

    /**
     * When a transmission needing {@code busyNanos} of link time, starting at {@code start}
     * (outside any window), finishes if it pauses during windows.
     */
    public long finish(long start, long busyNanos) {
        long t = start;
        long left = busyNanos;
        for (Window w : windows) {
            if (w.endNanos() <= t) {
                continue;
            }
            long usable = w.startNanos() - t;
            if (left <= usable) {
                return t + left;
            }
            left -= Math.max(0, usable);
            t = Math.max(t, w.endNanos());
        }
        return t + left;
    }
}
