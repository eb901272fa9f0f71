package org.cometsim.guestlib.java.util.concurrent;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Guest-side {@code java.util.concurrent.CyclicBarrier}: the JDK 17 algorithm (a generation object
 * per trip, broken by an interrupt, a timeout, a failing barrier action or {@code reset()}) on the
 * monitor of an internal lock object with {@code wait}/{@code notifyAll} instead of a
 * {@code ReentrantLock} and its condition, so waiting parties are guest threads the VM schedules
 * and an offload can migrate, and the count and generation are guest fields the DSM tracks.
 * Arrival indices, which thread runs the barrier action (the last to arrive, before any waiter is
 * released), exceptions and the broken state match the JDK's. Timed waits read
 * {@code System.nanoTime()}, the VM's clock.
 */
public class CyclicBarrier {
    /** One use of the barrier; {@code broken} once an await failed or the barrier was reset. */
    private static final class Generation {
        boolean broken;
    }

    private final Object lock = new Object();
    private final int parties;
    private final Runnable barrierCommand;
    private Generation generation = new Generation();
    /** Parties still to arrive in this generation. */
    private int count;

    public CyclicBarrier(int parties, Runnable barrierAction) {
        if (parties <= 0) {
            throw new IllegalArgumentException();
        }
        this.parties = parties;
        this.count = parties;
        this.barrierCommand = barrierAction;
    }

    public CyclicBarrier(int parties) {
        this(parties, null);
    }

    /** Starts the next generation and wakes its waiters (lock held). */
    private void nextGeneration() {
        lock.notifyAll();
        count = parties;
        generation = new Generation();
    }

    /** Breaks this generation and wakes its waiters (lock held). */
    private void breakBarrier() {
        generation.broken = true;
        count = parties;
        lock.notifyAll();
    }

    private int dowait(boolean timed, long nanos) throws InterruptedException, BrokenBarrierException, TimeoutException {
        synchronized (lock) {
            final Generation g = generation;
            if (g.broken) {
                throw new BrokenBarrierException();
            }
            if (Thread.interrupted()) {
                breakBarrier();
                throw new InterruptedException();
            }
            int index = --count;
            if (index == 0) {
                Runnable command = barrierCommand;
                if (command != null) {
                    try {
                        command.run();
                    } catch (Throwable ex) {
                        breakBarrier();
                        throw ex;
                    }
                }
                nextGeneration();
                return 0;
            }
            long deadline = timed ? System.nanoTime() + nanos : 0L;
            for (;;) {
                try {
                    if (!timed) {
                        lock.wait();
                    } else if (nanos > 0L) {
                        lock.wait(nanos / 1000000L, (int) (nanos % 1000000L));
                        nanos = deadline - System.nanoTime();
                    }
                } catch (InterruptedException ie) {
                    if (g == generation && !g.broken) {
                        breakBarrier();
                        throw ie;
                    }
                    // the trip (or break) happened first: keep the interrupt for later
                    Thread.currentThread().interrupt();
                }
                if (g.broken) {
                    throw new BrokenBarrierException();
                }
                if (g != generation) {
                    return index;
                }
                if (timed && nanos <= 0L) {
                    breakBarrier();
                    throw new TimeoutException();
                }
            }
        }
    }

    public int getParties() {
        return parties;
    }

    public int await() throws InterruptedException, BrokenBarrierException {
        try {
            return dowait(false, 0L);
        } catch (TimeoutException toe) {
            throw new Error(toe); // cannot happen
        }
    }

    public int await(long timeout, TimeUnit unit) throws InterruptedException, BrokenBarrierException, TimeoutException {
        return dowait(true, unit.toNanos(timeout));
    }

    public boolean isBroken() {
        synchronized (lock) {
            return generation.broken;
        }
    }

    public void reset() {
        synchronized (lock) {
            breakBarrier();
            nextGeneration();
        }
    }

    public int getNumberWaiting() {
        synchronized (lock) {
            return parties - count;
        }
    }
}
