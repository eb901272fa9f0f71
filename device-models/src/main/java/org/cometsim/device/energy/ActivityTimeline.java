package org.cometsim.device.energy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;

/**
 * What the phone did, as input to {@link PhoneEnergyModel}: radio transfers and CPU busy
 * intervals (per core; overlapping intervals mean several cores busy).
 */
public final class ActivityTimeline {

    /** A core busy over {@code [startNanos, endNanos)}. */
    public record BusyInterval(long startNanos, long endNanos) {
        public BusyInterval {
            if (endNanos < startNanos) {
                throw new IllegalArgumentException("end before start");
            }
        }
    }

    private final List<RadioActivity> transfers = new ArrayList<>();
    private final List<BusyInterval> cpuBusy = new ArrayList<>();

    /** Adds a transfer; returns {@code this} for chaining. */
    public ActivityTimeline transfer(long startNanos, long endNanos, long bytesUp, long bytesDown) {
        transfers.add(new RadioActivity(startNanos, endNanos, bytesUp, bytesDown));
        return this;
    }

    public ActivityTimeline cpuBusy(long startNanos, long endNanos) {
        cpuBusy.add(new BusyInterval(startNanos, endNanos));
        return this;
    }

    /**
     * Adds each delivery as a transfer over {@code [firstByteSent, delivered]}: the phone's
     * radio is busy from the first byte it sends or could receive until the last byte is in.
     */
    public ActivityTimeline deliveries(Collection<Delivery> ds) {
        for (Delivery d : ds) {
            boolean up = d.direction() == Direction.UP;
            transfer(d.firstByteSentNanos(), d.deliveredNanos(), up ? d.wireBytes() : 0, up ? 0 : d.wireBytes());
        }
        return this;
    }

    public List<RadioActivity> transfers() {
        return Collections.unmodifiableList(transfers);
    }

    public List<BusyInterval> cpuBusyIntervals() {
        return Collections.unmodifiableList(cpuBusy);
    }
}
