/** A phase over a large array: worth offloading over Wi-Fi, not over 3G, where shipping the array costs more than the phase saves. */
public class BigState {
    static long scan(int[] data, int passes) {
        long s = 0;
        for (int p = 0; p < passes; p++) {
            for (int i = 0; i < data.length; i++) {
                s += data[i] ^ p;
            }
        }
        return s;
    }

    public static void main(String[] args) {
        int[] data = new int[Integer.parseInt(args[0])];
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 7;
        }
        System.out.println("sum " + scan(data, Integer.parseInt(args[1])));
    }
}
