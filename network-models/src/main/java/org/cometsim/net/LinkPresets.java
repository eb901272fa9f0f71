package org.cometsim.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cometsim.sim.SimTime;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the link presets shipped under {@code presets/links/} on the classpath.
 *
 * <p>{@code presets/links/INDEX} lists the preset names, one per line (a jar cannot be listed
 * portably; a test checks the index against the directory). Keys of a preset file:
 * <pre>
 * name, description                      text
 * model: shaped | mahimahi
 * shaped:   latency, uplink, downlink, jitter ("0ms"), loss (0.0), rto ("200ms"),
 *           framing (tcp-ipv4 | none), outages: [{start: "10s", duration: "2s"}]
 * mahimahi: uplinkTrace, downlinkTrace (classpath resources), delay, opportunityBytes (1500),
 *           framing
 * sources:  map from key above to its citation
 * </pre>
 * Unknown keys are errors, so a typo cannot silently fall back to a default.
 */
public final class LinkPresets {

    static final String DIR = "presets/links/";

    private LinkPresets() {}

    /** Preset names in index order. */
    public static List<String> names() {
        String index = resourceText(DIR + "INDEX");
        List<String> out = new ArrayList<>();
        for (String line : index.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                out.add(s);
            }
        }
        return out;
    }

    public static boolean exists(String name) {
        return names().contains(name);
    }

    public static LinkPreset load(String name) {
        String text = resourceText(DIR + name + ".yaml");
        return parse(name, text);
    }

    /** Parses preset text; {@code name} must match the file's {@code name:} key. */
    @SuppressWarnings("unchecked")
    public static LinkPreset parse(String name, String text) {
        Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (m == null) {
            throw new IllegalArgumentException(name + ": empty preset");
        }
        Map<String, Object> left = new LinkedHashMap<>(m);
        String declared = str(left, "name", name);
        if (!declared.equals(name)) {
            throw new IllegalArgumentException(name + ": name key says " + declared);
        }
        String description = str(left, "description", name);
        String model = str(left, "model", name);
        Map<String, String> sources = new LinkedHashMap<>();
        Object src = left.remove("sources");
        if (src instanceof Map<?, ?> sm) {
            sm.forEach((k, v) -> sources.put(String.valueOf(k), String.valueOf(v)));
        } else {
            throw new IllegalArgumentException(name + ": missing sources map");
        }
        TcpFraming framing = TcpFraming.parse(optStr(left, "framing", "tcp-ipv4"));
        LinkSpec spec = switch (model) {
            case "shaped" -> {
                List<OutageSchedule.Window> windows = new ArrayList<>();
                Object o = left.remove("outages");
                if (o instanceof List<?> list) {
                    for (Object w : list) {
                        Map<String, Object> wm = (Map<String, Object>) w;
                        windows.add(OutageSchedule.Window.of(String.valueOf(wm.get("start")),
                                String.valueOf(wm.get("duration"))));
                    }
                }
                yield new ShapedLinkConfig(name,
                        SimTime.parse(str(left, "latency", name)),
                        DataRate.parse(str(left, "uplink", name)),
                        DataRate.parse(str(left, "downlink", name)),
                        SimTime.parse(optStr(left, "jitter", "0ms")),
                        Double.parseDouble(optStr(left, "loss", "0.0")),
                        SimTime.parse(optStr(left, "rto", "200ms")),
                        framing,
                        new OutageSchedule(windows));
            }
            case "mahimahi" -> new MahimahiLinkSpec(name,
                    str(left, "uplinkTrace", name),
                    str(left, "downlinkTrace", name),
                    SimTime.parse(optStr(left, "delay", "0ms")),
                    Integer.parseInt(optStr(left, "opportunityBytes", "1500")),
                    framing);
            default -> throw new IllegalArgumentException(name + ": unknown model " + model);
        };
        if (!left.isEmpty()) {
            throw new IllegalArgumentException(name + ": unknown keys " + left.keySet());
        }
        for (String k : m.keySet()) {
            if (!List.of("name", "description", "model", "sources", "framing").contains(k) && !sources.containsKey(k)) {
                throw new IllegalArgumentException(name + ": key '" + k + "' has no entry in sources");
            }
        }
        return new LinkPreset(name, description, spec, sources, text);
    }

    private static String str(Map<String, Object> m, String key, String preset) {
        Object v = m.remove(key);
        if (v == null) {
            throw new IllegalArgumentException(preset + ": missing key " + key);
        }
        return String.valueOf(v);
    }

    private static String optStr(Map<String, Object> m, String key, String dflt) {
        Object v = m.remove(key);
        return v == null ? dflt : String.valueOf(v);
    }

    static String resourceText(String path) {
        try (InputStream in = LinkPresets.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no such resource: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
