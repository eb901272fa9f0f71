package org.cometsim.scenarios.spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cometsim.net.DataRate;
import org.cometsim.scenarios.yaml.ScenarioException;
import org.cometsim.scenarios.yaml.YNode;
import org.cometsim.scenarios.yaml.YamlReader;
import org.cometsim.sim.SimTime;

/**
 * A sweep file: a base scenario and axes; its points are the cartesian product of the axes' values
 * (axes in file order, the last varying fastest), each a full scenario checked before anything
 * runs. Schema in the module's README.
 *
 * @param name the sweep's {@code name:} (or the file's base name)
 * @param axes the axes in order (an implicit {@code seed} axis last for {@code replications: N})
 * @param points every point, in enumeration order
 */
public record Sweep(String name, List<Axis> axes, List<Point> points) {

    static final List<String> TOP = List.of("name", "description", "base", "axes", "replications");

    /** What a scenario uses when it does not name a link, phone or server. */
    private static final Map<String, String> DEFAULT_PRESETS = Map.of("link", ScenarioParser.DEFAULT_LINK,
            "phone", ScenarioParser.DEFAULT_PHONE, "server", ScenarioParser.DEFAULT_SERVER);

    /** An axis: its name (a field path such as {@code link.latency}) and its values. */
    public record Axis(String name, List<YNode> values) {
        /** The column stem of the axis in the results table ({@code axis_<stem>}). */
        public String column() {
            return "axis_" + name.replaceAll("[^A-Za-z0-9]", "_");
        }
    }

    /**
     * One point: its place in the enumeration, the label and numeric value of each axis (in axis
     * order), the scenario, and its key (SHA-256 of the scenario's canonical form).
     */
    public record Point(int index, List<String> labels, List<Double> values, Scenario scenario, String key) {
    }

    /** Reads a sweep file and checks every point. */
    public static Sweep read(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        YNode root = YamlReader.read(file);
        Fields f = new Fields(root, "", TOP);
        String name = f.text("name", ScenarioParser.baseName(file));
        f.text("description", null);
        YNode baseNode = f.get("base");
        if (baseNode == null) {
            throw ScenarioException.at(root, "base", "missing; allowed: a scenario file path or an inline scenario mapping");
        }
        YNode base;
        Path baseDir = dir;
        if (baseNode instanceof YNode.YScalar s) {
            Path bf = dir.resolve(s.text() == null ? "" : s.text()).normalize();
            if (s.text() == null || !java.nio.file.Files.isRegularFile(bf)) {
                throw ScenarioException.at(s, "base", "no such scenario file: " + bf);
            }
            base = YamlReader.read(bf);
            baseDir = bf.getParent();
        } else {
            base = baseNode;
        }
        if (!(base instanceof YNode.YMap)) {
            throw ScenarioException.at(base, "base", "found " + base.kind() + "; allowed: a scenario mapping");
        }
        // The base alone must be a valid scenario: its mistakes are reported once, at their place.
        Scenario baseScenario = ScenarioParser.parse(base, baseDir, name);

        List<Axis> axes = new ArrayList<>();
        YNode axesNode = f.get("axes");
        if (axesNode != null) {
            if (!(axesNode instanceof YNode.YMap am)) {
                throw ScenarioException.at(axesNode, "axes", "found " + axesNode.kind()
                        + "; allowed: a mapping from a field path (app, link, policy, seed, link.latency ...) to a list of values");
            }
            for (Map.Entry<String, YNode> e : am.entries().entrySet()) {
                String path = e.getKey();
                checkPath(am.key(path), path);
                if (!(e.getValue() instanceof YNode.YList l)) {
                    throw ScenarioException.at(e.getValue(), "axes." + path, "found " + e.getValue().kind()
                            + "; allowed: a list of values");
                }
                if (l.items().isEmpty()) {
                    throw ScenarioException.at(l, "axes." + path, "an empty list: the sweep would have zero points");
                }
                axes.add(new Axis(path, l.items()));
            }
        }
        long replications = f.wholeNumber("replications", 1, 1);
        if (replications > 1) {
            if (axes.stream().anyMatch(a -> a.name().equals("seed"))) {
                throw ScenarioException.at(f.get("replications"), "replications",
                        "give a seed axis or replications, not both");
            }
            List<YNode> seeds = new ArrayList<>();
            YNode.YScalar at = f.scalar("replications");
            for (long i = 0; i < replications; i++) {
                seeds.add(new YNode.YScalar(at.file(), at.line(), at.column(), Long.toString(baseScenario.seed() + i), false));
            }
            axes.add(new Axis("seed", seeds));
        }
        java.util.Set<String> columns = new java.util.HashSet<>();
        for (Axis a : axes) {
            if (!columns.add(a.column())) {
                throw new ScenarioException(file + ": axes: two axes map to the same column " + a.column());
            }
        }
        long total = 1;
        for (Axis a : axes) {
            total *= a.values().size();
            if (total > 10_000_000) {
                throw ScenarioException.at(axesNode, "axes", "more than 10 million points");
            }
        }
        List<Point> points = new ArrayList<>((int) total);
        int[] idx = new int[axes.size()];
        for (int p = 0; p < total; p++) {
            YNode tree = base;
            List<String> labels = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                YNode v = axes.get(a).values().get(idx[a]);
                tree = set(tree, axes.get(a).name().split("\\."), 0, v, axes.get(a).name());
                labels.add(label(v));
                values.add(numeric(v));
            }
            Scenario s = ScenarioParser.parse(tree, baseDir, name);
            points.add(new Point(p, List.copyOf(labels), java.util.Collections.unmodifiableList(values), s, sha256(s.canonical())));
            for (int a = axes.size() - 1; a >= 0; a--) {
                if (++idx[a] < axes.get(a).values().size()) {
                    break;
                }
                idx[a] = 0;
            }
        }
        return new Sweep(name, List.copyOf(axes), List.copyOf(points));
    }

    private static void checkPath(YNode where, String path) {
        String[] parts = path.split("\\.", -1);
        List<String> allowed = switch (parts[0]) {
            case "app" -> ScenarioParser.APP_KEYS;
            case "phone", "server" -> ScenarioParser.CPU_KEYS;
            case "link" -> ScenarioParser.LINK_KEYS;
            default -> null;
        };
        if (!ScenarioParser.TOP.contains(parts[0]) || parts[0].equals("name") || parts[0].equals("description")) {
            List<String> top = ScenarioParser.TOP.stream().filter(k -> !k.equals("name") && !k.equals("description")).toList();
            throw ScenarioException.unknownKey(where, "axes", path, top);
        }
        if (parts.length > 1) {
            if (allowed == null) {
                throw ScenarioException.at(where, "axes." + path, parts[0] + " is a single value; sweep it as '" + parts[0] + "'");
            }
            boolean traceKey = parts[0].equals("link") && parts.length == 3 && parts[1].equals("trace")
                    && ScenarioParser.TRACE_KEYS.contains(parts[2]);
            if (!traceKey && (parts.length > 2 || !allowed.contains(parts[1]))) {
                throw ScenarioException.unknownKey(where, "axes", path,
                        allowed.stream().map(k -> parts[0] + "." + k).toList());
            }
        }
    }

    /** {@code tree} with the field at {@code path[i..]} set to {@code value}. */
    private static YNode set(YNode tree, String[] path, int i, YNode value, String axis) {
        if (i == path.length) {
            return value;
        }
        YNode.YMap m;
        if (tree instanceof YNode.YMap map) {
            m = map;
        } else if (tree instanceof YNode.YScalar s && i > 0 && s.text() != null) {
            // A shorthand value (link: comet-wifi, app: fft, phone: PRESET) becomes its long form.
            String key = path[i - 1].equals("app") ? "workload" : "preset";
            m = new YNode.YMap(s.file(), s.line(), s.column(), new LinkedHashMap<>(), new LinkedHashMap<>()).with(key, s);
        } else if (tree == null && i == 1 && DEFAULT_PRESETS.containsKey(path[0])) {
            // An axis inside a field the base leaves at its default (link.rtt without a link:)
            // changes that default, as if the base had said link: {preset: comet-wifi}.
            YNode.YScalar preset = new YNode.YScalar(value.file(), value.line(), value.column(),
                    DEFAULT_PRESETS.get(path[0]), true);
            m = new YNode.YMap(value.file(), value.line(), value.column(), new LinkedHashMap<>(), new LinkedHashMap<>())
                    .with("preset", preset);
        } else if (tree == null || tree instanceof YNode.YScalar) {
            YNode at = tree != null ? tree : value;
            m = new YNode.YMap(at.file(), at.line(), at.column(), new LinkedHashMap<>(), new LinkedHashMap<>());
        } else {
            throw ScenarioException.at(tree, String.join(".", java.util.Arrays.copyOf(path, i)),
                    "axis " + axis + " cannot set a field inside " + tree.kind());
        }
        return m.with(path[i], set(m.get(path[i]), path, i + 1, value, axis));
    }

    /** An axis value as written (mappings and lists in canonical form). */
    static String label(YNode v) {
        if (v instanceof YNode.YScalar s) {
            return String.valueOf(s.text());
        }
        return ScenarioParser.Canonical.of(v);
    }

    private static final Pattern HZ = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*([kMG]?)Hz\\s*");

    /** An axis value in SI base units (seconds, bits/s, Hz, plain numbers), or null when it is not a quantity. */
    static Double numeric(YNode v) {
        if (!(v instanceof YNode.YScalar s) || s.text() == null) {
            return null;
        }
        String t = s.text().trim();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            // not a plain number
        }
        try {
            return SimTime.parse(t).nanos() / 1e9;
        } catch (IllegalArgumentException e) {
            // not a time
        }
        try {
            return DataRate.parse(t).bitsPerSecond();
        } catch (IllegalArgumentException e) {
            // not a rate
        }
        Matcher m = HZ.matcher(t);
        if (m.matches()) {
            double scale = switch (m.group(2)) {
                case "k" -> 1e3;
                case "M" -> 1e6;
                case "G" -> 1e9;
                default -> 1;
            };
            return Double.parseDouble(m.group(1)) * scale;
        }
        return null;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The axis names in order (the results database's {@code meta.axes}). */
    public List<String> axisNames() {
        return axes.stream().map(Axis::name).toList();
    }
}
