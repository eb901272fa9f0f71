package org.cometsim.dalvik.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.junit.jupiter.api.Test;

/**
 * The {@code ClassInitGate} is asked not only before a thread starts a class's {@code <clinit>}
 * but also before it would wait for another thread's: an endpoint that may not run the
 * initialiser (an offload server) must not wait for it either, since its end is only learnt from
 * a push nothing may send (litmus ClassInitRace deadlocked across the endpoints that way).
 */
class ClassInitGateTest {
    private static final String CLS = "Lhooktarget/LibraryState;"; // has a <clinit>

    private static Vm vm() throws Exception {
        return Corpus.newVm(Corpus.capture(new ByteArrayOutputStream()), Corpus.capture(new ByteArrayOutputStream()));
    }

    /** {@code c} as if another thread were running its initialiser. */
    private static VmClass beingInitialisedByAnother(Vm vm) {
        VmClass c = vm.linker().classForDescriptor(CLS);
        c.initState = VmClass.INIT_RUNNING;
        c.initThread = new GuestThread(99, "initialiser", 99);
        return c;
    }

    @Test
    void aThreadThatMayNotInitialiseHereDoesNotWaitHereEither() throws Exception {
        Vm vm = vm();
        VmClass c = beingInitialisedByAnother(vm);
        List<String> asked = new ArrayList<>();
        vm.hooks().setClassInitGate((t, k) -> {
            asked.add(t.name + " " + k.name);
            return false;
        });
        GuestThread t = new GuestThread(7, "worker", 7);
        assertEquals(ClassInitializer.INIT_MIGRATE, vm.initializer().ensureInitialized(t, c));
        assertEquals(List.of("worker hooktarget.LibraryState"), asked);
        assertEquals(VmClass.INIT_RUNNING, c.initState, "the other thread's initialisation is untouched");
    }

    @Test
    void withoutAGateOrWithItsConsentTheThreadWaits() throws Exception {
        Vm vm = vm();
        VmClass c = beingInitialisedByAnother(vm);
        GuestThread t = new GuestThread(7, "worker", 7);
        assertEquals(ClassInitializer.INIT_BLOCKED, vm.initializer().ensureInitialized(t, c));
        assertEquals(ThreadState.BLOCKED, t.state);

        Vm gated = vm();
        VmClass g = beingInitialisedByAnother(gated);
        gated.hooks().setClassInitGate((th, k) -> true);
        GuestThread u = new GuestThread(8, "worker", 8);
        assertEquals(ClassInitializer.INIT_BLOCKED, gated.initializer().ensureInitialized(u, g));
    }
}
