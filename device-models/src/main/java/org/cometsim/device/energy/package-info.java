/**
 * Phone energy: {@link org.cometsim.device.energy.PhoneEnergyModel} turns an
 * {@link org.cometsim.device.energy.ActivityTimeline} (radio transfers, CPU busy intervals)
 * into an {@link org.cometsim.device.energy.EnergyReport} using a radio state machine
 * ({@link org.cometsim.device.energy.UmtsRrcMachine} for 3G DCH/FACH/IDLE,
 * {@link org.cometsim.device.energy.LteRrcMachine} for LTE promotion/DRX/idle,
 * {@link org.cometsim.device.energy.WifiPowerMachine}) and a linear CPU model. Presets with
 * citations: {@link org.cometsim.device.energy.EnergyPresets}.
 */
package org.cometsim.device.energy;
