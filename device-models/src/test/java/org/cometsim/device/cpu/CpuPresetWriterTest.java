package org.cometsim.device.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuPresetWriterTest {

    @TempDir
    Path dir;

    private static Map<String, Double> costs() {
        Map<String, Double> m = new LinkedHashMap<>();
        int i = 1;
        for (OpcodeClass c : OpcodeClass.values()) {
            m.put(c.name(), i++ / 3.0); // non-terminating binary fractions must survive the trip
        }
        return m;
    }

    @Test
    void writtenPresetReadsBackExactly() throws Exception {
        Path out = dir.resolve("calibrated/host-x.yaml");
        Map<String, Double> costs = costs();
        CpuPresetWriter.write("host-x", costs, 4, "comet calibrate on host-x, \"quoted\" note", out);
        CpuPreset back = CpuPresets.read(out);
        assertEquals("host-x", back.name());
        assertEquals(4, back.model().cores());
        for (OpcodeClass c : OpcodeClass.values()) {
            assertEquals(costs.get(c.name()), back.model().nanosPerInstruction(c), 0.0, c.name());
        }
        assertEquals("comet calibrate on host-x, \"quoted\" note", back.sources().get("nanosPerInstruction"));
        assertEquals(Math.round(costs.get("INVOKE")), back.model().nanosForHostCall(HostCost.STRING, 99),
                "without host costs the default class costs one INVOKE");
        // Deterministic output: writing again gives identical bytes.
        Path again = dir.resolve("again.yaml");
        CpuPresetWriter.write("host-x", costs, 4, "comet calibrate on host-x, \"quoted\" note", again);
        assertEquals(Files.readString(out), Files.readString(again));
    }

    @Test
    void hostCostsRoundTrip() {
        Path out = dir.resolve("h.yaml");
        CpuPresetWriter.write("h", "with host costs", costs(), Map.of(HostCost.MATH, new HostCallCost(300, 0),
                HostCost.DEFAULT, new HostCallCost(1500, 2.5)), 1, "test", out);
        CpuModel m = CpuPresets.read(out).model();
        assertEquals(1500 + 2.5 * 10, m.nanosForHostCall(HostCost.IO, 10), 0.0);
        assertEquals(300, m.nanosForHostCall(HostCost.MATH, 10));
        assertEquals(Map.of(HostCost.DEFAULT, new HostCallCost(1500, 2.5), HostCost.MATH, new HostCallCost(300, 0)),
                m.hostCosts());
    }

    @Test
    void hostCostsAreWrittenInEnumOrderWhateverTheMapOrder() throws Exception {
        Map<HostCost, HostCallCost> forward = new LinkedHashMap<>();
        forward.put(HostCost.DEFAULT, new HostCallCost(1, 0));
        forward.put(HostCost.IO, new HostCallCost(2, 0));
        Map<HostCost, HostCallCost> backward = new LinkedHashMap<>();
        backward.put(HostCost.IO, new HostCallCost(2, 0));
        backward.put(HostCost.DEFAULT, new HostCallCost(1, 0));
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        CpuPresetWriter.write("o", "order", costs(), forward, 1, "test", a);
        CpuPresetWriter.write("o", "order", costs(), backward, 1, "test", b);
        assertEquals(Files.readString(a), Files.readString(b));
        assertThrows(IllegalArgumentException.class, () -> CpuPresetWriter.write("o", "order", costs(),
                Map.of(HostCost.DEFAULT, new HostCallCost(1, 0), HostCost.NONE, new HostCallCost(1, 0)), 1, "t",
                dir.resolve("none.yaml")), "a cost for the never-counted class would not load back");
    }

    @Test
    void rejectsMissingAndUnknownClasses() {
        Map<String, Double> missing = costs();
        missing.remove("THROW");
        assertThrows(IllegalArgumentException.class, () -> CpuPresetWriter.write("x", missing, 1, "s", dir.resolve("x.yaml")));
        Map<String, Double> unknown = costs();
        unknown.put("FLOAT_MATH", 1.0);
        assertThrows(IllegalArgumentException.class, () -> CpuPresetWriter.write("x", unknown, 1, "s", dir.resolve("x.yaml")));
    }
}
