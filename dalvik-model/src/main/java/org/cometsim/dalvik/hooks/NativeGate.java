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

    /**
     * The same question for a call whose arguments (receiver first, boxed as the native receives
     * them) are known, for answers that depend on them: an offload server may answer
     * {@code Thread.isInterrupted} or {@code interrupt} itself for a thread that runs there, but
     * not for one that runs on the phone. The interpreter's invokes ask this one.
     */
    default boolean mayRunHere(GuestThread thread, VmMethod method, Object[] args) {
        return mayRunHere(thread, method);
    }
}
