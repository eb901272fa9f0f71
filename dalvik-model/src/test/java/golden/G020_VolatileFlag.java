package golden;

/** A worker spins on a volatile flag until main sets it; a second pair hands off a value through volatile publication. */
public class G020_VolatileFlag {
    static volatile boolean stop;
    static volatile int published;
    static int payload;

    public static void main(String[] args) throws InterruptedException {
        long[] iterations = new long[1];
        Thread spinner = new Thread(() -> {
            long n = 0;
            while (!stop) n++;
            iterations[0] = n;
        }, "spinner");
        spinner.start();
        Thread.sleep(20);
        stop = true;
        spinner.join();
        System.out.println("spinner stopped: " + !spinner.isAlive() + " iterated: " + (iterations[0] >= 0));

        Thread reader = new Thread(() -> {
            while (published == 0) Thread.onSpinWait();
            System.out.println("reader saw payload " + payload + " published " + published);
        }, "reader");
        reader.start();
        payload = 4242;
        published = 1;
        reader.join();

        volatile_long_test();
        System.out.println("done");
    }

    static volatile long wide = 0;
    static void volatile_long_test() throws InterruptedException {
        Thread w = new Thread(() -> { for (int i = 0; i < 10000; i++) wide = (i % 2 == 0) ? 0L : -1L; });
        boolean[] torn = new boolean[1];
        Thread r = new Thread(() -> { for (int i = 0; i < 10000; i++) { long v = wide; if (v != 0L && v != -1L) torn[0] = true; } });
        w.start(); r.start(); w.join(); r.join();
        System.out.println("volatile long torn: " + torn[0]);
    }
}
