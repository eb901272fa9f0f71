package golden;

/** An uncaught exception in a worker goes to stderr (default handler) and kills only that thread; main continues. Custom handler too. */
public class G019_UncaughtInWorker {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("main: starting worker that will throw");
        Thread bad = new Thread(() -> { throw new IllegalStateException("worker failure"); }, "bad-worker");
        bad.start();
        bad.join();
        System.out.println("main: worker finished, alive=" + bad.isAlive() + ", main continues");

        final String[] seen = new String[1];
        Thread handled = new Thread(() -> { int[] a = new int[1]; a[2] = 1; }, "handled-worker");
        handled.setUncaughtExceptionHandler((t, e) -> seen[0] = t.getName() + " -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
        handled.start();
        handled.join();
        System.out.println("handler saw: " + seen[0]);

        Thread npe = new Thread(() -> { Object o = null; o.hashCode(); });
        npe.start();
        npe.join();
        System.out.println("main: after NPE worker; result " + compute());
    }
    static int compute() { int s = 0; for (int i = 0; i < 10; i++) s += i; return s; }
}
