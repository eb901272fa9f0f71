package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cometsim.device.DeviceModels;
import org.cometsim.offload.policy.profile.OnlineMauiPolicy;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;
import org.junit.jupiter.api.Test;

/**
 * {@code maui:online} on a real workload: it profiles the run as it goes, re-solves MAUI's ILP
 * every period, and moves the thread into the method the solve places on the server while that
 * method is still running. linpack (small) spends ~85 % of its phone time in one call of
 * {@code dgefa}; its loops make no calls, so only the open-interval charge at each solve shows
 * the time before dgefa returns. The prior-profile {@code maui} places the same method.
 */
class OnlineMauiPolicyTest {
    private static final WorkloadFixtures FIXTURES = new WorkloadFixtures();

    @Test
    void linpackMovesIntoDgefaWhileItRunsAndPrintsWhatTheLocalRunPrints() {
        Workload w = WorkloadCatalog.get("linpack");
        OnlineMauiPolicy policy = (OnlineMauiPolicy) ProfileRun.onlinePolicy("maui:online", "comet-wifi",
                WorkloadFixtures.ENERGY, DeviceModels.cpu(WorkloadFixtures.PHONE), DeviceModels.cpu(WorkloadFixtures.SERVER));
        OffloadRun.Result r = OffloadRun.run(FIXTURES.config(w, Size.SMALL, "comet-wifi", "never").withPolicy(policy),
                FIXTURES.baseline(w, Size.SMALL));
        assertEquals(r.local().stdout(), r.offload().stdout());
        assertTrue(policy.solves() > 1, "solved every 10 ms of simulated time: " + policy.solves());
        assertTrue(policy.remoteMethods().stream().anyMatch(s -> s.contains("Linpack.dgefa")), policy.remoteMethods().toString());
        assertTrue(r.phone().migrationsOut() >= 1, "moved to the server");
        assertTrue(r.speedup() > 1.1, "dgefa ran on the 16x server: " + r.speedup());

        // Deterministic: a second run decides the same, byte for byte.
        OnlineMauiPolicy again = (OnlineMauiPolicy) ProfileRun.onlinePolicy("maui:online", "comet-wifi",
                WorkloadFixtures.ENERGY, DeviceModels.cpu(WorkloadFixtures.PHONE), DeviceModels.cpu(WorkloadFixtures.SERVER));
        OffloadRun.Result r2 = OffloadRun.run(FIXTURES.config(w, Size.SMALL, "comet-wifi", "never").withPolicy(again),
                FIXTURES.baseline(w, Size.SMALL));
        assertEquals(r.trace(), r2.trace());
    }
}
