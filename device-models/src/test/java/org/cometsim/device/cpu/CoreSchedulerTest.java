package org.cometsim.device.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.cometsim.device.cpu.CoreScheduler.Slice;
import org.cometsim.device.cpu.GuestTask.Outcome;
import org.cometsim.device.cpu.GuestTask.SliceResult;
import org.junit.jupiter.api.Test;

class CoreSchedulerTest {

    static final long MS = 1_000_000L;

    /** Needs {@code work} ns of CPU; reaches a safepoint every {@code safepoint} ns. */
    static final class Worker implements GuestTask {
        final String name;
        long left;
        final long safepoint;
        Consumer<Long> onSlice = t -> {};
        long blockAfter = -1; // block once when at most this much work is left; -1 = never

        Worker(String name, long work, long safepoint) {
            this.name = name;
            this.left = work;
            this.safepoint = safepoint;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public SliceResult runSlice(long start, long quantum) {
            onSlice.accept(start);
            // Run whole safepoint intervals until the quantum is used or the work is done.
            long used = 0;
            while (used < quantum && left > 0) {
                long step = Math.min(safepoint, left);
                used += step;
                left -= step;
            }
            if (left == 0) {
                return new SliceResult(used, Outcome.FINISHED);
            }
            if (left <= blockAfter) {
                blockAfter = -1;
                return new SliceResult(used, Outcome.BLOCKED);
            }
            return new SliceResult(used, Outcome.PREEMPTED);
        }
    }

    private static List<String> render(List<Slice> log) {
        List<String> out = new ArrayList<>();
        for (Slice s : log) {
            out.add(s.core() + ":" + s.task() + "[" + s.startNanos() / MS + "," + s.endNanos() / MS + ")");
        }
        return out;
    }

    @Test
    void roundRobinOnOneCore() {
        CoreScheduler s = new CoreScheduler(1, 10 * MS);
        Worker a = new Worker("A", 25 * MS, MS);
        Worker b = new Worker("B", 25 * MS, MS);
        s.submit(a, 0);
        s.submit(b, 0);
        assertEquals(List.of("0:A[0,10)", "0:B[10,20)", "0:A[20,30)", "0:B[30,40)", "0:A[40,45)", "0:B[45,50)"),
                render(s.runUntilIdle()), "quantum 10 ms, 25 ms each: A B A B A(5) B(5)");
        assertEquals(45 * MS, s.finishedAt(a));
        assertEquals(50 * MS, s.finishedAt(b));
        assertEquals(50 * MS, s.busyNanos(0));
    }

    @Test
    void preemptionWaitsForTheNextSafepoint() {
        CoreScheduler s = new CoreScheduler(1, 10 * MS);
        s.submit(new Worker("A", 24 * MS, 4 * MS), 0);
        s.submit(new Worker("B", 4 * MS, 4 * MS), 0);
        // A's safepoints are 4 ms apart: the first at or after 10 ms is at 12 ms.
        assertEquals(List.of("0:A[0,12)", "0:B[12,16)", "0:A[16,28)"), render(s.runUntilIdle()));
    }

    @Test
    void lowestFreeCoreAndFifoAmongEqualReadyTimes() {
        CoreScheduler s = new CoreScheduler(2, 10 * MS);
        s.submit(new Worker("A", 10 * MS, MS), 0);
        s.submit(new Worker("B", 20 * MS, MS), 0);
        s.submit(new Worker("C", 10 * MS, MS), 0);
        s.submit(new Worker("D", 5 * MS, MS), 12 * MS);
        assertEquals(List.of("0:A[0,10)", "1:B[0,10)", "0:C[10,20)", "1:B[10,20)", "0:D[20,25)"),
                render(s.runUntilIdle()),
                "at 10 ms C (ready since 0) precedes B (re-queued at 10); D, ready at 12, waits for 20 ms,"
                        + " when both cores free up: the lowest-numbered, core 0, takes it");
    }

    @Test
    void blockedTaskRunsAgainAfterWake() {
        CoreScheduler s = new CoreScheduler(1, 10 * MS);
        Worker a = new Worker("A", 20 * MS, MS);
        a.blockAfter = 15 * MS; // blocks after its first slice
        Worker b = new Worker("B", 30 * MS, MS);
        s.submit(a, 0);
        s.submit(b, 0);
        b.onSlice = t -> {
            if (t == 10 * MS) {
                s.wake(a, 15 * MS); // e.g. B releases a monitor mid-slice
            }
        };
        assertEquals(List.of("0:A[0,10)", "0:B[10,20)", "0:A[20,30)", "0:B[30,40)", "0:B[40,50)"),
                render(s.runUntilIdle()));
        assertEquals(30 * MS, s.finishedAt(a));
    }

    @Test
    void rerunGivesTheSameSchedule() {
        List<String> first = null;
        for (int run = 0; run < 3; run++) {
            CoreScheduler s = new CoreScheduler(3, 7 * MS);
            for (int i = 0; i < 10; i++) {
                s.submit(new Worker("T" + i, (i * 13 % 29 + 3) * MS, MS), (i % 4) * MS);
            }
            List<String> log = render(s.runUntilIdle());
            if (first == null) {
                first = log;
            }
            assertEquals(first, log);
        }
    }
}
