package org.cometsim.dalvik.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmClock;
import org.junit.jupiter.api.Test;

/**
 * No orphan natives (Java PathFinder's {@code vm.no_orphan_methods}): every native a fresh VM
 * registers, and every native of its model classes, matches a real method. The JDK methods of
 * model classes that have no native (they stop as unsupported at run time) are listed in the
 * test output for whoever widens the model classes next.
 */
class OrphanNativesTest {
    private static Vm freshVm() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return new Vm(new ClassPath(), new Vm.Options(quiet, quiet, System.in, VmClock.wallClock()));
    }

    @Test
    void everyNativeMatchesARealMethod() {
        Vm vm = freshVm();
        List<String> orphans = OrphanNatives.find(vm.natives(), vm.linker());
        assertEquals(List.of(), orphans, () -> orphans.size() + " orphan native(s):\n  " + String.join("\n  ", orphans));
    }

    @Test
    void anOrphanIsFoundAndNamed() {
        Vm vm = freshVm();
        NativeRegistry natives = vm.natives();
        natives.register("java.lang.System", "nanoTime", "()I", true, Placement.OFFLOADABLE, "default", (in, t, a) -> 0);
        natives.register("java.lang.Math", "abs", "(I)I", false, Placement.OFFLOADABLE, "default", (in, t, a) -> 0);
        natives.register("java.util.ServiceLoader", "jdkProviders", "(Ljava/lang/Class;)[Ljava/lang/Object;", true,
                Placement.OFFLOADABLE, "default", (in, t, a) -> null);
        List<String> orphans = OrphanNatives.find(natives, vm.linker());
        assertEquals(3, orphans.size(), orphans::toString);
        assertTrue(orphans.get(0).contains("java.lang.Math.abs(I)I"), orphans::toString); // static-ness differs
        assertTrue(orphans.get(1).contains("java.lang.System.nanoTime()I"), orphans::toString); // return type differs
        assertTrue(orphans.get(2).contains("java.util.ServiceLoader.jdkProviders(Ljava/lang/Class;)"), orphans::toString);
    }

    @Test
    void jdkMethodsOfModelClassesWithoutANativeAreReported() {
        Vm vm = freshVm();
        List<String> missing = OrphanNatives.unimplemented(vm.models(), vm.linker(), vm.resolver());
        // A report, not a requirement: these stop as unsupported APIs when a guest calls them.
        System.out.println(missing.size() + " public JDK instance methods and constructors of model classes have no native"
                + " (unsupported at run time):\n  " + String.join("\n  ", missing));
        assertTrue(missing.stream().noneMatch(m -> m.startsWith("java.lang.Object.")), "Object is complete: " + missing);
    }
}
