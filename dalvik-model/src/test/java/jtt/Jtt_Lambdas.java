package jtt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** Inner classes (capturing this and locals), anonymous classes, lambdas (desugared by D8), method references of every kind. */
public final class Jtt_Lambdas {
    public static final Object[][] ARGS = { {0}, {1}, {4}, {-3} };

    private int field = 10;

    class Inner { int get(int x) { return field + x; } }                 // captures this
    static class Nested { final int v; Nested(int v) { this.v = v; } int twice() { return v * 2; } static int sq(int x) { return x * x; } }

    public static int testInner(int k) {
        Jtt_Lambdas outer = new Jtt_Lambdas();
        outer.field = k;
        Jtt_Lambdas.Inner in = outer.new Inner();
        return in.get(5);
    }

    public static String testAnonymous(int k) {
        final int captured = k * 3;
        Comparator<String> byLenDesc = new Comparator<String>() {
            @Override public int compare(String a, String b) { return Integer.compare(b.length() + captured, a.length() + captured); }
            @Override public String toString() { return "anon" + captured; }
        };
        List<String> l = new ArrayList<>(Arrays.asList("a", "ccc", "bb", "dddd", ""));
        l.sort(byLenDesc);
        return l + " " + byLenDesc;
    }

    public static int testLambdaCapture(int k) {
        int base = k + 1;
        IntBinaryOperator op = (a, b) -> a * base + b;
        int acc = 0;
        for (int i = 0; i < 5; i++) acc = op.applyAsInt(acc, i);
        return acc;
    }

    public static String testMethodRefs(int k) {
        Function<Integer, Integer> staticRef = Nested::sq;
        Function<Nested, Integer> unboundRef = Nested::twice;
        Nested n = new Nested(k);
        Supplier<Integer> boundRef = n::twice;
        Function<Integer, Nested> ctorRef = Nested::new;
        Function<Integer, int[]> arrayCtor = int[]::new;
        BiFunction<String, Integer, Character> charAt = String::charAt;
        ToLongFunction<String> parse = Long::parseLong;
        Supplier<String> superRef = new Nested(k) { @Override int twice() { return 99; } String sup() { return "" + super.twice(); } }::sup;
        return staticRef.apply(k) + " " + unboundRef.apply(n) + " " + boundRef.get() + " " + ctorRef.apply(7).v + " "
                + arrayCtor.apply(3).length + " " + charAt.apply("hello", 1) + " " + parse.applyAsLong("-" + k) + " " + superRef.get();
    }

    public static String testLambdaInLoop(int k) {
        List<Supplier<String>> sups = new ArrayList<>();
        for (int i = 0; i < 4; i++) { final int j = i; sups.add(() -> "s" + (j + k)); }
        StringBuilder sb = new StringBuilder();
        for (Supplier<String> s : sups) sb.append(s.get());
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    public static int testRecursiveLambda(int k) {
        Function<Integer, Integer>[] fib = new Function[1];
        fib[0] = x -> x < 2 ? x : fib[0].apply(x - 1) + fib[0].apply(x - 2);
        return fib[0].apply(Math.abs(k) + 10);
    }

    public static String testComparatorChain(int k) {
        String[] words = { "pear", "Apple", "fig", "banana", "kiwi", "Date", "cherry" };
        Arrays.sort(words, Comparator.comparingInt(String::length).thenComparing(String.CASE_INSENSITIVE_ORDER));
        String a = String.join(",", words);
        Arrays.sort(words, (x, y) -> k % 2 == 0 ? y.compareTo(x) : x.compareTo(y));
        return a + " / " + String.join(",", words);
    }

    public static String testLocalClass(int k) {
        class Acc {
            int total;
            Acc add(int x) { total += x + k; return this; }
        }
        return "total=" + new Acc().add(1).add(2).add(3).total;
    }

    public static String testThisCapture(int k) {
        Jtt_Lambdas o = new Jtt_Lambdas();
        o.field = k;
        Supplier<String> s = o.describer();
        o.field += 100;
        return s.get();
    }
    Supplier<String> describer() { return () -> "field=" + this.field; }
}
