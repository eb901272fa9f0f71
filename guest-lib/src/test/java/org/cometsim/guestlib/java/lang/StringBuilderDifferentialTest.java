package org.cometsim.guestlib.java.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our StringBuilder vs JDK 17's: seeded random operation sequences plus targeted edge cases. */
class StringBuilderDifferentialTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 42, 1234567})
    void randomOps(long seed) {
        new BuilderDiffHarness(java.lang.StringBuilder.class, StringBuilder.class, seed).run(3000);
    }

    private static BuilderDiffHarness harness() {
        BuilderDiffHarness h = new BuilderDiffHarness(java.lang.StringBuilder.class, StringBuilder.class, 0);
        h.construct(new Class<?>[0]);
        return h;
    }

    @Test
    void constructors() {
        BuilderDiffHarness h = harness();
        h.construct(new Class<?>[] {int.class}, 0);
        h.construct(new Class<?>[] {int.class}, -1);
        h.construct(new Class<?>[] {int.class}, 5);
        h.construct(new Class<?>[] {String.class}, "");
        h.construct(new Class<?>[] {String.class}, "hello \ud83d\ude00");
        h.construct(new Class<?>[] {String.class}, (Object) null);
        h.construct(new Class<?>[] {CharSequence.class}, (Object) null);
        h.construct(new Class<?>[] {CharSequence.class}, "abc");
        h.construct(new Class<?>[] {CharSequence.class}, new BuilderDiffHarness.SameType("xyz"));
        h.construct(new Class<?>[] {CharSequence.class}, new BuilderDiffHarness.Foreign("xyz"));
        h.construct(new Class<?>[] {CharSequence.class}, java.nio.CharBuffer.wrap("0123456789"));
    }

    @Test
    void capacityGrowth() {
        BuilderDiffHarness h = harness();
        Class<?>[] s = {String.class};
        Class<?>[] c = {char.class};
        for (int i = 0; i < 100; i++) {
            h.op("append", c, 'x');
        }
        h.op("append", s, "0123456789012345678901234567890123456789012345678901234567890123456789"
                + "0123456789012345678901234567890123456789012345678901234567890123456789");
        h.op("trimToSize", new Class<?>[0]);
        h.op("append", c, 'y');
        h.op("ensureCapacity", new Class<?>[] {int.class}, 1000);
        h.op("ensureCapacity", new Class<?>[] {int.class}, 0);
        h.op("ensureCapacity", new Class<?>[] {int.class}, Integer.MIN_VALUE);
        h.op("setLength", new Class<?>[] {int.class}, 5000);
        h.op("setLength", new Class<?>[] {int.class}, 0);
        h.op("trimToSize", new Class<?>[0]);
        h.op("append", c, '\u4e2d');
        h.construct(new Class<?>[] {int.class}, 0);
        h.op("append", c, 'a');
        h.op("append", s, "abc");
        h.op("appendCodePoint", new Class<?>[] {int.class}, 0x1F600);
        h.op("appendCodePoint", new Class<?>[] {int.class}, 0x110000);
        h.op("appendCodePoint", new Class<?>[] {int.class}, -1);
        h.op("append", new Class<?>[] {boolean.class}, false);
    }

    @Test
    void reverseSurrogates() {
        BuilderDiffHarness h = harness();
        String[] cases = {"", "a", "ab", "\ud83d\ude00", "a\ud83d\ude00b", "\ude00\ud83d", "\ud83d", "\ude00",
            "x\ud83dy\ude00z", "\ud83d\ude00\ud83d\ude01", "\ud83d\ud83d\ude00\ude00", "ab\ud83d", "\ude00ab",
            "\ud83d\ude00c", "c\ud83d\ude00"};
        for (String s : cases) {
            h.construct(new Class<?>[] {String.class}, s);
            h.op("reverse", new Class<?>[0]);
            h.op("reverse", new Class<?>[0]);
        }
    }

    @Test
    void selfReference() {
        BuilderDiffHarness h = harness();
        Class<?>[] ics = {int.class, CharSequence.class};
        Class<?>[] icsii = {int.class, CharSequence.class, int.class, int.class};
        h.op("append", new Class<?>[] {String.class}, "abcdef");
        h.op("append", new Class<?>[] {CharSequence.class}, BuilderDiffHarness.SELF);
        h.op("insert", ics, 3, BuilderDiffHarness.SELF);
        h.op("insert", icsii, 2, BuilderDiffHarness.SELF, 1, 7);
        h.op("insert", icsii, 0, BuilderDiffHarness.SELF, 0, 10);
        h.op("append", new Class<?>[] {CharSequence.class, int.class, int.class}, BuilderDiffHarness.SELF, 3, 9);
        h.op("append", new Class<?>[] {Object.class}, BuilderDiffHarness.SELF);
        h.op("insert", new Class<?>[] {int.class, Object.class}, 4, BuilderDiffHarness.SELF);
        h.op("compareTo", new Class<?>[] {java.lang.StringBuilder.class}, BuilderDiffHarness.SELF);
    }

    @Test
    void compareTo() {
        String[][] pairs = {{"", ""}, {"a", ""}, {"", "a"}, {"abc", "abd"}, {"abc", "ab"}, {"\u4e2d", "a"},
            {"\ud83d\ude00", "\uffff"}, {"Z", "a"}};
        for (String[] p : pairs) {
            int jdk = new java.lang.StringBuilder(p[0]).compareTo(new java.lang.StringBuilder(p[1]));
            int ours = new StringBuilder(p[0]).compareTo(new StringBuilder(p[1]));
            assertEquals(jdk, ours, p[0] + " vs " + p[1]);
        }
        assertThrows(NullPointerException.class, () -> new StringBuilder("a").compareTo(null));
    }

    @Test
    void identityEqualsAndHashCode() {
        StringBuilder a = new StringBuilder("x");
        StringBuilder b = new StringBuilder("x");
        assertNotEquals(a, b);
        assertEquals(a, a);
        assertEquals(System.identityHashCode(a), a.hashCode());
        assertTrue(a instanceof Comparable);
        assertTrue(a instanceof java.io.Serializable);
        assertTrue(a instanceof Appendable);
    }

    @Test
    void getCharsAndStreams() {
        BuilderDiffHarness h = harness();
        Class<?>[] t = {int.class, int.class, char[].class, int.class};
        h.op("append", new Class<?>[] {String.class}, "0123456789");
        h.op("getChars", t, 2, 6, new BuilderDiffHarness.Chars(new char[8]), 1);
        h.op("getChars", t, 2, 6, new BuilderDiffHarness.Chars(new char[8]), 5);
        h.op("getChars", t, 6, 2, new BuilderDiffHarness.Chars(new char[8]), 0);
        h.op("getChars", t, 0, 11, new BuilderDiffHarness.Chars(new char[20]), 0);
        h.op("getChars", t, 0, 10, new BuilderDiffHarness.Chars(new char[10]), 0);
        h.op("getChars", t, 0, 0, new BuilderDiffHarness.Chars(null), 0);
        String s = "a\ud83d\ude00b\ud83d";
        assertEquals(s.chars().boxed().toList(), new StringBuilder(s).chars().boxed().toList());
        assertEquals(s.codePoints().boxed().toList(), new StringBuilder(s).codePoints().boxed().toList());
        assertEquals("abc", new StringBuilder("xabcx").subSequence(1, 4));
    }

    /** Every public JDK StringBuilder method exists in ours with the same return type (types mapped). */
    @Test
    void publicApiComplete() {
        assertEquals(publicApi(java.lang.StringBuilder.class), publicApi(StringBuilder.class));
        assertTrue(Modifier.isFinal(StringBuilder.class.getModifiers()));
        assertFalse(Modifier.isSynchronized(methodOf(StringBuilder.class, "append", String.class).getModifiers()));
    }

    static Method methodOf(Class<?> c, String name, Class<?>... types) {
        try {
            return c.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    static Set<String> publicApi(Class<?> c) {
        Set<String> r = new TreeSet<>();
        for (Method m : c.getMethods()) {
            // chars()/codePoints() are left to the CharSequence defaults (same results).
            if (m.getDeclaringClass() == Object.class || m.getName().equals("chars")
                    || m.getName().equals("codePoints")) {
                continue;
            }
            r.add(m.toGenericString().replaceAll("\\b(public|final|synchronized|native|default|volatile)\\s", "")
                    .replaceAll("\\s+throws .*$", "")
                    .replace("org.cometsim.guestlib.", "")
                    .replace("java.lang.AbstractStringBuilder.", "DECL.")
                    .replace("java.lang.StringBuilder.", "DECL.")
                    .replace("java.lang.StringBuffer.", "DECL.")
                    .replace("java.lang.CharSequence.", "DECL.")
                    .replace("java.lang.Comparable.", "DECL."));
        }
        return r;
    }
}
