package org.cometsim.cli;

import java.util.Locale;
import java.util.Map;

import org.cometsim.device.energy.EnergyReport;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.scenarios.OffloadRun;

/**
 * The result object of {@code comet run --json} (schema in the offload module's README: field
 * names carry their units). Written by hand, deterministically: keys in a fixed order, numbers in
 * a locale-independent format.
 */
final class ResultJson {
    private ResultJson() {
    }

    static String of(OffloadRun.Result r, String phone, String server, String link, String policy, String energy,
                     long seed, boolean compress) {
        OffloadMetrics p = r.phone();
        OffloadMetrics s = r.server();
        StringBuilder b = new StringBuilder("{\n");
        field(b, "schema", "\"comet-run/1\"");
        field(b, "phone", str(phone));
        field(b, "server", str(server));
        field(b, "link", str(link));
        field(b, "policy", str(policy));
        field(b, "energy_model", energy == null ? "null" : str(energy));
        field(b, "seed", Long.toString(seed));
        field(b, "compression", Boolean.toString(compress));
        field(b, "local_time_s", num(r.local().timeNanos() / 1e9));
        field(b, "offload_time_s", num(r.offload().timeNanos() / 1e9));
        field(b, "speedup", num(r.speedup()));
        field(b, "exit_status", Integer.toString(r.offload().status()));
        field(b, "migrations", "{\"to_server\": " + p.migrationsOut() + ", \"to_phone\": " + s.migrationsOut() + "}");
        field(b, "syncs", Long.toString(p.syncsSent() + s.syncsSent()));
        field(b, "syncs_by_direction", "{\"up\": " + p.syncsSent() + ", \"down\": " + s.syncsSent() + "}");
        field(b, "bytes_up", Long.toString(p.wireBytesSent()));
        field(b, "bytes_down", Long.toString(s.wireBytesSent()));
        field(b, "message_bytes_up", Long.toString(p.messageBytesSent()));
        field(b, "message_bytes_down", Long.toString(s.messageBytesSent()));
        field(b, "dirty_payload_bytes", Long.toString(p.payloadBytesSent() + s.payloadBytesSent()));
        field(b, "app_code_bytes", Long.toString(p.dexBytesSent()));
        field(b, "lock_requests", Long.toString(p.lockRequests()));
        field(b, "volatile_transfers", "{\"to_server\": " + p.volatileTransfers() + ", \"to_phone\": "
                + s.volatileTransfers() + "}");
        field(b, "interrupts_to_server", Long.toString(p.interruptsSent()));
        field(b, "failures", "{\"connections_lost\": " + p.connectionsLost() + ", \"threads_recovered\": "
                + p.threadsRecovered() + ", \"reconnections\": " + (p.connections() - 1) + "}");
        field(b, "instructions_total", Long.toString(r.offload().instructions()));
        field(b, "instructions_on_server", Long.toString(r.serverInstructions()));
        field(b, "time_breakdown_s", "{\"phone_busy\": " + num(r.phoneBusyNanos() / 1e9) + ", \"server_busy\": "
                + num(r.serverBusyNanos() / 1e9) + ", \"neither_busy\": " + num(r.idleNanos() / 1e9) + "}");
        field(b, "forced_returns", map(s.forcedReturns()));
        field(b, "pinned_by_host_state", map(p.pinnedByHostState()));
        field(b, "energy_j", energy(r.offload().energy()));
        field(b, "energy_local_j", energy(r.local().energy()));
        field(b, "stdout_sha256_local", str(r.local().stdoutSha256()));
        field(b, "stdout_sha256_offload", str(r.offload().stdoutSha256()));
        b.setLength(b.length() - 2);
        return b.append("\n}\n").toString();
    }

    private static String energy(EnergyReport e) {
        if (e == null) {
            return "null";
        }
        return "{\"total\": " + num(e.totalJoules()) + ", \"cpu\": " + num(e.cpuJoules()) + ", \"radio\": "
                + num(e.radioJoules()) + ", \"radio_by_state\": " + mapD(e.radioJoulesByState()) + "}";
    }

    private static void field(StringBuilder b, String k, String v) {
        b.append("  \"").append(k).append("\": ").append(v).append(",\n");
    }

    private static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.9g", d);
    }

    private static String map(Map<String, Long> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(str(k)).append(": ").append(v));
        return b.append('}').toString();
    }

    private static String mapD(Map<String, Double> m) {
        StringBuilder b = new StringBuilder("{");
        m.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(str(k)).append(": ").append(num(v)));
        return b.append('}').toString();
    }
}
