package golden;

/**
 * Calls between compiled methods (issue #17): compiled code calls compiled code straight through
 * an inline cache or a resolved target instead of the interpreter's invoke, so every shape that
 * leaves that direct path must still behave as on the JVM: a recursion deep enough for
 * StackOverflowError, a virtual call site whose receiver class changes in the middle of a loop
 * (inline cache misses and re-fills), an interface call site with alternating receivers, super and
 * private calls, a static call that initializes its class from a compiled loop, a null receiver,
 * and exceptions thrown three compiled frames deep and caught by the outer one (with a finally in
 * between), and stores into typed arrays (store checks passing and failing). Run compiled and
 * interpreted by CompiledExecutionTest and MethodEventTraceTest.
 */
public class G093_CompiledCalls {
    static int deepest;

    static int down(int n) {
        deepest = n;
        return down(n + 1) + 1;
    }

    interface Shape {
        int area(int k);
    }

    static class Square implements Shape {
        int side = 3;

        public int area(int k) {
            return side * side + k;
        }

        int perimeter() {
            return 4 * side;
        }
    }

    static class Rect extends Square {
        int other = 5;

        @Override
        public int area(int k) {
            return side * other + k;
        }

        @Override
        int perimeter() {
            return super.perimeter() / 2 + 2 * other + helper();
        }

        private int helper() {
            return other - side;
        }
    }

    static final class Tri implements Shape {
        public int area(int k) {
            return k / 2;
        }
    }

    static long virtualSiteChangesClass() {
        Square sq = new Square();
        Square rect = new Rect();
        long sum = 0;
        for (int i = 0; i < 3000; i++) {
            Square s = i < 1000 || (i >= 2000 && (i & 1) == 0) ? sq : rect;
            sum += s.perimeter() * 31L + s.area(i);
        }
        return sum;
    }

    static long interfaceSiteAlternates() {
        Shape[] shapes = {new Square(), new Rect(), new Tri()};
        long sum = 0;
        for (int i = 0; i < 3000; i++) {
            sum = sum * 7 + shapes[i % 3 == 0 || i > 2500 ? 0 : i % 3].area(i);
            sum %= 1_000_000_007L;
        }
        return sum;
    }

    static class Late {
        static int base;

        static {
            base = 40;
            System.out.println("Late initialized");
        }

        static int plus(int k) {
            return base + k;
        }
    }

    static int initFromLoop() {
        int s = 0;
        for (int i = 0; i < 200; i++) {
            s += i < 150 ? i : Late.plus(i);
        }
        return s;
    }

    static class Boom extends RuntimeException {
        final int at;

        Boom(int at) {
            super("boom at " + at);
            this.at = at;
        }
    }

    static int finallies;

    static int third(int i) {
        if (i % 7 == 3) {
            throw new Boom(i);
        }
        return i * 2;
    }

    static int second(int i) {
        try {
            return third(i) + 1;
        } finally {
            finallies++;
        }
    }

    static int first(int i) {
        return second(i) * 3;
    }

    static long threeFramesDeep() {
        long s = 0;
        int caught = 0;
        for (int i = 0; i < 500; i++) {
            try {
                s += first(i);
            } catch (Boom b) {
                caught++;
                s -= b.at;
            }
        }
        return s * 1000 + caught;
    }

    static int length(Square s) {
        return s.perimeter();
    }

    static int nullReceivers() {
        int npes = 0;
        int s = 0;
        for (int i = 0; i < 300; i++) {
            try {
                s += length(i % 50 == 49 ? null : new Square());
            } catch (NullPointerException e) {
                npes++;
            }
        }
        return s * 100 + npes;
    }

    /** aput-object into typed arrays from a compiled loop: subclasses stored, a String refused. */
    static String typedStores() {
        Square[] squares = new Square[8];
        Object[] asObjects = new Square[4];
        Shape[] shapes = new Shape[6];
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            squares[i % 8] = (i & 1) == 0 ? new Square() : new Rect();
            shapes[i % 6] = i % 3 == 0 ? new Tri() : squares[i % 8];
            try {
                asObjects[i % 4] = i % 25 == 0 ? (Object) ("s" + i) : squares[(i + 3) % 8];
            } catch (ArrayStoreException e) {
                refused++;
            }
        }
        long s = 0;
        for (Shape sh : shapes) {
            s += sh.area(5);
        }
        return s + " " + refused + " " + (asObjects[0] == null ? "null" : asObjects[0].getClass().getSimpleName());
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    public static void main(String[] args) {
        System.out.println("fib " + fib(22));
        System.out.println("virtual " + virtualSiteChangesClass());
        System.out.println("interface " + interfaceSiteAlternates());
        System.out.println("init " + initFromLoop());
        System.out.println("three deep " + threeFramesDeep() + " finallies " + finallies);
        System.out.println("null receivers " + nullReceivers());
        System.out.println("typed stores " + typedStores());
        for (int round = 0; round < 2; round++) {
            deepest = 0;
            try {
                down(0);
                System.out.println("no overflow");
            } catch (StackOverflowError e) {
                System.out.println("overflow caught, deeper than 1000: " + (deepest > 1000));
            }
        }
        System.out.println("after overflow fib " + fib(15));
    }
}
