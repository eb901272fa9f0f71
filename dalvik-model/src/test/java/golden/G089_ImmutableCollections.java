package golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The immutable collections of List.of/Set.of/Map.of/copyOf/Map.entry and the unmodifiable
 * views of Collections, Arrays.asList and Stream.toList: what each operation returns or throws
 * (exception class and message) for empty, small and larger sizes, nulls (elements, keys, values,
 * contains/indexOf arguments), duplicates, out-of-range indexes, mutators (even no-op ones),
 * iterators, sub-lists, equality and hash codes with mutable collections, toString.
 */
public class G089_ImmutableCollections {
    static void t(String what, Supplier<Object> op) {
        String out;
        try {
            Object r = op.get();
            out = String.valueOf(r);
        } catch (RuntimeException e) {
            out = e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        System.out.println(what + " -> " + out);
    }

    static void mutators(String name, List<Integer> list) {
        t(name + ".add", () -> list.add(9));
        t(name + ".add(i)", () -> {
            list.add(0, 9);
            return "added";
        });
        t(name + ".remove(Object) absent", () -> list.remove((Object) 99));
        t(name + ".remove(int)", () -> list.remove(0));
        t(name + ".set", () -> list.set(0, 5));
        t(name + ".clear", () -> {
            list.clear();
            return "cleared";
        });
        t(name + ".addAll empty", () -> list.addAll(Collections.emptyList()));
        t(name + ".removeIf never", () -> list.removeIf(x -> false));
        t(name + ".replaceAll", () -> {
            list.replaceAll(x -> x);
            return "replaced";
        });
        t(name + ".sort", () -> {
            list.sort(null);
            return "sorted";
        });
        t(name + ".retainAll", () -> list.retainAll(list));
        t(name + ".iterator().remove", () -> {
            Iterator<Integer> it = list.iterator();
            it.next();
            it.remove();
            return "removed";
        });
        t(name + ".listIterator().set", () -> {
            ListIterator<Integer> it = list.listIterator();
            it.next();
            it.set(1);
            return "set";
        });
    }

    public static void main(String[] args) {
        List<Integer> empty = List.of();
        List<Integer> one = List.of(1);
        List<Integer> two = List.of(1, 2);
        List<Integer> many = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        t("List.of().get(0)", () -> empty.get(0));
        t("List.of(1).get(1)", () -> one.get(1));
        t("List.of(1,2).get(-1)", () -> two.get(-1));
        t("List.of(12).get(12)", () -> many.get(12));
        t("List.of(null)", () -> List.of((Integer) null));
        t("List.of(1,null)", () -> List.of(1, null));
        t("List.of(array with null)", () -> List.of(new Integer[] {1, 2, 3, null}));
        t("List.of((Object[]) null)", () -> List.of((Integer[]) null));
        t("List.copyOf(null elem)", () -> List.copyOf(Arrays.asList(1, null)));
        t("List.copyOf(null)", () -> List.copyOf(null));
        t("List.of(1,2).contains(null)", () -> two.contains(null));
        t("List.of(1,2).indexOf(null)", () -> two.indexOf(null));
        t("List.of().contains(null)", () -> empty.contains(null));
        t("List.of(1,2).lastIndexOf(2)", () -> two.lastIndexOf(2));
        t("List.of(1,2).containsAll(null elem)", () -> two.containsAll(Arrays.asList(1, null)));
        mutators("List.of()", empty);
        mutators("List.of(1)", one);
        mutators("List.of(1,2)", two);
        mutators("List.of(12)", many);
        mutators("subList", many.subList(2, 5));
        t("subList range", () -> many.subList(3, 2));
        t("subList toString", () -> many.subList(2, 5));
        t("subList get out", () -> many.subList(2, 5).get(3));
        t("equals/hash", () -> many.equals(new ArrayList<>(many)) + " " + (many.hashCode() == new ArrayList<>(many).hashCode())
                + " " + empty.equals(Collections.emptyList()) + " " + one.hashCode());
        t("copyOf identity", () -> List.copyOf(many) == many);
        t("iterator past end", () -> {
            Iterator<Integer> it = one.iterator();
            it.next();
            return it.next();
        });
        t("listIterator(3) of 2", () -> two.listIterator(3));
        t("toArray", () -> Arrays.toString(many.toArray()) + " " + Arrays.toString(two.toArray(new Integer[0])) + " "
                + two.toArray(new Integer[5])[2]);

        // Sets
        t("Set.of(dup)", () -> Set.of(1, 1));
        t("Set.of(dup strings)", () -> Set.of("a", "b", "a"));
        t("Set.of(null)", () -> Set.of(1, null));
        t("Set.of().contains(null)", () -> Set.of().contains(null));
        t("Set.of(1).contains(null)", () -> Set.of(1).contains(null));
        t("Set.of(1,2,3).contains(null)", () -> Set.of(1, 2, 3).contains(null));
        t("Set.of(1).add", () -> Set.of(1).add(2));
        t("Set.of(1,2).remove absent", () -> Set.of(1, 2).remove(7));
        t("Set.copyOf dups", () -> Set.copyOf(Arrays.asList(4, 4, 4)));
        t("Set.of size/equals", () -> Set.of(3, 1, 2).size() + " " + Set.of(3, 1, 2).equals(new java.util.TreeSet<>(List.of(1, 2, 3)))
                + " " + Set.of(3, 1, 2).hashCode());

        // Maps
        t("Map.of dup key", () -> Map.of("k", 1, "k", 2));
        t("Map.of null key", () -> Map.of("k", 1, null, 2));
        t("Map.of null value", () -> Map.of("k", null));
        t("Map.ofEntries dup", () -> Map.ofEntries(Map.entry("a", 1), Map.entry("a", 2)));
        t("Map.entry null", () -> Map.entry(null, 1));
        t("Map.entry toString", () -> Map.entry("a", 1) + " " + Map.entry("a", 1).equals(new java.util.AbstractMap.SimpleEntry<>("a", 1)));
        t("Map.entry setValue", () -> Map.entry("a", 1).setValue(2));
        Map<String, Integer> m = Map.of("a", 1, "b", 2);
        t("Map.of get absent", () -> m.get("z"));
        t("Map.of get null", () -> m.get(null));
        t("Map.of containsKey null", () -> m.containsKey(null));
        t("Map.of containsValue null", () -> m.containsValue(null));
        t("Map.of getOrDefault", () -> m.getOrDefault("z", 7));
        t("Map.of put", () -> m.put("c", 3));
        t("Map.of remove", () -> m.remove("a"));
        t("Map.of putIfAbsent", () -> m.putIfAbsent("a", 1));
        t("Map.of compute", () -> m.compute("a", (k, v) -> v));
        t("Map.of merge", () -> m.merge("a", 1, Integer::sum));
        t("Map.of clear", () -> {
            m.clear();
            return "cleared";
        });
        t("Map.of entry setValue", () -> m.entrySet().iterator().next().setValue(5));
        t("Map.of keySet remove", () -> m.keySet().remove("a"));
        t("Map.of values clear", () -> {
            m.values().clear();
            return "cleared";
        });
        t("Map.of().get(null)", () -> Map.of().get(null));
        // Of a host-made map: Map.copyOf of a guest HashMap fails in the VM (the JDK's copy calls
        // entrySet().toArray(new Entry[0]) back on the guest map), a gap of issue #12.
        t("Map.copyOf null value", () -> Map.copyOf(Collections.singletonMap("x", null)));
        t("Map.of equals/hash", () -> m.equals(new HashMap<>(m)) + " " + m.hashCode() + " " + m.size());

        // Unmodifiable views and fixed-size lists
        List<Integer> backing = new ArrayList<>(List.of(3, 1, 2));
        List<Integer> view = Collections.unmodifiableList(backing);
        mutators("unmodifiableList", view);
        backing.add(4);
        t("view sees backing", () -> view);
        t("unmodifiableMap put", () -> Collections.unmodifiableMap(new HashMap<>(m)).put("q", 1));
        t("unmodifiableSet add", () -> Collections.unmodifiableSet(new java.util.HashSet<>(backing)).add(1));
        t("unmodifiableCollection clear", () -> {
            Collection<Integer> c = Collections.unmodifiableCollection(backing);
            c.clear();
            return "cleared";
        });
        t("emptyList get", () -> Collections.emptyList().get(0));
        t("emptyList add", () -> Collections.<Integer>emptyList().add(1));
        t("singletonList set", () -> Collections.singletonList(1).set(0, 2));
        t("singletonList get(1)", () -> Collections.singletonList(1).get(1));
        t("nCopies", () -> Collections.nCopies(3, "x") + " " + Collections.nCopies(0, "x"));
        t("nCopies negative", () -> Collections.nCopies(-1, "x"));
        List<Integer> fixed = Arrays.asList(5, 6, 7);
        t("Arrays.asList add", () -> fixed.add(1));
        t("Arrays.asList remove", () -> fixed.remove(0));
        t("Arrays.asList set", () -> fixed.set(0, 9) + " " + fixed);
        t("Arrays.asList get(3)", () -> fixed.get(3));
        t("Stream.toList add", () -> java.util.stream.Stream.of(1, 2).toList().add(3));
        t("Stream.toList nulls", () -> java.util.stream.Stream.of(1, null).toList());
        t("Collectors.toUnmodifiableList null", () -> java.util.stream.Stream.of(1, null)
                .collect(java.util.stream.Collectors.toUnmodifiableList()));
    }
}
