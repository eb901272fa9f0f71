package litmus;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A compare-and-set counter raced by threads on both endpoints: a worker computing on the server
 * and main, which prints every few steps (so it runs on the phone then), both increment an
 * AtomicInteger held by a static (the VM's atomic natives), some steps through explicit
 * compare-and-set loops, and one main made and shares through a plain field with get-and-add: no
 * increment is lost. (Not through an AtomicIntegerFieldUpdater: its reflect.Field holds VM-internal
 * data, which pins a thread holding one to the phone, so nothing would be raced across the link.)
 */
public class CasCounter {
    static final AtomicInteger COUNTER = new AtomicInteger();
    static final class Holder {
        final AtomicInteger hits = new AtomicInteger();
    }

    static void step(Holder h, int i, int x) {
        if ((i & 1) == 0) {
            COUNTER.incrementAndGet();
        } else {
            int v;
            do {
                v = COUNTER.get();
            } while (!COUNTER.compareAndSet(v, v + 1));
        }
        h.hits.getAndAdd(1);
    }

    public static void main(String[] args) throws Exception {
        Work.settle(args);
        int n = 40;
        Holder h = new Holder();
        Thread worker = new Thread(() -> {
            int x = 0;
            for (int i = 0; i < n; i++) {
                x = Work.spin(1500, x + i);
                step(h, i, x);
            }
        }, "worker");
        worker.start();
        for (int i = 0; i < n; i++) {
            if (i % 8 == 0) {
                System.out.println("main at " + i);
            }
            step(h, i, Work.spin(200, i));
        }
        worker.join();
        System.out.println("counter " + COUNTER.get() + " hits " + h.hits.get() + " expected " + 2 * n);
    }
}
