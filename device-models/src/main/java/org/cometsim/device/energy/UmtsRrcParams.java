package org.cometsim.device.energy;

import org.cometsim.sim.SimTime;

/**
 * Parameters of the 3G (UMTS) RRC state machine as ARO models it (model-sources.md §6.1).
 *
 * @param t1 DCH → FACH inactivity timer
 * @param t2 FACH → IDLE inactivity timer
 * @param promoIdleToDch IDLE → DCH promotion delay
 * @param promoFachToDch FACH → DCH promotion delay
 * @param dchWatts power in DCH
 * @param fachWatts power in FACH
 * @param idleWatts power in IDLE
 * @param promoIdleWatts power while promoting from IDLE
 * @param promoFachWatts power while promoting from FACH
 * @param fachUpThresholdBytes a transfer with more uplink bytes than this leaves FACH for DCH
 * @param fachDownThresholdBytes same for downlink
 */
public record UmtsRrcParams(
        SimTime t1, SimTime t2, SimTime promoIdleToDch, SimTime promoFachToDch,
        double dchWatts, double fachWatts, double idleWatts, double promoIdleWatts, double promoFachWatts,
        long fachUpThresholdBytes, long fachDownThresholdBytes) {}
