package org.cometsim.guestlib.java.util.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Our LinkedBlockingDeque (bounded and unbounded) and ConcurrentLinkedDeque against the JDK's on
 * the host JVM, single threaded: seeded random sequences of every Deque operation (both ends,
 * occurrences, bulk removal, iterator removal in both directions, copies, drainTo, non-blocking
 * and zero-timeout operations) comparing results, exception classes and messages, and toString
 * after every operation; plus iterators kept open across later updates (the weakly consistent
 * traversal: cached next item, restart after a removal at the front, elements added behind).
 */
class DequesDifferentialTest {

    private static String outcome(Supplier<?> s) {
        try {
            Object r = s.get();
            return r instanceof Object[] ? Arrays.toString((Object[]) r) : String.valueOf(r);
        } catch (RuntimeException e) {
            return "EX:" + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static void same(String what, Supplier<?> jdk, Supplier<?> ours) {
        assertEquals(outcome(jdk), outcome(ours), what);
    }

    private static String iterRemove(Iterator<Integer> it, Collection<Integer> c, int mod) {
        StringBuilder sb = new StringBuilder();
        while (it.hasNext()) {
            Integer x = it.next();
            sb.append(x).append(' ');
            if (x % mod == 0) {
                it.remove();
            }
        }
        return sb.append(c).toString();
    }

    private interface Op {
        Object apply(Deque<Integer> d, Iterator<Integer> it);
    }

    /** One random operation, chosen and parameterised from r, as a function of the deque and an open iterator. */
    private static Op randomOp(Random r, boolean blocking) {
        int op = r.nextInt(30);
        Integer v = r.nextInt(40);
        switch (op) {
            case 0: case 1: return (d, it) -> d.offerLast(v);
            case 2: case 3: return (d, it) -> d.offerFirst(v);
            case 4: return (d, it) -> { d.addFirst(v); return d.size(); };
            case 5: return (d, it) -> { d.addLast(v); return d.size(); };
            case 6: return (d, it) -> d.pollFirst();
            case 7: return (d, it) -> d.pollLast();
            case 8: return (d, it) -> d.removeFirst();
            case 9: return (d, it) -> d.removeLast();
            case 10: return (d, it) -> d.peekFirst() + " " + d.peekLast();
            case 11: return (d, it) -> d.getFirst() + "/" + d.getLast();
            case 12: return (d, it) -> d.removeFirstOccurrence(v);
            case 13: return (d, it) -> d.removeLastOccurrence(v);
            case 14: return (d, it) -> d.remove(v) + " " + d.contains(v) + " " + d.contains(null) + " " + d.size() + " " + d.isEmpty();
            case 15: return (d, it) -> { d.push(v); return d.pop() + " " + d.element() + " " + d.peek(); };
            case 16: return (d, it) -> d.removeIf(x -> x % 5 == v % 5);
            case 17: {
                List<Integer> some = List.of(v, (v + 3) % 40, (v + 11) % 40);
                return r.nextBoolean() ? (d, it) -> d.removeAll(some) : (d, it) -> d.addAll(some);
            }
            case 18: {
                List<Integer> many = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    many.add(r.nextInt(40));
                }
                return (d, it) -> d.retainAll(many);
            }
            case 19: {
                int mod = 2 + r.nextInt(5);
                boolean desc = r.nextBoolean();
                return (d, it) -> iterRemove(desc ? d.descendingIterator() : d.iterator(), d, mod);
            }
            case 20: return (d, it) -> d.toArray();
            case 21: {
                int len = r.nextInt(4);
                return (d, it) -> d.toArray(new Integer[len]);
            }
            case 22: {
                int k = r.nextInt(3);
                if (k == 0) {
                    return (d, it) -> d.offer(null);
                } else if (k == 1) {
                    return (d, it) -> d.remove(null);
                }
                return (d, it) -> d.removeFirstOccurrence(null);
            }
            case 23: case 24: case 25:
                // the open iterator: next, or remove the last returned element
                if (r.nextInt(3) == 0) {
                    return (d, it) -> { it.remove(); return d.toString(); };
                }
                return (d, it) -> it.hasNext() + " " + it.next();
            case 26: {
                return (d, it) -> { StringBuilder sb = new StringBuilder(); d.forEach(x -> sb.append(x).append(',')); return sb; };
            }
            case 27:
                if (blocking) {
                    int max = r.nextInt(4);
                    return (d, it) -> {
                        List<Integer> out = new ArrayList<>();
                        return ((BlockingDeque<Integer>) d).drainTo(out, max) + " " + out + " "
                                + ((BlockingDeque<Integer>) d).remainingCapacity();
                    };
                }
                return (d, it) -> d.addAll(List.of(v, v + 1, v + 2));
            case 28:
                if (blocking) {
                    boolean first = r.nextBoolean();
                    return (d, it) -> {
                        BlockingDeque<Integer> b = (BlockingDeque<Integer>) d;
                        try {
                            return first ? b.offerFirst(v, 0, TimeUnit.SECONDS) + " " + b.pollLast(0, TimeUnit.SECONDS)
                                    : b.offerLast(v, -1, TimeUnit.SECONDS) + " " + b.pollFirst(0, TimeUnit.NANOSECONDS);
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    };
                }
                return (d, it) -> d.addAll(List.of(v, v + 1, v + 2));
            default:
                return (d, it) -> d.addAll(Arrays.asList(v, null));
        }
    }

    private interface Maker {
        Deque<Integer> make(Collection<Integer> from);
    }

    /**
     * With {@code openIterators} false the iterator is made fresh before every step: the JDK's
     * ConcurrentLinkedDeque unlinks removed nodes lazily (a documented deviation), so an iterator
     * kept across removals may legitimately walk differently there.
     */
    private static void run(long seed, Deque<Integer> a, Deque<Integer> b, Maker jdk, Maker ours, boolean blocking,
            boolean openIterators) {
        Random r = new Random(seed);
        Iterator<Integer> ia = a.iterator();
        Iterator<Integer> ib = b.iterator();
        for (int step = 0; step < 3000; step++) {
            String w = "seed " + seed + " step " + step;
            if (r.nextInt(25) == 0) {
                boolean desc = r.nextBoolean();
                ia = desc ? a.descendingIterator() : a.iterator();
                ib = desc ? b.descendingIterator() : b.iterator();
                continue;
            }
            if (r.nextInt(150) == 0) {
                a = jdk.make(a);
                b = ours.make(b);
                ia = a.iterator();
                ib = b.iterator();
                continue;
            }
            if (r.nextInt(200) == 0) {
                a.clear();
                b.clear();
            }
            if (!openIterators) {
                ia = a.iterator();
                ib = b.iterator();
            }
            Op op = randomOp(r, blocking);
            Deque<Integer> da = a;
            Deque<Integer> db = b;
            Iterator<Integer> fa = ia;
            Iterator<Integer> fb = ib;
            same(w, () -> op.apply(da, fa), () -> op.apply(db, fb));
            assertEquals(a.toString(), b.toString(), w + " state");
            assertEquals(a.size(), b.size(), w + " size");
        }
    }

    @Test
    void linkedBlockingDequeRandomSequences() {
        for (long seed = 1; seed <= 6; seed++) {
            run(seed, new java.util.concurrent.LinkedBlockingDeque<>(), new LinkedBlockingDeque<>(),
                    java.util.concurrent.LinkedBlockingDeque::new, LinkedBlockingDeque::new, true, true);
            run(seed + 100, new java.util.concurrent.LinkedBlockingDeque<>(7), new LinkedBlockingDeque<>(7),
                    c -> { Deque<Integer> d = new java.util.concurrent.LinkedBlockingDeque<>(9); d.addAll(c); return d; },
                    c -> { Deque<Integer> d = new LinkedBlockingDeque<>(9); d.addAll(c); return d; }, true, true);
        }
    }

    @Test
    void concurrentLinkedDequeRandomSequences() {
        for (long seed = 1; seed <= 6; seed++) {
            run(seed, new java.util.concurrent.ConcurrentLinkedDeque<>(), new ConcurrentLinkedDeque<>(),
                    java.util.concurrent.ConcurrentLinkedDeque::new, ConcurrentLinkedDeque::new, false, false);
        }
    }

    @Test
    void constructorsAndEdgeCases() {
        same("capacity 0", () -> new java.util.concurrent.LinkedBlockingDeque<Integer>(0), () -> new LinkedBlockingDeque<Integer>(0));
        same("null element copy", () -> new java.util.concurrent.LinkedBlockingDeque<>(Arrays.asList(1, null)),
                () -> new LinkedBlockingDeque<>(Arrays.asList(1, null)));
        same("null element copy CLD", () -> new java.util.concurrent.ConcurrentLinkedDeque<>(Arrays.asList(1, null)),
                () -> new ConcurrentLinkedDeque<>(Arrays.asList(1, null)));
        java.util.concurrent.LinkedBlockingDeque<Integer> ja = new java.util.concurrent.LinkedBlockingDeque<>(3);
        LinkedBlockingDeque<Integer> oa = new LinkedBlockingDeque<>(3);
        same("addAll over capacity", () -> ja.addAll(List.of(1, 2, 3, 4)) , () -> oa.addAll(List.of(1, 2, 3, 4)));
        assertEquals(ja.toString(), oa.toString());
        same("addAll self", () -> ja.addAll(ja), () -> oa.addAll(oa));
        same("drainTo self", () -> ja.drainTo(ja), () -> oa.drainTo(oa));
        same("addFirst full", () -> { ja.addFirst(9); return ja; }, () -> { oa.addFirst(9); return oa; });
        java.util.concurrent.ConcurrentLinkedDeque<Integer> jc = new java.util.concurrent.ConcurrentLinkedDeque<>();
        ConcurrentLinkedDeque<Integer> oc = new ConcurrentLinkedDeque<>();
        same("CLD addAll self", () -> jc.addAll(jc), () -> oc.addAll(oc));
        same("CLD empty", () -> jc + " " + jc.peek() + " " + jc.poll() + " " + jc.isEmpty(), () -> oc + " " + oc.peek() + " " + oc.poll() + " " + oc.isEmpty());
        same("CLD getFirst empty", jc::getFirst, oc::getFirst);
        same("CLD pop empty", jc::pop, oc::pop);
        ja.clear();
        oa.clear();
        same("LBD element empty", ja::element, oa::element);
        same("LBD iterator remove before next", () -> { ja.iterator().remove(); return 0; }, () -> { oa.iterator().remove(); return 0; });
    }
}
