package org.cometsim.dalvik.host;

import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmClass;

/**
 * {@code java.util.Arrays.copyOf}/{@code copyOfRange} on guest arrays, done by the VM: the copy
 * keeps the guest array type ({@code Foo[]} of a guest class {@code Foo} has no host class, and a
 * host call would hand back an {@code Object[]}), and no element is converted to a host view and
 * back. The guest library's collections grow their arrays this way. The host method still does
 * the copying on the backing arrays, so bounds checks and messages are the JDK's own.
 */
final class ArrayCopyNatives {
    private ArrayCopyNatives() {
    }

    private static final String[] KINDS = {"[Ljava/lang/Object;", "[I", "[J", "[D", "[F", "[B", "[C", "[S", "[Z"};

    static void register(NativeRegistry reg, Heap heap, GuestExceptions exceptions) {
        String arrays = "java.util.Arrays";
        for (String k : KINDS) {
            reg.register(arrays, "copyOf", "(" + k + "I)" + k, true, Placement.OFFLOADABLE, HostCost.ARRAYCOPY,
                    a -> Math.max(0, (Integer) a[1]), (in, t, a) -> {
                        GuestArray src = nonNull(exceptions, t, a[0]);
                        Object data = copyOf(src.data, (Integer) a[1]);
                        return new GuestArray(src.type, data, java.lang.reflect.Array.getLength(data));
                    });
            reg.register(arrays, "copyOfRange", "(" + k + "II)" + k, true, Placement.OFFLOADABLE, HostCost.ARRAYCOPY,
                    ArrayCopyNatives::rangeLength, (in, t, a) -> {
                        GuestArray src = nonNull(exceptions, t, a[0]);
                        Object data = copyOfRange(src.data, (Integer) a[1], (Integer) a[2]);
                        return new GuestArray(src.type, data, java.lang.reflect.Array.getLength(data));
                    });
        }
        reg.register(arrays, "copyOf", "([Ljava/lang/Object;ILjava/lang/Class;)[Ljava/lang/Object;", true,
                Placement.OFFLOADABLE, HostCost.ARRAYCOPY, a -> Math.max(0, (Integer) a[1]), (in, t, a) -> {
                    GuestArray src = nonNull(exceptions, t, a[0]);
                    int n = (Integer) a[1];
                    GuestArray dst = heap.newArray(t, arrayType(exceptions, t, a[2]), n);
                    System.arraycopy(src.data, 0, dst.data, 0, Math.min(src.length, n));
                    return dst;
                });
        reg.register(arrays, "copyOfRange", "([Ljava/lang/Object;IILjava/lang/Class;)[Ljava/lang/Object;", true,
                Placement.OFFLOADABLE, HostCost.ARRAYCOPY, ArrayCopyNatives::rangeLength, (in, t, a) -> {
                    GuestArray src = nonNull(exceptions, t, a[0]);
                    int from = (Integer) a[1];
                    int to = (Integer) a[2];
                    if (from > to) {
                        throw exceptions.create(t, "java.lang.IllegalArgumentException", from + " > " + to);
                    }
                    VmClass type = arrayType(exceptions, t, a[3]);
                    GuestArray dst = heap.newArray(t, type, to - from);
                    System.arraycopy(src.data, from, dst.data, 0, Math.min(src.length - from, to - from));
                    return dst;
                });
    }

    /** Elements a copyOfRange call copies: {@code to - from} (zero when the arguments are bad). */
    private static long rangeLength(Object[] a) {
        return Math.max(0, (Integer) a[2] - (Integer) a[1]);
    }

    private static GuestArray nonNull(GuestExceptions exceptions, GuestThread t, Object a) {
        if (a == null) {
            throw exceptions.npe(t, null);
        }
        return (GuestArray) a;
    }

    private static VmClass arrayType(GuestExceptions exceptions, GuestThread t, Object cls) {
        if (cls == null) {
            throw exceptions.npe(t, null);
        }
        VmClass c = (VmClass) cls;
        if (c.kind != VmClass.Kind.ARRAY || c.component.kind == VmClass.Kind.PRIMITIVE) {
            // What the JDK's Array.newInstance(getComponentType()) would reject.
            throw exceptions.create(t, "java.lang.ClassCastException", "Cannot cast " + c.name + " to [Ljava.lang.Object;");
        }
        return c;
    }

    private static Object copyOf(Object data, int n) {
        if (data instanceof Object[] o) {
            return java.util.Arrays.copyOf(o, n);
        } else if (data instanceof int[] i) {
            return java.util.Arrays.copyOf(i, n);
        } else if (data instanceof long[] l) {
            return java.util.Arrays.copyOf(l, n);
        } else if (data instanceof double[] d) {
            return java.util.Arrays.copyOf(d, n);
        } else if (data instanceof float[] f) {
            return java.util.Arrays.copyOf(f, n);
        } else if (data instanceof byte[] b) {
            return java.util.Arrays.copyOf(b, n);
        } else if (data instanceof char[] c) {
            return java.util.Arrays.copyOf(c, n);
        } else if (data instanceof short[] s) {
            return java.util.Arrays.copyOf(s, n);
        }
        return java.util.Arrays.copyOf((boolean[]) data, n);
    }

    private static Object copyOfRange(Object data, int from, int to) {
        if (data instanceof Object[] o) {
            return java.util.Arrays.copyOfRange(o, from, to);
        } else if (data instanceof int[] i) {
            return java.util.Arrays.copyOfRange(i, from, to);
        } else if (data instanceof long[] l) {
            return java.util.Arrays.copyOfRange(l, from, to);
        } else if (data instanceof double[] d) {
            return java.util.Arrays.copyOfRange(d, from, to);
        } else if (data instanceof float[] f) {
            return java.util.Arrays.copyOfRange(f, from, to);
        } else if (data instanceof byte[] b) {
            return java.util.Arrays.copyOfRange(b, from, to);
        } else if (data instanceof char[] c) {
            return java.util.Arrays.copyOfRange(c, from, to);
        } else if (data instanceof short[] s) {
            return java.util.Arrays.copyOfRange(s, from, to);
        }
        return java.util.Arrays.copyOfRange((boolean[]) data, from, to);
    }
}
