package golden.exit;

/** Prints, then System.exit(3): expected exit status 3; the line after exit must never print; finally blocks do not run. */
public class GE01_SystemExit {
    public static void main(String[] args) {
        System.out.println("before exit");
        try {
            System.out.println("in try");
            System.exit(3);
        } finally {
            System.out.println("finally must NOT run after System.exit");
        }
        System.out.println("after exit (must not appear)");
    }
}
