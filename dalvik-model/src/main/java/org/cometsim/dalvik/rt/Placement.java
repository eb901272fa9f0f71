package org.cometsim.dalvik.rt;

/**
 * Where a native or host method may run, mirroring COMET's {@code ACC_OFFLOADABLE} whitelist
 * (comet-reference §6): offloadable natives may run on the server; client-pinned ones (stdout,
 * files, sockets, clocks, UI) force the thread back to the phone first.
 */
public enum Placement { OFFLOADABLE, CLIENT_PINNED }
