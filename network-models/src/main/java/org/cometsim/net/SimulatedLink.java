package org.cometsim.net;

import java.util.Objects;
import java.util.function.Consumer;
import org.cometsim.sim.Event;
import org.cometsim.sim.Simulation;

/**
 * Puts a {@link LinkModel} on a {@link Simulation}'s clock: {@link #transmit} asks the model
 * for the delivery at {@code sim.now()} and schedules a {@link MessageDelivered} event at the
 * delivery time, which calls the receiver.
 */
public final class SimulatedLink {

    private final Simulation sim;
    private final LinkModel model;

    public SimulatedLink(Simulation sim, LinkModel model) {
        this.sim = Objects.requireNonNull(sim);
        this.model = Objects.requireNonNull(model);
    }

    /** The event fired when a message's last byte arrives. */
    public record MessageDelivered(String link, Delivery delivery, Consumer<Delivery> receiver) implements Event {
        @Override
        public void fire(Simulation s) {
            receiver.accept(delivery);
        }

        @Override
        public String tracePayload() {
            return link + " " + delivery;
        }
    }

    /** Sends {@code bytes} now; {@code receiver} runs at delivery. Returns the planned delivery. */
    public Delivery transmit(Direction direction, long bytes, Consumer<Delivery> receiver) {
        return transmit(direction, sim.now(), bytes, receiver);
    }

    /**
     * Sends {@code bytes} at {@code submitNanos} (not before now: an actor inside one of its steps
     * is ahead of the event clock, at its own simulated time); {@code receiver} runs at delivery.
     */
    public Delivery transmit(Direction direction, long submitNanos, long bytes, Consumer<Delivery> receiver) {
        if (submitNanos < sim.now()) {
            throw new IllegalArgumentException("submit time " + submitNanos + " is before now " + sim.now());
        }
        Delivery d = model.send(direction, submitNanos, bytes);
        sim.scheduleAtNanos(d.deliveredNanos(), 0, new MessageDelivered(model.name(), d, receiver));
        return d;
    }

    public LinkModel model() {
        return model;
    }
}
