/** A long compute phase, then a pinned print: the phase is worth offloading, the print must stay. */
public class ComputeThenPrint {
    static long compute(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (i * 31L) ^ (s >>> 3);
        }
        return s;
    }

    public static void main(String[] args) {
        long r = compute(Integer.parseInt(args[0]));
        System.out.println("result " + r);
    }
}
