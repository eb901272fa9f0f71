import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Weak references across migrations: a cache of weak references to values that are computed
 * (long enough to migrate a few times while the references exist), some of which stay strongly
 * held; then System.gc() (on the phone) clears the others and enqueues them, and the program
 * prints what it sees. Several rounds, so references shipped both ways are cleared too.
 */
public class WeakRefs {
    static final class Value {
        final long[] data;
        final int key;

        Value(int key, int n) {
            this.key = key;
            this.data = new long[n];
            for (int i = 0; i < n; i++) {
                data[i] = (long) key * i + (i ^ key);
            }
        }

        long sum() {
            long s = 0;
            for (long d : data) {
                s += d;
            }
            return s;
        }
    }

    static final List<Value> STRONG = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        ReferenceQueue<Value> queue = new ReferenceQueue<>();
        List<WeakReference<Value>> cache = new ArrayList<>();
        SoftReference<Value> soft = new SoftReference<>(new Value(-1, 10));
        long total = 0;
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 12; k++) {
                Value v = new Value(round * 100 + k, 400);
                total += v.sum();
                cache.add(new WeakReference<>(v, queue));
                if (k % 3 == 0) {
                    STRONG.add(v);
                }
            }
            System.gc();
            int live = 0;
            long liveKeys = 0;
            for (WeakReference<Value> w : cache) {
                Value v = w.get();
                if (v != null) {
                    live++;
                    liveKeys += v.key;
                }
            }
            int enqueued = 0;
            for (Reference<? extends Value> r = queue.poll(); r != null; r = queue.poll()) {
                enqueued++;
                if (r.get() != null) {
                    System.out.println("an enqueued reference still has its referent");
                }
            }
            while (enqueued < cache.size() - live) {
                // The JVM's reference handler enqueues after gc() returns: wait for it (the VM's are there at once).
                if (queue.remove(5000) == null) {
                    break;
                }
                enqueued++;
            }
            System.out.println("round " + round + ": " + live + " of " + cache.size() + " live (keys " + liveKeys
                    + "), " + enqueued + " enqueued, soft " + (soft.get() != null) + ", total " + total);
        }
    }
}
