package org.cometsim.dalvik.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.hooks.WriteBarrier;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;
import org.jf.dexlib2.iface.ClassDef;
import org.junit.jupiter.api.Test;

/**
 * The guest library: java.* workhorses run as guest code, so their state is guest objects and
 * arrays that the write barrier sees (design principle 3), while host-made objects of the same
 * classes still type-check as the guest sees them.
 */
class GuestLibraryTest {

    private static Vm vm(boolean guestLibrary) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ClassPath cp = new ClassPath();
        cp.addDex("corpus.dex", Corpus.dex());
        return Corpus.newVm(cp, Corpus.capture(out), Corpus.capture(out), guestLibrary);
    }

    @Test
    void everyLibraryClassLinksAsGuestCodeUnderItsJdkName() throws Exception {
        Vm vm = vm(true);
        Map<String, ClassDef> defs = GuestLibrary.definitions();
        assertTrue(defs.containsKey("Ljava/util/ArrayList;"), "guest library has ArrayList");
        for (String d : List.of("Ljava/util/ArrayList;", "Ljava/util/HashMap;", "Ljava/lang/StringBuilder;", "Ljava/util/Random;")) {
            assertTrue(defs.containsKey(d), d);
        }
        for (String d : defs.keySet()) {
            VmClass c = vm.linker().classForDescriptor(d);
            assertNotNull(c, d);
            assertEquals(VmClass.Kind.GUEST, c.kind, d);
            if (!d.contains("$") && (c.access & 0x0001) != 0) {
                // Public top-level library classes replace the JDK class of the same name.
                assertNotNull(c.replacesHost, d + " names the JDK class it replaces");
                assertEquals(c.name, c.replacesHost.getName());
            }
        }
    }

    @Test
    void withoutTheGuestLibraryTheHostClassesAreBridged() throws Exception {
        Vm vm = vm(false);
        assertEquals(VmClass.Kind.HOST, vm.linker().classForDescriptor("Ljava/util/ArrayList;").kind);
        assertSame(java.util.ArrayList.class, vm.linker().classForDescriptor("Ljava/util/ArrayList;").host);
    }

    /** Records which guest objects and arrays were written. */
    static final class Recorder implements WriteBarrier {
        final Map<Object, List<String>> writes = new IdentityHashMap<>();

        @Override
        public void fieldWrite(GuestObject obj, VmField field) {
            writes.computeIfAbsent(obj, k -> new ArrayList<>()).add(field.name);
        }

        @Override
        public void staticWrite(VmClass cls, VmField field) {
            writes.computeIfAbsent(cls, k -> new ArrayList<>()).add(field.name);
        }

        @Override
        public void arrayWrite(GuestArray array, int from, int count) {
            writes.computeIfAbsent(array, k -> new ArrayList<>()).add("[" + from + "," + (from + count) + ")");
        }

        @Override
        public void arrayWrittenWhole(GuestArray array) {
            writes.computeIfAbsent(array, k -> new ArrayList<>()).add("whole");
        }
    }

    @Test
    void libraryObjectsAreGuestStateThatTheWriteBarrierSees() throws Exception {
        Vm vm = vm(true);
        Recorder rec = new Recorder();
        vm.setWriteBarrier(rec);
        GuestArray made = (GuestArray) vm.invokeStatic("hooktarget.LibraryState", "make", "()[Ljava/lang/Object;");
        Object[] parts = (Object[]) made.data;
        String[] names = {"java.util.ArrayList", "java.util.HashMap", "java.lang.StringBuilder", "java.util.Random"};
        for (int i = 0; i < parts.length; i++) {
            assertTrue(parts[i] instanceof GuestObject, names[i] + " is a guest object, not a host one");
            GuestObject g = (GuestObject) parts[i];
            assertEquals(names[i], g.cls.name);
            track(g);
        }
        vm.invokeStatic("hooktarget.LibraryState", "mutate", "([Ljava/lang/Object;)V", made);
        for (int i = 0; i < parts.length; i++) {
            assertTrue(rec.writes.containsKey(parts[i]), names[i] + ": a mutation reaches the write barrier as a field write; got "
                    + rec.writes.values());
        }
    }

    /** Marks an object and everything reachable from its reference fields as tracked. */
    private static void track(Object o) {
        if (o instanceof GuestObject g) {
            if (g.dsm != null) {
                return;
            }
            g.dsm = new org.cometsim.dalvik.rt.ObjectHeader(1);
            for (Object r : g.r) {
                track(r);
            }
        } else if (o instanceof GuestArray a) {
            if (a.dsm != null) {
                return;
            }
            a.dsm = new org.cometsim.dalvik.rt.ObjectHeader(2);
            if (a.data instanceof Object[] objs) {
                for (Object e : objs) {
                    track(e);
                }
            }
        }
    }

    @Test
    void threadLocalValuesHangOffTheThreadObjectAsGuestState() throws Exception {
        for (boolean library : new boolean[] {true, false}) {
            Vm vm = vm(library);
            for (String d : List.of("Ljava/lang/ThreadLocal;", "Ljava/lang/InheritableThreadLocal;", "Ljava/lang/ThreadLocal$ThreadLocalMap;")) {
                assertEquals(VmClass.Kind.GUEST, vm.linker().classForDescriptor(d).kind, d + " is guest code, library " + library);
            }
            Recorder rec = new Recorder();
            vm.setWriteBarrier(rec);
            GuestObject thread = (GuestObject) vm.invokeStatic("hooktarget.LibraryState", "currentThread", "()Ljava/lang/Thread;");
            track(thread);
            assertEquals("same", vm.invokeStatic("hooktarget.LibraryState", "setThreadLocal", "()Ljava/lang/String;"));
            assertEquals(List.of("threadLocals"), rec.writes.get(thread), "the thread's map is set through the write barrier");
            Object map = thread.r[vm.linker().classForDescriptor("Ljava/lang/Thread;").fields.get("threadLocals").slot];
            assertTrue(map instanceof GuestObject, "the per-thread map is a guest object: " + map);
            assertEquals("java.lang.ThreadLocal$ThreadLocalMap", ((GuestObject) map).cls.name);
            assertEquals(null, thread.r[vm.linker().classForDescriptor("Ljava/lang/Thread;").fields.get("inheritableThreadLocals").slot]);
        }
    }

    @Test
    void hostMadeCollectionsTypeCheckAsTheLibraryClass() throws Exception {
        Vm vm = vm(true);
        assertEquals("true [3, 1, 2, 4] 4", vm.invokeStatic("hooktarget.LibraryState", "hostMadeList", "()Ljava/lang/String;"));
    }

    @Test
    void libraryCodeAndHostCallbacksAgreeWithTheJvm() throws Exception {
        Vm vm = vm(true);
        assertEquals(hooktarget.LibraryState.describe(),
                vm.invokeStatic("hooktarget.LibraryState", "describe", "()Ljava/lang/String;"));
    }

    @Test
    void seededShufflesMatchJavaAndUnseededRandomnessIsReproducible() throws Exception {
        assertEquals(hooktarget.LibraryState.randomness(),
                vm(true).invokeStatic("hooktarget.LibraryState", "randomness", "()Ljava/lang/String;"));
        // The JDK seeds Math.random(), shuffle(List) and new Random() from the clock; the VM does
        // not: two fresh VMs draw the same values (principle 4).
        Object first = vm(true).invokeStatic("hooktarget.LibraryState", "unseeded", "()Ljava/lang/String;");
        Object second = vm(true).invokeStatic("hooktarget.LibraryState", "unseeded", "()Ljava/lang/String;");
        assertEquals(first, second);
    }

    @Test
    void guestBuildersPassedToHostMethodsAreCopiedInAndOut() throws Exception {
        assertEquals(hooktarget.LibraryState.buildersToHost(),
                vm(true).invokeStatic("hooktarget.LibraryState", "buildersToHost", "()Ljava/lang/String;"));
    }

    @Test
    void aJdkMethodTheLibraryClassLacksIsAnUnsupportedApiNotNoSuchMethodError() throws Exception {
        VmError e = assertThrows(VmError.class,
                () -> vm(true).invokeStatic("hooktarget.LibraryState", "missingLibraryMethod", "()Ljava/lang/String;"));
        assertTrue(e.getMessage().contains("unsupported API: java.util.concurrent.Executors.callable(Ljava/security/PrivilegedAction;)"), e.getMessage());
        assertTrue(e.getMessage().contains("--host-library"), e.getMessage());
    }
}
