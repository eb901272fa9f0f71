package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.ListQueueDiff.P;
import static org.cometsim.guestlib.java.util.ListQueueDiff.same;
import static org.cometsim.guestlib.java.util.ListQueueDiff.sameState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Differential tests for the Deque implementations (ArrayDeque, LinkedList): random operation sequences
 * including live (descending) iterators across modifications, compared op by op with the JDK. For
 * ArrayDeque this also checks that the array layout (and thus the weakly fail-fast iterator) matches.
 */
class DequeDifferentialTest {

    private static final long[] SEEDS = {1L, 7L, 31337L, 20240607L};

    static void fuzzDeque(Supplier<Deque<Integer>> jdkF, Supplier<Deque<Integer>> ourF,
                          Function<Deque<Integer>, Object> cloner, long seed, int ops) {
        java.util.Random r = new java.util.Random(seed);
        P<Deque<Integer>> d = new P<>(jdkF.get(), ourF.get());
        java.util.List<P<Iterator<Integer>>> its = new java.util.ArrayList<>();
        // bias towards growth for a while, then towards shrinking, to exercise wrap-around and growth
        for (int step = 0; step < ops; step++) {
            boolean growPhase = (step / 400) % 2 == 0;
            Integer e = elem(r);
            String what = "seed " + seed + " step " + step + " ";
            int op = r.nextInt(44);
            switch (op) {
                case 0, 1, 2 -> same(d, q -> { q.addFirst(e); return null; }, what + "addFirst " + e);
                case 3, 4, 5 -> same(d, q -> { q.addLast(e); return null; }, what + "addLast " + e);
                case 6 -> same(d, q -> q.offerFirst(e), what + "offerFirst");
                case 7 -> same(d, q -> q.offerLast(e), what + "offerLast");
                case 8 -> same(d, q -> q.offer(e), what + "offer");
                case 9 -> same(d, q -> q.add(e), what + "add");
                case 10 -> same(d, q -> { q.push(e); return null; }, what + "push");
                case 11, 12 -> {
                    if (!growPhase) {
                        same(d, Deque::pollFirst, what + "pollFirst");
                    }
                }
                case 13, 14 -> {
                    if (!growPhase) {
                        same(d, Deque::pollLast, what + "pollLast");
                    }
                }
                case 15 -> same(d, Deque::removeFirst, what + "removeFirst");
                case 16 -> same(d, Deque::removeLast, what + "removeLast");
                case 17 -> same(d, Deque::pop, what + "pop");
                case 18 -> same(d, Deque::poll, what + "poll");
                case 19 -> same(d, q -> q.remove(), what + "remove()");
                case 20 -> same(d, q -> q.peekFirst() + " " + q.peekLast() + " " + q.peek(), what + "peeks");
                case 21 -> same(d, Deque::getFirst, what + "getFirst");
                case 22 -> same(d, Deque::getLast, what + "getLast");
                case 23 -> same(d, Deque::element, what + "element");
                case 24 -> same(d, q -> q.removeFirstOccurrence(e), what + "removeFirstOccurrence " + e);
                case 25 -> same(d, q -> q.removeLastOccurrence(e), what + "removeLastOccurrence " + e);
                case 26 -> same(d, q -> q.remove(e), what + "remove(Object)");
                case 27 -> same(d, q -> q.contains(e), what + "contains");
                case 28 -> same(d, q -> q.size() + " " + q.isEmpty(), what + "size");
                case 29 -> same(d, Deque::toArray, what + "toArray");
                case 30 -> {
                    int len = r.nextInt(30);
                    same(d, q -> {
                        Integer[] a = new Integer[len];
                        Arrays.fill(a, 99);
                        Integer[] res = q.toArray(a);
                        return Arrays.toString(res) + (res == a ? " same" : " new");
                    }, what + "toArray(T[])");
                }
                case 31 -> {
                    int m = r.nextInt(4);
                    same(d, q -> q.removeIf(x -> x == null || x % 4 == m), what + "removeIf");
                }
                case 32 -> {
                    List<Integer> c = List.of(r.nextInt(17), r.nextInt(17));
                    same(d, q -> q.removeAll(c), what + "removeAll");
                }
                case 33 -> {
                    if (r.nextInt(3) == 0) {
                        List<Integer> c = List.of(r.nextInt(17), r.nextInt(17), r.nextInt(17), r.nextInt(17), r.nextInt(17));
                        same(d, q -> q.retainAll(c), what + "retainAll");
                    }
                }
                case 34 -> {
                    if (r.nextInt(8) == 0) {
                        same(d, q -> { q.clear(); return null; }, what + "clear");
                    }
                }
                case 35 -> {
                    java.util.List<Integer> c = new java.util.ArrayList<>();
                    for (int k = r.nextInt(25); k > 0; k--) {
                        c.add(r.nextInt(17));
                    }
                    same(d, q -> q.addAll(c), what + "addAll");
                }
                case 36 -> same(d, q -> {
                    java.util.List<Integer> seen = new java.util.ArrayList<>();
                    q.forEach(seen::add);
                    return seen.toString();
                }, what + "forEach");
                case 37 -> {
                    boolean desc = r.nextBoolean();
                    P<Iterator<Integer>> it = new P<>(desc ? d.jdk().descendingIterator() : d.jdk().iterator(),
                            desc ? d.ours().descendingIterator() : d.ours().iterator());
                    if (its.size() >= 4) {
                        its.set(r.nextInt(4), it);
                    } else {
                        its.add(it);
                    }
                }
                case 38, 39, 40, 41 -> {
                    if (its.isEmpty()) {
                        break;
                    }
                    P<Iterator<Integer>> it = its.get(r.nextInt(its.size()));
                    switch (r.nextInt(6)) {
                        case 0, 1 -> same(it, Iterator::next, what + "it.next");
                        case 2 -> same(it, Iterator::hasNext, what + "it.hasNext");
                        case 3 -> same(it, x -> { x.remove(); return null; }, what + "it.remove");
                        case 4 -> same(it, x -> {
                            java.util.List<Integer> seen = new java.util.ArrayList<>();
                            x.forEachRemaining(seen::add);
                            return seen.toString();
                        }, what + "it.forEachRemaining");
                        default -> same(it, x -> {
                            int removed = 0;
                            while (x.hasNext()) {
                                Integer v = x.next();
                                if (v != null && v % 3 == 0) {
                                    x.remove();
                                    removed++;
                                }
                            }
                            return removed;
                        }, what + "it.drain-remove");
                    }
                }
                case 42 -> {
                    if (cloner != null) {
                        String a = ListQueueDiff.outcome(d.jdk(), q -> cloner.apply(q).toString());
                        String b = ListQueueDiff.outcome(d.ours(), q -> cloner.apply(q).toString());
                        assertEquals(a, b, what + "clone");
                    }
                }
                default -> same(d, q -> {
                    // predicate that structurally modifies the deque
                    return q.removeIf(x -> {
                        if (x != null && x == 3) {
                            q.addLast(4);
                        }
                        return x != null && x == 2;
                    });
                }, what + "removeIf with modification");
            }
            sameState(d, what + "after op " + op);
        }
    }

    static Integer elem(java.util.Random r) {
        int x = r.nextInt(30);
        return x == 29 ? null : Integer.valueOf(x % 17);
    }

    @Test
    void arrayDequeRandomOps() {
        for (long seed : SEEDS) {
            fuzzDeque(java.util.ArrayDeque::new, ArrayDeque::new,
                    q -> q instanceof java.util.ArrayDeque<?> a ? a.clone() : ((ArrayDeque<?>) q).clone(), seed, 3000);
        }
    }

    @Test
    void arrayDequeSizedConstructorsRandomOps() {
        int[] sizes = {0, 1, 2, 5, 40, 100};
        for (int k = 0; k < sizes.length; k++) {
            int n = sizes[k];
            fuzzDeque(() -> new java.util.ArrayDeque<>(n), () -> new ArrayDeque<>(n), null, 500 + k, 1200);
        }
        java.util.List<Integer> src = List.of(1, 2, 3, 4, 5, 6, 7);
        fuzzDeque(() -> new java.util.ArrayDeque<>(src), () -> new ArrayDeque<>(src), null, 77, 1500);
        fuzzDeque(() -> new java.util.ArrayDeque<>(List.of()), () -> new ArrayDeque<>(List.of()), null, 78, 1500);
    }

    @Test
    void linkedListAsDequeRandomOps() {
        for (long seed : SEEDS) {
            fuzzDeque(java.util.LinkedList::new, LinkedList::new,
                    q -> q instanceof java.util.LinkedList<?> a ? a.clone() : ((LinkedList<?>) q).clone(), seed, 3000);
        }
    }

    @Test
    void arrayDequeEdgeCases() {
        P<Deque<Integer>> d = new P<>(new java.util.ArrayDeque<>(), new ArrayDeque<>());
        same(d, q -> { q.addFirst(null); return null; }, "addFirst(null)");
        same(d, q -> q.offerLast(null), "offerLast(null)");
        same(d, Deque::removeFirst, "removeFirst on empty");
        same(d, Deque::element, "element on empty");
        same(d, Deque::pop, "pop on empty");
        same(d, q -> q.contains(null), "contains(null)");
        same(d, q -> q.remove(null), "remove(null)");
        same(d, q -> q.addAll(Arrays.asList(1, null, 2)), "addAll with null");
        sameState(d, "after addAll with null");
        same(d, q -> q.addAll(q), "addAll(self)");
        sameState(d, "after addAll(self)");
        ArrayDeque<Object> self = new ArrayDeque<>();
        self.add(self);
        assertEquals("[(this Collection)]", self.toString());
        ArrayDeque<Integer> a = new ArrayDeque<>(List.of(1, 2, 3));
        ArrayDeque<Integer> c = a.clone();
        assertNotSame(a, c);
        c.pollFirst();
        assertEquals("[1, 2, 3]", a.toString());
        assertEquals("[2, 3]", c.toString());
        // iterator CME when it meets a slot emptied behind its back
        P<Deque<Integer>> p = new P<>(new java.util.ArrayDeque<>(List.of(1, 2, 3)), new ArrayDeque<>(List.of(1, 2, 3)));
        P<Iterator<Integer>> it = new P<>(p.jdk().iterator(), p.ours().iterator());
        same(p, Deque::pollLast, "pollLast");
        same(it, Iterator::next, "next 1");
        same(it, Iterator::next, "next 2");
        same(it, Iterator::next, "next 3 (CME)");
    }

    @Test
    void linkedListDequeEdgeCases() {
        P<Deque<Integer>> d = new P<>(new java.util.LinkedList<>(), new LinkedList<>());
        same(d, q -> { q.addFirst(null); return null; }, "addFirst(null)");
        same(d, Deque::peekFirst, "peekFirst null element");
        same(d, q -> q.removeLastOccurrence(null), "removeLastOccurrence(null)");
        same(d, Deque::pollFirst, "pollFirst on empty");
        same(d, Deque::removeLast, "removeLast on empty");
        same(d, Deque::getLast, "getLast on empty");
        P<Iterator<Integer>> it = new P<>(d.jdk().descendingIterator(), d.ours().descendingIterator());
        same(it, Iterator::next, "descending next on empty");
        same(it, x -> { x.remove(); return null; }, "descending remove without next");
    }
}
