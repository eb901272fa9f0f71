package golden.exit;

import java.util.concurrent.CountDownLatch;

/**
 * Runtime.halt(11) inside a shutdown hook (after System.exit(3) from main) stops the VM at once,
 * with 11: a second hook, waiting for something that never happens, does not keep it alive.
 */
public class GE09_HaltInHook {
    public static void main(String[] args) {
        CountDownLatch never = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            System.out.println("waiting hook must NOT finish");
        }, "waiting-hook"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("halting hook: halt(11)");
            Runtime.getRuntime().halt(11);
        }, "halting-hook"));
        System.out.println("exiting with 3");
        System.exit(3);
    }
}
