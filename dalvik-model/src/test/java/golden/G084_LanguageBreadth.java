package golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;

/**
 * Language and JVMS behaviours in one transcript (issue #12, breadth): string switch (with hash
 * collisions), lambdas and method references of every kind, interface default/static/private
 * methods and diamond resolution, nested/inner/local/anonymous classes reaching private members,
 * enum valueOf/values/switch, varargs, integer and floating-point corner cases, char/short/byte
 * overflow, finally overriding returns and exceptions, labelled break/continue, array covariance
 * and ArrayStoreException, instanceof with generics, Integer caches, StringBuilder and
 * String.format.
 */
public class G084_LanguageBreadth {
    enum Planet {
        MERCURY(3.303e+23), EARTH(5.976e+24) {
            @Override
            String describe() {
                return "home";
            }
        };

        final double mass;

        Planet(double mass) {
            this.mass = mass;
        }

        String describe() {
            return name().toLowerCase() + ":" + ordinal();
        }
    }

    interface Shape {
        double area();

        default String describe() {
            return name() + " " + String.format("%.2f", area());
        }

        private String name() {
            return getClass().getSimpleName();
        }

        static Shape unit() {
            return () -> 1.0;
        }
    }

    interface Left {
        default String who() {
            return "left";
        }
    }

    interface Right {
        default String who() {
            return "right";
        }
    }

    static class Both implements Left, Right {
        @Override
        public String who() {
            return Left.super.who() + "+" + Right.super.who();
        }
    }

    record Square(double side) implements Shape {
        @Override
        public double area() {
            return side * side;
        }
    }

    private int secret = 41;

    class Inner {
        int peek() {
            return ++secret;
        }
    }

    static String sw(String s) {
        switch (s) {
            case "Aa":
                return "Aa";
            case "BB": // same hashCode as "Aa"
                return "BB";
            case "":
                return "empty";
            case "hello":
                return "greeting";
            default:
                return "other:" + s;
        }
    }

    static int sum(int... xs) {
        int s = 0;
        for (int x : xs) {
            s += x;
        }
        return xs.length * 1000 + s;
    }

    static String kind(Object... xs) {
        return xs == null ? "null array" : "len " + xs.length;
    }

    @SuppressWarnings("finally")
    static int finallyReturn() {
        try {
            throw new IllegalStateException("lost");
        } finally {
            return 7;
        }
    }

    static String finallyOrder() {
        StringBuilder sb = new StringBuilder();
        try {
            try {
                sb.append("try,");
                throw new RuntimeException("inner");
            } finally {
                sb.append("finally1,");
            }
        } catch (RuntimeException e) {
            sb.append("catch ").append(e.getMessage()).append(',');
        } finally {
            sb.append("finally2");
        }
        return sb.toString();
    }

    static String suppressed() {
        class Res implements AutoCloseable {
            final String n;

            Res(String n) {
                this.n = n;
            }

            @Override
            public void close() {
                throw new IllegalArgumentException("close " + n);
            }
        }
        try (Res a = new Res("a"); Res b = new Res("b")) {
            throw new IllegalStateException("body");
        } catch (IllegalStateException e) {
            StringBuilder sb = new StringBuilder(e.getMessage());
            for (Throwable s : e.getSuppressed()) {
                sb.append(" / ").append(s.getMessage());
            }
            return sb.toString();
        }
    }

    public static void main(String[] args) {
        for (String s : new String[] {"Aa", "BB", "", "hello", "Ab", "x"}) {
            System.out.print(sw(s) + " ");
        }
        System.out.println();

        Function<String, Integer> len = String::length;
        Supplier<List<String>> mk = ArrayList::new;
        Function<Integer, int[]> arr = int[]::new;
        IntBinaryOperator max = Math::max;
        String pre = "pre-";
        Function<String, String> bound = pre::concat;
        List<String> l = mk.get();
        l.add("abc");
        System.out.println(len.apply("four") + " " + l + " " + arr.apply(3).length + " " + max.applyAsInt(3, 9) + " " + bound.apply("x"));
        int base = 10;
        Function<Integer, Function<Integer, Integer>> curried = a -> b -> a * b + base;
        System.out.println(curried.apply(4).apply(5));

        System.out.println(new Square(1.5).describe() + " | " + Shape.unit().area() + " | " + new Both().who());

        G084_LanguageBreadth outer = new G084_LanguageBreadth();
        G084_LanguageBreadth.Inner in = outer.new Inner();
        System.out.println(in.peek() + " " + in.peek() + " " + outer.secret);
        Runnable anon = new Runnable() {
            @Override
            public void run() {
                System.out.println("anon " + getClass().getSuperclass().getSimpleName() + " " + getClass().isAnonymousClass());
            }
        };
        anon.run();

        for (Planet p : Planet.values()) {
            System.out.print(p + " " + p.describe() + " " + (p.getClass() == Planet.class) + " " + p.getDeclaringClass().getSimpleName() + "; ");
        }
        System.out.println(Planet.valueOf("EARTH").mass);
        try {
            Planet.valueOf("PLUTO");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        switch (Planet.EARTH) {
            case MERCURY:
                System.out.println("hot");
                break;
            case EARTH:
                System.out.println("home switch");
                break;
            default:
                break;
        }

        System.out.println(sum() + " " + sum(1) + " " + sum(1, 2, 3) + " " + sum(new int[] {4, 5}) + " " + kind() + " "
                + kind((Object[]) null) + " " + kind((Object) null) + " " + kind(1, "a"));

        System.out.println((Integer.MIN_VALUE / -1) + " " + (Integer.MIN_VALUE % -1) + " " + (-7 / 2) + " " + (-7 % 2) + " "
                + Math.floorMod(-7, 2) + " " + (Long.MIN_VALUE / -1) + " " + (1 << 33) + " " + (1L << 65) + " " + (-8 >> 1) + " "
                + (-8 >>> 28) + " " + (-8L >>> 60));
        System.out.println((0.1 + 0.2) + " " + (float) 0.1 + " " + (1.0 / 0) + " " + (-1.0 / 0) + " " + (0.0 / 0) + " "
                + (0.0 == -0.0) + " " + Double.valueOf(0.0).equals(-0.0) + " " + Double.compare(0.0, -0.0) + " " + (Double.NaN != Double.NaN)
                + " " + (int) Double.NaN + " " + (int) 1e20 + " " + (long) -1e30 + " " + (int) 3.99 + " " + (int) -3.99 + " "
                + Math.round(-2.5) + " " + Math.round(2.5) + " " + Math.rint(2.5) + " " + Float.MIN_VALUE + " " + Double.MAX_VALUE);
        char c = Character.MAX_VALUE;
        c++;
        short sh = Short.MAX_VALUE;
        sh++;
        byte by = (byte) 200;
        int ci = 'a' + 1;
        char cc = 'a';
        cc += 1;
        System.out.println((int) c + " " + sh + " " + by + " " + ci + " " + cc + " " + (char) 66 + " " + (byte) -129 + " " + (short) 70000
                + " " + Integer.toHexString(-1) + " " + Long.toBinaryString(5) + " " + Integer.parseInt("-ff", 16) + " "
                + Integer.reverse(1) + " " + Long.bitCount(-1L) + " " + Integer.numberOfLeadingZeros(0) + " " + Math.abs(Integer.MIN_VALUE)
                + " " + Integer.MAX_VALUE * 2 + " " + Math.multiplyHigh(Long.MAX_VALUE, 3));
        try {
            Math.addExact(Integer.MAX_VALUE, 1);
        } catch (ArithmeticException e) {
            System.out.println(e.getMessage());
        }
        try {
            System.out.println(1 / (args.length));
        } catch (ArithmeticException e) {
            System.out.println(e.getMessage());
        }

        System.out.println(finallyReturn() + " " + finallyOrder() + " " + suppressed());

        StringBuilder found = new StringBuilder();
        outer:
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                if (j == 3) {
                    continue outer;
                }
                if (i == 3) {
                    break outer;
                }
                found.append(i).append(j).append(' ');
            }
        }
        block:
        {
            if (found.length() > 0) {
                break block;
            }
            found.append("never");
        }
        System.out.println(found);

        Object[] objs = new String[2];
        try {
            objs[0] = "ok";
            objs[1] = Integer.valueOf(1);
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException " + e.getMessage());
        }
        Number[] nums = new Integer[1];
        try {
            nums[0] = 1.5;
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException " + e.getMessage());
        }
        System.out.println((objs instanceof String[]) + " " + (objs instanceof Object[]) + " " + (new int[0] instanceof Object) + " "
                + (new int[0][0] instanceof Object[]) + " " + objs.getClass().getName() + " " + int[][].class.getName() + " "
                + int[].class.getSimpleName() + " " + String[].class.getComponentType().getName());

        Object list = new ArrayList<String>(List.of("g"));
        if (list instanceof List<?> lst && !lst.isEmpty()) {
            System.out.println("pattern " + lst.get(0) + " " + (list instanceof ArrayList<?>) + " " + (list instanceof java.util.RandomAccess));
        }

        Integer a1 = 127, a2 = 127, b1 = 128, b2 = 128;
        Long l1 = 127L, l2 = 127L;
        System.out.println((a1 == a2) + " " + (b1 == b2) + " " + b1.equals(b2) + " " + (l1 == l2) + " " + (Integer.valueOf(-128) == Integer.valueOf(-128))
                + " " + (Character.valueOf('a') == Character.valueOf('a')) + " " + (Boolean.valueOf(true) == Boolean.TRUE) + " " + new Integer(5).equals(5L));

        StringBuilder sb = new StringBuilder("hello");
        sb.insert(0, 42).append('!').append(1.5f).append(true).reverse().setCharAt(0, 'E');
        sb.deleteCharAt(1).replace(0, 2, "xy");
        System.out.println(sb + " " + sb.length() + " " + sb.indexOf("l") + " " + sb.charAt(3) + " " + new StringBuilder().appendCodePoint(0x1F600).length());
        System.out.println(String.format("%5d|%-5s|%05.1f|%x|%o|%e|%d|%b|%c|%10.3s|%%|%n", 42, "ab", 3.14159, 255, 8, 12345.678, 1234567, null, 'z', "abcdef").trim());
        System.out.println(String.format("%+d %(d % d %#x %08.3f %.0f %s", 5, -5, 5, 255, -3.5, 2.5, Arrays.asList(1, 2)));
        System.out.println(String.join(",", "a", "b") + " " + "a,b,,c,".split(",").length + " " + "  pad ".strip() + "|" + "x".repeat(3) + " "
                + "Hello".chars().sum() + " " + "ß".toUpperCase() + " " + "abc".compareTo("abd") + " "
                + "b".compareToIgnoreCase("A") + " " + "a-b-c".lastIndexOf('-') + " " + "text".matches("t.*t") + " " + "a1b2".replaceAll("[0-9]", "#"));
    }
}
