package org.cometsim.device.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
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
            assertTrue(p.model().hostCosts().containsKey(HostCost.DEFAULT), n);
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

    @Test
    void unknownHostCallClassIsAnErrorNamingTheValidOnes() {
        String yaml = String.join("\n",
                "name: t", "description: d", "cores: 1", "nanosPerInstruction:",
                OpcodeClassLines.all(1.0),
                "hostCalls:", "  default: {perCall: \"1ns\"}", "  maths: {perCall: \"2ns\"}",
                "sources: {cores: s, nanosPerInstruction: s, hostCalls: s}", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuPresets.parse("t", yaml));
        assertEquals("t: unknown host-call cost class 'maths' (valid: default, math, string, collections, arraycopy, io)",
                e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CpuPresets.parse("t", yaml.replace("maths", "none")), "the never-counted class has no cost");
        assertTrue(none.getMessage().contains("'none'"), none.getMessage());
    }

    @Test
    void unknownTopLevelKeyIsAnErrorNamingTheValidOnes() {
        String yaml = String.join("\n",
                "name: t", "description: d", "cores: 1", "nanosPerInstruction:", OpcodeClassLines.all(1.0),
                "hostcalls: {}", "sources: {cores: s, nanosPerInstruction: s}", "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuPresets.parse("t", yaml));
        assertTrue(e.getMessage().contains("[hostcalls]") && e.getMessage().contains("valid: name, description, cores,"
                + " nanosPerInstruction, hostCalls, sources"), e.getMessage());
    }

    @Test
    void listedHostCallClassesAreTheVmsAndUnlistedOnesCostTheDefault() {
        CpuModel phone = CpuPresets.load("phone-2012-hummingbird-portable").model();
        // The preset lists default, math, string, arraycopy, io; collections falls back to default.
        assertEquals(new HostCallCost(400, 0), phone.hostCost(HostCost.MATH));
        assertEquals(phone.hostCost(HostCost.DEFAULT), phone.hostCost(HostCost.COLLECTIONS));
        assertFalse(phone.hostCosts().containsKey(HostCost.COLLECTIONS));
    }

    /** Preset lines for every opcode class at one cost. */
    private static final class OpcodeClassLines {
        static String all(double ns) {
            return Arrays.stream(OpcodeClass.values()).map(c -> "  " + c.name() + ": " + ns)
                    .collect(Collectors.joining("\n"));
        }
    }
}
