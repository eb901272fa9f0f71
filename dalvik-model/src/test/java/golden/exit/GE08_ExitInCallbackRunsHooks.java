package golden.exit;

import java.util.Arrays;

/**
 * System.exit(6) reached while main is inside a host call: main's comparator (called by the
 * JDK's Arrays.sort) joins a worker, and the worker exits while main waits there. The hooks run
 * with main still alive inside the callback; exit status 6; nothing after the sort runs.
 */
public class GE08_ExitInCallbackRunsHooks {
    public static void main(String[] args) {
        Thread main = Thread.currentThread();
        Thread worker = new Thread(() -> {
            System.out.println("worker: exit 6 while main is in the comparator");
            System.exit(6);
        }, "worker");
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                System.out.println("hook: main alive=" + main.isAlive()), "hook"));
        String[] words = {"pear", "fig", "apple"};
        Arrays.sort(words, (x, y) -> {
            if (!worker.isAlive() && worker.getState() == Thread.State.NEW) {
                System.out.println("comparator: starting the worker and joining it");
                worker.start();
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                System.out.println("comparator: worker joined (must not appear)");
            }
            return x.compareTo(y);
        });
        System.out.println("sorted (must not appear): " + Arrays.toString(words));
    }
}
