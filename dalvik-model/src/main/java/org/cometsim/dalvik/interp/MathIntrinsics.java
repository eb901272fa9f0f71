package org.cometsim.dalvik.interp;

import java.util.List;

/**
 * Pure {@code java.lang.Math} functions executed inline by the interpreter instead of through
 * the host bridge (no argument boxing, no method handle): the inner loops of image filters and
 * numeric kernels call them per element. Results are bit-identical to the host's {@code Math}
 * (the same methods are called). COMET's whitelist marks these natives offloadable.
 */
final class MathIntrinsics {
    private MathIntrinsics() {
    }

    private static final List<String> KEYS = List.of(
            "abs(I)I", "abs(J)J", "abs(D)D", "abs(F)F",
            "max(II)I", "max(JJ)J", "max(DD)D", "max(FF)F",
            "min(II)I", "min(JJ)J", "min(DD)D", "min(FF)F",
            "sqrt(D)D", "sin(D)D", "cos(D)D", "tan(D)D", "atan(D)D", "exp(D)D", "log(D)D", "floor(D)D", "ceil(D)D",
            "pow(DD)D", "atan2(DD)D", "round(D)J", "round(F)I", "hypot(DD)D", "log10(D)D", "cbrt(D)D");

    /** Intrinsic id of a Math method key ({@code name(desc)}), or -1. */
    static int idOf(String key) {
        return KEYS.indexOf(key);
    }

    /** Computes intrinsic {@code id} on the argument registers; returns the result in register encoding. */
    static long apply(int id, long[] r, int[] argRegs, int base) {
        int a0 = argRegs[base];
        switch (id) {
            case 0: return Math.abs((int) r[a0]);
            case 1: return Math.abs(r[a0]);
            case 2: return Double.doubleToRawLongBits(Math.abs(d(r, a0)));
            case 3: return Float.floatToRawIntBits(Math.abs(f(r, a0)));
            case 4: return Math.max((int) r[a0], (int) r[argRegs[base + 1]]);
            case 5: return Math.max(r[a0], r[argRegs[base + 2]]);
            case 6: return Double.doubleToRawLongBits(Math.max(d(r, a0), d(r, argRegs[base + 2])));
            case 7: return Float.floatToRawIntBits(Math.max(f(r, a0), f(r, argRegs[base + 1])));
            case 8: return Math.min((int) r[a0], (int) r[argRegs[base + 1]]);
            case 9: return Math.min(r[a0], r[argRegs[base + 2]]);
            case 10: return Double.doubleToRawLongBits(Math.min(d(r, a0), d(r, argRegs[base + 2])));
            case 11: return Float.floatToRawIntBits(Math.min(f(r, a0), f(r, argRegs[base + 1])));
            case 12: return Double.doubleToRawLongBits(Math.sqrt(d(r, a0)));
            case 13: return Double.doubleToRawLongBits(Math.sin(d(r, a0)));
            case 14: return Double.doubleToRawLongBits(Math.cos(d(r, a0)));
            case 15: return Double.doubleToRawLongBits(Math.tan(d(r, a0)));
            case 16: return Double.doubleToRawLongBits(Math.atan(d(r, a0)));
            case 17: return Double.doubleToRawLongBits(Math.exp(d(r, a0)));
            case 18: return Double.doubleToRawLongBits(Math.log(d(r, a0)));
            case 19: return Double.doubleToRawLongBits(Math.floor(d(r, a0)));
            case 20: return Double.doubleToRawLongBits(Math.ceil(d(r, a0)));
            case 21: return Double.doubleToRawLongBits(Math.pow(d(r, a0), d(r, argRegs[base + 2])));
            case 22: return Double.doubleToRawLongBits(Math.atan2(d(r, a0), d(r, argRegs[base + 2])));
            case 23: return Math.round(d(r, a0));
            case 24: return Math.round(f(r, a0));
            case 25: return Double.doubleToRawLongBits(Math.hypot(d(r, a0), d(r, argRegs[base + 2])));
            case 26: return Double.doubleToRawLongBits(Math.log10(d(r, a0)));
            case 27: return Double.doubleToRawLongBits(Math.cbrt(d(r, a0)));
            default: throw new IllegalStateException("no Math intrinsic " + id);
        }
    }

    private static double d(long[] r, int reg) {
        return Double.longBitsToDouble(r[reg]);
    }

    private static float f(long[] r, int reg) {
        return Float.intBitsToFloat((int) r[reg]);
    }
}
