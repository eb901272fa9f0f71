package golden;

import java.util.Arrays;

/** Hand-written sorting algorithms on int/long/double/String arrays; results cross-checked with Arrays.sort. */
public class G024_Sorting {
    static void quick(int[] a, int lo, int hi) {
        if (lo >= hi) return;
        int p = a[(lo + hi) >>> 1], i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        quick(a, lo, j); quick(a, i, hi);
    }
    static void merge(long[] a, long[] tmp, int lo, int hi) {
        if (hi - lo < 2) return;
        int mid = (lo + hi) / 2;
        merge(a, tmp, lo, mid); merge(a, tmp, mid, hi);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
        while (i < mid) tmp[k++] = a[i++];
        while (j < hi) tmp[k++] = a[j++];
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }
    static void heap(double[] a) {
        int n = a.length;
        for (int i = n / 2 - 1; i >= 0; i--) sift(a, i, n);
        for (int end = n - 1; end > 0; end--) { double t = a[0]; a[0] = a[end]; a[end] = t; sift(a, 0, end); }
    }
    static void sift(double[] a, int i, int n) {
        while (true) {
            int l = 2 * i + 1, r = l + 1, m = i;
            if (l < n && Double.compare(a[l], a[m]) > 0) m = l;
            if (r < n && Double.compare(a[r], a[m]) > 0) m = r;
            if (m == i) return;
            double t = a[i]; a[i] = a[m]; a[m] = t; i = m;
        }
    }
    static void insertion(String[] a) {
        for (int i = 1; i < a.length; i++) { String k = a[i]; int j = i - 1; while (j >= 0 && a[j].compareTo(k) > 0) { a[j + 1] = a[j]; j--; } a[j + 1] = k; }
    }
    static void shell(short[] a) {
        for (int gap = a.length / 2; gap > 0; gap /= 2)
            for (int i = gap; i < a.length; i++) { short t = a[i]; int j = i; for (; j >= gap && a[j - gap] > t; j -= gap) a[j] = a[j - gap]; a[j] = t; }
    }
    static void counting(byte[] a) {
        int[] cnt = new int[256];
        for (byte b : a) cnt[b + 128]++;
        int k = 0;
        for (int v = 0; v < 256; v++) while (cnt[v]-- > 0) a[k++] = (byte) (v - 128);
    }

    public static void main(String[] args) {
        long s = 42;
        int n = 300;
        int[] ia = new int[n]; long[] la = new long[n]; double[] da = new double[n]; short[] sa = new short[n]; byte[] ba = new byte[n]; String[] stra = new String[60];
        for (int i = 0; i < n; i++) {
            s = s * 6364136223846793005L + 1442695040888963407L;
            ia[i] = (int) (s >> 33); la[i] = s; da[i] = (s >>> 11) * 0x1.0p-53 - 0.5; sa[i] = (short) (s >>> 20); ba[i] = (byte) (s >>> 40);
            if (i < stra.length) stra[i] = Long.toString(s >>> 40, 36);
        }
        da[5] = -0.0; da[6] = 0.0; da[7] = Double.NaN; da[8] = Double.NEGATIVE_INFINITY;
        int[] ic = ia.clone(); long[] lc = la.clone(); double[] dc = da.clone(); short[] sc = sa.clone(); byte[] bc = ba.clone(); String[] strc = stra.clone();
        quick(ia, 0, n - 1); merge(la, new long[n], 0, n); heap(da); shell(sa); counting(ba); insertion(stra);
        Arrays.sort(ic); Arrays.sort(lc); Arrays.sort(dc); Arrays.sort(sc); Arrays.sort(bc); Arrays.sort(strc);
        System.out.println("quick ok " + Arrays.equals(ia, ic) + " first " + ia[0] + " last " + ia[n - 1]);
        System.out.println("merge ok " + Arrays.equals(la, lc) + " first " + la[0] + " last " + la[n - 1]);
        System.out.println("heap ok " + Arrays.equals(da, dc) + " head " + da[0] + " " + da[1] + " " + da[2] + " tail " + da[n - 1]);
        System.out.println("shell ok " + Arrays.equals(sa, sc) + " counting ok " + Arrays.equals(ba, bc) + " insertion ok " + Arrays.equals(stra, strc));
        System.out.println("strings " + String.join(",", Arrays.copyOf(stra, 10)));
        long h = 0;
        for (int v : ia) h = h * 31 + v;
        System.out.println("checksum " + h);
    }
}
