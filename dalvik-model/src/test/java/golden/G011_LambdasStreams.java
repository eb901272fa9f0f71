package golden;

import java.util.*;
import java.util.function.*;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Lambdas, method references, functional composition and streams (host library calling guest lambdas). */
public class G011_LambdasStreams {
    static int applyTwice(IntUnaryOperator f, int x) { return f.applyAsInt(f.applyAsInt(x)); }
    static <T, R> List<R> map(List<T> in, Function<? super T, ? extends R> f) { List<R> out = new ArrayList<>(); for (T t : in) out.add(f.apply(t)); return out; }
    int base = 100;
    Supplier<Integer> adder(int x) { return () -> base + x; }

    public static void main(String[] args) {
        System.out.println(applyTwice(x -> x * 3 + 1, 5) + " " + applyTwice(Math::abs, -9) + " " + applyTwice(Integer::reverse, 12345));
        Function<Integer, Integer> inc = x -> x + 1, dbl = x -> x * 2;
        System.out.println(inc.andThen(dbl).apply(5) + " " + inc.compose(dbl).apply(5) + " " + Function.<Integer>identity().apply(7));
        Predicate<String> empty = String::isEmpty, longish = s -> s.length() > 4;
        List<String> ws = List.of("", "kiwi", "banana", "fig", "pineapple", "plum");
        System.out.println(map(ws, empty.negate().and(longish.negate())::test) + " " + map(ws, String::length));
        BiFunction<Integer, Integer, Integer> pow = (b, e) -> { int r = 1; for (int i = 0; i < e; i++) r *= b; return r; };
        BinaryOperator<Integer> max = BinaryOperator.maxBy(Comparator.naturalOrder());
        System.out.println(pow.apply(3, 4) + " " + max.apply(3, 9) + " " + pow.andThen(x -> "=" + x).apply(2, 10));
        G011_LambdasStreams o = new G011_LambdasStreams();
        Supplier<Integer> s = o.adder(5);
        o.base = 1000;
        System.out.println("captures this: " + s.get());
        Runnable r = () -> System.out.println("runnable ran");
        r.run();
        Supplier<List<String>> ctor = ArrayList::new;
        List<String> made = ctor.get(); made.add("x");
        UnaryOperator<String> up = String::toUpperCase;
        System.out.println(made + " " + up.apply("shout") + " " + ((IntFunction<String[]>) String[]::new).apply(4).length);

        List<Integer> nums = IntStream.rangeClosed(1, 20).boxed().collect(Collectors.toList());
        System.out.println("evens squared " + nums.stream().filter(n -> n % 2 == 0).map(n -> n * n).collect(Collectors.toList()));
        System.out.println("sum " + nums.stream().mapToInt(Integer::intValue).sum() + " avg " + nums.stream().mapToInt(n -> n).average().getAsDouble()
                + " reduce " + nums.stream().reduce(0, (a, b) -> a ^ b) + " anyMatch " + nums.stream().anyMatch(n -> n > 19));
        Map<Boolean, List<Integer>> parts = nums.stream().collect(Collectors.partitioningBy(n -> n % 3 == 0));
        System.out.println("partition " + parts);
        Map<Integer, Long> byLen = ws.stream().collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.counting()));
        System.out.println("byLen " + byLen + " joined " + ws.stream().filter(w -> !w.isEmpty()).sorted(Comparator.reverseOrder()).collect(Collectors.joining(",", "[", "]")));
        Optional<String> first = ws.stream().filter(w -> w.startsWith("p")).findFirst();
        System.out.println("first p " + first.orElse("none") + " " + first.map(String::length).get() + " empty " + Optional.empty().isPresent());
        int[] fib = IntStream.iterate(1, i -> i + 1).limit(15).map(G011_LambdasStreams::fib).toArray();
        System.out.println("fib " + Arrays.toString(fib) + " distinct-sorted " + Arrays.toString(IntStream.of(5, 3, 5, 1, 3).distinct().sorted().toArray()));
        List<Runnable> rs = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) { int j = i; rs.add(() -> sb.append(j * j).append(';')); }
        rs.forEach(Runnable::run);
        System.out.println("closures " + sb);
        Comparator<String> cmp = Comparator.comparing(String::length);
        List<String> sorted = new ArrayList<>(ws);
        sorted.sort(cmp.thenComparing(Function.identity()));
        System.out.println("sorted " + sorted);
    }
    static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
}
