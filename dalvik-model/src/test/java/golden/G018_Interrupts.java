package golden;

/** Interrupting a sleeping thread, a waiting thread and a busy thread; interrupt status semantics. */
public class G018_Interrupts {
    public static void main(String[] args) throws InterruptedException {
        String[] result = new String[3];
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(10_000);
                result[0] = "slept fully";
            } catch (InterruptedException e) {
                result[0] = "sleeper interrupted: " + e.getMessage() + ", flag now " + Thread.currentThread().isInterrupted();
            }
        }, "sleeper");
        sleeper.start();
        while (sleeper.getState() != Thread.State.TIMED_WAITING) Thread.sleep(1);
        sleeper.interrupt();
        sleeper.join();
        System.out.println(result[0]);

        Object lock = new Object();
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                try {
                    lock.wait();
                    result[1] = "notified";
                } catch (InterruptedException e) {
                    result[1] = "waiter interrupted, holds lock: " + Thread.holdsLock(lock);
                }
            }
        }, "waiter");
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) Thread.sleep(1);
        waiter.interrupt();
        waiter.join();
        System.out.println(result[1]);

        Thread busy = new Thread(() -> {
            long spins = 0;
            while (!Thread.currentThread().isInterrupted()) spins++;
            boolean first = Thread.interrupted();          // clears the flag
            boolean second = Thread.interrupted();
            result[2] = "busy saw interrupt: " + first + " then " + second + " spun>0 " + (spins >= 0);
        }, "busy");
        busy.start();
        Thread.sleep(5);
        busy.interrupt();
        busy.join();
        System.out.println(result[2]);

        Thread.currentThread().interrupt();
        try {
            Thread.sleep(1000);
            System.out.println("main slept?!");
        } catch (InterruptedException e) {
            System.out.println("pending interrupt makes sleep throw at once: " + e.getMessage() + " flag cleared: " + !Thread.currentThread().isInterrupted());
        }
        Thread done = new Thread(() -> { });
        done.start();
        done.join();
        done.interrupt();                                  // interrupting a dead thread is harmless
        System.out.println("interrupt on dead thread ok, isInterrupted=" + done.isInterrupted());
    }
}
