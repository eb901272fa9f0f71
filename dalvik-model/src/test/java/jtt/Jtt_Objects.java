package jtt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** equals/hashCode/toString overrides (used by host collections), records, enums, generics, varargs. */
public final class Jtt_Objects {
    public static final Object[][] ARGS = { {0}, {1}, {2}, {7} };

    static final class Point {
        final int x, y;
        Point(int x, int y) { this.x = x; this.y = y; }
        @Override public boolean equals(Object o) { return o instanceof Point && ((Point) o).x == x && ((Point) o).y == y; }
        @Override public int hashCode() { return 31 * x + y; }
        @Override public String toString() { return "(" + x + "," + y + ")"; }
    }

    public static String testEqualsHashCodeInCollections(int k) {
        Set<Point> set = new HashSet<>();
        for (int i = 0; i < 10; i++) set.add(new Point(i % (k + 2), i % 3));
        Map<Point, String> map = new HashMap<>();
        map.put(new Point(1, 1), "one");
        map.put(new Point(1, 1), "uno");
        List<Point> list = new ArrayList<>(set);
        list.sort((a, b) -> a.x != b.x ? Integer.compare(a.x, b.x) : Integer.compare(a.y, b.y));
        return set.size() + " " + set.contains(new Point(0, 0)) + " " + map.get(new Point(1, 1)) + " " + map.size() + " " + list + " " + list.indexOf(new Point(1, 1));
    }

    record Pair(String name, int value) {
        Pair {
            if (value < 0) throw new IllegalArgumentException("negative: " + value);
        }
        Pair twice() { return new Pair(name + name, value * 2); }
        static Pair of(int v) { return new Pair("p", v); }
    }
    record Empty() { }
    record Generic<T>(T item, List<T> items) { }

    public static String testRecords(int k) {
        Pair a = Pair.of(k), b = new Pair("p", k), c = a.twice();
        String err;
        try { new Pair("x", -k - 1); err = "no"; } catch (IllegalArgumentException e) { err = e.getMessage(); }
        Generic<String> g = new Generic<>("i" + k, List.of("a", "b"));
        return a + " " + a.equals(b) + " " + a.equals(c) + " " + c.name() + " " + c.value() + " " + err + " " + new Empty() + " " + new Empty().equals(new Empty())
                + " " + g + " " + g.equals(new Generic<>("i" + k, List.of("a", "b")));
    }

    enum Planet {
        MERCURY(3.303e+23, 2.4397e6), EARTH(5.976e+24, 6.37814e6), JUPITER(1.9e+27, 7.1492e7) {
            @Override String describe() { return "giant " + super.describe(); }
        };
        final double mass, radius;
        Planet(double mass, double radius) { this.mass = mass; this.radius = radius; }
        double gravity() { return 6.67300E-11 * mass / (radius * radius); }
        String describe() { return name().toLowerCase() + "#" + ordinal(); }
    }
    enum Op implements java.util.function.IntBinaryOperator {
        ADD { public int applyAsInt(int a, int b) { return a + b; } },
        MUL { public int applyAsInt(int a, int b) { return a * b; } };
    }

    public static String testEnums(int k) {
        Planet p = Planet.values()[k % 3];
        StringBuilder sb = new StringBuilder();
        sb.append(p).append(' ').append(p.ordinal()).append(' ').append(p.describe()).append(' ').append(String.format("%.2f", p.gravity()));
        sb.append(' ').append(Planet.valueOf("EARTH").compareTo(p)).append(' ').append(p.getDeclaringClass().getSimpleName());
        sb.append(' ').append(p == Planet.JUPITER ? p.getClass() != Planet.class : p.getClass() == Planet.class);
        try { Planet.valueOf("PLUTO"); } catch (IllegalArgumentException e) { sb.append(' ').append(e.getMessage()); }
        sb.append(' ').append(Op.valueOf("MUL").applyAsInt(k, 6)).append(Arrays.toString(Op.values()));
        return sb.toString();
    }

    public static String testEnumCollections(int k) {
        java.util.EnumMap<Planet, Integer> m = new java.util.EnumMap<>(Planet.class);
        for (Planet p : Planet.values()) m.put(p, p.name().length() * k);
        java.util.EnumSet<Planet> s = java.util.EnumSet.complementOf(java.util.EnumSet.of(Planet.EARTH));
        return m + " " + s;
    }

    static int sum(int... xs) { int s = 0; for (int x : xs) s += x; return s * 10 + xs.length; }
    static String fmt(String f, Object... args) { return f + ":" + args.length + ":" + Arrays.toString(args); }

    public static String testVarargs(int k) {
        return sum() + " " + sum(k) + " " + sum(k, k, k) + " " + sum(new int[] { 1, 2 }) + " " + fmt("a") + " " + fmt("b", k, "x")
                + " " + fmt("c", (Object[]) new String[] { "p", "q" }) + " " + fmt("d", (Object) new String[] { "p", "q" }).startsWith("d:1:[[Ljava.lang.String;@");
    }

    static <T extends Comparable<T>> T max(List<T> l) {
        T best = null;
        for (T t : l) if (best == null || t.compareTo(best) > 0) best = t;
        return best;
    }
    static final class Box<T> {
        private T v;
        void set(T v) { this.v = v; }
        T get() { return v; }
        <R> Box<R> map(java.util.function.Function<? super T, ? extends R> f) { Box<R> b = new Box<>(); b.set(f.apply(v)); return b; }
    }

    public static String testGenerics(int k) {
        Box<Integer> b = new Box<>();
        b.set(k);
        Box<String> s = b.map(x -> "v" + (x * 2));
        return max(Arrays.asList(3, k, 5, -1)) + " " + max(Arrays.asList("pear", "apple", "zoo" + k)) + " " + s.get();
    }

    public static String testObjectsUtil(int k) {
        Point p = k > 0 ? new Point(k, k) : null;
        return Objects.equals(p, new Point(k, k)) + " " + Objects.hashCode(p) + " " + Objects.toString(p, "none") + " " + Objects.hash(1, "a", k)
                + " " + Objects.requireNonNullElse(p, new Point(-1, -1));
    }

    public static String testTreeMap(int k) {
        TreeMap<String, Integer> t = new TreeMap<>();
        String[] ws = "the quick brown fox jumps over the lazy dog the end".split(" ");
        for (String w : ws) t.merge(w, k + 1, Integer::sum);
        return t.toString() + " " + t.firstKey() + " " + t.headMap("l").size();
    }

    static class Animal {
        @Override public String toString() { return "Animal:" + name(); }
        String name() { return "generic"; }
    }
    static class Cat extends Animal { @Override String name() { return "cat"; } }
    public static String testToStringVirtual(int k) {
        Object[] os = { new Animal(), new Cat(), new Point(k, 1), List.of(new Cat(), new Point(2, k)) };
        return Arrays.toString(os) + " " + String.valueOf(os[1]) + " " + new StringBuilder().append(os[2]);
    }
}
