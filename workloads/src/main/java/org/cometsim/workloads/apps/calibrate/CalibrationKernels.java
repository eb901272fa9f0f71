package org.cometsim.workloads.apps.calibrate;

/**
 * Guest loops for {@code comet calibrate}: each {@code public static long k(int n)} runs {@code n} iterations
 * whose body is dominated by one opcode class (named in its Javadoc) and returns a checksum of what it
 * computed, so nothing is dead code. Loop overhead (if-ge, add-int/lit8, goto: BRANCH and INT_ARITH) is
 * in every kernel; {@link #loop} measures it alone. The calibrator counts the instructions actually
 * executed (D8 chooses the exact opcodes), so these bodies only need to be <em>dominated</em> by their class.
 *
 * <p>Not a COMET app and not in the WorkloadCatalog. Guest-code rules of the apps package apply: java.lang
 * only (the host-call kernel calls {@code java.lang.Math}, which the VM runs on the host).
 */
public final class CalibrationKernels {
    private CalibrationKernels() {
    }

    // Non-final statics: sget/sput, never constant-folded.
    static int sA = 1;
    static int sB = 2;
    static int sC = 3;
    static int sD = 4;
    static int sE = 5;
    static int sF = 6;
    static int sG = 7;
    static int sH = 8;
    static final Object LOCK = new Object();
    /** Thrown over and over by the throw kernels, so they measure dispatch, not exception construction. */
    static final RuntimeException PREALLOCATED = new RuntimeException("calibration");

    /** BRANCH + INT_ARITH: the bare loop (if-ge, add-int/lit8, add-int, goto). */
    public static long loop(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += i;
        }
        return s;
    }

    /** INT_ARITH: 16 dependent int adds, xors, shifts, multiplies per iteration. */
    public static long intArith(int n) {
        int a = n;
        int b = 0x2545f491;
        for (int i = 0; i < n; i++) {
            a += b;
            b ^= a;
            a = a << 3;
            b += i;
            a ^= b;
            b = b >>> 5;
            a -= b;
            b *= a;
            a |= i;
            b &= a;
            a += 7;
            b ^= a;
            a = a * 31;
            b -= a;
            a ^= b;
            b = b >> 1;
        }
        return ((long) a << 32) ^ b;
    }

    /** LONG_ARITH: 16 dependent long operations per iteration. */
    public static long longArith(int n) {
        long a = n;
        long b = 0x2545f4914f6cdd1dL;
        long c = 0x9e3779b97f4a7c15L;
        int sh = 7;
        for (int i = 0; i < n; i++) {
            a += b;
            b ^= a;
            a = a << sh;
            b += c;
            a ^= b;
            b = b >>> sh;
            a -= b;
            b *= a;
            a |= c;
            b &= a;
            a += c;
            b ^= a;
            a = a * c;
            b -= a;
            a ^= b;
            b = b >> sh;
        }
        return a ^ b;
    }

    /** FLOAT_ARITH: 8 double and 8 float adds/multiplies per iteration (values stay bounded). */
    public static long floatArith(int n) {
        double x = 0.5;
        double y = 0.25;
        double h = 0.499;
        double g = 0.125;
        float f = 0.5f;
        float e = 0.25f;
        float hf = 0.499f;
        float gf = 0.125f;
        for (int i = 0; i < n; i++) {
            x = x * h;
            x = x + g;
            y = y * x;
            y = y + g;
            x = x - y;
            x = x * h;
            y = y + x;
            y = y * h;
            f = f * hf;
            f = f + gf;
            e = e * f;
            e = e + gf;
            f = f - e;
            f = f * hf;
            e = e + f;
            e = e * hf;
        }
        return Double.doubleToRawLongBits(x + y) ^ Float.floatToRawIntBits(f + e);
    }

    /** INT_DIV: 6 int and 2 long divisions/remainders per iteration. */
    public static long intDiv(int n) {
        int a = 0x7fffffff;
        int d = 3;
        long la = 0x7fffffffffffL;
        long ld = 5;
        int s = 0;
        for (int i = 0; i < n; i++) {
            int q = a / d;
            int r = a % d;
            q = q / d;
            r = q % (d + 4);
            q = q / (r + 1);
            s += q % d;
            long lq = la / ld;
            s += (int) (lq % ld);
            a = 0x7fffffff - i;
        }
        return s;
    }

    /** FLOAT_DIV: 4 double and 4 float divisions per iteration. */
    public static long floatDiv(int n) {
        double x = 1.5;
        double y = 3.0;
        double z = 0.75;
        float f = 1.5f;
        float g = 3.0f;
        float w = 0.75f;
        for (int i = 0; i < n; i++) {
            x = y / x;
            y = x / z;
            z = y / x;
            x = z / y;
            f = g / f;
            g = f / w;
            w = g / f;
            f = w / g;
        }
        return Double.doubleToRawLongBits(x + y + z) ^ Float.floatToRawIntBits(f + g + w);
    }

    /** CONVERSION: int/long/float/double conversions, negation and narrowing, 12 per iteration. */
    public static long conversion(int n) {
        double x = 0.0;
        long l = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            x = (double) i;
            k = (int) x;
            l = (long) k;
            k = (int) l;
            float f = (float) k;
            k = (int) f;
            k = -k;
            k = ~k;
            byte b = (byte) k;
            char c = (char) k;
            short s = (short) k;
            l = -l;
            k = b + c + s + (int) l;
        }
        return k;
    }

    /** ARRAY_READ: 8 aget and 1 array-length per iteration from four int arrays. */
    public static long arrayRead(int n) {
        int[] a = new int[64];
        int[] b = new int[64];
        int[] c = new int[64];
        int[] d = new int[64];
        for (int j = 0; j < 64; j++) {
            a[j] = j;
            b[j] = j * 3;
            c[j] = j * 5;
            d[j] = j * 7;
        }
        int s = 0;
        for (int i = 0; i < n; i++) {
            int j = i & 63;
            s += a[j];
            s ^= b[j];
            s += c[j];
            s ^= d[j];
            s += a[63 - j];
            s ^= b[63 - j];
            s += c[63 - j];
            s ^= d[63 - j] + a.length;
        }
        return s;
    }

    /** ARRAY_WRITE: 8 aput per iteration. */
    public static long arrayWrite(int n) {
        int[] a = new int[64];
        int[] b = new int[64];
        int[] c = new int[64];
        int[] d = new int[64];
        for (int i = 0; i < n; i++) {
            int j = i & 63;
            int k = 63 - j;
            a[j] = i;
            b[j] = i;
            c[j] = i;
            d[j] = i;
            a[k] = j;
            b[k] = j;
            c[k] = j;
            d[k] = j;
        }
        long s = 0;
        for (int j = 0; j < 64; j++) {
            s = s * 31 + a[j] + b[j] + c[j] + d[j];
        }
        return s;
    }

    /** FIELD_READ: 8 iget per iteration. */
    public static long fieldRead(int n) {
        Cell o = new Cell(n);
        o.f1 = 1;
        o.f2 = 2;
        o.f3 = 3;
        o.f4 = 4;
        o.f5 = 5;
        o.f6 = 6;
        o.f7 = 7;
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += o.f0;
            s ^= o.f1;
            s += o.f2;
            s ^= o.f3;
            s += o.f4;
            s ^= o.f5;
            s += o.f6;
            s ^= o.f7;
        }
        return s;
    }

    /** FIELD_WRITE: 8 iput per iteration. */
    public static long fieldWrite(int n) {
        Cell o = new Cell(0);
        for (int i = 0; i < n; i++) {
            o.f0 = i;
            o.f1 = i;
            o.f2 = i;
            o.f3 = i;
            o.f4 = i;
            o.f5 = i;
            o.f6 = i;
            o.f7 = i;
        }
        return (long) o.f0 + o.f7;
    }

    /** STATIC_READ: 8 sget per iteration. */
    public static long staticRead(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += sA;
            s ^= sB;
            s += sC;
            s ^= sD;
            s += sE;
            s ^= sF;
            s += sG;
            s ^= sH;
        }
        return s;
    }

    /** STATIC_WRITE: 8 sput per iteration. */
    public static long staticWrite(int n) {
        for (int i = 0; i < n; i++) {
            sA = i;
            sB = i;
            sC = i;
            sD = i;
            sE = i;
            sF = i;
            sG = i;
            sH = i;
        }
        return (long) sA + sH;
    }

    private static int inc(int x) {
        return x + 1;
    }

    /** INVOKE + RETURN (+ move-result): 3 static calls and 1 virtual call of tiny methods per iteration. */
    public static long invoke(int n) {
        Cell o = new Cell(3);
        int s = 0;
        for (int i = 0; i < n; i++) {
            s = inc(s);
            s = inc(s);
            s = inc(s);
            s += o.get();
        }
        return s;
    }

    /** ALLOCATION: one object (with constructor call) and one int[4] per iteration. */
    public static long allocation(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            Cell c = new Cell(i);
            int[] t = new int[4];
            s += c.f0 + t.length;
        }
        return s;
    }

    /** TYPE_CHECK: 4 instance-of and 1 check-cast per iteration. */
    public static long typeCheck(int n) {
        Object[] objs = {new Cell(1), "s", new int[2], new Cell(2)};
        int s = 0;
        for (int i = 0; i < n; i++) {
            Object o = objs[i & 3];
            if (o instanceof Cell) {
                s += 1;
            }
            if (o instanceof String) {
                s += 2;
            }
            if (o instanceof int[]) {
                s += 3;
            }
            if (o instanceof Comparable) {
                s += 4;
            }
            Object p = objs[(i & 1) * 3];
            s += ((Cell) p).f0;
        }
        return s;
    }

    /** MONITOR: 2 uncontended synchronized blocks (monitor-enter + monitor-exit) per iteration. */
    public static long monitor(int n) {
        Object lock = LOCK;
        int s = 0;
        for (int i = 0; i < n; i++) {
            synchronized (lock) {
                s += i;
            }
            synchronized (lock) {
                s ^= i;
            }
        }
        return s;
    }

    /** COMPARE: 2 cmp-long, 2 cmpl/cmpg-double per iteration. */
    public static long compare(int n) {
        long a = 0;
        long b = n / 2;
        double x = 0.0;
        double y = n / 3;
        int s = 0;
        for (int i = 0; i < n; i++) {
            if (a < b) {
                s++;
            }
            if (a != b + 1) {
                s ^= 2;
            }
            if (x < y) {
                s++;
            }
            if (x > y + 1.0) {
                s ^= 4;
            }
            a += 1;
            x += 1.0;
        }
        return s;
    }

    /** SWITCH: 1 packed-switch and 1 sparse-switch per iteration. */
    public static long switches(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            switch (i & 7) {
                case 0: s += 3; break;
                case 1: s ^= 5; break;
                case 2: s += 7; break;
                case 3: s ^= 11; break;
                case 4: s += 13; break;
                case 5: s ^= 17; break;
                case 6: s += 19; break;
                default: s ^= 23; break;
            }
            switch (s & 3) {
                case 0: s += 100; break;
                case 1: s ^= 1000; break;
                default: break;
            }
            switch (i & 0x7000) {
                case 0: s += 1; break;
                case 0x1000: s ^= 9; break;
                case 0x4000: s += 27; break;
                default: break;
            }
        }
        return s;
    }

    /** MOVE: register rotation (move between loop-carried registers) per iteration. */
    public static long move(int n) {
        int a = 1;
        int b = 2;
        int c = 3;
        int d = 4;
        long la = 5;
        long lb = 6;
        Object oa = LOCK;
        Object ob = PREALLOCATED;
        for (int i = 0; i < n; i++) {
            int t = a;
            a = b;
            b = c;
            c = d;
            d = t + i;
            long lt = la;
            la = lb;
            lb = lt;
            Object ot = oa;
            oa = ob;
            ob = ot;
        }
        return a + b + c + d + la + (oa == LOCK ? 1 : 0);
    }

    /** CONST: constants materialised in the loop (large literals, wide constants). */
    public static long constants(int n) {
        long s = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            k = (i & 1) == 0 ? 0x12345678 : 0x7654321;
            s += k;
            s ^= (i & 2) == 0 ? 0x123456789abcL : 0x5555aaaa5555L;
            k = (i & 4) == 0 ? 100000 : -100000;
            s += k;
        }
        return s;
    }

    /** THROW: throw and catch a preallocated exception in the same method (+ move-exception). */
    public static long throwLocal(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            try {
                if (i >= 0) {
                    throw PREALLOCATED;
                }
                s -= 1;
            } catch (RuntimeException e) {
                s += 1;
            }
        }
        return s;
    }

    private static int thrower(int x) {
        if (x >= 0) {
            throw PREALLOCATED;
        }
        return x;
    }

    /** THROW + INVOKE without RETURN: the callee throws, the caller catches (separates INVOKE from RETURN). */
    public static long throwCallee(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            try {
                s += thrower(i);
            } catch (RuntimeException e) {
                s += 1;
            }
        }
        return s;
    }

    /** Host calls: 2 java.lang.Math calls per iteration (each an INVOKE + move-result + one host call). */
    public static long hostCall(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(s - i);
            s = Math.max(s, i) ^ i;
        }
        return s;
    }
}
