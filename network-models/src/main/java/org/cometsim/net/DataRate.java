package org.cometsim.net;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A data rate in bits per second.
 *
 * <p>Text form: a number and a unit, e.g. {@code "54Mbps"}, {@code "1.5Mbit/s"},
 * {@code "500kbps"}, {@code "2MB/s"}. Prefixes are decimal (k = 10^3, M = 10^6, G = 10^9), the
 * convention of link rates and of every figure in model-sources.md; {@code B} means bytes.
 * A bare number is rejected so that bits and bytes cannot be confused.
 */
public record DataRate(double bitsPerSecond) implements Comparable<DataRate> {

    private static final Pattern TEXT = Pattern.compile(
            "\\s*([0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*([kKMG]?)(bps|bit/s|B/s)\\s*");

    public DataRate {
        if (!(bitsPerSecond > 0) || !Double.isFinite(bitsPerSecond)) {
            throw new IllegalArgumentException("data rate must be positive and finite: " + bitsPerSecond);
        }
    }

    public static DataRate bitsPerSecond(double bps) {
        return new DataRate(bps);
    }

    public static DataRate megabitsPerSecond(double mbps) {
        return new DataRate(mbps * 1e6);
    }

    public static DataRate parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not a data rate (e.g. 54Mbps, 1.5Mbit/s, 500kbps, 2MB/s): '" + text + "'");
        }
        double v = Double.parseDouble(m.group(1));
        double prefix = switch (m.group(2)) {
            case "" -> 1;
            case "k", "K" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            default -> throw new IllegalStateException(m.group(2));
        };
        double perUnit = m.group(3).equals("B/s") ? 8 : 1;
        return new DataRate(v * prefix * perUnit);
    }

    /** Nanoseconds to serialise {@code bytes} at this rate, rounded up (a byte is never early). */
    public long nanosFor(long bytes) {
        double ns = bytes * 8.0 * 1e9 / bitsPerSecond;
        return (long) Math.ceil(ns - 1e-6); // tolerate float noise on exact results
    }

    public double megabitsPerSecond() {
        return bitsPerSecond / 1e6;
    }

    @Override
    public int compareTo(DataRate o) {
        return Double.compare(bitsPerSecond, o.bitsPerSecond);
    }

    /** E.g. "54Mbps", "1.41Mbps", "773kbps". */
    public String format() {
        if (bitsPerSecond >= 1e9) {
            return trim(bitsPerSecond / 1e9) + "Gbps";
        }
        if (bitsPerSecond >= 1e6) {
            return trim(bitsPerSecond / 1e6) + "Mbps";
        }
        if (bitsPerSecond >= 1e3) {
            return trim(bitsPerSecond / 1e3) + "kbps";
        }
        return trim(bitsPerSecond) + "bps";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return format();
    }
}
