package org.cometsim.scenarios.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Replication statistics against hand computation, and the results table's columns against the contract. */
class SummaryTest {
    @Test
    void studentTIntervalOfTheMean() {
        Summary.Stat s = Summary.of(new double[] {1, 2, 3});
        assertEquals(3, s.n());
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.stddev(), 1e-12);
        double half = 4.302652729911275 / Math.sqrt(3); // t(0.975, 2 degrees of freedom)
        assertEquals(2.0 - half, s.ciLow(), 1e-9);
        assertEquals(2.0 + half, s.ciHigh(), 1e-9);
        assertEquals(Math.cbrt(6), s.geomean(), 1e-12);
    }

    @Test
    void oneValueHasAPointIntervalAndNonPositiveValuesNoGeomean() {
        Summary.Stat s = Summary.of(new double[] {2.5});
        assertEquals(2.5, s.ciLow());
        assertEquals(2.5, s.ciHigh());
        assertNull(Summary.of(new double[] {0, 1}).geomean());
    }

    @Test
    void metricColumnsAreTheContractsFlattenedCometRunFields() {
        List<String> names = RunRecord.template().stream().map(RunRecord.Column::name).toList();
        assertEquals(List.of("schema", "phone", "server", "link", "policy", "energy_model", "seed", "compression",
                "local_time_s", "offload_time_s", "speedup", "exit_status", "migrations_to_server", "migrations_to_phone",
                "syncs", "syncs_by_direction_up", "syncs_by_direction_down", "bytes_up", "bytes_down", "message_bytes_up",
                "message_bytes_down", "dirty_payload_bytes", "app_code_bytes", "lock_requests", "failures_connections_lost",
                "failures_threads_recovered", "failures_reconnections", "instructions_total", "instructions_on_server",
                "time_breakdown_s_phone_busy", "time_breakdown_s_server_busy", "time_breakdown_s_neither_busy",
                "forced_returns", "pinned_by_host_state", "energy_j_total", "energy_j_cpu", "energy_j_radio",
                "energy_j_radio_by_state", "energy_local_j_total", "energy_local_j_cpu", "energy_local_j_radio",
                "energy_local_j_radio_by_state", "stdout_sha256_local", "stdout_sha256_offload"), names);
    }
}
