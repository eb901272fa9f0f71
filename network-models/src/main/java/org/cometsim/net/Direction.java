package org.cometsim.net;

/** Direction of a message on a phone–server link. */
public enum Direction {
    /** Phone to server (Mahimahi's "uplink": from the shell to the Internet). */
    UP,
    /** Server to phone. */
    DOWN
}
