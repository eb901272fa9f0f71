import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;

/** Compiled by the test and dexed with desugaring OFF: lambdas and string concatenation use invoke-custom. */
public class IndyLambdas {
    interface Shape { double area(); }

    public static void main(String[] args) {
        int base = 40;
        Function<Integer, Integer> addBase = x -> x + base;
        IntBinaryOperator mul = (a, b) -> a * b;
        BiFunction<String, Integer, String> rep = String::repeat;
        Supplier<List<String>> mk = ArrayList::new;
        Shape sq = () -> 4.0;
        List<String> l = mk.get();
        l.add("x" + addBase.apply(2) + ":" + mul.applyAsInt(6, 7) + "/" + rep.apply("ab", 3) + " " + sq.area());
        l.sort((p, q) -> q.compareTo(p));
        l.forEach(s -> System.out.println("got " + s + ' ' + s.length() + " " + 1.5f + " " + true + " " + 'c' + " " + null));
    }
}
