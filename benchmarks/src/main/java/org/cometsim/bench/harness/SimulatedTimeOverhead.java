package org.cometsim.bench.harness;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.scenarios.SimulatedExec;

/**
 * What simulated time costs: the host CPU time of a program run in simulated time through the
 * event loop ({@code comet exec --cpu}: a {@link SimulatedExec}, its VM an actor of the
 * simulation, every slice priced by the CPU model) against the same program run plainly
 * ({@code comet exec}: 1 ns per instruction, no simulation), in the same JVM.
 *
 * <p>Method: one warm-up run of each, then {@code pairs} pairs, the order alternating within
 * pairs (plain first in even pairs, simulated first in odd ones) so drift in HotSpot's state or
 * the machine's load hits both sides alike; each run's cost is the CPU time of the thread that
 * ran it (the VM runs on the caller's thread), which a loaded machine disturbs far less than wall
 * time. The figure is the median over pairs of simulated/plain. Issue #11's target: at most 1.15.
 */
public final class SimulatedTimeOverhead {
    /** Issue #11: the event-loop path may cost at most this much more CPU time than a plain run. */
    public static final double TARGET_RATIO = 1.15;

    private final ClassPath classPath;
    private final String classPathText;
    private final String mainClass;
    private final String[] args;
    private final CpuModel cpu;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public SimulatedTimeOverhead(ClassPath classPath, String classPathText, String mainClass, String[] args, CpuModel cpu) {
        this.classPath = classPath;
        this.classPathText = classPathText;
        this.mainClass = mainClass;
        this.args = args.clone();
        this.cpu = cpu;
    }

    /** One pair's measurements, in nanoseconds of thread CPU time. */
    public record Pair(long plainNanos, long simulatedNanos) {
        public double ratio() {
            return (double) simulatedNanos / plainNanos;
        }
    }

    /** The measured pairs and their median ratio. */
    public record Result(List<Pair> pairs, double medianRatio) {
        public boolean met() {
            return medianRatio <= TARGET_RATIO;
        }
    }

    /** Runs the warm-up and {@code pairs} pairs, reporting progress on {@code progress}. */
    public Result measure(int pairs, PrintStream progress) {
        progress.println("warm-up: one plain run, one simulated run");
        plain();
        simulated();
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            long p;
            long s;
            if (i % 2 == 0) {
                p = plain();
                s = simulated();
            } else {
                s = simulated();
                p = plain();
            }
            Pair pair = new Pair(p, s);
            out.add(pair);
            progress.printf(Locale.ROOT, "pair %d/%d: plain %.1f ms, simulated %.1f ms, ratio %.3f%n", i + 1, pairs,
                    p / 1e6, s / 1e6, pair.ratio());
        }
        List<Double> ratios = new ArrayList<>();
        for (Pair pair : out) {
            ratios.add(pair.ratio());
        }
        ratios.sort(null);
        int n = ratios.size();
        double median = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
        return new Result(out, median);
    }

    private long plain() {
        PrintStream sink = sink();
        Vm vm = new Vm(classPath, new Vm.Options(sink, sink, System.in, VmClock.wallClock()));
        vm.setGuestProperty("java.class.path", classPathText);
        long t0 = threads.getCurrentThreadCpuTime();
        try {
            vm.runMain(mainClass, args);
        } catch (VmExit e) {
            // the program's exit status does not matter here
        }
        return threads.getCurrentThreadCpuTime() - t0;
    }

    private long simulated() {
        PrintStream sink = sink();
        SimulatedExec run = new SimulatedExec(classPath, classPathText, cpu, null, sink, sink, System.in, null, true);
        long t0 = threads.getCurrentThreadCpuTime();
        run.runMain(mainClass, args);
        return threads.getCurrentThreadCpuTime() - t0;
    }

    private static PrintStream sink() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
