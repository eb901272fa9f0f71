package golden;

import java.util.concurrent.Exchanger;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * AtomicIntegerArray, AtomicLongArray, AtomicReferenceArray, LongAdder and Exchanger (the guest
 * library's): every method and its result, bounds errors, toString, copies of the constructor's
 * array, identity compare-and-set of references, guest threads incrementing shared cells and an
 * adder (no update lost), and pairs of guest threads swapping items through an exchanger
 * (including null items and a timed exchange that times out on the VM's clock).
 */
public class G075_AtomicArraysAdder {
    public static void main(String[] args) throws Exception {
        int[] src = {5, 6, 7};
        AtomicIntegerArray ia = new AtomicIntegerArray(src);
        src[0] = 99;
        System.out.println("int array: " + ia + " " + ia.length() + " " + new AtomicIntegerArray(0) + " " + new AtomicIntegerArray(2));
        System.out.println("int ops: " + ia.getAndSet(0, 1) + " " + ia.compareAndSet(1, 6, 60) + " " + ia.compareAndSet(1, 6, 61) + " "
                + ia.getAndIncrement(2) + " " + ia.incrementAndGet(2) + " " + ia.getAndDecrement(2) + " " + ia.decrementAndGet(2) + " "
                + ia.getAndAdd(0, 10) + " " + ia.addAndGet(0, -3) + " -> " + ia);
        System.out.println("int functional: " + ia.getAndUpdate(1, x -> x * 2) + " " + ia.updateAndGet(1, x -> x + 1) + " "
                + ia.getAndAccumulate(2, 100, Math::max) + " " + ia.accumulateAndGet(0, 5, Integer::sum) + " -> " + ia);
        System.out.println("int exchange: " + ia.compareAndExchange(0, 13, 14) + " " + ia.compareAndExchange(0, 0, 1) + " "
                + ia.weakCompareAndSetPlain(0, 14, 15) + " " + ia.weakCompareAndSetVolatile(0, 15, 16) + " " + ia.getPlain(0) + " "
                + ia.getOpaque(1) + " " + ia.getAcquire(2));
        ia.lazySet(0, -1);
        ia.setPlain(1, -2);
        ia.setOpaque(2, -3);
        ia.setRelease(2, ia.get(2) * 2);
        System.out.println("int modes: " + ia);
        try {
            ia.get(3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("int bounds: " + (e instanceof ArrayIndexOutOfBoundsException));
        }

        AtomicLongArray la = new AtomicLongArray(new long[] {Long.MAX_VALUE, 2, 3});
        System.out.println("long array: " + la + " " + la.incrementAndGet(0) + " " + la.getAndAdd(1, 1L << 40) + " "
                + la.compareAndSet(2, 3, 4) + " " + la.getAndUpdate(2, x -> x * 10) + " " + la.accumulateAndGet(1, 2, (a, b) -> a * b)
                + " " + la.compareAndExchange(2, 40, 41) + " -> " + la);

        String a = "a";
        String a2 = new String("a");
        AtomicReferenceArray<String> ra = new AtomicReferenceArray<>(new String[] {a, null, "c"});
        System.out.println("ref array: " + ra + " " + ra.compareAndSet(0, a2, "x") + " " + ra.compareAndSet(0, a, "x") + " "
                + ra.compareAndSet(1, null, "y") + " " + ra.getAndSet(2, null) + " " + ra.getAndUpdate(0, s -> s + "!") + " "
                + ra.updateAndGet(1, s -> s + "?") + " " + ra.accumulateAndGet(0, "z", String::concat) + " -> " + ra + " "
                + new AtomicReferenceArray<Integer>(2));

        LongAdder adder = new LongAdder();
        adder.add(40);
        adder.increment();
        adder.increment();
        adder.decrement();
        System.out.println("adder: " + adder + " " + adder.sum() + " " + adder.intValue() + " " + adder.longValue() + " "
                + adder.doubleValue() + " " + adder.floatValue() + " " + adder.sumThenReset() + " " + adder);
        adder.add(5);
        adder.reset();
        System.out.println("adder reset: " + adder.sum());

        AtomicIntegerArray cells = new AtomicIntegerArray(8);
        LongAdder hits = new LongAdder();
        Thread[] ts = new Thread[4];
        for (int t = 0; t < ts.length; t++) {
            final int id = t;
            ts[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    cells.incrementAndGet((i + id) % 8);
                    hits.increment();
                    if (i % 10 == 0) {
                        cells.getAndUpdate(0, x -> x + 1);
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println("threads: " + cells + " hits " + hits);

        Exchanger<String> ex = new Exchanger<>();
        String[] got = new String[3];
        Thread partner = new Thread(() -> {
            try {
                got[0] = ex.exchange("from partner");
                got[1] = ex.exchange(null);
                got[2] = ex.exchange("third", 1, TimeUnit.SECONDS);
            } catch (InterruptedException | TimeoutException e) {
                throw new RuntimeException(e);
            }
        });
        partner.start();
        String r0 = ex.exchange("from main");
        String r1 = ex.exchange("second");
        String r2 = ex.exchange(null);
        partner.join();
        System.out.println("exchanger: main got " + r0 + ", " + r1 + ", " + r2 + "; partner got " + got[0] + ", " + got[1] + ", " + got[2]);
        try {
            ex.exchange("alone", 20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.out.println("exchanger timeout: TimeoutException");
        }
        // Pairs among four threads: every item ends up with exactly one other thread.
        Exchanger<Integer> pairs = new Exchanger<>();
        int[] received = new int[4];
        Thread[] ps = new Thread[4];
        for (int t = 0; t < 4; t++) {
            final int id = t;
            ps[t] = new Thread(() -> {
                try {
                    received[id] = pairs.exchange(1 << id);
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            ps[t].start();
        }
        int mask = 0;
        int selfies = 0;
        for (int t = 0; t < 4; t++) {
            ps[t].join();
            mask |= received[t];
            if (received[t] == 1 << t) {
                selfies++;
            }
        }
        System.out.println("exchanger pairs: all items delivered " + (mask == 15) + " to self " + selfies);
    }
}
