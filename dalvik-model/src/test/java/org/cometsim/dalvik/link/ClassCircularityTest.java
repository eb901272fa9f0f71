package org.cometsim.dalvik.link;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmError;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.immutable.ImmutableClassDef;
import org.jf.dexlib2.immutable.ImmutableDexFile;
import org.jf.dexlib2.writer.io.MemoryDataStore;
import org.jf.dexlib2.writer.pool.DexPool;
import org.junit.jupiter.api.Test;

/**
 * A dex whose classes are their own supertypes (javac cannot make one; a hostile dex can): linking
 * stops with {@code ClassCircularityError} as on the JVM, not a host {@code StackOverflowError}.
 */
class ClassCircularityTest {
    private static ClassDef cls(String type, String sup, List<String> interfaces, int access) {
        return new ImmutableClassDef(type, access, sup, interfaces, null, null, null, null);
    }

    private static ClassPath dex(ClassDef... defs) throws Exception {
        MemoryDataStore store = new MemoryDataStore();
        DexPool.writeTo(store, new ImmutableDexFile(Opcodes.forApi(24), List.of(defs)));
        byte[] bytes = java.util.Arrays.copyOf(store.getBuffer(), store.getSize());
        ClassPath cp = new ClassPath();
        cp.addDex("cycle.dex", bytes);
        return cp;
    }

    private static VmError run(ClassPath cp, String main) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        java.io.PrintStream ps = new java.io.PrintStream(sink, true);
        Vm vm = new Vm(cp, new Vm.Options(ps, ps, java.io.InputStream.nullInputStream(), VmClock.wallClock()));
        return assertThrows(VmError.class, () -> vm.runMain(main, new String[0]));
    }

    @Test
    void superclassCycle() throws Exception {
        ClassPath cp = dex(cls("La/A;", "La/B;", List.of(), 1), cls("La/B;", "La/A;", List.of(), 1));
        VmError e = run(cp, "a.A");
        assertTrue(e.getMessage().contains("java.lang.ClassCircularityError"), e.getMessage());
    }

    @Test
    void classIsItsOwnSuperclass() throws Exception {
        VmError e = run(dex(cls("La/A;", "La/A;", List.of(), 1)), "a.A");
        assertTrue(e.getMessage().contains("java.lang.ClassCircularityError"), e.getMessage());
    }

    @Test
    void superinterfaceCycle() throws Exception {
        int itf = 0x0001 | 0x0200 | 0x0400;
        ClassPath cp = dex(cls("La/I;", "Ljava/lang/Object;", List.of("La/J;"), itf),
                cls("La/J;", "Ljava/lang/Object;", List.of("La/I;"), itf),
                cls("La/M;", "Ljava/lang/Object;", List.of("La/I;"), 1));
        VmError e = run(cp, "a.M");
        assertTrue(e.getMessage().contains("java.lang.ClassCircularityError"), e.getMessage());
    }
}
