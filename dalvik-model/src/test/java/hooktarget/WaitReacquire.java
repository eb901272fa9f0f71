package hooktarget;

/**
 * A waiter woken while its notifier still holds the monitor (the notifier sleeps inside it): the
 * waiter's re-acquire finds the monitor owned by another thread.
 */
public class WaitReacquire {
    public static String run() throws InterruptedException {
        Object lock = new Object();
        boolean[] waiting = new boolean[1];
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                waiting[0] = true;
                try {
                    while (waiting[0]) {
                        lock.wait();
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "waiter");
        waiter.start();
        while (true) {
            synchronized (lock) {
                if (waiting[0]) {
                    waiting[0] = false;
                    lock.notify();
                    Thread.sleep(20); // holds the monitor while the waiter is woken
                    break;
                }
            }
            Thread.sleep(1);
        }
        waiter.join();
        return "handed off";
    }
}
