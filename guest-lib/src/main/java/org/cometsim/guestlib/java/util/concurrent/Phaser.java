package org.cometsim.guestlib.java.util.concurrent;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Guest-side {@code java.util.concurrent.Phaser} for root phasers (no parent): phase number,
 * registered and unarrived parties and the termination bit as guest fields on the monitor of an
 * internal lock object, waiters in {@code wait}, so they are guest threads the VM schedules and an
 * offload can migrate. As the JDK's: phases wrap at {@code Integer.MAX_VALUE}, a terminated
 * phaser's phase is negative ({@code phase + Integer.MIN_VALUE}), {@code onAdvance} (overridable)
 * decides termination when the last party arrives and runs before any waiter is released, an
 * arrival with no unarrived party fails with the JDK's {@code IllegalStateException} text, and
 * registering past 65535 parties fails. Not provided (they stop with the VM's unsupported-API
 * error): the tiered constructors {@code Phaser(Phaser)}/{@code Phaser(Phaser, int)}.
 * {@code toString} is the JDK's format (it starts with the identity hash code, as the JDK's).
 */
public class Phaser {
    private static final int MAX_PARTIES = 0xffff;
    private static final int MAX_PHASE = Integer.MAX_VALUE;

    private final Object lock = new Object();
    /** Current phase number (never negative; see {@link #terminated}). */
    private int phase;
    private int parties;
    private int unarrived;
    private boolean terminated;

    public Phaser() {
        this(0);
    }

    public Phaser(int parties) {
        if (parties < 0 || parties > MAX_PARTIES) {
            throw new IllegalArgumentException("Illegal number of parties");
        }
        this.parties = parties;
        this.unarrived = parties;
    }

    /** The phase as the JDK reports it: negative once terminated (lock held). */
    private int reportedPhase() {
        return terminated ? phase + Integer.MIN_VALUE : phase;
    }

    private int doRegister(int registrations) {
        synchronized (lock) {
            if (terminated) {
                return reportedPhase();
            }
            if (parties + registrations > MAX_PARTIES) {
                throw new IllegalStateException(badRegister());
            }
            parties += registrations;
            unarrived += registrations;
            return phase;
        }
    }

    private String badRegister() {
        return new org.cometsim.guestlib.java.lang.StringBuilder().append("Attempt to register more than ")
                .append(MAX_PARTIES).append(" parties for ").append(toString()).toString();
    }

    private String badArrive() {
        return new org.cometsim.guestlib.java.lang.StringBuilder().append("Attempted arrival of unregistered party for ")
                .append(toString()).toString();
    }

    /** One party arrives (and leaves if {@code deregister}); returns the arrival phase. */
    private int doArrive(boolean deregister) {
        synchronized (lock) {
            if (terminated) {
                return reportedPhase();
            }
            if (unarrived <= 0) {
                throw new IllegalStateException(badArrive());
            }
            int p = phase;
            unarrived--;
            if (deregister) {
                parties--;
            }
            if (unarrived == 0) {
                advance(p);
            }
            return p;
        }
    }

    /**
     * The last party arrived at phase {@code p} (lock held): the next phase, terminated if
     * {@code onAdvance} says so (the JDK advances the phase number then too).
     */
    private void advance(int p) {
        if (onAdvance(p, parties)) {
            terminated = true;
        }
        phase = (p + 1) & MAX_PHASE;
        unarrived = parties;
        lock.notifyAll();
    }

    public int register() {
        return doRegister(1);
    }

    public int bulkRegister(int parties) {
        if (parties < 0) {
            throw new IllegalArgumentException();
        }
        if (parties == 0) {
            return getPhase();
        }
        return doRegister(parties);
    }

    public int arrive() {
        return doArrive(false);
    }

    public int arriveAndDeregister() {
        return doArrive(true);
    }

    public int arriveAndAwaitAdvance() {
        synchronized (lock) {
            int p = doArrive(false);
            if (p < 0) {
                return p;
            }
            if (phase != p) {
                return phase; // this party was the last: the next phase, even if that terminated it (as the JDK)
            }
            return awaitAdvance(p);
        }
    }

    public int awaitAdvance(int phase) {
        if (phase < 0) {
            return phase;
        }
        synchronized (lock) {
            boolean interrupted = false;
            while (!terminated && this.phase == phase) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // not interruptible: keep the interrupt for the caller
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return reportedPhase();
        }
    }

    public int awaitAdvanceInterruptibly(int phase) throws InterruptedException {
        if (phase < 0) {
            return phase;
        }
        synchronized (lock) {
            while (!terminated && this.phase == phase) {
                lock.wait();
            }
            return reportedPhase();
        }
    }

    public int awaitAdvanceInterruptibly(int phase, long timeout, TimeUnit unit)
            throws InterruptedException, TimeoutException {
        long nanos = unit.toNanos(timeout);
        if (phase < 0) {
            return phase;
        }
        synchronized (lock) {
            long deadline = System.nanoTime() + nanos;
            while (!terminated && this.phase == phase) {
                if (nanos <= 0L) {
                    throw new TimeoutException();
                }
                lock.wait(nanos / 1000000L, (int) (nanos % 1000000L));
                nanos = deadline - System.nanoTime();
            }
            return reportedPhase();
        }
    }

    public void forceTermination() {
        synchronized (lock) {
            if (!terminated) {
                terminated = true;
                lock.notifyAll();
            }
        }
    }

    public final int getPhase() {
        synchronized (lock) {
            return reportedPhase();
        }
    }

    public int getRegisteredParties() {
        synchronized (lock) {
            return parties;
        }
    }

    public int getArrivedParties() {
        synchronized (lock) {
            return parties - unarrived;
        }
    }

    public int getUnarrivedParties() {
        synchronized (lock) {
            return unarrived;
        }
    }

    public Phaser getParent() {
        return null;
    }

    public Phaser getRoot() {
        return this;
    }

    public boolean isTerminated() {
        synchronized (lock) {
            return terminated;
        }
    }

    protected boolean onAdvance(int phase, int registeredParties) {
        return registeredParties == 0;
    }

    @Override
    public String toString() {
        int p;
        int n;
        int u;
        synchronized (lock) {
            p = reportedPhase();
            n = parties;
            u = unarrived;
        }
        return new org.cometsim.guestlib.java.lang.StringBuilder().append(super.toString()).append("[phase = ").append(p)
                .append(" parties = ").append(n).append(" arrived = ").append(n - u).append(']').toString();
    }
}
