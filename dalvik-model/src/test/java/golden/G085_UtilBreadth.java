package golden;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * java.util behaviours the spec promises (issue #12, breadth): fail-fast iterators, unmodifiable
 * and immutable collections' exceptions, List.of nulls, sublist views, ListIterator edits,
 * navigable maps and sets, LinkedHashMap access order (LRU), PriorityQueue order, ArrayDeque
 * null rejection, Arrays binary search/fill/compare/mismatch, Collections algorithms, BitSet,
 * Optional, Objects, StringJoiner, stream collectors with deterministic order.
 */
public class G085_UtilBreadth {
    enum Day { MON, TUE, WED }

    static String attempt(Runnable r) {
        try {
            r.run();
            return "ok";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    public static void main(String[] args) {
        List<Integer> al = new ArrayList<>(List.of(1, 2, 3, 4));
        System.out.println(attempt(() -> {
            for (Integer i : al) {
                if (i == 2) {
                    al.remove(i);
                }
            }
        }) + " " + al);
        List<Integer> al2 = new ArrayList<>(List.of(1, 2, 3));
        System.out.println(attempt(() -> {
            for (Integer i : al2) {
                if (i == 2) {
                    al2.remove(i); // the second-to-last element: hasNext() is false, no exception
                }
            }
        }) + " " + al2);
        Iterator<Integer> it = al.iterator();
        it.next();
        it.remove();
        System.out.println(al + " " + attempt(it::remove));
        System.out.println(attempt(() -> List.of(1).add(2)) + " " + attempt(() -> List.of(1, null)) + " "
                + attempt(() -> Collections.unmodifiableList(al).set(0, 1)) + " " + attempt(() -> Map.of("a", 1, "a", 2)) + " "
                + attempt(() -> new ArrayList<>().iterator().next()) + " "
                + attempt(() -> new ArrayDeque<>().add(null)) + " " + attempt(() -> new TreeMap<String, Integer>().put(null, 1)) + " "
                + attempt(() -> List.copyOf(Arrays.asList(1, null))) + " " + attempt(() -> Arrays.asList(1, 2).add(3)));
        List<Integer> big = new ArrayList<>(IntStream.range(0, 10).boxed().collect(Collectors.toList()));
        List<Integer> sub = big.subList(2, 6);
        sub.set(0, 99);
        sub.remove(Integer.valueOf(3));
        System.out.println(big + " " + sub + " " + sub.size());
        big.add(100);
        System.out.println(attempt(sub::size));
        ListIterator<String> li = new LinkedList<>(List.of("a", "b", "c")).listIterator();
        StringBuilder trail = new StringBuilder();
        while (li.hasNext()) {
            String s = li.next();
            if (s.equals("b")) {
                li.set("B");
                li.add("b2");
            }
            trail.append(li.previousIndex()).append(s);
        }
        while (li.hasPrevious()) {
            trail.append(li.previous());
        }
        System.out.println(trail);

        TreeMap<Integer, String> tm = new TreeMap<>();
        for (int i = 0; i < 10; i += 2) {
            tm.put(i, "v" + i);
        }
        NavigableMap<Integer, String> head = tm.headMap(5, true);
        System.out.println(tm.floorKey(5) + " " + tm.ceilingKey(5) + " " + tm.higherKey(8) + " " + tm.lowerEntry(0) + " " + head + " "
                + tm.descendingMap() + " " + tm.firstEntry() + " " + tm.pollLastEntry() + " " + tm.subMap(2, 7) + " " + attempt(() -> head.put(7, "x")));
        TreeSet<String> ts = new TreeSet<>(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        ts.addAll(List.of("pear", "fig", "apple", "kiwi", "plum", "date"));
        System.out.println(ts + " " + ts.first() + " " + ts.headSet("kiwi") + " " + ts.ceiling("zzzz") + " " + ts.descendingSet());

        LinkedHashMap<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> e) {
                return size() > 3;
            }
        };
        for (String k : new String[] {"a", "b", "c", "a", "d", "b", "e"}) {
            lru.merge(k, 1, Integer::sum);
        }
        System.out.println(lru);
        Map<String, Integer> hm = new HashMap<>();
        hm.put("x", 1);
        hm.computeIfAbsent("y", k -> 2);
        hm.computeIfPresent("x", (k, v) -> null);
        hm.compute("z", (k, v) -> v == null ? 3 : v + 1);
        hm.putIfAbsent("y", 9);
        System.out.println(new TreeMap<>(hm) + " " + hm.getOrDefault("q", -1) + " " + hm.containsKey("x"));

        PriorityQueue<int[]> pq = new PriorityQueue<>((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(q[1], p[1]));
        int[][] items = {{3, 1}, {1, 2}, {3, 5}, {0, 0}, {1, 9}};
        for (int[] x : items) {
            pq.add(x);
        }
        StringBuilder pqs = new StringBuilder();
        while (!pq.isEmpty()) {
            int[] x = pq.poll();
            pqs.append(x[0]).append(':').append(x[1]).append(' ');
        }
        System.out.println(pqs.toString().trim() + " " + attempt(() -> new ArrayDeque<Integer>().pop()) + " "
                + attempt(() -> new ArrayDeque<Integer>().element()));
        ArrayDeque<Integer> dq = new ArrayDeque<>();
        dq.offerFirst(1);
        dq.offerLast(2);
        dq.push(0);
        System.out.println(dq + " " + dq.peekLast() + " " + dq.pollFirst() + " " + dq);

        int[] a = {5, 1, 4, 1, 3};
        Arrays.sort(a);
        int[] filled = new int[4];
        Arrays.fill(filled, 1, 3, 7);
        System.out.println(Arrays.toString(a) + " " + Arrays.binarySearch(a, 4) + " " + Arrays.binarySearch(a, 2) + " " + Arrays.toString(filled) + " "
                + Arrays.compare(new int[] {1, 2}, new int[] {1, 3}) + " " + Arrays.mismatch(new int[] {1, 2, 3}, new int[] {1, 2, 4}) + " "
                + Arrays.equals(new int[][] {{1}}, new int[][] {{1}}) + " " + Arrays.deepEquals(new int[][] {{1}}, new int[][] {{1}}) + " "
                + Arrays.deepToString(new Object[] {1, new int[] {2}, new String[] {"s"}}) + " " + Arrays.hashCode(new int[] {1, 2}) + " "
                + Arrays.asList(1, 2).hashCode() + " " + List.of("a").equals(Arrays.asList("a")));
        List<Integer> c = new ArrayList<>(List.of(3, 1, 2, 5, 4));
        Collections.rotate(c, 2);
        String rotated = c.toString();
        Collections.swap(c, 0, 4);
        Collections.reverse(c);
        System.out.println(rotated + " " + c + " " + Collections.max(c) + " " + Collections.min(c, Comparator.reverseOrder()) + " "
                + Collections.frequency(List.of(1, 2, 1), 1) + " " + Collections.nCopies(3, "x") + " " + Collections.disjoint(List.of(1), List.of(2)) + " "
                + Collections.indexOfSubList(List.of(1, 2, 3, 2, 3), List.of(2, 3)) + " " + Collections.emptyList().size());
        BitSet bs = new BitSet();
        bs.set(1);
        bs.set(5, 8);
        BitSet other = new BitSet();
        other.set(6, 10);
        BitSet and = (BitSet) bs.clone();
        and.and(other);
        System.out.println(bs + " " + bs.cardinality() + " " + bs.nextClearBit(5) + " " + and + " " + bs.length() + " " + Arrays.toString(bs.toLongArray()));
        EnumMap<Day, Integer> em = new EnumMap<>(Day.class);
        em.put(Day.WED, 3);
        em.put(Day.MON, 1);
        System.out.println(em + " " + em.keySet());

        Optional<String> o = Optional.of("v");
        System.out.println(o.map(String::toUpperCase).orElse("none") + " " + Optional.empty().isPresent() + " " + Optional.ofNullable(null).or(() -> Optional.of("alt")).get()
                + " " + o.filter(s -> s.isEmpty()) + " " + o + " " + attempt(() -> Optional.empty().orElseThrow()) + " " + attempt(() -> Optional.of(null)));
        System.out.println(Objects.equals(null, null) + " " + Objects.hash(1, "a") + " " + Objects.hashCode(null) + " " + Objects.toString(null, "dflt") + " "
                + Objects.requireNonNullElse(null, "e") + " " + attempt(() -> Objects.requireNonNull(null, "msg")) + " " + Objects.compare("a", "b", Comparator.naturalOrder())
                + " " + attempt(() -> Objects.checkIndex(3, 3)));
        StringJoiner sj = new StringJoiner(", ", "{", "}");
        sj.setEmptyValue("EMPTY");
        String empty = sj.toString();
        sj.add("one").add("two");
        System.out.println(empty + " " + sj + " " + sj.length());
        Map<Boolean, List<Integer>> parts = IntStream.rangeClosed(1, 8).boxed().collect(Collectors.partitioningBy(i -> i % 2 == 0));
        Map<Integer, Long> byLen = List.of("a", "bb", "cc", "ddd").stream().collect(Collectors.groupingBy(String::length, TreeMap::new, Collectors.counting()));
        System.out.println(parts + " " + byLen + " " + IntStream.of(3, 1, 2).sorted().mapToObj(Integer::toString).collect(Collectors.joining("-", "<", ">")) + " "
                + IntStream.range(0, 5).summaryStatistics() + " " + List.of(1, 2, 3, 4).stream().reduce(0, Integer::sum) + " "
                + attempt(() -> List.of("a", "a").stream().collect(Collectors.toMap(s -> s, s -> 1))));
        System.out.println(attempt(() -> {
            throw new ConcurrentModificationException();
        }) + " " + attempt(() -> {
            throw new NoSuchElementException();
        }));
    }
}
