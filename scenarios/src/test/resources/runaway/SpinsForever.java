package runaway;

/** Never ends: a worker spins (on the server, under {@code always}) while main waits for it. */
public class SpinsForever {
    static volatile boolean stop;

    public static void main(String[] args) throws Exception {
        System.out.println("started");
        Thread worker = new Thread(() -> {
            long n = 0;
            while (!stop) {
                n++;
            }
            System.out.println(n);
        }, "spinner");
        worker.start();
        worker.join();
    }
}
