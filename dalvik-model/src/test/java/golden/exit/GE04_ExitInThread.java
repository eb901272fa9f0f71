package golden.exit;

/** A worker calls System.exit(5) while main is blocked in wait(): the whole VM exits with status 5 and main prints nothing more. */
public class GE04_ExitInThread {
    public static void main(String[] args) throws InterruptedException {
        Object lock = new Object();
        Thread w = new Thread(() -> {
            synchronized (lock) { System.out.println("worker: main is waiting, exiting with 5"); }
            System.exit(5);
        }, "exiter");
        w.setDaemon(false);
        System.out.println("main: starting worker");
        synchronized (lock) {
            w.start();
            lock.wait();                    // released by wait(); never notified
        }
        System.out.println("main: woke up (must not appear)");
    }
}
