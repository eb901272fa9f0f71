package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.CpuPreset;
import org.cometsim.device.cpu.CpuPresets;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code comet calibrate} end to end with a 1-second budget, read back with {@link CpuPresets#read}. */
class CalibrateCommandTest {

    @Test
    void calibrateWritesAPresetWithEveryClassPositive(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path file = dir.resolve("host.yaml");
        int status = CalibrateCommand.run(List.of("--seconds", "1", "--out", file.toString(), "--name", "test-host"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, table + log);

        CpuPreset p = CpuPresets.read(file);
        assertEquals("test-host", p.name());
        CpuModel cpu = p.model();
        assertEquals(24, OpcodeClass.values().length);
        for (OpcodeClass c : OpcodeClass.values()) {
            double v = cpu.nanosPerInstruction(c);
            assertTrue(v > 0 && Double.isFinite(v), c + " = " + v + "\n" + table);
            assertTrue(table.contains(c.name()), table);
        }
        assertTrue(cpu.hostCosts().containsKey(HostCost.DEFAULT));
        String src = p.sources().get("nanosPerInstruction");
        assertTrue(src.contains("comet calibrate on host") && src.contains("non-negative least squares")
                && src.contains("JDK") && src.contains("CalibrationKernels"), src);
        // D8 never emits an executed nop, so NOP is derived and must say so.
        assertTrue(src.contains("Not measured") && src.contains("NOP"), src);
        assertTrue(table.contains("fit: rms relative error"), table);
        assertTrue(log.contains("[24/24]"), log);
    }

    @Test
    void badOptionsAreUsageErrors() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(CometCli.UsageException.class, () -> CalibrateCommand.run(List.of("--bogus", "1"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> CalibrateCommand.run(List.of("--seconds", "0"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> CalibrateCommand.run(List.of("--out"), sink, sink));
    }
}
