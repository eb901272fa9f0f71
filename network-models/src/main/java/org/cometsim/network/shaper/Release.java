package org.cometsim.network.shaper;

import org.cometsim.net.Delivery;

/**
 * One chunk of the byte stream as the relay handled it: read from one side at
 * {@code delivery.submittedNanos()}, written to the other at {@code delivery.deliveredNanos()}
 * (both on the shaper's time line: nanoseconds since {@link LinkShaper#start}).
 *
 * @param connection the relayed connection's number (1, 2, ... in accept order)
 * @param delivery what the link model computed for the chunk (payload, wire bytes, times)
 * @param releasedNanos when the relay's writer actually began writing it (≥ the delivery time;
 *     later only if the writer was late)
 */
public record Release(int connection, Delivery delivery, long releasedNanos) {
}
