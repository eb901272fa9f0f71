/** A program with one heavy method called between light work: method-granularity offloading's case. */
public class MethodPoints {
    static long heavy(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += (i * 31L) ^ (s >>> 3);
        }
        return s;
    }

    static int light(int k) {
        return k * 7 + 1;
    }

    public static void main(String[] args) {
        long total = 0;
        for (int round = 0; round < 3; round++) {
            total += light(round);
            total += heavy(200_000);
            System.out.println("round " + round + " " + total);
        }
    }
}
