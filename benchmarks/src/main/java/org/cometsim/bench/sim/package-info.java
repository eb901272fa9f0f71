/**
 * JMH benchmarks of the sim-engine kernel. {@code Bench01_EventListHold} compares the default
 * event list with SSJ's; results and the exact command are in sim-engine/README.md.
 */
package org.cometsim.bench.sim;
