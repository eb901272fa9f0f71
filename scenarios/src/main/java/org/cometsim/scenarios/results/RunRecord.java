package org.cometsim.scenarios.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cometsim.device.energy.EnergyReport;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.scenarios.OffloadRun;

/**
 * One run's comet-run/1 result (schema in the offload module's README) in its two forms: the JSON
 * object of {@code comet run --json} (keys in a fixed order, numbers locale-independent, so the
 * text is deterministic) and the flattened columns of the results table (nested objects with
 * fixed keys joined with {@code _}; objects with open key sets kept as JSON text), in the same
 * order. Both come from one list of fields so they cannot drift apart.
 */
public final class RunRecord {
    private RunRecord() {
    }

    /** SQL type of a column. */
    public enum Type { VARCHAR, BIGINT, INTEGER, DOUBLE, BOOLEAN }

    /** A flattened field: its column name, type and value (null allowed). */
    public record Column(String name, Type type, Object value) {
    }

    /** The names a run was given: presets, policy, energy model (null for none), seed, compression. */
    public record Names(String phone, String server, String link, String policy, String energy, long seed,
                        boolean compression) {
    }

    /** The comet-run/1 JSON text. */
    public static String json(OffloadRun.Result r, Names n) {
        StringBuilder b = new StringBuilder("{\n");
        for (Field f : fields(r, n)) {
            b.append("  \"").append(f.name).append("\": ").append(f.json()).append(",\n");
        }
        b.setLength(b.length() - 2);
        return b.append("\n}\n").toString();
    }

    /** The flattened columns, in schema order. */
    public static List<Column> columns(OffloadRun.Result r, Names n) {
        List<Column> out = new ArrayList<>();
        for (Field f : fields(r, n)) {
            f.flatten(f.name, out);
        }
        return out;
    }

    /** The column names and types alone (the table's schema), from a result-free template. */
    public static List<Column> template() {
        List<Column> out = new ArrayList<>();
        for (Field f : fields(null, null)) {
            f.flatten(f.name, out);
        }
        return out;
    }

    /** One field of the schema: a scalar, a fixed-key object, or an open-key object (JSON text). */
    private record Field(String name, Type type, Object value, List<Field> children, boolean open) {
        static Field of(String name, Type type, Object value) {
            return new Field(name, type, value, null, false);
        }

        static Field obj(String name, boolean isNull, List<Field> children) {
            return new Field(name, null, isNull ? null : "", children, false);
        }

        static Field open(String name, Map<String, ?> m) {
            return new Field(name, Type.VARCHAR, m, null, true);
        }

        String json() {
            if (children != null) {
                if (value == null) {
                    return "null";
                }
                StringBuilder b = new StringBuilder("{");
                for (Field c : children) {
                    b.append(b.length() > 1 ? ", " : "").append(str(c.name)).append(": ").append(c.json());
                }
                return b.append('}').toString();
            }
            if (open) {
                return openJson();
            }
            return scalarJson(type, value);
        }

        String openJson() {
            if (value == null) {
                return "null";
            }
            StringBuilder b = new StringBuilder("{");
            ((Map<?, ?>) value).forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(str(String.valueOf(k)))
                    .append(": ").append(v instanceof Double d ? num(d) : String.valueOf(v)));
            return b.append('}').toString();
        }

        void flatten(String prefix, List<Column> out) {
            if (children != null) {
                for (Field c : children) {
                    Field cc = value == null ? new Field(c.name, c.type, null, c.children, c.open) : c;
                    cc.flatten(prefix + "_" + c.name, out);
                }
            } else if (open) {
                out.add(new Column(prefix, Type.VARCHAR, value == null ? null : openJson()));
            } else {
                out.add(new Column(prefix, type, value));
            }
        }
    }

    private static String scalarJson(Type type, Object v) {
        if (v == null) {
            return "null";
        }
        return switch (type) {
            case VARCHAR -> str((String) v);
            case DOUBLE -> num((Double) v);
            default -> String.valueOf(v);
        };
    }

    private static List<Field> fields(OffloadRun.Result r, Names n) {
        boolean t = r == null; // template: names and types only
        OffloadMetrics p = t ? null : r.phone();
        OffloadMetrics s = t ? null : r.server();
        List<Field> f = new ArrayList<>();
        f.add(Field.of("schema", Type.VARCHAR, "comet-run/1"));
        f.add(Field.of("phone", Type.VARCHAR, t ? null : n.phone()));
        f.add(Field.of("server", Type.VARCHAR, t ? null : n.server()));
        f.add(Field.of("link", Type.VARCHAR, t ? null : n.link()));
        f.add(Field.of("policy", Type.VARCHAR, t ? null : n.policy()));
        f.add(Field.of("energy_model", Type.VARCHAR, t ? null : n.energy()));
        f.add(Field.of("seed", Type.BIGINT, t ? null : n.seed()));
        f.add(Field.of("compression", Type.BOOLEAN, t ? null : n.compression()));
        f.add(Field.of("local_time_s", Type.DOUBLE, t ? null : r.local().timeNanos() / 1e9));
        f.add(Field.of("offload_time_s", Type.DOUBLE, t ? null : r.offload().timeNanos() / 1e9));
        f.add(Field.of("speedup", Type.DOUBLE, t ? null : r.speedup()));
        f.add(Field.of("exit_status", Type.INTEGER, t ? null : r.offload().status()));
        f.add(Field.obj("migrations", false, List.of(
                Field.of("to_server", Type.BIGINT, t ? null : p.migrationsOut()),
                Field.of("to_phone", Type.BIGINT, t ? null : s.migrationsOut()))));
        f.add(Field.of("syncs", Type.BIGINT, t ? null : p.syncsSent() + s.syncsSent()));
        f.add(Field.obj("syncs_by_direction", false, List.of(
                Field.of("up", Type.BIGINT, t ? null : p.syncsSent()),
                Field.of("down", Type.BIGINT, t ? null : s.syncsSent()))));
        f.add(Field.of("bytes_up", Type.BIGINT, t ? null : p.wireBytesSent()));
        f.add(Field.of("bytes_down", Type.BIGINT, t ? null : s.wireBytesSent()));
        f.add(Field.of("message_bytes_up", Type.BIGINT, t ? null : p.messageBytesSent()));
        f.add(Field.of("message_bytes_down", Type.BIGINT, t ? null : s.messageBytesSent()));
        f.add(Field.of("dirty_payload_bytes", Type.BIGINT, t ? null : p.payloadBytesSent() + s.payloadBytesSent()));
        f.add(Field.of("app_code_bytes", Type.BIGINT, t ? null : p.dexBytesSent()));
        f.add(Field.of("lock_requests", Type.BIGINT, t ? null : p.lockRequests()));
        f.add(Field.obj("volatile_transfers", false, List.of(
                Field.of("to_server", Type.BIGINT, t ? null : p.volatileTransfers()),
                Field.of("to_phone", Type.BIGINT, t ? null : s.volatileTransfers()))));
        f.add(Field.of("interrupts_to_server", Type.BIGINT, t ? null : p.interruptsSent()));
        f.add(Field.obj("failures", false, List.of(
                Field.of("connections_lost", Type.BIGINT, t ? null : p.connectionsLost()),
                Field.of("threads_recovered", Type.BIGINT, t ? null : p.threadsRecovered()),
                Field.of("reconnections", Type.BIGINT, t ? null : p.connections() - 1L))));
        f.add(Field.of("instructions_total", Type.BIGINT, t ? null : r.offload().instructions()));
        f.add(Field.of("instructions_on_server", Type.BIGINT, t ? null : r.serverInstructions()));
        f.add(Field.obj("time_breakdown_s", false, List.of(
                Field.of("phone_busy", Type.DOUBLE, t ? null : r.phoneBusyNanos() / 1e9),
                Field.of("server_busy", Type.DOUBLE, t ? null : r.serverBusyNanos() / 1e9),
                Field.of("neither_busy", Type.DOUBLE, t ? null : r.idleNanos() / 1e9))));
        f.add(Field.open("forced_returns", t ? null : s.forcedReturns()));
        f.add(Field.open("pinned_by_host_state", t ? null : p.pinnedByHostState()));
        f.add(energy("energy_j", t ? null : r.offload().energy()));
        f.add(energy("energy_local_j", t ? null : r.local().energy()));
        f.add(Field.of("stdout_sha256_local", Type.VARCHAR, t ? null : r.local().stdoutSha256()));
        f.add(Field.of("stdout_sha256_offload", Type.VARCHAR, t ? null : r.offload().stdoutSha256()));
        return f;
    }

    private static Field energy(String name, EnergyReport e) {
        return Field.obj(name, e == null, List.of(
                Field.of("total", Type.DOUBLE, e == null ? null : e.totalJoules()),
                Field.of("cpu", Type.DOUBLE, e == null ? null : e.cpuJoules()),
                Field.of("radio", Type.DOUBLE, e == null ? null : e.radioJoules()),
                Field.open("radio_by_state", e == null ? null : e.radioJoulesByState())));
    }

    private static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Numbers as comet-run/1 writes them: 9 significant digits, locale-independent. */
    public static String num(double d) {
        return String.format(Locale.ROOT, "%.9g", d);
    }
}
