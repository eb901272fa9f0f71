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

    /**
     * The current instant for {@code java.time} ({@code Instant.now()}, {@code LocalDate.now()},
     * {@code Clock.systemUTC()} in guest code): this clock's {@link #currentTimeMillis}, to the
     * millisecond unless the clock knows better.
     */
    default java.time.Instant instant() {
        return java.time.Instant.ofEpochMilli(currentTimeMillis());
    }

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

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.now().plusNanos(skipped); // the host clock's own precision
            }
        };
    }
}
