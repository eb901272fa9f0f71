package org.cometsim.bench.interp.guest;

/**
 * Guest code for {@code Bench03_HookCost} (dexed at run time by the benchmark, never run on the
 * host): a loop whose iterations each store one array element and one field of objects the
 * benchmark may track, and make one call, so the write barrier and the method events each have
 * something to slow down.
 */
public final class HookKernel {
    public int f0;
    public int f1;

    /** The objects the loop writes: a kernel object and an int[64]. */
    public static Object[] make() {
        return new Object[] {new HookKernel(), new int[64]};
    }

    /** {@code n} iterations: 1 aput, 1 iput, 1 invoke-static (+ return) each. */
    public static long run(HookKernel c, int[] a, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            int j = i & 63;
            a[j] = i;
            c.f0 = j;
            s += step(i);
        }
        return s + a[7] + c.f0;
    }

    static int step(int i) {
        return i ^ (i >>> 3);
    }
}
