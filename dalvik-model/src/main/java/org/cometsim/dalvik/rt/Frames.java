package org.cometsim.dalvik.rt;

/**
 * Frames built from host code: a method's first frame with arguments boxed by kind (see
 * {@link NativeImpl}) placed in its in-registers. The interpreter uses it for calls from host code,
 * and so do the thread model ({@code Thread.start}) and the launcher (main, spawned threads), which
 * sit below the interpreter and must not depend on it.
 */
public final class Frames {
    private Frames() {
    }

    /** A frame for {@code m} running {@code code}, with {@code args} (receiver first) in its in-registers. */
    public static Frame withArgs(VmMethod m, MethodCode code, Object[] args) {
        Frame nf = new Frame(m, code);
        int reg = code.registers - m.argWords;
        int ai = 0;
        if (!m.isStatic) {
            nf.o[reg++] = args[ai++];
        }
        for (char k : m.params) {
            Object v = args[ai++];
            switch (k) {
                case 'L':
                    nf.o[reg++] = v;
                    break;
                case 'J':
                case 'D': {
                    long w = k == 'J' ? ((Number) v).longValue() : Double.doubleToRawLongBits(((Number) v).doubleValue());
                    nf.r[reg] = w;
                    nf.r[reg + 1] = w >> 32;
                    reg += 2;
                    break;
                }
                case 'F':
                    nf.r[reg++] = Float.floatToRawIntBits(((Number) v).floatValue());
                    break;
                case 'Z':
                    nf.r[reg++] = ((Boolean) v) ? 1 : 0;
                    break;
                case 'C':
                    nf.r[reg++] = (Character) v;
                    break;
                default:
                    nf.r[reg++] = ((Number) v).intValue();
                    break;
            }
        }
        return nf;
    }
}
