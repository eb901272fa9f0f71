/**
 * Purpose-made for the sync-size estimate: computes for args[0] iterations (long enough for the
 * server to be ready: the test's policy offloads the thread here), fills an int[100000] (on the
 * server), prints (the thread comes home), rewrites every element on the phone, then computes
 * again without writing, while the whole array is dirty and unshipped.
 */
public class DirtyArray {
    static long spin(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (i * 31L) ^ (s >>> 3);
        }
        return s;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int[] a = new int[100_000];
        long s = spin(n);
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        System.out.println("filled " + a[a.length - 1] + " " + s);
        for (int i = 0; i < a.length; i++) {
            a[i] = i * 3;
        }
        s = spin(n);
        System.out.println("sum " + (s + a[7]));
    }
}
