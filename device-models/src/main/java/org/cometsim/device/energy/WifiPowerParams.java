package org.cometsim.device.energy;

import org.cometsim.sim.SimTime;

/**
 * WiFi radio power (model-sources.md §6.3).
 *
 * @param activeWatts power while transferring and during the tail
 * @param idleWatts standby power
 * @param tail time the radio stays active after the last transfer
 */
public record WifiPowerParams(double activeWatts, double idleWatts, SimTime tail) {}
