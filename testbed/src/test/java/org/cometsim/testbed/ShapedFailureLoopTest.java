package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.device.DeviceModels;
import org.cometsim.network.shaper.LinkShaper;
import org.cometsim.network.shaper.Release;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.spec.Scenario;
import org.cometsim.scenarios.spec.ScenarioParser;
import org.cometsim.scenarios.spec.ScenarioRunner;
import org.cometsim.sim.RandomStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure injection in the testbed (issue #16 item 3): the phone reaches an in-process server
 * through the link shaper applying the scenario's link, and the shaper cuts the connection (both
 * sockets reset) at a seeded random moment; the phone recovers as in the simulator and prints what
 * the program prints alone. The moment is counted in protocol progress (the K-th chunk the relay
 * releases, K drawn from the seed within the first half of a run without failure), not in wall
 * time, so the cut always falls inside the run whatever the host's speed: every assertion is
 * about outputs and counts, none about durations.
 */
class ShapedFailureLoopTest {

    @TempDir
    Path dir;

    @Test
    void oneSeededCutIsRecoveredAndTheOutputIsUnchanged() throws Exception {
        loop(1);
    }

    /** The bounded loop: more seeds, for -Pfull. */
    @Test
    @Tag("slow")
    void manySeededCutsAreRecovered() throws Exception {
        loop(8);
    }

    /**
     * An outage window of the scenario's link, applied by the shaper: connections are refused
     * while it lasts and the phone connects once it is over. The window ends when the test says
     * so (a clock the test jumps forward past it), never after some wall duration.
     */
    @Test
    void outageWindowRefusesConnectionsUntilItEnds() throws Exception {
        Path yaml = dir.resolve("outage.yaml");
        Files.writeString(yaml, String.join("\n",
                "name: outage",
                "app: {workload: mandelbrot, size: small}",
                "link: {preset: comet-wifi, outages: [{start: 0ms, duration: 1000s}]}",
                "policy: always",
                "seed: 1",
                ""));
        Scenario s = ScenarioParser.read(yaml);
        byte[] token = new byte[32];
        new Random(8).nextBytes(token);
        JumpClock clock = new JumpClock();
        try (ScenarioRunner runner = new ScenarioRunner(D8Converter.withDefaultCache());
             TestbedServer server = new TestbedServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token,
                     DeviceModels.cpu("server-2012-portable"), WallClockDriver.Pacing.PACED,
                     TestbedServer.Limits.defaults(), null, new PrintStream(new ByteArrayOutputStream(), true,
                     StandardCharsets.UTF_8))) {
            server.start();
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            String expected = OffloadRun.runLocal(runner.config(s, s.seed())).stdout();
            ShapedRoute route = new ShapedRoute(s.link().factory().apply(new RandomStreams(s.seed())),
                    LinkShaper.Options.defaults().withClock(clock));
            Thread endOutage = new Thread(() -> {
                try {
                    while (route.shaper() == null || route.shaper().refused() == 0) {
                        Thread.sleep(5);
                    }
                    clock.jump(1001L * 1_000_000_000L); // past the window's end
                } catch (InterruptedException e) {
                    // test over
                }
            }, "end-outage");
            endOutage.setDaemon(true);
            endOutage.start();
            Emulation.Outcome o = Emulation.run(new Emulation.Setup(runner.config(s, s.seed()), address, token, false,
                    route, WallClockDriver.Pacing.PACED, List.of()));
            endOutage.interrupt();
            assertEquals(expected, o.offload().stdout());
            assertTrue(route.shaper().refused() >= 1, "the first attempt fell inside the window");
            assertEquals(1, route.shaper().connections(), "one connection, after the window");
            assertEquals(1, o.phone().migrationsOut());
        }
    }

    /** The system clock plus an offset the test can jump; sleepers look again every few ms. */
    private static final class JumpClock implements org.cometsim.network.shaper.ShaperClock {
        private volatile long offset;

        void jump(long nanos) {
            offset += nanos;
        }

        @Override
        public long nanos() {
            return System.nanoTime() + offset;
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedException {
            for (long left = deadline - nanos(); left > 0; left = deadline - nanos()) {
                Thread.sleep(Math.min(5, Math.max(1, left / 1_000_000)));
            }
        }
    }

    private void loop(int seeds) throws Exception {
        Path yaml = dir.resolve("cut.yaml");
        Files.writeString(yaml, String.join("\n",
                "name: cut",
                "app: {workload: mandelbrot, size: small}",
                "link: comet-wifi",
                "policy: always",
                "seed: 1",
                ""));
        Scenario s = ScenarioParser.read(yaml);
        byte[] token = new byte[32];
        new Random(7).nextBytes(token);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ScenarioRunner runner = new ScenarioRunner(D8Converter.withDefaultCache());
             TestbedServer server = new TestbedServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), token,
                     DeviceModels.cpu("server-2012-portable"), WallClockDriver.Pacing.PACED,
                     TestbedServer.Limits.defaults(), null, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            server.start();
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            String expected = OffloadRun.runLocal(runner.config(s, s.seed())).stdout();

            // A run without failure: how many chunks the relay releases in a whole run.
            AtomicInteger released = new AtomicInteger();
            Emulation.Outcome clean = run(runner, s, address, token, r -> released.incrementAndGet());
            assertEquals(expected, clean.offload().stdout());
            int chunks = released.get();
            assertTrue(chunks >= 4, "a migration and its return take several chunks: " + chunks);

            for (int seed = 1; seed <= seeds; seed++) {
                int k = 1 + new Random(seed).nextInt(chunks / 2);
                AtomicInteger seen = new AtomicInteger();
                ShapedRoute[] route = new ShapedRoute[1];
                Emulation.Outcome o = run(runner, s, address, token, r -> {
                    if (seen.incrementAndGet() == k) {
                        route[0].shaper().cut(); // before chunk k reaches its receiver
                    }
                }, route);
                String at = "seed " + seed + ", cut before chunk " + k + " of " + chunks;
                assertEquals(expected, o.offload().stdout(), at);
                assertEquals(0, o.offload().status(), at);
                LinkShaper shaper = route[0].shaper();
                assertEquals(1, shaper.cuts(), at);
                // The phone noticed: a connection lost mid-run, or its first connection retried.
                long noticed = o.phone().connectionsLost() + (shaper.connections() - 1);
                System.out.println(at + ": connections lost " + o.phone().connectionsLost() + ", relayed connections "
                        + shaper.connections() + ", threads recovered " + o.phone().threadsRecovered()
                        + ", migrations " + o.phone().migrationsOut());
                assertTrue(noticed >= 1, at + ": lost " + o.phone().connectionsLost() + ", connections "
                        + shaper.connections());
            }
        }
    }

    private static Emulation.Outcome run(ScenarioRunner runner, Scenario s, InetSocketAddress server, byte[] token,
                                         java.util.function.Consumer<Release> observer) throws IOException {
        return run(runner, s, server, token, observer, new ShapedRoute[1]);
    }

    private static Emulation.Outcome run(ScenarioRunner runner, Scenario s, InetSocketAddress server, byte[] token,
                                         java.util.function.Consumer<Release> observer, ShapedRoute[] route)
            throws IOException {
        route[0] = new ShapedRoute(s.link().factory().apply(new RandomStreams(s.seed())),
                LinkShaper.Options.defaults().withObserver(observer));
        // A fresh config per run: a policy object holds the run's state.
        return Emulation.run(new Emulation.Setup(runner.config(s, s.seed()), server, token, false, route[0],
                WallClockDriver.Pacing.PACED, List.of()));
    }
}
