package org.cometsim.dalvik.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.sched.Scheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Moving threads, monitors and class-initialisation state between VMs through the API
 * ({@link Vm#detach}, {@link Vm#adopt}, monitor and class-init images), with object ids from an
 * {@link ObjectIds} mapping: real guest programs ({@code hooktarget.Migrating}), no field poking.
 */
class MigrationTest {

    private static Vm vm(ByteArrayOutputStream out) throws Exception {
        return Corpus.newVm(Corpus.capture(out), Corpus.capture(out));
    }

    private static Object staticRef(Vm vm, String className, String field) {
        VmClass c = vm.linker().classForDescriptor(className);
        return c.staticR[c.fields.get(field).slot];
    }

    private static GuestThread threadNamed(Vm vm, String name) {
        for (GuestThread t : vm.scheduler().threads()) {
            if (t.name.equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no thread " + name);
    }

    /**
     * Runs static method {@code key} of {@code Migrating} as the first frame of a new thread
     * "main" (an ordinary bottom frame, unlike {@link Vm#invokeStatic}'s host callback) until
     * every thread ends; returns its reference result.
     */
    private static Object runSpawned(Vm vm, String key) {
        VmMethod m = vm.linker().classForDescriptor("Lhooktarget/Migrating;").methods.get(key);
        GuestThread main = vm.launcher().spawn("main", m);
        vm.launcher().runAll();
        assertEquals(ThreadState.TERMINATED, main.state);
        return main.retR;
    }

    /** Runs {@code action} when a thread enters {@code Migrating.marker()}. */
    private static void atMarker(Vm vm, Consumer<GuestThread> action) {
        vm.setMethodEvents(new MethodEvents() {
            @Override
            public void enter(GuestThread thread, VmMethod method) {
                if (method.name.equals("marker")) {
                    action.accept(thread);
                }
            }

            @Override
            public void exit(GuestThread thread, VmMethod method, boolean exceptional) {
            }
        });
    }

    private static long expectedNested(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (long) i * i % 7 + (i & 3);
        }
        return s;
    }

    private static long expectedCatches(int n) {
        long c = 0;
        for (int i = 0; i < n; i++) {
            c += i % 3 == 0 ? ("x" + i).length() : i;
        }
        return c;
    }

    @Test
    void theSchedulersWaitingPhaseIsTheOneMigrationReads() {
        assertEquals(Scheduler.PHASE_WAITING, Migration.PHASE_WAITING);
        assertEquals(Scheduler.PHASE_WOKEN, Migration.PHASE_WOKEN);
    }

    /**
     * A thread holding A twice and B once stops at a safepoint: its image lists both monitors,
     * innermost first, with their counts; they stay its own here while it is away (another VM
     * sharing the heap cannot take them), and it finishes after coming back into the same thread.
     */
    @ParameterizedTest
    @EnumSource(value = JitMode.class, names = {"OFF", "EAGER"})
    void heldMonitorsTravelWithTheThread(JitMode jit) throws Exception {
        Vm phone = vm(new ByteArrayOutputStream());
        Vm server = vm(new ByteArrayOutputStream());
        phone.setJitMode(jit);
        phone.setSafepointInterval(100);
        AtomicInteger calls = new AtomicInteger();
        phone.setSafepointHandler((t, kind) ->
                calls.incrementAndGet() == 5 ? SafepointHandler.Action.MIGRATE : SafepointHandler.Action.CONTINUE);
        ObjectTable ids = new ObjectTable();
        List<ThreadImage> images = new ArrayList<>();
        List<MonitorImage> monitorImages = new ArrayList<>();
        phone.scheduler().setMigrationHandler(t -> {
            Object a = staticRef(phone, "Lhooktarget/Migrating;", "A");
            monitorImages.add(phone.captureMonitor(a, ids));
            ThreadImage image = phone.detach(t, ids);
            images.add(image);
            assertSame(t, ((GuestObject) a).monitor.owner, "A stays the away thread's here");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> server.adopt(image, ids, 0));
            assertTrue(e.getMessage().contains("is held by thread \"worker\""), e.getMessage());
            phone.adopt(image, ids, 0, t); // back home, into the same thread
        });
        VmMethod nested = phone.linker().classForDescriptor("Lhooktarget/Migrating;").methods.get("nested(I)J");
        GuestThread t = phone.launcher().spawn("worker", nested, 20_000);
        phone.launcher().runAll();

        assertEquals(1, images.size());
        ThreadImage image = images.get(0);
        Object a = staticRef(phone, "Lhooktarget/Migrating;", "A");
        Object b = staticRef(phone, "Lhooktarget/Migrating;", "B");
        assertEquals(List.of(new ThreadImage.HeldMonitor(ids.idOf(b), 1), new ThreadImage.HeldMonitor(ids.idOf(a), 2)),
                image.heldMonitors());
        assertEquals(new MonitorImage(ids.idOf(a), t.id, 2, List.of()), monitorImages.get(0));
        assertEquals(ThreadState.TERMINATED, t.state);
        assertEquals(expectedNested(20_000), t.retP);
        assertNull(((GuestObject) a).monitor.owner, "released when the thread left its synchronized blocks");
        assertNull(((GuestObject) b).monitor.owner);
        assertNull(t.heldMonitors);
        assertEquals(0, server.scheduler().threads().size(), "the refused adopt made no thread");
    }

    /**
     * Stopped right after a return (the callee's result not yet read by move-result) or in a
     * handler (the exception not yet read by move-exception): the image carries the result and
     * the pending exception, and the thread finishes correctly on the other VM.
     */
    @ParameterizedTest
    @EnumSource(value = SafepointHandler.Kind.class, names = {"RETURN", "THROW"})
    void resultAndPendingExceptionTravel(SafepointHandler.Kind at) throws Exception {
        Vm phone = vm(new ByteArrayOutputStream());
        Vm server = vm(new ByteArrayOutputStream());
        phone.setSafepointInterval(50);
        AtomicInteger seen = new AtomicInteger();
        phone.setSafepointHandler((t, kind) ->
                kind == at && seen.incrementAndGet() == 3 ? SafepointHandler.Action.MIGRATE : SafepointHandler.Action.CONTINUE);
        ObjectTable ids = new ObjectTable();
        List<ThreadImage> images = new ArrayList<>();
        phone.scheduler().setMigrationHandler(t -> images.add(phone.detach(t, ids)));
        String method = at == SafepointHandler.Kind.RETURN ? "nested(I)J" : "catches(I)J";
        VmMethod m = phone.linker().classForDescriptor("Lhooktarget/Migrating;").methods.get(method);
        GuestThread pt = phone.launcher().spawn("worker", m, 3000);
        phone.launcher().runAll();
        assertEquals(1, images.size());
        ThreadImage image = images.get(0);
        if (at == SafepointHandler.Kind.THROW) {
            assertTrue(image.pendingException() != ObjectIds.NULL, "an exception awaits move-exception");
            assertEquals("java.lang.IllegalStateException", ((GuestObject) ids.objectOf(image.pendingException())).cls.name);
        } else {
            assertEquals(ObjectIds.NULL, image.pendingException());
        }
        assertNull(pt.caught);
        // Nested's monitors stay the away thread's on the phone, and the server shares the heap:
        // free them as a DSM handing the locks over would, so the server can take them.
        for (ThreadImage.HeldMonitor h : image.heldMonitors()) {
            phone.rebuildMonitor(new MonitorImage(h.objectId(), 0, 0, List.of()), ids, id -> null);
        }
        assertNull(pt.heldMonitors);
        GuestThread st = server.adopt(image, ids, 0);
        server.launcher().runAll();
        long expected = at == SafepointHandler.Kind.RETURN ? expectedNested(3000) : expectedCatches(3000);
        assertEquals(expected, st.retP);
    }

    /**
     * A thread inside Object.wait (entered with the monitor held twice) leaves the wait set; its
     * image says which monitor and with what count it re-acquires it. Adopted back it waits
     * again, is notified and leaves both synchronized blocks normally.
     */
    @Test
    void aWaitingThreadLeavesTheWaitSetAndWaitsAgainWhenAdopted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = vm(out);
        ObjectTable ids = new ObjectTable();
        List<ThreadImage> images = new ArrayList<>();
        List<MonitorImage> monitors = new ArrayList<>();
        atMarker(vm, main -> {
            GuestThread w = threadNamed(vm, "waiter");
            Object lock = staticRef(vm, "Lhooktarget/Migrating;", "LOCK");
            monitors.add(vm.captureMonitor(lock, ids));
            assertNull(vm.detachRefusal(w));
            ThreadImage image = vm.detach(w, ids);
            images.add(image);
            assertTrue(((GuestObject) lock).monitor.waitSet.isEmpty(), "it left the wait set");
            GuestThread back = vm.adopt(image, ids, 0, w);
            assertSame(w, back);
            assertEquals(List.of(w), ((GuestObject) lock).monitor.waitSet);
        });
        assertEquals("woken;", runSpawned(vm, "waitAndNotify()Ljava/lang/String;"));
        ThreadImage image = images.get(0);
        Object lock = staticRef(vm, "Lhooktarget/Migrating;", "LOCK");
        assertEquals(ThreadState.WAITING, image.state());
        assertTrue(image.inWait());
        assertEquals(ids.idOf(lock), image.waitingOn());
        assertEquals(2, image.savedLockCount(), "re-acquired with the recursion count it waited with");
        assertEquals(List.of(), image.heldMonitors(), "wait released the only monitor it held");
        GuestThread w = threadNamed(vm, "waiter");
        assertSame(w, vm.threadById(image.threadId()), "adopted into the same thread: same id");
        assertEquals(new MonitorImage(ids.idOf(lock), 0, 0, List.of(w.id)), monitors.get(0));
        assertEquals(ThreadState.TERMINATED, w.state);
        assertEquals("", out.toString(), "no uncaught exception (a wrong count would be IllegalMonitorState)");
    }

    /** A thread blocked inside a callback from host code (Arrays.sort's comparator) cannot leave. */
    @Test
    void aThreadInsideAHostCallbackIsRefused() throws Exception {
        Vm vm = vm(new ByteArrayOutputStream());
        List<String> reasons = new ArrayList<>();
        atMarker(vm, main -> {
            GuestThread sorter = threadNamed(vm, "sorter");
            assertEquals(ThreadState.BLOCKED, sorter.state);
            reasons.add(vm.detachRefusal(sorter));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> vm.detach(sorter, new ObjectTable()));
            reasons.add(e.getMessage());
            reasons.add(vm.detachRefusal(main));
        });
        assertEquals("[1, 2, 3]", runSpawned(vm, "blockedInACallback()Ljava/lang/String;"));
        assertEquals(3, reasons.size());
        assertTrue(reasons.get(0).contains("inside a call from host code") && reasons.get(0).contains("break frame"),
                reasons.get(0));
        assertEquals("cannot detach: " + reasons.get(0), reasons.get(1));
        assertTrue(reasons.get(2).contains("is running"), reasons.get(2));
    }

    /**
     * A monitor's owner and count move to the other VM's replica of the object, owned there by
     * the paired thread; a free image frees it again. Objects map by id to each VM's own replica.
     */
    @Test
    void aMonitorIsRebuiltOnTheOtherVmsReplica() throws Exception {
        Vm phone = vm(new ByteArrayOutputStream());
        Vm server = vm(new ByteArrayOutputStream());
        phone.setSafepointInterval(100);
        phone.setSafepointHandler((t, kind) -> SafepointHandler.Action.MIGRATE);
        ObjectTable phoneIds = new ObjectTable();
        List<MonitorImage> images = new ArrayList<>();
        phone.scheduler().setMigrationHandler(t -> {
            images.add(phone.captureMonitor(staticRef(phone, "Lhooktarget/Migrating;", "A"), phoneIds));
            phone.adopt(phone.detach(t, phoneIds), phoneIds, 0, t);
            phone.setSafepointHandler(null);
        });
        VmMethod nested = phone.linker().classForDescriptor("Lhooktarget/Migrating;").methods.get("nested(I)J");
        GuestThread worker = phone.launcher().spawn("worker", nested, 1000);
        phone.launcher().runAll();
        MonitorImage image = images.get(0);
        assertEquals(worker.id, image.ownerThreadId());
        assertEquals(2, image.count());

        server.invokeStatic("hooktarget.Migrating", "marker", "()V"); // initialises the server's replica
        Object serverA = staticRef(server, "Lhooktarget/Migrating;", "A");
        Object phoneA = staticRef(phone, "Lhooktarget/Migrating;", "A");
        assertTrue(serverA != phoneA);
        ObjectIds serverIds = new ObjectIds() {
            @Override
            public long idOf(Object ref) {
                return ref == serverA ? phoneIds.idOf(phoneA) : -2;
            }

            @Override
            public Object objectOf(long id) {
                assertEquals(phoneIds.idOf(phoneA), id);
                return serverA;
            }
        };
        GuestThread paired = server.models().threads().createStartedThread("worker");
        server.rebuildMonitor(image, serverIds, id -> id == worker.id ? paired : null);
        Monitor m = ((GuestObject) serverA).monitor;
        assertSame(paired, m.owner);
        assertEquals(2, m.count);
        assertSame(m, paired.heldMonitors);
        assertEquals(new MonitorImage(image.objectId(), paired.id, 2, List.of()), server.captureMonitor(serverA, serverIds));

        server.rebuildMonitor(new MonitorImage(image.objectId(), 0, 0, List.of()), serverIds, id -> null);
        assertNull(m.owner);
        assertEquals(0, m.count);
        assertNull(paired.heldMonitors);
        assertThrows(IllegalArgumentException.class,
                () -> server.rebuildMonitor(new MonitorImage(image.objectId(), 99, 1, List.of()), serverIds, id -> null));
    }

    /**
     * Class-initialisation state: a class that failed on the phone is erroneous on the server
     * without running its initialiser (NoClassDefFoundError), with the same error; one done on the
     * phone is done on the server (its statics would come with the DSM's sync); one being
     * initialised names its thread.
     */
    @Test
    void classInitialisationStateMovesBetweenVms() throws Exception {
        ByteArrayOutputStream phoneOut = new ByteArrayOutputStream();
        ByteArrayOutputStream serverOut = new ByteArrayOutputStream();
        Vm phone = vm(phoneOut);
        Vm server = vm(serverOut);
        ObjectTable ids = new ObjectTable();
        List<ClassInitImage> running = new ArrayList<>();
        phone.setMethodEvents(new MethodEvents() {
            @Override
            public void enter(GuestThread thread, VmMethod method) {
                if (method.name.equals("<clinit>") && method.owner.name.equals("hooktarget.Migrating$Loud")) {
                    running.add(phone.captureClassInit(method.owner, ids));
                }
            }

            @Override
            public void exit(GuestThread thread, VmMethod method, boolean exceptional) {
            }
        });
        assertEquals("java.lang.ExceptionInInitializerError",
                phone.invokeStatic("hooktarget.Migrating", "useFailing", "()Ljava/lang/String;"));
        assertEquals(2, phone.invokeStatic("hooktarget.Migrating$Loud", "value", "()I"));
        VmClass phoneFailing = phone.linker().classForDescriptor("Lhooktarget/Migrating$Failing;");
        VmClass phoneLoud = phone.linker().classForDescriptor("Lhooktarget/Migrating$Loud;");
        ClassInitImage failed = phone.captureClassInit(phoneFailing, ids);
        ClassInitImage done = phone.captureClassInit(phoneLoud, ids);
        assertEquals(ClassInitImage.State.ERROR, failed.state());
        assertEquals("java.lang.ExceptionInInitializerError", ((GuestObject) ids.objectOf(failed.error())).cls.name);
        assertEquals(ClassInitImage.State.DONE, done.state());
        assertEquals(ObjectIds.NULL, done.error());
        assertEquals(1, running.size());
        assertEquals(ClassInitImage.State.RUNNING, running.get(0).state());
        assertEquals(phone.launcher().mainThread().id, running.get(0).initThreadId());

        VmClass serverFailing = server.linker().classForDescriptor("Lhooktarget/Migrating$Failing;");
        VmClass serverLoud = server.linker().classForDescriptor("Lhooktarget/Migrating$Loud;");
        ObjectIds serverIds = new ObjectIds() { // classes map to the server's own; the error passes through
            @Override
            public long idOf(Object ref) {
                return ids.idOf(ref == serverFailing ? phoneFailing : ref == serverLoud ? phoneLoud : ref);
            }

            @Override
            public Object objectOf(long id) {
                Object o = ids.objectOf(id);
                return o == phoneFailing ? serverFailing : o == phoneLoud ? serverLoud : o;
            }
        };
        GuestThread paired = server.models().threads().createStartedThread("main");
        server.rebuildClassInit(running.get(0), serverIds, id -> paired);
        assertEquals(VmClass.INIT_RUNNING, serverLoud.initState);
        assertSame(paired, serverLoud.initThread);
        server.rebuildClassInit(done, serverIds, id -> null);
        server.rebuildClassInit(failed, serverIds, id -> null);
        assertNull(serverLoud.initThread);
        assertEquals("java.lang.NoClassDefFoundError",
                server.invokeStatic("hooktarget.Migrating", "useFailing", "()Ljava/lang/String;"));
        assertSame(ids.objectOf(failed.error()), serverFailing.initError);
        assertEquals(0, server.invokeStatic("hooktarget.Migrating$Loud", "value", "()I"),
                "done: the initialiser does not run again here (the statics are the DSM's to ship)");
        assertEquals("Loud initialised\n", phoneOut.toString());
        assertEquals("", serverOut.toString());
        assertEquals(failed, server.captureClassInit(serverFailing, serverIds));
        assertNotNull(server.captureClassInit(serverLoud, serverIds));
    }
}
