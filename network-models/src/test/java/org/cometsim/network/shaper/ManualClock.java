package org.cometsim.network.shaper;

/** A clock that moves only when the test says so: release times are computed, never measured. */
final class ManualClock implements ShaperClock {
    private long now;

    @Override
    public synchronized long nanos() {
        return now;
    }

    @Override
    public synchronized void sleepUntil(long deadline) throws InterruptedException {
        while (now < deadline) {
            wait();
        }
    }

    synchronized void advanceTo(long t) {
        if (t < now) {
            throw new IllegalArgumentException("time goes forward only");
        }
        now = t;
        notifyAll();
    }
}
