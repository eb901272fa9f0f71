package org.cometsim.sim;

import java.util.Objects;

/**
 * Events owned by the kernel itself. Model-specific events live in their own modules and
 * implement {@link Event} directly.
 */
public sealed interface KernelEvent extends Event {

    /**
     * Runs a callback. The label, not the lambda, goes into the trace hash, because a lambda's
     * {@code toString()} contains an identity hash that changes between runs.
     */
    record Action(String label, Runnable body) implements KernelEvent {
        public Action {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public void fire(Simulation sim) {
            body.run();
        }

        @Override
        public String tracePayload() {
            return label;
        }
    }

    /** Stops the run after this event; scheduled by {@link Simulation#runUntil}. */
    record Stop(String reason) implements KernelEvent {
        @Override
        public void fire(Simulation sim) {
            sim.stop();
        }
    }
}
