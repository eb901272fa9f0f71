package org.cometsim.guestlib;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/**
 * The one bound on waiting in tests that run real host threads. It only stops a test that would
 * otherwise hang forever on a bug; it is far above what any run needs on a loaded 2-core machine,
 * so it never decides a result. What a test checks must not depend on when a host thread gets to
 * run: tests wait for a state (a thread blocked, a latch opened, a thread ended), never for time.
 */
public final class HangGuard {
    /** Ten minutes: no correct run waits anywhere near this long. */
    public static final long SECONDS = 600;

    private HangGuard() {
    }

    /** Waits for {@code t} to end; fails if it is still running after the guard. */
    public static void join(Thread t) throws InterruptedException {
        t.join(SECONDS * 1000);
        if (t.isAlive()) {
            fail("thread " + t.getName() + " is stuck (still " + t.getState() + " after " + SECONDS + " s)");
        }
    }

    /** Polls {@code condition} until it holds; fails if it does not within the guard. */
    public static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + SECONDS * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                fail("still waiting for " + what + " after " + SECONDS + " s");
            }
            Thread.sleep(1);
        }
    }
}
