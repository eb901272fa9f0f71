package litmus;

/**
 * Start on one side, join on the other: main starts workers (starting is done on the phone), each
 * computes on the server and leaves its results in plain fields and array elements, and ends
 * there; main joins them (on the phone) and must see everything they wrote (a thread's end
 * happens-before join returns), including an object a worker made.
 */
public class StartJoin {
    static final class Result {
        long sum;
        int[] histogram;
        String label;
    }

    public static void main(String[] args) throws Exception {
        Work.settle(args);
        int workers = 3;
        Result[] results = new Result[workers];
        long[] totals = new long[workers];
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            final int id = w;
            threads[w] = new Thread(() -> {
                Result r = new Result();
                r.histogram = new int[8];
                long sum = 0;
                for (int i = 0; i < 300; i++) {
                    int x = Work.spin(60, id * 1000 + i);
                    r.histogram[x & 7]++;
                    sum += x & 0xffff;
                }
                r.sum = sum;
                r.label = "worker " + id;
                results[id] = r;
                totals[id] = sum * 2;
            }, "worker-" + w);
        }
        for (Thread t : threads) {
            t.start();
        }
        System.out.println("started " + workers);
        long mine = 0;
        for (int i = 0; i < 200; i++) {
            mine += Work.spin(50, i) & 0xff;
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("main computed " + mine);
        for (int w = 0; w < workers; w++) {
            Result r = results[w];
            System.out.println(r.label + ": sum " + r.sum + " total " + totals[w] + " histogram "
                    + java.util.Arrays.toString(r.histogram) + " alive " + threads[w].isAlive());
        }
    }
}
