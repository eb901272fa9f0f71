package org.cometsim.dalvik.sched;

import org.cometsim.dalvik.rt.GuestThread;

/**
 * What the {@link Scheduler} calls to run a guest thread for one slice: the execution engine
 * ({@code interp.Interpreter}). The scheduler decides who runs where and when; the runner only
 * executes, so the scheduler knows nothing of bytecode.
 */
public interface ThreadRunner {
    /** The thread reached a safepoint and should give way ({@link Scheduler#shouldPreempt}). */
    int YIELD = 0;
    /** The thread blocked (monitor, wait, sleep, join, class initialisation, an external event). */
    int BLOCKED = 1;
    /** The thread has no frames left (its uncaught exception, if any, is in {@code uncaught}). */
    int TERMINATED = 2;
    /** A base (callback) frame returned: only seen by nested loops, never by the scheduler. */
    int BASE_RETURN = 3;
    /** The thread stopped for migration (safepoint handler or native gate): the scheduler's migration hook takes it. */
    int MIGRATE = 4;

    /**
     * Runs {@code t} from its top frame until it yields, blocks, terminates or stops for
     * migration, and returns one of the codes above. A guest exception that escapes the thread's
     * bottom frame leaves the thread with no frames and the exception in {@code t.uncaught}.
     */
    int runSlice(GuestThread t);
}
