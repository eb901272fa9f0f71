package org.cometsim.device.cpu.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.CpuPreset;
import org.cometsim.device.cpu.CpuPresets;
import org.cometsim.device.cpu.HostCallCost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitting synthetic kernel runs whose true costs are known, and the preset made from the fit. */
class CalibrationFitTest {

    private static KernelSample sample(String kernel, long nanos, long hostCalls, Object... classAndCount) {
        long[] counts = new long[OpcodeClass.values().length];
        for (int i = 0; i < classAndCount.length; i += 2) {
            counts[((OpcodeClass) classAndCount[i]).ordinal()] = ((Number) classAndCount[i + 1]).longValue();
        }
        return new KernelSample(kernel, "test", 1, nanos, nanos, nanos, counts, hostCalls, 0);
    }

    /**
     * True costs: BRANCH 4 ns, INT_ARITH 2 ns, INVOKE 30 ns, host call 100 ns beyond its INVOKE.
     * loop: 10^6 BRANCH + 10^6 INT_ARITH = 4·10^6 + 2·10^6 = 6·10^6 ns.
     * arith: 10^5 BRANCH + 10^6 INT_ARITH = 4·10^5 + 2·10^6 = 2.4·10^6 ns.
     * invoke: 10^5 BRANCH + 10^5 INVOKE = 4·10^5 + 3·10^6 = 3.4·10^6 ns.
     * host: 10^5 BRANCH + 10^5 INVOKE + 10^5 host calls = 3.4·10^6 + 10^7 = 1.34·10^7 ns.
     * Consistent data: the fit recovers the costs exactly (residuals 0).
     */
    private static final List<KernelSample> RUNS = List.of(
            sample("loop", 6_000_000, 0, OpcodeClass.BRANCH, 1_000_000, OpcodeClass.INT_ARITH, 1_000_000),
            sample("arith", 2_400_000, 0, OpcodeClass.BRANCH, 100_000, OpcodeClass.INT_ARITH, 1_000_000),
            sample("invoke", 3_400_000, 0, OpcodeClass.BRANCH, 100_000, OpcodeClass.INVOKE, 100_000),
            sample("host", 13_400_000, 100_000, OpcodeClass.BRANCH, 100_000, OpcodeClass.INVOKE, 100_000));

    @Test
    void recoversKnownCostsAndDerivesTheUnmeasuredClasses() {
        CalibrationFit fit = CalibrationFit.fit(RUNS);
        assertEquals(4.0, fit.nanos()[OpcodeClass.BRANCH.ordinal()], 1e-9);
        assertEquals(2.0, fit.nanos()[OpcodeClass.INT_ARITH.ordinal()], 1e-9);
        assertEquals(30.0, fit.nanos()[OpcodeClass.INVOKE.ordinal()], 1e-9);
        assertEquals(100.0, fit.nanos()[CalibrationFit.HOST], 1e-9);
        assertEquals(CalibrationFit.Status.MEASURED, fit.status()[OpcodeClass.INVOKE.ordinal()]);
        assertEquals(CalibrationFit.Status.MEASURED, fit.status()[CalibrationFit.HOST]);
        assertEquals(0.0, fit.maxResidual(), 1e-9);
        // Count-weighted mean over all 3.5·10^6 instructions: BRANCH 1.3·10^6 × 4 + INT_ARITH 2·10^6 × 2
        // + INVOKE 2·10^5 × 30 = 5.2·10^6 + 4·10^6 + 6·10^6 = 15.2·10^6 ns -> 15.2 / 3.5 = 4.342857 ns.
        assertEquals(15.2e6 / 3.5e6, fit.meanNanos(), 1e-9);
        assertEquals(CalibrationFit.Status.NOT_MEASURED, fit.status()[OpcodeClass.NOP.ordinal()]);
        assertEquals(fit.meanNanos(), fit.nanos()[OpcodeClass.NOP.ordinal()], 0.0);
    }

    @Test
    void presetReadsBackWithRoundedCostsAndSaysWhatWasDerived(@TempDir Path dir) {
        CalibrationMeasurement m = new CalibrationMeasurement(RUNS, 3, "test.Kernels", 1.0, 0.1, 0, "8.5.35", 1.0,
                false, 2, Instant.parse("2026-01-02T03:04:05Z"), new MeasuredHost("box", "Linux", "6.1", "amd64", 2,
                "Vendor", "17.0.1", "Test VM", "HotSpot DontCompileHugeMethods=true, JVM options none"));
        CalibrationFit fit = CalibrationFit.fit(RUNS);
        CalibratedPreset p = CalibratedPreset.of("box-calibrated", m, fit);
        Path file = dir.resolve("box.yaml");
        p.write(file);
        CpuPreset back = CpuPresets.read(file);
        CpuModel cpu = back.model();
        assertEquals("box-calibrated", back.name());
        assertEquals(1, cpu.cores());
        assertEquals(4.0, cpu.nanosPerInstruction(OpcodeClass.BRANCH), 1e-12);
        assertEquals(4.343, cpu.nanosPerInstruction(OpcodeClass.NOP), 0.0, "4.342857 to 4 significant digits");
        assertEquals(new HostCallCost(100, 0), cpu.hostCost(HostCost.DEFAULT));
        String src = back.sources().get("nanosPerInstruction");
        assertTrue(src.startsWith("comet calibrate on host box (Linux 6.1 amd64, 2 hardware threads), JDK Vendor 17.0.1"
                + " (Test VM), 2026-01-02T03:04:05Z."), src);
        assertTrue(src.contains("the fastest of 3 runs") && src.contains("(--seconds 2)")
                && src.contains("Kernels: test.Kernels.{loop,arith,invoke,host}"), src);
        assertTrue(src.contains("Not measured (no kernel executes them; count-weighted mean 4.3429 ns): NOP,MOVE,"), src);
        assertTrue(src.contains("hostCalls.default.perCall: measured"), src);
    }
}
