package litmus;

/**
 * Interrupts of threads that run on the server: one asleep, one in Object.wait, one polling its
 * own interrupt status. Each computes first (so it is moved to the server), announces through a
 * volatile that it is about to block or poll, and main (on the phone: it printed) interrupts it.
 * The sleeper and the waiter get InterruptedException (their status cleared), the poller sees its
 * status set; after join, main reads each one's status as the thread left it.
 */
public class RemoteInterrupt {
    static volatile boolean sleeperReady;
    static volatile boolean waiterReady;
    static volatile boolean pollerReady;
    static final String[] outcome = new String[3];

    public static void main(String[] args) throws Exception {
        Work.settle(args);
        Object lock = new Object();
        Thread sleeper = new Thread(() -> {
            int x = Work.spin(150000, 1);
            sleeperReady = true;
            try {
                Thread.sleep(600_000);
                outcome[0] = "sleeper woke normally";
            } catch (InterruptedException e) {
                outcome[0] = "sleeper: " + e.getMessage() + ", status now " + Thread.currentThread().isInterrupted()
                        + " (" + (x != 0) + ")";
            }
        }, "sleeper");
        Thread waiter = new Thread(() -> {
            int x = Work.spin(150000, 2);
            synchronized (lock) {
                waiterReady = true;
                try {
                    lock.wait();
                    outcome[1] = "waiter woke normally";
                } catch (InterruptedException e) {
                    outcome[1] = "waiter: interrupted in wait, holds the lock " + Thread.holdsLock(lock) + " (" + (x != 0) + ")";
                }
            }
        }, "waiter");
        Thread poller = new Thread(() -> {
            int x = Work.spin(150000, 3);
            pollerReady = true;
            long polls = 0;
            while (!Thread.currentThread().isInterrupted()) {
                x = Work.spin(50, x);
                polls++;
            }
            outcome[2] = "poller: saw its status " + Thread.currentThread().isInterrupted() + " (" + (polls > 0) + ")";
        }, "poller");
        sleeper.start();
        poller.start();
        waiter.start();
        int spins = 0;
        while (!sleeperReady || !waiterReady || !pollerReady) {
            Work.spin(30, spins++);
        }
        System.out.println("all three are running");
        sleeper.interrupt();
        poller.interrupt();
        synchronized (lock) {
            waiter.interrupt();
        }
        sleeper.join();
        waiter.join();
        poller.join();
        for (String o : outcome) {
            System.out.println(o);
        }
        System.out.println("after join: " + sleeper.isInterrupted() + " " + waiter.isInterrupted() + " "
                + poller.isInterrupted());
    }
}
