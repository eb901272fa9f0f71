package org.cometsim.guestlib.java.util.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.cometsim.guestlib.HangGuard;
import org.junit.jupiter.api.Test;

/**
 * Differential tests for the guest {@code LinkedBlockingQueue} and {@code ArrayBlockingQueue}: seeded
 * random single-threaded operation sequences (small capacities, so the "full" paths run), including
 * live iterators across modifications, compared op by op with the JDK's classes (result or exception
 * class + message, then toString, toArray, iteration order, size and remainingCapacity); plus timed
 * offer/poll, interruption, blocking hand-off and a two-thread producer/consumer on host threads.
 */
class BlockingQueueDifferentialTest {

    private static final long[] SEEDS = {1L, 7L, 31337L, 20240607L};

    /** A JDK object and our counterpart that must behave identically. */
    record P<T>(T jdk, T ours) {
    }

    /** A unit of work that may throw anything (the timed and blocking methods throw InterruptedException). */
    interface Op<T> {
        Object apply(T t) throws Exception;
    }

    static <T> String outcome(T target, Op<T> op) {
        try {
            return "OK:" + norm(op.apply(target));
        } catch (StackOverflowError e) {
            throw e;
        } catch (Throwable t) {
            return "EX:" + t.getClass().getName() + ":" + t.getMessage();
        }
    }

    static String norm(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Object[] a) {
            return a.getClass().getComponentType().getName() + Arrays.deepToString(a);
        }
        if (o instanceof Collection<?> || o instanceof Iterator<?>) {
            return "object";
        }
        return o.getClass().getName() + ":" + o;
    }

    /** Applies op to both and asserts identical outcomes; returns the JDK outcome. */
    static <T> String same(P<T> p, Op<T> op, String what) {
        String a = outcome(p.jdk(), op);
        String b = outcome(p.ours(), op);
        if (!a.equals(b) && !sameImplicitException(a, b)) {
            fail(what + "\n  jdk : " + a + "\n  ours: " + b);
        }
        return a;
    }

    /** Hot implicit exceptions may lose their message on HotSpot; helpful NPE messages depend on bytecode. */
    static boolean sameImplicitException(String a, String b) {
        return org.cometsim.guestlib.java.util.ListQueueDiff.sameImplicitException(a, b);
    }

    static <T> String sameOutcome(Supplier<T> jdk, Supplier<T> ours, String what) {
        return same(new P<Supplier<T>>(jdk, ours), Supplier::get, what);
    }

    static String iterate(Collection<?> q) {
        StringBuilder sb = new StringBuilder();
        for (Object o : q) {
            sb.append(o).append(' ');
        }
        return sb.toString();
    }

    /** Compares the whole observable state. */
    static void sameState(P<BlockingQueue<Integer>> d, String what) {
        same(d, Object::toString, what + " [toString]");
        same(d, q -> q.size() + " " + q.remainingCapacity() + " " + q.isEmpty() + " " + q.peek(), what + " [size]");
        same(d, BlockingQueue::toArray, what + " [toArray]");
        same(d, BlockingQueueDifferentialTest::iterate, what + " [iteration]");
    }

    static Integer elem(java.util.Random r) {
        int x = r.nextInt(30);
        return x == 29 ? null : Integer.valueOf(x % 17);
    }

    static void fuzz(Supplier<BlockingQueue<Integer>> jdkF, Supplier<BlockingQueue<Integer>> ourF, long seed, int ops) {
        java.util.Random r = new java.util.Random(seed);
        P<BlockingQueue<Integer>> d = new P<>(jdkF.get(), ourF.get());
        List<P<Iterator<Integer>>> its = new java.util.ArrayList<>();
        Integer[] lastReturned = new Integer[1];
        sameState(d, "seed " + seed + " initial");
        for (int step = 0; step < ops; step++) {
            Integer e = elem(r);
            String what = "seed " + seed + " step " + step + " ";
            int op = r.nextInt(48);
            switch (op) {
                case 0, 1, 2 -> same(d, q -> q.offer(e), what + "offer " + e);
                case 3, 4 -> same(d, q -> q.add(e), what + "add " + e);
                case 5 -> {
                    if (d.jdk().remainingCapacity() > 0 || e == null) {
                        same(d, q -> { q.put(e); return null; }, what + "put " + e);
                    }
                }
                case 6 -> {
                    long t = r.nextInt(3) - 1;
                    same(d, q -> q.offer(e, t, TimeUnit.NANOSECONDS), what + "timed offer " + e + " " + t);
                }
                case 7, 8, 9 -> same(d, BlockingQueue::poll, what + "poll");
                case 10 -> {
                    if (!d.jdk().isEmpty()) {
                        same(d, BlockingQueue::take, what + "take");
                    }
                }
                case 11 -> {
                    long t = r.nextInt(3) - 1;
                    same(d, q -> q.poll(t, TimeUnit.NANOSECONDS), what + "timed poll " + t);
                }
                case 12 -> same(d, BlockingQueue::peek, what + "peek");
                case 13 -> same(d, BlockingQueue::element, what + "element");
                case 14 -> same(d, q -> q.remove(), what + "remove()");
                case 15, 16 -> same(d, q -> q.remove(e), what + "remove(Object) " + e);
                case 17 -> same(d, q -> q.contains(e), what + "contains " + e);
                case 18 -> {
                    int len = r.nextInt(8);
                    same(d, q -> {
                        Integer[] a = new Integer[len];
                        Arrays.fill(a, 99);
                        Integer[] res = q.toArray(a);
                        return Arrays.toString(res) + (res == a ? " same" : " new");
                    }, what + "toArray(T[])");
                }
                case 19 -> same(d, q -> {
                    java.util.List<Integer> c = new java.util.ArrayList<>(List.of(-1));
                    int n = q.drainTo(c);
                    return n + " " + c;
                }, what + "drainTo");
                case 20 -> {
                    int max = r.nextInt(6) - 1;
                    same(d, q -> {
                        java.util.List<Integer> c = new java.util.ArrayList<>();
                        int n = q.drainTo(c, max);
                        return n + " " + c;
                    }, what + "drainTo max " + max);
                }
                case 21 -> {
                    // a target that refuses the third element: the drained prefix is gone, the rest stays
                    int max = r.nextInt(8);
                    P<java.util.concurrent.ArrayBlockingQueue<Integer>> targets =
                            new P<>(new java.util.concurrent.ArrayBlockingQueue<>(2),
                                    new java.util.concurrent.ArrayBlockingQueue<>(2));
                    String a = outcome(d.jdk(), q -> q.drainTo(targets.jdk(), max));
                    String b = outcome(d.ours(), q -> q.drainTo(targets.ours(), max));
                    assertEquals(a, b, what + "drainTo throwing target");
                    assertEquals(targets.jdk().toString(), targets.ours().toString(), what + "drainTo throwing target content");
                }
                case 22 -> {
                    switch (r.nextInt(3)) {
                        case 0 -> same(d, q -> q.drainTo(null), what + "drainTo(null)");
                        case 1 -> same(d, q -> q.drainTo(q), what + "drainTo(self)");
                        default -> same(d, q -> q.drainTo(q, 0), what + "drainTo(self, 0)");
                    }
                }
                case 23 -> {
                    if (r.nextInt(4) == 0) {
                        same(d, q -> { q.clear(); return null; }, what + "clear");
                    }
                }
                case 24 -> same(d, q -> {
                    java.util.List<Integer> seen = new java.util.ArrayList<>();
                    q.forEach(seen::add);
                    return seen.toString();
                }, what + "forEach");
                case 25 -> {
                    int m = r.nextInt(4);
                    same(d, q -> q.removeIf(x -> x % 4 == m), what + "removeIf");
                }
                case 26 -> {
                    List<Integer> c = List.of(r.nextInt(17), r.nextInt(17));
                    same(d, q -> q.removeAll(c), what + "removeAll");
                }
                case 27 -> {
                    List<Integer> c = List.of(r.nextInt(17), r.nextInt(17), r.nextInt(17), r.nextInt(17), r.nextInt(17));
                    same(d, q -> q.retainAll(c), what + "retainAll");
                }
                case 28 -> {
                    java.util.List<Integer> c = new java.util.ArrayList<>();
                    for (int k = r.nextInt(5); k > 0; k--) {
                        c.add(elem(r));
                    }
                    same(d, q -> q.addAll(c), what + "addAll " + c);
                }
                case 29 -> {
                    List<Integer> c = List.of(r.nextInt(17), r.nextInt(17));
                    same(d, q -> q.containsAll(c), what + "containsAll");
                }
                case 30 -> {
                    switch (r.nextInt(5)) {
                        case 0 -> same(d, q -> q.removeIf(null), what + "removeIf(null)");
                        case 1 -> same(d, q -> q.removeAll(null), what + "removeAll(null)");
                        case 2 -> same(d, q -> q.retainAll(null), what + "retainAll(null)");
                        case 3 -> same(d, q -> { q.forEach(null); return null; }, what + "forEach(null)");
                        default -> same(d, q -> q.addAll(q), what + "addAll(self)");
                    }
                }
                case 31 -> same(d, q -> {
                    // predicate that structurally modifies the queue
                    return q.removeIf(x -> {
                        if (x == 3) {
                            q.offer(4);
                        }
                        if (x == 5) {
                            q.poll();
                        }
                        return x == 2;
                    });
                }, what + "removeIf with modification");
                case 32 -> same(d, q -> {
                    java.util.List<Integer> seen = new java.util.ArrayList<>();
                    q.forEach(x -> {
                        seen.add(x);
                        if (x == 6) {
                            q.offer(7);
                        }
                        if (x == 8) {
                            q.poll();
                        }
                    });
                    return seen.toString();
                }, what + "forEach with modification");
                case 33, 34 -> {
                    P<Iterator<Integer>> it = new P<>(d.jdk().iterator(), d.ours().iterator());
                    if (its.size() >= 4) {
                        its.set(r.nextInt(4), it);
                    } else {
                        its.add(it);
                    }
                }
                case 35, 36, 37, 38, 39, 40 -> {
                    if (its.isEmpty()) {
                        break;
                    }
                    P<Iterator<Integer>> it = its.get(r.nextInt(its.size()));
                    switch (r.nextInt(8)) {
                        case 0, 1, 2 -> {
                            String res = same(it, Iterator::next, what + "it.next");
                            if (res.startsWith("OK:java.lang.Integer:")) {
                                lastReturned[0] = Integer.valueOf(res.substring("OK:java.lang.Integer:".length()));
                            }
                        }
                        case 3 -> same(it, Iterator::hasNext, what + "it.hasNext");
                        case 4, 5 -> same(it, x -> { x.remove(); return null; }, what + "it.remove");
                        case 6 -> same(it, x -> {
                            java.util.List<Integer> seen = new java.util.ArrayList<>();
                            x.forEachRemaining(seen::add);
                            return seen.toString();
                        }, what + "it.forEachRemaining");
                        default -> same(it, x -> {
                            int removed = 0;
                            while (x.hasNext()) {
                                Integer v = x.next();
                                if (v % 3 == 0) {
                                    x.remove();
                                    removed++;
                                }
                            }
                            return removed;
                        }, what + "it.drain-remove");
                    }
                }
                case 41 -> {
                    // remove (from the queue) the element an iterator returned last: its lastRet goes stale
                    Integer x = lastReturned[0];
                    if (x != null) {
                        same(d, q -> q.remove(x), what + "remove(last returned) " + x);
                    }
                }
                case 42 -> {
                    // next(), remove that element behind the iterator's back, then it.remove() / next()
                    P<Iterator<Integer>> it;
                    if (its.isEmpty() || r.nextBoolean()) {
                        // a fresh iterator advanced a few steps, kept for later operations
                        it = new P<>(d.jdk().iterator(), d.ours().iterator());
                        for (int k = r.nextInt(Math.max(1, d.jdk().size())); k > 0; k--) {
                            same(it, Iterator::next, what + "advance fresh iterator");
                        }
                        if (its.size() >= 4) {
                            its.set(r.nextInt(4), it);
                        } else {
                            its.add(it);
                        }
                    } else {
                        it = its.get(r.nextInt(its.size()));
                    }
                    String res = same(it, Iterator::next, what + "it.next before stale remove");
                    if (res.startsWith("OK:java.lang.Integer:")) {
                        Integer x = Integer.valueOf(res.substring("OK:java.lang.Integer:".length()));
                        same(d, q -> q.remove(x), what + "remove(just returned) " + x);
                        if (r.nextBoolean()) {
                            same(it, y -> { y.remove(); return null; }, what + "stale it.remove");
                        } else {
                            same(it, Iterator::next, what + "next after stale remove");
                        }
                    }
                }
                default -> {
                    // refill bias: keeps the queue near full so wrap-around and "full" paths dominate
                    for (int k = r.nextInt(4); k > 0; k--) {
                        Integer x = r.nextInt(17);
                        same(d, q -> q.offer(x), what + "refill " + x);
                    }
                }
            }
            sameState(d, what + "after op " + op);
        }
    }

    @Test
    void arrayBlockingQueueRandomOps() {
        int[] caps = {1, 2, 3, 5, 8};
        for (long seed : SEEDS) {
            for (int cap : caps) {
                boolean fair = (cap & 1) == 0;
                fuzz(() -> new java.util.concurrent.ArrayBlockingQueue<>(cap, fair),
                        () -> new ArrayBlockingQueue<>(cap, fair), seed * 31 + cap, 2500);
            }
        }
        fuzz(() -> new java.util.concurrent.ArrayBlockingQueue<>(6, false, List.of(1, 2, 3, 4)),
                () -> new ArrayBlockingQueue<>(6, false, List.of(1, 2, 3, 4)), 99, 2500);
        fuzz(() -> new java.util.concurrent.ArrayBlockingQueue<>(3, true, List.of(1, 2, 3)),
                () -> new ArrayBlockingQueue<>(3, true, List.of(1, 2, 3)), 100, 2500);
    }

    @Test
    void linkedBlockingQueueRandomOps() {
        int[] caps = {1, 2, 3, 5, 8};
        for (long seed : SEEDS) {
            for (int cap : caps) {
                fuzz(() -> new java.util.concurrent.LinkedBlockingQueue<>(cap),
                        () -> new LinkedBlockingQueue<>(cap), seed * 31 + cap, 2500);
            }
            fuzz(java.util.concurrent.LinkedBlockingQueue::new, LinkedBlockingQueue::new, seed, 2500);
        }
        fuzz(() -> new java.util.concurrent.LinkedBlockingQueue<>(List.of(1, 2, 3, 4)),
                () -> new LinkedBlockingQueue<>(List.of(1, 2, 3, 4)), 99, 2500);
    }

    /** More than 64 elements: the batched forEach / removeIf / iterator.forEachRemaining of LBQ. */
    @Test
    void largeQueuesRandomOps() {
        for (long seed : SEEDS) {
            fuzz(() -> new java.util.concurrent.LinkedBlockingQueue<>(150), () -> new LinkedBlockingQueue<>(150),
                    seed + 1000, 1500);
            fuzz(() -> new java.util.concurrent.ArrayBlockingQueue<>(150), () -> new ArrayBlockingQueue<>(150),
                    seed + 2000, 1500);
            java.util.List<Integer> src = new java.util.ArrayList<>();
            for (int i = 0; i < 140; i++) {
                src.add(i % 17);
            }
            fuzz(() -> new java.util.concurrent.LinkedBlockingQueue<>(src), () -> new LinkedBlockingQueue<>(src),
                    seed + 3000, 800);
            fuzz(() -> new java.util.concurrent.ArrayBlockingQueue<>(140, false, src),
                    () -> new ArrayBlockingQueue<>(140, false, src), seed + 4000, 800);
        }
    }

    @Test
    void constructors() {
        sameOutcome(() -> new java.util.concurrent.ArrayBlockingQueue<Integer>(0), () -> new ArrayBlockingQueue<Integer>(0), "ABQ(0)");
        sameOutcome(() -> new java.util.concurrent.ArrayBlockingQueue<Integer>(-1, true),
                () -> new ArrayBlockingQueue<Integer>(-1, true), "ABQ(-1, true)");
        sameOutcome(() -> new java.util.concurrent.ArrayBlockingQueue<Integer>(2, false, List.of(1, 2, 3)),
                () -> new ArrayBlockingQueue<Integer>(2, false, List.of(1, 2, 3)), "ABQ too many");
        sameOutcome(() -> new java.util.concurrent.ArrayBlockingQueue<Integer>(2, false, List.of(1, 2)),
                () -> new ArrayBlockingQueue<Integer>(2, false, List.of(1, 2)), "ABQ exactly full");
        sameOutcome(() -> new java.util.concurrent.ArrayBlockingQueue<Integer>(3, false, Arrays.asList(1, null)),
                () -> new ArrayBlockingQueue<Integer>(3, false, Arrays.asList(1, null)), "ABQ null element");
        sameOutcome(() -> new java.util.concurrent.ArrayBlockingQueue<Integer>(2, false, Arrays.asList(1, 2, null)),
                () -> new ArrayBlockingQueue<Integer>(2, false, Arrays.asList(1, 2, null)), "ABQ null element past capacity");
        sameOutcome(() -> new java.util.concurrent.ArrayBlockingQueue<Integer>(2, false, null),
                () -> new ArrayBlockingQueue<Integer>(2, false, null), "ABQ null collection");
        sameOutcome(() -> new java.util.concurrent.ArrayBlockingQueue<Integer>(0, false, null),
                () -> new ArrayBlockingQueue<Integer>(0, false, null), "ABQ(0, null collection)");
        sameOutcome(() -> new java.util.concurrent.LinkedBlockingQueue<Integer>(0), () -> new LinkedBlockingQueue<Integer>(0), "LBQ(0)");
        sameOutcome(() -> new java.util.concurrent.LinkedBlockingQueue<Integer>(-5), () -> new LinkedBlockingQueue<Integer>(-5), "LBQ(-5)");
        sameOutcome(() -> new java.util.concurrent.LinkedBlockingQueue<Integer>(Arrays.asList(1, null)),
                () -> new LinkedBlockingQueue<Integer>(Arrays.asList(1, null)), "LBQ null element");
        sameOutcome(() -> new java.util.concurrent.LinkedBlockingQueue<Integer>((Collection<Integer>) null),
                () -> new LinkedBlockingQueue<Integer>((Collection<Integer>) null), "LBQ null collection");
        assertEquals(Integer.MAX_VALUE, new LinkedBlockingQueue<Integer>().remainingCapacity());
        assertEquals(Integer.MAX_VALUE - 2, new LinkedBlockingQueue<Integer>(List.of(1, 2)).remainingCapacity());
    }

    @Test
    void edgeCases() {
        List<P<BlockingQueue<Object>>> qs = List.of(
                new P<>(new java.util.concurrent.ArrayBlockingQueue<>(2), new ArrayBlockingQueue<>(2)),
                new P<>(new java.util.concurrent.LinkedBlockingQueue<>(2), new LinkedBlockingQueue<>(2)));
        for (P<BlockingQueue<Object>> d : qs) {
            String c = d.ours().getClass().getSimpleName() + " ";
            same(d, q -> q.offer(null), c + "offer(null)");
            same(d, q -> q.add(null), c + "add(null)");
            same(d, q -> { q.put(null); return null; }, c + "put(null)");
            same(d, q -> q.offer(null, 1, TimeUnit.SECONDS), c + "timed offer(null)");
            same(d, q -> q.offer(1, 1, null), c + "timed offer null unit");
            same(d, q -> q.poll(1, null), c + "timed poll null unit");
            same(d, q -> q.remove(null), c + "remove(null)");
            same(d, q -> q.contains(null), c + "contains(null)");
            same(d, BlockingQueue::element, c + "element on empty");
            same(d, q -> q.remove(), c + "remove() on empty");
            same(d, q -> q.toArray((Object[]) null), c + "toArray(null)");
            same(d, q -> q.add(q), c + "add(self)");
            same(d, Object::toString, c + "toString with self");
            same(d, q -> { q.clear(); return null; }, c + "clear");
            same(d, q -> q.add("x"), c + "add");
            same(d, q -> q.add(5), c + "add 5");
            same(d, q -> q.add("y"), c + "add when full");
            same(d, q -> q.toArray(new String[0]), c + "toArray(String[0]) with a non-String");
            same(d, q -> q.toArray(new Integer[5]), c + "toArray(Integer[5]) with non-Integers");
            same(d, Object::toString, c + "toString");
            same(d, q -> q.drainTo(null, 0), c + "drainTo(null, 0)");
            same(d, q -> q.drainTo(q, -1), c + "drainTo(self, -1)");
            same(d, q -> q.iterator().next(), c + "iterator().next()");
            same(d, q -> { q.iterator().remove(); return null; }, c + "iterator().remove() without next");
            same(d, q -> {
                Iterator<Object> it = q.iterator();
                it.next();
                it.remove();
                it.remove();
                return null;
            }, c + "double iterator remove");
            same(d, Object::toString, c + "after double remove");
            same(d, q -> {
                Iterator<Object> it = q.iterator();
                q.clear();
                return it.hasNext() + " " + it.next() + " " + it.hasNext();
            }, c + "iterator across clear");
            same(d, q -> q.iterator().next(), c + "iterator().next() on empty");
        }
        // the element returned by an iterator whose element was polled meanwhile (weak consistency)
        P<BlockingQueue<Integer>> d = new P<>(new java.util.concurrent.ArrayBlockingQueue<>(3, false, List.of(1, 2, 3)),
                new ArrayBlockingQueue<>(3, false, List.of(1, 2, 3)));
        P<Iterator<Integer>> it = new P<>(d.jdk().iterator(), d.ours().iterator());
        same(d, BlockingQueue::poll, "poll");
        same(d, BlockingQueue::poll, "poll");
        same(d, q -> q.offer(4), "offer");
        same(it, Iterator::next, "next (cached 1)");
        same(it, Iterator::next, "next");
        same(it, x -> { x.remove(); return null; }, "remove");
        same(it, Iterator::hasNext, "hasNext");
        sameState(d, "after");
        // an interior element removed behind the iterator's back: its remove() must not remove another
        for (int kind = 0; kind < 2; kind++) {
            P<BlockingQueue<Integer>> e = kind == 0
                    ? new P<>(new java.util.concurrent.ArrayBlockingQueue<>(5, false, List.of(1, 2, 3, 4)),
                            new ArrayBlockingQueue<>(5, false, List.of(1, 2, 3, 4)))
                    : new P<>(new java.util.concurrent.LinkedBlockingQueue<>(List.of(1, 2, 3, 4)),
                            new LinkedBlockingQueue<>(List.of(1, 2, 3, 4)));
            P<Iterator<Integer>> i2 = new P<>(e.jdk().iterator(), e.ours().iterator());
            same(i2, Iterator::next, "next 1");
            same(i2, Iterator::next, "next 2");
            same(e, q -> q.remove(2), "remove(2)");
            same(i2, x -> { x.remove(); return null; }, "it.remove of an already removed element");
            sameState(e, "after stale remove");
            same(i2, Iterator::next, "next 3");
            same(i2, x -> { x.remove(); return null; }, "it.remove 3");
            sameState(e, "after remove 3");
        }
    }

    /** Timed offer/poll with a tiny timeout on a full / empty queue: they wait, then give up. */
    @Test
    void timedOfferAndPollTimeOut() throws Exception {
        for (BlockingQueue<Integer> q : List.<BlockingQueue<Integer>>of(new ArrayBlockingQueue<>(1), new LinkedBlockingQueue<>(1))) {
            long t0 = System.nanoTime();
            assertNull(q.poll(2, TimeUnit.MILLISECONDS));
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(2), "poll waited");
            assertNull(q.poll(0, TimeUnit.MILLISECONDS));
            assertNull(q.poll(-1, TimeUnit.DAYS));
            assertTrue(q.offer(1, 1, TimeUnit.NANOSECONDS));
            t0 = System.nanoTime();
            assertFalse(q.offer(2, 3, TimeUnit.MILLISECONDS));
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(3), "offer waited");
            assertFalse(q.offer(2, 0, TimeUnit.SECONDS));
            assertFalse(q.offer(2, Long.MIN_VALUE, TimeUnit.SECONDS));
            assertEquals("[1]", q.toString());
            assertEquals(1, q.poll(1, TimeUnit.MICROSECONDS));
            assertEquals(1, q.remainingCapacity());
        }
    }

    /** Interruption: at entry (even when no wait is needed, like lockInterruptibly) and while waiting. */
    @Test
    void interruption() throws Exception {
        List<P<BlockingQueue<Integer>>> qs = List.of(
                new P<>(new java.util.concurrent.ArrayBlockingQueue<>(1), new ArrayBlockingQueue<>(1)),
                new P<>(new java.util.concurrent.LinkedBlockingQueue<>(1), new LinkedBlockingQueue<>(1)));
        for (P<BlockingQueue<Integer>> d : qs) {
            List<Op<BlockingQueue<Integer>>> ops = List.of(
                    q -> { q.put(1); return null; }, BlockingQueue::take,
                    q -> q.offer(1, 1, TimeUnit.SECONDS), q -> q.poll(1, TimeUnit.SECONDS),
                    q -> q.offer(1), BlockingQueue::poll);
            for (int i = 0; i < ops.size(); i++) {
                Op<BlockingQueue<Integer>> op = ops.get(i);
                same(d, q -> {
                    Thread.currentThread().interrupt();
                    String r = outcome(q, op);
                    return r + " interrupted=" + Thread.interrupted();
                }, d.ours().getClass().getSimpleName() + " interrupted op " + i);
                sameState(d, "after interrupted op " + i);
            }
        }
        // interrupted while waiting
        for (BlockingQueue<Integer> q : List.<BlockingQueue<Integer>>of(new ArrayBlockingQueue<>(1), new LinkedBlockingQueue<>(1))) {
            AtomicReference<Throwable> got = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    q.take();
                } catch (Throwable e) {
                    got.set(e);
                }
            });
            t.start();
            waitUntilWaiting(t);
            t.interrupt();
            HangGuard.join(t);
            assertTrue(got.get() instanceof InterruptedException, String.valueOf(got.get()));
            q.put(5);
            Thread t2 = new Thread(() -> {
                try {
                    q.offer(6, 1, TimeUnit.DAYS);
                } catch (Throwable e) {
                    got.set(e);
                }
            });
            got.set(null);
            t2.start();
            waitUntilWaiting(t2);
            t2.interrupt();
            HangGuard.join(t2);
            assertTrue(got.get() instanceof InterruptedException, String.valueOf(got.get()));
            assertEquals("[5]", q.toString());
        }
    }

    static void waitUntilWaiting(Thread t) throws InterruptedException {
        HangGuard.until(() -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING,
                t.getName() + " to block");
    }

    /** A blocked take is woken by put, a blocked put by poll / drainTo / clear / iterator.remove / remove(Object). */
    @Test
    void blockingHandOff() throws Exception {
        for (int kind = 0; kind < 2; kind++) {
            for (int unblock = 0; unblock < 6; unblock++) {
                BlockingQueue<Integer> q = kind == 0 ? new ArrayBlockingQueue<>(2) : new LinkedBlockingQueue<>(2);
                AtomicReference<Object> got = new AtomicReference<>();
                Thread taker = new Thread(() -> {
                    try {
                        got.set(q.take());
                    } catch (Throwable e) {
                        got.set(e);
                    }
                });
                taker.start();
                waitUntilWaiting(taker);
                q.put(7);
                HangGuard.join(taker);
                assertEquals(7, got.get());
                q.put(1);
                q.put(2);
                Thread putter = new Thread(() -> {
                    try {
                        q.put(3);
                        got.set("put done");
                    } catch (Throwable e) {
                        got.set(e);
                    }
                });
                putter.start();
                waitUntilWaiting(putter);
                final int u = unblock;
                switch (u) {
                    case 0 -> q.poll();
                    case 1 -> q.drainTo(new java.util.ArrayList<>(), 1);
                    case 2 -> q.clear();
                    case 3 -> {
                        Iterator<Integer> it = q.iterator();
                        it.next();
                        it.next();
                        it.remove();
                    }
                    case 4 -> q.remove(2);
                    default -> q.removeIf(x -> x == 1);
                }
                HangGuard.join(putter); // still blocked after the unblocking call: stuck
                assertEquals("put done", got.get());
                assertTrue(q.contains(3));
            }
        }
    }

    /** Two host threads through our classes: everything produced is consumed exactly once, in order. */
    @Test
    void producerConsumer() throws Exception {
        List<Supplier<BlockingQueue<Integer>>> makers = List.of(
                () -> new ArrayBlockingQueue<>(4), () -> new ArrayBlockingQueue<>(1, true),
                () -> new LinkedBlockingQueue<>(4), () -> new LinkedBlockingQueue<>());
        for (Supplier<BlockingQueue<Integer>> maker : makers) {
            BlockingQueue<Integer> q = maker.get();
            int capacity = q.remainingCapacity();
            final int n = 20000;
            AtomicLong sum = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 1; i <= n; i++) {
                        switch (i % 3) {
                            case 0 -> q.put(i);
                            case 1 -> {
                                while (!q.offer(i, 50, TimeUnit.MICROSECONDS)) {
                                    // retry
                                }
                            }
                            default -> {
                                while (!q.offer(i)) {
                                    Thread.yield();
                                }
                            }
                        }
                    }
                    q.put(-1);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            Thread consumer = new Thread(() -> {
                try {
                    int expect = 1;
                    for (;;) {
                        Integer x;
                        switch (expect % 3) {
                            case 0 -> x = q.take();
                            case 1 -> x = q.poll(50, TimeUnit.MICROSECONDS);
                            default -> {
                                java.util.List<Integer> c = new java.util.ArrayList<>();
                                q.drainTo(c, 1);
                                x = c.isEmpty() ? null : c.get(0);
                            }
                        }
                        if (x == null) {
                            continue;
                        }
                        if (x == -1) {
                            break;
                        }
                        if (x != expect) {
                            throw new AssertionError("expected " + expect + " got " + x);
                        }
                        sum.addAndGet(x);
                        expect++;
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            producer.start();
            consumer.start();
            HangGuard.join(producer);
            HangGuard.join(consumer);
            if (failure.get() != null) {
                throw new AssertionError(failure.get());
            }
            assertEquals((long) n * (n + 1) / 2, sum.get());
            assertTrue(q.isEmpty());
            assertEquals(capacity, q.remainingCapacity());
        }
    }

    /** Default serialization round trip keeps the contents (the form itself is not the JDK's). */
    @Test
    void serializationRoundTrip() throws Exception {
        for (BlockingQueue<Integer> q : List.<BlockingQueue<Integer>>of(
                new ArrayBlockingQueue<>(3, false, List.of(1, 2)), new LinkedBlockingQueue<>(List.of(3, 4)))) {
            Iterator<Integer> it = q.iterator(); // registers an Itrs for ABQ (transient)
            it.next();
            java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream oos = new java.io.ObjectOutputStream(bos)) {
                oos.writeObject(q);
            }
            @SuppressWarnings("unchecked")
            BlockingQueue<Integer> back = (BlockingQueue<Integer>) new java.io.ObjectInputStream(
                    new java.io.ByteArrayInputStream(bos.toByteArray())).readObject();
            assertEquals(q.toString(), back.toString());
            assertEquals(q.remainingCapacity(), back.remainingCapacity());
            back.offer(9);
            assertEquals(back.size(), q.size() + 1);
            assertEquals(iterate(back), iterate(q) + "9 ");
        }
    }
}
