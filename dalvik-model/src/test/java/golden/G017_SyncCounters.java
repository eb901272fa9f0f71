package golden;

import java.util.concurrent.atomic.AtomicInteger;

/** 4 threads increment counters via synchronized methods, synchronized blocks, static synchronized, and an AtomicInteger; final counts are exact. */
public class G017_SyncCounters {
    private int count;
    private static int staticCount;
    private long wide;
    private final Object lock = new Object();
    private int blockCount;
    synchronized void inc() { count++; }
    static synchronized void incStatic() { staticCount++; }
    synchronized void addWide(long v) { wide += v; }
    void incBlock() { synchronized (lock) { blockCount++; } }
    synchronized void reentrant(int depth) { if (depth > 0) reentrant(depth - 1); else count += 0; }

    public static void main(String[] args) throws InterruptedException {
        G017_SyncCounters c = new G017_SyncCounters();
        AtomicInteger atomic = new AtomicInteger();
        final int perThread = 10000;
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            final long add = 1L << (33 + i);
            ts[i] = new Thread(() -> {
                for (int k = 0; k < perThread; k++) {
                    c.inc(); incStatic(); c.incBlock(); atomic.incrementAndGet();
                    if (k % 1000 == 0) { c.addWide(add); c.reentrant(3); }
                }
            }, "counter-" + i);
        }
        for (Thread t : ts) t.start();
        for (Thread t : ts) t.join();
        System.out.println("synchronized method: " + c.count);
        System.out.println("static synchronized: " + staticCount);
        System.out.println("synchronized block: " + c.blockCount);
        System.out.println("atomic: " + atomic.get());
        System.out.println("wide: " + c.wide + " = " + Long.toHexString(c.wide));
        // exception thrown inside a synchronized block must release the monitor
        Thread[] throwers = new Thread[4];
        int[] caught = new int[4];
        for (int i = 0; i < 4; i++) {
            final int id = i;
            throwers[i] = new Thread(() -> {
                for (int k = 0; k < 100; k++) {
                    try {
                        synchronized (c.lock) { c.blockCount++; if (k % 2 == 0) throw new IllegalStateException(); }
                    } catch (IllegalStateException e) { caught[id]++; }
                }
            });
        }
        for (Thread t : throwers) t.start();
        for (Thread t : throwers) t.join();
        System.out.println("after throwers: " + c.blockCount + " caught " + (caught[0] + caught[1] + caught[2] + caught[3]) + " lock free: " + !Thread.holdsLock(c.lock));
    }
}
