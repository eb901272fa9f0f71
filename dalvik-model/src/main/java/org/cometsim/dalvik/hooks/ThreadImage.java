package org.cometsim.dalvik.hooks;

import java.util.List;

import org.cometsim.dalvik.rt.ThreadState;

/**
 * A guest thread captured for migration ({@link Migration#detach}) and rebuilt on another VM
 * ({@link Migration#adopt}): COMET's stack record (comet-reference §4) plus what this VM keeps
 * outside frames. Objects are named by id ({@link ObjectIds}), never by reference.
 *
 * @param threadId the thread's id on the VM it left (a DSM pairs it with a thread of the other VM)
 * @param name the thread's name
 * @param daemon whether it is a daemon thread
 * @param interrupted its interrupt flag
 * @param threadObject id of its guest {@code java.lang.Thread} object
 * @param frames its frames, top first (all interpreted: a thread with a host callback frame
 *     cannot leave)
 * @param heldMonitors the monitors it owns with their recursion counts, innermost first
 * @param state {@code RUNNABLE}, {@code BLOCKED} (entering a monitor, re-acquiring one after a
 *     wait, or waiting for a class initialisation by another thread: the instruction is executed
 *     again), {@code WAITING} or {@code TIMED_WAITING} (in {@code Object.wait}, or sleeping)
 * @param blockPhase how far the blocking native on top got (the scheduler's {@code PHASE_*}:
 *     0 none, 1 waiting, 2 woken, 3 timed out, 4 interrupted); it is re-executed with it
 * @param waitingOn id of the object in whose wait set the thread is (inside {@code Object.wait}
 *     and not yet woken), or {@link ObjectIds#NULL}
 * @param savedLockCount inside {@code Object.wait}: the recursion count it re-acquires the monitor
 *     with (also once woken, until it has it again)
 * @param wakeAtNanos a timed wait or sleep: the simulated time it times out; else
 *     {@code Long.MAX_VALUE}
 * @param pendingException id of the exception being dispatched to a handler (stopped at a
 *     {@code THROW} safepoint, read by {@code move-exception}), or {@link ObjectIds#NULL}
 * @param resultBits the primitive result of the last invoke (read by {@code move-result}: a thread
 *     stopped at a {@code RETURN} safepoint has not read it yet)
 * @param resultRef id of the reference result of the last invoke, or {@link ObjectIds#NULL}
 */
public record ThreadImage(int threadId, String name, boolean daemon, boolean interrupted, long threadObject,
                          List<FrameCapture.FrameState> frames, List<HeldMonitor> heldMonitors,
                          ThreadState state, int blockPhase, long waitingOn, int savedLockCount, long wakeAtNanos,
                          long pendingException, long resultBits, long resultRef) {

    public ThreadImage {
        frames = List.copyOf(frames);
        heldMonitors = List.copyOf(heldMonitors);
    }

    /** A monitor the thread owns: its object's id and the recursion count. */
    public record HeldMonitor(long objectId, int count) {
    }

    /** Whether the thread was inside {@code Object.wait} (in the wait set of {@link #waitingOn}). */
    public boolean inWait() {
        return waitingOn != ObjectIds.NULL;
    }
}
