package golden;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CyclicBarrier (the guest library's): guest threads meeting over several generations with a
 * barrier action (run once per trip, before any party goes on), arrival indices (each index used
 * once per generation), a barrier broken by an interrupted party and by a timeout (the others get
 * BrokenBarrierException), reset, a failing barrier action, and the argument check. Outputs do not
 * depend on which thread arrives last.
 */
public class G074_CyclicBarrier {
    public static void main(String[] args) throws Exception {
        final int parties = 4;
        final int rounds = 5;
        AtomicInteger trips = new AtomicInteger();
        int[] phaseSums = new int[rounds];
        int[][] work = new int[rounds][parties];
        CyclicBarrier barrier = new CyclicBarrier(parties, () -> {
            int r = trips.getAndIncrement();
            int s = 0;
            for (int v : work[r]) {
                s += v;
            }
            phaseSums[r] = s;
        });
        AtomicInteger indexMask = new AtomicInteger();
        Thread[] ts = new Thread[parties];
        for (int t = 0; t < parties; t++) {
            final int id = t;
            ts[t] = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        work[r][id] = (r + 1) * (id + 1);
                        int index = barrier.await();
                        indexMask.getAndAccumulate(1 << (r * parties + index), (a, b) -> a | b);
                        if (phaseSums[r] == 0) {
                            throw new IllegalStateException("action did not run before release");
                        }
                    }
                } catch (InterruptedException | BrokenBarrierException e) {
                    throw new RuntimeException(e);
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println("trips " + trips + " sums " + java.util.Arrays.toString(phaseSums) + " indices all used "
                + (indexMask.get() == (1 << (rounds * parties)) - 1) + " waiting " + barrier.getNumberWaiting()
                + " broken " + barrier.isBroken() + " parties " + barrier.getParties());

        // An interrupted party breaks the barrier; the other waiter sees BrokenBarrierException.
        CyclicBarrier b2 = new CyclicBarrier(3);
        String[] outcome = new String[2];
        Thread[] w = new Thread[2];
        for (int i = 0; i < 2; i++) {
            final int id = i;
            w[i] = new Thread(() -> {
                try {
                    b2.await();
                    outcome[id] = "passed";
                } catch (InterruptedException e) {
                    outcome[id] = "interrupted";
                } catch (BrokenBarrierException e) {
                    outcome[id] = "broken";
                }
            });
        }
        w[0].start();
        while (b2.getNumberWaiting() < 1) {
            Thread.sleep(1);
        }
        w[1].start();
        while (b2.getNumberWaiting() < 2) {
            Thread.sleep(1);
        }
        w[0].interrupt();
        w[0].join();
        w[1].join();
        System.out.println("interrupt: " + outcome[0] + " " + outcome[1] + " broken " + b2.isBroken() + " waiting " + b2.getNumberWaiting());
        try {
            b2.await();
        } catch (BrokenBarrierException e) {
            System.out.println("await on broken: BrokenBarrierException");
        }
        b2.reset();
        System.out.println("reset: broken " + b2.isBroken());

        // A timeout breaks it too.
        CyclicBarrier b3 = new CyclicBarrier(2);
        try {
            b3.await(30, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.out.println("timeout: TimeoutException broken " + b3.isBroken());
        }
        try {
            b3.await(0, TimeUnit.MILLISECONDS);
        } catch (BrokenBarrierException e) {
            System.out.println("after timeout: BrokenBarrierException");
        }

        // A failing barrier action: the last party gets its exception, the others BrokenBarrierException.
        CyclicBarrier b4 = new CyclicBarrier(2, () -> {
            throw new IllegalStateException("action failed");
        });
        String[] r4 = new String[1];
        Thread other = new Thread(() -> {
            try {
                b4.await();
                r4[0] = "passed";
            } catch (BrokenBarrierException e) {
                r4[0] = "broken";
            } catch (InterruptedException e) {
                r4[0] = "interrupted";
            }
        });
        other.start();
        while (b4.getNumberWaiting() < 1) {
            Thread.sleep(1);
        }
        try {
            b4.await();
        } catch (IllegalStateException e) {
            System.out.println("action failure: " + e.getMessage());
        }
        other.join();
        System.out.println("other party: " + r4[0] + " broken " + b4.isBroken());

        CyclicBarrier single = new CyclicBarrier(1);
        System.out.println("single party: " + single.await() + " " + single.await());
        try {
            new CyclicBarrier(0);
        } catch (IllegalArgumentException e) {
            System.out.println("zero parties: IAE");
        }
    }
}
