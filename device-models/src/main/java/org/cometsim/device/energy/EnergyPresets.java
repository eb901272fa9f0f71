package org.cometsim.device.energy;

import org.cometsim.device.presets.PresetResources;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.cometsim.sim.SimTime;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads phone power presets from {@code presets/energy/} (listed in {@code INDEX}).
 *
 * <p>Sections {@code umts}, {@code lte}, {@code wifi}, {@code cpu} hold values with units
 * ({@code "0.7W"}, {@code "548mW"}, {@code "5s"}, {@code "543B"}; LTE's α terms are plain
 * numbers in mW per Mbit/s, as ARO states them). {@code sources} must cite every leaf as
 * {@code section.key}; a missing citation or an unknown key is an error.
 */
public final class EnergyPresets {

    static final String DIR = "presets/energy/";

    private EnergyPresets() {}

    public static List<String> names() {
        return PresetResources.names(DIR);
    }

    public static EnergyPreset load(String name) {
        return parse(name, resourceText(DIR + name + ".yaml"));
    }

    @SuppressWarnings("unchecked")
    public static EnergyPreset parse(String name, String text) {
        Map<String, Object> m = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        Section root = new Section(name, "", m);
        if (!root.str("name").equals(name)) {
            throw new IllegalArgumentException(name + ": name key differs");
        }
        String description = root.str("description");
        Map<String, String> sources = new LinkedHashMap<>();
        ((Map<String, Object>) root.obj("sources")).forEach((k, v) -> sources.put(k, String.valueOf(v)));

        Section u = root.section("umts");
        UmtsRrcParams umts = new UmtsRrcParams(u.time("t1"), u.time("t2"), u.time("promoIdleToDch"),
                u.time("promoFachToDch"), u.watts("dch"), u.watts("fach"), u.watts("idle"),
                u.watts("promoFromIdle"), u.watts("promoFromFach"), u.bytes("fachUpThreshold"),
                u.bytes("fachDownThreshold"));
        Section l = root.section("lte");
        LteRrcParams lte = new LteRrcParams(l.time("promotion"), l.watts("promotionPower"),
                l.time("inactivity"), l.time("shortDrxPhase"), l.time("shortDrxCycle"),
                l.time("longDrxPhase"), l.time("longDrxCycle"), l.time("onDuration"),
                l.watts("onDurationPower"), l.watts("drxBasePower"), l.time("pagingCycle"),
                l.time("pagingOn"), l.watts("pagingPower"), l.number("alphaUp"),
                l.number("alphaDown"), l.watts("beta"));
        Section w = root.section("wifi");
        WifiPowerParams wifi = new WifiPowerParams(w.watts("active"), w.watts("idle"), w.time("tail"));
        Section c = root.section("cpu");
        CpuPowerParams cpu = new CpuPowerParams(c.watts("active"), c.watts("idle"));
        Section r = root.section("referenceLinks");
        Map<RadioKind, String> refs = new EnumMap<>(RadioKind.class);
        for (RadioKind k : RadioKind.values()) {
            refs.put(k, r.str(k.name()));
        }
        for (Section s : List.of(u, l, w, c, r, root)) {
            s.checkConsumed();
        }
        Set<String> missing = new TreeSet<>();
        for (Section s : List.of(u, l, w, c)) {
            for (String leaf : s.read) {
                if (!sources.containsKey(s.path + leaf)) {
                    missing.add(s.path + leaf);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(name + ": no source for " + missing);
        }
        return new EnergyPreset(name, description, umts, lte, wifi, cpu, refs, sources, text);
    }

    /** A YAML mapping whose keys are consumed as they are read, to catch unknown keys. */
    private static final class Section {
        final String preset;
        final String path;
        final Map<String, Object> left;
        final List<String> read = new ArrayList<>();

        Section(String preset, String path, Map<String, Object> map) {
            if (map == null) {
                throw new IllegalArgumentException(preset + ": missing section " + path);
            }
            this.preset = preset;
            this.path = path;
            this.left = new LinkedHashMap<>(map);
        }

        Object obj(String key) {
            Object v = left.remove(key);
            if (v == null) {
                throw new IllegalArgumentException(preset + ": missing key " + path + key);
            }
            read.add(key);
            return v;
        }

        @SuppressWarnings("unchecked")
        Section section(String key) {
            Object v = left.remove(key);
            return new Section(preset, key + ".", (Map<String, Object>) v);
        }

        String str(String key) {
            return String.valueOf(obj(key));
        }

        SimTime time(String key) {
            return SimTime.parse(str(key));
        }

        double watts(String key) {
            return Watts.parse(str(key));
        }

        double number(String key) {
            return Double.parseDouble(str(key));
        }

        long bytes(String key) {
            String s = str(key).strip();
            if (!s.endsWith("B")) {
                throw new IllegalArgumentException(preset + ": " + path + key + " needs a unit B: " + s);
            }
            return Long.parseLong(s.substring(0, s.length() - 1).strip());
        }

        void checkConsumed() {
            if (!left.isEmpty()) {
                throw new IllegalArgumentException(preset + ": unknown keys " + path + left.keySet());
            }
        }
    }

    static String resourceText(String path) {
        return PresetResources.text(path);
    }
}
