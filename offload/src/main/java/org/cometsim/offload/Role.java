package org.cometsim.offload;

/** Which side of an offload connection an endpoint is. */
public enum Role {
    /** The client: runs the app, does its I/O, decides when threads move. */
    PHONE,
    /** The server: runs threads the phone sends until they must come back. */
    SERVER
}
