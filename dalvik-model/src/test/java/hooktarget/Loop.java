package hooktarget;

/** A long loop with calls, for safepoint, counter and migration tests. */
public class Loop {
    public static long sum(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += step(i);
        }
        return s;
    }

    static long step(int i) {
        return (long) i * i % 7 + (i & 3);
    }

    public static void printTwice() {
        System.out.println("first");
        System.out.println("second");
    }
}
