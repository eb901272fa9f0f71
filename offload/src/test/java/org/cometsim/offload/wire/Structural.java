package org.cometsim.offload.wire;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Deep equality of messages: records component by component, arrays element by element (the
 * messages' records hold arrays, whose own {@code equals} is identity). Names the first
 * difference, so a failing round trip says where it went wrong.
 */
final class Structural {
    private Structural() {
    }

    /** Record components by class (looking them up each time dominates a comparison). */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** Null if {@code a} and {@code b} are equal, else the path to the first difference. */
    static String difference(Object a, Object b) {
        return diff("", a, b);
    }

    private static boolean primitiveArraysEqual(Object a, Object b) {
        if (a instanceof int[] x) {
            return Arrays.equals(x, (int[]) b);
        } else if (a instanceof long[] x) {
            return Arrays.equals(x, (long[]) b);
        } else if (a instanceof byte[] x) {
            return Arrays.equals(x, (byte[]) b);
        }
        return false;
    }

    private static String diff(String path, Object a, Object b) {
        if (a == b) {
            return null;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            return path + ": " + a + " vs " + b;
        }
        if (a.getClass().isArray()) {
            if (a.getClass().getComponentType().isPrimitive() && primitiveArraysEqual(a, b)) {
                return null;
            }
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return path + ": length " + n + " vs " + Array.getLength(b);
            }
            for (int i = 0; i < n; i++) {
                String d = diff(path + "[" + i + "]", Array.get(a, i), Array.get(b, i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return path + ": size " + la.size() + " vs " + lb.size();
            }
            for (int i = 0; i < la.size(); i++) {
                String d = diff(path + "[" + i + "]", la.get(i), lb.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent c : COMPONENTS.get(a.getClass())) {
                try {
                    String d = diff(path + "." + c.getName(), c.getAccessor().invoke(a), c.getAccessor().invoke(b));
                    if (d != null) {
                        return d;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            return null;
        }
        if (a instanceof BitSet || a instanceof String || a instanceof Number || a instanceof Boolean
                || a instanceof Character || a instanceof Enum<?>) {
            return Objects.equals(a, b) ? null : path + ": " + a + " vs " + b;
        }
        throw new AssertionError("no structural comparison for " + a.getClass() + " at " + path);
    }
}
