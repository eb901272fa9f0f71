package org.cometsim.device.energy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses power with a unit: {@code "0.7W"}, {@code "548mW"}. */
public final class Watts {

    private static final Pattern TEXT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*(mW|W)\\s*");

    private Watts() {}

    public static double parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a power in W or mW: '" + text + "'");
        }
        double v = Double.parseDouble(m.group(1));
        return m.group(2).equals("mW") ? v / 1000 : v;
    }
}
