package golden;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.DoubleSummaryStatistics;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A sensor report mixing features: a generic interface with default methods over an enum with
 * per-constant bodies, enum switches and EnumSet ranges, Collectors.teeing and summarizing,
 * Optional chains, String.format with %e %g %,d %x %o %b and widths, integer radix conversions,
 * BigInteger, a deque as a sliding window, TreeMap navigation, checked exceptions wrapped in
 * lambdas and unwrapped through cause chains.
 */
public class G092_SensorReport {
    enum Unit {
        CELSIUS("C") {
            @Override
            double toKelvin(double v) {
                return v + 273.15;
            }
        },
        FAHRENHEIT("F") {
            @Override
            double toKelvin(double v) {
                return (v - 32) * 5 / 9 + 273.15;
            }
        },
        KELVIN("K") {
            @Override
            double toKelvin(double v) {
                return v;
            }
        };

        final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        abstract double toKelvin(double v);
    }

    interface Converter<T, R> extends Function<T, R> {
        default <V> Converter<T, V> then(Function<? super R, ? extends V> next) {
            return t -> next.apply(apply(t));
        }

        default R applyOr(T t, R fallback) {
            try {
                return apply(t);
            } catch (RuntimeException e) {
                return fallback;
            }
        }
    }

    record Reading(String sensor, double value, Unit unit, long tick) {
        double kelvin() {
            return unit.toKelvin(value);
        }
    }

    static class SensorException extends Exception {
        SensorException(String message) {
            super(message);
        }
    }

    static double parse(String s) throws SensorException {
        if (s.isBlank()) {
            throw new SensorException("blank reading");
        }
        return Double.parseDouble(s);
    }

    static <T, R> Function<T, R> unchecked(ThrowingFunction<T, R> f) {
        return t -> {
            try {
                return f.apply(t);
            } catch (Exception e) {
                throw new IllegalStateException("conversion of " + t, e);
            }
        };
    }

    interface ThrowingFunction<T, R> {
        R apply(T t) throws Exception;
    }

    static String category(Unit u) {
        switch (u) {
            case CELSIUS:
            case FAHRENHEIT:
                return "relative";
            default:
                return "absolute";
        }
    }

    public static void main(String[] args) {
        String[] raw = {"s1 21.5 C", "s2 70.1 F", "s1 22.25 C", "s3 295.4 K", "s2 68 F", "s1 23 C", "s3 294.9 K", "s2 71.6 F"};
        List<Reading> readings = IntStream.range(0, raw.length).mapToObj(i -> {
            String[] f = raw[i].split(" ");
            Unit u = EnumSet.allOf(Unit.class).stream().filter(x -> x.symbol.equals(f[2])).findFirst().orElseThrow();
            return new Reading(f[0], Double.parseDouble(f[1]), u, 1000L * i);
        }).collect(Collectors.toList());
        for (Reading r : readings) {
            System.out.println(String.format("%-3s %8.3f %s -> %10.4f K  %e %g (%s)", r.sensor(), r.value(), r.unit().symbol,
                    r.kelvin(), r.kelvin(), r.kelvin(), category(r.unit())));
        }
        Map<String, DoubleSummaryStatistics> stats = readings.stream().collect(Collectors.groupingBy(Reading::sensor, TreeMap::new,
                Collectors.summarizingDouble(Reading::kelvin)));
        stats.forEach((k, v) -> System.out.printf("%s n=%d min=%.2f max=%.2f avg=%.4f%n", k, v.getCount(), v.getMin(), v.getMax(),
                v.getAverage()));
        String range = readings.stream().collect(Collectors.teeing(
                Collectors.minBy((a, b) -> Double.compare(a.kelvin(), b.kelvin())),
                Collectors.maxBy((a, b) -> Double.compare(a.kelvin(), b.kelvin())),
                (lo, hi) -> lo.map(Reading::sensor).orElse("?") + ".." + hi.map(Reading::sensor).orElse("?")));
        System.out.println("coldest..hottest " + range + " " + EnumSet.range(Unit.CELSIUS, Unit.FAHRENHEIT) + " "
                + EnumSet.complementOf(EnumSet.of(Unit.KELVIN)));

        Deque<Double> window = new ArrayDeque<>();
        StringBuilder moving = new StringBuilder();
        for (Reading r : readings) {
            window.addLast(r.kelvin());
            if (window.size() > 3) {
                window.removeFirst();
            }
            double avg = window.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            moving.append(String.format("%.1f", avg)).append(window.size() == 3 ? " " : "* ");
        }
        System.out.println("moving " + moving.toString().trim());

        TreeMap<Long, Reading> byTick = new TreeMap<>();
        readings.forEach(r -> byTick.put(r.tick(), r));
        System.out.println("floor 2500 " + byTick.floorKey(2500L) + " ceiling 2500 " + byTick.ceilingEntry(2500L).getValue().sensor()
                + " head " + byTick.headMap(2000L).size() + " desc first " + byTick.descendingMap().firstKey()
                + " poll " + byTick.pollFirstEntry().getKey() + " now " + byTick.firstKey());

        Converter<String, Double> toDouble = Double::valueOf;
        Converter<String, String> pipeline = toDouble.then(d -> d * 2).then(d -> String.format("%08.2f", d));
        System.out.println(pipeline.apply("3.14159") + " " + toDouble.applyOr("oops", -1.0) + " " + pipeline.applyOr("", "none"));
        Optional<String> firstHot = readings.stream().filter(r -> r.kelvin() > 296).map(Reading::sensor).findFirst();
        System.out.println("first hot " + firstHot.orElse("none") + " " + firstHot.isPresent() + " "
                + Optional.ofNullable((String) null).map(String::length).or(() -> Optional.of(-1)).get());

        Function<String, Double> safe = unchecked(G092_SensorReport::parse);
        for (String s : new String[] {"1.5", " ", "x1"}) {
            try {
                System.out.println("parsed " + safe.apply(s));
            } catch (RuntimeException e) {
                StringBuilder chain = new StringBuilder(e.getClass().getSimpleName() + "(" + e.getMessage() + ")");
                for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                    chain.append(" <- ").append(c.getClass().getSimpleName()).append("(").append(c.getMessage()).append(")");
                }
                System.out.println(chain);
            }
        }

        long id = 0xCAFEBABEL;
        System.out.println(String.format("%,d %x %o %X %b %5s|%-5s| %+d %010d", id, id, 255, 48879, null, "ab", "cd", 42, -42)
                + " " + Long.toBinaryString(37) + " " + Integer.toHexString(-1) + " " + Long.parseLong("-zz", 36) + " "
                + Integer.parseInt("1010", 2) + " " + Integer.toString(255, 7) + " " + Character.getNumericValue('Z'));
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= 30; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        System.out.println("30! " + f + " bits " + f.bitLength() + " mod 1e9+7 " + f.mod(BigInteger.valueOf(1_000_000_007))
                + " gcd " + f.gcd(BigInteger.valueOf(2).pow(40)) + " sqrt " + f.sqrt() + " " + f.toString(16));
    }
}
