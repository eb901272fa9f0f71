package org.cometsim.device.cpu;

import org.cometsim.device.presets.PresetResources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads CPU presets: shipped ones from {@code presets/cpus/} on the classpath (listed in
 * {@code presets/cpus/INDEX}), or any file written by {@link CpuPresetWriter}.
 *
 * <p>Format:
 * <pre>
 * name: phone-2012-hummingbird-portable
 * description: "one line"
 * cores: 1
 * nanosPerInstruction:          # every OpcodeClass, plain numbers in ns
 *   NOP: 10.0
 *   ...
 * hostCalls:                    # optional; cost class -> per call / per element, with units
 *   default: {perCall: "2us", perElement: "20ns"}
 * sources:                      # citation for every key above
 *   cores: "..."
 * </pre>
 * {@code hostCalls} keys are the VM's {@link HostCost} keys ({@link #hostCostKeys()}: default,
 * math, string, ...); a class not listed costs what {@code default} costs. Without {@code hostCalls}, {@code default} costs one INVOKE per call
 * and nothing per element. Unknown keys, unknown opcode classes and unknown host-call classes are
 * errors that name the valid ones.
 */
public final class CpuPresets {

    static final String DIR = "presets/cpus/";
    private static final Pattern NANOS = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*(ns|us|µs|ms)\\s*");

    private CpuPresets() {}

    public static List<String> names() {
        return PresetResources.names(DIR);
    }

    public static CpuPreset load(String name) {
        return parse(name, resourceText(DIR + name + ".yaml"));
    }

    /** Reads a preset file, e.g. one written by {@link CpuPresetWriter}. */
    public static CpuPreset read(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return parse(String.valueOf(m.get("name")), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static CpuPreset parse(String name, String text) {
        Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (m == null) {
            throw new IllegalArgumentException(name + ": empty preset");
        }
        Map<String, Object> left = new LinkedHashMap<>(m);
        String declared = String.valueOf(required(left, "name", name));
        if (!declared.equals(name)) {
            throw new IllegalArgumentException(name + ": name key says " + declared);
        }
        String description = String.valueOf(required(left, "description", name));
        int cores = ((Number) required(left, "cores", name)).intValue();
        Map<String, Object> perClass = (Map<String, Object>) required(left, "nanosPerInstruction", name);
        EnumMap<OpcodeClass, Double> nanos = new EnumMap<>(OpcodeClass.class);
        perClass.forEach((k, v) -> {
            OpcodeClass c;
            try {
                c = OpcodeClass.valueOf(k);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": unknown opcode class " + k + " (valid: "
                        + String.join(", ", opcodeClassNames()) + ")", e);
            }
            nanos.put(c, ((Number) v).doubleValue());
        });
        Map<HostCost, HostCallCost> host = new EnumMap<>(HostCost.class);
        Object hc = left.remove("hostCalls");
        if (hc instanceof Map<?, ?> hm) {
            hm.forEach((k, v) -> {
                Map<String, Object> cost = (Map<String, Object>) v;
                host.put(hostCostClass(name, String.valueOf(k)), new HostCallCost(
                        parseNanos(String.valueOf(cost.getOrDefault("perCall", "0ns"))),
                        parseNanos(String.valueOf(cost.getOrDefault("perElement", "0ns")))));
            });
        } else if (hc != null) {
            throw new IllegalArgumentException(name + ": hostCalls must be a map of cost class to costs");
        }
        if (!host.containsKey(HostCost.DEFAULT)) {
            Double invoke = nanos.get(OpcodeClass.INVOKE);
            host.put(HostCost.DEFAULT, new HostCallCost(invoke == null ? 0 : invoke, 0));
        }
        Object src = left.remove("sources");
        Map<String, String> sources = new LinkedHashMap<>();
        if (!(src instanceof Map<?, ?> sm)) {
            throw new IllegalArgumentException(name + ": missing sources map");
        }
        sm.forEach((k, v) -> sources.put(String.valueOf(k), String.valueOf(v)));
        if (!left.isEmpty()) {
            throw new IllegalArgumentException(name + ": unknown keys " + left.keySet()
                    + " (valid: name, description, cores, nanosPerInstruction, hostCalls, sources)");
        }
        for (String k : List.of("cores", "nanosPerInstruction")) {
            if (!sources.containsKey(k)) {
                throw new IllegalArgumentException(name + ": no source for " + k);
            }
        }
        if (hc != null && !sources.containsKey("hostCalls")) {
            throw new IllegalArgumentException(name + ": no source for hostCalls");
        }
        return new CpuPreset(name, description, new CpuModel(name, nanos, host, cores), sources, text);
    }

    /**
     * The host-call class a preset's {@code hostCalls:} key names. {@link HostCost#NONE} is not
     * one: the VM never counts it, so a cost for it would silently do nothing.
     */
    static HostCost hostCostClass(String preset, String key) {
        for (HostCost c : HostCost.values()) {
            if (c != HostCost.NONE && c.key.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException(preset + ": unknown host-call cost class '" + key + "' (valid: "
                + String.join(", ", hostCostKeys()) + ")");
    }

    /** The keys a preset's {@code hostCalls:} map may use, in {@link HostCost} order. */
    public static List<String> hostCostKeys() {
        List<String> keys = new ArrayList<>();
        for (HostCost c : HostCost.values()) {
            if (c != HostCost.NONE) {
                keys.add(c.key);
            }
        }
        return keys;
    }

    private static List<String> opcodeClassNames() {
        List<String> names = new ArrayList<>();
        for (OpcodeClass c : OpcodeClass.values()) {
            names.add(c.name());
        }
        return names;
    }

    /** Parses {@code "20ns"}, {@code "2.5us"}, {@code "1ms"} to (fractional) nanoseconds. */
    public static double parseNanos(String text) {
        Matcher mt = NANOS.matcher(text);
        if (!mt.matches()) {
            throw new IllegalArgumentException("not a duration in ns/us/ms: '" + text + "'");
        }
        double v = Double.parseDouble(mt.group(1));
        return switch (mt.group(2)) {
            case "ns" -> v;
            case "us", "µs" -> v * 1e3;
            default -> v * 1e6;
        };
    }

    private static Object required(Map<String, Object> m, String key, String preset) {
        Object v = m.remove(key);
        if (v == null) {
            throw new IllegalArgumentException(preset + ": missing key " + key);
        }
        return v;
    }

    static String resourceText(String path) {
        return PresetResources.text(path);
    }
}
