package jtt;

/** invoke-virtual/super/direct/static/interface, overloading, overriding, abstract classes, constructors chains. */
public final class Jtt_Invoke {
    public static final Object[][] ARGS = { {0}, {1}, {2}, {-5}, {1000} };

    static abstract class Shape {
        final String name;
        Shape(String name) { this.name = name; }
        abstract double area();
        String describe() { return name + ":" + area(); }
        public String toString() { return "Shape(" + describe() + ")"; }
    }
    static class Square extends Shape {
        final int s;
        Square(int s) { super("sq"); this.s = s; }
        Square(int s, String n) { super(n); this.s = s; }
        double area() { return s * s; }
    }
    static class Cube extends Square {
        Cube(int s) { super(s, "cube"); }
        @Override double area() { return 6 * super.area(); }
        @Override String describe() { return "[" + super.describe() + "]"; }
    }
    static final class Circle extends Shape {
        final double r;
        Circle(double r) { super("circle"); this.r = r; }
        double area() { return 3.0 * r * r; }
    }

    public static String testVirtual(int k) {
        Shape[] shapes = { new Square(k), new Cube(k), new Circle(k) };
        StringBuilder sb = new StringBuilder();
        for (Shape s : shapes) sb.append(s).append(' ');
        return sb.toString();
    }

    static String over(int x) { return "int"; }
    static String over(long x) { return "long"; }
    static String over(Integer x) { return "Integer"; }
    static String over(Object x) { return "Object"; }
    static String over(int... x) { return "varargs" + x.length; }
    static String over(short x) { return "short"; }
    static String over(double x) { return "double"; }
    static String over(char x) { return "char"; }

    public static String testOverload(int k) {
        short s = (short) k; char c = 'c'; byte b = 1; float f = 1f;
        return over(k) + " " + over((long) k) + " " + over(Integer.valueOf(k)) + " " + over("s") + " " + over() + " "
                + over(1, 2) + " " + over(s) + " " + over(c) + " " + over(b) + " " + over(f);
    }

    private int priv = 3;
    private int privateMethod(int x) { return x * priv; }
    public static int testDirect(int k) { return new Jtt_Invoke().privateMethod(k); }

    static int fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
    public static int testRecursion(int k) { return fact(Math.floorMod(k, 13)); }

    static int ack(int m, int n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
    public static int testAckermann(int k) { return ack(2, Math.floorMod(k, 5)); }

    static class Node {
        int v; Node next;
        Node(int v, Node next) { this.v = v; this.next = next; }
        int sum() { return v + (next == null ? 0 : next.sum()); }
    }
    public static int testLinked(int k) {
        Node n = null;
        for (int i = 0; i < 10; i++) n = new Node(i * k, n);
        return n.sum();
    }

    public static String testNullReceiver(int k) {
        Shape s = k == 1000 ? new Square(1) : null;
        try {
            return s.describe();
        } catch (NullPointerException e) {
            return "NPE";
        }
    }

    static class Parent {
        static String st() { return "Parent.st"; }
        String v() { return "Parent.v"; }
        String callV() { return v(); }
        private String p() { return "Parent.p"; }
        String callP() { return p(); }
    }
    static class Child extends Parent {
        static String st() { return "Child.st"; }      // hides, does not override
        @Override String v() { return "Child.v"; }
        @SuppressWarnings("unused") private String p() { return "Child.p"; }
    }
    public static String testHidingAndPrivate(int k) {
        Parent p = new Child();
        return p.callV() + " " + p.callP() + " " + Parent.st() + " " + Child.st();
    }

    public static String testObjectMethods(int k) {
        Object o = new Square(k);
        return o.getClass().getName() + " " + o.getClass().getSuperclass().getSimpleName() + " " + o.equals(o) + " " + (o.hashCode() == o.hashCode());
    }

    static class Ctor {
        final StringBuilder log = new StringBuilder();
        Ctor() { this(7); log.append("()"); }
        Ctor(int x) { this(x, "d"); log.append("(int)"); }
        Ctor(int x, String s) { log.append("(int,String:").append(x).append(s).append(')'); }
    }
    public static String testCtorChain(int k) { return new Ctor().log.toString() + new Ctor(k).log; }
}
