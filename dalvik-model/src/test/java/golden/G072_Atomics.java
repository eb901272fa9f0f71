package golden;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * AtomicLong, AtomicBoolean and AtomicReference (the guest library's, on VM natives for their
 * read-modify-writes): every method and its result, long overflow, the functional updates,
 * Number conversions, toString, reference compare-and-set by identity (equal but distinct
 * strings, null), subclasses, and values shared by guest threads whose increments, flag hand-offs
 * and compare-and-set loops race (no update lost, one winner per flag).
 */
public class G072_Atomics {
    static final class Node {
        final int v;
        final Node next;

        Node(int v, Node next) {
            this.v = v;
            this.next = next;
        }

        @Override
        public String toString() {
            return next == null ? Integer.toString(v) : v + ">" + next;
        }
    }

    static class Tagged extends AtomicLong {
        Tagged(long v) {
            super(v);
        }

        @Override
        public String toString() {
            return "tagged:" + get();
        }
    }

    public static void main(String[] args) throws Exception {
        AtomicLong a = new AtomicLong();
        System.out.println("long new: " + a + " " + new AtomicLong(-7L) + " " + a.get());
        a.set(5);
        a.lazySet(6);
        System.out.println("long getAndSet: " + a.getAndSet(9) + " cas: " + a.compareAndSet(1, 2) + " " + a.compareAndSet(9, 10)
                + " weak: " + a.weakCompareAndSetPlain(10, 11) + " " + a.weakCompareAndSetVolatile(0, 1) + " "
                + a.weakCompareAndSetAcquire(11, 12) + " " + a.weakCompareAndSetRelease(12, 13) + " -> " + a);
        System.out.println("long inc: " + a.getAndIncrement() + " " + a.incrementAndGet() + " " + a.getAndDecrement() + " "
                + a.decrementAndGet() + " add: " + a.getAndAdd(1L << 40) + " " + a.addAndGet(-50) + " " + a.getAndAdd(0) + " -> " + a);
        System.out.println("long updates: " + a.getAndUpdate(x -> x * 2) + " " + a.updateAndGet(x -> x + 1) + " "
                + a.getAndAccumulate(3, Math::max) + " " + a.accumulateAndGet(1000, Long::sum) + " -> " + a);
        System.out.println("long exchange: " + a.compareAndExchange(0, 1) + " " + a.compareAndExchange(a.get(), 7) + " "
                + a.compareAndExchangeAcquire(7, 8) + " " + a.compareAndExchangeRelease(8, 9) + " -> " + a);
        a.setPlain(20);
        a.setOpaque(a.getPlain() + a.getOpaque());
        a.setRelease(a.getAcquire() + 1);
        System.out.println("long modes: " + a.get());
        AtomicLong big = new AtomicLong(Long.MAX_VALUE);
        System.out.println("long overflow: " + big.incrementAndGet() + " " + big.getAndDecrement() + " " + big.get());
        AtomicLong n = new AtomicLong(3_000_000_000L);
        System.out.println("long number: " + n.intValue() + " " + n.longValue() + " " + n.floatValue() + " " + n.doubleValue()
                + " " + n.byteValue() + " " + n.shortValue() + " " + (((Number) n) instanceof AtomicLong));
        Tagged t = new Tagged(4);
        t.addAndGet(3);
        System.out.println("long subclass: " + t + " " + t.compareAndSet(7, 8) + " " + t.get());

        AtomicBoolean b = new AtomicBoolean();
        System.out.println("bool new: " + b + " " + new AtomicBoolean(true) + " " + b.get());
        System.out.println("bool cas: " + b.compareAndSet(true, false) + " " + b.compareAndSet(false, true) + " " + b
                + " getAndSet: " + b.getAndSet(false) + " " + b.getAndSet(false) + " " + b.getAndSet(true) + " -> " + b);
        System.out.println("bool weak: " + b.weakCompareAndSetPlain(true, false) + " " + b.weakCompareAndSetVolatile(true, true)
                + " " + b.weakCompareAndSetAcquire(false, true) + " " + b.weakCompareAndSetRelease(true, false) + " -> " + b);
        System.out.println("bool exchange: " + b.compareAndExchange(true, false) + " " + b.compareAndExchange(false, true) + " "
                + b.compareAndExchangeAcquire(true, true) + " " + b.compareAndExchangeRelease(false, false) + " -> " + b);
        b.set(false);
        b.lazySet(true);
        b.setPlain(!b.getPlain());
        b.setOpaque(!b.getOpaque());
        b.setRelease(!b.getAcquire());
        System.out.println("bool modes: " + b.get());

        String x = "x";
        String x2 = new String("x");
        AtomicReference<String> r = new AtomicReference<>(x);
        System.out.println("ref new: " + r + " " + new AtomicReference<>() + " " + r.get());
        System.out.println("ref identity cas: " + r.compareAndSet(x2, "y") + " " + r.compareAndSet(x, "y") + " -> " + r);
        System.out.println("ref null: " + r.compareAndSet("y", null) + " " + r + " " + r.compareAndSet(null, "z") + " " + r
                + " getAndSet: " + r.getAndSet(null) + " " + r.getAndSet("w") + " -> " + r);
        System.out.println("ref updates: " + r.getAndUpdate(s -> s + "1") + " " + r.updateAndGet(s -> s + "2") + " "
                + r.getAndAccumulate("3", String::concat) + " " + r.accumulateAndGet("4", (p, q) -> q + p) + " -> " + r);
        String cur = r.get();
        System.out.println("ref exchange: " + r.compareAndExchange("nope", "a") + " " + r.compareAndExchange(cur, "b") + " "
                + r.compareAndExchangeAcquire("b", "c") + " " + r.compareAndExchangeRelease("c", "d") + " -> " + r);
        System.out.println("ref weak: " + r.weakCompareAndSetPlain("d", "e") + " " + r.weakCompareAndSetVolatile("e", "f") + " "
                + r.weakCompareAndSetAcquire("x", "g") + " " + r.weakCompareAndSetRelease("f", "h") + " -> " + r);
        r.setPlain("p");
        r.setOpaque(r.getPlain() + r.getOpaque());
        r.setRelease(r.getAcquire() + "!");
        r.lazySet(r.get() + "?");
        System.out.println("ref modes: " + r.get());
        AtomicReference<Integer> boxed = new AtomicReference<>(100);
        System.out.println("ref boxes: " + boxed.compareAndSet(100, 101) + " " + boxed.get());

        // Threads: counters, a one-shot flag, and a lock-free stack built with compareAndSet.
        AtomicLong counter = new AtomicLong();
        AtomicBoolean once = new AtomicBoolean();
        AtomicLong winners = new AtomicLong();
        AtomicReference<Node> stack = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            final int id = k;
            Thread th = new Thread(() -> {
                if (once.compareAndSet(false, true)) {
                    winners.incrementAndGet();
                }
                for (int i = 0; i < 1500; i++) {
                    counter.addAndGet(id + 1);
                    if (i % 100 == 0) {
                        Node old;
                        do {
                            old = stack.get();
                        } while (!stack.compareAndSet(old, new Node(id, old)));
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        int depth = 0;
        int sum = 0;
        for (Node p = stack.get(); p != null; p = p.next) {
            depth++;
            sum += p.v;
        }
        System.out.println("threads: " + counter.get() + " winners " + winners + " flag " + once + " stack " + depth + " sum " + sum);
    }
}
