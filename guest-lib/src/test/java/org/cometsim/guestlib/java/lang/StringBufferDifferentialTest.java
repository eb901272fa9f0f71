package org.cometsim.guestlib.java.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our StringBuffer vs JDK 17's: seeded random operation sequences plus API/synchronization checks. */
class StringBufferDifferentialTest {

    @ParameterizedTest
    @ValueSource(longs = {7, 99, 31337})
    void randomOps(long seed) {
        new BuilderDiffHarness(java.lang.StringBuffer.class, StringBuffer.class, seed).run(2000);
    }

    @Test
    void publicApiComplete() {
        assertEquals(StringBuilderDifferentialTest.publicApi(java.lang.StringBuffer.class),
                StringBuilderDifferentialTest.publicApi(StringBuffer.class));
    }

    /** Every method the JDK's StringBuffer declares synchronized is synchronized in ours. */
    @Test
    void synchronizedLikeJdk() {
        Set<String> missing = new TreeSet<>();
        for (Method m : java.lang.StringBuffer.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isSynchronized(m.getModifiers()) || m.isBridge()) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes().clone();
            for (int i = 0; i < types.length; i++) {
                if (types[i] == java.lang.StringBuffer.class) {
                    types[i] = StringBuffer.class;
                }
            }
            try {
                Method ours = StringBuffer.class.getDeclaredMethod(m.getName(), types);
                if (!Modifier.isSynchronized(ours.getModifiers())) {
                    missing.add(m.toString());
                }
            } catch (NoSuchMethodException e) {
                missing.add(m.toString());
            }
        }
        assertTrue(missing.isEmpty(), () -> "not synchronized / not declared: " + missing);
    }

    @Test
    void appendBuilders() {
        StringBuffer sb = new StringBuffer("a");
        sb.append(new StringBuffer("b")).append((StringBuffer) null).append(new StringBuilder("c"))
                .append((CharSequence) new StringBuilder("d"));
        java.lang.StringBuffer j = new java.lang.StringBuffer("a");
        j.append(new java.lang.StringBuffer("b")).append((java.lang.StringBuffer) null)
                .append(new java.lang.StringBuilder("c")).append((CharSequence) new java.lang.StringBuilder("d"));
        assertEquals(j.toString(), sb.toString());
        assertEquals(j.capacity(), sb.capacity());
        StringBuilder b = new StringBuilder().append(new StringBuffer("xy")).append((StringBuffer) null);
        assertEquals("xynull", b.toString());
    }

    /**
     * Documented deviation: the JDK's StringBuffer.append(Object)/insert(int, Object) with the buffer
     * itself leaves a stale toString cache (JDK toString() returns the old content while length() is
     * the new one). Ours has no cache and returns the real content.
     */
    @Test
    void appendSelfAsObject() {
        java.lang.StringBuffer j = new java.lang.StringBuffer("ab");
        j.append((Object) j);
        assertEquals(4, j.length());
        StringBuffer o = new StringBuffer("ab");
        o.append((Object) o);
        assertEquals("abab", o.toString());
        o.insert(1, (Object) o);
        assertEquals("aababbab", o.toString());
        assertEquals(o.toString(), new java.lang.StringBuilder(j).insert(1, (Object) new java.lang.StringBuilder(j))
                .toString());
    }
}
