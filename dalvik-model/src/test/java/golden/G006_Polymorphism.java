package golden;

import java.util.ArrayList;
import java.util.List;

/** Class hierarchy: abstract classes, overriding, super calls, interfaces with default/static methods, inner classes. */
public class G006_Polymorphism {
    interface Visitor<R> { R num(int v); R add(Expr a, Expr b); R mul(Expr a, Expr b); R neg(Expr e); }
    static abstract class Expr {
        abstract <R> R accept(Visitor<R> v);
        @Override public String toString() { return accept(new Printer()); }
    }
    static final class Num extends Expr { final int v; Num(int v) { this.v = v; } <R> R accept(Visitor<R> vis) { return vis.num(v); } }
    static final class Add extends Expr { final Expr a, b; Add(Expr a, Expr b) { this.a = a; this.b = b; } <R> R accept(Visitor<R> v) { return v.add(a, b); } }
    static final class Mul extends Expr { final Expr a, b; Mul(Expr a, Expr b) { this.a = a; this.b = b; } <R> R accept(Visitor<R> v) { return v.mul(a, b); } }
    static final class Neg extends Expr { final Expr e; Neg(Expr e) { this.e = e; } <R> R accept(Visitor<R> v) { return v.neg(e); } }

    static class Printer implements Visitor<String> {
        public String num(int v) { return Integer.toString(v); }
        public String add(Expr a, Expr b) { return "(" + a.accept(this) + " + " + b.accept(this) + ")"; }
        public String mul(Expr a, Expr b) { return a.accept(this) + " * " + b.accept(this); }
        public String neg(Expr e) { return "-" + e.accept(this); }
    }
    static class Evaluator implements Visitor<Integer> {
        public Integer num(int v) { return v; }
        public Integer add(Expr a, Expr b) { return a.accept(this) + b.accept(this); }
        public Integer mul(Expr a, Expr b) { return a.accept(this) * b.accept(this); }
        public Integer neg(Expr e) { return -e.accept(this); }
    }
    static class CountingEvaluator extends Evaluator {
        int ops;
        @Override public Integer add(Expr a, Expr b) { ops++; return super.add(a, b); }
        @Override public Integer mul(Expr a, Expr b) { ops++; return super.mul(a, b); }
    }

    interface Animal {
        String name();
        default String speak() { return name() + " makes " + sound(); }
        String sound();
        static Animal of(String n, String s) { return new Animal() { public String name() { return n; } public String sound() { return s; } }; }
    }
    static abstract class Pet implements Animal {
        private final String n;
        Pet(String n) { this.n = n; }
        public String name() { return n; }
        @Override public String speak() { return "pet " + Animal.super.speak(); }
    }
    static class Dog extends Pet { Dog(String n) { super(n); } public String sound() { return "woof"; } }
    static class Puppy extends Dog { Puppy(String n) { super(n + " jr"); } @Override public String sound() { return super.sound().toUpperCase() + "!"; } }

    class Counter { int c; void hit() { c++; total++; } }   // inner: touches outer field
    int total;

    public static void main(String[] args) {
        Expr e = new Add(new Mul(new Num(3), new Neg(new Num(4))), new Add(new Num(10), new Mul(new Num(2), new Num(5))));
        CountingEvaluator ce = new CountingEvaluator();
        System.out.println(e + " = " + e.accept(new Evaluator()) + " = " + e.accept(ce) + " ops=" + ce.ops);
        List<Animal> zoo = new ArrayList<>();
        zoo.add(new Dog("rex"));
        zoo.add(new Puppy("rex"));
        zoo.add(Animal.of("cat", "meow"));
        zoo.add(new Animal() { public String name() { return "cow"; } public String sound() { return "moo"; } @Override public String speak() { return "the " + Animal.super.speak(); } });
        for (Animal a : zoo) System.out.println(a.speak() + " [" + (a instanceof Pet) + "," + (a instanceof Dog) + "," + (a instanceof Puppy) + "]");
        G006_Polymorphism outer = new G006_Polymorphism();
        Counter c1 = outer.new Counter(), c2 = outer.new Counter();
        c1.hit(); c1.hit(); c2.hit();
        System.out.println("counters " + c1.c + " " + c2.c + " total " + outer.total);
        Object[] things = { new Num(1), new Dog("d"), "s", 4, new int[0], outer };
        for (Object o : things) System.out.print((o instanceof Expr) + "/" + (o instanceof Animal) + "/" + (o instanceof Comparable) + " ");
        System.out.println();
    }
}
