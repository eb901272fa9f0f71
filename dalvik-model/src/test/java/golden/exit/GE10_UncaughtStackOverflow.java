package golden.exit;

/**
 * An uncaught StackOverflowError (issue #12): java prints "Exception in thread "main"
 * java.lang.StackOverflowError" and at most 1,024 frames, exit status 1. A caught one first, whose
 * message and cause are null and whose trace is capped at 1,024 frames too.
 */
public class GE10_UncaughtStackOverflow {
    static int depth;

    static void down(int d) {
        depth = d;
        down(d + 1);
    }

    public static void main(String[] args) {
        try {
            down(0);
        } catch (StackOverflowError e) {
            System.out.println("caught: " + e.getMessage() + " " + e.getCause() + " deeper than 5000: " + (depth > 5000)
                    + " frames " + e.getStackTrace().length);
        }
        down(0);
    }
}
