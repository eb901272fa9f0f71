package org.cometsim.dalvik.hooks;

import org.cometsim.dalvik.rt.GuestThread;

/**
 * Asked before a thread enters any monitor while an offload runtime is installed: the lock of a
 * tracked object or class may belong to the other endpoint (comet-reference §7), and the runtime
 * keeps each thread's recently entered locks (to hand them over when the thread moves). The answer is one of
 * {@link #PROCEED} (enter as usual), {@link #MIGRATE} (stop the thread for migration with its pc
 * on the {@code monitor-enter}: COMET's server sends the thread home) or {@link #WAIT} (the gate
 * blocked the thread until it has fetched ownership; the {@code monitor-enter} runs again then).
 */
public interface MonitorGate {
    int PROCEED = 0;
    int MIGRATE = 1;
    int WAIT = 2;

    int beforeEnter(GuestThread t, Object lock);

    /**
     * Asked before a thread woken in {@code Object.wait} re-acquires {@code lock} (free here): only
     * {@link #PROCEED} or {@link #WAIT} (a thread inside a native cannot migrate).
     */
    default int beforeReacquire(GuestThread t, Object lock) {
        return PROCEED;
    }

    /**
     * Told after {@code notify} ({@code all}: {@code notifyAll}) on {@code lock} woke
     * {@code wokenHere} waiting threads of this VM: waiters on the other endpoint may need it too.
     */
    default void notified(GuestThread t, Object lock, boolean all, int wokenHere) {
    }
}
