package interruptfailure;

/**
 * A worker spins until interrupted, then computes a while before printing: under {@code always}
 * it runs on the server, the interrupt reaches it there, and the print (a phone native) brings it
 * back only after the computation, a window in which the server's answer to the interrupt has
 * reached the phone but no push of the server reflects the interrupt yet. The spin bound is far
 * beyond what any JVM runs in the 40 ms before the interrupt (a bound of 10^8 did not hold on a
 * fast idle host: the oracle gave up first); without the fix under test the resumed worker spins
 * until the test's hang guard stops it.
 */
public class InterruptedThenCompute {
    static volatile long sink;

    public static void main(String[] args) throws Exception {
        Thread worker = new Thread(() -> {
            long spins = 0;
            while (!Thread.currentThread().isInterrupted() && spins < 50_000_000_000L) {
                spins++;
            }
            boolean interrupted = Thread.currentThread().isInterrupted();
            long x = 0;
            for (int i = 0; i < 3_000_000; i++) {
                x += (long) i * i % 7;
            }
            sink = x;
            System.out.println(interrupted ? "the worker saw the interrupt" : "the worker gave up waiting");
        }, "worker");
        worker.start();
        Thread.sleep(40);
        worker.interrupt();
        worker.join();
        System.out.println("done");
    }
}
