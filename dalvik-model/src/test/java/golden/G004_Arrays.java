package golden;

import java.util.Arrays;

/** Arrays: every element type, multi-dimensional and jagged arrays, copying, sorting, exceptions. */
public class G004_Arrays {
    public static void main(String[] args) {
        byte[] b = { -128, -1, 0, 1, 127 };
        short[] s = { -32768, 0, 32767 };
        char[] c = { 'x', 'y', '\u00ff', '\u0100' };
        int[] i = { 5, 3, 9, -1, 0, 12, 7 };
        long[] l = { Long.MIN_VALUE, -1, 0, Long.MAX_VALUE };
        float[] f = { 1.5f, Float.NaN, -0.0f, 0.0f, Float.NEGATIVE_INFINITY };
        double[] d = { 2.5, -1e10, Double.NaN, 0.0, -0.0 };
        boolean[] z = { true, false, true };
        String[] str = { "pear", "apple", null, "fig" };
        System.out.println(Arrays.toString(b) + Arrays.toString(s) + Arrays.toString(c) + Arrays.toString(i) + Arrays.toString(l));
        System.out.println(Arrays.toString(f) + Arrays.toString(d) + Arrays.toString(z) + Arrays.toString(str));
        Arrays.sort(i); Arrays.sort(f); Arrays.sort(d);
        System.out.println("sorted " + Arrays.toString(i) + Arrays.toString(f) + Arrays.toString(d) + " search9=" + Arrays.binarySearch(i, 9));
        int[][] tri = new int[6][];
        for (int r = 0; r < tri.length; r++) {
            tri[r] = new int[r + 1];
            tri[r][0] = tri[r][r] = 1;
            for (int k = 1; k < r; k++) tri[r][k] = tri[r - 1][k - 1] + tri[r - 1][k];
        }
        System.out.println("pascal " + Arrays.deepToString(tri));
        double[][][] cube = new double[2][3][4];
        for (int x = 0; x < 2; x++) for (int y = 0; y < 3; y++) for (int w = 0; w < 4; w++) cube[x][y][w] = x * 100 + y * 10 + w + 0.5;
        System.out.println("cube " + cube[1][2][3] + " " + cube.length + "x" + cube[0].length + "x" + cube[0][0].length + " " + Arrays.deepToString(cube[1]));
        char[][] grid = new char[3][5];
        for (char[] row : grid) Arrays.fill(row, '.');
        grid[1][2] = '#';
        for (char[] row : grid) System.out.println(new String(row));
        int[] copy = Arrays.copyOfRange(i, 2, 10);
        System.out.println("copyOfRange " + Arrays.toString(copy) + " equals " + Arrays.equals(i, i.clone()) + " hash " + Arrays.hashCode(i));
        Object[] objs = new Integer[3];
        String[] tests = { "neg", "aioobe", "ase", "npe" };
        for (String t : tests) {
            try {
                switch (t) {
                    case "neg": System.out.println(new long[i[0]].length); break;
                    case "aioobe": System.out.println(i[i.length]); break;
                    case "ase": objs[0] = "not an Integer"; break;
                    default: int[] nul = null; System.out.println(nul[0]);
                }
            } catch (NegativeArraySizeException e) {
                System.out.println("NegativeArraySizeException " + e.getMessage());
            } catch (ArrayIndexOutOfBoundsException e) {
                System.out.println("ArrayIndexOutOfBoundsException " + e.getMessage());
            } catch (ArrayStoreException e) {
                System.out.println("ArrayStoreException " + e.getMessage());
            } catch (NullPointerException e) {
                System.out.println("NullPointerException");
            }
        }
        int[][] m = { { 1, 2 }, { 3, 4 } }, p = { { 5, 6 }, { 7, 8 } };
        int[][] r = new int[2][2];
        for (int x = 0; x < 2; x++) for (int y = 0; y < 2; y++) for (int k = 0; k < 2; k++) r[x][y] += m[x][k] * p[k][y];
        System.out.println("matmul " + Arrays.deepToString(r) + " class " + r.getClass().getName() + " " + r[0].getClass().getSimpleName());
        Object[] mixed = { 1, "two", 3.0, 'c', null, new int[] { 4 }, new String[] { "s" } };
        StringBuilder sb = new StringBuilder();
        for (Object o : mixed) sb.append(o == null ? "null" : o.getClass().getSimpleName()).append(' ');
        System.out.println(sb.toString().trim());
    }
}
