package org.cometsim.sim;

/**
 * Something that happens at one instant of simulated time.
 *
 * <p>Models declare their events as records (usually a sealed interface per model extending
 * this one, e.g. a link's {@code MessageDelivered}), so every event carries typed fields instead
 * of an integer tag plus an {@code Object} payload. {@link Simulation} calls {@link #fire} when
 * the clock reaches the event's time.
 *
 * <p>{@link #tracePayload()} feeds the determinism check ({@link EventTraceHash}); it must depend
 * only on simulated state, never on identity hash codes or wall-clock time. Records satisfy
 * this by default as long as their components do.
 */
public interface Event {

    /** Performs the event's effect; may schedule further events on {@code sim}. */
    void fire(Simulation sim);

    /** Deterministic text describing the event's payload for the event-trace hash. */
    default String tracePayload() {
        return toString();
    }
}
