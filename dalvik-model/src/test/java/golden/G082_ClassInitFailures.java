package golden;

import java.util.Arrays;

/**
 * Class initialisation (JVMS 5.5, issue #12): an exception from a static initializer is wrapped in
 * ExceptionInInitializerError (an Error is not), the class is then erroneous for good and every
 * later use throws NoClassDefFoundError whose cause names the first failure (JDK 17);
 * Class.forName with and without initialisation; a superclass whose initialisation fails; an
 * initializer that sleeps and reads another class, raced by four threads (one runs it, all see
 * its result); an initializer that starts a thread and waits for it without touching its class.
 */
public class G082_ClassInitFailures {
    static class Bad {
        static int x;

        static {
            x = 1;
            if (x == 1) {
                throw new IllegalStateException("boom");
            }
        }

        static void m() {
        }
    }

    static class NullInit {
        static final Object O = make();

        static Object make() {
            String s = null;
            return s.length();
        }
    }

    static class ErrInit {
        static int y;

        static {
            if (y == 0) {
                throw new AssertionError("ae");
            }
        }
    }

    static class CustomErrInit {
        static int z;

        static {
            if (z == 0) {
                throw new Error("custom");
            }
        }
    }

    static class BadParent {
        static int p;

        static {
            if (p == 0) {
                throw new UnsupportedOperationException();
            }
        }
    }

    static class Child extends BadParent {
        static int c = 5;
    }

    static class Slow {
        static final int V;
        static int runs;

        static {
            runs++;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            V = Other.V + 1;
        }
    }

    static class Other {
        static final int V;

        static {
            V = Integer.parseInt("41");
        }
    }

    static class Spawner {
        static final int RESULT;

        static {
            int[] box = new int[1];
            // Not a lambda: its body would be a method of Spawner, and the thread would wait for
            // Spawner's initialisation, which waits for the thread.
            Thread th = new Thread(new Filler(box));
            th.start();
            try {
                th.join();
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            RESULT = box[0];
        }
    }

    static class Filler implements Runnable {
        final int[] box;

        Filler(int[] box) {
            this.box = box;
        }

        @Override
        public void run() {
            box[0] = 7;
        }
    }

    static String describe(Throwable t) {
        Throwable c = t.getCause();
        return t + " | cause=" + c + (c == null || c.getCause() == null ? "" : " | cause2=" + c.getCause());
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 3; i++) {
            try {
                Bad.m();
            } catch (Throwable t) {
                System.out.println(describe(t));
            }
        }
        for (int i = 0; i < 2; i++) {
            try {
                System.out.println(NullInit.O);
            } catch (Throwable t) {
                System.out.println(t.getClass().getName() + " cause=" + (t.getCause() == null ? null : t.getCause().getClass().getName()));
            }
        }
        for (int i = 0; i < 2; i++) {
            try {
                System.out.println(ErrInit.y);
            } catch (Throwable t) {
                System.out.println(describe(t));
            }
        }
        try {
            CustomErrInit.z = 1;
        } catch (Error t) {
            System.out.println(describe(t));
        }
        for (int i = 0; i < 2; i++) {
            try {
                System.out.println(Child.c);
            } catch (Throwable t) {
                System.out.println(describe(t));
            }
        }
        try {
            Class.forName(G082_ClassInitFailures.class.getName() + "$Bad");
        } catch (Throwable t) {
            System.out.println("forName: " + describe(t));
        }
        Class<?> noInit = Class.forName(G082_ClassInitFailures.class.getName() + "$Bad", false,
                G082_ClassInitFailures.class.getClassLoader());
        System.out.println("forName without init: " + noInit.getSimpleName());
        try {
            noInit.getDeclaredMethod("m").invoke(null);
        } catch (Throwable e) {
            // Initialisation happens before the call: not wrapped in InvocationTargetException.
            System.out.println("invoke: " + describe(e));
        }

        Thread[] ts = new Thread[4];
        int[] seen = new int[4];
        for (int i = 0; i < 4; i++) {
            final int k = i;
            ts[i] = new Thread(() -> seen[k] = Slow.V, "T" + i);
        }
        for (Thread t : ts) {
            t.start();
        }
        for (Thread t : ts) {
            t.join();
        }
        System.out.println(Arrays.toString(seen) + " runs=" + Slow.runs);
        System.out.println("spawner " + Spawner.RESULT);
    }
}
