package org.cometsim.guestlib.java.util;

import static org.cometsim.guestlib.java.util.MapSetDiff.same;
import static org.cometsim.guestlib.java.util.MapSetDiff.sameSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Our EnumSet against java.util.EnumSet: seeded random operation sequences over enums of 3, 4 (with
 * constant class bodies), 64, 65 and 70 constants and an empty enum, plus the factories and edge cases
 * (exception messages, iterator snapshot semantics, cross-type bulk operations, equals with the JDK's).
 * The enums are shared with EnumMapDifferentialTest.
 */
class EnumSetDifferentialTest {

    /** Three plain constants (the JDK uses a RegularEnumSet). */
    enum Small {
        A, B, C
    }

    /** Constant-specific class bodies: getClass() != getDeclaringClass() for P and R. */
    enum Body {
        P {
            @Override
            public String toString() {
                return "p!";
            }
        },
        Q,
        R {
            @Override
            int weight() {
                return 3;
            }
        },
        S;

        int weight() {
            return 1;
        }
    }

    /** 70 constants (JumboEnumSet, two words); C5 and C66 have class bodies. */
    enum Big70 {
        C0, C1, C2, C3, C4, C5 { }, C6, C7, C8, C9, C10, C11, C12, C13, C14, C15, C16, C17, C18,
        C19, C20, C21, C22, C23, C24, C25, C26, C27, C28, C29, C30, C31, C32, C33, C34, C35, C36,
        C37, C38, C39, C40, C41, C42, C43, C44, C45, C46, C47, C48, C49, C50, C51, C52, C53, C54,
        C55, C56, C57, C58, C59, C60, C61, C62, C63, C64, C65, C66 { }, C67, C68, C69
    }

    /** 65 constants: one bit in the second word; D0 has a class body. */
    enum Big65 {
        D0 { }, D1, D2, D3, D4, D5, D6, D7, D8, D9, D10, D11, D12, D13, D14, D15, D16, D17, D18,
        D19, D20, D21, D22, D23, D24, D25, D26, D27, D28, D29, D30, D31, D32, D33, D34, D35, D36,
        D37, D38, D39, D40, D41, D42, D43, D44, D45, D46, D47, D48, D49, D50, D51, D52, D53, D54,
        D55, D56, D57, D58, D59, D60, D61, D62, D63, D64
    }

    /** Exactly one full word (the largest RegularEnumSet). */
    enum Exact64 {
        E0, E1, E2, E3, E4, E5, E6, E7, E8, E9, E10, E11, E12, E13, E14, E15, E16, E17, E18, E19,
        E20, E21, E22, E23, E24, E25, E26, E27, E28, E29, E30, E31, E32, E33, E34, E35, E36, E37,
        E38, E39, E40, E41, E42, E43, E44, E45, E46, E47, E48, E49, E50, E51, E52, E53, E54, E55,
        E56, E57, E58, E59, E60, E61, E62, E63
    }

    /** No constants at all. */
    enum Empty {
    }

    static final Class<?>[] TYPES = {Small.class, Body.class, Exact64.class, Big65.class, Big70.class, Empty.class};

    /** Constants of other test enums than {@code cls}, plus null and a String. */
    static Object[] foreign(Class<?> cls) {
        List<Object> p = new ArrayList<>();
        for (Class<?> t : TYPES) {
            Object[] c = t.getEnumConstants();
            if (t != cls && c.length > 0) {
                p.add(c[0]);
                p.add(c[c.length - 1]);
            }
        }
        p.add(null);
        p.add("str");
        return p.toArray();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Set<Object> jdkNone(Class<?> c) {
        return (Set) java.util.EnumSet.noneOf((Class) c);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Set<Object> oursNone(Class<?> c) {
        return (Set) EnumSet.noneOf((Class) c);
    }

    /** Runs the same random operations on a JDK EnumSet and ours of one element type. */
    static final class Driver {
        final Random rnd;
        final long seed;
        final Class<?> cls;
        final Object[] own;
        final Object[] foreign;
        Set<Object> a;
        Set<Object> b;
        int step;

        Driver(long seed, Class<?> cls) {
            this.rnd = new Random(seed);
            this.seed = seed;
            this.cls = cls;
            this.own = cls.getEnumConstants();
            this.foreign = foreign(cls);
            this.a = jdkNone(cls);
            this.b = oursNone(cls);
        }

        Object pick() {
            if (own.length == 0 || rnd.nextInt(15) == 0) {
                return foreign[rnd.nextInt(foreign.length)];
            }
            return own[rnd.nextInt(own.length)];
        }

        Object pickOwn() {
            return own.length == 0 ? null : own[rnd.nextInt(own.length)];
        }

        String w(String op) {
            return cls.getSimpleName() + " seed " + seed + " step " + step + " " + op;
        }

        /** The same random subset of {@code type}'s constants as a JDK set and as ours. */
        Set<Object>[] subset(Class<?> type) {
            Object[] c = type.getEnumConstants();
            Set<Object> x = jdkNone(type);
            Set<Object> y = oursNone(type);
            int mode = rnd.nextInt(4);
            for (Object e : c) {
                boolean in = switch (mode) {
                    case 0 -> rnd.nextInt(8) == 0;
                    case 1 -> rnd.nextInt(8) != 0;
                    default -> rnd.nextBoolean();
                };
                if (in) {
                    x.add(e);
                    y.add(e);
                }
            }
            @SuppressWarnings("unchecked")
            Set<Object>[] r = new Set[] {x, y};
            return r;
        }

        void run(int ops) {
            for (int i = 0; i < ops; i++) {
                step++;
                op();
                if (step % 25 == 0) {
                    check(w("check"));
                }
            }
            check(w("end"));
        }

        void check(String what) {
            sameSet(what, a, b);
            assertEquals(a.isEmpty(), b.isEmpty(), what + " isEmpty");
            assertEquals(iterString(a), iterString(b), what + " iterator");
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void op() {
            Object x = pick();
            Set<Object> fa = a;
            Set<Object> fb = b;
            switch (rnd.nextInt(20)) {
                case 0, 1, 2, 3 -> same(w("add " + x), () -> fa.add(x), () -> fb.add(x));
                case 4, 5 -> same(w("remove " + x), () -> fa.remove(x), () -> fb.remove(x));
                case 6 -> same(w("contains " + x), () -> fa.contains(x), () -> fb.contains(x));
                case 7 -> {
                    List<Object> l = new ArrayList<>();
                    for (int j = rnd.nextInt(9); j > 0; j--) {
                        l.add(pick());
                    }
                    int which = rnd.nextInt(4);
                    same(w("bulk list " + which + " " + l), () -> bulk(fa, l, which), () -> bulk(fb, l, which));
                    same(w("after bulk list"), fa::toString, fb::toString);
                }
                case 8 -> {
                    Set<Object>[] s = subset(cls);
                    int which = rnd.nextInt(4);
                    // ours also gets the JDK's set sometimes (generic paths)
                    Set<Object> arg = rnd.nextInt(3) == 0 ? s[0] : s[1];
                    same(w("bulk same type " + which + " " + s[0]), () -> bulk(fa, s[0], which), () -> bulk(fb, arg, which));
                }
                case 9 -> {
                    Class<?> t = TYPES[rnd.nextInt(TYPES.length)];
                    Set<Object>[] s = subset(t);
                    int which = rnd.nextInt(4);
                    same(w("bulk " + t.getSimpleName() + " " + which + " " + s[0]), () -> bulk(fa, s[0], which),
                            () -> bulk(fb, s[1], which));
                    same(w("after bulk"), fa::toString, fb::toString);
                }
                case 10 -> {
                    int mod = 1 + rnd.nextInt(4);
                    same(w("iterator remove " + mod), () -> iterRemove(fa, mod), () -> iterRemove(fb, mod));
                }
                case 11 -> {
                    int after = rnd.nextInt(a.size() + 2);
                    Object add = pickOwn();
                    Object rem = pickOwn();
                    boolean removeToo = rnd.nextBoolean();
                    same(w("iterate and modify " + after + " +" + add + " -" + rem),
                            () -> iterMutate(fa, after, add, rem, removeToo), () -> iterMutate(fb, after, add, rem, removeToo));
                }
                case 12 -> {
                    int after = rnd.nextInt(a.size() + 2);
                    Object add = pickOwn();
                    Object rem = pickOwn();
                    same(w("forEach and modify"), () -> forEachMutate(fa, after, add, rem),
                            () -> forEachMutate(fb, after, add, rem));
                }
                case 13 -> {
                    int m = 2 + rnd.nextInt(3);
                    int r = rnd.nextInt(m);
                    same(w("removeIf"), () -> fa.removeIf(e -> ((Enum<?>) e).ordinal() % m == r) + " " + fa,
                            () -> fb.removeIf(e -> ((Enum<?>) e).ordinal() % m == r) + " " + fb);
                }
                case 14 -> {
                    int len = rnd.nextInt(a.size() + 3);
                    same(w("toArray"), fa::toArray, fb::toArray);
                    same(w("toArray(T[])"), () -> MapDriver.arrayWithMarker(fa, len), () -> MapDriver.arrayWithMarker(fb, len));
                    same(w("toArray(Enum[])"), () -> fa.toArray(new Enum[len]), () -> fb.toArray(new Enum[len]));
                }
                case 15 -> equalsOps();
                case 16 -> copyOps();
                case 17 -> rebuild();
                case 18 -> {
                    same(w("size"), fa::size, fb::size);
                    same(w("hashCode"), fa::hashCode, fb::hashCode);
                    same(w("containsAll self"), () -> fa.containsAll(fa), () -> fb.containsAll(fb));
                }
                default -> {
                    Object y = pickOwn();
                    same(w("add/remove own " + y), () -> fa.add(y) + " " + fa.remove(y) + " " + fa.add(y),
                            () -> fb.add(y) + " " + fb.remove(y) + " " + fb.add(y));
                }
            }
        }

        void equalsOps() {
            Set<Object> fa = a;
            Set<Object> fb = b;
            Set<Object>[] s;
            if (rnd.nextBoolean()) {
                // an equal set, built independently
                s = new Set[] {jdkNone(cls), oursNone(cls)};
                s[0].addAll(a);
                s[1].addAll(a);
            } else {
                s = subset(rnd.nextInt(4) == 0 ? TYPES[rnd.nextInt(TYPES.length)] : cls);
            }
            Set<Object>[] fs = s;
            same(w("equals " + s[0]), () -> fa.equals(fs[0]), () -> fb.equals(fs[1]));
            same(w("equals jdk's " + s[0]), () -> fa.equals(fs[0]), () -> fb.equals(fs[0]));
            same(w("jdk's equals ours " + s[0]), () -> fs[0].equals(fa), () -> fs[0].equals(fb));
            same(w("equals HashSet"), () -> fa.equals(new java.util.HashSet<>(fs[0])),
                    () -> fb.equals(new java.util.HashSet<>(fs[0])));
            same(w("HashSet equals"), () -> new java.util.HashSet<>(fs[0]).equals(fa),
                    () -> new java.util.HashSet<>(fs[0]).equals(fb));
            same(w("hashCode"), fs[0]::hashCode, fs[1]::hashCode);
            same(w("containsAll"), () -> fa.containsAll(fs[0]), () -> fb.containsAll(fs[1]));
            same(w("containsAll list"), () -> fa.containsAll(new ArrayList<>(fs[0])),
                    () -> fb.containsAll(new ArrayList<>(fs[0])));
            same(w("equals list"), () -> fa.equals(new ArrayList<>(fa)), () -> fb.equals(new ArrayList<>(fb)));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void copyOps() {
            Set<Object> oa = a;
            Set<Object> ob = b;
            int kind = rnd.nextInt(5);
            Supplier<Object> ja;
            Supplier<Object> jb;
            switch (kind) {
                case 0 -> {
                    ja = () -> ((java.util.EnumSet) oa).clone();
                    jb = () -> ((EnumSet) ob).clone();
                }
                case 1 -> {
                    ja = () -> java.util.EnumSet.copyOf((java.util.EnumSet) oa);
                    jb = () -> EnumSet.copyOf((EnumSet) ob);
                }
                case 2 -> {
                    List<Object> l = new ArrayList<>(oa);
                    if (rnd.nextInt(4) == 0) {
                        l.add(pick());
                    }
                    ja = () -> java.util.EnumSet.copyOf((Collection) l);
                    jb = () -> EnumSet.copyOf((Collection) l);
                }
                case 3 -> {
                    ja = () -> java.util.EnumSet.copyOf((Collection) oa);
                    jb = () -> EnumSet.copyOf((Collection) ob);
                }
                default -> {
                    ja = () -> java.util.EnumSet.complementOf((java.util.EnumSet) oa);
                    jb = () -> EnumSet.complementOf((EnumSet) ob);
                }
            }
            Object[] res = new Object[2];
            String out = same(w("copy " + kind), () -> res[0] = ja.get(), () -> res[1] = jb.get());
            if (out.startsWith("EX:")) {
                return;
            }
            a = (Set<Object>) res[0];
            b = (Set<Object>) res[1];
            assertNotSame(oa, a);
            assertNotSame(ob, b);
            Object y = pickOwn();
            if (y != null) {
                // the copy is independent of the original
                a.add(y);
                b.add(y);
                a.remove(pickOwn());
                b.remove(pickOwn());
                sameSet(w("original after copy"), oa, ob);
                a.clear();
                b.clear();
                a.addAll(oa);
                b.addAll(ob);
            }
            check(w("copy " + kind));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void rebuild() {
            int kind = rnd.nextInt(6);
            Object[] res = new Object[2];
            Supplier<Object> ja;
            Supplier<Object> jb;
            Class c = cls;
            Class<?> type = cls;
            switch (kind) {
                case 0 -> {
                    if (rnd.nextInt(3) == 0) {
                        a.clear();
                        b.clear();
                        check(w("clear"));
                    }
                    return;
                }
                case 1 -> {
                    Object from = pick();
                    Object to = rnd.nextInt(10) == 0 ? pick() : pickOwn();
                    ja = () -> java.util.EnumSet.range((Enum) from, (Enum) to);
                    jb = () -> EnumSet.range((Enum) from, (Enum) to);
                    type = from instanceof Enum ? ((Enum<?>) from).getDeclaringClass() : null;
                }
                case 2 -> {
                    ja = () -> java.util.EnumSet.allOf(c);
                    jb = () -> EnumSet.allOf(c);
                }
                case 3 -> {
                    ja = () -> java.util.EnumSet.noneOf(c);
                    jb = () -> EnumSet.noneOf(c);
                }
                default -> {
                    Enum[] e = new Enum[1 + rnd.nextInt(7)];
                    for (int i = 0; i < e.length; i++) {
                        Object o = rnd.nextInt(4) == 0 ? pick() : pickOwn();
                        e[i] = o instanceof Enum ? (Enum) o : rnd.nextBoolean() ? null : Small.B;
                    }
                    ja = () -> jdkOf(e);
                    jb = () -> oursOf(e);
                    type = e[0] == null ? null : e[0].getDeclaringClass();
                }
            }
            String out = same(w("rebuild " + kind), () -> res[0] = ja.get(), () -> res[1] = jb.get());
            if (out.startsWith("EX:")) {
                return;
            }
            if (type != cls) {
                // another element type: compare it but keep driving ours
                sameSet(w("rebuilt other type"), (Set<?>) res[0], (Set<?>) res[1]);
                return;
            }
            a = (Set<Object>) res[0];
            b = (Set<Object>) res[1];
            check(w("rebuilt " + kind));
        }
    }

    /** EnumSet.of with the arity of the array: one, two ... five, or the varargs form. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object jdkOf(Enum[] e) {
        return switch (e.length) {
            case 1 -> java.util.EnumSet.of(e[0]);
            case 2 -> java.util.EnumSet.of(e[0], e[1]);
            case 3 -> java.util.EnumSet.of(e[0], e[1], e[2]);
            case 4 -> java.util.EnumSet.of(e[0], e[1], e[2], e[3]);
            case 5 -> java.util.EnumSet.of(e[0], e[1], e[2], e[3], e[4]);
            default -> java.util.EnumSet.of(e[0], Arrays.copyOfRange(e, 1, e.length));
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object oursOf(Enum[] e) {
        return switch (e.length) {
            case 1 -> EnumSet.of(e[0]);
            case 2 -> EnumSet.of(e[0], e[1]);
            case 3 -> EnumSet.of(e[0], e[1], e[2]);
            case 4 -> EnumSet.of(e[0], e[1], e[2], e[3]);
            case 5 -> EnumSet.of(e[0], e[1], e[2], e[3], e[4]);
            default -> EnumSet.of(e[0], Arrays.copyOfRange(e, 1, e.length));
        };
    }

    static Object bulk(Set<Object> s, Collection<Object> c, int which) {
        return switch (which) {
            case 0 -> s.addAll(c) + " " + s;
            case 1 -> s.removeAll(c) + " " + s;
            case 2 -> s.retainAll(c) + " " + s;
            default -> s.containsAll(c) + " " + s;
        };
    }

    static String iterString(Collection<?> c) {
        StringBuilder sb = new StringBuilder();
        for (Iterator<?> it = c.iterator(); it.hasNext();) {
            sb.append(it.next()).append(' ');
        }
        return sb.toString();
    }

    /** Removes every mod-th element through the iterator; also the ISE cases. */
    static String iterRemove(Set<Object> s, int mod) {
        StringBuilder sb = new StringBuilder();
        Iterator<Object> it = s.iterator();
        try {
            it.remove();
        } catch (IllegalStateException e) {
            sb.append("ISE:").append(e.getMessage()).append(' ');
        }
        int i = 0;
        while (it.hasNext()) {
            sb.append(it.next()).append(' ');
            if (i++ % mod == 0) {
                it.remove();
                try {
                    it.remove();
                } catch (IllegalStateException e) {
                    sb.append("ISE ");
                }
            }
        }
        try {
            it.next();
        } catch (NoSuchElementException e) {
            sb.append("NSEE:").append(e.getMessage()).append(' ');
        }
        return sb.append(s).append(s.size()).toString();
    }

    /**
     * Modifies the set in the middle of an iteration (without the iterator): the JDK's iterators
     * work on a snapshot of the current 64-bit word, which ours must reproduce.
     */
    static String iterMutate(Set<Object> s, int after, Object add, Object rem, boolean removeToo) {
        StringBuilder sb = new StringBuilder();
        Iterator<Object> it = s.iterator();
        int i = 0;
        try {
            if (after == 0) {
                sb.append(s.add(add)).append(s.remove(rem)).append("| ");
            }
            while (it.hasNext()) {
                sb.append(it.next()).append(' ');
                if (++i == after) {
                    sb.append(s.add(add)).append(s.remove(rem)).append("| ");
                    if (removeToo) {
                        it.remove();
                        sb.append("removed ");
                    }
                }
            }
        } catch (RuntimeException e) {
            sb.append(e.getClass().getName());
        }
        return sb.append(s).append(s.size()).toString();
    }

    static String forEachMutate(Set<Object> s, int after, Object add, Object rem) {
        StringBuilder sb = new StringBuilder();
        int[] n = {0};
        try {
            s.forEach(e -> {
                sb.append(e).append(' ');
                if (++n[0] == after) {
                    sb.append(s.add(add)).append(s.remove(rem)).append("| ");
                }
            });
        } catch (RuntimeException e) {
            sb.append(e.getClass().getName());
        }
        return sb.append(s).append(s.size()).toString();
    }

    @Test
    void randomSequences() {
        for (Class<?> t : TYPES) {
            for (long seed = 1; seed <= 3; seed++) {
                new Driver(seed * 31 + t.getSimpleName().length(), t).run(t == Empty.class ? 300 : 1500);
            }
        }
    }

    /**
     * Strict comparison: class and message must agree (NPE messages are not compared, and a CCE
     * that HotSpot threw without a message only by class, see MapSetDiff.sameImplicitException).
     */
    static void strict(String what, Supplier<?> jdk, Supplier<?> ours) {
        String a = MapSetDiff.outcome(jdk);
        String b = MapSetDiff.outcome(ours);
        if (!MapSetDiff.sameImplicitException(a, b)) {
            assertEquals(a, b, what);
        }
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void factories() {
        for (Class t : TYPES) {
            String n = t.getSimpleName();
            sameSet("noneOf " + n, jdkNone(t), oursNone(t));
            sameSet("allOf " + n, java.util.EnumSet.allOf(t), EnumSet.allOf(t));
            sameSet("complementOf none " + n, java.util.EnumSet.complementOf(java.util.EnumSet.noneOf(t)),
                    EnumSet.complementOf(EnumSet.noneOf(t)));
            sameSet("complementOf all " + n, java.util.EnumSet.complementOf(java.util.EnumSet.allOf(t)),
                    EnumSet.complementOf(EnumSet.allOf(t)));
            assertEquals(t.getEnumConstants().length, EnumSet.allOf(t).size());
            // complement twice of a random subset
            Random r = new Random(n.hashCode());
            Set<Object> x = jdkNone(t);
            Set<Object> y = oursNone(t);
            for (Object e : t.getEnumConstants()) {
                if (r.nextBoolean()) {
                    x.add(e);
                    y.add(e);
                }
            }
            java.util.EnumSet cx = java.util.EnumSet.complementOf((java.util.EnumSet) x);
            EnumSet cy = EnumSet.complementOf((EnumSet) y);
            sameSet("complementOf " + n, cx, cy);
            sameSet("complementOf twice " + n, java.util.EnumSet.complementOf(cx), EnumSet.complementOf(cy));
            sameSet("source untouched " + n, x, y);
        }
        strict("noneOf String", () -> java.util.EnumSet.noneOf((Class) String.class), () -> EnumSet.noneOf((Class) String.class));
        strict("noneOf Enum", () -> java.util.EnumSet.noneOf((Class) Enum.class), () -> EnumSet.noneOf((Class) Enum.class));
        strict("noneOf constant body class", () -> java.util.EnumSet.noneOf((Class) Body.P.getClass()),
                () -> EnumSet.noneOf((Class) Body.P.getClass()));
        strict("noneOf null", () -> java.util.EnumSet.noneOf(null), () -> EnumSet.noneOf(null));
        strict("allOf String", () -> java.util.EnumSet.allOf((Class) String.class), () -> EnumSet.allOf((Class) String.class));
        Throwable t = assertThrows(ClassCastException.class, () -> EnumSet.noneOf((Class) String.class));
        assertEquals("class java.lang.String not an enum", t.getMessage());

        // copyOf
        strict("copyOf empty list", () -> java.util.EnumSet.copyOf(new ArrayList<Small>()),
                () -> EnumSet.copyOf(new ArrayList<Small>()));
        t = assertThrows(IllegalArgumentException.class, () -> EnumSet.copyOf(new ArrayList<Small>()));
        assertEquals("Collection is empty", t.getMessage());
        strict("copyOf empty EnumSet", () -> java.util.EnumSet.copyOf((Collection) java.util.EnumSet.noneOf(Small.class)),
                () -> EnumSet.copyOf((Collection) EnumSet.noneOf(Small.class)));
        strict("copyOf JDK's empty EnumSet", () -> java.util.EnumSet.copyOf((Collection) EnumSet.noneOf(Small.class)),
                () -> EnumSet.copyOf((Collection) java.util.EnumSet.noneOf(Small.class)));
        strict("copyOf list", () -> java.util.EnumSet.copyOf(List.of(Small.C, Small.A)),
                () -> EnumSet.copyOf(List.of(Small.C, Small.A)));
        strict("copyOf mixed", () -> java.util.EnumSet.copyOf((List) List.of(Small.C, Body.P)),
                () -> EnumSet.copyOf((List) List.of(Small.C, Body.P)));
        strict("copyOf mixed 2", () -> java.util.EnumSet.copyOf((List) List.of(Body.P, Small.C)),
                () -> EnumSet.copyOf((List) List.of(Body.P, Small.C)));
        strict("copyOf null element", () -> java.util.EnumSet.copyOf(Arrays.asList(Small.A, null)),
                () -> EnumSet.copyOf(Arrays.asList(Small.A, null)));
        strict("copyOf null first", () -> java.util.EnumSet.copyOf(Arrays.asList(null, Small.A)),
                () -> EnumSet.copyOf(Arrays.asList(null, Small.A)));
        strict("copyOf null", () -> java.util.EnumSet.copyOf((Collection<Small>) null),
                () -> EnumSet.copyOf((Collection<Small>) null));
        strict("copyOf(EnumSet) null", () -> java.util.EnumSet.copyOf((java.util.EnumSet<Small>) null),
                () -> EnumSet.copyOf((EnumSet<Small>) null));
        strict("complementOf null", () -> java.util.EnumSet.complementOf((java.util.EnumSet<Small>) null),
                () -> EnumSet.complementOf((EnumSet<Small>) null));
        strict("copyOf big list", () -> java.util.EnumSet.copyOf(List.of(Big70.C69, Big70.C5, Big70.C64, Big70.C63)),
                () -> EnumSet.copyOf(List.of(Big70.C69, Big70.C5, Big70.C64, Big70.C63)));

        // of
        strict("of 1", () -> java.util.EnumSet.of(Body.R), () -> EnumSet.of(Body.R));
        strict("of 2 dup", () -> java.util.EnumSet.of(Body.R, Body.R), () -> EnumSet.of(Body.R, Body.R));
        strict("of 3", () -> java.util.EnumSet.of(Small.C, Small.B, Small.A), () -> EnumSet.of(Small.C, Small.B, Small.A));
        strict("of 4", () -> java.util.EnumSet.of(Body.S, Body.Q, Body.P, Body.Q), () -> EnumSet.of(Body.S, Body.Q, Body.P, Body.Q));
        strict("of 5", () -> java.util.EnumSet.of(Big70.C69, Big70.C0, Big70.C64, Big70.C63, Big70.C66),
                () -> EnumSet.of(Big70.C69, Big70.C0, Big70.C64, Big70.C63, Big70.C66));
        strict("of varargs", () -> java.util.EnumSet.of(Big65.D64, Big65.D0, Big65.D1, Big65.D63, Big65.D2, Big65.D0),
                () -> EnumSet.of(Big65.D64, Big65.D0, Big65.D1, Big65.D63, Big65.D2, Big65.D0));
        strict("of wrong type", () -> java.util.EnumSet.of((Enum) Small.A, (Enum) Body.P),
                () -> EnumSet.of((Enum) Small.A, (Enum) Body.P));
        strict("of wrong type 2", () -> java.util.EnumSet.of((Enum) Body.P, (Enum) Small.A),
                () -> EnumSet.of((Enum) Body.P, (Enum) Small.A));
        strict("of wrong type varargs", () -> java.util.EnumSet.of((Enum) Small.A, new Enum[] {Small.B, Small.C, Small.A, Small.B, Big70.C5}),
                () -> EnumSet.of((Enum) Small.A, new Enum[] {Small.B, Small.C, Small.A, Small.B, Big70.C5}));
        strict("of null", () -> java.util.EnumSet.of((Small) null), () -> EnumSet.of((Small) null));
        strict("of null 2", () -> java.util.EnumSet.of(Small.A, (Small) null), () -> EnumSet.of(Small.A, (Small) null));
        strict("of null rest", () -> java.util.EnumSet.of(Small.A, (Small[]) null), () -> EnumSet.of(Small.A, (Small[]) null));
        strict("of empty rest", () -> java.util.EnumSet.of(Small.A, new Small[0]), () -> EnumSet.of(Small.A, new Small[0]));
        t = assertThrows(ClassCastException.class, () -> EnumSet.of((Enum) Small.A, (Enum) Body.P));
        assertEquals("class " + Body.class.getName() + "$1 != class " + Small.class.getName(), t.getMessage());
        t = assertThrows(ClassCastException.class, () -> EnumSet.of((Enum) Small.A, (Enum) Body.Q));
        assertEquals("class " + Body.class.getName() + " != class " + Small.class.getName(), t.getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void ranges() {
        for (Class t : TYPES) {
            Enum[] c = (Enum[]) t.getEnumConstants();
            for (int i = 0; i < c.length; i++) {
                for (int j = 0; j < c.length; j++) {
                    if (c.length > 10 && i % 7 != 0 && i < 60 && j % 5 != 0 && j < 60) {
                        continue;
                    }
                    Enum from = c[i];
                    Enum to = c[j];
                    strict("range " + from + " " + to, () -> java.util.EnumSet.range(from, to), () -> EnumSet.range(from, to));
                    if (i <= j) {
                        EnumSet r = EnumSet.range(from, to);
                        assertEquals(j - i + 1, r.size());
                        sameSet("range " + from + " " + to, java.util.EnumSet.range(from, to), r);
                        sameSet("complement of range", java.util.EnumSet.complementOf(java.util.EnumSet.range(from, to)),
                                EnumSet.complementOf(r));
                    }
                }
            }
        }
        Throwable t = assertThrows(IllegalArgumentException.class, () -> EnumSet.range(Body.R, Body.P));
        assertEquals("R > p!", t.getMessage());
        t = assertThrows(IllegalArgumentException.class, () -> EnumSet.range(Small.C, Small.A));
        assertEquals("C > A", t.getMessage());
        strict("range mixed types", () -> java.util.EnumSet.range((Enum) Small.A, (Enum) Body.P),
                () -> EnumSet.range((Enum) Small.A, (Enum) Body.P));
        strict("range null", () -> java.util.EnumSet.range(null, Small.A), () -> EnumSet.range(null, Small.A));
        strict("range to null", () -> java.util.EnumSet.range(Small.A, null), () -> EnumSet.range(Small.A, null));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void elementChecksAndNulls() {
        for (Class t : TYPES) {
            Set<Object> a = (Set) java.util.EnumSet.allOf(t);
            Set<Object> b = (Set) EnumSet.allOf(t);
            for (Object x : foreign(t)) {
                strict(t.getSimpleName() + " add " + x, () -> a.add(x), () -> b.add(x));
                strict(t.getSimpleName() + " contains " + x, () -> a.contains(x), () -> b.contains(x));
                strict(t.getSimpleName() + " remove " + x, () -> a.remove(x), () -> b.remove(x));
            }
            sameSet("after foreign ops", a, b);
            strict("addAll null", () -> a.addAll(null), () -> b.addAll(null));
            strict("removeAll null", () -> a.removeAll(null), () -> b.removeAll(null));
            strict("retainAll null", () -> a.retainAll(null), () -> b.retainAll(null));
            strict("containsAll null", () -> a.containsAll(null), () -> b.containsAll(null));
            strict("forEach null", () -> {
                a.forEach(null);
                return a;
            }, () -> {
                b.forEach(null);
                return b;
            });
            strict("removeIf null", () -> a.removeIf(null), () -> b.removeIf(null));
            Set<Object> ea = jdkNone(t);
            Set<Object> eb = oursNone(t);
            strict("empty forEach null", () -> {
                ea.forEach(null);
                return ea;
            }, () -> {
                eb.forEach(null);
                return eb;
            });
        }
        Set<Object> a = (Set) java.util.EnumSet.of(Small.A);
        Set<Object> b = (Set) EnumSet.of(Small.A);
        List<Object> withNull = Arrays.asList(Small.B, null, Small.C);
        strict("addAll with null", () -> a.addAll(withNull), () -> b.addAll(withNull));
        sameSet("partial addAll", a, b);
        List<Object> withForeign = Arrays.asList(Small.C, Big70.C66, Small.A);
        strict("addAll with foreign", () -> a.addAll(withForeign), () -> b.addAll(withForeign));
        Throwable t = assertThrows(ClassCastException.class, () -> b.add(Big70.C66));
        assertEquals("class " + Big70.class.getName() + "$2 != class " + Small.class.getName(), t.getMessage());
        t = assertThrows(ClassCastException.class, () -> b.add(Big70.C1));
        assertEquals("class " + Big70.class.getName() + " != class " + Small.class.getName(), t.getMessage());
        assertThrows(NullPointerException.class, () -> b.add(null));
        strict("removeAll with null", () -> a.removeAll(withNull), () -> b.removeAll(withNull));
        strict("containsAll with null", () -> a.containsAll(withNull), () -> b.containsAll(withNull));
        assertFalse(b.contains(null));
        assertFalse(b.remove(null));
        strict("toArray(String[])", () -> java.util.EnumSet.of(Small.A).toArray(new String[0]),
                () -> EnumSet.of(Small.A).toArray(new String[0]));
        strict("toArray(Small[5])", () -> Arrays.asList(java.util.EnumSet.of(Small.A, Small.C).toArray(new Small[] {
            Small.B, Small.B, Small.B, Small.B, Small.B})), () -> Arrays.asList(EnumSet.of(Small.A, Small.C).toArray(new Small[] {
                Small.B, Small.B, Small.B, Small.B, Small.B})));
        strict("toArray(Small[0])", () -> java.util.EnumSet.allOf(Small.class).toArray(new Small[0]),
                () -> EnumSet.allOf(Small.class).toArray(new Small[0]));
    }

    /** Bulk operations between sets of different element types, in every combination of sizes. */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void crossTypeBulk() {
        for (Class t1 : TYPES) {
            for (Class t2 : TYPES) {
                Object[] c2 = t2.getEnumConstants();
                List<List<Object>> contents = new ArrayList<>();
                contents.add(List.of());
                for (Object e : c2) {
                    if (e.getClass() != ((Enum<?>) e).getDeclaringClass()) {
                        contents.add(List.of(e)); // a first element with a class body
                    }
                }
                if (c2.length > 0) {
                    contents.add(List.of(c2[c2.length - 1]));
                    contents.add(Arrays.asList(c2));
                }
                for (List<Object> content : contents) {
                    for (int which = 0; which < 4; which++) {
                        for (boolean full : new boolean[] {false, true}) {
                            Set<Object> a = full ? (Set) java.util.EnumSet.allOf(t1) : jdkNone(t1);
                            Set<Object> b = full ? (Set) EnumSet.allOf(t1) : oursNone(t1);
                            Set<Object> argA = jdkNone(t2);
                            Set<Object> argB = oursNone(t2);
                            argA.addAll(content);
                            argB.addAll(content);
                            int wh = which;
                            String what = t1.getSimpleName() + (full ? " full " : " empty ") + which + " " + t2.getSimpleName()
                                    + content;
                            strict(what, () -> bulk(a, argA, wh), () -> bulk(b, argB, wh));
                            strict(what + " equals", () -> a.equals(argA), () -> b.equals(argB));
                            strict(what + " equals jdk's", () -> a.equals(argA), () -> b.equals(argA));
                            sameSet(what, a, b);
                        }
                    }
                }
            }
        }
        // the messages themselves, for the record
        Set<Object> small = oursNone(Small.class);
        Throwable t = assertThrows(ClassCastException.class, () -> small.addAll((Set) EnumSet.of(Body.P)));
        assertEquals("class " + Body.class.getName() + " != class " + Small.class.getName(), t.getMessage());
        t = assertThrows(ClassCastException.class, () -> small.addAll((Set) EnumSet.of(Big70.C5, Big70.C6)));
        assertEquals("class " + Big70.class.getName() + "$1 != class " + Small.class.getName(), t.getMessage());
        t = assertThrows(ClassCastException.class, () -> ((Set) EnumSet.noneOf(Big65.class)).addAll(EnumSet.of(Big70.C5)));
        assertEquals("class " + Big70.class.getName() + " != class " + Big65.class.getName(), t.getMessage());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void iterators() {
        for (Class t : TYPES) {
            Set<Object> a = (Set) java.util.EnumSet.allOf(t);
            Set<Object> b = (Set) EnumSet.allOf(t);
            for (int mod = 1; mod < 5; mod++) {
                int m = mod;
                strict("iterRemove " + t + mod, () -> iterRemove(a, m), () -> iterRemove(b, m));
            }
            strict("empty next", () -> jdkNone(t).iterator().next(), () -> oursNone(t).iterator().next());
            strict("empty hasNext", () -> jdkNone(t).iterator().hasNext(), () -> oursNone(t).iterator().hasNext());
        }
        // snapshot semantics inside one word, live view of later words
        Set<Object> a = (Set) java.util.EnumSet.of(Small.A, Small.B);
        Set<Object> b = (Set) EnumSet.of(Small.A, Small.B);
        Iterator<Object> ia = a.iterator();
        Iterator<Object> ib = b.iterator();
        assertEquals(ia.next(), ib.next());
        a.remove(Small.B);
        b.remove(Small.B);
        a.add(Small.C);
        b.add(Small.C);
        assertEquals(Small.B, ia.next());
        assertEquals(Small.B, ib.next());
        assertEquals(ia.hasNext(), ib.hasNext());
        ib.remove();
        ia.remove();
        sameSet("snapshot small", a, b);

        Set<Object> ja = (Set) java.util.EnumSet.of(Big70.C0, Big70.C3, Big70.C65);
        Set<Object> jb = (Set) EnumSet.of(Big70.C0, Big70.C3, Big70.C65);
        ia = ja.iterator();
        ib = jb.iterator();
        assertEquals(ia.next(), ib.next());
        for (Set<Object> s : List.of(ja, jb)) {
            s.remove(Big70.C3);
            s.add(Big70.C4);
            s.remove(Big70.C65);
            s.add(Big70.C67);
        }
        StringBuilder ta = new StringBuilder();
        StringBuilder tb = new StringBuilder();
        while (ia.hasNext()) {
            ta.append(ia.next()).append(' ');
            ia.remove();
        }
        while (ib.hasNext()) {
            tb.append(ib.next()).append(' ');
            ib.remove();
        }
        assertEquals("C3 C67 ", ta.toString());
        assertEquals(ta.toString(), tb.toString());
        sameSet("snapshot big", ja, jb);
        assertEquals(2, jb.size());

        // remove through the iterator of an element already removed from the set
        a = (Set) java.util.EnumSet.allOf(Big65.class);
        b = (Set) EnumSet.allOf(Big65.class);
        ia = a.iterator();
        ib = b.iterator();
        assertEquals(ia.next(), ib.next());
        a.remove(Big65.D0);
        b.remove(Big65.D0);
        ia.remove();
        ib.remove();
        sameSet("remove twice", a, b);
        assertEquals(64, b.size());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void equalsHashCodeToStringClone() {
        assertTrue(EnumSet.noneOf(Small.class).equals(java.util.EnumSet.noneOf(Body.class)));
        assertTrue(java.util.EnumSet.noneOf(Body.class).equals(EnumSet.noneOf(Small.class)));
        assertTrue(EnumSet.noneOf(Small.class).equals(EnumSet.noneOf(Big70.class)));
        assertFalse(EnumSet.of(Small.A).equals(EnumSet.of(Body.P)));
        assertFalse(EnumSet.of(Small.A).equals(java.util.EnumSet.of(Body.P)));
        assertTrue(EnumSet.of(Small.A, Small.C).equals(java.util.EnumSet.of(Small.C, Small.A)));
        assertTrue(EnumSet.of(Small.A, Small.C).equals(new java.util.HashSet<>(List.of(Small.C, Small.A))));
        assertFalse(EnumSet.of(Small.A, Small.C).equals(List.of(Small.A, Small.C)));
        assertFalse(EnumSet.of(Small.A).equals(null));
        EnumSet<Body> body = EnumSet.allOf(Body.class);
        assertEquals("[p!, Q, R, S]", body.toString());
        assertEquals(java.util.EnumSet.allOf(Body.class).toString(), body.toString());
        assertEquals(java.util.EnumSet.allOf(Body.class).hashCode(), body.hashCode());
        assertEquals(java.util.EnumSet.allOf(Big70.class).toString(), EnumSet.allOf(Big70.class).toString());
        assertEquals(java.util.EnumSet.allOf(Big70.class).hashCode(), EnumSet.allOf(Big70.class).hashCode());
        assertEquals("[]", EnumSet.noneOf(Empty.class).toString());
        assertEquals(0, EnumSet.noneOf(Empty.class).hashCode());

        EnumSet<Big70> big = EnumSet.of(Big70.C1, Big70.C64);
        EnumSet<Big70> copy = big.clone();
        assertNotSame(big, copy);
        assertSame(big.getClass(), copy.getClass());
        copy.add(Big70.C69);
        copy.remove(Big70.C1);
        assertEquals("[C1, C64]", big.toString());
        assertEquals("[C64, C69]", copy.toString());
        assertEquals(2, big.size());
        assertTrue(big instanceof Cloneable && big instanceof java.io.Serializable);
        EnumSet<Small> s = EnumSet.of(Small.B);
        EnumSet<Small> sc = EnumSet.copyOf(s);
        sc.add(Small.A);
        assertEquals("[B]", s.toString());
        assertEquals("[A, B]", sc.toString());
        assertEquals(java.util.EnumSet.of(Small.B).stream().count(), s.stream().count());
    }
}
