package org.cometsim.guestlib.java.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Differential-test helpers shared by the map/set tests: run the same operation on a JDK object and
 * on ours and compare the outcome (normalised value, or exception class + message).
 */
final class MapSetDiff {
    private MapSetDiff() {
    }

    /**
     * Key with a controlled hash code, equal by id and ordered by id; lets tests build bucket
     * collisions. toString "k" + id.
     */
    static final class Key implements Comparable<Key>, java.io.Serializable {
        final int id;
        final int hash;

        Key(int id, int hash) {
            this.id = id;
            this.hash = hash;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).id == id;
        }

        @Override
        public int compareTo(Key o) {
            return Integer.compare(id, o.id);
        }

        @Override
        public String toString() {
            return "k" + id;
        }
    }

    /** Neither Comparable nor with a value-based equals. */
    static class Opaque {
        @Override
        public String toString() {
            return "opaque";
        }
    }

    static String outcome(Supplier<?> op) {
        try {
            return "OK:" + norm(op.get());
        } catch (StackOverflowError e) {
            throw e;
        } catch (Throwable t) {
            if (t instanceof NullPointerException) {
                // helpful NPE text is VM-generated and not part of the contract
                return "EX:" + t.getClass().getName();
            }
            return "EX:" + t.getClass().getName() + ":" + t.getMessage();
        }
    }

    static String norm(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof Object[]) {
            Object[] a = (Object[]) o;
            return a.getClass().getComponentType().getName() + Arrays.deepToString(a);
        }
        if (o instanceof Map.Entry) {
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return "Entry(" + e.getKey() + "=" + e.getValue() + ")";
        }
        if (o instanceof Collection<?> || o instanceof Map<?, ?>) {
            return "view:" + o;
        }
        if (o instanceof Iterator<?>) {
            return "iterator";
        }
        return o.getClass().getName() + ":" + o;
    }

    /** Runs both and asserts identical outcomes; returns the JDK outcome. */
    static String same(String what, Supplier<?> jdk, Supplier<?> ours) {
        String a = outcome(jdk);
        String b = outcome(ours);
        if (!a.equals(b) && !sameImplicitException(a, b)) {
            fail(what + "\n  jdk : " + a + "\n  ours: " + b);
        }
        return a;
    }

    /** HotSpot may throw hot implicit exceptions without a message; then only the class must agree. */
    static boolean sameImplicitException(String a, String b) {
        for (String cls : new String[] {"java.lang.ArrayIndexOutOfBoundsException",
            "java.lang.ClassCastException"}) {
            String prefix = "EX:" + cls + ":";
            if (a.startsWith(prefix) && b.startsWith(prefix)
                    && (a.equals(prefix + "null") || b.equals(prefix + "null"))) {
                return true;
            }
        }
        return false;
    }

    /** Same content, iteration order, size, equals both ways and hashCode. */
    static void sameMap(String what, Map<?, ?> jdk, Map<?, ?> ours) {
        assertEquals(jdk.size(), ours.size(), what + " size");
        assertEquals(jdk.toString(), ours.toString(), what + " toString");
        assertEquals(jdk.keySet().toString(), ours.keySet().toString(), what + " keySet");
        assertEquals(jdk.values().toString(), ours.values().toString(), what + " values");
        assertEquals(jdk.entrySet().toString(), ours.entrySet().toString(), what + " entrySet");
        assertEquals(jdk.hashCode(), ours.hashCode(), what + " hashCode");
        assertTrue(jdk.equals(ours), what + " jdk.equals(ours)");
        assertTrue(ours.equals(jdk), what + " ours.equals(jdk)");
        assertEquals(jdk.isEmpty(), ours.isEmpty(), what + " isEmpty");
    }

    static void sameSet(String what, Collection<?> jdk, Collection<?> ours) {
        assertEquals(jdk.size(), ours.size(), what + " size");
        assertEquals(jdk.toString(), ours.toString(), what + " toString");
        assertEquals(Arrays.toString(jdk.toArray()), Arrays.toString(ours.toArray()), what + " toArray");
        assertEquals(jdk.hashCode(), ours.hashCode(), what + " hashCode");
        assertTrue(jdk.equals(ours), what + " jdk.equals(ours)");
        assertTrue(ours.equals(jdk), what + " ours.equals(jdk)");
    }
}
