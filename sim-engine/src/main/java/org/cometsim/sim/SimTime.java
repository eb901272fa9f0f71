package org.cometsim.sim;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in, or span of, simulated time, held as a {@code long} count of nanoseconds.
 *
 * <p>Why nanoseconds in a {@code long}: the simulator adds many small costs (one Dalvik
 * instruction is tens of nanoseconds on a 2012 phone) and must give bit-identical results on
 * every rerun; integer nanoseconds are exact and reach ±292 years, while a {@code double} in
 * seconds (SSJ's choice) loses sub-nanosecond precision after a few days of simulated time and
 * makes sums depend on evaluation order.
 *
 * <p>Text form: a decimal number followed by a unit, e.g. {@code "20ms"}, {@code "1.5s"},
 * {@code "250us"}, {@code "3min"}. Accepted units: {@code ns, us, µs, ms, s, min, h}.
 * Fractions are rounded to the nearest nanosecond.
 */
public record SimTime(long nanos) implements Comparable<SimTime> {

    public static final SimTime ZERO = new SimTime(0);
    /** Larger than any reachable time; used as "never". */
    public static final SimTime NEVER = new SimTime(Long.MAX_VALUE);

    public static final long NANOS_PER_MICRO = 1_000L;
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final Pattern TEXT =
            Pattern.compile("\\s*([+-]?[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*(ns|us|µs|ms|s|min|h)\\s*");

    public static SimTime ofNanos(long nanos) {
        return new SimTime(nanos);
    }

    public static SimTime ofMicros(long micros) {
        return new SimTime(Math.multiplyExact(micros, NANOS_PER_MICRO));
    }

    public static SimTime ofMillis(long millis) {
        return new SimTime(Math.multiplyExact(millis, NANOS_PER_MILLI));
    }

    /** Seconds (fractional allowed), rounded to the nearest nanosecond. */
    public static SimTime ofSeconds(double seconds) {
        return new SimTime(secondsToNanos(seconds));
    }

    /** Rounds seconds to the nearest nanosecond; throws if out of range or not finite. */
    public static long secondsToNanos(double seconds) {
        double n = seconds * 1e9;
        if (!Double.isFinite(n) || Math.abs(n) >= 9.2e18) {
            throw new ArithmeticException("seconds out of SimTime range: " + seconds);
        }
        return Math.round(n);
    }

    /**
     * Parses {@code "<number><unit>"}, e.g. {@code "20ms"}, {@code "1.5s"}, {@code "0ms"}.
     *
     * @throws IllegalArgumentException if the text has no unit or an unknown unit; a bare
     *     number is rejected on purpose, since "20" could mean seconds or milliseconds.
     */
    public static SimTime parse(String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not a time with unit (ns, us, ms, s, min, h): '" + text + "'");
        }
        double value = Double.parseDouble(m.group(1));
        double scale = switch (m.group(2)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            case "h" -> 3600e9;
            default -> throw new IllegalStateException(m.group(2));
        };
        double n = value * scale;
        if (!Double.isFinite(n) || Math.abs(n) >= 9.2e18) {
            throw new IllegalArgumentException("time out of range: '" + text + "'");
        }
        return new SimTime(Math.round(n));
    }

    public SimTime plus(SimTime other) {
        return new SimTime(Math.addExact(nanos, other.nanos));
    }

    public SimTime minus(SimTime other) {
        return new SimTime(Math.subtractExact(nanos, other.nanos));
    }

    public double toSeconds() {
        return nanos / 1e9;
    }

    public double toMillis() {
        return nanos / 1e6;
    }

    @Override
    public int compareTo(SimTime o) {
        return Long.compare(nanos, o.nanos);
    }

    /** Human form with the largest unit that keeps the value ≥ 1, e.g. "8.439s", "20ms". */
    public String format() {
        return format(nanos);
    }

    /** {@link #format()} for a raw nanosecond count. Round-trips through {@link #parse}. */
    public static String format(long nanos) {
        if (nanos == Long.MAX_VALUE) {
            return "never";
        }
        long a = Math.abs(nanos);
        if (a >= NANOS_PER_SECOND) {
            return trim(nanos / 1e9) + "s";
        }
        if (a >= NANOS_PER_MILLI) {
            return trim(nanos / 1e6) + "ms";
        }
        if (a >= NANOS_PER_MICRO) {
            return trim(nanos / 1e3) + "us";
        }
        return nanos + "ns";
    }

    private static String trim(double v) {
        // Nine significant decimals cover every nanosecond below 1 s exactly.
        String s = String.format(Locale.ROOT, "%.9f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    @Override
    public String toString() {
        return format();
    }
}
