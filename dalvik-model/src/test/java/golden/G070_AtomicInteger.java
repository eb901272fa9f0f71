package golden;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * AtomicInteger (the guest library's, on VM natives for its read-modify-writes): every method and
 * its result, overflow, the functional updates (including a function that reads the value it
 * updates), Number conversions, toString and string concatenation, a subclass, a value shared by
 * threads whose increments and compare-and-set loops race (no update lost), and an
 * AtomicInteger held in a collection and compared by identity.
 */
public class G070_AtomicInteger {
    static class Named extends AtomicInteger {
        final String name;

        Named(String name, int v) {
            super(v);
            this.name = name;
        }

        @Override
        public String toString() {
            return name + "=" + get();
        }
    }

    public static void main(String[] args) throws Exception {
        AtomicInteger a = new AtomicInteger();
        System.out.println("new: " + a + " " + a.get() + " " + new AtomicInteger(-7));
        a.set(5);
        a.lazySet(6);
        System.out.println("set/lazySet: " + a.get());
        System.out.println("getAndSet: " + a.getAndSet(9) + " -> " + a.get());
        System.out.println("compareAndSet: " + a.compareAndSet(1, 2) + " " + a.compareAndSet(9, 10) + " -> " + a);
        System.out.println("weakCompareAndSetPlain: " + a.weakCompareAndSetPlain(10, 11) + " "
                + a.weakCompareAndSetVolatile(0, 1) + " " + a.weakCompareAndSetAcquire(11, 12) + " "
                + a.weakCompareAndSetRelease(12, 13) + " -> " + a);
        System.out.println("increments: " + a.getAndIncrement() + " " + a.incrementAndGet() + " "
                + a.getAndDecrement() + " " + a.decrementAndGet() + " -> " + a);
        System.out.println("adds: " + a.getAndAdd(100) + " " + a.addAndGet(-50) + " " + a.getAndAdd(0) + " -> " + a);
        System.out.println("updates: " + a.getAndUpdate(x -> x * 2) + " " + a.updateAndGet(x -> x + 1) + " -> " + a);
        System.out.println("accumulate: " + a.getAndAccumulate(3, Math::max) + " " + a.accumulateAndGet(1000, Integer::sum)
                + " -> " + a);
        System.out.println("exchange: " + a.compareAndExchange(0, 1) + " " + a.compareAndExchange(1127, 7) + " "
                + a.compareAndExchangeAcquire(7, 8) + " " + a.compareAndExchangeRelease(8, 9) + " -> " + a);
        a.setPlain(20);
        System.out.println("plain/opaque/acquire: " + a.getPlain() + " " + a.getOpaque() + " " + a.getAcquire());
        a.setOpaque(21);
        a.setRelease(22);
        System.out.println("opaque/release: " + a.get());

        AtomicInteger big = new AtomicInteger(Integer.MAX_VALUE);
        System.out.println("overflow: " + big.incrementAndGet() + " " + big.getAndDecrement() + " " + big.get());
        AtomicInteger n = new AtomicInteger(300);
        System.out.println("number: " + n.intValue() + " " + n.longValue() + " " + n.floatValue() + " "
                + n.doubleValue() + " " + n.byteValue() + " " + n.shortValue());
        Number asNumber = n;
        System.out.println("as Number: " + asNumber.intValue() + " " + (asNumber instanceof AtomicInteger));
        AtomicInteger self = new AtomicInteger(3);
        System.out.println("function reading it: " + self.updateAndGet(x -> x + self.get()) + " -> " + self);

        Named named = new Named("hits", 4);
        named.incrementAndGet();
        System.out.println("subclass: " + named + " " + named.compareAndSet(5, 6) + " " + named.name + " " + named.get());
        java.util.List<AtomicInteger> list = new java.util.ArrayList<>();
        list.add(a);
        list.add(new AtomicInteger(22));
        System.out.println("identity: " + list.indexOf(a) + " " + list.contains(new AtomicInteger(22)) + " " + list);

        AtomicInteger shared = new AtomicInteger();
        AtomicInteger casWins = new AtomicInteger();
        Thread[] threads = new Thread[4];
        for (int k = 0; k < threads.length; k++) {
            final int id = k;
            threads[k] = new Thread(() -> {
                for (int i = 0; i < 2000; i++) {
                    if (id % 2 == 0) {
                        shared.incrementAndGet();
                    } else {
                        int v;
                        do {
                            v = shared.get();
                        } while (!shared.compareAndSet(v, v + 1));
                        casWins.incrementAndGet();
                    }
                }
            });
            threads[k].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("raced: " + shared.get() + " (cas loops won " + casWins.get() + ")");
    }
}
