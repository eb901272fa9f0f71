package hooktarget;

import java.util.Arrays;

/** Guest code for moving threads, monitors and class-initialisation state between VMs. */
public class Migrating {
    static final Object A = new Object();
    static final Object B = new Object();
    static final Object LOCK = new Object();
    static boolean ready;
    static final StringBuilder LOG = new StringBuilder();

    /** Holds A twice and B once around a loop with safepoints. */
    public static long nested(int n) {
        long s = 0;
        synchronized (A) {
            synchronized (A) {
                synchronized (B) {
                    for (int i = 0; i < n; i++) {
                        s += Loop.step(i);
                    }
                }
            }
        }
        return s;
    }

    /** A thread waits on LOCK; main calls {@link #marker} once it waits, then notifies it. */
    public static String waitAndNotify() throws Exception {
        Thread w = new Thread(() -> {
            synchronized (LOCK) {
                synchronized (LOCK) {
                    while (!ready) {
                        try {
                            LOCK.wait();
                        } catch (InterruptedException e) {
                            LOG.append("interrupted;");
                        }
                    }
                }
                LOG.append("woken;");
            }
        }, "waiter");
        w.start();
        Thread.sleep(5);
        marker();
        synchronized (LOCK) {
            ready = true;
            LOCK.notifyAll();
        }
        w.join();
        return LOG.toString();
    }

    /** A thread blocks inside a comparator called by the host's Arrays.sort (a host callback). */
    public static String blockedInACallback() throws Exception {
        Thread w;
        synchronized (LOCK) {
            w = new Thread(() -> {
                Integer[] xs = {3, 1, 2};
                Arrays.sort(xs, (x, y) -> {
                    synchronized (LOCK) {
                        return Integer.compare(x, y);
                    }
                });
                LOG.append(Arrays.toString(xs));
            }, "sorter");
            w.start();
            Thread.sleep(5);
            marker();
        }
        w.join();
        return LOG.toString();
    }

    /** Catches an exception every third iteration (THROW safepoints with a pending exception). */
    public static long catches(int n) {
        long c = 0;
        for (int i = 0; i < n; i++) {
            try {
                if (i % 3 == 0) {
                    throw new IllegalStateException("x" + i);
                }
                c += i;
            } catch (IllegalStateException e) {
                c += e.getMessage().length();
            }
        }
        return c;
    }

    /** Called where the test moves another thread (it subscribes to method events). */
    public static void marker() {
    }

    /** A class whose initialiser fails. */
    public static class Failing {
        static final int VALUE = Integer.parseInt("not a number");
    }

    /** A class whose initialiser prints. */
    public static class Loud {
        static int value = 1;

        static {
            System.out.println("Loud initialised");
            value = 2;
        }

        public static int value() {
            return value;
        }
    }

    public static String useFailing() {
        try {
            return "value " + Failing.VALUE;
        } catch (Throwable e) {
            return e.getClass().getName();
        }
    }
}
