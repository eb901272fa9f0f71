package org.cometsim.scenarios;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.SortedMap;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.dalvik.rt.RuntimeFigures;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.energy.ActivityTimeline;
import org.cometsim.device.energy.EnergyReport;
import org.cometsim.device.energy.PhoneEnergyModel;
import org.cometsim.device.energy.RadioKind;
import org.cometsim.sim.Simulation;

/**
 * One program on one simulated device, as {@code comet exec --cpu PRESET [--energy PRESET]} runs
 * it: a {@link Vm} whose guest threads run on the CPU model's cores as a
 * {@link SimulatedEndpoint} of a {@link Simulation}, its guest clock reading simulated time, the
 * CPU's busy intervals feeding the energy model, and {@code Runtime.availableProcessors()} the
 * CPU model's core count. Deterministic: the same program, arguments and presets give the same
 * {@link Report} byte for byte, under every {@code --jit} mode.
 */
public final class SimulatedExec {
    private final CpuModel cpu;
    private final PhoneEnergyModel energy;
    private final ActivityTimeline timeline = new ActivityTimeline();
    private final Vm vm;
    private final Simulation sim = new Simulation(0);
    private final SimulatedEndpoint endpoint;

    /**
     * @param energy the phone energy model, or null for none
     * @param jit null for the VM's default ({@code -Dcomet.jit}, else on)
     * @param guestLibrary false runs the host JDK's collections instead of the guest library (A/B)
     */
    public SimulatedExec(ClassPath classPath, String classPathText, CpuModel cpu, PhoneEnergyModel energy,
                         PrintStream out, PrintStream err, InputStream in, JitMode jit, boolean guestLibrary) {
        this.cpu = cpu;
        this.energy = energy;
        Vm[] self = new Vm[1];
        VmClock clock = simulatedClock(() -> self[0].scheduler().now());
        this.vm = new Vm(classPath, new Vm.Options(out, err, in, clock).withGuestLibrary(guestLibrary)
                .withRuntime(runtimeFigures(cpu)));
        self[0] = vm;
        if (jit != null) {
            vm.setJitMode(jit);
        }
        vm.setGuestProperty("java.class.path", classPathText);
        vm.scheduler().setTimeModel(cpu, (t, core, start, end) -> timeline.cpuBusy(start, end));
        // Alone on the simulation, nothing outside can affect the VM: no lookahead bound.
        this.endpoint = new SimulatedEndpoint("device", vm, sim, Long.MAX_VALUE);
    }

    /**
     * What {@code java.lang.Runtime} reports on the simulated device: the CPU model's cores; the
     * memory figures are {@link RuntimeFigures#PHONE_2012}'s (an assumption, see there: the CPU
     * presets carry no heap size).
     */
    public static RuntimeFigures runtimeFigures(CpuModel cpu) {
        return RuntimeFigures.PHONE_2012.withProcessors(cpu.cores());
    }

    /** The guest's clock: the simulated time of the running slice. */
    public static VmClock simulatedClock(java.util.function.LongSupplier now) {
        return new VmClock() {
            @Override
            public long nanoTime() {
                return now.getAsLong();
            }

            @Override
            public long currentTimeMillis() {
                return now.getAsLong() / 1_000_000L;
            }

            @Override
            public void idleAdvance(long nanos) {
                // simulated time advances by itself
            }
        };
    }

    public Vm vm() {
        return vm;
    }

    private long timeLimitNanos;

    /** Stops the run at this simulated time with {@link SimulatedTimeLimit.Exceeded} (0: no limit, the default). */
    public SimulatedExec withTimeLimit(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a time limit must not be negative: " + nanos);
        }
        this.timeLimitNanos = nanos;
        return this;
    }

    public Simulation simulation() {
        return sim;
    }

    /**
     * Runs {@code mainClass.main(args)} to the end of the program through the event loop and
     * returns the exit status as {@code java} would ({@code System.exit}'s, else 1 if main ended
     * with an uncaught exception, else 0). A {@code VmError} (deadlock, unsupported API) escapes.
     */
    public int runMain(String mainClass, String[] args) {
        GuestThread main = vm.launcher().startMain(mainClass, args);
        SimulatedTimeLimit limit = SimulatedTimeLimit.install(sim, timeLimitNanos);
        endpoint.start();
        sim.run();
        RuntimeException failure = endpoint.failure();
        if (failure == null && limit != null && limit.reached() && !endpoint.finished()) {
            throw new SimulatedTimeLimit.Exceeded(limit.limitNanos(), vm.scheduler().describeThreads());
        }
        if (failure instanceof VmExit exit) {
            vm.launcher().exit(exit);
            return exit.status;
        }
        if (failure != null) {
            throw failure;
        }
        if (!endpoint.finished()) {
            throw new IllegalStateException("the event loop ended before the program: " + endpoint.progress());
        }
        return vm.launcher().finish(main);
    }

    /** What a run used: time, instruction mix, host calls, threads, energy. */
    public record Report(String cpuName, int cores, long completionNanos, long[] countsByClass, long instructions,
                         long hostCalls, long[] hostCallsByCost, long[] hostElementsByCost, int threads,
                         SortedMap<String, Long> hostState, EnergyReport energy) {
        /** Simulated time of {@code calls} host calls of class {@code c} over {@code elements} elements. */
        public double hostNanos(CpuModel cpu, HostCost c) {
            return cpu.nanosForHostCalls(c, hostCallsByCost[c.ordinal()], hostElementsByCost[c.ordinal()]);
        }

        public long count(OpcodeClass c) {
            return countsByClass[c.ordinal()];
        }
    }

    /** The report of the finished run (call after {@link #runMain}). */
    public Report report() {
        long end = vm.scheduler().simulatedEnd();
        long[] perOp = new long[256];
        long hostCalls = 0;
        long[] callsByCost = new long[HostCost.COUNT];
        long[] elementsByCost = new long[HostCost.COUNT];
        for (GuestThread t : vm.scheduler().threads()) {
            for (int op = 0; op < 256; op++) {
                perOp[op] += t.opCounts[op];
            }
            hostCalls += t.hostCalls;
            for (int c = 0; c < HostCost.COUNT; c++) {
                callsByCost[c] += t.hostCallsByCost[c];
                elementsByCost[c] += t.hostElementsByCost[c];
            }
        }
        long[] byClass = Opcodes.countsByClass(perOp);
        long total = 0;
        for (long c : byClass) {
            total += c;
        }
        EnergyReport e = energy == null ? null : energy.evaluate(timeline, RadioKind.WIFI, end);
        return new Report(cpu.name(), cpu.cores(), end, byClass, total, hostCalls, callsByCost, elementsByCost,
                vm.scheduler().threads().size(), vm.bridge().hostStateReport(), e);
    }
}
