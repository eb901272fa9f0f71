package org.cometsim.guestlib.java.util.concurrent.atomic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.BinaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;

import org.cometsim.guestlib.HangGuard;
import org.junit.jupiter.api.Test;

/**
 * The guest library's three field updaters against the JDK's, on the host JVM: the same public
 * API (names, parameter types, modifiers), the same {@code newUpdater} failures (exception class,
 * message, cause), and on seeded random operation sequences through reflection (every public
 * method of the JDK class, called on both with the same arguments: good and bad receivers, bad
 * values, null functions) the same results, exceptions and field values; then exact counts when
 * real host threads update one field through our updaters at once.
 */
class FieldUpdaterDifferentialTest {

    /** The target class: fields of every kind {@code newUpdater} accepts or rejects. */
    static class Holder {
        volatile int i;
        volatile long l;
        volatile String s;
        volatile Object o;
        volatile Integer boxed;
        volatile short sh;
        int plainInt;
        long plainLong;
        String plainString;
        static volatile int staticInt;
        static volatile long staticLong;
        static volatile String staticString;
        static int staticPlain;
        private volatile int priv;
        protected volatile long prot;
        public volatile CharSequence cs;
        final int fin = 3;

        @Override
        public String toString() {
            return getClass().getSimpleName(); // no identity hash: receivers also serve as (bad) values
        }
    }

    static class SubHolder extends Holder {
        volatile int own;
    }

    private static final String PREFIX = "org.cometsim.guestlib.";

    /** A call's outcome: its result, or the exception's class, message and cause. */
    private static String outcome(Callable<?> c) {
        try {
            Object r = c.call();
            return "= " + r;
        } catch (Throwable t) {
            if (t instanceof InvocationTargetException) {
                t = t.getCause();
            }
            if (t instanceof NullPointerException) {
                // a null function: the message is the JVM's helpful-NPE text, or null once the JIT
                // throws its preallocated NPE (OmitStackTraceInFastThrow): compare the class only
                return "! " + t.getClass().getName();
            }
            return describe(t, true);
        }
    }

    private static String describe(Throwable t, boolean withCauseMessage) {
        String s = "! " + t.getClass().getName() + (withCauseMessage ? ": " + t.getMessage() : "");
        Throwable c = t.getCause();
        if (c != null) {
            s += withCauseMessage ? " cause " + c.getClass().getName() + ": " + c.getMessage()
                    : " cause " + c.getClass().getName();
        }
        return s;
    }

    private static Throwable thrown(Callable<?> c) {
        try {
            c.call();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("no exception");
    }

    // ------------------------------------------------------------------ API shape

    @Test
    void publicApiMatchesTheJdk() throws Exception {
        Class<?>[][] pairs = {
            {java.util.concurrent.atomic.AtomicIntegerFieldUpdater.class, AtomicIntegerFieldUpdater.class},
            {java.util.concurrent.atomic.AtomicLongFieldUpdater.class, AtomicLongFieldUpdater.class},
            {java.util.concurrent.atomic.AtomicReferenceFieldUpdater.class, AtomicReferenceFieldUpdater.class},
        };
        for (Class<?>[] p : pairs) {
            assertEquals(p[0].getModifiers(), p[1].getModifiers(), p[1].getName());
            assertEquals(p[0].getTypeParameters().length, p[1].getTypeParameters().length);
            List<String> jdk = new ArrayList<>();
            List<String> ours = new ArrayList<>();
            for (Method m : p[0].getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                    jdk.add(m.toGenericString().replace(p[0].getName(), "X"));
                }
            }
            for (Method m : p[1].getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) {
                    ours.add(m.toGenericString().replace(p[1].getName(), "X"));
                }
            }
            jdk.sort(null);
            ours.sort(null);
            assertEquals(jdk, ours, p[1].getName());
            for (Constructor<?> k : p[1].getDeclaredConstructors()) {
                assertTrue(Modifier.isProtected(k.getModifiers()), k.toString());
                assertEquals(0, k.getParameterCount());
            }
        }
    }

    // ------------------------------------------------------------------ newUpdater failures

    private static void sameFailure(Callable<?> jdk, Callable<?> ours, boolean compareCauseMessage) {
        Throwable j = thrown(jdk);
        Throwable o = thrown(ours);
        assertEquals(describe(j, compareCauseMessage), describe(o, compareCauseMessage));
    }

    @Test
    void newUpdaterFailuresMatchTheJdk() {
        String[] intCases = {"nope", "l", "boxed", "sh", "plainInt", "staticInt", "staticPlain", "fin", "s", "own", null};
        for (String f : intCases) {
            sameFailure(() -> java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Holder.class, f),
                    () -> AtomicIntegerFieldUpdater.newUpdater(Holder.class, f), true);
        }
        // a field of the superclass is not declared by the subclass
        sameFailure(() -> java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(SubHolder.class, "i"),
                () -> AtomicIntegerFieldUpdater.newUpdater(SubHolder.class, "i"), true);
        String[] longCases = {"nope", "i", "plainLong", "staticLong", "s", null};
        for (String f : longCases) {
            sameFailure(() -> java.util.concurrent.atomic.AtomicLongFieldUpdater.newUpdater(Holder.class, f),
                    () -> AtomicLongFieldUpdater.newUpdater(Holder.class, f), true);
        }
        Object[][] refCases = {
            {String.class, "nope"}, {Integer.class, "s"}, {Object.class, "s"}, {CharSequence.class, "s"},
            {String.class, "o"}, {int.class, "i"}, {long.class, "l"}, {String.class, "plainString"},
            {String.class, "staticString"}, {null, "s"}, {String.class, null},
            {String.class, "cs"},
        };
        for (Object[] c : refCases) {
            Class<?> v = (Class<?>) c[0];
            String f = (String) c[1];
            sameFailure(() -> java.util.concurrent.atomic.AtomicReferenceFieldUpdater.newUpdater(Holder.class, v, f),
                    () -> AtomicReferenceFieldUpdater.newUpdater(Holder.class, v, f), true);
        }
        // A null class: RuntimeException wrapping NullPointerException on both; the helpful NPE
        // message (which the RuntimeException repeats) names the JDK's anonymous class field
        // ("this.val$tclass"), so only the classes are compared.
        sameFailure(() -> java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(null, "i"),
                () -> AtomicIntegerFieldUpdater.newUpdater(null, "i"), false);
        sameFailure(() -> java.util.concurrent.atomic.AtomicLongFieldUpdater.newUpdater(null, "l"),
                () -> AtomicLongFieldUpdater.newUpdater(null, "l"), false);
        sameFailure(() -> java.util.concurrent.atomic.AtomicReferenceFieldUpdater.newUpdater(null, String.class, "s"),
                () -> AtomicReferenceFieldUpdater.newUpdater(null, String.class, "s"), false);
    }

    @Test
    void goodFieldsAreAccepted() {
        assertNotNull(AtomicIntegerFieldUpdater.newUpdater(Holder.class, "priv"));
        assertNotNull(AtomicLongFieldUpdater.newUpdater(Holder.class, "prot"));
        assertNotNull(AtomicReferenceFieldUpdater.newUpdater(Holder.class, Object.class, "o"));
        assertNotNull(AtomicReferenceFieldUpdater.newUpdater(Holder.class, Integer.class, "boxed"));
        assertNotNull(AtomicReferenceFieldUpdater.newUpdater(Holder.class, CharSequence.class, "cs"));
        assertNotNull(AtomicIntegerFieldUpdater.newUpdater(SubHolder.class, "own"));
        // the implementation classes carry the JDK's simple names
        assertEquals(java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Holder.class, "i").getClass().getName(),
                AtomicIntegerFieldUpdater.newUpdater(Holder.class, "i").getClass().getName().substring(PREFIX.length()));
        assertEquals(java.util.concurrent.atomic.AtomicReferenceFieldUpdater.newUpdater(Holder.class, String.class, "s")
                .getClass().getName(),
                AtomicReferenceFieldUpdater.newUpdater(Holder.class, String.class, "s").getClass().getName()
                        .substring(PREFIX.length()));
    }

    // ------------------------------------------------------------------ random operation sequences

    /** Arguments for one call: a receiver (by index, each side its own object) and typed values. */
    private interface Args {
        /** The argument for a parameter of {@code type} on one side (receivers: this side's objects). */
        Object arg(Class<?> type, Object[] receivers);
    }

    /**
     * Calls every non-static public method of {@code jdkClass} (in a seeded random order, {@code ops}
     * times) on {@code jdk} and on {@code ours} with the same arguments, comparing outcomes and
     * then the field values of both sides' receivers ({@code fieldOf}).
     */
    private static void differential(Class<?> jdkClass, Class<?> ourClass, Object jdk, Object ours,
            Object[] jdkReceivers, Object[] ourReceivers, java.util.function.Function<Object, String> fieldOf,
            long seed, int ops, java.util.function.Function<Random, Args> argsFor) throws Exception {
        List<Method> methods = new ArrayList<>();
        for (Method m : jdkClass.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == jdkClass) {
                methods.add(m);
            }
        }
        methods.sort((a, b) -> a.toString().compareTo(b.toString()));
        assertTrue(methods.size() >= 10, methods.toString());
        Random rnd = new Random(seed);
        int[] counts = new int[methods.size()];
        for (int n = 0; n < ops; n++) {
            int k = rnd.nextInt(methods.size());
            counts[k]++;
            Method mj = methods.get(k);
            Method mo = ourClass.getMethod(mj.getName(), mj.getParameterTypes());
            Class<?>[] types = mj.getParameterTypes();
            Object[] aj = new Object[types.length];
            Object[] ao = new Object[types.length];
            // the same argument choices on both sides: two generators from one seed
            long argSeed = rnd.nextLong();
            Args sideJ = argsFor.apply(new Random(argSeed));
            Args sideO = argsFor.apply(new Random(argSeed));
            for (int p = 0; p < types.length; p++) {
                aj[p] = sideJ.arg(types[p], jdkReceivers);
                ao[p] = sideO.arg(types[p], ourReceivers);
            }
            String where = "op " + n + ": " + mj.getName() + java.util.Arrays.toString(aj);
            assertEquals(outcome(() -> mj.invoke(jdk, aj)), outcome(() -> mo.invoke(ours, ao)), where);
            for (int r = 0; r < jdkReceivers.length; r++) {
                if (jdkReceivers[r] instanceof Holder) {
                    assertEquals(fieldOf.apply(jdkReceivers[r]), fieldOf.apply(ourReceivers[r]), where + " receiver " + r);
                }
            }
        }
        for (int k = 0; k < counts.length; k++) {
            assertTrue(counts[k] > 0, "never called: " + methods.get(k));
        }
    }

    /** Receivers: a Holder, a SubHolder, null, a String (wrong class, through raw types). */
    private static Object[] receivers() {
        return new Object[] {new Holder(), new SubHolder(), null, "not a holder"};
    }

    private static final int[] INTS = {0, 1, -1, 2, 7, -100, Integer.MAX_VALUE, Integer.MIN_VALUE};
    private static final long[] LONGS = {0L, 1L, -1L, 2L, 7L, -100L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40};

    private static int receiverIndex(Random r) {
        int x = r.nextInt(10);
        return x < 5 ? 0 : x < 8 ? 1 : x == 8 ? 2 : 3;
    }

    @Test
    void intUpdaterMatchesTheJdkOnRandomSequences() throws Exception {
        IntUnaryOperator[] unary = {x -> x * 3 + 1, x -> x, x -> -x, null};
        IntBinaryOperator[] binary = {Math::max, Integer::sum, (x, y) -> x * y - 1, null};
        for (long seed = 1; seed <= 5; seed++) {
            Object[] rj = receivers();
            Object[] ro = receivers();
            differential(java.util.concurrent.atomic.AtomicIntegerFieldUpdater.class, AtomicIntegerFieldUpdater.class,
                    java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Holder.class, "i"),
                    AtomicIntegerFieldUpdater.newUpdater(Holder.class, "i"), rj, ro, h -> String.valueOf(((Holder) h).i),
                    seed, 1500, r -> {
                        int recv = receiverIndex(r);
                        return (type, side) -> {
                            if (type == Object.class) {
                                return side[recv];
                            }
                            if (type == int.class) {
                                // expect values: often the current value, so compareAndSet succeeds
                                int x = r.nextInt(INTS.length + 2);
                                return x >= INTS.length && side[recv] instanceof Holder ? ((Holder) side[recv]).i : INTS[x % INTS.length];
                            }
                            if (type == IntUnaryOperator.class) {
                                return unary[r.nextInt(unary.length)];
                            }
                            if (type == IntBinaryOperator.class) {
                                return binary[r.nextInt(binary.length)];
                            }
                            throw new AssertionError(type);
                        };
                    });
        }
    }

    @Test
    void longUpdaterMatchesTheJdkOnRandomSequences() throws Exception {
        LongUnaryOperator[] unary = {x -> x * 3 + 1, x -> x, x -> -x, null};
        LongBinaryOperator[] binary = {Math::max, Long::sum, (x, y) -> x * y - 1, null};
        for (long seed = 1; seed <= 5; seed++) {
            differential(java.util.concurrent.atomic.AtomicLongFieldUpdater.class, AtomicLongFieldUpdater.class,
                    java.util.concurrent.atomic.AtomicLongFieldUpdater.newUpdater(Holder.class, "l"),
                    AtomicLongFieldUpdater.newUpdater(Holder.class, "l"), receivers(), receivers(),
                    h -> String.valueOf(((Holder) h).l), seed, 1500, r -> {
                        int recv = receiverIndex(r);
                        return (type, side) -> {
                            if (type == Object.class) {
                                return side[recv];
                            }
                            if (type == long.class) {
                                int x = r.nextInt(LONGS.length + 2);
                                return x >= LONGS.length && side[recv] instanceof Holder ? ((Holder) side[recv]).l : LONGS[x % LONGS.length];
                            }
                            if (type == LongUnaryOperator.class) {
                                return unary[r.nextInt(unary.length)];
                            }
                            if (type == LongBinaryOperator.class) {
                                return binary[r.nextInt(binary.length)];
                            }
                            throw new AssertionError(type);
                        };
                    });
        }
    }

    @Test
    void referenceUpdaterMatchesTheJdkOnRandomSequences() throws Exception {
        UnaryOperator<?>[] unary = {x -> x == null ? "n" : x + "u", x -> x, x -> null, x -> 42, null};
        BinaryOperator<?>[] binary = {(x, y) -> x == null ? y : x + "+" + y, (x, y) -> y, null};
        for (long seed = 1; seed <= 5; seed++) {
            // Values: equal but distinct strings (compareAndSet compares identity), null, and a wrong
            // class; each side gets its own copies so no identity is shared between the two runs, except
            // that the same slot means "the same" object on each side.
            String[] vj = {"a", new String("a"), "b", null};
            String[] vo = {"a", new String("a"), "b", null};
            Object[] rj = receivers();
            Object[] ro = receivers();
            differential(java.util.concurrent.atomic.AtomicReferenceFieldUpdater.class, AtomicReferenceFieldUpdater.class,
                    java.util.concurrent.atomic.AtomicReferenceFieldUpdater.newUpdater(Holder.class, String.class, "s"),
                    AtomicReferenceFieldUpdater.newUpdater(Holder.class, String.class, "s"), rj, ro,
                    h -> describeRef(((Holder) h).s, h == rj[0] || h == rj[1] ? vj : vo), seed, 1500, r -> {
                        int recv = receiverIndex(r);
                        return (type, side) -> {
                            if (type == Object.class) {
                                // receiver, value, expect and x all have parameter type Object (erased)
                                int x = r.nextInt(12);
                                if (x < 4) {
                                    return side[recv];
                                }
                                String[] vals = side == rj ? vj : vo;
                                if (x == 11) {
                                    return Integer.valueOf(5);
                                }
                                if (x >= 8 && side[recv] instanceof Holder) {
                                    return ((Holder) side[recv]).s; // the current value: compareAndSet succeeds
                                }
                                return vals[x % vals.length];
                            }
                            if (type == UnaryOperator.class) {
                                return unary[r.nextInt(unary.length)];
                            }
                            if (type == BinaryOperator.class) {
                                return binary[r.nextInt(binary.length)];
                            }
                            throw new AssertionError(type);
                        };
                    });
        }
    }

    /** A String field's value, with its identity among the pool values (slot 0 and 1 are equal). */
    private static String describeRef(String s, String[] pool) {
        for (int k = 0; k < pool.length; k++) {
            if (pool[k] == s && s != null) {
                return s + "#" + k;
            }
        }
        return String.valueOf(s);
    }

    // ------------------------------------------------------------------ contention

    @Test
    void concurrentUpdatesThroughOurUpdatersAreExact() throws Exception {
        AtomicIntegerFieldUpdater<Holder> iu = AtomicIntegerFieldUpdater.newUpdater(Holder.class, "i");
        AtomicLongFieldUpdater<Holder> lu = AtomicLongFieldUpdater.newUpdater(Holder.class, "l");
        AtomicReferenceFieldUpdater<Holder, Object> ou = AtomicReferenceFieldUpdater.newUpdater(Holder.class, Object.class, "o");
        Holder h = new Holder();
        h.o = 0;
        int threads = 6;
        int rounds = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int id = 0; id < threads; id++) {
            final int me = id;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    for (int r = 0; r < rounds; r++) {
                        iu.incrementAndGet(h);
                        if ((r & 1) == 0) {
                            iu.getAndUpdate(h, x -> x + 2); // CAS retry loop
                        } else {
                            iu.getAndAdd(h, 2);
                        }
                        lu.addAndGet(h, me + 1L);
                        lu.accumulateAndGet(h, 1L << 32, Long::sum);
                        ou.updateAndGet(h, x -> (Integer) x + 1); // fresh boxes: identity CAS retries
                        int seen;
                        do {
                            seen = iu.get(h);
                        } while (!iu.weakCompareAndSet(h, seen, seen - 1));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            all.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : all) {
            HangGuard.join(t);
        }
        assertEquals(List.of(), failures);
        assertEquals(threads * rounds * 2, h.i);
        long perRound = 0;
        for (int id = 0; id < threads; id++) {
            perRound += id + 1;
        }
        assertEquals(perRound * rounds + (long) threads * rounds * (1L << 32), h.l);
        assertEquals(threads * rounds, h.o);
        assertSame(h.o, ou.get(h));
    }
}
