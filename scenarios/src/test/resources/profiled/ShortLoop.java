/** A short loop between prints: too little work to pay for a crossing. */
public class ShortLoop {
    static long little(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += i ^ (s << 1);
        }
        return s;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        for (int round = 0; round < 3; round++) {
            System.out.println("round " + round + " " + little(n));
        }
    }
}
