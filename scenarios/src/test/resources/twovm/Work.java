package twovm;

/** Deterministic CPU work with calls, loops and allocation, so compiled code has something to do. */
final class Work {
    private Work() {
    }

    static long crunch(int n) {
        long h = 1125899906842597L;
        int[] a = new int[64];
        for (int i = 0; i < n; i++) {
            a[i & 63] += i;
            h = 31 * h + step(a[(i * 7) & 63], i);
        }
        return h;
    }

    private static long step(int x, int i) {
        return (x ^ (x >>> 3)) + i % 11;
    }
}
