package org.cometsim.dalvik.rt;

/**
 * The guest-visible clock ({@code System.currentTimeMillis}, {@code System.nanoTime}). The
 * scheduler's own notion of time (for sleeps and timed waits) is separate and deterministic; when
 * every thread is idle the scheduler skips ahead and tells the clock through
 * {@link #idleAdvance}, so a guest that sleeps 100 ms sees 100 ms pass without the host waiting.
 * A simulator supplies a clock that reads simulated time instead.
 */
public interface VmClock {
    long nanoTime();

    long currentTimeMillis();

    void idleAdvance(long nanos);

    /** Host wall time plus all skipped idle time. */
    static VmClock wallClock() {
        return new VmClock() {
            private long skipped;

            @Override
            public long nanoTime() {
                return System.nanoTime() + skipped;
            }

            @Override
            public long currentTimeMillis() {
                return System.currentTimeMillis() + skipped / 1_000_000L;
            }

            @Override
            public void idleAdvance(long nanos) {
                skipped += nanos;
            }
        };
    }
}
