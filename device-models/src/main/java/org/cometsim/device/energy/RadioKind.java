package org.cometsim.device.energy;

/** Which radio carries the traffic. */
public enum RadioKind {
    /** UMTS/HSPA with the DCH/FACH/IDLE RRC state machine. */
    UMTS_3G,
    /** LTE with RRC_CONNECTED (continuous reception, short and long DRX) and RRC_IDLE. */
    LTE,
    /** 802.11 with active, tail and idle states. */
    WIFI
}
