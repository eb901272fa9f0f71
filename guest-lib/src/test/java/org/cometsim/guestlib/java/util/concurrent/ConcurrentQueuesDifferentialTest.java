package org.cometsim.guestlib.java.util.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Our PriorityBlockingQueue and ConcurrentLinkedQueue against the JDK's on the host JVM, single
 * threaded: seeded random operation sequences (offer, poll, peek, remove, contains, removeIf,
 * removeAll, retainAll, iterator removal, drainTo, copies) comparing every result, exception class
 * and the array order that toString shows after every operation.
 */
class ConcurrentQueuesDifferentialTest {

    private static String outcome(Supplier<?> s) {
        try {
            Object r = s.get();
            return r instanceof Object[] ? Arrays.toString((Object[]) r) : String.valueOf(r);
        } catch (RuntimeException e) {
            return "EX:" + e.getClass().getName();
        }
    }

    private static void same(String what, Supplier<?> jdk, Supplier<?> ours) {
        assertEquals(outcome(jdk), outcome(ours), what);
    }

    private static String iterRemove(Collection<Integer> c, int mod) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<Integer> it = c.iterator(); it.hasNext();) {
            Integer x = it.next();
            sb.append(x).append(' ');
            if (x % mod == 0) {
                it.remove();
            }
        }
        return sb.append(c).toString();
    }

    private static void run(long seed, Queue<Integer> a, Queue<Integer> b, boolean priority) {
        Random r = new Random(seed);
        for (int step = 0; step < 3000; step++) {
            int op = r.nextInt(14);
            Integer v = r.nextInt(60);
            String w = "seed " + seed + " step " + step + " op " + op + " v " + v;
            final Queue<Integer> qa = a;
            final Queue<Integer> qb = b;
            switch (op) {
                case 0, 1, 2, 3 -> same(w, () -> qa.offer(v), () -> qb.offer(v));
                case 4 -> same(w, qa::poll, qb::poll);
                case 5 -> same(w, qa::peek, qb::peek);
                case 6 -> same(w, () -> qa.remove(v), () -> qb.remove(v));
                case 7 -> same(w, () -> qa.contains(v) + " " + qa.size(), () -> qb.contains(v) + " " + qb.size());
                case 8 -> same(w, () -> qa.removeIf(x -> x % 7 == v % 7), () -> qb.removeIf(x -> x % 7 == v % 7));
                case 9 -> {
                    List<Integer> some = List.of(v, (v + 3) % 60, (v + 11) % 60);
                    if (r.nextBoolean()) {
                        same(w, () -> qa.removeAll(some), () -> qb.removeAll(some));
                    } else if (r.nextInt(5) == 0) {
                        List<Integer> many = new ArrayList<>();
                        for (int i = 0; i < 45; i++) {
                            many.add(r.nextInt(60));
                        }
                        same(w, () -> qa.retainAll(many), () -> qb.retainAll(many));
                    } else {
                        same(w, () -> qa.offer(null), () -> qb.offer(null));
                    }
                }
                case 10 -> {
                    int mod = 2 + r.nextInt(5);
                    same(w, () -> iterRemove(qa, mod), () -> iterRemove(qb, mod));
                }
                case 11 -> {
                    if (priority) {
                        int max = r.nextInt(4);
                        List<Integer> da = new ArrayList<>();
                        List<Integer> db = new ArrayList<>();
                        same(w, () -> ((java.util.concurrent.BlockingQueue<Integer>) qa).drainTo(da, max) + " " + da,
                                () -> ((java.util.concurrent.BlockingQueue<Integer>) qb).drainTo(db, max) + " " + db);
                    } else {
                        same(w, () -> qa.addAll(List.of(v, v + 1)), () -> qb.addAll(List.of(v, v + 1)));
                    }
                }
                case 12 -> {
                    same(w, qa::toArray, qb::toArray);
                    int len = r.nextInt(3);
                    same(w, () -> qa.toArray(new Integer[len]), () -> qb.toArray(new Integer[len]));
                }
                default -> {
                    if (r.nextInt(6) == 0) {
                        a = priority ? new java.util.concurrent.PriorityBlockingQueue<>(a) : new java.util.concurrent.ConcurrentLinkedQueue<>(a);
                        b = priority ? new PriorityBlockingQueue<>(b) : new ConcurrentLinkedQueue<>(b);
                    } else if (r.nextInt(40) == 0) {
                        a.clear();
                        b.clear();
                    }
                }
            }
            assertEquals(a.toString(), b.toString(), w + " state");
        }
    }

    @Test
    void priorityBlockingQueueRandomSequences() {
        for (long seed = 1; seed <= 5; seed++) {
            run(seed, new java.util.concurrent.PriorityBlockingQueue<>(), new PriorityBlockingQueue<>(), true);
            run(seed + 10, new java.util.concurrent.PriorityBlockingQueue<>(3, Comparator.reverseOrder()),
                    new PriorityBlockingQueue<>(3, Comparator.reverseOrder()), true);
        }
        List<Integer> unsorted = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 0; i < 50; i++) {
            unsorted.add(r.nextInt(100));
        }
        assertEquals(new java.util.concurrent.PriorityBlockingQueue<>(unsorted).toString(),
                new PriorityBlockingQueue<>(unsorted).toString(), "heapified copy");
        java.util.PriorityQueue<Integer> pq = new java.util.PriorityQueue<>(Comparator.reverseOrder());
        pq.addAll(unsorted);
        assertEquals(new java.util.concurrent.PriorityBlockingQueue<>(pq).toString(), new PriorityBlockingQueue<>(pq).toString(),
                "copy of a PriorityQueue: natural order, heapified (its comparator is not kept)");
    }

    @Test
    void concurrentLinkedQueueRandomSequences() {
        for (long seed = 1; seed <= 5; seed++) {
            run(seed, new java.util.concurrent.ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>(), false);
        }
    }
}
