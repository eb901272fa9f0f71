package golden.exit;

/**
 * A worker calls System.exit(4) while main waits forever: the hooks run, and other threads keep
 * running meanwhile (the hook stops a spinning non-daemon thread and joins it); a second
 * System.exit(99), called by another thread while the hooks run, blocks that thread (BLOCKED,
 * as on the JVM's shutdown lock) and changes nothing: the VM exits with 4.
 */
public class GE06_ExitFromThreadRunsHooks {
    static volatile boolean stop;
    static volatile boolean exitAgain;

    public static void main(String[] args) throws InterruptedException {
        Object lock = new Object();
        Thread spinner = new Thread(() -> {
            while (!stop) {
                Thread.yield();
            }
            System.out.println("spinner sees stop");
        }, "spinner");
        Thread secondExiter = new Thread(() -> {
            while (!exitAgain) {
                Thread.yield();
            }
            System.exit(99);
            System.out.println("after the second exit (must not appear)");
        }, "second-exiter");
        secondExiter.setDaemon(true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop = true;
            try {
                spinner.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            System.out.println("hook: spinner joined");
            exitAgain = true;
            while (secondExiter.getState() != Thread.State.BLOCKED) {
                Thread.yield();
            }
            System.out.println("hook: the second exit blocks its caller: " + secondExiter.getState() + " alive=" + secondExiter.isAlive());
        }, "hook"));
        Thread exiter = new Thread(() -> {
            System.out.println("exiter: exit 4");
            System.exit(4);
        }, "exiter");
        System.out.println("main: starting threads");
        spinner.start();
        secondExiter.start();
        synchronized (lock) {
            exiter.start();
            lock.wait(); // never notified
        }
        System.out.println("main: woke up (must not appear)");
    }
}
