package lockhandoff;

/**
 * A lock another thread took after the migrating thread released it stays behind (COMET's
 * handoff gives away only locks whose last owner is the mover).
 *
 * <p>Timeline under {@code always} over comet-wifi: {@code mover} enters {@code SHARED} at once,
 * then sleeps; {@code main} enters it at 20 ms, so main is its last owner. At 50 ms the mover
 * spins and migrates at its first evaluation, with {@code SHARED} still in its list of recent
 * locks. At 150 ms main enters {@code SHARED} again: still owned by the phone, no round trip.
 */
public final class TakenSince {
    static final Object SHARED = new Object();
    static int entries;
    static long spun;

    private TakenSince() {
    }

    static final class Mover extends Thread {
        Mover() {
            super("mover");
        }

        @Override
        public void run() {
            synchronized (SHARED) {
                entries++;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            long x = 1;
            for (int i = 0; i < 1_000_000; i++) {
                x += i ^ (x >>> 3);
            }
            spun = x;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Thread mover = new Mover();
        mover.start();
        Thread.sleep(20);
        synchronized (SHARED) {
            entries++;
        }
        Thread.sleep(130);
        synchronized (SHARED) {
            entries++;
        }
        mover.join();
        System.out.println("entries=" + entries + " spun=" + spun);
    }
}
