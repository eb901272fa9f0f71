/** The program of example 05: sums a series long enough to be worth offloading. */
public class Hello {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100000;
        double sum = 0;
        for (int i = 1; i <= n; i++) {
            sum += 1.0 / ((double) i * i);
        }
        System.out.println("Hello from the phone, sum = " + sum);
    }
}
