package jtt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** invoke-interface, default methods (incl. super-default calls and diamond resolution), static interface methods, generic interfaces, bridges. */
public final class Jtt_Interfaces {
    public static final Object[][] ARGS = { {0}, {1}, {3}, {-2} };

    interface Greeter {
        String name();
        default String greet() { return "Hello, " + name() + suffix(); }
        default String suffix() { return "!"; }
        static Greeter of(String n) { return () -> n; }
        static String shout(Greeter g) { return g.greet().toUpperCase(); }
    }
    interface Polite extends Greeter {
        @Override default String suffix() { return ", please" + Greeter.super.suffix(); }
    }
    interface Left { default String who() { return "left"; } }
    interface Right { default String who() { return "right"; } }
    static class Both implements Left, Right {
        public String who() { return Left.super.who() + "+" + Right.super.who(); }
    }
    static class Person implements Polite {
        final String n;
        Person(String n) { this.n = n; }
        public String name() { return n; }
    }
    static class Loud extends Person {
        Loud(String n) { super(n); }
        @Override public String greet() { return super.greet().replace(',', ';'); }
    }

    public static String testDefaults(int k) {
        Greeter g1 = Greeter.of("g" + k);
        Greeter g2 = new Person("p" + k);
        Greeter g3 = new Loud("l" + k);
        return g1.greet() + " | " + g2.greet() + " | " + g3.greet() + " | " + Greeter.shout(g2) + " | " + new Both().who();
    }

    interface Transformer<T, R> { R apply(T t); default <V> Transformer<T, V> then(Transformer<? super R, ? extends V> next) { return t -> next.apply(apply(t)); } }
    static class Length implements Transformer<String, Integer> { public Integer apply(String s) { return s.length(); } }

    public static int testGenericBridge(int k) {
        Transformer<String, Integer> len = new Length();
        Transformer<String, Integer> sq = len.then(x -> x * x + k);
        @SuppressWarnings({"rawtypes", "unchecked"})
        Transformer raw = len;                      // calls the synthetic bridge apply(Object)
        @SuppressWarnings("unchecked")
        int viaRaw = (Integer) raw.apply("abcd");
        return sq.apply("hello") + viaRaw;
    }

    interface Stack<T> extends Iterable<T> { void push(T t); T pop(); boolean isEmpty(); int size(); }
    static class ArrayStack<T> implements Stack<T> {
        private Object[] data = new Object[2];
        private int n;
        public void push(T t) { if (n == data.length) data = java.util.Arrays.copyOf(data, n * 2); data[n++] = t; }
        @SuppressWarnings("unchecked") public T pop() { if (n == 0) throw new IllegalStateException("empty"); T t = (T) data[--n]; data[n] = null; return t; }
        public boolean isEmpty() { return n == 0; }
        public int size() { return n; }
        public Iterator<T> iterator() {
            return new Iterator<T>() {
                int i = n;
                public boolean hasNext() { return i > 0; }
                @SuppressWarnings("unchecked") public T next() { return (T) data[--i]; }
            };
        }
    }

    public static String testStack(int k) {
        Stack<String> s = new ArrayStack<>();
        for (int i = 0; i < 5 + k; i++) s.push("e" + i);
        StringBuilder sb = new StringBuilder();
        for (String e : s) sb.append(e);
        sb.append('/').append(s.pop()).append(s.size());
        try { while (true) s.pop(); } catch (IllegalStateException e) { sb.append(e.getMessage()); }
        return sb.toString();
    }

    public static int testInterfaceList(int k) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < 10; i++) l.add(i * k);
        Iterable<Integer> it = l;
        int s = 0;
        for (Integer x : it) s += x;
        return s + l.size();
    }

    interface Constants { int A = 7; String S = "iface"; }
    static class UsesConstants implements Constants { int get() { return A * 2; } }
    public static String testInterfaceConstants(int k) { return new UsesConstants().get() + Constants.S + k; }

    interface Shape { double area(); default String kind() { return getClass().getSimpleName(); } }
    static final class Sq implements Shape { public double area() { return 4; } }
    static final class Tri implements Shape { public double area() { return 1.5; } public String kind() { return "triangle"; } }
    public static String testDispatchArray(int k) {
        Shape[] ss = { new Sq(), new Tri(), () -> k };
        StringBuilder sb = new StringBuilder();
        for (Shape s : ss) sb.append(s.area()).append(s instanceof Sq || s instanceof Tri ? s.kind() : "lambda").append(';');
        return sb.toString();
    }
}
