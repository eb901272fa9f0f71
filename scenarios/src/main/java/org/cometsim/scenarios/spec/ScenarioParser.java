package org.cometsim.scenarios.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuPresets;
import org.cometsim.device.energy.EnergyPresets;
import org.cometsim.device.energy.PhoneEnergyModel;
import org.cometsim.device.energy.RadioKind;
import org.cometsim.net.DataRate;
import org.cometsim.net.LinkModels;
import org.cometsim.net.LinkPresets;
import org.cometsim.net.LinkSpec;
import org.cometsim.net.MahimahiTrace;
import org.cometsim.net.MahimahiTraceLinkModel;
import org.cometsim.net.OutageSchedule;
import org.cometsim.net.ShapedLinkConfig;
import org.cometsim.net.TcpFraming;
import org.cometsim.offload.policy.Policies;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.yaml.ScenarioException;
import org.cometsim.scenarios.yaml.YNode;
import org.cometsim.scenarios.yaml.YamlReader;
import org.cometsim.sim.SimTime;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * Checks a scenario's YAML tree and resolves it into a {@link Scenario}: presets through the
 * preset modules' own loaders, policies through {@code Policies.byName}, files relative to the
 * scenario file's directory. Every mistake is a {@link ScenarioException} naming the place.
 */
public final class ScenarioParser {
    private ScenarioParser() {
    }

    static final List<String> TOP = List.of("name", "description", "app", "phone", "server", "link", "policy", "energy",
            "seed", "repetitions", "compression", "jit", "failures", "time_limit");
    static final List<String> APP_KEYS = List.of("workload", "size", "jar", "dex", "apk", "classpath", "main", "args");
    static final List<String> CPU_KEYS = List.of("preset", "file");
    static final List<String> LINK_KEYS = List.of("name", "preset", "latency", "rtt", "uplink", "downlink", "bandwidth",
            "jitter", "loss", "rto", "framing", "outages", "trace", "radio");
    static final List<String> TRACE_KEYS = List.of("uplink", "downlink", "delay", "opportunity_bytes");
    static final List<String> OUTAGE_KEYS = List.of("start", "duration");
    static final List<String> SIZES = List.of("small", "medium", "paper");

    public static final String DEFAULT_PHONE = "phone-2012-hummingbird-portable";
    public static final String DEFAULT_SERVER = "server-2012-portable";
    public static final String DEFAULT_LINK = "comet-wifi";
    public static final String DEFAULT_POLICY = "comet";
    public static final String DEFAULT_ENERGY = "aro-captivate";

    /** Reads and resolves a scenario file. */
    public static Scenario read(Path file) {
        return parse(YamlReader.read(file), file.toAbsolutePath().getParent(), baseName(file));
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /**
     * Resolves a scenario tree; relative paths are resolved against {@code dir}.
     *
     * @param defaultName the name when the tree has no {@code name:}
     */
    public static Scenario parse(YNode root, Path dir, String defaultName) {
        Fields f = new Fields(root, "", TOP);
        String name = f.text("name", defaultName);
        f.text("description", null);
        if (!f.has("app")) {
            throw ScenarioException.at(root, "app", "missing; allowed: a built-in workload name (see 'comet workloads') "
                    + "or a mapping {jar|dex|apk|classpath, main, args}");
        }
        Scenario.App app = app(f.get("app"), dir);
        Scenario.Cpu phone = cpu(f, "phone", DEFAULT_PHONE, dir);
        Scenario.Cpu server = cpu(f, "server", DEFAULT_SERVER, dir);
        Scenario.Link link = link(f.get("link"), dir);
        String policy = f.text("policy", DEFAULT_POLICY);
        try {
            if (!org.cometsim.offload.policy.profile.ProfiledPolicies.isProfiled(policy)) {
                Policies.byName(policy); // the profile-based ones are built per run (ScenarioRunner)
            }
        } catch (IllegalArgumentException e) {
            throw ScenarioException.at(f.scalar("policy"), "policy", "found '" + policy + "'; " + e.getMessage());
        }
        String energy = f.text("energy", DEFAULT_ENERGY);
        PhoneEnergyModel energyModel = null;
        if (energy.equals("none")) {
            energy = null;
        } else {
            if (!EnergyPresets.names().contains(energy)) {
                throw notOneOf(f.scalar("energy"), "energy", energy, withNone(EnergyPresets.names()));
            }
            energyModel = DeviceModels.energy(energy);
        }
        long seed = f.wholeNumber("seed", 1, Long.MIN_VALUE);
        int repetitions = (int) f.wholeNumber("repetitions", 1, 1);
        boolean compression = f.bool("compression", true);
        JitMode jit = null;
        if (f.has("jit")) {
            String j = f.oneOf("jit", null, List.of("on", "off", "eager", "true", "false"));
            jit = JitMode.valueOf((j.equals("true") ? "on" : j.equals("false") ? "off" : j).toUpperCase(Locale.ROOT));
        }
        List<Long> failAt = new ArrayList<>();
        YNode failures = f.get("failures");
        if (failures != null) {
            if (!(failures instanceof YNode.YList l)) {
                throw ScenarioException.at(failures, "failures", "found " + failures.kind()
                        + "; allowed: a list of times at which the connection fails, e.g. [500ms, 2s]");
            }
            for (int i = 0; i < l.items().size(); i++) {
                YNode item = l.items().get(i);
                if (!(item instanceof YNode.YScalar s)) {
                    throw ScenarioException.at(item, "failures[" + i + "]", "found " + item.kind() + "; allowed: a time, e.g. 500ms");
                }
                failAt.add(Fields.time(s, "failures[" + i + "]").nanos());
            }
            failAt.sort(null);
        }
        SimTime limit = f.time("time_limit", SimTime.ZERO);
        if (f.has("time_limit") && limit.nanos() == 0) {
            throw ScenarioException.at(f.get("time_limit"), "time_limit", "must be positive (leave it out for no limit)");
        }
        long timeLimit = limit.nanos();
        return new Scenario(name, app, phone, server, link, policy, energy, energyModel, seed, repetitions, compression,
                jit, failAt, timeLimit, Canonical.of(root));
    }

    private static Scenario.App app(YNode node, Path dir) {
        if (node instanceof YNode.YScalar s) {
            return workload(s, "small", "app");
        }
        Fields f = new Fields(node, "app", APP_KEYS);
        if (f.has("workload")) {
            for (String k : List.of("jar", "dex", "apk", "classpath", "main", "args")) {
                if (f.has(k)) {
                    throw ScenarioException.at(f.get(k), "app." + k, "a built-in workload takes no " + k
                            + "; give either workload (+ size) or jar/dex/apk/classpath + main (+ args)");
                }
            }
            return workload(f.scalar("workload"), f.oneOf("size", "small", SIZES), "app.workload");
        }
        if (f.has("size")) {
            throw ScenarioException.at(f.get("size"), "app.size", "size applies to built-in workloads only");
        }
        List<Path> cp = new ArrayList<>();
        for (String k : List.of("jar", "dex", "apk")) {
            YNode.YScalar s = f.scalar(k);
            if (s != null) {
                cp.add(existing(s, "app." + k, dir));
            }
        }
        YNode cpn = f.get("classpath");
        if (cpn != null) {
            List<YNode> items = cpn instanceof YNode.YList l ? l.items() : List.of(cpn);
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i) instanceof YNode.YScalar s)) {
                    throw ScenarioException.at(items.get(i), "app.classpath", "found " + items.get(i).kind()
                            + "; allowed: a path or a list of paths");
                }
                cp.add(existing(s, "app.classpath[" + i + "]", dir));
            }
        }
        if (cp.isEmpty()) {
            throw ScenarioException.at(node, "app", "no program: give workload: NAME, or jar/dex/apk/classpath with main");
        }
        String main = f.requiredText("main", "the binary name of the class with main(String[]), e.g. com.example.Main");
        List<String> args = new ArrayList<>();
        YNode an = f.get("args");
        if (an != null) {
            if (!(an instanceof YNode.YList l)) {
                throw ScenarioException.at(an, "app.args", "found " + an.kind() + "; allowed: a list of strings");
            }
            for (YNode a : l.items()) {
                if (!(a instanceof YNode.YScalar s) || s.text() == null) {
                    throw ScenarioException.at(a, "app.args", "found " + a.kind() + "; allowed: a list of strings");
                }
                args.add(s.text());
            }
        }
        return new Scenario.Program(cp, main, args);
    }

    private static Scenario.App workload(YNode.YScalar s, String size, String field) {
        List<String> names = WorkloadCatalog.all().stream().map(org.cometsim.workloads.Workload::name).toList();
        if (s.text() == null || !names.contains(s.text())) {
            throw notOneOf(s, field, s.text(), names);
        }
        return new Scenario.Workload(s.text(), size);
    }

    private static Path existing(YNode.YScalar s, String field, Path dir) {
        if (s.text() == null || s.text().isBlank()) {
            throw ScenarioException.at(s, field, "found an empty value; allowed: a path to an existing file");
        }
        Path p = dir.resolve(s.text()).normalize();
        if (!Files.isRegularFile(p)) {
            throw ScenarioException.at(s, field, "no such file: " + p);
        }
        return p;
    }

    private static Scenario.Cpu cpu(Fields top, String key, String dflt, Path dir) {
        YNode n = top.get(key);
        if (n == null || n instanceof YNode.YScalar) {
            String name = n == null ? dflt : ((YNode.YScalar) n).text();
            if (!CpuPresets.names().contains(name)) {
                throw notOneOf(n, key, name, CpuPresets.names());
            }
            return new Scenario.Cpu(name, DeviceModels.cpu(name), "preset:" + name);
        }
        Fields f = new Fields(n, key, CPU_KEYS);
        if (f.has("preset") == f.has("file")) {
            throw ScenarioException.at(n, key, "give exactly one of preset: NAME or file: PATH (a CPU preset file, e.g. "
                    + "from 'comet calibrate')");
        }
        if (f.has("preset")) {
            String name = f.text("preset", null);
            if (!CpuPresets.names().contains(name)) {
                throw notOneOf(f.scalar("preset"), key + ".preset", name, CpuPresets.names());
            }
            return new Scenario.Cpu(name, DeviceModels.cpu(name), "preset:" + name);
        }
        Path file = existing(f.scalar("file"), key + ".file", dir);
        try {
            var preset = CpuPresets.read(file);
            return new Scenario.Cpu(preset.name(), preset.model(), "file:" + file);
        } catch (RuntimeException e) {
            throw ScenarioException.at(f.scalar("file"), key + ".file", "not a valid CPU preset: " + e.getMessage());
        }
    }

    private static Scenario.Link link(YNode n, Path dir) {
        if (n == null || n instanceof YNode.YScalar) {
            String name = n == null ? DEFAULT_LINK : ((YNode.YScalar) n).text();
            if (name == null || !LinkPresets.names().contains(name)) {
                throw notOneOf(n, "link", name, LinkPresets.names());
            }
            return new Scenario.Link(name, streams -> LinkModels.preset(name, streams), OffloadRun.radioFor(name));
        }
        Fields f = new Fields(n, "link", LINK_KEYS);
        String preset = f.text("preset", null);
        if (preset != null && !LinkPresets.names().contains(preset)) {
            throw notOneOf(f.scalar("preset"), "link.preset", preset, LinkPresets.names());
        }
        RadioKind radio = OffloadRun.radioFor(preset != null ? preset : "wifi");
        if (f.has("radio")) {
            radio = switch (f.oneOf("radio", null, List.of("wifi", "3g", "lte"))) {
                case "3g" -> RadioKind.UMTS_3G;
                case "lte" -> RadioKind.LTE;
                default -> RadioKind.WIFI;
            };
        }
        if (f.has("trace")) {
            for (String k : List.of("preset", "latency", "rtt", "uplink", "downlink", "bandwidth", "jitter", "loss", "rto",
                    "outages")) {
                if (f.has(k)) {
                    throw ScenarioException.at(f.get(k), "link." + k, "a trace-driven link takes no " + k
                            + " (the traces give the rates; trace.delay the latency)");
                }
            }
            Fields t = new Fields(f.get("trace"), "link.trace", TRACE_KEYS);
            MahimahiTrace up = trace(t, "uplink", dir);
            MahimahiTrace down = trace(t, "downlink", dir);
            SimTime delay = t.time("delay", SimTime.ZERO);
            int opp = (int) t.wholeNumber("opportunity_bytes", 1500, 1);
            TcpFraming framing = framing(f);
            String label = f.text("name", "trace:" + t.text("downlink", ""));
            return new Scenario.Link(label, streams -> new MahimahiTraceLinkModel(label, up, down, delay, framing, opp, 0),
                    radio);
        }
        ShapedLinkConfig base;
        if (preset != null) {
            LinkSpec spec = LinkPresets.load(preset).spec();
            if (!(spec instanceof ShapedLinkConfig s)) {
                boolean overrides = f.map.entries().keySet().stream()
                        .anyMatch(k -> !List.of("name", "preset", "radio").contains(k));
                if (overrides) {
                    throw ScenarioException.at(f.scalar("preset"), "link.preset", "'" + preset
                            + "' is trace-driven; its latency and rates cannot be overridden (use link.trace)");
                }
                String label = f.text("name", preset);
                RadioKind r = radio;
                return new Scenario.Link(label, streams -> LinkModels.create(spec, streams), r);
            }
            base = s;
        } else {
            for (String k : List.of("uplink", "downlink")) {
                if (!f.has(k) && !f.has("bandwidth")) {
                    throw ScenarioException.at(n, "link." + k, "missing; an inline link needs uplink and downlink "
                            + "(or bandwidth) and latency (or rtt), or preset: NAME to start from");
                }
            }
            if (!f.has("latency") && !f.has("rtt")) {
                throw ScenarioException.at(n, "link.latency", "missing; allowed: a one-way time (e.g. 20ms) or rtt: TIME");
            }
            base = new ShapedLinkConfig("inline", SimTime.ZERO, DataRate.megabitsPerSecond(1), DataRate.megabitsPerSecond(1),
                    SimTime.ZERO, 0.0, ShapedLinkConfig.DEFAULT_RTO, TcpFraming.TCP_IPV4_TIMESTAMPS, OutageSchedule.NONE);
        }
        if (f.has("latency") && f.has("rtt")) {
            throw ScenarioException.at(f.get("rtt"), "link.rtt", "give latency (one-way) or rtt (= 2 x latency), not both");
        }
        if (f.has("bandwidth") && (f.has("uplink") || f.has("downlink"))) {
            throw ScenarioException.at(f.get("bandwidth"), "link.bandwidth", "give bandwidth (both ways) or uplink/downlink, not both");
        }
        SimTime latency = f.has("rtt") ? SimTime.ofNanos(f.time("rtt", null).nanos() / 2) : f.time("latency", base.latency());
        DataRate both = f.rate("bandwidth", null);
        DataRate up = both != null ? both : f.rate("uplink", base.uplink());
        DataRate down = both != null ? both : f.rate("downlink", base.downlink());
        SimTime jitter = f.time("jitter", base.jitter());
        double loss = f.number("loss", base.lossRate(), 0.0, 1.0);
        SimTime rto = f.time("rto", base.rto());
        TcpFraming framing = f.has("framing") ? framing(f) : base.framing();
        OutageSchedule outages = f.has("outages") ? outages(f.get("outages")) : base.outages();
        boolean overridden = f.map.entries().keySet().stream().anyMatch(k -> !List.of("name", "preset", "radio").contains(k));
        String label = f.text("name", preset != null && !overridden ? preset : "inline");
        ShapedLinkConfig cfg = new ShapedLinkConfig(label, latency, up, down, jitter, loss, rto, framing, outages);
        return new Scenario.Link(label, streams -> LinkModels.create(cfg, streams), radio);
    }

    private static MahimahiTrace trace(Fields t, String key, Path dir) {
        YNode.YScalar s = t.scalar(key);
        if (s == null) {
            throw ScenarioException.at(t.map, "link.trace." + key, "missing; allowed: a Mahimahi trace file (one "
                    + "millisecond timestamp per line)");
        }
        Path p = existing(s, "link.trace." + key, dir);
        try {
            return MahimahiTrace.read(p);
        } catch (RuntimeException e) {
            throw ScenarioException.at(s, "link.trace." + key, "not a Mahimahi trace: " + e.getMessage());
        }
    }

    private static TcpFraming framing(Fields f) {
        YNode.YScalar s = f.scalar("framing");
        if (s == null) {
            return TcpFraming.TCP_IPV4_TIMESTAMPS;
        }
        try {
            return TcpFraming.parse(s.text());
        } catch (IllegalArgumentException e) {
            throw ScenarioException.at(s, "link.framing", "found " + s.kind() + "; allowed: tcp-ipv4, none");
        }
    }

    private static OutageSchedule outages(YNode n) {
        if (!(n instanceof YNode.YList l)) {
            throw ScenarioException.at(n, "link.outages", "found " + n.kind()
                    + "; allowed: a list of {start: TIME, duration: TIME}");
        }
        List<OutageSchedule.Window> windows = new ArrayList<>();
        for (int i = 0; i < l.items().size(); i++) {
            Fields w = new Fields(l.items().get(i), "link.outages[" + i + "]", OUTAGE_KEYS);
            if (!w.has("start") || !w.has("duration")) {
                throw ScenarioException.at(l.items().get(i), "link.outages[" + i + "]", "needs start and duration");
            }
            long start = w.time("start", null).nanos();
            long duration = w.time("duration", null).nanos();
            if (duration <= 0) {
                throw ScenarioException.at(w.get("duration"), "link.outages[" + i + "].duration", "found "
                        + w.scalar("duration").kind() + "; allowed: a time > 0");
            }
            windows.add(new OutageSchedule.Window(start, start + duration));
        }
        try {
            return new OutageSchedule(windows);
        } catch (IllegalArgumentException e) {
            throw ScenarioException.at(n, "link.outages", e.getMessage());
        }
    }

    private static List<String> withNone(List<String> names) {
        List<String> l = new ArrayList<>(names);
        l.add("none");
        return l;
    }

    static ScenarioException notOneOf(YNode where, String field, String found, List<String> valid) {
        String near = found == null ? null : org.cometsim.scenarios.yaml.Suggest.nearest(found, valid);
        String msg = "found " + (found == null ? "nothing" : "'" + found + "'") + (near != null ? " (did you mean '" + near + "'?)" : "")
                + "; allowed: " + String.join(", ", valid);
        if (where == null) {
            return new ScenarioException(field + ": " + msg);
        }
        return ScenarioException.at(where, field, msg);
    }

    /** The canonical text of a scenario tree: sorted keys, values as written. */
    static final class Canonical {
        private Canonical() {
        }

        /**
         * Paths stay as written (relative to the file), so a sweep's point keys do not change when
         * its directory moves (a cluster's shards run from different places).
         */
        static String of(YNode n) {
            StringBuilder b = new StringBuilder();
            write(n, b);
            return b.toString();
        }

        private static void write(YNode n, StringBuilder b) {
            if (n instanceof YNode.YMap m) {
                Map<String, YNode> sorted = new TreeMap<>(m.entries());
                b.append('{');
                sorted.forEach((k, v) -> {
                    b.append(quote(k)).append(':');
                    write(v, b);
                    b.append(',');
                });
                b.append('}');
            } else if (n instanceof YNode.YList l) {
                b.append('[');
                for (YNode i : l.items()) {
                    write(i, b);
                    b.append(',');
                }
                b.append(']');
            } else {
                YNode.YScalar s = (YNode.YScalar) n;
                b.append(s.text() == null ? "null" : quote(s.text()));
            }
        }

        private static String quote(String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
        }
    }
}
