package org.cometsim.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.energy.ActivityTimeline;
import org.cometsim.device.energy.EnergyReport;
import org.cometsim.device.energy.PhoneEnergyModel;
import org.cometsim.device.energy.RadioKind;

/**
 * The single-VM simulated run behind {@code comet exec --cpu PRESET [--energy PRESET]}: guest
 * threads run on the preset's cores in simulated time computed from the interpreter's
 * per-opcode counters (the {@link CpuModel} is the VM's time model); the guest's clock reads
 * simulated time.
 * Afterwards it reports, on stderr, the completion time, the instruction mix by opcode class and,
 * with an energy preset, joules per component. Deterministic: the same program and arguments
 * give the same report byte for byte.
 */
final class SimulatedRun {
    private final String cpuName;
    private final CpuModel cpu;
    private final PhoneEnergyModel energy;
    private final String energyName;
    private final ActivityTimeline timeline = new ActivityTimeline();
    private Vm vm;

    private SimulatedRun(String cpuName, CpuModel cpu, String energyName, PhoneEnergyModel energy) {
        this.cpuName = cpuName;
        this.cpu = cpu;
        this.energyName = energyName;
        this.energy = energy;
    }

    static SimulatedRun create(String cpuPreset, String energyPreset) {
        CpuModel cpu;
        try {
            cpu = DeviceModels.cpu(cpuPreset);
        } catch (IllegalArgumentException e) {
            throw new CometCli.UsageException("--cpu: " + e.getMessage() + " (see 'comet presets list')");
        }
        PhoneEnergyModel energy = null;
        if (energyPreset != null) {
            try {
                energy = DeviceModels.energy(energyPreset);
            } catch (IllegalArgumentException e) {
                throw new CometCli.UsageException("--energy: " + e.getMessage() + " (see 'comet presets list')");
            }
        }
        return new SimulatedRun(cpuPreset, cpu, energyPreset, energy);
    }

    /** The guest clock: simulated time of the running thread. */
    VmClock clock() {
        return new VmClock() {
            @Override
            public long nanoTime() {
                return vm.scheduler().now();
            }

            @Override
            public long currentTimeMillis() {
                return vm.scheduler().now() / 1_000_000L;
            }

            @Override
            public void idleAdvance(long nanos) {
                // simulated time advances by itself
            }
        };
    }

    void attach(Vm vm) {
        this.vm = vm;
        vm.scheduler().setTimeModel(cpu, (t, core, start, end) -> timeline.cpuBusy(start, end));
    }

    void report(Vm vm, PrintStream err) {
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
        err.printf(Locale.ROOT, "comet: simulated on %s (%d core%s): completion time %.6f s%n", cpuName, cpu.cores(),
                cpu.cores() == 1 ? "" : "s", end / 1e9);
        err.printf(Locale.ROOT, "comet: %d Dalvik instructions, %d host calls, %d thread%s%n", total, hostCalls,
                vm.scheduler().threads().size(), vm.scheduler().threads().size() == 1 ? "" : "s");
        err.println("comet: instruction mix by opcode class:");
        for (OpcodeClass c : OpcodeClass.values()) {
            long n = byClass[c.ordinal()];
            if (n > 0) {
                err.printf(Locale.ROOT, "comet:   %-13s %14d  %5.1f%%  %8.2f ns each%n", c.name(), n, 100.0 * n / total,
                        cpu.nanosPerInstruction(c));
            }
        }
        if (hostCalls > 0) {
            err.println("comet: host calls by cost class (calls, elements, simulated time):");
            for (HostCost c : HostCost.values()) {
                long n = callsByCost[c.ordinal()];
                if (n > 0) {
                    long e = elementsByCost[c.ordinal()];
                    err.printf(Locale.ROOT, "comet:   %-13s %14d  %14d  %12.6f s%n", c.key, n, e,
                            cpu.nanosForHostCalls(c, n, e) / 1e9);
                }
            }
        }
        java.util.SortedMap<String, Long> hostState = vm.bridge().hostStateReport();
        if (!hostState.isEmpty()) {
            // Principle 3: state the DSM could only ship whole is counted and reported.
            err.println("comet: host-heap library objects handed to guest code (not trackable per field):");
            hostState.forEach((k, n) -> err.printf(Locale.ROOT, "comet:   %-40s %8d%n", k, n));
        }
        if (energy != null) {
            EnergyReport r = energy.evaluate(timeline, RadioKind.WIFI, end);
            err.println("comet: energy (" + energyName + "; no network traffic in a single-VM run, radio idle):");
            for (String line : r.describe().split("\n")) {
                err.println("comet:   " + line);
            }
        }
    }
}
