/**
 * Discrete-event kernel: {@link org.cometsim.sim.Simulation} (start here),
 * {@link org.cometsim.sim.SimTime}, {@link org.cometsim.sim.Event}, the
 * {@link org.cometsim.sim.EventList} with its default
 * {@link org.cometsim.sim.QuaternaryHeapEventList}, named random streams
 * ({@link org.cometsim.sim.RandomStreams}) and the determinism check
 * ({@link org.cometsim.sim.EventTraceHash}). No mutable statics anywhere: every piece of state
 * hangs off a {@code Simulation} instance.
 */
package org.cometsim.sim;
