package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Method entry and exit events for an offload policy (which methods run how long where; the
 * candidates COMET's successors offload at method granularity). Installed with
 * {@link OffloadHooks#setMethodEvents}; when nobody subscribes, each invoke and return costs one
 * load and one null test.
 *
 * <p>What is reported: every activation of a method with bytecode (guest and guest-library code,
 * {@code <clinit>} included), one {@link #enter} when its frame is pushed (arguments in place,
 * before its first instruction) and one {@link #exit} when the frame leaves the thread's stack:
 * by a return ({@code exceptional} false) or because an exception unwound it (true). Native and
 * host-library methods have no frame and no events; the class library's callbacks into guest code
 * (a {@code compareTo} called by a host sort) do. The trace is the same under
 * {@code --jit on|off|eager}: compiled code calls through the interpreter's invoke and reports its
 * own returns. Every enter has its exit, except for frames that never leave: those of a thread
 * still running when the program exits ({@code System.exit}) and those a thread takes along when
 * it is detached for migration ({@link Migration#detach}; the adopting VM reports no enter for
 * them either, and reports their exits).
 *
 * <p>Both calls run on the guest thread, between two instructions: they may record and count, but
 * must not run guest code or change the thread's frames. A thread is moved at a safepoint
 * ({@link SafepointHandler}), not here.
 */
public interface MethodEvents {
    void enter(GuestThread thread, VmMethod method);

    void exit(GuestThread thread, VmMethod method, boolean exceptional);
}
