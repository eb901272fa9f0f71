package golden;

/** wait/notify/notifyAll producer-consumer with a bounded buffer: 2 producers, 2 consumers; checksums are interleaving-independent. */
public class G016_ProducerConsumer {
    static final class BoundedBuffer {
        private final int[] items; private int head, tail, count; int maxSeen; int waitsFull, waitsEmpty;
        BoundedBuffer(int cap) { items = new int[cap]; }
        synchronized void put(int v) throws InterruptedException {
            while (count == items.length) { waitsFull++; wait(); }
            items[tail] = v; tail = (tail + 1) % items.length; count++;
            if (count > maxSeen) maxSeen = count;
            notifyAll();
        }
        synchronized int take() throws InterruptedException {
            while (count == 0) { waitsEmpty++; wait(); }
            int v = items[head]; head = (head + 1) % items.length; count--;
            notifyAll();
            return v;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        BoundedBuffer buf = new BoundedBuffer(4);
        final int perProducer = 500;
        long[] consumedSum = new long[2];
        int[] consumedCount = new int[2];
        Thread[] producers = new Thread[2], consumers = new Thread[2];
        for (int p = 0; p < 2; p++) {
            final int base = p * 100000;
            producers[p] = new Thread(() -> {
                try { for (int i = 1; i <= perProducer; i++) buf.put(base + i); } catch (InterruptedException e) { throw new RuntimeException(e); }
            }, "producer-" + p);
        }
        for (int c = 0; c < 2; c++) {
            final int id = c;
            consumers[c] = new Thread(() -> {
                try {
                    while (true) {
                        int v = buf.take();
                        if (v < 0) break;                  // poison pill
                        consumedSum[id] += v; consumedCount[id]++;
                    }
                } catch (InterruptedException e) { throw new RuntimeException(e); }
            }, "consumer-" + c);
        }
        for (Thread t : consumers) t.start();
        for (Thread t : producers) t.start();
        for (Thread t : producers) t.join();
        buf.put(-1); buf.put(-1);
        for (Thread t : consumers) t.join();
        long expected = 0;
        for (int p = 0; p < 2; p++) for (int i = 1; i <= perProducer; i++) expected += p * 100000 + i;
        System.out.println("consumed " + (consumedCount[0] + consumedCount[1]) + " items, sum " + (consumedSum[0] + consumedSum[1]) + ", expected " + expected);
        System.out.println("buffer bounded: " + (buf.maxSeen <= 4) + ", empty at end: " + (buf.count == 0));

        // strict alternation ping-pong: the hand-off makes the print order deterministic
        final Object lock = new Object();
        final int[] turn = { 0 };
        StringBuilder trace = new StringBuilder();
        Thread[] players = new Thread[3];
        for (int p = 0; p < 3; p++) {
            final int me = p;
            players[p] = new Thread(() -> {
                for (int round = 0; round < 4; round++) {
                    synchronized (lock) {
                        while (turn[0] % 3 != me) {
                            try { lock.wait(); } catch (InterruptedException e) { return; }
                        }
                        trace.append("p").append(me).append('r').append(round).append(' ');
                        turn[0]++;
                        lock.notifyAll();
                    }
                }
            });
        }
        for (Thread t : players) t.start();
        for (Thread t : players) t.join();
        System.out.println("ping-pong: " + trace.toString().trim());

        // timed wait with no notifier returns after the timeout
        synchronized (lock) { lock.wait(10); }
        System.out.println("timed wait returned");
        // notify with nobody waiting is a no-op
        synchronized (lock) { lock.notify(); lock.notifyAll(); }
        System.out.println("done");
    }
}
