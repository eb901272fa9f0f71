package golden.exit;

import java.util.concurrent.CountDownLatch;

/**
 * System.exit(7) from main runs the shutdown hooks (all of them, side by side: the second waits for
 * the first), then the VM exits with 7; main's finally block never runs, and while the hooks run
 * main is alive, waiting for them.
 */
public class GE05_ExitRunsHooks {
    public static void main(String[] args) {
        Thread main = Thread.currentThread();
        CountDownLatch first = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("first hook runs in " + Thread.currentThread().getName());
            first.countDown();
        }, "first-hook"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                first.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            while (main.getState() != Thread.State.WAITING) {
                Thread.yield();
            }
            System.out.println("second hook: main alive=" + main.isAlive() + " state=" + main.getState());
        }, "second-hook"));
        try {
            System.out.println("exiting with 7");
            System.exit(7);
        } finally {
            System.out.println("finally must NOT run after System.exit");
        }
        System.out.println("after exit (must not appear)");
    }
}
