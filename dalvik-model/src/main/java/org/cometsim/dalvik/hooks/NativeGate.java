package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Decides whether a native or host method may run on this endpoint. On a COMET server,
 * client-pinned natives are refused: the interpreter stops the thread with its pc still on the
 * invoke (comet-reference §5, "migrate before a pinned native"), so it can be shipped back.
 */
public interface NativeGate {
    boolean mayRunHere(GuestThread thread, VmMethod method);
}
