package org.cometsim.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading what {@code comet run} stores: the result object ({@code --json}, schema
 * {@code comet-run/1}, see the offload module's README) as one row with nested objects flattened
 * ({@code energy_j_cpu}, as in the results table of {@code results.csv}), and the event trace ({@code --trace}, JSON lines) as {@link TraceEvent}s.
 */
public final class RunFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFiles() {
    }

    /** A result object as a row; {@code extra} (e.g. {@code app}) comes first. */
    public static ResultTable.Row readResult(Path file, Map<String, String> extra) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parseResult(text, file.toString(), extra);
    }

    /** The result object's JSON text as a row. */
    public static ResultTable.Row parseResult(String json, String where, Map<String, String> extra) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": not a JSON object");
        }
        String schema = root.path("schema").asText("");
        if (!schema.startsWith("comet-run/")) {
            throw new IllegalArgumentException(where + ": not a comet run result (schema '" + schema
                    + "', expected comet-run/1)");
        }
        Map<String, String> m = new LinkedHashMap<>(extra);
        flatten("", root, m);
        return new ResultTable.Row(m);
    }

    /**
     * Objects whose keys are open sets (reasons, radio states): kept whole as JSON text in one
     * column, as the results contract stores them, rather than one column per key seen.
     */
    static final java.util.Set<String> OPEN_KEY_SETS = java.util.Set.of("forced_returns", "pinned_by_host_state",
            "energy_j_radio_by_state", "energy_local_j_radio_by_state");

    private static void flatten(String prefix, JsonNode n, Map<String, String> out) {
        if (n.isObject() && OPEN_KEY_SETS.contains(prefix)) {
            out.put(prefix, n.toString());
        } else if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "_" + e.getKey(), e.getValue(), out);
            }
        } else if (n.isNull()) {
            out.put(prefix, "");
        } else if (n.isValueNode()) {
            out.put(prefix, n.asText());
        } else {
            out.put(prefix, n.toString());
        }
    }

    /** A trace file (one JSON object per line; blank lines skipped). */
    public static List<TraceEvent> readTrace(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return parseTrace(lines, file.toString());
    }

    /** Trace lines as events. */
    public static List<TraceEvent> parseTrace(List<String> lines, String where) {
        List<TraceEvent> events = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + ":" + lineNo + ": not JSON (" + e.getOriginalMessage() + ")");
            }
            if (n == null || !n.isObject() || !n.has("t_ns") || !n.has("event")) {
                throw new IllegalArgumentException(where + ":" + lineNo + ": not a trace event (needs t_ns and event)");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
            events.add(new TraceEvent(n.get("t_ns").asLong(), n.path("endpoint").asText(""), n.get("event").asText(),
                    fields));
        }
        return events;
    }

    /** One trace event: when, where, what, and all its fields as text. */
    public record TraceEvent(long tNanos, String endpoint, String event, Map<String, String> fields) {
        public String field(String name) {
            return fields.get(name);
        }

        public long longField(String name, long otherwise) {
            String v = fields.get(name);
            if (v == null) {
                return otherwise;
            }
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
    }
}
