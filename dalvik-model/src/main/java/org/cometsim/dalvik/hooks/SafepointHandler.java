package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.GuestThread;

/**
 * Consulted at safepoints (backward branches, returns, throws) every
 * {@code Vm#safepointInterval()} safepoints of a thread, like COMET's
 * {@code offSchedulerSafePoint} every 1024th. At that moment the thread's frames are consistent
 * (every frame's pc is current) and may be captured with {@link FrameCapture}.
 */
public interface SafepointHandler {
    enum Kind { BACKWARD_BRANCH, RETURN, THROW }

    enum Action {
        /** Keep running. */
        CONTINUE,
        /** Stop the thread at this safepoint and hand it to the scheduler's migration hook. */
        MIGRATE
    }

    Action atSafepoint(GuestThread thread, Kind kind);
}
