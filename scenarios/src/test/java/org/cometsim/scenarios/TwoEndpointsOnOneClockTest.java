package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;
import org.cometsim.net.LinkModels;
import org.cometsim.net.SimulatedLink;
import org.cometsim.sim.Event;
import org.cometsim.sim.EventTraceHash;
import org.cometsim.sim.SimListener;
import org.cometsim.sim.Simulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two VMs (a 2012 phone and a 2012 server) and a WiFi link advance on one simulation clock: the
 * phone's program sends requests through a native channel over the simulated link and blocks for
 * the replies; the server's program answers. The event trace (every step of either VM and every
 * delivery, with its time) is byte-identical across reruns and across {@code --jit off|on|eager},
 * and so is what both programs print, timestamps from their simulated clocks included.
 */
class TwoEndpointsOnOneClockTest {
    private static final int ROUNDS = 6;
    private static ClassPath classPath;

    @TempDir
    static Path dir;

    @BeforeAll
    static void compileAndDex() throws Exception {
        Path src = Path.of("src", "test", "resources", "twovm");
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        List<String> javac = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        try (Stream<Path> s = Files.list(src)) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> javac.add(p.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(new String[0])), "javac");
        List<Path> classes;
        try (Stream<Path> s = Files.walk(out)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        classPath = new ClassPath();
        for (byte[] dex : new D8Converter(dir.resolve("d8")).convertClassFiles(classes, false, "twovm")) {
            classPath.addDex("twovm.dex", dex);
        }
    }

    /** One endpoint: its VM, its side of the channel, and what it printed. */
    private static final class Side {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ArrayDeque<byte[]> inbox = new ArrayDeque<>();
        Vm vm;
        SimulatedEndpoint endpoint;
        GuestThread waiting;
        long lastSubmit;

        String printed() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** The outcome of one co-simulated run. */
    private record Outcome(String phone, String server, List<String> trace, String traceHash, long endNanos) {
    }

    private static Outcome run(JitMode jit) {
        Simulation sim = new Simulation(42);
        SimulatedLink link = new SimulatedLink(sim, LinkModels.preset("wifi-80211g", sim.streams()));
        long lookahead = link.model().minimumLatencyNanos();
        Side phone = new Side();
        Side server = new Side();
        phone.vm = newVm(phone, "phone-2012-hummingbird-portable", jit);
        server.vm = newVm(server, "server-2012-portable", jit);
        connect(phone, server, Direction.UP, link);
        connect(server, phone, Direction.DOWN, link);
        phone.endpoint = new SimulatedEndpoint("phone", phone.vm, sim, lookahead);
        server.endpoint = new SimulatedEndpoint("server", server.vm, sim, lookahead);

        List<String> trace = new ArrayList<>();
        sim.addListener(new SimListener() {
            @Override
            public void beforeEvent(long timeNanos, Event event) {
                trace.add(timeNanos + " " + event.getClass().getSimpleName() + " " + event.tracePayload());
            }
        });
        EventTraceHash hash = EventTraceHash.attachTo(sim);
        GuestThread phoneMain = phone.vm.launcher().startMain("twovm.Phone", new String[] {Integer.toString(ROUNDS)});
        GuestThread serverMain = server.vm.launcher().startMain("twovm.Server", new String[] {Integer.toString(ROUNDS)});
        phone.endpoint.start();
        server.endpoint.start();
        sim.run();
        assertNull(phone.endpoint.failure(), "phone");
        assertNull(server.endpoint.failure(), "server");
        assertTrue(phone.endpoint.finished() && server.endpoint.finished(), "both programs ran to their end");
        assertEquals(0, phone.vm.launcher().finish(phoneMain));
        assertEquals(0, server.vm.launcher().finish(serverMain));
        long end = Math.max(phone.vm.scheduler().simulatedEnd(), server.vm.scheduler().simulatedEnd());
        return new Outcome(phone.printed(), server.printed(), trace, hash.hex(), end);
    }

    private static Vm newVm(Side side, String cpuPreset, JitMode jit) {
        PrintStream ps = new PrintStream(side.out, true, StandardCharsets.UTF_8);
        Vm[] self = new Vm[1];
        Vm vm = new Vm(classPath, new Vm.Options(ps, ps, System.in, SimulatedExec.simulatedClock(() -> self[0].scheduler().now())));
        self[0] = vm;
        vm.setJitMode(jit);
        vm.scheduler().setTimeModel(DeviceModels.cpu(cpuPreset), null);
        return vm;
    }

    /** {@code from}'s {@code Link.send} goes over {@code link} in {@code dir} into {@code to}'s inbox. */
    private static void connect(Side from, Side to, Direction dir, SimulatedLink link) {
        from.vm.natives().register("twovm.Link", "send", "([B)V", true, Placement.CLIENT_PINNED, HostCost.IO,
                a -> ((GuestArray) a[0]).length, (in, t, a) -> {
                    byte[] payload = ((byte[]) ((GuestArray) a[0]).data).clone();
                    // The slice's own time; FIFO on one connection, so never before the last send.
                    long at = Math.max(from.vm.scheduler().now(), from.lastSubmit);
                    from.lastSubmit = at;
                    link.transmit(dir, at, payload.length, (Delivery d) -> {
                        to.inbox.add(payload);
                        if (to.waiting != null) {
                            GuestThread w = to.waiting;
                            to.waiting = null;
                            to.endpoint.wake(w);
                        }
                    });
                    return null;
                });
        from.vm.natives().register("twovm.Link", "receive", "()[B", true, Placement.CLIENT_PINNED, HostCost.IO, null,
                (in, t, a) -> {
                    if (from.inbox.isEmpty()) {
                        from.waiting = t;
                        from.vm.scheduler().blockExternally(t, "a message on twovm.Link");
                        return NativeImpl.BLOCK;
                    }
                    t.blockPhase = Scheduler.PHASE_NONE;
                    byte[] m = from.inbox.poll();
                    GuestArray g = from.vm.heap().newArray(t, from.vm.linker().classForDescriptor("[B"), m.length);
                    System.arraycopy(m, 0, g.data, 0, m.length);
                    return g;
                });
    }

    @Test
    void bothVmsAndTheLinkAdvanceOnOneClock() {
        Outcome o = run(JitMode.OFF);
        assertTrue(o.phone().contains("round " + (ROUNDS - 1) + ": sent"), o.phone());
        assertTrue(o.server().contains("server done at"), o.server());
        long deliveries = o.trace().stream().filter(e -> e.contains("MessageDelivered")).count();
        assertEquals(2L * ROUNDS, deliveries, "one request and one reply per round: " + o.trace());
        assertTrue(o.trace().stream().anyMatch(e -> e.contains("EndpointStep phone"))
                && o.trace().stream().anyMatch(e -> e.contains("EndpointStep server")), "both VMs are actors of the loop");
        long previous = -1;
        for (String e : o.trace()) {
            long at = Long.parseLong(e.substring(0, e.indexOf(' ')));
            assertTrue(at >= previous, "events fire in time order: " + e);
            previous = at;
        }
        // Each round trip costs at least two one-way latencies of the link (5 ms on 802.11g).
        assertTrue(o.endNanos() >= ROUNDS * 2 * 5_000_000L, "end " + o.endNanos());
    }

    @Test
    void theEventTraceIsByteIdenticalAcrossRerunsAndJitModes() {
        Outcome off = run(JitMode.OFF);
        for (JitMode mode : List.of(JitMode.OFF, JitMode.ON, JitMode.EAGER)) {
            Outcome o = run(mode);
            assertEquals(off.trace(), o.trace(), "event trace with --jit " + mode);
            assertEquals(off.traceHash(), o.traceHash(), "event trace hash with --jit " + mode);
            assertEquals(off.phone(), o.phone(), "phone output with --jit " + mode);
            assertEquals(off.server(), o.server(), "server output with --jit " + mode);
        }
    }
}
