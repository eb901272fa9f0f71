package golden;

/**
 * Thread basics: Thread subclass and Runnable, start/join, default names ("Thread-0", ...), isAlive, daemon flag,
 * join on a finished thread, sleep, yield, priorities. Everything is printed by main after joins.
 * NOTE: relies on this program creating the process's first unnamed threads (default numbering starts at Thread-0).
 */
public class G015_ThreadBasics {
    static class Worker extends Thread {
        final int n; long result; String seenName;
        Worker(int n) { this.n = n; }                         // unnamed: Thread-N
        @Override public void run() {
            seenName = Thread.currentThread().getName();
            long s = 0;
            for (int i = 1; i <= n; i++) { s += (long) i * i; if (i % 100 == 0) Thread.yield(); }
            result = s;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.println("main thread name: " + Thread.currentThread().getName());
        Worker w0 = new Worker(1000), w1 = new Worker(2000);
        final String[] runnableSaw = new String[1];
        final boolean[] daemonSaw = new boolean[1];
        Runnable r = () -> { runnableSaw[0] = Thread.currentThread().getName(); daemonSaw[0] = Thread.currentThread().isDaemon(); };
        Thread t2 = new Thread(r);                            // Thread-2
        Thread named = new Thread(r, "custom-name");
        System.out.println("names before start: " + w0.getName() + " " + w1.getName() + " " + t2.getName() + " " + named.getName());
        System.out.println("alive before start: " + w0.isAlive() + " state " + w0.getState());
        t2.setDaemon(true);
        System.out.println("daemon flags: " + w0.isDaemon() + " " + t2.isDaemon());
        w0.start(); w1.start(); t2.start();
        w0.join(); w1.join(); t2.join();
        System.out.println("results: " + w0.result + " " + w1.result + " seen " + w0.seenName + " " + w1.seenName + " runnable saw " + runnableSaw[0] + " daemon " + daemonSaw[0]);
        System.out.println("alive after join: " + w0.isAlive() + " state " + w0.getState());
        w0.join();                                            // join on a finished thread returns at once
        w0.join(10);
        System.out.println("joined finished thread again");
        named.start();
        named.join();
        System.out.println("named saw " + runnableSaw[0]);
        try { w0.start(); } catch (IllegalThreadStateException e) { System.out.println("restart -> IllegalThreadStateException"); }
        Thread.sleep(5);
        Thread.yield();
        // The sleeper starts sleeping only once main has looked: on a loaded machine the JVM may not run
        // main again before a 20 ms sleep is over, and "alive right after start" would print false.
        boolean[] looked = new boolean[1];
        Thread sleeper = new Thread(() -> {
            try {
                synchronized (looked) { while (!looked[0]) looked.wait(); }
                Thread.sleep(20);
            } catch (InterruptedException e) { throw new RuntimeException(e); }
        }, "sleeper");
        sleeper.start();
        System.out.println("sleeper alive right after start: " + sleeper.isAlive());
        synchronized (looked) { looked[0] = true; looked.notifyAll(); }
        sleeper.join();
        System.out.println("sleeper alive after join: " + sleeper.isAlive());
        Thread p = new Thread(() -> { }, "prio");
        p.setPriority(Thread.MAX_PRIORITY);
        System.out.println("priority " + p.getPriority() + " main priority " + Thread.currentThread().getPriority() + " interrupted? " + Thread.interrupted());
        Thread[] many = new Thread[8];
        long[] out = new long[8];
        for (int i = 0; i < many.length; i++) { final int k = i; many[i] = new Thread(() -> out[k] = fib(15 + k)); many[i].start(); }
        for (Thread t : many) t.join();
        System.out.println("parallel fibs " + java.util.Arrays.toString(out));
    }
    static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
}
