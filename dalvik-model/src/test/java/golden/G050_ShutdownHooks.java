package golden;

import java.util.concurrent.CountDownLatch;

/**
 * Shutdown hooks when main returns: they start after the last non-daemon thread has ended, all of
 * them (a daemon hook too), as threads running side by side (each waits for the one before it, so
 * the transcript does not depend on the order in which the JVM starts them), while daemon threads
 * keep running; a removed hook does not run; registration errors (twice, null, during shutdown).
 */
public class G050_ShutdownHooks {
    static final CountDownLatch mainReturned = new CountDownLatch(1);
    static final CountDownLatch hookA = new CountDownLatch(1);
    static final CountDownLatch daemonSawHooks = new CountDownLatch(1);
    static final CountDownLatch hookB = new CountDownLatch(1);

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) {
        Runtime rt = Runtime.getRuntime();
        Thread a = new Thread(() -> {
            System.out.println("hook A runs in " + Thread.currentThread().getName());
            hookA.countDown();
        }, "hook-A");
        Thread b = new Thread(() -> {
            await(daemonSawHooks);
            System.out.println("hook B after the daemon thread; daemon=" + Thread.currentThread().isDaemon());
            hookB.countDown();
        }, "hook-B");
        Thread c = new Thread(() -> {
            await(hookB);
            System.out.println("hook C after B; daemon=" + Thread.currentThread().isDaemon());
            try {
                rt.addShutdownHook(new Thread(() -> System.out.println("late hook must NOT run")));
            } catch (IllegalStateException e) {
                System.out.println("add during shutdown: " + e);
            }
            System.out.flush();
            System.err.println("hook C writes to stderr too");
        }, "hook-C");
        c.setDaemon(true);
        Thread removed = new Thread(() -> System.out.println("removed hook must NOT run"), "removed");
        rt.addShutdownHook(c);
        rt.addShutdownHook(a);
        rt.addShutdownHook(b);
        rt.addShutdownHook(removed);
        System.out.println("remove: " + rt.removeShutdownHook(removed) + " " + rt.removeShutdownHook(removed)
                + " " + rt.removeShutdownHook(new Thread()));
        try {
            rt.addShutdownHook(a);
        } catch (IllegalArgumentException e) {
            System.out.println("twice: " + e.getMessage());
        }
        try {
            rt.addShutdownHook(null);
        } catch (NullPointerException e) {
            System.out.println("null hook: NullPointerException");
        }
        Thread daemon = new Thread(() -> {
            await(hookA);
            System.out.println("daemon thread runs while the hooks run");
            daemonSawHooks.countDown();
        }, "daemon");
        daemon.setDaemon(true);
        daemon.start();
        Thread worker = new Thread(() -> {
            await(mainReturned);
            System.out.println("worker ends after main: the hooks wait for it");
        }, "worker");
        worker.start();
        System.out.println("main returns");
        mainReturned.countDown();
    }
}
