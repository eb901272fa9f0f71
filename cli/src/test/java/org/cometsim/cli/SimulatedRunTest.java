package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.device.cpu.HostCallCost;
import org.junit.jupiter.api.Test;

/** {@code comet exec --cpu}: the simulated time is the CPU model applied to the counted instructions. */
class SimulatedRunTest {
    private static final String CPU = "phone-2012-hummingbird-portable";

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CometCli.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void completionTimeIsTheHandDerivationFromTheInstructionMix() {
        String[] r = run("exec", "--cpu", CPU, "--workload", "nqueens");
        assertTrue(r[0].contains("solutions=92"), r[0]);
        CpuModel cpu = DeviceModels.cpu(CPU);
        // Sum over classes of count x ns per instruction, plus host calls at the default cost.
        Matcher m = Pattern.compile("comet:\\s+([A-Z_]+)\\s+(\\d+)\\s+[0-9.]+%\\s+([0-9.]+) ns each").matcher(r[1]);
        double handNanos = 0;
        int classes = 0;
        while (m.find()) {
            handNanos += Long.parseLong(m.group(2)) * cpu.nanosPerInstruction(OpcodeClass.valueOf(m.group(1)));
            classes++;
        }
        // Plus, per host-call cost class, calls x perCall + elements x perElement.
        Matcher host = Pattern.compile("comet:\\s+([a-z]+)\\s+(\\d+)\\s+(\\d+)\\s+[0-9.]+ s").matcher(r[1]);
        long hostCalls = 0;
        while (host.find()) {
            long n = Long.parseLong(host.group(2));
            long e = Long.parseLong(host.group(3));
            HostCallCost c = cpu.hostCost(HostCost.of(host.group(1)));
            handNanos += n * c.perCallNanos() + e * c.perElementNanos();
            hostCalls += n;
        }
        Matcher calls = Pattern.compile("(\\d+) Dalvik instructions, (\\d+) host calls").matcher(r[1]);
        assertTrue(calls.find(), r[1]);
        assertEquals(Long.parseLong(calls.group(2)), hostCalls, "every host call is in one cost class");
        assertTrue(hostCalls > 0, r[1]);
        Matcher done = Pattern.compile("completion time ([0-9.]+) s").matcher(r[1]);
        assertTrue(done.find(), r[1]);
        double simulated = Double.parseDouble(done.group(1));
        assertTrue(classes > 5, r[1]);
        // One thread on one core: completion = the hand sum (the report prints microsecond resolution).
        assertEquals(handNanos / 1e9, simulated, 2e-6, "sum(count_c x ns_c) + sum over cost classes (calls x perCall + elements x perElement) = " + handNanos + " ns");
    }

    @Test
    void aSimulatedRunIsDeterministic() {
        String[] a = run("exec", "--cpu", CPU, "--energy", "aro-captivate", "--workload", "pipeline");
        String[] b = run("exec", "--cpu", CPU, "--energy", "aro-captivate", "--workload", "pipeline");
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1], "same program, same model: byte-identical report");
        assertTrue(a[1].contains("cpu: "), a[1]);
    }

    @Test
    void moreCoresFinishAParallelProgramSooner() {
        double one = completion(run("exec", "--cpu", CPU, "--workload", "parallelrender")[1]);
        double eight = completion(run("exec", "--cpu", "server-2012-portable", "--workload", "parallelrender")[1]);
        assertTrue(eight < one / 16, "16x faster per instruction and 8 cores: " + one + " s vs " + eight + " s");
    }

    private static double completion(String err) {
        Matcher done = Pattern.compile("completion time ([0-9.]+) s").matcher(err);
        assertTrue(done.find(), err);
        return Double.parseDouble(done.group(1));
    }
}
