package org.cometsim.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.scenarios.SimulatedExec;

/**
 * Prints the report of {@code comet exec --cpu} on stderr: completion time, instruction mix by
 * opcode class, host calls by cost class, host-heap state handed to the guest, and energy.
 */
final class SimulatedRunReport {
    private SimulatedRunReport() {
    }

    static void print(SimulatedExec.Report r, CpuModel cpu, String energyName, PrintStream err) {
        err.printf(Locale.ROOT, "comet: simulated on %s (%d core%s): completion time %.6f s%n", r.cpuName(), r.cores(),
                r.cores() == 1 ? "" : "s", r.completionNanos() / 1e9);
        err.printf(Locale.ROOT, "comet: %d Dalvik instructions, %d host calls, %d thread%s%n", r.instructions(), r.hostCalls(),
                r.threads(), r.threads() == 1 ? "" : "s");
        err.println("comet: instruction mix by opcode class:");
        for (OpcodeClass c : OpcodeClass.values()) {
            long n = r.count(c);
            if (n > 0) {
                err.printf(Locale.ROOT, "comet:   %-13s %14d  %5.1f%%  %8.2f ns each%n", c.name(), n, 100.0 * n / r.instructions(),
                        cpu.nanosPerInstruction(c));
            }
        }
        if (r.hostCalls() > 0) {
            err.println("comet: host calls by cost class (calls, elements, simulated time):");
            for (HostCost c : HostCost.values()) {
                long n = r.hostCallsByCost()[c.ordinal()];
                if (n > 0) {
                    err.printf(Locale.ROOT, "comet:   %-13s %14d  %14d  %12.6f s%n", c.key, n, r.hostElementsByCost()[c.ordinal()],
                            r.hostNanos(cpu, c) / 1e9);
                }
            }
        }
        if (!r.hostState().isEmpty()) {
            // Principle 3: state the DSM could only ship whole is counted and reported.
            err.println("comet: host-heap library objects handed to guest code (not trackable per field):");
            r.hostState().forEach((k, n) -> err.printf(Locale.ROOT, "comet:   %-40s %8d%n", k, n));
        }
        if (r.energy() != null) {
            err.println("comet: energy (" + energyName + "; no network traffic in a single-VM run, radio idle):");
            for (String line : r.energy().describe().split("\n")) {
                err.println("comet:   " + line);
            }
        }
    }
}
