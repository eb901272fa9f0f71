package org.cometsim.scenarios.spec;

import java.util.List;

import org.cometsim.net.DataRate;
import org.cometsim.scenarios.yaml.ScenarioException;
import org.cometsim.scenarios.yaml.YNode;
import org.cometsim.sim.SimTime;

/**
 * Typed reading of one mapping of a scenario file: unknown keys are refused (with the nearest
 * valid name), each value is checked for its type and range, and every error names the field's
 * path and place.
 */
final class Fields {
    final YNode.YMap map;
    final String path;

    Fields(YNode node, String path, List<String> allowed) {
        if (!(node instanceof YNode.YMap m)) {
            throw ScenarioException.at(node, path.isEmpty() ? "(top level)" : path,
                    "found " + node.kind() + "; allowed: a mapping with keys " + String.join(", ", allowed));
        }
        this.map = m;
        this.path = path;
        for (String k : m.entries().keySet()) {
            if (!allowed.contains(k)) {
                throw ScenarioException.unknownKey(m.key(k), path, k, allowed);
            }
        }
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    YNode get(String key) {
        YNode n = map.get(key);
        return n instanceof YNode.YScalar s && s.text() == null ? null : n;
    }

    boolean has(String key) {
        return get(key) != null;
    }

    YNode.YScalar scalar(String key) {
        YNode n = get(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof YNode.YScalar s)) {
            throw ScenarioException.at(n, field(key), "found " + n.kind() + "; allowed: a single value");
        }
        return s;
    }

    String text(String key, String dflt) {
        YNode.YScalar s = scalar(key);
        return s == null ? dflt : s.text();
    }

    String requiredText(String key, String allowed) {
        YNode.YScalar s = scalar(key);
        if (s == null) {
            throw ScenarioException.at(map, field(key), "missing; allowed: " + allowed);
        }
        return s.text();
    }

    long wholeNumber(String key, long dflt, long min) {
        YNode.YScalar s = scalar(key);
        if (s == null) {
            return dflt;
        }
        long v;
        try {
            v = Long.parseLong(s.text().trim());
        } catch (NumberFormatException e) {
            throw ScenarioException.at(s, field(key), "found " + s.kind() + "; allowed: a whole number >= " + min);
        }
        if (v < min) {
            throw ScenarioException.at(s, field(key), "found " + v + "; allowed: a whole number >= " + min);
        }
        return v;
    }

    double number(String key, double dflt, double min, double maxExclusive) {
        YNode.YScalar s = scalar(key);
        if (s == null) {
            return dflt;
        }
        double v;
        try {
            v = Double.parseDouble(s.text().trim());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= min && v < maxExclusive)) {
            throw ScenarioException.at(s, field(key), "found " + s.kind() + "; allowed: a number in [" + min + ", "
                    + maxExclusive + ")");
        }
        return v;
    }

    boolean bool(String key, boolean dflt) {
        YNode.YScalar s = scalar(key);
        if (s == null) {
            return dflt;
        }
        String t = s.text().trim();
        if (t.equals("true") || t.equals("on") || t.equals("yes")) {
            return true;
        }
        if (t.equals("false") || t.equals("off") || t.equals("no")) {
            return false;
        }
        throw ScenarioException.at(s, field(key), "found " + s.kind() + "; allowed: true or false");
    }

    SimTime time(String key, SimTime dflt) {
        YNode.YScalar s = scalar(key);
        return s == null ? dflt : time(s, field(key));
    }

    static SimTime time(YNode.YScalar s, String field) {
        SimTime t;
        try {
            t = SimTime.parse(s.text() == null ? "" : s.text().trim());
        } catch (IllegalArgumentException e) {
            throw ScenarioException.at(s, field, "found " + s.kind() + "; allowed: a time with a unit >= 0 (e.g. 20ms, 1.5s)");
        }
        if (t.nanos() < 0) {
            throw ScenarioException.at(s, field, "found " + s.kind() + "; allowed: a time >= 0");
        }
        return t;
    }

    DataRate rate(String key, DataRate dflt) {
        YNode.YScalar s = scalar(key);
        if (s == null) {
            return dflt;
        }
        try {
            return DataRate.parse(s.text().trim());
        } catch (IllegalArgumentException e) {
            throw ScenarioException.at(s, field(key), "found " + s.kind()
                    + "; allowed: a positive data rate with a unit (e.g. 54Mbps, 500kbps, 2MB/s)");
        }
    }

    String oneOf(String key, String dflt, List<String> allowed) {
        YNode.YScalar s = scalar(key);
        if (s == null) {
            return dflt;
        }
        if (!allowed.contains(s.text())) {
            throw ScenarioException.at(s, field(key), "found " + s.kind() + "; allowed: " + String.join(", ", allowed));
        }
        return s.text();
    }
}
