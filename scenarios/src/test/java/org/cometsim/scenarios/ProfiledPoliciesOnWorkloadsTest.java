package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cometsim.device.DeviceModels;
import org.cometsim.offload.policy.Policies;
import org.cometsim.offload.policy.profile.Environment;
import org.cometsim.offload.policy.profile.OraclePolicy;
import org.cometsim.offload.policy.profile.Profile;
import org.cometsim.offload.policy.profile.ProfiledPolicies;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On single-threaded workloads (small size) × {comet-wifi, comet-3g}, both constant-rate links:
 * the oracle bound (crossings charged at the link's one-way latency, {@code OracleBound}) is at
 * most the completion time of every policy that migrates only at method boundaries
 * ({@code never}, {@code maui}, {@code maui:time}, {@code clonecloud}) and of the oracle's own
 * replay; every run prints what the local run prints. The default suite runs two workloads; the
 * full set is tagged slow ({@code mvn -Pfull}).
 */
class ProfiledPoliciesOnWorkloadsTest {
    static Stream<Arguments> representative() {
        return Stream.of(Arguments.of("mandelbrot", "comet-wifi"), Arguments.of("nqueens", "comet-3g"));
    }

    static Stream<Arguments> everything() {
        List<Arguments> all = new ArrayList<>();
        for (Workload w : WorkloadCatalog.all()) {
            if (w.threads() == 1 && w.deterministic()) {
                for (String link : List.of("comet-wifi", "comet-3g")) {
                    all.add(Arguments.of(w.name(), link));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("representative")
    @Timeout(600) // a hang guard, not a timing assertion
    void oracleBoundsEveryMethodBoundaryPolicy(String workload, String link) {
        check(workload, link);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everything")
    @Timeout(3600)
    void oracleBoundsEveryMethodBoundaryPolicyOnEveryWorkload(String workload, String link) {
        check(workload, link);
    }

    private static void check(String workload, String link) {
        Workload w = WorkloadCatalog.get(workload);
        ProfileRun.Result pr = ProfileRun.profile(FailureRecoveryTest.code(w), "app.jar", w.mainClass(),
                w.args(Size.SMALL).toArray(new String[0]), DeviceModels.cpu("phone-2012-hummingbird-portable"),
                DeviceModels.cpu("server-2012-portable"), List.of(link), null);
        Profile p = pr.profile();
        assertEquals(1, p.threads());
        Environment env = ProfileRun.environment(link, DeviceModels.energy("aro-captivate").preset());
        OraclePolicy oracle = (OraclePolicy) ProfiledPolicies.create("oracle", p, env);
        long bound = oracle.completionBoundNanos();
        assertTrue(oracle.boundIsExact());
        assertTrue(oracle.bound().segmentNanos() <= oracle.bound().nestedNanos());
        OffloadRun.Side local = FailureRecoveryTest.local(w);
        assertEquals(w.comparableOutput(local.stdout()), w.comparableOutput(pr.stdout()), "the profiled run prints the same");
        assertTrue(bound <= local.timeNanos(), "bound " + bound + " > local " + local.timeNanos());
        for (String spec : List.of("never", "maui", "maui:time", "clonecloud", "oracle")) {
            OffloadRun.Config c = FailureRecoveryTest.config(w, "never", link, List.of());
            c = new OffloadRun.Config(c.classPath(), c.classPathText(), c.mainClass(), c.args(), c.phone(), c.server(),
                    c.linkFactory(), c.radio(), spec.equals("never") ? Policies.byName("never")
                    : ProfiledPolicies.create(spec, p, env), c.energy(), c.seed(), c.compress(), c.jit(), List.of());
            OffloadRun.Result r = OffloadRun.run(c, local);
            assertEquals(w.comparableOutput(local.stdout()), w.comparableOutput(r.offload().stdout()), workload + " " + spec);
            assertEquals(local.status(), r.offload().status());
            assertTrue(bound <= r.offload().timeNanos(), workload + " " + link + " " + spec + ": "
                    + r.offload().timeNanos() + " ns beat the oracle bound " + bound);
        }
    }
}
