package golden.exit;

/** Prints, then a RuntimeException("boom") escapes main: exit status 1, stack trace on stderr only, finally blocks do run. */
public class GE02_UncaughtException {
    public static void main(String[] args) {
        System.out.println("before boom");
        try {
            fail(3);
        } finally {
            System.out.println("finally runs while unwinding");
        }
        System.out.println("unreachable");
    }
    static void fail(int depth) {
        if (depth == 0) throw new RuntimeException("boom");
        fail(depth - 1);
    }
}
