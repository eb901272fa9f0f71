package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in workload (whose work does not depend on the clock) under {@code pingpong:1} with an aggressive trim threshold (256 ids):
 * trims run often between real programs' migrations, and the output stays the local run's.
 * Slow (every workload): {@code mvn -Pfull}. Measured at size small (chess: 112 trims, 132754 ids
 * untracked, at most 6390 tracked, 3213 migrations, all outputs equal).
 */
@Tag("slow")
class WorkloadsTrimTest {
    static Stream<String> workloads() {
        // Those whose work depends on the clock print different numbers offloaded anyway.
        return WorkloadCatalog.all().stream().filter(Workload::deterministic).map(Workload::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    @Timeout(1200) // a hang guard, not a timing assertion
    void outputUnchangedByFrequentTrims(String workload) {
        Workload w = WorkloadCatalog.get(workload);
        OffloadRun.Config c = FailureRecoveryTest.config(w, "pingpong:1", "comet-wifi", java.util.List.of()).withTrimFloor(256);
        OffloadRun.Result r = OffloadRun.run(c, FailureRecoveryTest.local(w));
        System.out.printf("trim %s: %d trims, %d ids untracked, high water %d, %d migrations, %d trim bytes%n", workload,
                r.phone().trims(), r.phone().untracked(), r.phone().trackedHighWater(), r.phone().migrationsOut(),
                r.phone().trimWireBytesSent() + r.server().trimWireBytesSent());
        assertEquals(w.comparableOutput(r.local().stdout()), w.comparableOutput(r.offload().stdout()), workload);
    }
}
