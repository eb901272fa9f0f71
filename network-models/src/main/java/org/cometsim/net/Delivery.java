package org.cometsim.net;

import org.cometsim.sim.SimTime;

/**
 * The fate of one message on a link, all times in simulated nanoseconds.
 *
 * @param direction the direction it travelled
 * @param payloadBytes application bytes submitted
 * @param wireBytes bytes put on the link, including per-segment headers and retransmissions
 * @param submittedNanos when the sender handed it to the link
 * @param firstByteSentNanos when serialisation started (after FIFO queueing and outages)
 * @param lastByteSentNanos when the last byte left the sender
 * @param deliveredNanos when the last byte reached the receiver
 * @param retransmissions segment retransmissions caused by loss
 */
public record Delivery(
        Direction direction,
        long payloadBytes,
        long wireBytes,
        long submittedNanos,
        long firstByteSentNanos,
        long lastByteSentNanos,
        long deliveredNanos,
        int retransmissions) {

    /** Submission to delivery. */
    public long latencyNanos() {
        return deliveredNanos - submittedNanos;
    }

    /** Time spent waiting behind earlier messages (and outages) before serialisation began. */
    public long queueingNanos() {
        return firstByteSentNanos - submittedNanos;
    }

    @Override
    public String toString() {
        return direction + " " + payloadBytes + "B submitted@" + SimTime.format(submittedNanos)
                + " delivered@" + SimTime.format(deliveredNanos)
                + (retransmissions > 0 ? " retx=" + retransmissions : "");
    }
}
