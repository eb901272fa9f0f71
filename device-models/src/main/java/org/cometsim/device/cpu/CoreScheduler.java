package org.cometsim.device.cpu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Deterministic round-robin scheduling of {@link GuestTask}s on N cores in simulated time.
 *
 * <h2>Rule (the whole algorithm)</h2>
 * <ol>
 *   <li>Ready tasks wait in one queue ordered by (ready time, enqueue sequence): FIFO among
 *       tasks that became ready at the same instant, in the order the scheduler learnt of
 *       them. A preempted task is re-enqueued at the time its slice ended, so it goes behind
 *       every task already ready by then (round robin).</li>
 *   <li>Each step dispatches the queue's head at D = max(its ready time, earliest time any core
 *       is free), on the lowest-numbered core free at D.</li>
 *   <li>The task runs one slice of the quantum ({@link GuestTask#runSlice}); the core is busy
 *       for the time the task reports (preemption happens at the task's next safepoint, so a
 *       slice may overrun the quantum).</li>
 *   <li>PREEMPTED → re-enqueued at the slice end; BLOCKED → parked until {@link #wake};
 *       FINISHED → done.</li>
 * </ol>
 * Dispatch times never decrease, so the log is a valid timeline; nothing depends on hash
 * codes or wall-clock time. No migration cost between cores and no context-switch cost are
 * modelled (the interpreter's thread switch is part of the slice's reported time if at all).
 */
public final class CoreScheduler {

    private final int cores;
    private final long quantumNanos;
    private final long[] freeAt;
    private final long[] busyNanos;
    private final PriorityQueue<Ready> ready = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final Map<GuestTask, Long> finishedAt = new HashMap<>();
    private final List<GuestTask> blocked = new ArrayList<>();
    private final List<Slice> log = new ArrayList<>();
    private long seq;
    private long lastDispatch;

    private record Ready(GuestTask task, long at, long seq) {}

    /** One executed slice. */
    public record Slice(int core, String task, long startNanos, long endNanos, GuestTask.Outcome outcome) {}

    public CoreScheduler(int cores, long quantumNanos) {
        if (cores < 1 || quantumNanos <= 0) {
            throw new IllegalArgumentException("need ≥ 1 core and a positive quantum");
        }
        this.cores = cores;
        this.quantumNanos = quantumNanos;
        this.freeAt = new long[cores];
        this.busyNanos = new long[cores];
    }

    /**
     * A task becomes runnable at {@code readyAtNanos}, clamped to the last dispatch time so that
     * a late submission cannot rewrite the past.
     */
    public void submit(GuestTask task, long readyAtNanos) {
        ready.add(new Ready(task, Math.max(readyAtNanos, lastDispatch), seq++));
    }

    /**
     * Makes a BLOCKED task runnable at {@code atNanos} (never earlier than the last dispatch,
     * so a wake-up cannot rewrite the past). May be called from inside {@code runSlice}.
     */
    public void wake(GuestTask task, long atNanos) {
        if (!blocked.remove(task)) {
            throw new IllegalStateException(task.name() + " is not blocked");
        }
        ready.add(new Ready(task, Math.max(atNanos, lastDispatch), seq++));
    }

    /** Runs slices until no task is ready. Returns the slice log so far. */
    public List<Slice> runUntilIdle() {
        return runUntil(Long.MAX_VALUE);
    }

    /** Runs slices whose dispatch time is ≤ {@code endNanos}. */
    public List<Slice> runUntil(long endNanos) {
        while (!ready.isEmpty()) {
            Ready head = ready.peek();
            long earliestFree = Long.MAX_VALUE;
            for (long f : freeAt) {
                earliestFree = Math.min(earliestFree, f);
            }
            long d = Math.max(head.at, earliestFree);
            if (d > endNanos) {
                break;
            }
            ready.poll();
            int core = 0;
            while (freeAt[core] > d) {
                core++;
            }
            lastDispatch = d;
            GuestTask.SliceResult r = head.task.runSlice(d, quantumNanos);
            long end = d + r.consumedNanos();
            freeAt[core] = end;
            busyNanos[core] += r.consumedNanos();
            log.add(new Slice(core, head.task.name(), d, end, r.outcome()));
            switch (r.outcome()) {
                case PREEMPTED -> ready.add(new Ready(head.task, end, seq++));
                case BLOCKED -> blocked.add(head.task);
                case FINISHED -> finishedAt.put(head.task, end);
                default -> throw new IllegalStateException();
            }
        }
        return Collections.unmodifiableList(log);
    }

    public int cores() {
        return cores;
    }

    public long quantumNanos() {
        return quantumNanos;
    }

    /** Simulated time at which {@code task} finished, or -1. */
    public long finishedAt(GuestTask task) {
        return finishedAt.getOrDefault(task, -1L);
    }

    /** Total time core {@code core} spent running slices. */
    public long busyNanos(int core) {
        return busyNanos[core];
    }

    /** Time at which the last slice on any core ends. */
    public long makespanNanos() {
        long m = 0;
        for (long f : freeAt) {
            m = Math.max(m, f);
        }
        return m;
    }

    /** Tasks currently parked as BLOCKED, in the order they blocked. */
    public List<GuestTask> blocked() {
        return Collections.unmodifiableList(blocked);
    }
}
