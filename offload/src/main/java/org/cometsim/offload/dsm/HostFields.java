package org.cometsim.offload.dsm;

import java.lang.reflect.Field;

/**
 * Reads and writes private fields of JDK classes whose state has no API that reads it without
 * changing it ({@code ByteArrayInputStream}'s position and mark), for their codecs
 * ({@link HostCodecs}). The JDK does not open {@code java.*} packages to reflection, so this goes
 * through {@code sun.misc.Unsafe} (module {@code jdk.unsupported}, which opens it). If it is not
 * there, or a field is missing (another JDK), {@link #AVAILABLE} is false and such classes have no
 * codec: their objects pin threads to the phone as before, never diverge.
 */
final class HostFields {
    private HostFields() {
    }

    /** Package-private for the field walks of {@link HostPeerState}. */
    static final sun.misc.Unsafe UNSAFE = unsafe();

    /** Whether field access works on this JDK (the fields codecs need exist). */
    static final boolean AVAILABLE = UNSAFE != null && probe();

    private static sun.misc.Unsafe unsafe() {
        try {
            Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return (sun.misc.Unsafe) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static boolean probe() {
        try {
            for (String name : new String[] {"buf", "pos", "mark", "count"}) {
                UNSAFE.objectFieldOffset(java.io.ByteArrayInputStream.class.getDeclaredField(name));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** An instance of {@code k} made without running a constructor (a host peer being rebuilt). */
    static Object allocate(Class<?> k) {
        try {
            return UNSAFE.allocateInstance(k);
        } catch (InstantiationException e) {
            throw new IllegalStateException(k.getName(), e);
        }
    }

    static long offset(Class<?> k, String field) {
        try {
            return UNSAFE.objectFieldOffset(k.getDeclaredField(field));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(k.getName() + "." + field, e);
        }
    }

    static Object getObject(Object o, long offset) {
        return UNSAFE.getObject(o, offset);
    }

    static int getInt(Object o, long offset) {
        return UNSAFE.getInt(o, offset);
    }

    static void putObject(Object o, long offset, Object v) {
        UNSAFE.putObject(o, offset, v);
    }

    static void putInt(Object o, long offset, int v) {
        UNSAFE.putInt(o, offset, v);
    }

    // ------------------------------------------------------------------ plain-data field walks

    /**
     * The instance fields of {@code k} and its superclasses below {@code stop}, in a fixed order
     * (class by class from {@code k} up, each class's fields by name), skipping {@code skip}
     * (names): those a codec ships as plain data. Every field must be a primitive, a primitive
     * array or a {@code String}, or the class cannot be walked ({@link IllegalStateException}).
     */
    static java.lang.reflect.Field[] plainFields(Class<?> k, Class<?> stop, java.util.Set<String> skip) {
        java.util.List<java.lang.reflect.Field> out = new java.util.ArrayList<>();
        for (Class<?> c = k; c != null && c != stop; c = c.getSuperclass()) {
            java.lang.reflect.Field[] fs = c.getDeclaredFields();
            java.util.Arrays.sort(fs, java.util.Comparator.comparing(java.lang.reflect.Field::getName));
            for (java.lang.reflect.Field f : fs) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || skip.contains(f.getName())) {
                    continue;
                }
                Class<?> t = f.getType();
                if (!t.isPrimitive() && t != String.class && !(t.isArray() && t.getComponentType().isPrimitive())) {
                    throw new IllegalStateException(c.getName() + "." + f.getName() + " is a " + t.getName());
                }
                out.add(f);
            }
        }
        return out.toArray(new java.lang.reflect.Field[0]);
    }

    /** Writes {@code fields} of {@code o}: primitives as wide as their type, arrays and strings with a presence flag. */
    static void writePlain(Object o, java.lang.reflect.Field[] fields, org.cometsim.offload.wire.WireWriter w) {
        for (java.lang.reflect.Field f : fields) {
            long off = UNSAFE.objectFieldOffset(f);
            Class<?> t = f.getType();
            if (t == int.class) {
                w.u4(UNSAFE.getInt(o, off));
            } else if (t == long.class) {
                w.u8(UNSAFE.getLong(o, off));
            } else if (t == boolean.class) {
                w.bool(UNSAFE.getBoolean(o, off));
            } else if (t == byte.class) {
                w.u1(UNSAFE.getByte(o, off));
            } else if (t == short.class || t == char.class) {
                w.u2(t == short.class ? UNSAFE.getShort(o, off) : UNSAFE.getChar(o, off));
            } else if (t == float.class) {
                w.u4(Float.floatToRawIntBits(UNSAFE.getFloat(o, off)));
            } else if (t == double.class) {
                w.u8(Double.doubleToRawLongBits(UNSAFE.getDouble(o, off)));
            } else {
                Object v = UNSAFE.getObject(o, off);
                w.bool(v != null);
                if (v instanceof String str) {
                    w.utf(str);
                } else if (v instanceof byte[] b) {
                    w.bytes(b);
                } else if (v instanceof int[] a) {
                    w.u4(a.length);
                    for (int x : a) {
                        w.u4(x);
                    }
                } else if (v instanceof long[] a) {
                    w.u4(a.length);
                    for (long x : a) {
                        w.u8(x);
                    }
                } else if (v != null) {
                    throw new IllegalStateException("no plain encoding for a " + v.getClass().getName() + " in " + f);
                }
            }
        }
    }

    /** Reads what {@link #writePlain} wrote into {@code o}'s fields (arrays are new arrays). */
    static void readPlain(Object o, java.lang.reflect.Field[] fields, org.cometsim.offload.wire.WireReader r) {
        for (java.lang.reflect.Field f : fields) {
            long off = UNSAFE.objectFieldOffset(f);
            Class<?> t = f.getType();
            if (t == int.class) {
                UNSAFE.putInt(o, off, r.u4());
            } else if (t == long.class) {
                UNSAFE.putLong(o, off, r.u8());
            } else if (t == boolean.class) {
                UNSAFE.putBoolean(o, off, r.bool());
            } else if (t == byte.class) {
                UNSAFE.putByte(o, off, (byte) r.u1());
            } else if (t == short.class) {
                UNSAFE.putShort(o, off, (short) r.u2());
            } else if (t == char.class) {
                UNSAFE.putChar(o, off, (char) r.u2());
            } else if (t == float.class) {
                UNSAFE.putFloat(o, off, Float.intBitsToFloat(r.u4()));
            } else if (t == double.class) {
                UNSAFE.putDouble(o, off, Double.longBitsToDouble(r.u8()));
            } else if (!r.bool()) {
                UNSAFE.putObject(o, off, null);
            } else if (t == String.class) {
                UNSAFE.putObject(o, off, r.utf());
            } else if (t == byte[].class) {
                UNSAFE.putObject(o, off, r.bytes());
            } else if (t == int[].class) {
                int[] a = new int[r.count(4)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = r.u4();
                }
                UNSAFE.putObject(o, off, a);
            } else if (t == long[].class) {
                long[] a = new long[r.count(8)];
                for (int i = 0; i < a.length; i++) {
                    a[i] = r.u8();
                }
                UNSAFE.putObject(o, off, a);
            } else {
                throw new org.cometsim.offload.wire.ProtocolException("no plain decoding for " + f);
            }
        }
    }
}
