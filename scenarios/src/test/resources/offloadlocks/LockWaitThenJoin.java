package offloadlocks;

/**
 * The phone's main thread waits for a lock the server owns, then joins a thread that is still
 * running: the join must wait for it. (The wait for the lock used to leave main's block phase
 * at "woken", so its next blocking call, this join, returned at once and main printed slow=0.)
 *
 * <p>Timeline under {@code always} over comet-wifi: {@code holder} takes {@code LOCK} and spins;
 * after the set-up (about 20 ms) it migrates to the server holding it, and the lock's ownership
 * goes with it. {@code slow} sleeps until 300 ms. {@code main} sleeps until 100 ms, then (no
 * safepoint in between, so it is still on the phone) enters {@code LOCK}, which the server owns.
 */
public final class LockWaitThenJoin {
    static final Object LOCK = new Object();
    static long spun;
    static int slowResult;

    private LockWaitThenJoin() {
    }

    static final class Holder extends Thread {
        Holder() {
            super("holder");
        }

        @Override
        public void run() {
            synchronized (LOCK) {
                long x = 1;
                for (int i = 0; i < 1_000_000; i++) {
                    x += i ^ (x >>> 3);
                }
                spun = x;
            }
        }
    }

    static final class Slow extends Thread {
        Slow() {
            super("slow");
        }

        @Override
        public void run() {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            slowResult = 42;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread holder = new Holder();
        Thread slow = new Slow();
        holder.start();
        slow.start();
        Thread.sleep(100);
        long seen;
        synchronized (LOCK) {
            seen = spun;
        }
        slow.join();
        System.out.println("slow=" + slowResult + " spun=" + seen);
    }
}
