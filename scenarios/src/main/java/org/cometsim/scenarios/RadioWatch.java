package org.cometsim.scenarios;

import org.cometsim.device.energy.RadioKind;
import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;
import org.cometsim.offload.policy.RadioState;

/**
 * What the phone knows of its radio for policies ({@link RadioState}): its kind and when it last
 * carried bytes of the connection, either direction, learnt as messages are submitted to the link
 * (the link answers at submission, so a transfer still under way counts as activity now).
 */
final class RadioWatch {
    private final String kind;
    /** End of the latest transfer the radio takes part in (sending up, receiving down); -1: none. */
    private long activeUntil = -1;

    RadioWatch(RadioKind radio) {
        this.kind = radio == RadioKind.UMTS_3G ? "3g" : radio == RadioKind.LTE ? "lte" : "wifi";
    }

    void submitted(Delivery d) {
        long end = d.direction() == Direction.UP ? d.lastByteSentNanos() : d.deliveredNanos();
        activeUntil = Math.max(activeUntil, end);
    }

    RadioState at(long nowNanos) {
        return new RadioState(kind, activeUntil < 0 ? Long.MAX_VALUE : Math.max(0, nowNanos - activeUntil));
    }
}
