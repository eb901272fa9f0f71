package org.cometsim.device.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CpuPresetsTest {

    @Test
    void indexListsEveryPresetFile() throws Exception {
        File dir = new File(getClass().getClassLoader().getResource("presets/cpus").toURI());
        assertEquals(Arrays.stream(dir.list()).filter(f -> f.endsWith(".yaml")).map(f -> f.replace(".yaml", "")).sorted().toList(),
                CpuPresets.names().stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void everyPresetLoadsWithSources() {
        for (String n : CpuPresets.names()) {
            CpuPreset p = CpuPresets.load(n);
            assertFalse(p.sources().get("nanosPerInstruction").isBlank(), n);
            assertFalse(p.sources().get("cores").isBlank(), n);
            assertTrue(p.model().hostCosts().containsKey("default"), n);
        }
    }

    @Test
    void phoneMatchesTheLinpackDerivation() {
        CpuModel phone = CpuPresets.load("phone-2012-hummingbird-portable").model();
        // 8 MFLOPS (CW) / 2 flops per daxpy iteration × 10 instructions per iteration = 4·10^7 instr/s.
        double derived = 1e9 / (8e6 / 2 * 10);
        assertEquals(25.0, derived, 1e-12);
        assertEquals(derived, phone.averageNanosPerInstruction(InstructionMix.LINPACK_DAXPY), 1e-9,
                "10^9 / (8·10^6 / 2 · 10) = 25 ns per instruction on Linpack's loop");
        assertEquals(1, phone.cores());
    }

    @Test
    void serverIsAtLeastFifteenTimesThePhoneInEveryClass() {
        CpuModel phone = CpuPresets.load("phone-2012-hummingbird-portable").model();
        CpuModel server = CpuPresets.load("server-2012-portable").model();
        for (OpcodeClass c : OpcodeClass.values()) {
            double ratio = phone.nanosPerInstruction(c) / server.nanosPerInstruction(c);
            assertTrue(ratio >= 15, c + ": COMET's best speed-up of 15× bounds the ratio from below; got " + ratio);
            assertEquals(16.0, ratio, 1e-9, c + ": the preset picks 16");
        }
    }
}
