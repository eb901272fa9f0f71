package jtt;

import java.util.Arrays;

/** new-array, aget/aput x7, array-length, filled-new-array, multi-dim, NegativeArraySize, AIOOBE, ArrayStore, NPE on null array. */
public final class Jtt_Arrays {
    public static final Object[][] ARGS = { {0}, {1}, {2}, {3}, {5}, {-1}, {7}, {100} };

    public static int testIntArray(int n) {
        int[] a = new int[n];
        for (int i = 0; i < a.length; i++) a[i] = i * i - 3;
        int s = 0;
        for (int v : a) s += v;
        return s * 10 + a.length;
    }

    public static long testLongArray(int n) {
        long[] a = new long[n];
        for (int i = 0; i < a.length; i++) a[i] = (1L << (i + 30)) - i;
        long s = 0;
        for (int i = 0; i < a.length; i++) s ^= a[i] * 31;
        return s;
    }

    public static double testDoubleArray(int n) {
        double[] a = new double[n];
        float[] f = new float[n];
        for (int i = 0; i < n; i++) { a[i] = i / 3.0; f[i] = i / 7.0f; }
        double s = 0;
        for (int i = 0; i < n; i++) s += a[i] * f[i];
        return s;
    }

    public static String testSmallTypes(int n) {
        byte[] b = new byte[n];
        char[] c = new char[n];
        short[] s = new short[n];
        boolean[] z = new boolean[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 100);
            c[i] = (char) ('a' + i * 5000);
            s[i] = (short) (i * 20000);
            z[i] = (i & 1) == 0;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(b[i]).append(',').append((int) c[i]).append(',').append(s[i]).append(',').append(z[i]).append(';');
        return sb.toString();
    }

    public static Object testDefaults(int n) {
        return new Object[] { Arrays.toString(new int[Math.max(n, 0) % 4]), Arrays.toString(new boolean[2]), Arrays.toString(new char[1]).length(),
            Arrays.toString(new double[1]), Arrays.toString(new String[2]), Arrays.toString(new float[1]), Arrays.toString(new long[1]) };
    }

    public static String testNegativeSize(int n) {
        try {
            int[] a = new int[n - 2];
            return "len " + a.length;
        } catch (NegativeArraySizeException e) {
            return "NASE " + e.getMessage();
        }
    }

    public static String testNegativeSizeObj(int n) {
        try {
            String[] a = new String[n - 2];
            return "len " + a.length;
        } catch (NegativeArraySizeException e) {
            return "NASE " + e.getMessage();
        }
    }

    public static int testAioobeThrown(int n) {
        int[] a = new int[3];
        return a[n];
    }

    public static String testAioobeCaught(int n) {
        long[] a = new long[3];
        try {
            a[n] = 5;
            return "ok " + a[n];
        } catch (ArrayIndexOutOfBoundsException e) {
            return "AIOOBE " + e.getMessage();
        }
    }

    public static String testArrayStore(int n) {
        Object[] a = (n & 1) == 0 ? new String[2] : new Object[2];
        try {
            a[0] = "str";
            a[1] = Integer.valueOf(n);
            return "stored " + a[1];
        } catch (ArrayStoreException e) {
            return "ASE " + e.getMessage();
        }
    }

    public static String testArrayStoreNull(int n) {
        Object[] a = new Integer[1];
        a[0] = null;                       // null is always storable
        Number[] nums = new Integer[2];
        nums[0] = n;
        try { nums[1] = Long.valueOf(n); } catch (ArrayStoreException e) { return "ASE2 " + e.getMessage() + " " + nums[0]; }
        return "no";
    }

    public static String testNullArray(int n) {
        int[] a = n > 1000 ? new int[1] : null;
        StringBuilder sb = new StringBuilder();
        try { sb.append(a.length); } catch (NullPointerException e) { sb.append("NPE1 "); }
        try { sb.append(a[0]); } catch (NullPointerException e) { sb.append("NPE2 "); }
        try { a[0] = 1; } catch (NullPointerException e) { sb.append("NPE3"); }
        return sb.toString();
    }

    public static int[] testFilledInt(int n) {
        return new int[] { n, n + 1, n * 2, -n, n ^ 5 };
    }

    public static int[] testFilledIntRange(int n) {
        return new int[] { n, n + 1, n * 2, -n, n ^ 5, n << 2, n >> 1, n * n };
    }

    public static Object[] testFilledObj(int n) {
        String a = "a" + n, b = "b" + n;
        return new String[] { a, b, a + b };
    }

    public static Object[] testFilledObjRange(int n) {
        String a = "a" + n, b = "b" + n, c = "c" + n;
        return new Object[] { a, b, c, a + b, b + c, c + a, n };
    }

    public static int[][] testMultiDim(int n) {
        int m = Math.max(n, 0) % 5;
        int[][] a = new int[m][m + 1];
        for (int i = 0; i < m; i++) for (int j = 0; j <= m; j++) a[i][j] = i * 10 + j;
        return a;
    }

    public static String testMultiDimTypes(int n) {
        int m = Math.max(n, 1) % 4 + 1;
        long[][][] l = new long[m][2][3];
        double[][] d = new double[2][m];
        String[][] s = new String[m][];
        char[][] c = new char[2][2];
        boolean[][] z = new boolean[1][m];
        l[m - 1][1][2] = 99L;
        d[1][m - 1] = 2.5;
        s[0] = new String[] { "x" };
        c[1][1] = 'q';
        z[0][0] = true;
        return l.getClass().getName() + l.length + l[0].length + l[0][0].length + l[m - 1][1][2] + d[1][m - 1]
                + s[0][0] + (s.length > 1 ? s[1] : "") + c[1][1] + z[0][0] + s.getClass().getSimpleName();
    }

    public static String testMultiDimPartial(int n) {
        int[][][] a = new int[2][][];
        a[1] = new int[3][];
        a[1][2] = new int[] { n };
        return a[0] + " " + a[1][0] + " " + a[1][2][0] + " " + a.getClass().getName();
    }

    public static String testNegativeMultiDim(int n) {
        try {
            int[][] a = new int[2][n - 2];
            return "len " + a[0].length;
        } catch (NegativeArraySizeException e) {
            return "NASE " + e.getMessage();
        }
    }

    public static int testClone(int n) {
        int[] a = { 1, 2, 3, n };
        int[] b = a.clone();
        b[0] = 100;
        return a[0] + b[0] + b[3] + (a == b ? 1000 : 0);
    }

    public static String testArraycopy(int n) {
        int[] a = { 1, 2, 3, 4, 5, 6 };
        System.arraycopy(a, 0, a, 1, Math.min(Math.max(n, 0), 5));
        return Arrays.toString(a);
    }

    public static String testArrayClassNames() {
        return new int[0].getClass().getName() + " " + new String[0][0].getClass().getName() + " "
                + new Jtt_Arrays[0].getClass().getName() + " " + new byte[0].getClass().getSimpleName()
                + " " + int[].class.getComponentType();
    }

    public static int testCharArrayIndexing(int n) {
        char[] cs = "hello world".toCharArray();
        int h = 0;
        for (char ch : cs) h = h * 31 + ch + n;
        return h;
    }
}
