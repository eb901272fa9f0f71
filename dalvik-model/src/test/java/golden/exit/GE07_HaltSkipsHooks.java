package golden.exit;

/** Runtime.halt(9) stops the VM at once: no shutdown hook runs, no finally block; exit status 9. */
public class GE07_HaltSkipsHooks {
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hook must NOT run after halt")));
        try {
            System.out.println("halting with 9");
            Runtime.getRuntime().halt(9);
        } finally {
            System.out.println("finally must NOT run after halt");
        }
    }
}
