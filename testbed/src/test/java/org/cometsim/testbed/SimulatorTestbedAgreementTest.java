package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cometsim.net.LinkModels;
import org.cometsim.network.shaper.LinkShaper;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.sim.RandomStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What can be equal between the simulator and the testbed (issue #16): under a deterministic
 * policy, with the program started at the server's Ready in both worlds
 * ({@link OffloadRun.ProgramStart#AT_READY}), the policy is asked at the same instruction counts,
 * so the threads move at the same points, the same messages cross, and the counts of migrations
 * and syncs and COMET's wire bytes in both directions are equal, whatever the host's speed (the
 * testbed runs unpaced, through the link shaper applying the same WiFi model).
 *
 * <p>Started at once instead (COMET's own start, the default), the phone runs until the real
 * server's Ready arrives, which on the testbed takes the real server's set-up time (its VM, the
 * app's code loaded), a time the simulator does not charge: a host-dependent share of the program
 * runs before the first evaluation, and pingpong:3 migrated 3262 times simulated vs 2121 measured.
 * That difference is not asserted here (it depends on the host), only its cause removed.
 */
class SimulatorTestbedAgreementTest {
    private static Loopback loopback;

    @BeforeAll
    static void start() throws Exception {
        loopback = new Loopback(TestbedServer.Limits.defaults());
    }

    @AfterAll
    static void stop() {
        loopback.close();
    }

    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"mandelbrot, always", "mandelbrot, pingpong:3"})
    void deterministicPoliciesMoveTheSameBytes(String workload, String policy) throws Exception {
        OffloadRun.Side local = Loopback.local(workload);
        OffloadRun.Result sim = OffloadRun.run(Loopback.config(workload, policy), local, OffloadRun.ProgramStart.AT_READY);
        ShapedRoute route = new ShapedRoute(LinkModels.preset("comet-wifi", new RandomStreams(1)),
                LinkShaper.Options.defaults());
        Emulation.Outcome o = Emulation.run(new Emulation.Setup(Loopback.config(workload, policy), loopback.address(),
                loopback.token, false, route, WallClockDriver.Pacing.UNPACED, List.of())
                .startingAt(OffloadRun.ProgramStart.AT_READY));

        assertEquals(local.stdout(), o.offload().stdout(), "testbed output");
        assertEquals(local.stdout(), sim.offload().stdout(), "simulated output");
        assertTrue(sim.phone().migrationsOut() > 0, "threads moved in the simulator");
        assertTrue(o.serverReported(), "the server reported its counts");
        String what = workload + " " + policy + ": ";
        assertEquals(sim.phone().migrationsOut(), o.phone().migrationsOut(), what + "migrations to the server");
        assertEquals(sim.phone().migrationsIn(), o.phone().migrationsIn(), what + "migrations back");
        assertEquals(sim.phone().syncsSent(), o.phone().syncsSent(), what + "syncs from the phone");
        assertEquals(sim.server().syncsSent(), o.server().syncsSent(), what + "syncs from the server");
        assertEquals(sim.phone().dexBytesSent(), o.phone().dexBytesSent(), what + "app code shipped");
        assertEquals(sim.phone().wireBytesSent(), o.phone().wireBytesSent(), what + "wire bytes up");
        assertEquals(sim.server().wireBytesSent(), o.phone().wireBytesReceived(), what + "wire bytes down");
        assertEquals(sim.serverInstructions(), o.serverInstructions(), what + "instructions on the server");
    }
}
