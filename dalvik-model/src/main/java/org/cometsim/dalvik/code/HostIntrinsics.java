package org.cometsim.dalvik.code;

import java.util.List;

import org.cometsim.dalvik.rt.GuestThread;

/**
 * Host library methods that are pure functions of their arguments (boxing, {@code Integer.compare},
 * {@code Character.isUpperCase} ...) and the no-op {@code Object.<init>}, run directly by the
 * interpreter instead of through the host bridge (no argument array, no method handle). Unlike
 * {@link MathIntrinsics} the instruction keeps its opcode, and the call still counts as a host
 * call ({@link GuestThread#countHostCall}), so instruction counts and the simulated clock are exactly
 * as through the bridge; results are the host methods' own. The {@link Decoder} marks the call
 * sites ({@link MethodCode#hostIntrinsic}); the interpreter uses the fast path only when no
 * {@code NativeGate} is installed, and falls back to the bridge when {@link #apply} declines
 * (a null receiver: the bridge raises the NullPointerException).
 */
public final class HostIntrinsics {
    private HostIntrinsics() {
    }

    /** Owner, name and descriptor per id (id = index + 1; 0 means none). */
    private static final List<String> KEYS = List.of(
            "Ljava/lang/Object;-><init>()V",
            "Ljava/lang/Integer;->valueOf(I)Ljava/lang/Integer;",
            "Ljava/lang/Integer;->intValue()I",
            "Ljava/lang/Integer;->compare(II)I",
            "Ljava/lang/Integer;->numberOfLeadingZeros(I)I",
            "Ljava/lang/Integer;->numberOfTrailingZeros(I)I",
            "Ljava/lang/Integer;->bitCount(I)I",
            "Ljava/lang/Long;->valueOf(J)Ljava/lang/Long;",
            "Ljava/lang/Long;->longValue()J",
            "Ljava/lang/Long;->compare(JJ)I",
            "Ljava/lang/Long;->numberOfLeadingZeros(J)I",
            "Ljava/lang/Long;->numberOfTrailingZeros(J)I",
            "Ljava/lang/Long;->bitCount(J)I",
            "Ljava/lang/Double;->doubleToLongBits(D)J",
            "Ljava/lang/Double;->doubleToRawLongBits(D)J",
            "Ljava/lang/Double;->longBitsToDouble(J)D",
            "Ljava/lang/Double;->valueOf(D)Ljava/lang/Double;",
            "Ljava/lang/Double;->doubleValue()D",
            "Ljava/lang/Float;->floatToIntBits(F)I",
            "Ljava/lang/Float;->floatToRawIntBits(F)I",
            "Ljava/lang/Float;->intBitsToFloat(I)F",
            "Ljava/lang/Boolean;->valueOf(Z)Ljava/lang/Boolean;",
            "Ljava/lang/Boolean;->booleanValue()Z",
            "Ljava/lang/Character;->valueOf(C)Ljava/lang/Character;",
            "Ljava/lang/Character;->charValue()C",
            "Ljava/lang/Character;->isUpperCase(C)Z",
            "Ljava/lang/Character;->isLowerCase(C)Z",
            "Ljava/lang/Character;->isDigit(C)Z",
            "Ljava/lang/Character;->isLetter(C)Z",
            "Ljava/lang/Character;->isWhitespace(C)Z",
            "Ljava/lang/Character;->toUpperCase(C)C",
            "Ljava/lang/Character;->toLowerCase(C)C");

    private static final java.util.Map<String, Integer> IDS = ids();

    private static java.util.Map<String, Integer> ids() {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (int k = 0; k < KEYS.size(); k++) {
            m.put(KEYS.get(k), k + 1);
        }
        return java.util.Map.copyOf(m);
    }

    /**
     * Intrinsic id for an invoke opcode and method reference, or 0. Virtual ones only for the
     * exact (final) class, static ones only for invoke-static, {@code Object.<init>} only for
     * invoke-direct.
     */
    public static int idOf(int op, String owner, String name, String desc) {
        if (!owner.startsWith("Ljava/lang/")) {
            return 0;
        }
        Integer found = IDS.get(owner + "->" + name + desc);
        if (found == null) {
            return 0;
        }
        int id = found;
        boolean isStatic = op == 0x71 || op == 0x77;
        boolean isDirect = op == 0x70 || op == 0x76;
        boolean isVirtual = op == 0x6e || op == 0x74;
        if (id == 1) {
            return isDirect ? id : 0;
        }
        boolean instanceMethod = name.endsWith("Value");
        return (instanceMethod ? isVirtual : isStatic) ? id : 0;
    }

    /**
     * Runs intrinsic {@code id} on the argument registers {@code argRegs[base..]} and stores the
     * result in {@code t.retP}/{@code t.retR}. Returns false (nothing done) for a null receiver.
     */
    public static boolean apply(GuestThread t, int id, long[] r, Object[] o, int[] argRegs, int base) {
        int a0 = argRegs[base];
        switch (id) {
            case 1: // Object.<init>: nothing to do
                if (o[a0] == null) {
                    return false;
                }
                break;
            case 2: t.retR = Integer.valueOf((int) r[a0]); break;
            case 3: {
                Object v = o[a0];
                if (v == null) {
                    return false;
                }
                t.retP = ((Integer) v).intValue();
                break;
            }
            case 4: t.retP = Integer.compare((int) r[a0], (int) r[argRegs[base + 1]]); break;
            case 5: t.retP = Integer.numberOfLeadingZeros((int) r[a0]); break;
            case 6: t.retP = Integer.numberOfTrailingZeros((int) r[a0]); break;
            case 7: t.retP = Integer.bitCount((int) r[a0]); break;
            case 8: t.retR = Long.valueOf(r[a0]); break;
            case 9: {
                Object v = o[a0];
                if (v == null) {
                    return false;
                }
                t.retP = ((Long) v).longValue();
                break;
            }
            case 10: t.retP = Long.compare(r[a0], r[argRegs[base + 2]]); break;
            case 11: t.retP = Long.numberOfLeadingZeros(r[a0]); break;
            case 12: t.retP = Long.numberOfTrailingZeros(r[a0]); break;
            case 13: t.retP = Long.bitCount(r[a0]); break;
            case 14: t.retP = Double.doubleToLongBits(Double.longBitsToDouble(r[a0])); break;
            case 15: t.retP = Double.doubleToRawLongBits(Double.longBitsToDouble(r[a0])); break;
            case 16: t.retP = Double.doubleToRawLongBits(Double.longBitsToDouble(r[a0])); break;
            case 17: t.retR = Double.valueOf(Double.longBitsToDouble(r[a0])); break;
            case 18: {
                Object v = o[a0];
                if (v == null) {
                    return false;
                }
                t.retP = Double.doubleToRawLongBits(((Double) v).doubleValue());
                break;
            }
            case 19: t.retP = Float.floatToIntBits(Float.intBitsToFloat((int) r[a0])); break;
            case 20: t.retP = Float.floatToRawIntBits(Float.intBitsToFloat((int) r[a0])); break;
            case 21: t.retP = Float.floatToRawIntBits(Float.intBitsToFloat((int) r[a0])); break;
            case 22: t.retR = Boolean.valueOf(((int) r[a0]) != 0); break;
            case 23: {
                Object v = o[a0];
                if (v == null) {
                    return false;
                }
                t.retP = ((Boolean) v) ? 1 : 0;
                break;
            }
            case 24: t.retR = Character.valueOf((char) r[a0]); break;
            case 25: {
                Object v = o[a0];
                if (v == null) {
                    return false;
                }
                t.retP = ((Character) v).charValue();
                break;
            }
            case 26: t.retP = Character.isUpperCase((char) r[a0]) ? 1 : 0; break;
            case 27: t.retP = Character.isLowerCase((char) r[a0]) ? 1 : 0; break;
            case 28: t.retP = Character.isDigit((char) r[a0]) ? 1 : 0; break;
            case 29: t.retP = Character.isLetter((char) r[a0]) ? 1 : 0; break;
            case 30: t.retP = Character.isWhitespace((char) r[a0]) ? 1 : 0; break;
            case 31: t.retP = Character.toUpperCase((char) r[a0]); break;
            case 32: t.retP = Character.toLowerCase((char) r[a0]); break;
            default: throw new IllegalStateException("no host intrinsic " + id);
        }
        return true;
    }
}
