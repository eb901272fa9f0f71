package gaps;

/**
 * HotSpot resolves string literals lazily (at the first execution of their ldc), so intern() of a
 * run-time string whose literal has not run yet returns that very string. The VM interns every
 * literal when it reads the class (and uses the host JVM's intern table).
 */
public class InternFreshString {
    public static void main(String[] args) {
        String x = new String("fresh-" + args.length);
        String xi = x.intern();
        System.out.println((xi == x) + " " + (xi == "fresh-0"));
    }
}
