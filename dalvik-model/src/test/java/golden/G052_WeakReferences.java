package golden;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Weak, soft and phantom references across {@code System.gc()}: a weak referent nobody holds is
 * cleared and its reference enqueued (with its queue's order); one a static, a local still in
 * use, a host list or another live object holds is kept; a soft referent is kept (no memory
 * pressure); a phantom reference is enqueued; clear and enqueue by hand; {@code refersTo}; a
 * cache of weak values that drops what nobody uses.
 */
public class G052_WeakReferences {
    static final class Node {
        final Node next;
        final int value;

        Node(Node next, int value) {
            this.next = next;
            this.value = value;
        }
    }

    static Object kept = new int[] {1, 2, 3};
    static List<Object> hostList;
    static final List<WeakReference<Node>> CACHE = new ArrayList<>();

    /** Referents made here leave no register of main's holding them. */
    static WeakReference<Object> unheld(ReferenceQueue<Object> q, int n) {
        return new WeakReference<>(new Node(new Node(null, n), n + 1), q);
    }

    static SoftReference<Object> soft() {
        return new SoftReference<>(new StringBuilder("soft"));
    }

    static PhantomReference<Object> phantom(ReferenceQueue<Object> q) {
        return new PhantomReference<>(new Object(), q);
    }

    static WeakReference<Object> inHostList() {
        Object o = new Node(null, 7);
        hostList = List.of(o);
        return new WeakReference<>(o);
    }

    static String state(Reference<?> r) {
        return r.get() == null ? "cleared" : "kept";
    }

    public static void main(String[] args) throws Exception {
        ReferenceQueue<Object> q = new ReferenceQueue<>();
        WeakReference<Object> first = unheld(q, 1);
        WeakReference<Object> second = unheld(q, 2);
        WeakReference<Object> statics = new WeakReference<>(kept);
        Node local = new Node(null, 42);
        WeakReference<Node> held = new WeakReference<>(local);
        SoftReference<Object> soft = soft();
        ReferenceQueue<Object> pq = new ReferenceQueue<>();
        PhantomReference<Object> ph = phantom(pq);
        WeakReference<Object> listed = inHostList();
        Node owner = new Node(new Node(null, 5), 6);
        WeakReference<Node> inner = new WeakReference<>(owner.next);
        for (int i = 0; i < 6; i++) {
            Node n = new Node(null, i);
            CACHE.add(new WeakReference<>(n));
            if (i % 2 == 0) {
                kept = n; // the last even one stays reachable
            }
        }
        System.out.println("before gc: " + state(first) + " " + state(second) + " " + state(statics) + " "
                + state(held) + " " + state(soft) + " " + state(listed) + " " + state(inner) + " "
                + (ph.get() == null) + " " + (q.poll() == null));

        System.gc();

        System.out.println("weak, unheld: " + state(first) + " " + state(second));
        System.out.println("weak, static: " + state(statics) + " (old static value)");
        System.out.println("weak, local in use: " + state(held) + " " + local.value);
        System.out.println("soft: " + state(soft));
        System.out.println("weak, in a host list: " + state(listed) + " " + hostList.size());
        System.out.println("weak, inside a live object: " + state(inner) + " " + owner.value);
        Reference<?> r1 = q.remove(5000);
        Reference<?> r2 = q.remove(5000);
        System.out.println("enqueued: " + (r1 == first || r1 == second) + " " + (r2 == first || r2 == second)
                + " " + (r1 != r2) + " then " + q.poll());
        Reference<?> p = pq.remove(5000);
        System.out.println("phantom enqueued: " + (p == ph) + " get " + ph.get());
        int live = 0;
        for (WeakReference<Node> w : CACHE) {
            if (w.get() != null) {
                live++;
            }
        }
        System.out.println("cache: " + live + " of " + CACHE.size() + " live, kept value " + ((Node) kept).value);

        Object x = new Object();
        WeakReference<Object> byHand = new WeakReference<>(x, q);
        System.out.println("refersTo: " + byHand.refersTo(x) + " " + byHand.refersTo(null));
        System.out.println("enqueue by hand: " + byHand.enqueue() + " again " + byHand.enqueue() + " get "
                + byHand.get() + " polled " + (q.poll() == byHand) + " " + q.poll());
        WeakReference<Object> cleared = new WeakReference<>(x);
        cleared.clear();
        System.out.println("clear: " + cleared.get() + " " + cleared.refersTo(null) + " " + (x != null));
        System.out.println("no queue: " + new WeakReference<>(x).enqueue());
        Reference.reachabilityFence(local);
        Reference.reachabilityFence(owner);
    }
}
