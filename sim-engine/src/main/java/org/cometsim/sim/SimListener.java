package org.cometsim.sim;

/**
 * Observes a {@link Simulation}. All methods default to doing nothing, so a listener overrides
 * only what it needs. Listeners run on the simulation's thread in registration order.
 */
public interface SimListener {

    /** Called after the clock advanced to {@code timeNanos} and before {@code event} fires. */
    default void beforeEvent(long timeNanos, Event event) {}

    /** Called after {@code event} fired. */
    default void afterEvent(long timeNanos, Event event) {}

    /** Called once when {@link Simulation#run} or {@link Simulation#runUntil} returns. */
    default void onRunEnd(long timeNanos) {}
}
