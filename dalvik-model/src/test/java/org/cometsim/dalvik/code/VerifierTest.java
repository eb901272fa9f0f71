package org.cometsim.dalvik.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.load.ClassPath;
import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.ExceptionHandler;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.MethodParameter;
import org.jf.dexlib2.iface.TryBlock;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.immutable.ImmutableClassDef;
import org.jf.dexlib2.immutable.ImmutableDexFile;
import org.jf.dexlib2.immutable.ImmutableExceptionHandler;
import org.jf.dexlib2.immutable.ImmutableField;
import org.jf.dexlib2.immutable.ImmutableMethod;
import org.jf.dexlib2.immutable.ImmutableMethodImplementation;
import org.jf.dexlib2.immutable.ImmutableMethodParameter;
import org.jf.dexlib2.immutable.ImmutableTryBlock;
import org.jf.dexlib2.immutable.instruction.ImmutableArrayPayload;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction10t;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction10x;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction11n;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction11x;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction12x;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction21c;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction21s;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction21t;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction22c;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction31t;
import org.jf.dexlib2.immutable.instruction.ImmutableInstruction35c;
import org.jf.dexlib2.immutable.instruction.ImmutablePackedSwitchPayload;
import org.jf.dexlib2.immutable.instruction.ImmutableSwitchElement;
import org.jf.dexlib2.immutable.reference.ImmutableFieldReference;
import org.jf.dexlib2.immutable.reference.ImmutableMethodReference;
import org.jf.dexlib2.immutable.reference.ImmutableStringReference;
import org.jf.dexlib2.immutable.reference.ImmutableTypeReference;
import org.jf.dexlib2.writer.io.MemoryDataStore;
import org.jf.dexlib2.writer.pool.DexPool;
import org.junit.jupiter.api.Test;

/**
 * The verifier on hand-assembled methods (dexlib2's writer, read back as a dex file): each check
 * rejects a method that breaks it, and valid tricky code passes. One end-to-end run shows a
 * failing class raising the guest's {@code VerifyError} before any of its code runs.
 */
class VerifierTest {
    private static final String BAD = "LBad;";
    private static final int STATIC = 0x9; // public static
    private static final int CTOR = 0x10001;

    // ------------------------------------------------------------------ assembling

    private static Instruction i10x(Opcode o) {
        return new ImmutableInstruction10x(o);
    }

    private static Instruction i11n(Opcode o, int a, int lit) {
        return new ImmutableInstruction11n(o, a, lit);
    }

    private static Instruction i11x(Opcode o, int a) {
        return new ImmutableInstruction11x(o, a);
    }

    private static Instruction i12x(Opcode o, int a, int b) {
        return new ImmutableInstruction12x(o, a, b);
    }

    private static Instruction i21s(Opcode o, int a, int lit) {
        return new ImmutableInstruction21s(o, a, lit);
    }

    private static Instruction invoke(Opcode o, String owner, String name, String ret, List<String> params, int... regs) {
        int[] r = Arrays.copyOf(regs, 5);
        return new ImmutableInstruction35c(o, regs.length, r[0], r[1], r[2], r[3], r[4],
                new ImmutableMethodReference(owner, name, params, ret));
    }

    private static MethodParameter param(String t) {
        return new ImmutableMethodParameter(t, null, null);
    }

    private static Method method(String name, int flags, String ret, List<String> params, int regs,
            List<Instruction> code, List<? extends TryBlock<? extends ExceptionHandler>> tries) {
        List<MethodParameter> ps = new ArrayList<>();
        for (String p : params) {
            ps.add(param(p));
        }
        ImmutableMethodImplementation impl = code == null ? null : new ImmutableMethodImplementation(regs, code, tries, null);
        return new ImmutableMethod(BAD, name, ps, ret, flags, null, null, impl);
    }

    private static Method staticMethod(String ret, List<String> params, int regs, Instruction... code) {
        return method("m", STATIC, ret, params, regs, List.of(code), List.of());
    }

    private static byte[] dex(int classFlags, List<Method> methods, ImmutableField... fields) throws Exception {
        ClassDef c = new ImmutableClassDef(BAD, classFlags, "Ljava/lang/Object;", null, null, null,
                Arrays.asList(fields), methods);
        MemoryDataStore store = new MemoryDataStore();
        DexPool.writeTo(store, new ImmutableDexFile(Opcodes.forApi(24), List.of(c)));
        return Arrays.copyOf(store.getData(), store.getSize());
    }

    /** The verifier's verdict on class Bad, read back from the written dex. */
    private static String verify(byte[] dex) {
        DexBackedDexFile f = new DexBackedDexFile(Opcodes.forDexVersion(37), dex);
        ClassDef c = f.getClasses().iterator().next();
        return Verifier.verify(c, Verifier.dexVersionOf(c));
    }

    private static String verify(Method... methods) throws Exception {
        return verify(dex(0x1, List.of(methods)));
    }

    private static void rejects(String expected, Method... methods) throws Exception {
        String v = verify(methods);
        assertNotNull(v, "expected a VerifyError containing: " + expected);
        assertTrue(v.contains(expected), v);
        assertTrue(v.startsWith("(class: Bad, method: "), v);
    }

    // ------------------------------------------------------------------ valid tricky code

    @Test
    void widePairsAcrossBranchesVerify() throws Exception {
        assertNull(verify(staticMethod("J", List.of("Z"), 3,
                new ImmutableInstruction21t(Opcode.IF_EQZ, 2, 5),
                i21s(Opcode.CONST_WIDE_16, 0, 1),
                new ImmutableInstruction10t(Opcode.GOTO, 3),
                i21s(Opcode.CONST_WIDE_16, 0, 2),
                i11x(Opcode.RETURN_WIDE, 0))));
    }

    @Test
    void packedSwitchWithAlignedPayloadVerifies() throws Exception {
        assertNull(verify(staticMethod("I", List.of("I"), 2,
                new ImmutableInstruction31t(Opcode.PACKED_SWITCH, 1, 8), // @0
                i11n(Opcode.CONST_4, 0, 0), // @3
                i11x(Opcode.RETURN, 0), // @4
                i11n(Opcode.CONST_4, 0, 1), // @5
                i11x(Opcode.RETURN, 0), // @6
                i10x(Opcode.NOP), // @7 padding
                new ImmutablePackedSwitchPayload(List.of(new ImmutableSwitchElement(0, 5), new ImmutableSwitchElement(1, 3)))))); // @8
    }

    @Test
    void synchronizedBlockWithCatchAllCoveringItsMonitorExitVerifies() throws Exception {
        List<Instruction> code = List.of(
                i11x(Opcode.MONITOR_ENTER, 1), // @0
                invoke(Opcode.INVOKE_STATIC, BAD, "f", "V", List.of()), // @1
                i11x(Opcode.MONITOR_EXIT, 1), // @4
                i10x(Opcode.RETURN_VOID), // @5
                i11x(Opcode.MOVE_EXCEPTION, 0), // @6
                i11x(Opcode.MONITOR_EXIT, 1), // @7
                i11x(Opcode.THROW, 0)); // @8
        List<ImmutableTryBlock> tries = List.of(
                new ImmutableTryBlock(1, 4, List.of(new ImmutableExceptionHandler(null, 6))),
                new ImmutableTryBlock(7, 1, List.of(new ImmutableExceptionHandler(null, 6))));
        assertNull(verify(method("m", STATIC, "V", List.of("Ljava/lang/Object;"), 2, code, tries)));
    }

    @Test
    void constructorsAndNewInstanceVerify() throws Exception {
        Method init = method("<init>", CTOR, "V", List.of(), 1, List.of(
                invoke(Opcode.INVOKE_DIRECT, "Ljava/lang/Object;", "<init>", "V", List.of(), 0),
                i10x(Opcode.RETURN_VOID)), List.of());
        Method make = method("make", STATIC, BAD, List.of(), 2, List.of(
                new ImmutableInstruction21c(Opcode.NEW_INSTANCE, 0, new ImmutableTypeReference(BAD)),
                i12x(Opcode.MOVE_OBJECT, 1, 0),
                invoke(Opcode.INVOKE_DIRECT, BAD, "<init>", "V", List.of(), 1),
                i11x(Opcode.RETURN_OBJECT, 0)), List.of());
        assertNull(verify(init, make));
    }

    // ------------------------------------------------------------------ each check rejects

    @Test
    void branchIntoTheMiddleOfAnInstruction() throws Exception {
        rejects("goto targets code unit 2, which is not the start of an instruction", staticMethod("V", List.of(), 1,
                new ImmutableInstruction10t(Opcode.GOTO, 2), i21s(Opcode.CONST_16, 0, 7), i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void registerOutOfRange() throws Exception {
        rejects("register v1 out of range", staticMethod("V", List.of(), 1, i11n(Opcode.CONST_4, 1, 0), i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void insExceedRegisters() throws Exception {
        rejects("ins_size 2 exceeds registers_size 1", staticMethod("V", List.of("I", "I"), 1, i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void fallingOffTheEnd() throws Exception {
        rejects("falls off the end", staticMethod("V", List.of(), 1, i11n(Opcode.CONST_4, 0, 0)));
    }

    @Test
    void readingARegisterNeverWritten() throws Exception {
        rejects("register v0 holds nothing", staticMethod("I", List.of(), 1, i11x(Opcode.RETURN, 0)));
    }

    @Test
    void intUsedAsReference() throws Exception {
        rejects("expected a reference", staticMethod("V", List.of(), 1,
                i11n(Opcode.CONST_4, 0, 1), i11x(Opcode.MONITOR_ENTER, 0), i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void widePairBrokenByAWriteToItsHighHalf() throws Exception {
        rejects("register pair v0/v1", staticMethod("J", List.of(), 2,
                i21s(Opcode.CONST_WIDE_16, 0, 1), i11n(Opcode.CONST_4, 1, 0), i11x(Opcode.RETURN_WIDE, 0)));
    }

    @Test
    void invokeArgumentCountDiffersFromTheProto() throws Exception {
        rejects("passes 1 argument words, the callee takes 0", staticMethod("V", List.of(), 1,
                i11n(Opcode.CONST_4, 0, 0), invoke(Opcode.INVOKE_STATIC, BAD, "f", "V", List.of(), 0), i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void invokeArgumentKindDiffersFromTheProto() throws Exception {
        rejects("expected an int", staticMethod("V", List.of(), 1,
                new ImmutableInstruction21c(Opcode.CONST_STRING, 0, new ImmutableStringReference("x")),
                invoke(Opcode.INVOKE_STATIC, BAD, "g", "V", List.of("I"), 0), i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void returnKindDiffersFromTheMethodsReturnType() throws Exception {
        rejects("return-object in a method returning I", staticMethod("I", List.of(), 1,
                i11n(Opcode.CONST_4, 0, 0), i11x(Opcode.RETURN_OBJECT, 0)));
    }

    @Test
    void newInstanceUsedBeforeItsConstructorRuns() throws Exception {
        rejects("new-instance used before <init>", method("make", STATIC, BAD, List.of(), 1, List.of(
                new ImmutableInstruction21c(Opcode.NEW_INSTANCE, 0, new ImmutableTypeReference(BAD)),
                i11x(Opcode.RETURN_OBJECT, 0)), List.of()));
    }

    @Test
    void constructorThatNeverCallsASuperclassConstructor() throws Exception {
        rejects("constructor returns without calling", method("<init>", CTOR, "V", List.of(), 1,
                List.of(i10x(Opcode.RETURN_VOID)), List.of()));
    }

    @Test
    void moveResultWithoutAnInvoke() throws Exception {
        rejects("move-result must follow an invoke", staticMethod("V", List.of(), 1,
                i11x(Opcode.MOVE_RESULT, 0), i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void switchWhosePayloadIsMissing() throws Exception {
        rejects("switch at 0 has no payload", staticMethod("V", List.of("I"), 1,
                new ImmutableInstruction31t(Opcode.PACKED_SWITCH, 0, 3), i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void controlFlowIntoPayloadData() throws Exception {
        rejects("falls off the end of the instructions", staticMethod("V", List.of("[I"), 1,
                new ImmutableInstruction31t(Opcode.FILL_ARRAY_DATA, 0, 4), // @0
                i10x(Opcode.NOP), // @3, falls into the payload
                new ImmutableArrayPayload(4, List.of(1, 2)))); // @4
    }

    @Test
    void conflictingTypesMergedFromTwoPaths() throws Exception {
        rejects("conflicting types", staticMethod("I", List.of("I"), 2,
                new ImmutableInstruction21t(Opcode.IF_EQZ, 1, 5), // @0
                i12x(Opcode.INT_TO_FLOAT, 0, 1), // @2
                new ImmutableInstruction10t(Opcode.GOTO, 2), // @3 -> @5
                i12x(Opcode.MOVE, 0, 1), // @4
                i11x(Opcode.RETURN, 0))); // @5: v0 int on one path, float on the other
    }

    @Test
    void exceptionHandlerInsideAnInstruction() throws Exception {
        List<Instruction> code = List.of(i21s(Opcode.CONST_16, 0, 5), i10x(Opcode.RETURN_VOID));
        rejects("exception handler at code unit 1 is not the start", method("m", STATIC, "V", List.of(), 1, code,
                List.of(new ImmutableTryBlock(0, 2, List.of(new ImmutableExceptionHandler(null, 1))))));
    }

    @Test
    void moveExceptionOutsideAHandler() throws Exception {
        rejects("move-exception is not the first instruction", staticMethod("V", List.of(), 1,
                i11x(Opcode.MOVE_EXCEPTION, 0), i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void fieldInstructionOfTheWrongWidth() throws Exception {
        rejects("field x has type I", staticMethod("V", List.of(), 2,
                new ImmutableInstruction21c(Opcode.SGET_WIDE, 0, new ImmutableFieldReference(BAD, "x", "I")),
                i10x(Opcode.RETURN_VOID)));
    }

    @Test
    void instanceFieldOnAnInt() throws Exception {
        rejects("expected an object reference", staticMethod("I", List.of(), 1,
                i11n(Opcode.CONST_4, 0, 1),
                new ImmutableInstruction22c(Opcode.IGET, 0, 0, new ImmutableFieldReference(BAD, "x", "I")),
                i11x(Opcode.RETURN, 0)));
    }

    @Test
    void accessFlagsInconsistent() throws Exception {
        String abstractInConcrete = verify(dex(0x1, List.of(method("a", 0x401, "V", List.of(), 0, null, List.of()))));
        assertTrue(abstractInConcrete.contains("abstract method in a class that is not abstract"), abstractInConcrete);
        String nativeWithCode = verify(dex(0x1, List.of(method("n", 0x109, "V", List.of(), 0,
                List.of(i10x(Opcode.RETURN_VOID)), List.of()))));
        assertTrue(nativeWithCode.contains("native method has code"), nativeWithCode);
        String twoVisibilities = verify(dex(0x1, List.of(method("v", 0x3 | 0x8, "V", List.of(), 0,
                List.of(i10x(Opcode.RETURN_VOID)), List.of()))));
        assertTrue(twoVisibilities.contains("more than one of public, private and protected"), twoVisibilities);
        String interfaceNotAbstract = verify(dex(0x201, List.of()));
        assertTrue(interfaceNotAbstract.contains("interface is not abstract"), interfaceNotAbstract);
    }

    // ------------------------------------------------------------------ raw corruption

    /** A dex whose method m is {@code const-string v0, "x"; return-object v0}, and where its code is. */
    private static byte[] constStringDex() throws Exception {
        return dex(0x1, List.of(staticMethod("Ljava/lang/Object;", List.of(), 1,
                new ImmutableInstruction21c(Opcode.CONST_STRING, 0, new ImmutableStringReference("x")),
                i11x(Opcode.RETURN_OBJECT, 0))));
    }

    private static int find(byte[] b, int... pattern) {
        outer:
        for (int k = 0; k + pattern.length <= b.length; k++) {
            for (int j = 0; j < pattern.length; j++) {
                if (pattern[j] >= 0 && (b[k + j] & 0xff) != pattern[j]) {
                    continue outer;
                }
            }
            return k;
        }
        throw new AssertionError("pattern not found");
    }

    @Test
    void stringIndexOutOfRange() throws Exception {
        byte[] d = constStringDex();
        int at = find(d, 0x1a, 0x00, -1, -1, 0x11, 0x00);
        d[at + 2] = (byte) 0xff;
        d[at + 3] = (byte) 0x7f;
        String v = verify(d);
        assertNotNull(v);
        assertTrue(v.contains("index out of range") || v.contains("unreadable"), v);
    }

    @Test
    void invalidOpcode() throws Exception {
        byte[] d = constStringDex();
        int at = find(d, 0x1a, 0x00, -1, -1, 0x11, 0x00);
        d[at] = 0x3e; // unused opcode
        String v = verify(d);
        assertNotNull(v);
        assertTrue(v.contains("invalid opcode 0x3e"), v);
    }

    // ------------------------------------------------------------------ in the VM

    @Test
    void aFailingClassRaisesTheGuestsVerifyErrorAndNeverRuns() throws Exception {
        // Bad.m() would print if it ran; its second method breaks a wide pair.
        Method runs = method("m", STATIC, "V", List.of(), 2, List.of(
                new ImmutableInstruction21c(Opcode.SGET_OBJECT, 0, new ImmutableFieldReference("Ljava/lang/System;", "out", "Ljava/io/PrintStream;")),
                new ImmutableInstruction21c(Opcode.CONST_STRING, 1, new ImmutableStringReference("Bad ran")),
                invoke(Opcode.INVOKE_VIRTUAL, "Ljava/io/PrintStream;", "println", "V", List.of("Ljava/lang/String;"), 0, 1),
                i10x(Opcode.RETURN_VOID)), List.of());
        Method broken = staticMethod("J", List.of(), 2,
                i21s(Opcode.CONST_WIDE_16, 0, 1), i11n(Opcode.CONST_4, 1, 0), i11x(Opcode.RETURN_WIDE, 0));
        Method main = new ImmutableMethod("LMain;", "main", List.of(param("[Ljava/lang/String;")), "V", STATIC, null, null,
                new ImmutableMethodImplementation(1, List.of(
                        invoke(Opcode.INVOKE_STATIC, BAD, "m", "V", List.of()),
                        i10x(Opcode.RETURN_VOID)), null, null));
        ClassDef bad = new ImmutableClassDef(BAD, 0x1, "Ljava/lang/Object;", null, null, null, null, List.of(runs, broken));
        ClassDef mainClass = new ImmutableClassDef("LMain;", 0x1, "Ljava/lang/Object;", null, null, null, null, List.of(main));
        MemoryDataStore store = new MemoryDataStore();
        DexPool.writeTo(store, new ImmutableDexFile(Opcodes.forApi(24), List.of(bad, mainClass)));
        ClassPath cp = new ClassPath();
        cp.addDex("bad.dex", Arrays.copyOf(store.getData(), store.getSize()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int status = Corpus.newVm(cp, ps, ps, true).runMain("Main", new String[0]);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, text);
        assertTrue(text.startsWith("Exception in thread \"main\" java.lang.VerifyError: (class: Bad, method: m signature: ()J)"
                + " register pair v0/v1"), text);
        assertTrue(!text.contains("Bad ran"), text);
    }

    @Test
    void aFailingMainClassIsOneLineNamingFileClassAndMethod() throws Exception {
        Method main = new ImmutableMethod("LMain;", "main", List.of(param("[Ljava/lang/String;")), "V", STATIC, null, null,
                new ImmutableMethodImplementation(1, List.of(i11x(Opcode.MONITOR_ENTER, 0)), null, null)); // falls off the end
        ClassDef mainClass = new ImmutableClassDef("LMain;", 0x1, "Ljava/lang/Object;", null, null, null, null, List.of(main));
        MemoryDataStore store = new MemoryDataStore();
        DexPool.writeTo(store, new ImmutableDexFile(Opcodes.forApi(24), List.of(mainClass)));
        ClassPath cp = new ClassPath();
        cp.addDex("bad.dex", Arrays.copyOf(store.getData(), store.getSize()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        org.cometsim.dalvik.rt.VmError e = org.junit.jupiter.api.Assertions.assertThrows(org.cometsim.dalvik.rt.VmError.class,
                () -> Corpus.newVm(cp, ps, ps, true).runMain("Main", new String[0]));
        assertEquals("bad.dex: main class Main failed verification: (class: Main, method: main signature: ([Ljava/lang/String;)V)"
                + " control flow falls off the end of the instructions at monitor-enter @0", e.getMessage());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
