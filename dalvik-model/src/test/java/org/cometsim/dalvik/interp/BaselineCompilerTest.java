package org.cometsim.dalvik.interp;

import org.cometsim.dalvik.rt.MethodCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.VmClass;
import org.junit.jupiter.api.Test;

/**
 * What the baseline compiler takes and declines (golden program {@code G045_CompiledEdges}, whose
 * output CompiledExecutionTest compares compiled and interpreted), and that compiled code is
 * shared by every VM on a class path.
 */
class BaselineCompilerTest {

    private static MethodCode code(Vm vm, String key) {
        VmClass c = vm.linker().classForDescriptor("Lgolden/G045_CompiledEdges;");
        return vm.linker().codeOf(vm.launcher().mainThread(), c.methods.get(key));
    }

    private static Vm vm() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return Corpus.newVm(Corpus.capture(out), Corpus.capture(out));
    }

    /** A VM on {@code cp}, as the bench and sweeps make one per run. */
    private static Vm vm(ClassPath cp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return Corpus.newVm(cp, Corpus.capture(out), Corpus.capture(out), true);
    }

    @Test
    void compilesLoopsAndCallsButDeclinesHugeFramesAndBodies() throws Exception {
        Vm vm = vm();
        assertNotNull(BaselineCompiler.compile(code(vm, "lazyLoop()I").template, "lazyLoop"));
        assertNotNull(BaselineCompiler.compile(code(vm, "catcher(I)I").template, "catcher"));
        MethodCode many = code(vm, "manyRegisters(J)J");
        assertTrue(many.registers > BaselineCompiler.MAX_REGISTERS, "registers: " + many.registers);
        assertNull(BaselineCompiler.compile(many.template, "manyRegisters"));
        MethodCode longBody = code(vm, "longMethod(I)I");
        assertTrue(longBody.registers <= BaselineCompiler.MAX_REGISTERS);
        assertNull(BaselineCompiler.compile(longBody.template, "longMethod"), "JVM bytecode over HotSpot's limit");
    }

    @Test
    void onlyMethodsWithLoopsAreSampled() throws Exception {
        Vm vm = vm();
        assertTrue(BaselineCompiler.hasLoop(code(vm, "lazyLoop()I").template));
        assertFalse(BaselineCompiler.hasLoop(code(vm, "recurse(I)I").template));
    }

    @Test
    void compiledCodeIsSharedByEveryVmOnAClassPath() throws Exception {
        ClassPath cp = new ClassPath();
        cp.addDex("corpus.dex", Corpus.dex());
        Vm a = vm(cp);
        Vm b = vm(cp);
        a.setJitMode(JitMode.EAGER);
        b.setJitMode(JitMode.EAGER);
        for (Vm vm : new Vm[] {a, b}) {
            assertEquals(2620, vm.invokeStatic("golden.G045_CompiledEdges", "lazyLoop", "()I"));
        }
        MethodCode ca = code(a, "lazyLoop()I");
        MethodCode cb = code(b, "lazyLoop()I");
        assertNotNull(ca.compiled);
        assertSame(ca.compiled, cb.compiled);
        assertTrue(a.interpreter().compiledRuns() > 0 && b.interpreter().compiledRuns() > 0);
    }
}
