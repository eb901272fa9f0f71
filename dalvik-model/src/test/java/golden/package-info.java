/**
 * Golden end-to-end programs for the Dalvik interpreter.
 *
 * <p>Each {@code golden.GNNN_Topic} class has a {@code public static void main(String[])} that prints a
 * deterministic transcript to {@code System.out}. The harness compiles the sources with javac
 * ({@code --release 17}), converts them with D8 (release, desugaring on, min-api 24, JDK as library), runs each
 * main on the host JVM and in the interpreter, and compares stdout byte for byte plus the exit status
 * (0 unless stated). stderr is not compared (uncaught exceptions in worker threads print there).
 *
 * <p>Rules the programs follow: no identity hash codes or default {@code Object.toString()}, no timing values,
 * no iteration order of hash collections keyed by objects without overridden {@code hashCode}, no
 * helpful-NullPointerException or ClassCastException message text (both are HotSpot-specific), and
 * multi-threaded programs print only from {@code main} after {@code join}, from one thread at a time under a
 * strict hand-off, or values that do not depend on interleaving. Each program runs in well under a second on
 * the JVM. {@code G015_ThreadBasics} assumes it creates the first unnamed threads of the process
 * ({@code Thread-0}, {@code Thread-1}, ...): run it in a fresh VM / fresh guest thread-numbering context.
 *
 * <p>{@code golden.exit} holds programs whose exit status matters: {@code GE01_SystemExit} (3),
 * {@code GE02_UncaughtException} (1), {@code GE03_UncaughtCustom} (1), {@code GE04_ExitInThread} (5, exit
 * called from a worker while main waits), and the shutdown hooks on exit: {@code GE05_ExitRunsHooks} (7,
 * from main), {@code GE06_ExitFromThreadRunsHooks} (4, from a worker; other threads keep running while
 * the hooks run; a second exit blocks its caller), {@code GE07_HaltSkipsHooks} (9), {@code
 * GE08_ExitInCallbackRunsHooks} (6, reached while main is inside a host call's callback), {@code
 * GE09_HaltInHook} (11), an uncaught {@code StackOverflowError} ({@code GE10_UncaughtStackOverflow}, 1). Their stdout is compared up to the exit. Hooks that print wait for each other,
 * because the JVM starts them in no defined order.
 */
package golden;
