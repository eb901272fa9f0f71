package hooktarget;

/**
 * System.exit inside a shutdown hook: on the JVM the hook blocks for good (the exiting main thread
 * holds the shutdown lock while it joins the hooks), so the JVM never ends. Not a golden program.
 */
public class ExitInHook {
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("hook: exit(5)");
            System.exit(5);
        }, "exit-hook"));
        System.out.println("main: exit(2)");
        System.exit(2);
    }
}
