package golden;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Shapes that stress the baseline compiler's contract (run compiled and interpreted by
 * CompiledExecutionTest): deep recursion past the nesting limit of compiled calls, exceptions
 * thrown through several compiled frames and caught in between, synchronized callees (their
 * return leaves compiled code), class initialization triggered from a compiled loop, host
 * callbacks into compiled guest code, a method with more registers than the compiler takes, and a
 * method too long for it.
 */
public class G045_CompiledEdges {
    static int depthReached;

    static int recurse(int n) {
        if (n == 0) {
            return 0;
        }
        depthReached = Math.max(depthReached, n);
        return 1 + recurse(n - 1);
    }

    static int thrower(int n) {
        if (n == 0) {
            int[] a = new int[2];
            return a[n + 5]; // ArrayIndexOutOfBoundsException deep down
        }
        return thrower(n - 1) + 1;
    }

    static int catcher(int levels) {
        int caught = 0;
        for (int i = 0; i < 5; i++) {
            try {
                thrower(levels + i);
            } catch (ArrayIndexOutOfBoundsException e) {
                caught += i + 1;
            }
        }
        return caught;
    }

    static Object nullArray() {
        return null;
    }

    static int faults() {
        int s = 0;
        for (int i = 0; i < 4; i++) {
            try {
                int[] a = (int[]) nullArray();
                s += a.length;
            } catch (NullPointerException e) {
                s += 10;
            }
            try {
                s += 100 / (i - 2);
            } catch (ArithmeticException e) {
                s += 1000;
            }
            try {
                long[] l = new long[i];
                s += (int) l[3];
            } catch (ArrayIndexOutOfBoundsException e) {
                s += 7;
            }
        }
        return s;
    }

    private int counter;

    synchronized int bump(int k) {
        counter += k;
        return counter;
    }

    static class Lazy {
        static final int[] TABLE = new int[16];
        static {
            for (int i = 0; i < TABLE.length; i++) {
                TABLE[i] = i * i;
            }
        }

        static int at(int i) {
            return TABLE[i & 15];
        }
    }

    static int lazyLoop() {
        int s = 0;
        for (int i = 0; i < 40; i++) {
            s += Lazy.at(i);
        }
        return s;
    }

    static long manyRegisters(long seed) {
        long a0 = seed, a1 = a0 * 3 + 1, a2 = a1 * 3 + 1, a3 = a2 * 3 + 1, a4 = a3 * 3 + 1, a5 = a4 * 3 + 1;
        long a6 = a5 * 3 + 1, a7 = a6 * 3 + 1, a8 = a7 * 3 + 1, a9 = a8 * 3 + 1, b0 = a9 ^ a0, b1 = b0 ^ a1;
        long b2 = b1 ^ a2, b3 = b2 ^ a3, b4 = b3 ^ a4, b5 = b4 ^ a5, b6 = b5 ^ a6, b7 = b6 ^ a7, b8 = b7 ^ a8;
        long b9 = b8 ^ a9, c0 = b9 + b0, c1 = c0 + b1, c2 = c1 + b2, c3 = c2 + b3, c4 = c3 + b4, c5 = c4 + b5;
        long c6 = c5 + b6, c7 = c6 + b7, c8 = c7 + b8, c9 = c8 + b9, d0 = c9 * c0, d1 = d0 * c1, d2 = d1 * c2;
        long d3 = d2 * c3, d4 = d3 * c4, d5 = d4 * c5, d6 = d5 * c6, d7 = d6 * c7, d8 = d7 * c8, d9 = d8 * c9;
        long e0 = d9 - d0, e1 = e0 - d1, e2 = e1 - d2, e3 = e2 - d3, e4 = e3 - d4, e5 = e4 - d5, e6 = e5 - d6;
        long e7 = e6 - d7, e8 = e7 - d8, e9 = e8 - d9;
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + b0 + b1 + b2 + b3 + b4 + b5 + b6 + b7 + b8 + b9
                    + c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + d0 + d1 + d2 + d3 + d4 + d5 + d6 + d7 + d8 + d9
                    + e0 + e1 + e2 + e3 + e4 + e5 + e6 + e7 + e8 + e9 + i;
        }
        return sum;
    }

    static int longMethod(int x) {
        int s = x;
        for (int r = 0; r < 2; r++) {
            s = s * 31 + 1; s ^= s >>> 5;
            s = s * 31 + 2; s ^= s >>> 7;
            s = s * 31 + 3; s ^= s >>> 3;
            s = s * 31 + 4; s ^= s >>> 5;
            s = s * 31 + 5; s ^= s >>> 7;
            s = s * 31 + 6; s ^= s >>> 3;
            s = s * 31 + 7; s ^= s >>> 5;
            s = s * 31 + 8; s ^= s >>> 7;
            s = s * 31 + 9; s ^= s >>> 3;
            s = s * 31 + 10; s ^= s >>> 5;
            s = s * 31 + 11; s ^= s >>> 7;
            s = s * 31 + 12; s ^= s >>> 3;
            s = s * 31 + 13; s ^= s >>> 5;
            s = s * 31 + 14; s ^= s >>> 7;
            s = s * 31 + 15; s ^= s >>> 3;
            s = s * 31 + 16; s ^= s >>> 5;
            s = s * 31 + 17; s ^= s >>> 7;
            s = s * 31 + 18; s ^= s >>> 3;
            s = s * 31 + 19; s ^= s >>> 5;
            s = s * 31 + 20; s ^= s >>> 7;
            s = s * 31 + 21; s ^= s >>> 3;
            s = s * 31 + 22; s ^= s >>> 5;
            s = s * 31 + 23; s ^= s >>> 7;
            s = s * 31 + 24; s ^= s >>> 3;
            s = s * 31 + 25; s ^= s >>> 5;
            s = s * 31 + 26; s ^= s >>> 7;
            s = s * 31 + 27; s ^= s >>> 3;
            s = s * 31 + 28; s ^= s >>> 5;
            s = s * 31 + 29; s ^= s >>> 7;
            s = s * 31 + 30; s ^= s >>> 3;
            s = s * 31 + 31; s ^= s >>> 5;
            s = s * 31 + 32; s ^= s >>> 7;
            s = s * 31 + 33; s ^= s >>> 3;
            s = s * 31 + 34; s ^= s >>> 5;
            s = s * 31 + 35; s ^= s >>> 7;
            s = s * 31 + 36; s ^= s >>> 3;
            s = s * 31 + 37; s ^= s >>> 5;
            s = s * 31 + 38; s ^= s >>> 7;
            s = s * 31 + 39; s ^= s >>> 3;
            s = s * 31 + 40; s ^= s >>> 5;
            s = s * 31 + 41; s ^= s >>> 7;
            s = s * 31 + 42; s ^= s >>> 3;
            s = s * 31 + 43; s ^= s >>> 5;
            s = s * 31 + 44; s ^= s >>> 7;
            s = s * 31 + 45; s ^= s >>> 3;
            s = s * 31 + 46; s ^= s >>> 5;
            s = s * 31 + 47; s ^= s >>> 7;
            s = s * 31 + 48; s ^= s >>> 3;
            s = s * 31 + 49; s ^= s >>> 5;
            s = s * 31 + 50; s ^= s >>> 7;
            s = s * 31 + 51; s ^= s >>> 3;
            s = s * 31 + 52; s ^= s >>> 5;
            s = s * 31 + 53; s ^= s >>> 7;
            s = s * 31 + 54; s ^= s >>> 3;
            s = s * 31 + 55; s ^= s >>> 5;
            s = s * 31 + 56; s ^= s >>> 7;
            s = s * 31 + 57; s ^= s >>> 3;
            s = s * 31 + 58; s ^= s >>> 5;
            s = s * 31 + 59; s ^= s >>> 7;
            s = s * 31 + 60; s ^= s >>> 3;
            s = s * 31 + 61; s ^= s >>> 5;
            s = s * 31 + 62; s ^= s >>> 7;
            s = s * 31 + 63; s ^= s >>> 3;
            s = s * 31 + 64; s ^= s >>> 5;
            s = s * 31 + 65; s ^= s >>> 7;
            s = s * 31 + 66; s ^= s >>> 3;
            s = s * 31 + 67; s ^= s >>> 5;
            s = s * 31 + 68; s ^= s >>> 7;
            s = s * 31 + 69; s ^= s >>> 3;
            s = s * 31 + 70; s ^= s >>> 5;
            s = s * 31 + 71; s ^= s >>> 7;
            s = s * 31 + 72; s ^= s >>> 3;
            s = s * 31 + 73; s ^= s >>> 5;
            s = s * 31 + 74; s ^= s >>> 7;
            s = s * 31 + 75; s ^= s >>> 3;
            s = s * 31 + 76; s ^= s >>> 5;
            s = s * 31 + 77; s ^= s >>> 7;
            s = s * 31 + 78; s ^= s >>> 3;
            s = s * 31 + 79; s ^= s >>> 5;
            s = s * 31 + 80; s ^= s >>> 7;
            s = s * 31 + 81; s ^= s >>> 3;
            s = s * 31 + 82; s ^= s >>> 5;
            s = s * 31 + 83; s ^= s >>> 7;
            s = s * 31 + 84; s ^= s >>> 3;
            s = s * 31 + 85; s ^= s >>> 5;
            s = s * 31 + 86; s ^= s >>> 7;
            s = s * 31 + 87; s ^= s >>> 3;
            s = s * 31 + 88; s ^= s >>> 5;
            s = s * 31 + 89; s ^= s >>> 7;
            s = s * 31 + 90; s ^= s >>> 3;
            s = s * 31 + 91; s ^= s >>> 5;
            s = s * 31 + 92; s ^= s >>> 7;
            s = s * 31 + 93; s ^= s >>> 3;
            s = s * 31 + 94; s ^= s >>> 5;
            s = s * 31 + 95; s ^= s >>> 7;
            s = s * 31 + 96; s ^= s >>> 3;
            s = s * 31 + 97; s ^= s >>> 5;
            s = s * 31 + 98; s ^= s >>> 7;
            s = s * 31 + 99; s ^= s >>> 3;
            s = s * 31 + 100; s ^= s >>> 5;
            s = s * 31 + 101; s ^= s >>> 7;
            s = s * 31 + 102; s ^= s >>> 3;
            s = s * 31 + 103; s ^= s >>> 5;
            s = s * 31 + 104; s ^= s >>> 7;
            s = s * 31 + 105; s ^= s >>> 3;
            s = s * 31 + 106; s ^= s >>> 5;
            s = s * 31 + 107; s ^= s >>> 7;
            s = s * 31 + 108; s ^= s >>> 3;
            s = s * 31 + 109; s ^= s >>> 5;
            s = s * 31 + 110; s ^= s >>> 7;
            s = s * 31 + 111; s ^= s >>> 3;
            s = s * 31 + 112; s ^= s >>> 5;
            s = s * 31 + 113; s ^= s >>> 7;
            s = s * 31 + 114; s ^= s >>> 3;
            s = s * 31 + 115; s ^= s >>> 5;
            s = s * 31 + 116; s ^= s >>> 7;
            s = s * 31 + 117; s ^= s >>> 3;
            s = s * 31 + 118; s ^= s >>> 5;
            s = s * 31 + 119; s ^= s >>> 7;
            s = s * 31 + 120; s ^= s >>> 3;
            s = s * 31 + 121; s ^= s >>> 5;
            s = s * 31 + 122; s ^= s >>> 7;
            s = s * 31 + 123; s ^= s >>> 3;
            s = s * 31 + 124; s ^= s >>> 5;
            s = s * 31 + 125; s ^= s >>> 7;
            s = s * 31 + 126; s ^= s >>> 3;
            s = s * 31 + 127; s ^= s >>> 5;
            s = s * 31 + 128; s ^= s >>> 7;
            s = s * 31 + 129; s ^= s >>> 3;
            s = s * 31 + 130; s ^= s >>> 5;
            s = s * 31 + 131; s ^= s >>> 7;
            s = s * 31 + 132; s ^= s >>> 3;
            s = s * 31 + 133; s ^= s >>> 5;
            s = s * 31 + 134; s ^= s >>> 7;
            s = s * 31 + 135; s ^= s >>> 3;
            s = s * 31 + 136; s ^= s >>> 5;
            s = s * 31 + 137; s ^= s >>> 7;
            s = s * 31 + 138; s ^= s >>> 3;
            s = s * 31 + 139; s ^= s >>> 5;
            s = s * 31 + 140; s ^= s >>> 7;
            s = s * 31 + 141; s ^= s >>> 3;
            s = s * 31 + 142; s ^= s >>> 5;
            s = s * 31 + 143; s ^= s >>> 7;
            s = s * 31 + 144; s ^= s >>> 3;
            s = s * 31 + 145; s ^= s >>> 5;
            s = s * 31 + 146; s ^= s >>> 7;
            s = s * 31 + 147; s ^= s >>> 3;
            s = s * 31 + 148; s ^= s >>> 5;
            s = s * 31 + 149; s ^= s >>> 7;
            s = s * 31 + 150; s ^= s >>> 3;
            s = s * 31 + 151; s ^= s >>> 5;
            s = s * 31 + 152; s ^= s >>> 7;
            s = s * 31 + 153; s ^= s >>> 3;
            s = s * 31 + 154; s ^= s >>> 5;
            s = s * 31 + 155; s ^= s >>> 7;
            s = s * 31 + 156; s ^= s >>> 3;
            s = s * 31 + 157; s ^= s >>> 5;
            s = s * 31 + 158; s ^= s >>> 7;
            s = s * 31 + 159; s ^= s >>> 3;
            s = s * 31 + 160; s ^= s >>> 5;
            s = s * 31 + 161; s ^= s >>> 7;
            s = s * 31 + 162; s ^= s >>> 3;
            s = s * 31 + 163; s ^= s >>> 5;
            s = s * 31 + 164; s ^= s >>> 7;
            s = s * 31 + 165; s ^= s >>> 3;
            s = s * 31 + 166; s ^= s >>> 5;
            s = s * 31 + 167; s ^= s >>> 7;
            s = s * 31 + 168; s ^= s >>> 3;
            s = s * 31 + 169; s ^= s >>> 5;
            s = s * 31 + 170; s ^= s >>> 7;
            s = s * 31 + 171; s ^= s >>> 3;
            s = s * 31 + 172; s ^= s >>> 5;
            s = s * 31 + 173; s ^= s >>> 7;
            s = s * 31 + 174; s ^= s >>> 3;
            s = s * 31 + 175; s ^= s >>> 5;
            s = s * 31 + 176; s ^= s >>> 7;
            s = s * 31 + 177; s ^= s >>> 3;
            s = s * 31 + 178; s ^= s >>> 5;
            s = s * 31 + 179; s ^= s >>> 7;
            s = s * 31 + 180; s ^= s >>> 3;
            s = s * 31 + 181; s ^= s >>> 5;
            s = s * 31 + 182; s ^= s >>> 7;
            s = s * 31 + 183; s ^= s >>> 3;
            s = s * 31 + 184; s ^= s >>> 5;
            s = s * 31 + 185; s ^= s >>> 7;
            s = s * 31 + 186; s ^= s >>> 3;
            s = s * 31 + 187; s ^= s >>> 5;
            s = s * 31 + 188; s ^= s >>> 7;
            s = s * 31 + 189; s ^= s >>> 3;
            s = s * 31 + 190; s ^= s >>> 5;
            s = s * 31 + 191; s ^= s >>> 7;
            s = s * 31 + 192; s ^= s >>> 3;
            s = s * 31 + 193; s ^= s >>> 5;
            s = s * 31 + 194; s ^= s >>> 7;
            s = s * 31 + 195; s ^= s >>> 3;
            s = s * 31 + 196; s ^= s >>> 5;
            s = s * 31 + 197; s ^= s >>> 7;
            s = s * 31 + 198; s ^= s >>> 3;
            s = s * 31 + 199; s ^= s >>> 5;
            s = s * 31 + 200; s ^= s >>> 7;
            s = s * 31 + 201; s ^= s >>> 3;
            s = s * 31 + 202; s ^= s >>> 5;
            s = s * 31 + 203; s ^= s >>> 7;
            s = s * 31 + 204; s ^= s >>> 3;
            s = s * 31 + 205; s ^= s >>> 5;
            s = s * 31 + 206; s ^= s >>> 7;
            s = s * 31 + 207; s ^= s >>> 3;
            s = s * 31 + 208; s ^= s >>> 5;
            s = s * 31 + 209; s ^= s >>> 7;
            s = s * 31 + 210; s ^= s >>> 3;
            s = s * 31 + 211; s ^= s >>> 5;
            s = s * 31 + 212; s ^= s >>> 7;
            s = s * 31 + 213; s ^= s >>> 3;
            s = s * 31 + 214; s ^= s >>> 5;
            s = s * 31 + 215; s ^= s >>> 7;
            s = s * 31 + 216; s ^= s >>> 3;
            s = s * 31 + 217; s ^= s >>> 5;
            s = s * 31 + 218; s ^= s >>> 7;
            s = s * 31 + 219; s ^= s >>> 3;
            s = s * 31 + 220; s ^= s >>> 5;
            s = s * 31 + 221; s ^= s >>> 7;
            s = s * 31 + 222; s ^= s >>> 3;
            s = s * 31 + 223; s ^= s >>> 5;
            s = s * 31 + 224; s ^= s >>> 7;
            s = s * 31 + 225; s ^= s >>> 3;
            s = s * 31 + 226; s ^= s >>> 5;
            s = s * 31 + 227; s ^= s >>> 7;
            s = s * 31 + 228; s ^= s >>> 3;
            s = s * 31 + 229; s ^= s >>> 5;
            s = s * 31 + 230; s ^= s >>> 7;
            s = s * 31 + 231; s ^= s >>> 3;
            s = s * 31 + 232; s ^= s >>> 5;
            s = s * 31 + 233; s ^= s >>> 7;
            s = s * 31 + 234; s ^= s >>> 3;
            s = s * 31 + 235; s ^= s >>> 5;
            s = s * 31 + 236; s ^= s >>> 7;
            s = s * 31 + 237; s ^= s >>> 3;
            s = s * 31 + 238; s ^= s >>> 5;
            s = s * 31 + 239; s ^= s >>> 7;
            s = s * 31 + 240; s ^= s >>> 3;
        }
        return s;
    }

    public static void main(String[] args) {
        System.out.println("recurse " + recurse(400) + " depth " + depthReached);
        System.out.println("caught " + catcher(20));
        System.out.println("faults " + faults());
        G045_CompiledEdges g = new G045_CompiledEdges();
        int last = 0;
        for (int i = 0; i < 200; i++) {
            last = g.bump(i);
        }
        System.out.println("synchronized " + last);
        System.out.println("lazy " + lazyLoop());
        List<Integer> xs = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            xs.add((i * 7919) % 121);
        }
        Collections.sort(xs, (p, q) -> {
            int k = 0;
            for (int j = 0; j < 3; j++) {
                k += (p & 1) - (q & 1);
            }
            return k != 0 ? k : Integer.compare(p, q);
        });
        System.out.println("sorted " + xs.subList(0, 6) + " " + xs.subList(114, 120));
        System.out.println("registers " + manyRegisters(7));
        int h = 0;
        for (int i = 0; i < 5; i++) {
            h += longMethod(i);
        }
        System.out.println("long " + h);
    }
}
