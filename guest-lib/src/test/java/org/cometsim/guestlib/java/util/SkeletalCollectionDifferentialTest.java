package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.ListQueueDiff.P;
import static org.cometsim.guestlib.java.util.ListQueueDiff.same;
import static org.cometsim.guestlib.java.util.ListQueueDiff.sameState;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;

import org.junit.jupiter.api.Test;

/**
 * Differential tests for AbstractCollection and AbstractQueue: identical minimal subclasses of the
 * JDK's skeletal classes and of ours must behave the same (the inherited methods are under test).
 */
class SkeletalCollectionDifferentialTest {

    /**
     * Bag over a JDK ArrayList whose size() can lie by {@code skew} (to exercise toArray's handling of
     * a collection that changes size during iteration).
     */
    static final class JdkBag extends java.util.AbstractCollection<Object> {
        final java.util.ArrayList<Object> d = new java.util.ArrayList<>();
        int skew;

        @Override public Iterator<Object> iterator() { return d.iterator(); }
        @Override public int size() { return d.size() + skew; }
        @Override public boolean add(Object e) { return d.add(e); }
    }

    /** Same as {@link JdkBag}, on our AbstractCollection. */
    static final class OurBag extends AbstractCollection<Object> {
        final java.util.ArrayList<Object> d = new java.util.ArrayList<>();
        int skew;

        @Override public Iterator<Object> iterator() { return d.iterator(); }
        @Override public int size() { return d.size() + skew; }
        @Override public boolean add(Object e) { return d.add(e); }
    }

    /** Read-only collection: add is inherited (unsupported). */
    static final class JdkFixed extends java.util.AbstractCollection<Object> {
        @Override public Iterator<Object> iterator() { return List.<Object>of(1, 2).iterator(); }
        @Override public int size() { return 2; }
    }

    static final class OurFixed extends AbstractCollection<Object> {
        @Override public Iterator<Object> iterator() { return List.<Object>of(1, 2).iterator(); }
        @Override public int size() { return 2; }
    }

    @Test
    void abstractCollectionRandomOps() {
        for (long seed : new long[] {1, 2, 3}) {
            java.util.Random r = new java.util.Random(seed);
            JdkBag jb = new JdkBag();
            OurBag ob = new OurBag();
            P<Collection<Object>> p = new P<>(jb, ob);
            for (int step = 0; step < 1500; step++) {
                int x = r.nextInt(12);
                Object e = x == 11 ? null : Integer.valueOf(x);
                String what = "seed " + seed + " step " + step + " ";
                int op = r.nextInt(16);
                switch (op) {
                    case 0, 1, 2 -> same(p, c -> c.add(e), what + "add");
                    case 3 -> same(p, c -> c.remove(e), what + "remove");
                    case 4 -> same(p, c -> c.contains(e), what + "contains");
                    case 5 -> same(p, c -> c.containsAll(Arrays.asList(e, 3)), what + "containsAll");
                    case 6 -> same(p, c -> c.addAll(Arrays.asList(e, 4, null)), what + "addAll");
                    case 7 -> same(p, c -> c.removeAll(Arrays.asList(e, 5)), what + "removeAll");
                    case 8 -> {
                        if (r.nextInt(4) == 0) {
                            same(p, c -> c.retainAll(Arrays.asList(e, 1, 2, 3, 6, 7, null)), what + "retainAll");
                        }
                    }
                    case 9 -> {
                        if (r.nextInt(10) == 0) {
                            same(p, c -> { c.clear(); return null; }, what + "clear");
                        }
                    }
                    case 10 -> same(p, c -> c.isEmpty(), what + "isEmpty");
                    case 11 -> {
                        int skew = r.nextInt(5) - 2;
                        jb.skew = skew;
                        ob.skew = skew;
                        same(p, Collection::toArray, what + "toArray skew " + skew);
                        jb.skew = 0;
                        ob.skew = 0;
                    }
                    case 12 -> {
                        int skew = r.nextInt(5) - 2;
                        int len = r.nextInt(jb.d.size() + 4);
                        jb.skew = skew;
                        ob.skew = skew;
                        same(p, c -> {
                            Object[] a = new Integer[len];
                            Arrays.fill(a, 99);
                            Object[] res = c.toArray(a);
                            return Arrays.toString(res) + (res == a ? " same " : " new ") + Arrays.toString(a);
                        }, what + "toArray(T[" + len + "]) skew " + skew);
                        jb.skew = 0;
                        ob.skew = 0;
                    }
                    case 13 -> same(p, c -> c.removeIf(y -> y == null || (Integer) y % 3 == 0), what + "removeIf");
                    case 14 -> same(p, c -> {
                        StringBuilder sb = new StringBuilder();
                        c.forEach(sb::append);
                        return sb.toString();
                    }, what + "forEach");
                    default -> same(p, c -> c.toArray(new String[0]), what + "toArray(String[]) store check");
                }
                sameState(p, what + "after op " + op);
            }
        }
    }

    @Test
    void abstractCollectionEdgeCases() {
        P<Collection<Object>> f = new P<>(new JdkFixed(), new OurFixed());
        same(f, c -> c.add(1), "add unsupported");
        same(f, c -> c.addAll(List.of()), "addAll empty");
        same(f, c -> c.addAll(List.of(3)), "addAll unsupported");
        same(f, c -> c.removeAll(null), "removeAll(null)");
        same(f, c -> c.retainAll(null), "retainAll(null)");
        same(f, c -> c.containsAll(null), "containsAll(null)");
        same(f, c -> c.removeIf(null), "removeIf(null)");
        same(f, c -> c.toArray((Object[]) null), "toArray(null)");
        same(f, Object::toString, "toString");
        JdkBag jb = new JdkBag();
        OurBag ob = new OurBag();
        jb.add(jb);
        ob.add(ob);
        jb.add("x");
        ob.add("x");
        same(new P<Collection<Object>>(jb, ob), Object::toString, "self reference");
        same(new P<Collection<Object>>(new JdkBag(), new OurBag()), Object::toString, "empty");
    }

    /** Bounded FIFO on the JDK's AbstractQueue (capacity 5, offer fails when full). */
    static final class JdkBounded extends java.util.AbstractQueue<Integer> {
        final java.util.ArrayDeque<Integer> d = new java.util.ArrayDeque<>();

        @Override public boolean offer(Integer e) { return e != null && d.size() < 5 && d.offer(e); }
        @Override public Integer poll() { return d.poll(); }
        @Override public Integer peek() { return d.peek(); }
        @Override public Iterator<Integer> iterator() { return d.iterator(); }
        @Override public int size() { return d.size(); }
    }

    static final class OurBounded extends AbstractQueue<Integer> {
        final java.util.ArrayDeque<Integer> d = new java.util.ArrayDeque<>();

        @Override public boolean offer(Integer e) { return e != null && d.size() < 5 && d.offer(e); }
        @Override public Integer poll() { return d.poll(); }
        @Override public Integer peek() { return d.peek(); }
        @Override public Iterator<Integer> iterator() { return d.iterator(); }
        @Override public int size() { return d.size(); }
    }

    @Test
    void abstractQueueRandomOps() {
        java.util.Random r = new java.util.Random(11);
        P<Queue<Integer>> p = new P<>(new JdkBounded(), new OurBounded());
        for (int step = 0; step < 1500; step++) {
            int x = r.nextInt(10);
            Integer e = x == 9 ? null : Integer.valueOf(x);
            String what = "step " + step + " ";
            switch (r.nextInt(9)) {
                case 0, 1 -> same(p, q -> q.add(e), what + "add");
                case 2 -> same(p, q -> q.offer(e), what + "offer");
                case 3 -> same(p, Queue::remove, what + "remove()");
                case 4 -> same(p, Queue::element, what + "element()");
                case 5 -> same(p, q -> q.addAll(Arrays.asList(1, e, 2)), what + "addAll");
                case 6 -> same(p, q -> q.addAll(q), what + "addAll(self)");
                case 7 -> same(p, q -> q.addAll(null), what + "addAll(null)");
                default -> {
                    if (r.nextInt(3) == 0) {
                        same(p, q -> { q.clear(); return null; }, what + "clear");
                    }
                }
            }
            sameState(p, what);
        }
    }
}
