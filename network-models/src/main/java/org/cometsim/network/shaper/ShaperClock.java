package org.cometsim.network.shaper;

import java.util.concurrent.locks.LockSupport;

/**
 * The time a {@link LinkShaper} releases bytes by. The relay computes every release time from its
 * {@link org.cometsim.net.LinkModel} on this clock's readings and waits for it with
 * {@link #sleepUntil}; a test hands in a clock it advances itself, so release times are computed,
 * not measured.
 */
public interface ShaperClock {

    /** Monotonic nanoseconds (any origin). */
    long nanos();

    /** Returns once {@link #nanos()} ≥ {@code deadline}; may return early only if interrupted. */
    void sleepUntil(long deadline) throws InterruptedException;

    /** The host's monotonic clock ({@link System#nanoTime()}), waiting by parking the thread. */
    ShaperClock SYSTEM = new ShaperClock() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedException {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }

        @Override
        public String toString() {
            return "system";
        }
    };
}
