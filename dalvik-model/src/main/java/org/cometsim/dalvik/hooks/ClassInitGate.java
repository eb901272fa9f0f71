package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClass;

/**
 * Decides whether a class's {@code <clinit>} may run on this endpoint. On a COMET server it may
 * not (comet-reference §11.8: class initialisation happens on the client, and its state travels
 * in every sync): the thread stops for migration with its pc still on the instruction that
 * triggered the initialisation, and runs it again on the other endpoint.
 */
public interface ClassInitGate {
    /**
     * Asked before {@code t} starts initialising guest class {@code c}, which has a
     * {@code <clinit>}, and before it would wait for another thread's initialisation of {@code c}
     * (an endpoint that may not run it waits where it runs: false sends {@code t} there too).
     */
    boolean mayInitializeHere(GuestThread t, VmClass c);
}
