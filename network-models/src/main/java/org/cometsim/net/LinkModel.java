package org.cometsim.net;

/**
 * A phone–server link that turns a message (a byte count, submitted at a time, in a direction)
 * into a {@link Delivery}: when it started, finished sending, and arrived.
 *
 * <p>Contract:
 * <ul>
 *   <li>Messages in one direction are delivered in FIFO order, as on one TCP connection; a
 *       message waits for the link to finish sending earlier messages in the same direction.
 *       The two directions are independent (full duplex).</li>
 *   <li>Calls for one direction must come with non-decreasing {@code submitNanos}; the model
 *       keeps per-direction state and answers at submission time, so a discrete-event caller
 *       schedules the arrival at {@link Delivery#deliveredNanos()} (see {@link SimulatedLink}).</li>
 *   <li>Stochastic models draw only from streams handed to them at construction.</li>
 * </ul>
 */
public interface LinkModel {

    /** Preset or instance name, used in traces and random-stream names. */
    String name();

    /**
     * Sends {@code payloadBytes} in {@code direction} at {@code submitNanos}.
     *
     * @throws IllegalArgumentException if {@code submitNanos} is earlier than the previous
     *     submission in the same direction, or {@code payloadBytes} is negative
     */
    Delivery send(Direction direction, long submitNanos, long payloadBytes);

    /**
     * A lower bound on any message's submit-to-delivery time, in either direction: the lookahead
     * a co-simulation of the two endpoints may use (neither can hear from the other sooner).
     */
    long minimumLatencyNanos();

    /** When the link carries nothing (hand-offs, tunnels): none unless the model has a schedule. */
    default OutageSchedule outages() {
        return OutageSchedule.NONE;
    }
}
