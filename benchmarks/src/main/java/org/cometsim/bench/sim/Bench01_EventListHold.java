package org.cometsim.bench.sim;

import java.util.concurrent.TimeUnit;
import org.cometsim.sim.EventList;
import org.cometsim.sim.QuaternaryHeapEventList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The classic hold model (Vaucher &amp; Duval 1975; Jones 1986): keep {@code n} events pending;
 * one operation removes the earliest (at time t) and inserts a new one at t + X with
 * X ~ Exp(1). It measures an event list in the steady state a simulation actually runs in.
 *
 * <p>Lists compared in one run: our {@link QuaternaryHeapEventList} (the kernel default), and
 * SSJ's {@link SplayTree} (SSJ's default) and {@link BinaryTree}. All three see the same
 * pre-generated increments (one table of 2^16 Exp(1) draws from an {@code MRG32k3a} with SSJ's
 * default seed), so random-number generation is not part of the measurement. Our list keys on
 * {@code long} nanoseconds, so increments are scaled by 10^9 and rounded; SSJ keys on
 * {@code double} seconds. SSJ events are reused (time field rewritten + {@code add}), the fastest
 * way to drive SSJ's lists; ours re-adds the same payload object.
 *
 * <p>One benchmark operation = 1000 holds ({@code @OperationsPerInvocation} divides it back).
 *
 * <h2>HOW TO RUN THIS TEST</h2>
 * <pre>
 * mvn -q -o -pl benchmarks package
 * java -jar benchmarks/target/benchmarks.jar Bench01_EventListHold -f 1 -wi 2 -i 3 -w 1s -r 1s
 * </pre>
 * Results are in sim-engine/README.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Bench01_EventListHold {

    static final int HOLDS = 1000;
    static final int TABLE = 1 << 16;

    /** Exp(1) increments shared by all lists. */
    @State(Scope.Benchmark)
    public static class Increments {
        final double[] seconds = new double[TABLE];
        final long[] nanos = new long[TABLE];

        @Setup(Level.Trial)
        public void fill() {
            MRG32k3a s = new MRG32k3a();
            s.setSeed(new long[] {12345, 12345, 12345, 12345, 12345, 12345});
            for (int i = 0; i < TABLE; i++) {
                seconds[i] = -Math.log1p(-s.nextDouble());
                nanos[i] = Math.round(seconds[i] * 1e9);
            }
        }
    }

    @State(Scope.Thread)
    public static class CometHeap {
        @Param({"1000", "10000", "100000"})
        int n;
        EventList<Object> list;
        int cursor;

        @Setup(Level.Trial)
        public void fill(Increments inc) {
            list = new QuaternaryHeapEventList<>(n);
            Object payload = new Object();
            for (int i = 0; i < n; i++) {
                list.add(inc.nanos[i & (TABLE - 1)], 0, payload);
            }
            cursor = n;
        }
    }

    /** Minimal SSJ event: the hold model never fires it, only orders it. */
    static final class HoldEvent extends Event {
        HoldEvent(Simulator sim) {
            super(sim);
        }

        @Override
        public void actions() {}

        /**
         * Sets the time of an event just taken off the list. SSJ's {@code setTime} refuses
         * (it thinks the event is still scheduled, because only {@code Simulator} clears that
         * mark), so write the protected field directly: the cheapest legal SSJ path.
         */
        void holdAt(double t) {
            eventTime = t;
        }
    }

    @State(Scope.Thread)
    public static class Ssj {
        @Param({"1000", "10000", "100000"})
        int n;
        @Param({"SplayTree", "BinaryTree"})
        String kind;
        umontreal.ssj.simevents.eventlist.EventList list;
        int cursor;

        @Setup(Level.Trial)
        public void fill(Increments inc) {
            list = kind.equals("SplayTree") ? new SplayTree() : new BinaryTree();
            Simulator sim = new Simulator(list);
            for (int i = 0; i < n; i++) {
                HoldEvent e = new HoldEvent(sim);
                e.setTime(inc.seconds[i & (TABLE - 1)]);
                list.add(e);
            }
            cursor = n;
        }
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public long cometQuaternaryHeap(CometHeap st, Increments inc) {
        EventList<Object> list = st.list;
        long[] table = inc.nanos;
        int c = st.cursor;
        long t = 0;
        for (int i = 0; i < HOLDS; i++) {
            t = list.firstTime();
            Object e = list.removeFirst();
            list.add(t + table[c++ & (TABLE - 1)], 0, e);
        }
        st.cursor = c;
        return t;
    }

    @Benchmark
    @OperationsPerInvocation(HOLDS)
    public double ssj(Ssj st, Increments inc) {
        umontreal.ssj.simevents.eventlist.EventList list = st.list;
        double[] table = inc.seconds;
        int c = st.cursor;
        double t = 0;
        for (int i = 0; i < HOLDS; i++) {
            HoldEvent e = (HoldEvent) list.removeFirst();
            t = e.time();
            e.holdAt(t + table[c++ & (TABLE - 1)]);
            list.add(e);
        }
        st.cursor = c;
        return t;
    }
}
