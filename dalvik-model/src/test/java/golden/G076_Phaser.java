package golden;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Phaser (the guest library's, root phasers): registration and arrival counts and phases, the
 * unregistered-arrival error, arriveAndDeregister down to termination, onAdvance overridden to
 * stop after some phases (what the last arriver and the waiters get back), forceTermination,
 * awaitAdvance on old and negative phases, a timed await that times out on the VM's clock, and
 * guest threads stepping through phases together (each phase's work complete before the next).
 */
public class G076_Phaser {
    public static void main(String[] args) throws Exception {
        Phaser p = new Phaser();
        System.out.println("new: phase " + p.getPhase() + " parties " + p.getRegisteredParties() + " arrived "
                + p.getArrivedParties() + " unarrived " + p.getUnarrivedParties() + " terminated " + p.isTerminated()
                + " root " + (p.getRoot() == p) + " parent " + p.getParent());
        try {
            p.arrive();
        } catch (IllegalStateException e) {
            System.out.println("arrive unregistered: ISE " + e.getMessage().startsWith("Attempted arrival of unregistered party for "));
        }
        System.out.println("register: " + p.register() + " " + p.bulkRegister(2) + " " + p.bulkRegister(0) + " parties "
                + p.getRegisteredParties());
        System.out.println("arrive: " + p.arrive() + " " + p.arrive() + " arrived " + p.getArrivedParties() + " phase " + p.getPhase());
        System.out.println("last arrive: " + p.arrive() + " phase " + p.getPhase() + " unarrived " + p.getUnarrivedParties());
        System.out.println("awaitAdvance old phase: " + p.awaitAdvance(0) + " negative: " + p.awaitAdvance(-5));
        System.out.println("deregister: " + p.arriveAndDeregister() + " " + p.arriveAndDeregister() + " parties "
                + p.getRegisteredParties() + " phase " + p.getPhase());
        System.out.println("last deregister: " + p.arriveAndDeregister() + " phase " + p.getPhase() + " terminated " + p.isTerminated()
                + " register after: " + p.register() + " arrive after: " + p.arrive() + " await: " + p.awaitAdvance(2));
        try {
            new Phaser(-1);
        } catch (IllegalArgumentException e) {
            System.out.println("negative parties: IAE");
        }
        try {
            new Phaser(65536);
        } catch (IllegalArgumentException e) {
            System.out.println("too many parties: IAE");
        }

        Phaser single = new Phaser(1);
        System.out.println("single: " + single.arriveAndAwaitAdvance() + " " + single.arriveAndAwaitAdvance() + " " + single.getPhase());
        single.forceTermination();
        System.out.println("forced: " + single.getPhase() + " " + single.isTerminated() + " " + single.arriveAndAwaitAdvance()
                + " " + single.arrive());

        Phaser timed = new Phaser(2);
        timed.arrive();
        try {
            timed.awaitAdvanceInterruptibly(0, 20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            System.out.println("timed await: TimeoutException phase " + timed.getPhase() + " arrived " + timed.getArrivedParties());
        }

        // Workers stepping through phases; onAdvance stops after 4 phases.
        final int workers = 3;
        int[][] done = new int[5][workers];
        AtomicInteger advances = new AtomicInteger();
        StringBuilder complete = new StringBuilder();
        Phaser phaser = new Phaser(workers) {
            @Override
            protected boolean onAdvance(int phase, int registeredParties) {
                advances.incrementAndGet();
                int s = 0;
                for (int v : done[phase]) {
                    s += v;
                }
                complete.append(phase).append(':').append(s).append(' ');
                return phase >= 3 || registeredParties == 0;
            }
        };
        int[] lastReturn = new int[workers];
        Thread[] ts = new Thread[workers];
        for (int t = 0; t < workers; t++) {
            final int id = t;
            ts[t] = new Thread(() -> {
                int r = 0;
                while (!phaser.isTerminated()) {
                    int ph = phaser.getPhase();
                    done[ph][id] = (ph + 1) * 10 + id;
                    r = phaser.arriveAndAwaitAdvance();
                }
                lastReturn[id] = r;
            });
            ts[t].start();
        }
        for (Thread t : ts) {
            t.join();
        }
        int positive = 0;
        int negative = 0;
        for (int r : lastReturn) {
            if (r == 4) {
                positive++;
            } else if (r == 4 + Integer.MIN_VALUE) {
                negative++;
            }
        }
        System.out.println("workers: advances " + advances + " sums " + complete + "final phase " + phaser.getPhase()
                + " last arriver got 4: " + positive + ", waiters got terminated phase: " + negative);
    }
}
