package org.cometsim.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Hand-made results in the contract's columns, for chart and page tests. */
final class SampleResults {
    private SampleResults() {
    }

    static final List<String> APPS = List.of("linpack", "mandelbrot", "nqueens", "xz", "photoeditor", "chess");
    static final List<String> LINKS = List.of("comet-wifi", "comet-3g");

    /** One row per app x link x policy x seed; speed-ups vary with all of them, deterministically. */
    static ResultTable table(List<String> policies, int seeds) {
        List<Map<String, String>> rows = new ArrayList<>();
        int index = 0;
        for (int a = 0; a < APPS.size(); a++) {
            for (int l = 0; l < LINKS.size(); l++) {
                for (String p : policies) {
                    for (int s = 1; s <= seeds; s++) {
                        double base = (l == 0 ? 3.2 : 1.3) * (0.5 + a * 0.3);
                        double speedup = base * policyFactor(p) * (1 + 0.04 * ((s * 7 + a) % 5 - 2));
                        double local = 2.0 + a;
                        Map<String, String> m = new LinkedHashMap<>();
                        m.put("point_key", "k" + index);
                        m.put("point_index", Integer.toString(index++));
                        m.put("status", "ok");
                        m.put("error", "");
                        m.put("app", APPS.get(a));
                        m.put("app_size", "small");
                        m.put("axis_link", LINKS.get(l));
                        m.put("axis_link_value", "");
                        m.put("axis_link_latency", (20 + 10 * s) + "ms");
                        m.put("axis_link_latency_value", num((20 + 10 * s) / 1000.0));
                        m.put("axis_seed", Integer.toString(s));
                        m.put("axis_seed_value", Integer.toString(s));
                        m.put("link", LINKS.get(l));
                        m.put("policy", p);
                        m.put("seed", Integer.toString(s));
                        m.put("local_time_s", num(local));
                        m.put("offload_time_s", num(local / speedup));
                        m.put("speedup", num(speedup));
                        m.put("energy_j_cpu", num(local / speedup * 0.6));
                        m.put("energy_j_radio", num(0.3 + l * 0.9));
                        m.put("energy_j_total", num(local / speedup * 0.6 + 0.3 + l * 0.9));
                        m.put("energy_local_j_cpu", num(local * 0.6));
                        m.put("energy_local_j_radio", num(0));
                        m.put("energy_local_j_total", num(local * 0.6));
                        rows.add(m);
                    }
                }
            }
        }
        return ResultTable.of(rows);
    }

    private static double policyFactor(String p) {
        return switch (p) {
            case "never" -> 0.99;
            case "always" -> 0.8;
            case "oracle" -> 1.25;
            default -> 1.0;
        };
    }

    static String num(double d) {
        return String.format(Locale.ROOT, "%.9g", d);
    }

    /** A trace of two threads: one goes to the server and back, with syncs and one failure. */
    static List<String> traceLines() {
        return List.of(
                "{\"t_ns\":0,\"endpoint\":\"phone\",\"event\":\"connect\",\"dex_files\":1}",
                "{\"t_ns\":20000000,\"endpoint\":\"server\",\"event\":\"ready\"}",
                "{\"t_ns\":100000000,\"endpoint\":\"phone\",\"event\":\"migrate_out\",\"thread\":1,\"reason\":\"policy\"}",
                "{\"t_ns\":100000000,\"endpoint\":\"phone\",\"event\":\"sync\",\"revision\":1,\"objects\":40,\"updates\":90,\"wire_bytes\":24000,\"thread\":1}",
                "{\"t_ns\":140000000,\"endpoint\":\"server\",\"event\":\"migrate_in\",\"thread\":1}",
                "{\"t_ns\":300000000,\"endpoint\":\"phone\",\"event\":\"migrate_out\",\"thread\":2,\"reason\":\"policy\"}",
                "{\"t_ns\":300000000,\"endpoint\":\"phone\",\"event\":\"sync\",\"revision\":2,\"objects\":3,\"updates\":9,\"wire_bytes\":900,\"thread\":2}",
                "{\"t_ns\":330000000,\"endpoint\":\"server\",\"event\":\"migrate_in\",\"thread\":2}",
                "{\"t_ns\":600000000,\"endpoint\":\"server\",\"event\":\"migrate_out\",\"thread\":1,\"reason\":\"native\"}",
                "{\"t_ns\":600000000,\"endpoint\":\"server\",\"event\":\"sync\",\"revision\":3,\"objects\":10,\"updates\":400,\"wire_bytes\":12000,\"thread\":1}",
                "{\"t_ns\":650000000,\"endpoint\":\"phone\",\"event\":\"migrate_in\",\"thread\":1}",
                "{\"t_ns\":800000000,\"endpoint\":\"phone\",\"event\":\"connection_lost\"}",
                "{\"t_ns\":800000000,\"endpoint\":\"phone\",\"event\":\"recovered\",\"thread\":2}",
                "{\"t_ns\":1000000000,\"endpoint\":\"phone\",\"event\":\"thread_ended\",\"thread\":2}");
    }

    /** A run directory: result.json in comet-run/1 and trace.jsonl. */
    static Path runDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("result.json"), String.join("\n",
                "{",
                "  \"schema\": \"comet-run/1\",",
                "  \"phone\": \"phone-2012-hummingbird-portable\",",
                "  \"server\": \"server-2012-portable\",",
                "  \"link\": \"comet-wifi\",",
                "  \"policy\": \"comet\",",
                "  \"energy_model\": \"aro-captivate\",",
                "  \"seed\": 1,",
                "  \"compression\": true,",
                "  \"local_time_s\": 3.00000000,",
                "  \"offload_time_s\": 1.20000000,",
                "  \"speedup\": 2.50000000,",
                "  \"exit_status\": 0,",
                "  \"migrations\": {\"to_server\": 2, \"to_phone\": 1},",
                "  \"syncs\": 3,",
                "  \"syncs_by_direction\": {\"up\": 2, \"down\": 1},",
                "  \"bytes_up\": 24900,",
                "  \"bytes_down\": 12000,",
                "  \"failures\": {\"connections_lost\": 1, \"threads_recovered\": 1, \"reconnections\": 0},",
                "  \"instructions_total\": 1000,",
                "  \"instructions_on_server\": 700,",
                "  \"forced_returns\": {\"client-pinned native\": 1},",
                "  \"energy_j\": {\"total\": 1.5, \"cpu\": 0.9, \"radio\": 0.6, \"radio_by_state\": {\"active\": 0.6}},",
                "  \"energy_local_j\": {\"total\": 2.4, \"cpu\": 2.4, \"radio\": 0.0, \"radio_by_state\": {}},",
                "  \"stdout_sha256_local\": \"ab\",",
                "  \"stdout_sha256_offload\": \"ab\"",
                "}", ""), StandardCharsets.UTF_8);
        Files.write(dir.resolve("trace.jsonl"), traceLines(), StandardCharsets.UTF_8);
        return dir;
    }
}
