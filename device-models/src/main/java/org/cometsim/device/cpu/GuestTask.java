package org.cometsim.device.cpu;

/**
 * A runnable guest thread as the {@link CoreScheduler} sees it: something that, given a
 * quantum, runs until its next safepoint at or after the quantum (or until it blocks or ends)
 * and reports how much simulated CPU time it consumed.
 *
 * <p>The scheduler never inspects the task; the interpreter (dalvik-model) implements this by
 * executing instructions, converting counts to time with a {@link CpuModel}, and stopping at
 * the first safepoint (backward branch, invoke, return) once the quantum is used.
 */
public interface GuestTask {

    /** Stable name; used in the slice log and in tie-breaks only through submission order. */
    String name();

    /**
     * Runs one slice starting at simulated time {@code startNanos}.
     *
     * @param quantumNanos the time after which the task should stop at its next safepoint
     * @return time consumed (may exceed the quantum by the distance to the safepoint; must be
     *     ≥ 0) and why the slice ended
     */
    SliceResult runSlice(long startNanos, long quantumNanos);

    /** How a slice ended. */
    enum Outcome {
        /** Preempted at a safepoint; still runnable (goes to the back of the ready queue). */
        PREEMPTED,
        /** Waiting for something; runnable again only after {@link CoreScheduler#wake}. */
        BLOCKED,
        /** Done; never runs again. */
        FINISHED
    }

    /** Result of one slice. */
    record SliceResult(long consumedNanos, Outcome outcome) {
        public SliceResult {
            if (consumedNanos < 0) {
                throw new IllegalArgumentException("consumed time must be ≥ 0");
            }
        }
    }
}
