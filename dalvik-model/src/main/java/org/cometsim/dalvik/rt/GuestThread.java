package org.cometsim.dalvik.rt;

import org.cometsim.dalvik.rt.Opcodes;

/**
 * A guest thread: an explicit frame stack the VM schedules itself (green threads), so thread
 * switches, migration and deadlock detection never depend on host threads.
 */
public final class GuestThread {
    public final int id;
    public String name;
    /** The guest {@code java.lang.Thread} object (a model-class instance). */
    public GuestObject threadObject;
    public Frame top;
    public ThreadState state = ThreadState.NEW;
    public boolean daemon;
    public boolean interrupted;

    /** Return value of the last invoke, read by move-result*. */
    public long retP;
    public Object retR;
    /** The exception being dispatched to a handler, read by move-exception. */
    public Object caught;

    /** Executed instructions per Dalvik opcode value (0..255): the cost model's input. */
    public final long[] opCounts = new long[256];
    /** Host/native calls made (all cost classes). */
    public long hostCalls;
    /** Host/native calls per {@link HostCost} class (indexed by ordinal). */
    public final long[] hostCallsByCost = new long[HostCost.COUNT];
    /** Elements those calls looped over, per {@link HostCost} class (see {@link VmMethod#elements}). */
    public final long[] hostElementsByCost = new long[HostCost.COUNT];

    /** Safepoints left before the slow path runs (quantum accounting, offload hooks). */
    public int safepointBudget;

    /**
     * Monitors this thread owns, innermost (most recently acquired) first, linked through
     * {@link Monitor#nextHeld()}; kept by {@link Monitor#own}/{@link Monitor#release}.
     */
    public Monitor heldMonitors;

    // ---- blocking state (see Scheduler) ----
    /** Monitor this thread is blocked entering, or waiting on. */
    public Monitor blockedOn;
    /** Thread this one is joining. */
    public GuestThread joining;
    /** Scheduler time (ns) at which a timed wait/sleep ends; Long.MAX_VALUE if none. */
    public long wakeAt = Long.MAX_VALUE;
    /** Phase of a blocking native being re-executed: 0 none, 1 blocked, 2 woken, 3 timed out. */
    public int blockPhase;
    /**
     * {@link #blockPhase} when the thread blocked for an outside event (Scheduler.blockExternally),
     * given back when that event wakes it: an offload runtime fetching a lock for a re-acquiring
     * {@code wait} must not turn its "interrupted" into "woken", nor leave "woken" behind for the
     * next blocking native.
     */
    public int phaseBeforeExternalWait;
    /** Recursion count saved by wait(), restored on re-acquire. */
    public int savedLockCount;
    /** Depth of host→guest callbacks this thread is inside. */
    public int nestDepth;
    /** Uncaught exception that terminated the thread, if any. */
    public Object uncaught;
    /** Deterministic scheduling order. */
    public final long creationSeq;
    /** Simulated time (ns) at which this thread can next run: the end of its last slice or when it was woken. */
    public long readyAt;
    /** In the scheduler's ready queue; its position among equal ready times. */
    public boolean queued;
    public long readySeq;
    /** What this thread waits for outside its VM (a reply from the other endpoint), or null. */
    public String externalWait;
    /** Offload-runtime per-thread state, or null (see {@link ThreadHeader}). */
    public ThreadHeader offload;

    public GuestThread(int id, String name, long creationSeq) {
        this.id = id;
        this.name = name;
        this.creationSeq = creationSeq;
    }

    public long totalInstructions() {
        long s = 0;
        for (long c : opCounts) {
            s += c;
        }
        return s;
    }

    public long[] countsByClass() {
        return Opcodes.countsByClass(opCounts);
    }

    public int depth() {
        return top == null ? 0 : top.depth;
    }

    @Override
    public String toString() {
        return "Thread[" + name + "," + state + "]";
    }

    /** Counts one call of native {@code m} with boxed arguments {@code args} for the cost model. */
    public void countHostCall(VmMethod m, Object[] args) {
        if (m.costClass == HostCost.NONE) {
            return;
        }
        hostCalls++;
        int c = m.costClass.ordinal();
        hostCallsByCost[c]++;
        if (m.elements != null) {
            hostElementsByCost[c] += m.elements.applyAsLong(args);
        }
    }
}
