package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.ListQueueDiff.P;
import static org.cometsim.guestlib.java.util.ListQueueDiff.same;
import static org.cometsim.guestlib.java.util.ListQueueDiff.sameState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Differential tests for the List implementations (ArrayList, LinkedList, Vector, Stack, and custom
 * AbstractList / AbstractSequentialList subclasses): random operation sequences over the list, its
 * (nested) sub-lists and live list iterators, compared op by op with the JDK.
 */
class ListDifferentialTest {

    private static final long[] SEEDS = {1L, 42L, 20240607L};
    private static final int OPS = 2000;

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<Integer>[] COMPARATORS = new Comparator[] {
        null, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()),
        Comparator.nullsLast(Comparator.<Integer>reverseOrder())
    };

    /** Random operations over a list pair, its sub-lists and its list iterators. */
    static void fuzzList(Supplier<List<Integer>> jdkF, Supplier<List<Integer>> ourF,
                         Function<List<Integer>, Object> cloner, long seed, int ops) {
        java.util.Random r = new java.util.Random(seed);
        P<List<Integer>> root = new P<>(jdkF.get(), ourF.get());
        java.util.List<P<List<Integer>>> views = new java.util.ArrayList<>();
        views.add(root);
        java.util.List<P<ListIterator<Integer>>> its = new java.util.ArrayList<>();
        for (int step = 0; step < ops; step++) {
            P<List<Integer>> t = (r.nextInt(3) == 0 || views.size() == 1) ? root : views.get(r.nextInt(views.size()));
            int n = safeSize(t.jdk());
            int i = r.nextInt(n + 5) - 2;
            int j = r.nextInt(n + 5) - 2;
            Integer e = elem(r);
            String what = "seed " + seed + " step " + step + " ";
            int op = r.nextInt(46);
            switch (op) {
                case 0, 1, 2, 3 -> same(t, l -> l.add(e), what + "add " + e);
                case 4, 5 -> same(t, l -> { l.add(i, e); return null; }, what + "add(" + i + ")");
                case 6 -> same(t, l -> l.get(i), what + "get " + i);
                case 7 -> same(t, l -> l.set(i, e), what + "set " + i);
                case 8 -> same(t, l -> l.remove(i), what + "remove(int) " + i);
                case 9 -> same(t, l -> l.remove(e), what + "remove(Object) " + e);
                case 10 -> same(t, l -> l.indexOf(e), what + "indexOf");
                case 11 -> same(t, l -> l.lastIndexOf(e), what + "lastIndexOf");
                case 12 -> same(t, l -> l.contains(e), what + "contains");
                case 13 -> {
                    List<Integer> c = smallList(r);
                    same(t, l -> l.addAll(c), what + "addAll " + c);
                }
                case 14 -> {
                    List<Integer> c = smallList(r);
                    same(t, l -> l.addAll(i, c), what + "addAll(" + i + ") " + c);
                }
                case 15 -> {
                    List<Integer> c = smallList(r);
                    same(t, l -> l.removeAll(c), what + "removeAll " + c);
                }
                case 16 -> {
                    List<Integer> c = smallList(r);
                    c.add(elem(r));
                    c.add(elem(r));
                    same(t, l -> l.retainAll(c), what + "retainAll " + c);
                }
                case 17 -> same(t, l -> l.containsAll(smallListFixed(e)), what + "containsAll");
                case 18 -> {
                    int m = r.nextInt(3);
                    same(t, l -> l.removeIf(x -> x == null ? m == 0 : x % 3 == m), what + "removeIf");
                }
                case 19 -> same(t, l -> { l.replaceAll(x -> x == null ? null : (x + 1) % 17); return null; },
                        what + "replaceAll");
                case 20 -> {
                    Comparator<Integer> c = COMPARATORS[r.nextInt(COMPARATORS.length)];
                    same(t, l -> { l.sort(c); return null; }, what + "sort");
                }
                case 21 -> {
                    if (r.nextInt(6) == 0) {
                        same(t, l -> { l.clear(); return null; }, what + "clear");
                    }
                }
                case 22 -> same(t, List::size, what + "size");
                case 23 -> same(t, List::isEmpty, what + "isEmpty");
                case 24 -> same(t, List::toArray, what + "toArray");
                case 25 -> {
                    int len = Math.max(0, i);
                    same(t, l -> {
                        Integer[] a = new Integer[len];
                        Arrays.fill(a, 99);
                        Integer[] res = l.toArray(a);
                        return Arrays.toString(res) + (res == a ? " same" : " new") + " " + Arrays.toString(a);
                    }, what + "toArray(T[" + len + "])");
                }
                case 26 -> same(t, l -> l.equals(new java.util.ArrayList<>(root.jdk())), what + "equals");
                case 27 -> same(t, List::hashCode, what + "hashCode");
                case 28 -> {
                    // cross-equality: our list vs the JDK list and back
                    String a = ListQueueDiff.outcome(t.ours(), l -> l.equals(t.jdk()));
                    String b = ListQueueDiff.outcome(t.jdk(), l -> l.equals(t.ours()));
                    assertEquals(a, b, what + "cross equals");
                }
                case 29, 30 -> {
                    String a = ListQueueDiff.outcome(t.jdk(), l -> l.subList(i, j));
                    String b = ListQueueDiff.outcome(t.ours(), l -> l.subList(i, j));
                    assertEquals(a, b, what + "subList(" + i + "," + j + ")");
                    if (a.startsWith("OK")) {
                        P<List<Integer>> v = new P<>(t.jdk().subList(i, j), t.ours().subList(i, j));
                        // the second subList call must not have disturbed anything
                        if (views.size() >= 6) {
                            views.set(1 + r.nextInt(5), v);
                        } else {
                            views.add(v);
                        }
                        assertEquals(t.jdk() instanceof RandomAccess, t.ours() instanceof RandomAccess);
                        assertEquals(v.jdk() instanceof RandomAccess, v.ours() instanceof RandomAccess,
                                what + "RandomAccess of subList");
                    }
                }
                case 31, 32 -> {
                    boolean withIndex = r.nextBoolean();
                    String a = ListQueueDiff.outcome(t.jdk(), l -> withIndex ? l.listIterator(i) : l.listIterator());
                    String b = ListQueueDiff.outcome(t.ours(), l -> withIndex ? l.listIterator(i) : l.listIterator());
                    assertEquals(a, b, what + "listIterator(" + i + ")");
                    if (a.startsWith("OK")) {
                        P<ListIterator<Integer>> it = withIndex
                                ? new P<>(t.jdk().listIterator(i), t.ours().listIterator(i))
                                : new P<>(t.jdk().listIterator(), t.ours().listIterator());
                        if (its.size() >= 4) {
                            its.set(r.nextInt(4), it);
                        } else {
                            its.add(it);
                        }
                    }
                }
                case 33, 34, 35, 36, 37, 38, 39, 40 -> {
                    if (its.isEmpty()) {
                        break;
                    }
                    P<ListIterator<Integer>> it = its.get(r.nextInt(its.size()));
                    int k = r.nextInt(11);
                    switch (k) {
                        case 0, 1, 2 -> same(it, ListIterator::next, what + "it.next");
                        case 3 -> same(it, ListIterator::previous, what + "it.previous");
                        case 4 -> same(it, x -> { x.remove(); return null; }, what + "it.remove");
                        case 5 -> same(it, x -> { x.set(e); return null; }, what + "it.set");
                        case 6 -> same(it, x -> { x.add(e); return null; }, what + "it.add");
                        case 7 -> same(it, x -> x.hasNext() + " " + x.hasPrevious(), what + "it.has");
                        case 8 -> same(it, x -> x.nextIndex() + " " + x.previousIndex(), what + "it.index");
                        case 9 -> same(it, x -> {
                            java.util.List<Integer> seen = new java.util.ArrayList<>();
                            x.forEachRemaining(seen::add);
                            return seen.toString();
                        }, what + "it.forEachRemaining");
                        default -> same(it, x -> {
                            StringBuilder sb = new StringBuilder();
                            while (x.hasNext()) {
                                sb.append(x.next()).append(' ');
                            }
                            return sb.toString();
                        }, what + "it.drain");
                    }
                }
                case 41 -> same(t, l -> {
                    java.util.List<Integer> seen = new java.util.ArrayList<>();
                    l.forEach(seen::add);
                    return seen.toString();
                }, what + "forEach");
                case 42 -> same(t, l -> {
                    // iterate and remove via Iterator (not ListIterator)
                    int removed = 0;
                    for (java.util.Iterator<Integer> it = l.iterator(); it.hasNext();) {
                        Integer x = it.next();
                        if (x != null && x % 4 == 1) {
                            it.remove();
                            removed++;
                        }
                    }
                    return removed;
                }, what + "iterator remove loop");
                case 43 -> {
                    if (cloner != null) {
                        String a = ListQueueDiff.outcome(root.jdk(), l -> cloner.apply(l).toString());
                        String b = ListQueueDiff.outcome(root.ours(), l -> cloner.apply(l).toString());
                        assertEquals(a, b, what + "clone");
                    }
                }
                case 44 -> same(t, l -> {
                    // a callback that modifies the list while forEach runs
                    l.forEach(x -> {
                        if (x != null && x == 5) {
                            l.add(6);
                        }
                    });
                    return null;
                }, what + "forEach with modification");
                default -> same(t, l -> {
                    l.replaceAll(x -> {
                        if (x != null && x == 7) {
                            l.remove((Object) 7);
                        }
                        return x;
                    });
                    return null;
                }, what + "replaceAll with modification");
            }
            sameState(root, what + "root after op " + op);
            if ((step & 7) == 0) {
                for (P<List<Integer>> v : views) {
                    sameState(v, what + "view after op " + op);
                    same(v, List::size, what + "view size");
                }
            }
        }
    }

    static int safeSize(Collection<?> c) {
        try {
            return c.size();
        } catch (RuntimeException e) {
            return 4;
        }
    }

    static Integer elem(java.util.Random r) {
        int x = r.nextInt(18);
        return x == 17 ? null : Integer.valueOf(x);
    }

    static List<Integer> smallList(java.util.Random r) {
        java.util.List<Integer> c = new java.util.ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            c.add(elem(r));
        }
        return c;
    }

    static List<Integer> smallListFixed(Integer e) {
        java.util.List<Integer> c = new java.util.ArrayList<>();
        c.add(e);
        return c;
    }

    @Test
    void arrayListRandomOps() {
        for (long seed : SEEDS) {
            fuzzList(java.util.ArrayList::new, ArrayList::new,
                    l -> l instanceof java.util.ArrayList<?> a ? a.clone() : ((ArrayList<?>) l).clone(), seed, OPS);
        }
    }

    @Test
    void linkedListRandomOps() {
        for (long seed : SEEDS) {
            fuzzList(java.util.LinkedList::new, LinkedList::new,
                    l -> l instanceof java.util.LinkedList<?> a ? a.clone() : ((LinkedList<?>) l).clone(), seed, OPS);
        }
    }

    @Test
    void vectorRandomOps() {
        for (long seed : SEEDS) {
            fuzzList(java.util.Vector::new, Vector::new,
                    l -> l instanceof java.util.Vector<?> a ? a.clone() : ((Vector<?>) l).clone(), seed, OPS);
        }
    }

    @Test
    void stackAsListRandomOps() {
        for (long seed : SEEDS) {
            fuzzList(java.util.Stack::new, Stack::new, null, seed, OPS / 3);
        }
    }

    @Test
    void customAbstractListRandomOps() {
        for (long seed : SEEDS) {
            fuzzList(JdkArrayBackedList::new, OurArrayBackedList::new, null, seed, OPS / 2);
        }
    }

    @Test
    void customAbstractSequentialListRandomOps() {
        for (long seed : SEEDS) {
            fuzzList(JdkSeqList::new, OurSeqList::new, null, seed, OPS / 2);
        }
    }

    @Test
    void collectionConstructorsCopy() {
        java.util.List<Integer> src = Arrays.asList(3, null, 1, 2);
        assertEquals(new java.util.ArrayList<>(src).toString(), new ArrayList<>(src).toString());
        assertEquals(new java.util.LinkedList<>(src).toString(), new LinkedList<>(src).toString());
        assertEquals(new java.util.Vector<>(src).toString(), new Vector<>(src).toString());
        ArrayList<Integer> ours = new ArrayList<>(src);
        assertEquals(src, new ArrayList<>(ours));
        assertEquals(src, new Vector<>(ours));
        assertEquals("[]", new ArrayList<>(new java.util.ArrayList<Integer>()).toString());
    }

    @Test
    void illegalCapacities() {
        P<Object> p = new P<>(null, null);
        same(p, x -> new java.util.ArrayList<Integer>(-1), "ArrayList(-1)");
        assertEquals(msg(() -> new java.util.ArrayList<Integer>(-3)), msg(() -> new ArrayList<Integer>(-3)));
        assertEquals(msg(() -> new java.util.Vector<Integer>(-3)), msg(() -> new Vector<Integer>(-3)));
    }

    static String msg(Runnable r) {
        try {
            r.run();
            return "no exception";
        } catch (RuntimeException e) {
            return e.getClass().getName() + ":" + e.getMessage();
        }
    }

    @Test
    void arrayListExceptionMessages() {
        ArrayList<Integer> ours = new ArrayList<>(Arrays.asList(1, 2, 3));
        java.util.ArrayList<Integer> jdk = new java.util.ArrayList<>(Arrays.asList(1, 2, 3));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> ours.get(5));
        assertEquals("Index 5 out of bounds for length 3", e.getMessage());
        assertEquals(msg(() -> jdk.add(7, 1)), msg(() -> ours.add(7, 1)));
        assertEquals(msg(() -> jdk.listIterator(-1)), msg(() -> ours.listIterator(-1)));
        assertEquals(msg(() -> jdk.subList(2, 1)), msg(() -> ours.subList(2, 1)));
        assertEquals(msg(() -> jdk.subList(-1, 1)), msg(() -> ours.subList(-1, 1)));
        assertEquals(msg(() -> jdk.subList(0, 4)), msg(() -> ours.subList(0, 4)));
        assertEquals(msg(() -> jdk.subList(0, 2).get(2)), msg(() -> ours.subList(0, 2).get(2)));
        assertEquals(msg(() -> jdk.subList(0, 2).add(3, 1)), msg(() -> ours.subList(0, 2).add(3, 1)));
        assertEquals(msg(() -> jdk.iterator().remove()), msg(() -> ours.iterator().remove()));
    }

    @Test
    void linkedListExceptionMessages() {
        LinkedList<Integer> ours = new LinkedList<>(Arrays.asList(1, 2, 3));
        java.util.LinkedList<Integer> jdk = new java.util.LinkedList<>(Arrays.asList(1, 2, 3));
        assertEquals(msg(() -> jdk.get(3)), msg(() -> ours.get(3)));
        assertEquals("java.lang.IndexOutOfBoundsException:Index: 3, Size: 3", msg(() -> ours.get(3)));
        assertEquals(msg(() -> jdk.add(4, 0)), msg(() -> ours.add(4, 0)));
        assertEquals(msg(() -> jdk.listIterator(4)), msg(() -> ours.listIterator(4)));
        assertEquals(msg(() -> jdk.subList(0, 2).get(2)), msg(() -> ours.subList(0, 2).get(2)));
        assertEquals(msg(() -> new java.util.LinkedList<>().getFirst()), msg(() -> new LinkedList<>().getFirst()));
        assertEquals(msg(() -> new java.util.LinkedList<>().pop()), msg(() -> new LinkedList<>().pop()));
    }

    @Test
    void selfReferenceToString() {
        java.util.ArrayList<Object> jdk = new java.util.ArrayList<>();
        ArrayList<Object> ours = new ArrayList<>();
        jdk.add(1);
        jdk.add(jdk);
        jdk.add(null);
        ours.add(1);
        ours.add(ours);
        ours.add(null);
        assertEquals(jdk.toString(), ours.toString());
        assertEquals("[1, (this Collection), null]", ours.toString());
        LinkedList<Object> ll = new LinkedList<>();
        ll.add(ll);
        assertEquals("[(this Collection)]", ll.toString());
        assertEquals("[]", new LinkedList<>().toString());
        assertEquals("[]", new Vector<>().toString());
    }

    @Test
    void cloneIsShallowAndIndependent() {
        ArrayList<Object> a = new ArrayList<>();
        Object x = new Object();
        a.add(x);
        @SuppressWarnings("unchecked")
        ArrayList<Object> c = (ArrayList<Object>) a.clone();
        assertSame(x, c.get(0));
        c.add(2);
        assertEquals(1, a.size());
        LinkedList<Object> l = new LinkedList<>();
        l.add(x);
        @SuppressWarnings("unchecked")
        LinkedList<Object> lc = (LinkedList<Object>) l.clone();
        assertSame(x, lc.getFirst());
        lc.removeFirst();
        assertEquals(1, l.size());
        Vector<Object> v = new Vector<>(20);
        v.add(x);
        Vector<?> vc = (Vector<?>) v.clone();
        assertNotSame(v, vc);
        assertEquals(1, vc.capacity());
        java.util.Vector<Object> jv = new java.util.Vector<>(20);
        jv.add(x);
        assertEquals(((java.util.Vector<?>) jv.clone()).capacity(), vc.capacity());
    }

    @Test
    void equalsAndHashCodeAcrossImplementations() {
        List<Integer> src = Arrays.asList(1, null, 3);
        List<List<Integer>> all = List.of(new ArrayList<>(src), new LinkedList<>(src), new Vector<>(src),
                new java.util.ArrayList<>(src), new java.util.LinkedList<>(src), src);
        for (List<Integer> a : all) {
            for (List<Integer> b : all) {
                assertTrue(a.equals(b), a.getClass() + " vs " + b.getClass());
                assertEquals(a.hashCode(), b.hashCode());
            }
            assertEquals(src.hashCode(), a.hashCode());
            assertTrue(!a.equals(new java.util.HashSet<>(src)));
            assertTrue(!a.equals(Arrays.asList(1, null)));
        }
        ArrayList<Integer> big = new ArrayList<>(src);
        assertEquals(src, big.subList(0, 3));
        assertEquals(src.subList(1, 2), big.subList(1, 2));
        assertEquals(src.subList(1, 2).hashCode(), big.subList(1, 2).hashCode());
    }

    @Test
    void arrayListModCountEffects() {
        // operations that the JDK counts as structural modifications must break live iterators alike
        java.util.List<Function<List<Integer>, Object>> mods = List.of(
            l -> { ((java.util.ArrayList<Integer>) l).ensureCapacity(100); return null; },
            l -> { ((java.util.ArrayList<Integer>) l).trimToSize(); return null; },
            l -> { l.sort(null); return null; },
            l -> { l.replaceAll(UnaryOperator.identity()); return null; },
            l -> l.removeIf(x -> false),
            l -> l.removeAll(List.of()),
            l -> l.retainAll(List.of(1, 2, 3)),
            l -> l.addAll(List.of()),
            l -> { l.set(0, 9); return null; });
        java.util.List<Function<List<Integer>, Object>> oursMods = List.of(
            l -> { ((ArrayList<Integer>) l).ensureCapacity(100); return null; },
            l -> { ((ArrayList<Integer>) l).trimToSize(); return null; },
            mods.get(2), mods.get(3), mods.get(4), mods.get(5), mods.get(6), mods.get(7), mods.get(8));
        for (int k = 0; k < mods.size(); k++) {
            java.util.List<Integer> jdk = new java.util.ArrayList<>(List.of(1, 2, 3));
            java.util.List<Integer> ours = new ArrayList<>(List.of(1, 2, 3));
            java.util.Iterator<Integer> ji = jdk.iterator();
            java.util.Iterator<Integer> oi = ours.iterator();
            ji.next();
            oi.next();
            Function<List<Integer>, Object> jm = mods.get(k);
            Function<List<Integer>, Object> om = oursMods.get(k);
            assertEquals(ListQueueDiff.outcome(jdk, jm), ListQueueDiff.outcome(ours, om), "mod " + k);
            assertEquals(ListQueueDiff.outcome(ji, java.util.Iterator::next),
                    ListQueueDiff.outcome(oi, java.util.Iterator::next), "iterator after mod " + k);
        }
        // ensureCapacity on a default-constructed list within the default capacity is not a modification
        java.util.ArrayList<Integer> jdk = new java.util.ArrayList<>();
        ArrayList<Integer> ours = new ArrayList<>();
        java.util.Iterator<Integer> ji = jdk.iterator();
        java.util.Iterator<Integer> oi = ours.iterator();
        jdk.ensureCapacity(10);
        ours.ensureCapacity(10);
        assertEquals(ListQueueDiff.outcome(ji, java.util.Iterator::hasNext), ListQueueDiff.outcome(oi, java.util.Iterator::hasNext));
        assertEquals(ListQueueDiff.outcome(ji, java.util.Iterator::next), ListQueueDiff.outcome(oi, java.util.Iterator::next));
    }

    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T o) throws Exception {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bos)) {
            out.writeObject(o);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bos.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void serializationRoundTripKeepsContent() throws Exception {
        List<Integer> src = Arrays.asList(3, null, 1, 2);
        assertEquals(src, roundTrip(new ArrayList<>(src)));
        assertEquals(src, roundTrip(new LinkedList<>(src)));
        assertEquals(src, roundTrip(new Vector<>(src)));
        Stack<Integer> s = new Stack<>();
        s.push(1);
        s.push(2);
        Stack<Integer> s2 = roundTrip(s);
        assertEquals(2, s2.pop());
        assertEquals("[2, 1]", roundTrip(new ArrayDeque<>(List.of(2, 1))).toString());
        PriorityQueue<Integer> pq = roundTrip(new PriorityQueue<>(List.of(5, 1, 3)));
        assertEquals(1, pq.poll());
        pq.add(0);
        java.util.PriorityQueue<Integer> jpq = new java.util.PriorityQueue<>(List.of(5, 1, 3));
        jpq.poll();
        jpq.add(0);
        assertEquals(jpq.toString(), pq.toString());
        LinkedList<Integer> ll = roundTrip(new LinkedList<>(src));
        ll.addFirst(9);
        ll.removeLast();
        assertEquals("[9, 3, null, 1]", ll.toString());
    }

    @Test
    void largeListsGrowAndShrink() {
        ArrayList<Integer> ours = new ArrayList<>();
        java.util.ArrayList<Integer> jdk = new java.util.ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ours.add(i);
            jdk.add(i);
        }
        ours.removeIf(x -> x % 7 != 0);
        jdk.removeIf(x -> x % 7 != 0);
        assertEquals(jdk, ours);
        ours.subList(10, 500).clear();
        jdk.subList(10, 500).clear();
        assertEquals(jdk.toString(), ours.toString());
        ours.trimToSize();
        ours.ensureCapacity(10_000);
        assertEquals(jdk, ours);
        LinkedList<Integer> ll = new LinkedList<>(ours);
        assertEquals(jdk, ll);
        assertEquals(jdk.get(200), ll.get(200));
        assertEquals(jdk.get(10), ll.get(10));
    }

    // ---- identical custom subclasses of the JDK's and our skeletal classes -------------------------

    /** Array-backed list on the JDK's AbstractList (get/set/add/remove/size only). */
    static final class JdkArrayBackedList extends java.util.AbstractList<Integer> implements RandomAccess {
        private Object[] a = new Object[4];
        private int n;

        @Override
        public Integer get(int i) {
            java.util.Objects.checkIndex(i, n);
            return (Integer) a[i];
        }

        @Override
        public Integer set(int i, Integer e) {
            java.util.Objects.checkIndex(i, n);
            Integer old = (Integer) a[i];
            a[i] = e;
            return old;
        }

        @Override
        public void add(int i, Integer e) {
            java.util.Objects.checkIndex(i, n + 1);
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            System.arraycopy(a, i, a, i + 1, n - i);
            a[i] = e;
            n++;
            modCount++;
        }

        @Override
        public Integer remove(int i) {
            java.util.Objects.checkIndex(i, n);
            Integer old = (Integer) a[i];
            System.arraycopy(a, i + 1, a, i, n - i - 1);
            a[--n] = null;
            modCount++;
            return old;
        }

        @Override
        public int size() {
            return n;
        }
    }

    /** Same as {@link JdkArrayBackedList}, on our AbstractList. */
    static final class OurArrayBackedList extends AbstractList<Integer> implements RandomAccess {
        private Object[] a = new Object[4];
        private int n;

        @Override
        public Integer get(int i) {
            java.util.Objects.checkIndex(i, n);
            return (Integer) a[i];
        }

        @Override
        public Integer set(int i, Integer e) {
            java.util.Objects.checkIndex(i, n);
            Integer old = (Integer) a[i];
            a[i] = e;
            return old;
        }

        @Override
        public void add(int i, Integer e) {
            java.util.Objects.checkIndex(i, n + 1);
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            System.arraycopy(a, i, a, i + 1, n - i);
            a[i] = e;
            n++;
            modCount++;
        }

        @Override
        public Integer remove(int i) {
            java.util.Objects.checkIndex(i, n);
            Integer old = (Integer) a[i];
            System.arraycopy(a, i + 1, a, i, n - i - 1);
            a[--n] = null;
            modCount++;
            return old;
        }

        @Override
        public int size() {
            return n;
        }
    }

    /** Sequential list on the JDK's AbstractSequentialList, delegating its list iterator to a JDK LinkedList. */
    static final class JdkSeqList extends java.util.AbstractSequentialList<Integer> {
        private final java.util.LinkedList<Integer> d = new java.util.LinkedList<>();

        @Override
        public ListIterator<Integer> listIterator(int index) {
            ListIterator<Integer> it = d.listIterator(index);
            return new CountingIt(it, () -> modCount++);
        }

        @Override
        public int size() {
            return d.size();
        }
    }

    /** Same as {@link JdkSeqList}, on our AbstractSequentialList. */
    static final class OurSeqList extends AbstractSequentialList<Integer> {
        private final java.util.LinkedList<Integer> d = new java.util.LinkedList<>();

        @Override
        public ListIterator<Integer> listIterator(int index) {
            ListIterator<Integer> it = d.listIterator(index);
            return new CountingIt(it, () -> modCount++);
        }

        @Override
        public int size() {
            return d.size();
        }
    }

    /** Delegating list iterator that bumps the owner's modCount on structural changes. */
    static final class CountingIt implements ListIterator<Integer> {
        private final ListIterator<Integer> it;
        private final Runnable bump;

        CountingIt(ListIterator<Integer> it, Runnable bump) {
            this.it = it;
            this.bump = bump;
        }

        @Override public boolean hasNext() { return it.hasNext(); }
        @Override public Integer next() { return it.next(); }
        @Override public boolean hasPrevious() { return it.hasPrevious(); }
        @Override public Integer previous() { return it.previous(); }
        @Override public int nextIndex() { return it.nextIndex(); }
        @Override public int previousIndex() { return it.previousIndex(); }
        @Override public void remove() { it.remove(); bump.run(); }
        @Override public void set(Integer e) { it.set(e); }
        @Override public void add(Integer e) { it.add(e); bump.run(); }
    }
}
