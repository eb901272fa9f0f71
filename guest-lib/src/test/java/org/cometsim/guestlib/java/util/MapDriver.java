package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameMap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Seeded random operation sequences applied to a JDK map and to ours, comparing every result and,
 * periodically, the whole state (iteration order included). NavigableMap pairs also get navigation
 * and range-view operations.
 */
final class MapDriver {
    final Random rnd;
    final Object[] keys;
    Map<Object, Object> jdk;
    Map<Object, Object> ours;
    /** Copies (clone / copy constructor) of each side; null disables the copy operation. */
    final UnaryOperator<Map<Object, Object>> jdkCopy;
    final UnaryOperator<Map<Object, Object>> oursCopy;
    int step;
    String lastOp = "";

    MapDriver(long seed, Object[] keys, Map<Object, Object> jdk, Map<Object, Object> ours,
            UnaryOperator<Map<Object, Object>> jdkCopy, UnaryOperator<Map<Object, Object>> oursCopy) {
        this.rnd = new Random(seed);
        this.keys = keys;
        this.jdk = jdk;
        this.ours = ours;
        this.jdkCopy = jdkCopy;
        this.oursCopy = oursCopy;
    }

    Object key() {
        return keys[rnd.nextInt(keys.length)];
    }

    Integer value() {
        return rnd.nextInt(12) == 0 ? null : Integer.valueOf(rnd.nextInt(30));
    }

    /** Mapping functions: deterministic in their arguments, sometimes null. */
    static final Function<Object, Object> F = k -> {
        int h = String.valueOf(k).length() + String.valueOf(k).hashCode();
        return (h & 7) == 0 ? null : Integer.valueOf(h & 31);
    };
    static final BiFunction<Object, Object, Object> BF = (k, v) -> {
        if (v == null) {
            return 1;
        }
        int i = (Integer) v;
        return i % 7 == 3 ? null : Integer.valueOf(i + 1);
    };
    static final BiFunction<Object, Object, Object> MERGE = (a, b) -> {
        int s = (Integer) a + (Integer) b;
        return s % 9 == 4 ? null : Integer.valueOf(s % 40);
    };

    void run(int ops, boolean navigable) {
        for (int i = 0; i < ops; i++) {
            step++;
            if (navigable && rnd.nextInt(10) == 0) {
                viewOps();
            } else {
                op(jdk, ours, navigable, false);
            }
            if (step % 40 == 0) {
                check();
            }
        }
        check();
    }

    void check() {
        sameMap("step " + step + " after " + lastOp, jdk, ours);
    }

    String where(String op) {
        lastOp = op;
        return "step " + step + " " + op;
    }

    /** One random operation on the pair (a, b); inView: a range view (no copy/clear of the backing map). */
    @SuppressWarnings("unchecked")
    void op(Map<Object, Object> a, Map<Object, Object> b, boolean navigable, boolean inView) {
        int n = navigable ? 48 : 36;
        int op = rnd.nextInt(n);
        Object k = key();
        Object k2 = key();
        Integer v = value();
        Integer v2 = value();
        switch (op) {
            case 0, 1, 2, 3, 4 -> same(where("put " + k + " " + v), () -> a.put(k, v), () -> b.put(k, v));
            case 5, 6 -> same(where("get " + k), () -> a.get(k), () -> b.get(k));
            case 7, 8 -> same(where("remove " + k), () -> a.remove(k), () -> b.remove(k));
            case 9 -> same(where("containsKey " + k), () -> a.containsKey(k), () -> b.containsKey(k));
            case 10 -> same(where("containsValue " + v), () -> a.containsValue(v), () -> b.containsValue(v));
            case 11 -> same(where("putIfAbsent " + k), () -> a.putIfAbsent(k, v), () -> b.putIfAbsent(k, v));
            case 12 -> same(where("getOrDefault " + k), () -> a.getOrDefault(k, -1), () -> b.getOrDefault(k, -1));
            case 13 -> same(where("remove2 " + k), () -> a.remove(k, v), () -> b.remove(k, v));
            case 14 -> same(where("replace " + k), () -> a.replace(k, v), () -> b.replace(k, v));
            case 15 -> same(where("replace3 " + k), () -> a.replace(k, v, v2), () -> b.replace(k, v, v2));
            case 16, 17 -> same(where("computeIfAbsent " + k), () -> a.computeIfAbsent(k, F), () -> b.computeIfAbsent(k, F));
            case 18 -> same(where("computeIfPresent " + k), () -> a.computeIfPresent(k, BF), () -> b.computeIfPresent(k, BF));
            case 19, 20 -> same(where("compute " + k), () -> a.compute(k, BF), () -> b.compute(k, BF));
            case 21, 22 -> {
                Integer mv = v == null ? Integer.valueOf(3) : v;
                same(where("merge " + k), () -> a.merge(k, mv, MERGE), () -> b.merge(k, mv, MERGE));
            }
            case 23 -> same(where("keySet.remove " + k), () -> a.keySet().remove(k), () -> b.keySet().remove(k));
            case 24 -> same(where("values.remove " + v), () -> a.values().remove(v), () -> b.values().remove(v));
            case 25 -> {
                Map.Entry<Object, Object> e = new java.util.AbstractMap.SimpleEntry<>(k, v);
                same(where("entrySet.remove"), () -> a.entrySet().remove(e), () -> b.entrySet().remove(e));
                same(where("entrySet.contains"), () -> a.entrySet().contains(e), () -> b.entrySet().contains(e));
                same(where("keySet.contains"), () -> a.keySet().contains(k2), () -> b.keySet().contains(k2));
                same(where("values.contains"), () -> a.values().contains(v2), () -> b.values().contains(v2));
            }
            case 26 -> {
                List<Object> some = new ArrayList<>();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    some.add(key());
                }
                if (rnd.nextBoolean()) {
                    same(where("keySet.removeAll"), () -> a.keySet().removeAll(some), () -> b.keySet().removeAll(some));
                } else if (rnd.nextInt(4) == 0) {
                    for (int i = 0; i < 40; i++) {
                        some.add(key());
                    }
                    same(where("keySet.retainAll"), () -> a.keySet().retainAll(some), () -> b.keySet().retainAll(some));
                } else {
                    same(where("values.removeIf"), () -> a.values().removeIf(x -> x != null && (Integer) x % 6 == 1),
                            () -> b.values().removeIf(x -> x != null && (Integer) x % 6 == 1));
                }
            }
            case 27 -> {
                int mod = 2 + rnd.nextInt(4);
                same(where("iterator remove/setValue"), () -> iterRemove(a, mod), () -> iterRemove(b, mod));
            }
            case 28 -> same(where("forEach"), () -> forEachTrace(a), () -> forEachTrace(b));
            case 29 -> {
                BiFunction<Object, Object, Object> f = (kk, vv) -> vv == null ? (Object) 0 : (Object) (((Integer) vv + 1) % 30);
                same(where("replaceAll"), () -> {
                    a.replaceAll(f);
                    return a.toString();
                }, () -> {
                    b.replaceAll(f);
                    return b.toString();
                });
            }
            case 30 -> {
                int len = rnd.nextInt(a.size() + 3);
                same(where("toArray"), () -> a.keySet().toArray(), () -> b.keySet().toArray());
                same(where("toArray(T[])"), () -> arrayWithMarker(a.keySet(), len), () -> arrayWithMarker(b.keySet(), len));
                same(where("values.toArray(T[])"), () -> arrayWithMarker(a.values(), len), () -> arrayWithMarker(b.values(), len));
                same(where("entrySet.toArray"), () -> a.entrySet().toArray(), () -> b.entrySet().toArray());
            }
            case 31 -> {
                java.util.LinkedHashMap<Object, Object> src = new java.util.LinkedHashMap<>();
                for (int i = rnd.nextInt(rnd.nextBoolean() ? 6 : 40); i > 0; i--) {
                    src.put(key(), value());
                }
                same(where("putAll " + src), () -> {
                    a.putAll(src);
                    return a.toString();
                }, () -> {
                    b.putAll(src);
                    return b.toString();
                });
            }
            case 32 -> same(where("cme iterator " + k), () -> cmeIterator(a, k), () -> cmeIterator(b, k));
            case 33 -> same(where("cme computeIfAbsent " + k + " " + k2), () -> cmeCompute(a, k, k2), () -> cmeCompute(b, k, k2));
            case 34 -> same(where("cme forEach " + k), () -> cmeForEach(a, k), () -> cmeForEach(b, k));
            case 35 -> {
                if (inView) {
                    same(where("view size"), a::size, b::size);
                } else if (rnd.nextInt(8) == 0 && jdkCopy != null) {
                    jdk = jdkCopy.apply(jdk);
                    ours = oursCopy.apply(ours);
                    where("copy");
                    check();
                } else if (rnd.nextInt(30) == 0) {
                    jdk.clear();
                    ours.clear();
                    where("clear");
                } else {
                    check();
                }
            }
            default -> navOp((NavigableMap<Object, Object>) a, (NavigableMap<Object, Object>) b, op - 36, k);
        }
    }

    /** NavigableMap-only operations (op 0..11). */
    void navOp(NavigableMap<Object, Object> a, NavigableMap<Object, Object> b, int op, Object k) {
        switch (op) {
            case 0 -> {
                same(where("firstKey"), a::firstKey, b::firstKey);
                same(where("lastKey"), a::lastKey, b::lastKey);
                same(where("firstEntry"), a::firstEntry, b::firstEntry);
                same(where("lastEntry"), a::lastEntry, b::lastEntry);
            }
            case 1 -> same(where("lowerKey " + k), () -> a.lowerKey(k), () -> b.lowerKey(k));
            case 2 -> same(where("floorEntry " + k), () -> a.floorEntry(k), () -> b.floorEntry(k));
            case 3 -> same(where("ceilingKey " + k), () -> a.ceilingKey(k), () -> b.ceilingKey(k));
            case 4 -> same(where("higherEntry " + k), () -> a.higherEntry(k), () -> b.higherEntry(k));
            case 5 -> {
                same(where("lowerEntry " + k), () -> a.lowerEntry(k), () -> b.lowerEntry(k));
                same(where("floorKey " + k), () -> a.floorKey(k), () -> b.floorKey(k));
                same(where("ceilingEntry " + k), () -> a.ceilingEntry(k), () -> b.ceilingEntry(k));
                same(where("higherKey " + k), () -> a.higherKey(k), () -> b.higherKey(k));
            }
            case 6 -> same(where("pollFirstEntry"), a::pollFirstEntry, b::pollFirstEntry);
            case 7 -> same(where("pollLastEntry"), a::pollLastEntry, b::pollLastEntry);
            case 8 -> {
                NavigableSet<Object> ka = a.navigableKeySet();
                NavigableSet<Object> kb = b.navigableKeySet();
                same(where("keySet.lower"), () -> ka.lower(k), () -> kb.lower(k));
                same(where("keySet.ceiling"), () -> ka.ceiling(k), () -> kb.ceiling(k));
                same(where("keySet.pollFirst"), ka::pollFirst, kb::pollFirst);
                same(where("descendingKeySet"), () -> a.descendingKeySet().toString(), () -> b.descendingKeySet().toString());
                same(where("keySet.headSet"), () -> ka.headSet(k, true).toString(), () -> kb.headSet(k, true).toString());
                same(where("keySet.descendingSet.pollLast"), () -> ka.descendingSet().pollLast(),
                        () -> kb.descendingSet().pollLast());
            }
            case 9 -> {
                int mod = 2 + rnd.nextInt(3);
                same(where("descendingIterator remove"), () -> descIterRemove(a, mod), () -> descIterRemove(b, mod));
            }
            case 10 -> same(where("held entries across delete " + k), () -> heldEntries(a, k), () -> heldEntries(b, k));
            default -> {
                same(where("descendingMap"), () -> a.descendingMap().toString(), () -> b.descendingMap().toString());
                same(where("sizes"), () -> a.headMap(k).size() + "/" + a.tailMap(k, false).size(),
                        () -> b.headMap(k).size() + "/" + b.tailMap(k, false).size());
            }
        }
    }

    /** Derives the same random chain of range views on both sides and runs operations on them. */
    @SuppressWarnings("unchecked")
    void viewOps() {
        NavigableMap<Object, Object> a = (NavigableMap<Object, Object>) jdk;
        NavigableMap<Object, Object> b = (NavigableMap<Object, Object>) ours;
        StringBuilder path = new StringBuilder();
        for (int depth = 1 + rnd.nextInt(3); depth > 0; depth--) {
            Object k1 = key();
            Object k2 = key();
            boolean i1 = rnd.nextBoolean();
            boolean i2 = rnd.nextBoolean();
            int kind = rnd.nextInt(6);
            path.append(' ').append(kind).append('(').append(k1).append(i1 ? "]" : ")").append(',').append(k2)
                    .append(i2 ? "]" : ")").append(')');
            Function<NavigableMap<Object, Object>, Object> derive = m -> switch (kind) {
                case 0 -> m.headMap(k1, i1);
                case 1 -> m.tailMap(k1, i1);
                case 2 -> m.subMap(k1, i1, k2, i2);
                case 3 -> m.descendingMap();
                case 4 -> m.headMap(k1);
                default -> m.subMap(k1, k2);
            };
            NavigableMap<Object, Object>[] na = new NavigableMap[1];
            NavigableMap<Object, Object>[] nb = new NavigableMap[1];
            NavigableMap<Object, Object> ca = a;
            NavigableMap<Object, Object> cb = b;
            String out = same(where("derive" + path), () -> na[0] = (NavigableMap<Object, Object>) derive.apply(ca),
                    () -> nb[0] = (NavigableMap<Object, Object>) derive.apply(cb));
            if (out.startsWith("EX:")) {
                return;
            }
            a = na[0];
            b = nb[0];
        }
        for (int i = 1 + rnd.nextInt(8); i > 0; i--) {
            op(a, b, true, true);
            same(where("view state" + path), a::toString, b::toString);
        }
        NavigableMap<Object, Object> fa = a;
        NavigableMap<Object, Object> fb = b;
        same(where("view comparator" + path), () -> String.valueOf(fa.comparator() == null),
                () -> String.valueOf(fb.comparator() == null));
        sameMap("view" + path, a, b);
    }

    /** Removes every mod-th entry through the entry iterator and sets the value of the others. */
    static String iterRemove(Map<Object, Object> m, int mod) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Iterator<Map.Entry<Object, Object>> it = m.entrySet().iterator(); it.hasNext(); i++) {
            Map.Entry<Object, Object> e = it.next();
            sb.append(e).append(' ');
            if (i % mod == 0) {
                it.remove();
            } else if (i % mod == 1) {
                sb.append(e.setValue(i)).append(' ');
            }
        }
        try {
            m.keySet().iterator().remove();
        } catch (IllegalStateException expected) {
            sb.append("ISE ");
        }
        return sb.append(m).toString();
    }

    static String descIterRemove(NavigableMap<Object, Object> m, int mod) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Iterator<Object> it = m.descendingKeySet().iterator(); it.hasNext(); i++) {
            Object k = it.next();
            sb.append(k).append(' ');
            if (i % mod == 0) {
                it.remove();
            }
        }
        return sb.append(m).toString();
    }

    /** Holds iterator entries, deletes a key, then reads/writes the held entries (JDK node reuse). */
    static String heldEntries(NavigableMap<Object, Object> m, Object k) {
        List<Map.Entry<Object, Object>> held = new ArrayList<>(m.entrySet());
        Object removed = m.remove(k);
        StringBuilder sb = new StringBuilder().append(removed).append(' ');
        for (int i = 0; i < held.size(); i += 3) {
            held.get(i).setValue(-i);
        }
        return sb.append(held).append(m).toString();
    }

    static Object[] arrayWithMarker(Collection<Object> c, int len) {
        Object[] arr = new Object[len];
        java.util.Arrays.fill(arr, "marker");
        Object[] r = c.toArray(arr);
        return new Object[] {r == arr, r};
    }

    static String forEachTrace(Map<Object, Object> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append('=').append(v).append(' '));
        m.keySet().forEach(k -> sb.append(k).append(' '));
        m.values().forEach(v -> sb.append(v).append(' '));
        m.entrySet().forEach(e -> sb.append(e).append(' '));
        return sb.toString();
    }

    /** Modifies the map between next() calls; records what the iterator does afterwards. */
    static String cmeIterator(Map<Object, Object> m, Object k) {
        StringBuilder sb = new StringBuilder();
        Iterator<Object> it = m.keySet().iterator();
        try {
            if (it.hasNext()) {
                sb.append(it.next());
            }
            sb.append(" put:").append(m.put(k, 99));
            sb.append(" hasNext:").append(it.hasNext());
            sb.append(" next:").append(it.next());
            it.remove();
            sb.append(" removed");
        } catch (RuntimeException e) {
            sb.append(" ").append(e.getClass().getName());
        }
        return sb.append(' ').append(m).toString();
    }

    /** computeIfAbsent whose function puts another key: CME when that put was structural. */
    static String cmeCompute(Map<Object, Object> m, Object k, Object k2) {
        StringBuilder sb = new StringBuilder();
        try {
            sb.append(m.computeIfAbsent(k, x -> {
                m.put(k2, 7);
                return 5;
            }));
        } catch (RuntimeException e) {
            sb.append(e.getClass().getName());
        }
        try {
            sb.append(' ').append(m.compute(k2, (x, y) -> {
                m.remove(k);
                return 6;
            }));
        } catch (RuntimeException e) {
            sb.append(' ').append(e.getClass().getName());
        }
        return sb.append(' ').append(m).toString();
    }

    /** forEach whose action removes a key on the first visit. */
    static String cmeForEach(Map<Object, Object> m, Object k) {
        StringBuilder sb = new StringBuilder();
        try {
            m.forEach((x, y) -> {
                sb.append(x).append(' ');
                if (sb.length() < 5) {
                    m.remove(k);
                }
            });
        } catch (RuntimeException e) {
            sb.append(e.getClass().getName());
        }
        try {
            m.keySet().forEach(x -> {
                sb.append(x).append(' ');
                m.put(k, 1);
            });
        } catch (RuntimeException e) {
            sb.append(e.getClass().getName());
        }
        return sb.append(' ').append(m).toString();
    }
}
