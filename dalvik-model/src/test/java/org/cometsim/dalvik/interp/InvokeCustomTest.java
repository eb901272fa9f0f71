package org.cometsim.dalvik.interp;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.VmError;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dex 038 method-handle instructions, from D8 with desugaring off: invoke-custom for lambdas,
 * method references and string concatenation runs (LambdaMetafactory and StringConcatFactory
 * bootstraps); invoke-polymorphic stops with a precise unsupported-API error.
 */
class InvokeCustomTest {
    @TempDir
    Path dir;

    private List<byte[]> compileAndDex(String name) throws Exception {
        Path src = Path.of("src", "test", "resources", "indy", name + ".java");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), "--release", "17", src.toString());
        assertEquals(0, rc, "javac failed");
        List<Path> classes;
        try (Stream<Path> s = Files.walk(out)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        return new D8Converter(dir.resolve("cache")).convertClassFiles(classes, true, name);
    }

    private static boolean hasOpcode(byte[] dex, int opcode) {
        DexBackedDexFile f = new DexBackedDexFile(Opcodes.forApi(26), dex);
        org.jf.dexlib2.Opcodes ops = Opcodes.forApi(26);
        return f.getClasses().stream().flatMap(c -> java.util.stream.StreamSupport.stream(c.getMethods().spliterator(), false))
                .filter(m -> m.getImplementation() != null)
                .flatMap(m -> java.util.stream.StreamSupport.stream(m.getImplementation().getInstructions().spliterator(), false))
                .anyMatch(insn -> ops.getOpcodeValue(insn.getOpcode()) != null && (ops.getOpcodeValue(insn.getOpcode()) & 0xff) == opcode);
    }

    private Vm vm(List<byte[]> dexes, ByteArrayOutputStream out) throws Exception {
        ClassPath cp = new ClassPath();
        for (byte[] d : dexes) {
            cp.addDex("indy.dex", d);
        }
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return org.cometsim.dalvik.conformance.Corpus.newVm(cp, ps, ps, true);
    }

    @Test
    void lambdasMethodReferencesAndConcatenationThroughInvokeCustom() throws Exception {
        List<byte[]> dexes = compileAndDex("IndyLambdas");
        assertTrue(hasOpcode(dexes.get(0), 0xfc), "D8 emitted invoke-custom");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = vm(dexes, out).runMain("IndyLambdas", new String[0]);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertEquals("got x42:42/ababab 4.0 17 1.5 true c null\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void invokePolymorphicIsAPreciseUnsupportedError() throws Exception {
        List<byte[]> dexes = compileAndDex("IndyHandles");
        assertTrue(hasOpcode(dexes.get(0), 0xfa), "D8 emitted invoke-polymorphic");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = vm(dexes, out);
        VmError e = assertThrows(VmError.class, () -> vm.runMain("IndyHandles", new String[0]));
        assertTrue(e.getMessage().startsWith("unsupported API: "), e.getMessage());
        assertTrue(e.getMessage().contains("MethodHandles") || e.getMessage().contains("invoke-polymorphic"), e.getMessage());
    }
}
