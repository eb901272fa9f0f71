package org.cometsim.dalvik.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.android.tools.r8.CompilationMode;
import org.cometsim.dalvik.conformance.Corpus;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;

/**
 * D8 output keeps every primitive {@code valueOf} call of the class files ({@link BoxingCalls}):
 * D8 alone merges calls with equal constant arguments, so boxes that are distinct objects on the
 * JVM became one. Counted per method on golden program G049, whose boxing D8 used to merge.
 */
class BoxingCallsTest {
    @TempDir
    Path dir;

    private static final Path G049 = Corpus.testClasses().resolve("golden").resolve("G049_BoxingIdentity.class");

    /** "method: Box(prim)Box" -> count of primitive valueOf calls, from a class file. */
    private static Map<String, Integer> classFileCalls(byte[] classFile) {
        Map<String, Integer> calls = new TreeMap<>();
        new ClassReader(classFile).accept(new ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                return new MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String mName, String mDesc, boolean itf) {
                        if (mName.equals("valueOf") && mDesc.matches("\\([ZBCSIJFD]\\)L" + owner + ";")) {
                            calls.merge(name + ": " + owner.substring(10) + mDesc, 1, Integer::sum);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    /** The same count from a dex's invoke instructions. */
    private static Map<String, Integer> dexCalls(byte[] dex) {
        Map<String, Integer> calls = new TreeMap<>();
        for (ClassDef c : new DexBackedDexFile(Opcodes.forDexVersion(Integer.parseInt(new String(dex, 4, 3))), dex).getClasses()) {
            assertFalse(c.getType().contains("BoxingCalls"), "a placeholder class reached the dex: " + c.getType());
            for (Method m : c.getMethods()) {
                if (m.getImplementation() == null) {
                    continue;
                }
                for (Instruction insn : m.getImplementation().getInstructions()) {
                    if (insn instanceof ReferenceInstruction ri && ri.getReference() instanceof MethodReference mr) {
                        assertFalse(mr.getDefiningClass().contains("BoxingCalls"), "placeholder owner left in " + m.getName());
                        String owner = mr.getDefiningClass();
                        String desc = "(" + String.join("", mr.getParameterTypes()) + ")" + mr.getReturnType();
                        if (mr.getName().equals("valueOf") && desc.matches("\\([ZBCSIJFD]\\)" + owner)) {
                            calls.merge(m.getName() + ": " + owner.substring(11, owner.length() - 1) + desc, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return calls;
    }

    @Test
    void everyBoxingCallOfTheClassFileIsInTheDex() throws Exception {
        byte[] classFile = Files.readAllBytes(G049);
        Map<String, Integer> expected = classFileCalls(classFile);
        assertTrue(expected.getOrDefault("arguments: Integer(I)Ljava/lang/Integer;", 0) >= 8, "G049 boxes int arguments: " + expected);
        List<byte[]> dex = new D8Converter(dir.resolve("cache"), CompilationMode.DEBUG).convertClassFiles(List.of(G049), false, "G049");
        assertEquals(1, dex.size());
        assertEquals(expected, dexCalls(dex.get(0)));
    }

    /** With desugaring off the dex keeps invoke-custom (lambdas), which the restore passes through. */
    @Test
    void boxingCallsAreKeptNextToCallSites() throws Exception {
        List<Path> classes;
        try (var files = Files.list(Corpus.testClasses().resolve("golden"))) {
            classes = files.filter(p -> p.getFileName().toString().startsWith("G051_ThreadLocals")).sorted().toList();
        }
        Map<String, Integer> expected = new TreeMap<>();
        for (Path c : classes) {
            classFileCalls(Files.readAllBytes(c)).forEach((k, v) -> expected.merge(k, v, Integer::sum));
        }
        assertTrue(expected.keySet().stream().anyMatch(k -> k.startsWith("lambda$")), "G051 boxes inside lambdas: " + expected);
        List<byte[]> dex = new D8Converter(dir.resolve("cache"), CompilationMode.DEBUG).convertClassFiles(classes, true, "G051");
        assertEquals(1, dex.size());
        assertTrue(new DexBackedDexFile(Opcodes.forDexVersion(38), dex.get(0)).getClasses().stream()
                .flatMap(c -> java.util.stream.StreamSupport.stream(c.getMethods().spliterator(), false))
                .filter(m -> m.getImplementation() != null)
                .flatMap(m -> java.util.stream.StreamSupport.stream(m.getImplementation().getInstructions().spliterator(), false))
                .anyMatch(i -> i.getOpcode() == org.jf.dexlib2.Opcode.INVOKE_CUSTOM), "the dex has call sites");
        assertEquals(expected, dexCalls(dex.get(0)));
    }

    @Test
    void classesWithoutBoxingAreLeftAsTheyAre() throws Exception {
        byte[] noBoxing = Files.readAllBytes(Corpus.testClasses().resolve("golden").resolve("exit").resolve("GE01_SystemExit.class"));
        assertTrue(noBoxing == BoxingCalls.hide(noBoxing), "unchanged class files are passed through");
        byte[] boxing = Files.readAllBytes(G049);
        byte[] hidden = BoxingCalls.hide(boxing);
        assertTrue(classFileCalls(hidden).isEmpty(), "every primitive valueOf call is hidden from D8: " + classFileCalls(hidden));
    }
}
