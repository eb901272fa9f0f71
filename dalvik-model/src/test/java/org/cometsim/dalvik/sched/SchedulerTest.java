package org.cometsim.dalvik.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.cometsim.dalvik.rt.CpuTimeModel;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmError;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's dispatch rule with scripted threads instead of the interpreter (the cases are
 * those of device-models' former {@code CoreScheduler}, whose rule the VM's scheduler now is):
 * each scripted thread executes 1 ns "instructions" and reaches a safepoint slow path every
 * {@code slowPath} ns, where it yields if the scheduler says so, as the interpreter does.
 */
class SchedulerTest {
    static final long MS = 1_000_000L;

    /** A thread's script: work left, slow-path spacing, an optional block and a hook per slice. */
    static final class Script {
        long left;
        final long slowPath;
        long blockWhenLeft = -1;
        Consumer<GuestThread> atSliceStart = t -> { };
        /** Run this after {@code afterNanos} of the slice's work (e.g. wake another thread). */
        long actionAfter = -1;
        Runnable action;

        Script(long work, long slowPath) {
            this.left = work;
            this.slowPath = slowPath;
        }
    }

    /** A 1 ns-per-instruction CPU with {@code cores} cores. */
    private static CpuTimeModel cores(int n) {
        return new CpuTimeModel() {
            @Override
            public int cores() {
                return n;
            }

            @Override
            public long sliceNanos(long[] opCountDelta, long[] hostCallsByCost, long[] hostElementsByCost) {
                long s = 0;
                for (long c : opCountDelta) {
                    s += c;
                }
                return s;
            }
        };
    }

    private final Map<GuestThread, Script> scripts = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private Scheduler sched;

    private Scheduler scheduler(int cores) {
        ThreadRunner runner = t -> {
            Script s = scripts.get(t);
            s.atSliceStart.accept(t);
            long done = 0;
            while (true) {
                long step = Math.min(s.slowPath - t.opCounts[0] % s.slowPath, s.left);
                if (s.actionAfter >= 0 && done < s.actionAfter && done + step > s.actionAfter) {
                    step = s.actionAfter - done;
                }
                t.opCounts[0] += step;
                s.left -= step;
                done += step;
                if (s.actionAfter >= 0 && done == s.actionAfter) {
                    s.actionAfter = -1;
                    s.action.run();
                    continue;
                }
                if (s.left == 0) {
                    return ThreadRunner.TERMINATED;
                }
                if (s.blockWhenLeft >= 0 && s.left <= s.blockWhenLeft) {
                    s.blockWhenLeft = -1;
                    t.state = ThreadState.WAITING;
                    return ThreadRunner.BLOCKED;
                }
                if (t.opCounts[0] % s.slowPath == 0 && sched.shouldPreempt(t)) {
                    return ThreadRunner.YIELD;
                }
            }
        };
        sched = new Scheduler(runner, () -> 1024, VmClock.wallClock());
        sched.setTimeModel(cores(cores), (t, core, start, end) -> log.add(core + ":" + t.name + "[" + start / MS + "," + end / MS + ")"));
        sched.setExceptions(new GuestExceptions() {
            @Override
            public GuestThrowable create(GuestThread t, String className, String message) {
                throw new AssertionError(className + ": " + message);
            }

            @Override
            public GuestThrowable createWithCause(GuestThread t, String className, String message, Object cause) {
                throw new AssertionError(className + ": " + message);
            }

            @Override
            public GuestThrowable create(GuestThread t, VmClass c, String message) {
                throw new AssertionError(c.name + ": " + message);
            }

            @Override
            public GuestThrowable createWithCause(GuestThread t, VmClass c, String message, Object cause) {
                throw new AssertionError(c.name + ": " + message);
            }
        });
        return sched;
    }

    private GuestThread thread(String name, Script s, long readyAt) {
        GuestThread t = sched.newThread(name, null);
        scripts.put(t, s);
        sched.adopt(t, readyAt);
        return t;
    }

    @Test
    void roundRobinOnOneCore() {
        scheduler(1);
        GuestThread a = thread("A", new Script(25 * MS, 10 * MS), 0);
        GuestThread b = thread("B", new Script(25 * MS, 10 * MS), 0);
        sched.runToCompletion();
        assertEquals(List.of("0:A[0,10)", "0:B[10,20)", "0:A[20,30)", "0:B[30,40)", "0:A[40,45)", "0:B[45,50)"), log,
                "slow path every 10 ms, 25 ms each: A B A B A(5) B(5)");
        assertEquals(ThreadState.TERMINATED, a.state);
        assertEquals(ThreadState.TERMINATED, b.state);
        assertEquals(50 * MS, sched.simulatedEnd());
    }

    @Test
    void preemptionWaitsForTheNextSlowPath() {
        scheduler(1);
        thread("A", new Script(24 * MS, 12 * MS), 0);
        thread("B", new Script(4 * MS, 4 * MS), 0);
        sched.runToCompletion();
        assertEquals(List.of("0:A[0,12)", "0:B[12,16)", "0:A[16,28)"), log);
    }

    @Test
    void lowestFreeCoreAndFifoAmongEqualReadyTimes() {
        scheduler(2);
        thread("A", new Script(10 * MS, 10 * MS), 0);
        thread("B", new Script(20 * MS, 10 * MS), 0);
        thread("C", new Script(10 * MS, 10 * MS), 0);
        thread("D", new Script(5 * MS, 10 * MS), 12 * MS);
        sched.runToCompletion();
        assertEquals(List.of("0:A[0,10)", "1:B[0,10)", "0:C[10,20)", "1:B[10,20)", "0:D[20,25)"), log,
                "at 10 ms C (ready since 0) precedes B (re-queued at 10); D, ready at 12, waits for 20 ms,"
                        + " when both cores free up: the lowest-numbered, core 0, takes it");
    }

    @Test
    void aBlockedThreadRunsAgainFromWhenItIsWoken() {
        scheduler(1);
        Script sa = new Script(20 * MS, 10 * MS);
        sa.blockWhenLeft = 15 * MS;
        GuestThread a = thread("A", sa, 0);
        Script sb = new Script(30 * MS, 10 * MS);
        sb.actionAfter = 5 * MS; // e.g. B releases a monitor 5 ms into its first slice
        sb.action = () -> sched.wake(a, Scheduler.PHASE_WOKEN);
        thread("B", sb, 0);
        sched.runToCompletion();
        assertEquals(List.of("0:A[0,10)", "0:B[10,20)", "0:A[20,30)", "0:B[30,50)"), log,
                "A is ready at 15 (woken 5 ms into B's slice) and runs at B's next slow path; B then runs alone");
        assertEquals(30 * MS, a.readyAt);
    }

    @Test
    void runUntilStopsAtTheHorizonAndSaysWhenItNextWantsToRun() {
        scheduler(1);
        thread("A", new Script(25 * MS, 1 * MS), 0);
        assertEquals(Scheduler.Progress.HORIZON, sched.runUntil(7 * MS));
        assertEquals(List.of("0:A[0,7)"), log, "the slice crossing the horizon ends at its next slow path");
        assertEquals(7 * MS, sched.nextDispatchNanos());
        sched.advanceClockTo(9 * MS);
        assertEquals(9 * MS, sched.nextDispatchNanos(), "nothing is dispatched before the driver's clock");
        assertEquals(Scheduler.Progress.FINISHED, sched.runUntil(Long.MAX_VALUE));
        assertEquals(List.of("0:A[0,7)", "0:A[9,27)"), log);
    }

    @Test
    void aThreadWaitingForTheOtherEndpointIsNotADeadlock() {
        scheduler(1);
        Script s = new Script(10 * MS, 1 * MS);
        s.atSliceStart = t -> {
            if (s.left == 10 * MS) {
                s.left -= 2 * MS;
                t.opCounts[0] += 2 * MS;
                sched.blockExternally(t, "a reply");
                s.blockWhenLeft = Long.MAX_VALUE; // return BLOCKED right after
            }
        };
        GuestThread a = thread("A", s, 0);
        assertEquals(Scheduler.Progress.WAITING_EXTERNAL, sched.runUntil(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, sched.nextDispatchNanos());
        sched.advanceClockTo(50 * MS);
        sched.wakeExternal(a, 50 * MS);
        assertEquals(Scheduler.Progress.FINISHED, sched.runUntil(Long.MAX_VALUE));
        assertEquals(List.of("0:A[0,3)", "0:A[50,57)"), log);
    }

    /**
     * An outside wait (an offload runtime fetching a lock or volatile ownership) only delays what
     * asked for it: the woken thread finds the block phase it had before, so a re-acquiring
     * {@code wait} still knows it was interrupted and a later {@code sleep} does not see "woken".
     */
    @Test
    void anOutsideWaitGivesBackTheBlockPhaseItFound() {
        scheduler(1);
        GuestThread a = thread("A", new Script(1 * MS, 1 * MS), 0);
        for (int before : new int[] {Scheduler.PHASE_NONE, Scheduler.PHASE_INTERRUPTED, Scheduler.PHASE_WOKEN}) {
            a.blockPhase = before;
            sched.blockExternally(a, "ownership");
            assertEquals(Scheduler.PHASE_WAITING, a.blockPhase);
            sched.wakeExternal(a, 0);
            assertEquals(before, a.blockPhase, "phase given back after the outside wait");
        }
    }

    @Test
    void aDeadlockIsReportedWhenNothingCanRun() {
        scheduler(1);
        Script s = new Script(10 * MS, 1 * MS);
        s.blockWhenLeft = 9 * MS;
        thread("A", s, 0);
        VmError e = assertThrows(VmError.class, () -> sched.runToCompletion());
        assertTrue(e.getMessage().startsWith("deadlock:") && e.getMessage().contains("\"A\""), e.getMessage());
    }

    /**
     * An offload driver asks both endpoints what their threads do when the program is stuck; an
     * endpoint whose threads all ended or left has nothing to say, and says so (it used to throw
     * StringIndexOutOfBoundsException, hiding the real deadlock report).
     */
    @Test
    void describeThreadsOfAVmWithoutLiveThreads() {
        scheduler(1);
        assertEquals("no live threads", sched.describeThreads());
        Script s = new Script(10 * MS, 1 * MS);
        s.blockWhenLeft = 9 * MS;
        thread("A", s, 0);
        sched.setDeadlockDetection(false);
        assertEquals(Scheduler.Progress.WAITING_EXTERNAL, sched.runUntil(Long.MAX_VALUE));
        assertEquals("\"A\" waiting", sched.describeThreads());
    }

    @Test
    void rerunGivesTheSameSchedule() {
        List<String> first = null;
        for (int run = 0; run < 3; run++) {
            scripts.clear();
            log.clear();
            scheduler(3);
            for (int i = 0; i < 10; i++) {
                thread("T" + i, new Script((i * 13 % 29 + 3) * MS, 7 * MS), (i % 4) * MS);
            }
            sched.runToCompletion();
            if (first == null) {
                first = new ArrayList<>(log);
            }
            assertEquals(first, log);
        }
    }
}
