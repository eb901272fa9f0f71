package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.RuntimeFigures;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code comet exec --cpu}'s VM reports the simulated device to {@code java.lang.Runtime}. */
class SimulatedExecTest {
    private static ClassPath classPath;

    @TempDir
    static Path dir;

    @BeforeAll
    static void compileAndDex() throws Exception {
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        Path src = Path.of("src", "test", "resources", "runtimefigures", "Device.java");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", out.toString(), "--release", "17", src.toString()), "javac");
        List<Path> classes;
        try (Stream<Path> s = Files.walk(out)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        classPath = new ClassPath();
        for (byte[] dex : new D8Converter(dir.resolve("d8")).convertClassFiles(classes, false, "runtimefigures")) {
            classPath.addDex("runtimefigures.dex", dex);
        }
    }

    @Test
    void runtimeReportsTheCpuPresetsCoresAndThePhoneHeap() {
        for (String preset : List.of("phone-2012-hummingbird-portable", "phone-modern")) {
            CpuModel cpu = DeviceModels.cpu(preset);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(printed, true, StandardCharsets.UTF_8);
            SimulatedExec exec = new SimulatedExec(classPath, "", cpu, null, ps, ps, InputStream.nullInputStream(), null, true);
            assertEquals(0, exec.runMain("runtimefigures.Device", new String[0]));
            RuntimeFigures phone = RuntimeFigures.PHONE_2012;
            assertEquals(cpu.cores() + " " + phone.maxMemory() + " " + phone.totalMemory() + System.lineSeparator(),
                    printed.toString(StandardCharsets.UTF_8), preset);
        }
        assertEquals(8, DeviceModels.cpu("phone-modern").cores(), "a preset whose cores differ from the default figures'");
    }
}
