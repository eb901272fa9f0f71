package golden;

import java.util.ArrayDeque;
import java.util.Deque;

/** A hand-written thread pool: a synchronized task queue, N workers, results stored per task index; shutdown via flag + notifyAll. */
public class G030_WorkQueue {
    interface Task { long run(); }
    static final class Pool {
        private final Deque<Integer> queue = new ArrayDeque<>();
        private final Task[] tasks; final long[] results; private boolean shutdown; private int remaining;
        private final Thread[] workers;
        Pool(Task[] tasks, int n) {
            this.tasks = tasks; this.results = new long[tasks.length]; this.remaining = tasks.length;
            workers = new Thread[n];
            for (int i = 0; i < n; i++) { workers[i] = new Thread(this::loop, "pool-worker-" + i); }
        }
        void start() { for (int i = 0; i < tasks.length; i++) submit(i); for (Thread t : workers) t.start(); }
        synchronized void submit(int idx) { queue.addLast(idx); notifyAll(); }
        private synchronized Integer next() throws InterruptedException {
            while (queue.isEmpty() && !shutdown) wait();
            return queue.pollFirst();
        }
        private synchronized void done(int idx, long r) { results[idx] = r; if (--remaining == 0) notifyAll(); }
        synchronized void awaitAll() throws InterruptedException { while (remaining > 0) wait(); }
        void shutdown() throws InterruptedException { synchronized (this) { shutdown = true; notifyAll(); } for (Thread t : workers) t.join(); }
        private void loop() {
            try {
                Integer idx;
                while ((idx = next()) != null) {
                    long r;
                    try { r = tasks[idx].run(); } catch (RuntimeException e) { r = -1; }
                    done(idx, r);
                }
            } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Task[] tasks = new Task[24];
        for (int i = 0; i < tasks.length; i++) {
            final int k = i;
            tasks[i] = switch (i % 4) {
                case 0 -> () -> { long s = 0; for (int j = 0; j <= 1000 * k; j++) s += j; return s; };
                case 1 -> () -> fib(10 + k % 12);
                case 2 -> () -> { if (k % 3 == 0) throw new IllegalStateException("task " + k); return k * k; };
                default -> () -> Long.bitCount(k * 0x9E3779B97F4A7C15L);
            };
        }
        Pool p = new Pool(tasks, 3);
        p.start();
        p.awaitAll();
        p.shutdown();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tasks.length; i++) sb.append(i).append(':').append(p.results[i]).append(i % 8 == 7 ? "\n" : " ");
        System.out.print(sb);
        long total = 0;
        for (long r : p.results) total += r;
        System.out.println("total " + total);
    }
    static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
}
