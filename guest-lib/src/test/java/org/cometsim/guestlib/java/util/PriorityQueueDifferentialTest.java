package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.ListQueueDiff.P;
import static org.cometsim.guestlib.java.util.ListQueueDiff.same;
import static org.cometsim.guestlib.java.util.ListQueueDiff.sameState;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Differential tests for PriorityQueue: the heap array order (visible through iteration, toString and
 * toArray) must equal the JDK's after every operation, including iterator removal and bulk removal.
 */
class PriorityQueueDifferentialTest {

    private static final long[] SEEDS = {1L, 5L, 123L, 9999L, 20240607L};

    static void fuzzQueue(Supplier<Queue<Integer>> jdkF, Supplier<Queue<Integer>> ourF, long seed, int ops) {
        java.util.Random r = new java.util.Random(seed);
        P<Queue<Integer>> q = new P<>(jdkF.get(), ourF.get());
        java.util.List<P<Iterator<Integer>>> its = new java.util.ArrayList<>();
        for (int step = 0; step < ops; step++) {
            boolean growPhase = (step / 300) % 2 == 0;
            int v = r.nextInt(40);
            Integer e = v == 39 ? null : Integer.valueOf(v);
            String what = "seed " + seed + " step " + step + " ";
            int op = r.nextInt(26);
            switch (op) {
                case 0, 1, 2, 3 -> same(q, x -> x.offer(e), what + "offer " + e);
                case 4, 5 -> same(q, x -> x.add(e), what + "add " + e);
                case 6, 7, 8 -> {
                    if (!growPhase) {
                        same(q, Queue::poll, what + "poll");
                    }
                }
                case 9 -> same(q, Queue::peek, what + "peek");
                case 10 -> same(q, Queue::element, what + "element");
                case 11 -> same(q, x -> x.remove(), what + "remove()");
                case 12 -> same(q, x -> x.remove(e), what + "remove(Object) " + e);
                case 13 -> same(q, x -> x.contains(e), what + "contains");
                case 14 -> same(q, x -> x.size(), what + "size");
                case 15 -> same(q, Queue::toArray, what + "toArray");
                case 16 -> {
                    int len = r.nextInt(20);
                    same(q, x -> {
                        Integer[] a = new Integer[len];
                        Arrays.fill(a, 99);
                        Integer[] res = x.toArray(a);
                        return Arrays.toString(res) + (res == a ? " same" : " new");
                    }, what + "toArray(T[])");
                }
                case 17 -> {
                    int m = r.nextInt(5);
                    same(q, x -> x.removeIf(y -> y % 5 == m), what + "removeIf");
                }
                case 18 -> {
                    List<Integer> c = List.of(r.nextInt(40), r.nextInt(40));
                    same(q, x -> x.removeAll(c), what + "removeAll");
                }
                case 19 -> {
                    if (r.nextInt(3) == 0) {
                        java.util.List<Integer> c = new java.util.ArrayList<>();
                        for (int k = 0; k < 30; k++) {
                            c.add(r.nextInt(40));
                        }
                        same(q, x -> x.retainAll(c), what + "retainAll");
                    }
                }
                case 20 -> {
                    if (r.nextInt(10) == 0) {
                        same(q, x -> { x.clear(); return null; }, what + "clear");
                    }
                }
                case 21 -> {
                    java.util.List<Integer> c = new java.util.ArrayList<>();
                    for (int k = r.nextInt(12); k > 0; k--) {
                        c.add(r.nextInt(40));
                    }
                    same(q, x -> x.addAll(c), what + "addAll");
                }
                case 22 -> same(q, x -> {
                    java.util.List<Integer> seen = new java.util.ArrayList<>();
                    x.forEach(seen::add);
                    return seen.toString();
                }, what + "forEach");
                case 23 -> {
                    P<Iterator<Integer>> it = new P<>(q.jdk().iterator(), q.ours().iterator());
                    if (its.size() >= 3) {
                        its.set(r.nextInt(3), it);
                    } else {
                        its.add(it);
                    }
                }
                default -> {
                    if (its.isEmpty()) {
                        break;
                    }
                    P<Iterator<Integer>> it = its.get(r.nextInt(its.size()));
                    switch (r.nextInt(5)) {
                        case 0, 1 -> same(it, Iterator::next, what + "it.next");
                        case 2 -> same(it, Iterator::hasNext, what + "it.hasNext");
                        case 3 -> same(it, x -> { x.remove(); return null; }, what + "it.remove");
                        default -> same(it, x -> {
                            // removal of many elements makes the iterator revisit moved ones at the end
                            StringBuilder sb = new StringBuilder();
                            while (x.hasNext()) {
                                Integer y = x.next();
                                sb.append(y).append(' ');
                                if (y % 3 != 0) {
                                    x.remove();
                                }
                            }
                            return sb.toString();
                        }, what + "it.drain-remove");
                    }
                }
            }
            sameState(q, what + "after op " + op);
        }
    }

    @Test
    void naturalOrderRandomOps() {
        for (long seed : SEEDS) {
            fuzzQueue(java.util.PriorityQueue::new, PriorityQueue::new, seed, 3000);
        }
    }

    @Test
    void comparatorRandomOps() {
        Comparator<Integer> c = Comparator.comparing((Integer x) -> x % 7).thenComparing(Comparator.reverseOrder());
        for (long seed : SEEDS) {
            fuzzQueue(() -> new java.util.PriorityQueue<>(3, c), () -> new PriorityQueue<>(3, c), seed, 2000);
        }
        fuzzQueue(() -> new java.util.PriorityQueue<>(Comparator.reverseOrder()),
                () -> new PriorityQueue<>(Comparator.reverseOrder()), 17, 2000);
    }

    @Test
    void collectionConstructorsHeapify() {
        java.util.Random r = new java.util.Random(3);
        for (int n = 0; n < 70; n++) {
            java.util.List<Integer> src = new java.util.ArrayList<>();
            for (int k = 0; k < n; k++) {
                src.add(r.nextInt(50));
            }
            java.util.PriorityQueue<Integer> jdk = new java.util.PriorityQueue<>(src);
            PriorityQueue<Integer> ours = new PriorityQueue<>(src);
            assertEquals(jdk.toString(), ours.toString(), "heapify of " + src);
            assertEquals(Arrays.toString(jdk.toArray()), Arrays.toString(ours.toArray()));
            // from our ArrayList (different toArray source class)
            assertEquals(jdk.toString(), new PriorityQueue<>(new ArrayList<>(src)).toString());
            // copy of a priority queue keeps its array order and comparator
            java.util.PriorityQueue<Integer> jr = new java.util.PriorityQueue<>(Comparator.reverseOrder());
            PriorityQueue<Integer> or = new PriorityQueue<>(Comparator.reverseOrder());
            jr.addAll(src);
            or.addAll(src);
            assertEquals(jr.toString(), or.toString());
            assertEquals(new java.util.PriorityQueue<>(jr).toString(), new PriorityQueue<>(or).toString());
            assertEquals(new java.util.PriorityQueue<>((java.util.Collection<Integer>) jr).toString(),
                    new PriorityQueue<>((java.util.Collection<Integer>) or).toString());
            // from a sorted set: taken as is, with its comparator
            java.util.TreeSet<Integer> ts = new java.util.TreeSet<>(Comparator.reverseOrder());
            ts.addAll(src);
            java.util.PriorityQueue<Integer> js = new java.util.PriorityQueue<>(ts);
            PriorityQueue<Integer> os = new PriorityQueue<>(ts);
            assertEquals(js.toString(), os.toString());
            js.add(25);
            os.add(25);
            assertEquals(js.toString(), os.toString());
            // poll order
            StringBuilder a = new StringBuilder();
            StringBuilder b = new StringBuilder();
            while (!jdk.isEmpty()) {
                a.append(jdk.poll()).append(',');
                b.append(ours.poll()).append(',');
            }
            assertEquals(a.toString(), b.toString());
        }
    }

    @Test
    void edgeCases() {
        ListQueueDiff.sameOutcome(() -> new java.util.PriorityQueue<Integer>(0), () -> new PriorityQueue<Integer>(0),
                "capacity 0");
        P<Queue<Object>> q = new P<>(new java.util.PriorityQueue<>(), new PriorityQueue<>());
        same(q, x -> x.offer(null), "offer(null)");
        same(q, x -> x.add(new Object()), "non-comparable first element");
        same(q, Queue::size, "size after failed add");
        same(q, Queue::remove, "remove() on empty");
        same(q, Queue::element, "element() on empty");
        same(q, Queue::poll, "poll on empty");
        same(q, x -> x.addAll(x), "addAll(self)");
        same(q, x -> x.addAll(null), "addAll(null)");
        same(q, x -> x.remove(null), "remove(null)");
        same(q, x -> x.contains(null), "contains(null)");
        // null elements in the source collection
        ListQueueDiff.sameOutcome(() -> new java.util.PriorityQueue<>(Arrays.asList(1, null, 2)),
                () -> new PriorityQueue<>(Arrays.asList(1, null, 2)), "null in source");
        ListQueueDiff.sameOutcome(() -> new java.util.PriorityQueue<>(Arrays.asList((Integer) null)),
                () -> new PriorityQueue<>(Arrays.asList((Integer) null)), "single null in source");
        ListQueueDiff.sameOutcome(() -> new java.util.PriorityQueue<>(Arrays.asList(2, null)),
                () -> new PriorityQueue<>(Arrays.asList(2, null)), "trailing null in source");
        ListQueueDiff.sameOutcome(() -> new java.util.PriorityQueue<>(Arrays.asList(null, 2)),
                () -> new PriorityQueue<>(Arrays.asList(null, 2)), "leading null in source");
        // removeIf counts as a modification even when nothing is removed
        P<Queue<Integer>> p = new P<>(new java.util.PriorityQueue<>(List.of(3, 1, 2)), new PriorityQueue<>(List.of(3, 1, 2)));
        P<Iterator<Integer>> it = new P<>(p.jdk().iterator(), p.ours().iterator());
        same(p, x -> x.removeIf(y -> false), "removeIf nothing");
        same(it, Iterator::next, "next after no-op removeIf");
        assertEquals(new java.util.PriorityQueue<>(List.of(5, 3)).comparator(), new PriorityQueue<>(List.of(5, 3)).comparator());
    }
}
