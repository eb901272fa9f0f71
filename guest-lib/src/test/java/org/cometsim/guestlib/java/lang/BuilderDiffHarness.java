package org.cometsim.guestlib.java.lang;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Differential driver: applies the same randomly generated operation to a JDK builder and to ours
 * (through method handles, so every public overload is reachable by name) and compares results,
 * exceptions (class + message) and state (toString, length, capacity) after each operation.
 */
final class BuilderDiffHarness {

    /** Placeholder argument: the receiver itself. */
    static final Object SELF = new Object();

    /** Placeholder argument: a builder of the receiver's own type (JDK side: JDK's) with this content. */
    record SameType(String content) { }

    /** Placeholder argument: a StringBuffer with this content (JDK's for JDK, ours for ours); null content = null. */
    record Buffer(String content) { }

    /** Placeholder argument: a builder from the OTHER implementation (foreign CharSequence). */
    record Foreign(String content) { }

    /** Placeholder argument: a char array, copied per side (getChars writes into it). */
    record Chars(char[] chars) { }

    private static final char[] ALPHABET = {
        'a', 'b', 'c', 'x', 'Z', '0', ' ', '\u00e9', '\u4e2d', '\0',
        '\ud83d', '\ude00', '\ud800', '\udc00', '\udbff', '\udfff',
    };

    final Class<?> jdkClass;
    final Class<?> ourClass;
    private final MethodHandles.Lookup ourLookup = MethodHandles.lookup();
    private final MethodHandles.Lookup jdkLookup = MethodHandles.publicLookup();
    final Random rnd;
    Object jdk;
    Object ours;
    final List<String> trace = new ArrayList<>();

    BuilderDiffHarness(Class<?> jdkClass, Class<?> ourClass, long seed) {
        this.jdkClass = jdkClass;
        this.ourClass = ourClass;
        this.rnd = new Random(seed);
    }

    // ------------------------------------------------------------------ argument generation

    String randString(int maxLen) {
        int n = rnd.nextInt(maxLen + 1);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(10);
            if (k < 5) {
                c[i] = ALPHABET[rnd.nextInt(5)];
            } else if (k < 7) {
                c[i] = ALPHABET[rnd.nextInt(ALPHABET.length)];
            } else if (k < 9 && i + 1 < n) {
                // valid surrogate pair
                c[i++] = '\ud83d';
                c[i] = (char) ('\ude00' + rnd.nextInt(16));
            } else {
                c[i] = ALPHABET[rnd.nextInt(ALPHABET.length)];
            }
        }
        return new String(c);
    }

    int curLen() {
        return ((CharSequence) jdk).length();
    }

    /** Mostly valid indexes around [0, len], sometimes out of range or extreme. */
    int idx(int len) {
        int k = rnd.nextInt(20);
        if (k == 0) {
            return -1 - rnd.nextInt(3);
        }
        if (k == 1) {
            return len + 1 + rnd.nextInt(3);
        }
        if (k == 2) {
            return rnd.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        return rnd.nextInt(len + 1);
    }

    Object charSeqArg() {
        int k = rnd.nextInt(12);
        String s = randString(8);
        switch (k) {
            case 0: return null;
            case 1: return SELF;
            case 2: return new SameType(s);
            case 3: return new Buffer(s);
            case 4: return new Foreign(s);
            case 5: return java.nio.CharBuffer.wrap(s);
            default: return s;
        }
    }

    Object objectArg() {
        int k = rnd.nextInt(8);
        switch (k) {
            case 0: return null;
            case 1: return Integer.valueOf(rnd.nextInt());
            case 2: return List.of(1, "x");
            // JDK StringBuffer.append/insert(Object) of itself re-fills its toString cache with the
            // old content before mutating (stale toString afterwards): a JDK quirk we do not copy.
            case 3: return jdkClass == java.lang.StringBuffer.class ? new SameType("") : SELF;
            case 4: return new SameType(randString(5));
            case 5: return new Buffer(randString(5));
            default: return randString(6);
        }
    }

    char[] charsArg(int maxLen) {
        return randString(maxLen).toCharArray();
    }

    float floatArg() {
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
            Float.MIN_VALUE, Float.MAX_VALUE, 1e-5f, 1e7f, 123.456f};
        return rnd.nextInt(3) == 0 ? specials[rnd.nextInt(specials.length)] : Float.intBitsToFloat(rnd.nextInt());
    }

    double doubleArg() {
        double[] specials = {0d, -0d, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, 1e-3, 1e7, 0.1};
        return rnd.nextInt(3) == 0 ? specials[rnd.nextInt(specials.length)] : Double.longBitsToDouble(rnd.nextLong());
    }

    int intArg() {
        int k = rnd.nextInt(4);
        return k == 0 ? Integer.MIN_VALUE + rnd.nextInt(2) : k == 1 ? rnd.nextInt(200) - 100 : rnd.nextInt();
    }

    long longArg() {
        int k = rnd.nextInt(4);
        return k == 0 ? Long.MIN_VALUE + rnd.nextInt(2) : k == 1 ? rnd.nextInt(200) - 100 : rnd.nextLong();
    }

    int codePointArg() {
        int k = rnd.nextInt(6);
        switch (k) {
            case 0: return 0x1F600 + rnd.nextInt(50);
            case 1: return rnd.nextBoolean() ? -1 : 0x110000;
            case 2: return 0xD800 + rnd.nextInt(0x800);
            case 3: return 0x10FFFF;
            default: return rnd.nextInt(0x3000);
        }
    }

    // ------------------------------------------------------------------ constructors

    void newBuilders() {
        int k = rnd.nextInt(10);
        switch (k) {
            case 0:
                construct(new Class<?>[0]);
                break;
            case 1:
                construct(new Class<?>[] {int.class}, rnd.nextInt(8) == 0 ? -1 - rnd.nextInt(3) : rnd.nextInt(40));
                break;
            case 2:
            case 3:
            case 4:
                construct(new Class<?>[] {String.class}, rnd.nextInt(15) == 0 ? null : randString(30));
                break;
            default: {
                Object cs = charSeqArg();
                if (cs == SELF) {
                    cs = new Foreign(randString(10));
                }
                construct(new Class<?>[] {CharSequence.class}, cs);
            }
        }
    }

    void construct(Class<?>[] types, Object... args) {
        String desc = "new(" + describe(args) + ")";
        trace.add(desc);
        Object j;
        Object o;
        Throwable je = null;
        Throwable oe = null;
        j = o = null;
        try {
            j = jdkLookup.findConstructor(jdkClass, MethodType.methodType(void.class, types))
                    .invokeWithArguments(resolve(args, null, true));
        } catch (Throwable t) {
            je = t;
        }
        try {
            o = ourLookup.findConstructor(ourClass, MethodType.methodType(void.class, mapTypes(types)))
                    .invokeWithArguments(resolve(args, null, false));
        } catch (Throwable t) {
            oe = t;
        }
        compareThrowables(je, oe);
        if (je == null) {
            jdk = j;
            ours = o;
            compareState();
        } else if (jdk == null) {
            construct(new Class<?>[0]);
        }
    }

    // ------------------------------------------------------------------ invocation

    Class<?>[] mapTypes(Class<?>[] types) {
        Class<?>[] r = types.clone();
        for (int i = 0; i < r.length; i++) {
            if (r[i] == java.lang.StringBuffer.class) {
                r[i] = StringBuffer.class;
            } else if (r[i] == jdkClass) {
                r[i] = ourClass;
            }
        }
        return r;
    }

    Object[] resolve(Object[] args, Object self, boolean jdkSide) {
        Object[] r = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == SELF) {
                a = self;
            } else if (a instanceof SameType st) {
                a = jdkSide ? newJdk(jdkClass, st.content()) : newOurs(ourClass, st.content());
            } else if (a instanceof Buffer b) {
                a = b.content() == null ? null
                        : jdkSide ? new java.lang.StringBuffer(b.content()) : new StringBuffer(b.content());
            } else if (a instanceof Foreign f) {
                a = jdkSide ? new StringBuilder(f.content()) : new java.lang.StringBuilder(f.content());
            } else if (a instanceof Chars c) {
                a = c.chars() == null ? null : c.chars().clone();
            }
            r[i] = a;
        }
        return r;
    }

    private static Object newJdk(Class<?> cls, String s) {
        return cls == java.lang.StringBuffer.class ? new java.lang.StringBuffer(s) : new java.lang.StringBuilder(s);
    }

    private static Object newOurs(Class<?> cls, String s) {
        return cls == StringBuffer.class ? new StringBuffer(s) : new StringBuilder(s);
    }

    /** Invokes {@code name(types)} on both, compares outcome and state. */
    void op(String name, Class<?>[] types, Object... args) {
        String desc = name + "(" + describe(args) + ")";
        trace.add(desc);
        Object[] jargs = resolve(args, jdk, true);
        Object[] oargs = resolve(args, ours, false);
        Object jr = null;
        Object or = null;
        Throwable je = null;
        Throwable oe = null;
        MethodHandle jm;
        MethodHandle om;
        try {
            jm = findVirtual(jdkLookup, jdkClass, name, types);
            om = findVirtual(ourLookup, ourClass, name, mapTypes(types));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no method " + desc, e);
        }
        try {
            jr = jm.bindTo(jdk).invokeWithArguments(jargs);
        } catch (Throwable t) {
            je = t;
        }
        try {
            or = om.bindTo(ours).invokeWithArguments(oargs);
        } catch (Throwable t) {
            oe = t;
        }
        compareThrowables(je, oe);
        STATS.merge(name + java.util.Arrays.toString(types).replace("class ", "") + " -> "
                + (je == null ? "ok" : je.getClass().getSimpleName()), 1, Integer::sum);
        if (je == null) {
            if (jr == jdk) {
                assertSame(ours, or, () -> ctx("returns this"));
            } else if (jr instanceof CharSequence) {
                assertEquals(jr.getClass(), or.getClass(), () -> ctx("result class"));
                assertEquals(jr.toString(), or.toString(), () -> ctx("result"));
            } else {
                assertEquals(jr, or, () -> ctx("result"));
            }
            // Output arrays (getChars) must match too.
            for (int i = 0; i < jargs.length; i++) {
                if (jargs[i] instanceof char[] jc) {
                    assertArrayEquals(jc, (char[]) oargs[i], () -> ctx("char[] argument"));
                }
            }
        }
        compareState();
    }

    private static final java.util.Map<String, MethodHandle> HANDLES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Outcome counts per operation (printed with -Dguestlib.stats=true to check coverage). */
    static final java.util.Map<String, Integer> STATS = new java.util.concurrent.ConcurrentHashMap<>();

    private static MethodHandle findVirtual(MethodHandles.Lookup lookup, Class<?> cls, String name,
            Class<?>[] types) throws ReflectiveOperationException {
        String key = cls.getName() + '.' + name + java.util.Arrays.toString(types);
        MethodHandle h = HANDLES.get(key);
        if (h == null) {
            h = findVirtualUncached(lookup, cls, name, types);
            HANDLES.put(key, h);
        }
        return h;
    }

    private static MethodHandle findVirtualUncached(MethodHandles.Lookup lookup, Class<?> cls, String name,
            Class<?>[] types) throws ReflectiveOperationException {
        for (Class<?> ret : new Class<?>[] {cls, void.class, int.class, char.class, String.class,
                CharSequence.class, cls.getSuperclass(), Appendable.class}) {
            try {
                return lookup.findVirtual(cls, name, MethodType.methodType(ret, types));
            } catch (NoSuchMethodException e) {
                // try the next return type
            }
        }
        throw new NoSuchMethodException(name);
    }

    void compareThrowables(Throwable je, Throwable oe) {
        if (je == null && oe == null) {
            return;
        }
        if (je == null || oe == null) {
            fail(ctx("JDK threw " + je + ", ours threw " + oe), je != null ? je : oe);
        }
        assertEquals(je.getClass(), oe.getClass(), () -> ctx("exception class; ours: " + oe));
        if (!(je instanceof NullPointerException)) {
            // NPE messages are HotSpot "helpful NPE" texts naming bytecode-level details: not compared.
            assertEquals(je.getMessage(), oe.getMessage(), () -> ctx("exception message"));
        }
    }

    void compareState() {
        assertEquals(jdk.toString(), ours.toString(), () -> ctx("toString"));
        assertEquals(((CharSequence) jdk).length(), ((CharSequence) ours).length(), () -> ctx("length"));
        assertEquals(capacity(jdk), capacity(ours), () -> ctx("capacity"));
    }

    private static int capacity(Object b) {
        if (b instanceof java.lang.StringBuilder s) {
            return s.capacity();
        }
        if (b instanceof java.lang.StringBuffer s) {
            return s.capacity();
        }
        if (b instanceof StringBuilder s) {
            return s.capacity();
        }
        return ((StringBuffer) b).capacity();
    }

    String ctx(String what) {
        int from = Math.max(0, trace.size() - 6);
        return what + " after ops " + trace.subList(from, trace.size()) + " (op #" + trace.size() + ")";
    }

    static String describe(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object a = args[i];
            if (a == SELF) {
                sb.append("SELF");
            } else if (a instanceof String s) {
                sb.append('"').append(escape(s)).append('"');
            } else if (a instanceof Chars c) {
                sb.append(c.chars() == null ? "(char[])null" : "char[]\"" + escape(new String(c.chars())) + '"');
            } else {
                sb.append(String.valueOf(a));
            }
        }
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ random operation

    static final Class<?> I = int.class;
    static final Class<?> CS = CharSequence.class;
    static final Class<?> STR = String.class;
    static final Class<?> CA = char[].class;

    void randomOp() {
        int len = curLen();
        if (len > 400) {
            op("setLength", new Class<?>[] {I}, rnd.nextInt(50));
            return;
        }
        int k = rnd.nextInt(62);
        switch (k) {
            case 0: op("append", new Class<?>[] {Object.class}, objectArg()); break;
            case 1: case 2: op("append", new Class<?>[] {STR}, rnd.nextInt(15) == 0 ? null : randString(12)); break;
            case 3: op("append", new Class<?>[] {java.lang.StringBuffer.class},
                    new Buffer(rnd.nextInt(6) == 0 ? null : randString(6))); break;
            case 4: op("append", new Class<?>[] {CS}, charSeqArg()); break;
            case 5: {
                Object cs = charSeqArg();
                int l = cs == null ? 4 : cs == SELF ? len : 8;
                op("append", new Class<?>[] {CS, I, I}, cs, idx(l), idx(l));
                break;
            }
            case 6: op("append", new Class<?>[] {CA}, new Chars(rnd.nextInt(15) == 0 ? null : charsArg(8))); break;
            case 7: {
                char[] c = charsArg(8);
                op("append", new Class<?>[] {CA, I, I}, new Chars(c), idx(c.length), idx(c.length) - 1);
                break;
            }
            case 8: op("append", new Class<?>[] {boolean.class}, rnd.nextBoolean()); break;
            case 9: case 10: op("append", new Class<?>[] {char.class}, randString(1).concat("a").charAt(0)); break;
            case 11: op("append", new Class<?>[] {I}, intArg()); break;
            case 12: op("append", new Class<?>[] {long.class}, longArg()); break;
            case 13: op("append", new Class<?>[] {float.class}, floatArg()); break;
            case 14: op("append", new Class<?>[] {double.class}, doubleArg()); break;
            case 15: op("appendCodePoint", new Class<?>[] {I}, codePointArg()); break;
            case 16: {
                char[] c = charsArg(8);
                op("insert", new Class<?>[] {I, CA, I, I}, idx(len), new Chars(c), idx(c.length), idx(c.length) - 1);
                break;
            }
            case 17: op("insert", new Class<?>[] {I, Object.class}, idx(len), objectArg()); break;
            case 18: case 19: op("insert", new Class<?>[] {I, STR}, idx(len), rnd.nextInt(15) == 0 ? null : randString(6)); break;
            case 20: op("insert", new Class<?>[] {I, CA}, idx(len), new Chars(rnd.nextInt(15) == 0 ? null : charsArg(6))); break;
            case 21: op("insert", new Class<?>[] {I, CS}, idx(len), charSeqArg()); break;
            case 22: {
                Object cs = charSeqArg();
                int l = cs == null ? 4 : cs == SELF ? len : 8;
                op("insert", new Class<?>[] {I, CS, I, I}, idx(len), cs, idx(l), idx(l));
                break;
            }
            case 23: op("insert", new Class<?>[] {I, boolean.class}, idx(len), rnd.nextBoolean()); break;
            case 24: op("insert", new Class<?>[] {I, char.class}, idx(len), randString(1).concat("q").charAt(0)); break;
            case 25: op("insert", new Class<?>[] {I, I}, idx(len), intArg()); break;
            case 26: op("insert", new Class<?>[] {I, long.class}, idx(len), longArg()); break;
            case 27: op("insert", new Class<?>[] {I, float.class}, idx(len), floatArg()); break;
            case 28: op("insert", new Class<?>[] {I, double.class}, idx(len), doubleArg()); break;
            case 29: case 30: op("delete", new Class<?>[] {I, I}, idx(len), idx(len + 2)); break;
            case 31: op("deleteCharAt", new Class<?>[] {I}, idx(len)); break;
            case 32: case 33: op("replace", new Class<?>[] {I, I, STR}, idx(len), idx(len + 2),
                    rnd.nextInt(20) == 0 ? null : randString(rnd.nextInt(5) == 0 ? 30 : 5)); break;
            case 34: op("reverse", new Class<?>[0]); break;
            case 35: op("setCharAt", new Class<?>[] {I, char.class}, idx(len), randString(1).concat("w").charAt(0)); break;
            case 36: op("setLength", new Class<?>[] {I}, rnd.nextInt(8) == 0 ? -1 - rnd.nextInt(3) : rnd.nextInt(len + 30)); break;
            case 37: op("charAt", new Class<?>[] {I}, idx(len)); break;
            case 38: op("codePointAt", new Class<?>[] {I}, idx(len)); break;
            case 39: op("codePointBefore", new Class<?>[] {I}, idx(len + 1)); break;
            case 40: op("codePointCount", new Class<?>[] {I, I}, idx(len), idx(len)); break;
            case 41: op("offsetByCodePoints", new Class<?>[] {I, I}, idx(len), rnd.nextInt(len + 5) - (len + 5) / 2); break;
            case 42: {
                char[] dst = new char[rnd.nextInt(12)];
                op("getChars", new Class<?>[] {I, I, CA, I}, idx(len), idx(len), new Chars(rnd.nextInt(20) == 0 ? null : dst), idx(dst.length));
                break;
            }
            case 43: case 44: op("indexOf", new Class<?>[] {STR}, searchArg()); break;
            case 45: case 46: op("indexOf", new Class<?>[] {STR, I}, searchArg(), idx(len)); break;
            case 47: case 48: op("lastIndexOf", new Class<?>[] {STR}, searchArg()); break;
            case 49: case 50: op("lastIndexOf", new Class<?>[] {STR, I}, searchArg(), idx(len)); break;
            case 51: op("substring", new Class<?>[] {I}, idx(len)); break;
            case 52: op("substring", new Class<?>[] {I, I}, idx(len), idx(len)); break;
            case 53: op("subSequence", new Class<?>[] {I, I}, idx(len), idx(len)); break;
            case 54: op("length", new Class<?>[0]); break;
            case 55: op("capacity", new Class<?>[0]); break;
            case 56: op("ensureCapacity", new Class<?>[] {I}, rnd.nextInt(4) == 0 ? -5 : rnd.nextInt(100)); break;
            case 57: op("trimToSize", new Class<?>[0]); break;
            case 58: op("toString", new Class<?>[0]); break;
            case 59: op("compareTo", new Class<?>[] {jdkClass}, rnd.nextInt(4) == 0 ? SELF
                    : new SameType(rnd.nextBoolean() ? randString(6) : jdk.toString().substring(0, rnd.nextInt(len + 1)))); break;
            case 60: op("append", new Class<?>[] {CS}, SELF); break;
            default: newBuilders(); break;
        }
    }

    /** A search string: often a substring of the current content, sometimes null or random. */
    Object searchArg() {
        int k = rnd.nextInt(10);
        String cur = jdk.toString();
        if (k == 0) {
            return null;
        }
        if (k < 6 && !cur.isEmpty()) {
            int a = rnd.nextInt(cur.length());
            int b = Math.min(cur.length(), a + rnd.nextInt(4));
            return cur.substring(a, b);
        }
        return randString(2);
    }

    void run(int ops) {
        construct(new Class<?>[0]);
        for (int i = 0; i < ops; i++) {
            randomOp();
        }
        assertTrue(trace.size() >= ops);
        if (Boolean.getBoolean("guestlib.stats")) {
            new java.util.TreeMap<>(STATS).forEach((k, v) -> System.out.println(k + " " + v));
        }
    }
}
