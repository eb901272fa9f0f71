package org.cometsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import umontreal.ssj.randvar.ExponentialGen;

class SimulationTest {

    /** A typed event of the kind models define: a record with a payload. */
    record Arrival(int customer) implements Event {
        @Override
        public void fire(Simulation sim) {}
    }

    @Test
    void firesInTimeThenPriorityThenFifoOrder() {
        Simulation sim = new Simulation(1);
        List<String> log = new ArrayList<>();
        sim.schedule(SimTime.parse("20ms"), "b", () -> log.add("b@" + sim.time()));
        sim.schedule(SimTime.parse("20ms"), "c", () -> log.add("c@" + sim.time()));
        sim.schedule(SimTime.parse("20ms"), -1, new KernelEvent.Action("a", () -> log.add("a@" + sim.time())));
        sim.schedule(SimTime.parse("1ms"), "z", () -> log.add("z@" + sim.time()));
        sim.run();
        assertEquals(List.of("z@1ms", "a@20ms", "b@20ms", "c@20ms"), log);
        assertEquals(4, sim.executedEvents());
    }

    @Test
    void runUntilStopsAtTheHorizonAndAdvancesTheClock() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sim.schedule(SimTime.ofSeconds(i), "tick", () -> fired.add(sim.now()));
        }
        sim.runUntil(SimTime.parse("3s"));
        assertEquals(3, fired.size(), "events at 1, 2 and 3 s fire (≤ horizon)");
        assertEquals(3_000_000_000L, sim.now());
        sim.runUntil(SimTime.parse("3.5s"));
        assertEquals(3_500_000_000L, sim.now(), "clock moves to the horizon with no events");
        sim.run();
        assertEquals(5, fired.size());
    }

    @Test
    void cancelAndStop() {
        Simulation sim = new Simulation(1);
        List<String> log = new ArrayList<>();
        long h = sim.schedule(SimTime.parse("1s"), "cancelled", () -> log.add("cancelled"));
        sim.schedule(SimTime.parse("2s"), "x", () -> {
            log.add("x");
            sim.stop();
        });
        sim.schedule(SimTime.parse("3s"), "y", () -> log.add("y"));
        sim.cancel(h);
        sim.run();
        assertEquals(List.of("x"), log);
        sim.run();
        assertEquals(List.of("x", "y"), log);
    }

    @Test
    void rejectsEventsInThePast() {
        Simulation sim = new Simulation(1);
        sim.runUntil(SimTime.parse("1s"));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(SimTime.parse("0.5s"), new Arrival(1)));
        assertThrows(IllegalArgumentException.class, () -> sim.schedule(SimTime.ofNanos(-1), new Arrival(1)));
    }

    /** An M/M/1-like arrival process whose inter-arrival times come from a named stream. */
    private static String traceOfPoissonArrivals(long seed) {
        Simulation sim = new Simulation(seed);
        EventTraceHash hash = EventTraceHash.attachTo(sim);
        ExponentialGen gap = new ExponentialGen(sim.streams().stream("arrivals"), 10.0);
        final int[] n = {0};
        Event[] next = new Event[1];
        next[0] = new Event() {
            @Override
            public void fire(Simulation s) {
                if (++n[0] < 200) {
                    s.schedule(SimTime.ofSeconds(gap.nextDouble()), new Arrival(n[0]));
                    s.schedule(SimTime.ofSeconds(gap.nextDouble()), this);
                }
            }

            @Override
            public String tracePayload() {
                return "generator";
            }
        };
        sim.schedule(SimTime.ZERO, next[0]);
        sim.run();
        assertEquals(199 * 2 + 1, hash.events());
        return hash.hex();
    }

    @Test
    void sameSeedGivesSameTraceHashDifferentSeedDoesNot() {
        assertEquals(traceOfPoissonArrivals(42), traceOfPoissonArrivals(42));
        assertNotEquals(traceOfPoissonArrivals(42), traceOfPoissonArrivals(43));
    }
}
