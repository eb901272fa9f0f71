package org.cometsim.dalvik.code;

import java.util.List;

/**
 * Pure {@code java.lang.Math} functions executed inline by the interpreter instead of through
 * the host bridge (no argument boxing, no method handle): the inner loops of image filters and
 * numeric kernels call them per element. Results are bit-identical to the host's {@code Math}
 * (the same methods are called). COMET's whitelist marks these natives offloadable.
 */
public final class MathIntrinsics {
    private MathIntrinsics() {
    }

    private static final List<String> KEYS = List.of(
            "abs(I)I", "abs(J)J", "abs(D)D", "abs(F)F",
            "max(II)I", "max(JJ)J", "max(DD)D", "max(FF)F",
            "min(II)I", "min(JJ)J", "min(DD)D", "min(FF)F",
            "sqrt(D)D", "sin(D)D", "cos(D)D", "tan(D)D", "atan(D)D", "exp(D)D", "log(D)D", "floor(D)D", "ceil(D)D",
            "pow(DD)D", "atan2(DD)D", "round(D)J", "round(F)I", "hypot(DD)D", "log10(D)D", "cbrt(D)D");

    /** Intrinsic id of a Math method key ({@code name(desc)}), or -1. */
    public static int idOf(String key) {
        return KEYS.indexOf(key);
    }

    /** The Math method key ({@code name(desc)}) of an intrinsic id (the verifier checks its arguments). */
    public static String keyOf(int id) {
        return KEYS.get(id);
    }

    /** Computes intrinsic {@code id} on the argument registers; returns the result in register encoding. */
    public static long apply(int id, long[] r, int[] argRegs, int base) {
        int second = secondArgOffset(id);
        return applyValues(id, r[argRegs[base]], second == 0 ? 0 : r[argRegs[base + second]]);
    }

    /**
     * Offset in the invoke's argument registers of the second argument of intrinsic {@code id}
     * (1 after an int or float, 2 after a long or double), or 0 for one argument.
     */
    public static int secondArgOffset(int id) {
        switch (id) {
            case 4: case 7: case 8: case 11: return 1;
            case 5: case 6: case 9: case 10: case 21: case 22: case 25: return 2;
            default: return 0;
        }
    }

    /**
     * Computes intrinsic {@code id} on its arguments in register encoding ({@code x} the first,
     * {@code y} the second or 0); the result is in register encoding too. Also called by
     * {@link BaselineCompiler}'s code, with a constant {@code id} that HotSpot folds.
     */
    public static long applyValues(int id, long x, long y) {
        switch (id) {
            case 0: return Math.abs((int) x);
            case 1: return Math.abs(x);
            case 2: return Double.doubleToRawLongBits(Math.abs(d(x)));
            case 3: return Float.floatToRawIntBits(Math.abs(f(x)));
            case 4: return Math.max((int) x, (int) y);
            case 5: return Math.max(x, y);
            case 6: return Double.doubleToRawLongBits(Math.max(d(x), d(y)));
            case 7: return Float.floatToRawIntBits(Math.max(f(x), f(y)));
            case 8: return Math.min((int) x, (int) y);
            case 9: return Math.min(x, y);
            case 10: return Double.doubleToRawLongBits(Math.min(d(x), d(y)));
            case 11: return Float.floatToRawIntBits(Math.min(f(x), f(y)));
            case 12: return Double.doubleToRawLongBits(Math.sqrt(d(x)));
            case 13: return Double.doubleToRawLongBits(Math.sin(d(x)));
            case 14: return Double.doubleToRawLongBits(Math.cos(d(x)));
            case 15: return Double.doubleToRawLongBits(Math.tan(d(x)));
            case 16: return Double.doubleToRawLongBits(Math.atan(d(x)));
            case 17: return Double.doubleToRawLongBits(Math.exp(d(x)));
            case 18: return Double.doubleToRawLongBits(Math.log(d(x)));
            case 19: return Double.doubleToRawLongBits(Math.floor(d(x)));
            case 20: return Double.doubleToRawLongBits(Math.ceil(d(x)));
            case 21: return Double.doubleToRawLongBits(Math.pow(d(x), d(y)));
            case 22: return Double.doubleToRawLongBits(Math.atan2(d(x), d(y)));
            case 23: return Math.round(d(x));
            case 24: return Math.round(f(x));
            case 25: return Double.doubleToRawLongBits(Math.hypot(d(x), d(y)));
            case 26: return Double.doubleToRawLongBits(Math.log10(d(x)));
            case 27: return Double.doubleToRawLongBits(Math.cbrt(d(x)));
            default: throw new IllegalStateException("no Math intrinsic " + id);
        }
    }

    private static double d(long v) {
        return Double.longBitsToDouble(v);
    }

    private static float f(long v) {
        return Float.intBitsToFloat((int) v);
    }
}
