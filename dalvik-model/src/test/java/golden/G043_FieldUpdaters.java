package golden;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * java.util.concurrent.atomic field updaters (guest library): int, long and reference updaters
 * held in static finals as HdrHistogram and Netty do; every operation; the newUpdater failures
 * (exception class, message, cause class) and the receiver and value checks; then three guest
 * threads updating the same fields through them, with exact totals printed after join.
 */
public class G043_FieldUpdaters {
    static class Node {
        volatile String label;
    }

    static class Counter {
        private static final AtomicIntegerFieldUpdater<Counter> HITS =
                AtomicIntegerFieldUpdater.newUpdater(Counter.class, "hits");
        private static final AtomicLongFieldUpdater<Counter> TOTAL =
                AtomicLongFieldUpdater.newUpdater(Counter.class, "total");
        private static final AtomicReferenceFieldUpdater<Counter, Node> HEAD =
                AtomicReferenceFieldUpdater.newUpdater(Counter.class, Node.class, "head");
        private static final AtomicReferenceFieldUpdater<Counter, Integer> MAX =
                AtomicReferenceFieldUpdater.newUpdater(Counter.class, Integer.class, "max");

        private volatile int hits;
        volatile long total;
        volatile Node head;
        volatile Integer max = 0;
        volatile long casRetries;

        void record(int value) {
            HITS.incrementAndGet(this);
            TOTAL.addAndGet(this, value);
            MAX.accumulateAndGet(this, value, (a, b) -> Math.max(a, b));
        }
    }

    static class Odd {
        volatile int v;
        int plain;
        long wrongType;
        static volatile int shared;
        volatile Object obj;
        volatile CharSequence text;
    }

    static class OddChild extends Odd {
        volatile int childField;
    }

    interface Action {
        Object run() throws Exception;
    }

    static void show(String what, Action a) {
        String r;
        try {
            r = "= " + a.run();
        } catch (Exception e) {
            r = "threw " + e.getClass().getName() + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : " (cause " + e.getCause().getClass().getName() + ")");
        }
        System.out.println(what + " " + r);
    }

    /** Failures with a NullPointerException: classes only (the helpful NPE text is HotSpot's). */
    static void showClasses(String what, Action a) {
        try {
            System.out.println(what + " = " + a.run());
        } catch (Exception e) {
            System.out.println(what + " threw " + e.getClass().getName()
                    + (e.getCause() == null ? "" : " (cause " + e.getCause().getClass().getName() + ")"));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void main(String[] args) throws Exception {
        // ---- single-threaded: every operation
        AtomicIntegerFieldUpdater<Odd> iu = AtomicIntegerFieldUpdater.newUpdater(Odd.class, "v");
        Odd o = new Odd();
        System.out.println("int class " + iu.getClass().getName());
        iu.set(o, 5);
        System.out.println("int get " + iu.get(o) + " field " + o.v);
        System.out.println("int cas 5->6 " + iu.compareAndSet(o, 5, 6) + " cas 5->7 " + iu.compareAndSet(o, 5, 7)
                + " weak 6->8 " + iu.weakCompareAndSet(o, 6, 8) + " now " + o.v);
        System.out.println("int getAndSet " + iu.getAndSet(o, 10) + " getAndIncrement " + iu.getAndIncrement(o)
                + " getAndDecrement " + iu.getAndDecrement(o) + " getAndAdd " + iu.getAndAdd(o, 5)
                + " incrementAndGet " + iu.incrementAndGet(o) + " decrementAndGet " + iu.decrementAndGet(o)
                + " addAndGet " + iu.addAndGet(o, -20));
        System.out.println("int getAndUpdate " + iu.getAndUpdate(o, x -> x * 3) + " updateAndGet " + iu.updateAndGet(o, x -> x - 1)
                + " getAndAccumulate " + iu.getAndAccumulate(o, 100, Math::max) + " accumulateAndGet "
                + iu.accumulateAndGet(o, 7, (x, y) -> x * y));
        iu.lazySet(o, Integer.MAX_VALUE);
        System.out.println("int overflow " + iu.incrementAndGet(o) + " field " + o.v);

        AtomicLongFieldUpdater<Counter> lu = AtomicLongFieldUpdater.newUpdater(Counter.class, "total");
        Counter c = new Counter();
        lu.set(c, 1L << 40);
        System.out.println("long get " + lu.get(c) + " cas " + lu.compareAndSet(c, 1L << 40, 3) + " " + lu.compareAndSet(c, 1L << 40, 4)
                + " weak " + lu.weakCompareAndSet(c, 3, 9) + " now " + c.total);
        System.out.println("long getAndSet " + lu.getAndSet(c, -1) + " getAndIncrement " + lu.getAndIncrement(c)
                + " getAndDecrement " + lu.getAndDecrement(c) + " getAndAdd " + lu.getAndAdd(c, Long.MAX_VALUE)
                + " incrementAndGet " + lu.incrementAndGet(c) + " decrementAndGet " + lu.decrementAndGet(c)
                + " addAndGet " + lu.addAndGet(c, 2));
        System.out.println("long getAndUpdate " + lu.getAndUpdate(c, x -> x / 2) + " updateAndGet " + lu.updateAndGet(c, x -> -x)
                + " getAndAccumulate " + lu.getAndAccumulate(c, 3, Long::sum) + " accumulateAndGet "
                + lu.accumulateAndGet(c, 1L << 50, Math::min));
        lu.lazySet(c, 0);
        System.out.println("long lazySet " + c.total);

        AtomicReferenceFieldUpdater<Node, String> ru = AtomicReferenceFieldUpdater.newUpdater(Node.class, String.class, "label");
        Node n = new Node();
        System.out.println("ref class " + ru.getClass().getName());
        String a1 = new String("a");
        String a2 = new String("a");
        ru.set(n, a1);
        System.out.println("ref cas by identity: equal-not-same " + ru.compareAndSet(n, a2, "b") + " same " + ru.compareAndSet(n, a1, "b")
                + " weak " + ru.weakCompareAndSet(n, "b", null) + " now " + n.label);
        System.out.println("ref getAndSet " + ru.getAndSet(n, "x") + " getAndUpdate " + ru.getAndUpdate(n, s -> s + "y")
                + " updateAndGet " + ru.updateAndGet(n, s -> s + "z") + " getAndAccumulate "
                + ru.getAndAccumulate(n, "!", String::concat) + " accumulateAndGet " + ru.accumulateAndGet(n, "?", (s, t) -> t + s));
        ru.lazySet(n, null);
        System.out.println("ref lazySet " + ru.get(n));

        // ---- newUpdater failures
        show("int unknown", () -> AtomicIntegerFieldUpdater.newUpdater(Odd.class, "missing"));
        show("int long field", () -> AtomicIntegerFieldUpdater.newUpdater(Odd.class, "wrongType"));
        show("int not volatile", () -> AtomicIntegerFieldUpdater.newUpdater(Odd.class, "plain"));
        show("int static", () -> AtomicIntegerFieldUpdater.newUpdater(Odd.class, "shared"));
        show("int inherited", () -> AtomicIntegerFieldUpdater.newUpdater(OddChild.class, "v"));
        show("int null name", () -> AtomicIntegerFieldUpdater.newUpdater(Odd.class, null));
        showClasses("int null class", () -> AtomicIntegerFieldUpdater.newUpdater(null, "v"));
        show("long unknown", () -> AtomicLongFieldUpdater.newUpdater(Counter.class, "nothing"));
        show("long int field", () -> AtomicLongFieldUpdater.newUpdater(Odd.class, "v"));
        show("long not volatile", () -> AtomicLongFieldUpdater.newUpdater(Odd.class, "wrongType"));
        show("ref unknown", () -> AtomicReferenceFieldUpdater.newUpdater(Odd.class, Object.class, "none"));
        show("ref wrong vclass", () -> AtomicReferenceFieldUpdater.newUpdater(Odd.class, String.class, "obj"));
        show("ref supertype vclass", () -> AtomicReferenceFieldUpdater.newUpdater(Odd.class, Object.class, "text"));
        show("ref primitive", () -> AtomicReferenceFieldUpdater.newUpdater(Odd.class, int.class, "v"));
        show("ref null vclass", () -> AtomicReferenceFieldUpdater.newUpdater(Odd.class, null, "obj"));
        show("ref ok", () -> AtomicReferenceFieldUpdater.newUpdater(Odd.class, CharSequence.class, "text") != null);

        // ---- receiver and value checks (raw types get past the compiler)
        AtomicIntegerFieldUpdater rawI = iu;
        AtomicLongFieldUpdater rawL = lu;
        AtomicReferenceFieldUpdater rawR = ru;
        show("int get null", () -> iu.get(null));
        show("int set null", () -> { iu.set(null, 1); return "set"; });
        show("int get wrong class", () -> rawI.get("string"));
        show("int cas wrong class", () -> rawI.compareAndSet(new Node(), 0, 1));
        show("int subclass receiver", () -> iu.incrementAndGet(new OddChild()));
        show("long addAndGet null", () -> lu.addAndGet(null, 1));
        show("long get wrong class", () -> rawL.get(new Odd()));
        show("ref get null", () -> ru.get(null));
        show("ref set wrong value", () -> { rawR.set(n, 42); return "set"; });
        show("ref cas wrong value", () -> rawR.compareAndSet(n, null, 42));
        show("ref cas wrong expect", () -> rawR.compareAndSet(n, 42, "fine"));
        show("ref getAndSet wrong value", () -> rawR.getAndSet(n, 42));
        show("ref after checks", () -> n.label);
        showClasses("int null function", () -> iu.getAndUpdate(o, null));

        // ---- three guest threads through the static updaters
        Counter shared = new Counter();
        Thread[] ts = new Thread[3];
        for (int i = 0; i < ts.length; i++) {
            final int id = i;
            ts[i] = new Thread(() -> {
                for (int k = 0; k < 2000; k++) {
                    shared.record(id * 10000 + k);
                    if (k % 100 == 0) {
                        Node node = new Node();
                        node.label = "t" + id;
                        Counter.HEAD.getAndSet(shared, node);
                    }
                    long seen;
                    do {
                        seen = shared.casRetries;
                    } while (!CAS_RETRIES.compareAndSet(shared, seen, seen + 1));
                }
            }, "updater-" + i);
        }
        for (Thread t : ts) {
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        long expectTotal = 0;
        for (int id = 0; id < 3; id++) {
            for (int k = 0; k < 2000; k++) {
                expectTotal += id * 10000 + k;
            }
        }
        System.out.println("hits " + shared.hits + " total " + shared.total + " expected " + expectTotal
                + " max " + shared.max + " cas loop " + shared.casRetries + " head set " + (shared.head != null));
    }

    static final AtomicLongFieldUpdater<Counter> CAS_RETRIES = AtomicLongFieldUpdater.newUpdater(Counter.class, "casRetries");
}
