package org.cometsim.dalvik.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Monitor;
import org.junit.jupiter.api.Test;

/**
 * A woken {@code wait} asks the {@link MonitorGate} before it blocks on a monitor another thread
 * owns, as monitor-enter does: on an offload endpoint that owner may be a thread that left with
 * the lock (its hold "feigned"), which never releases it here, so only the gate (which fetches the
 * lock from the other endpoint) can get the waiter going (litmus WaitNotifyHandoff deadlocked
 * across the endpoints when the gate was asked only once the monitor was free).
 */
class MonitorGateReacquireTest {
    @Test
    void aWokenWaitAsksTheGateEvenWhileAnotherThreadOwnsTheMonitor() throws Exception {
        Vm vm = Corpus.newVm(Corpus.capture(new ByteArrayOutputStream()), Corpus.capture(new ByteArrayOutputStream()));
        List<String> reacquires = new ArrayList<>();
        vm.hooks().setMonitorGate(new MonitorGate() {
            @Override
            public int beforeEnter(GuestThread t, Object lock) {
                return PROCEED;
            }

            @Override
            public int beforeReacquire(GuestThread t, Object lock) {
                Monitor m = vm.monitorIfAny(lock);
                reacquires.add(t.name + (m != null && m.owner != null && m.owner != t ? " while " + m.owner.name + " owns it" : ""));
                return PROCEED;
            }
        });
        assertEquals("handed off", vm.invokeStatic("hooktarget.WaitReacquire", "run", "()Ljava/lang/String;"));
        assertTrue(reacquires.contains("waiter while main owns it"), reacquires.toString());
        assertEquals("waiter", reacquires.get(reacquires.size() - 1), "and again when it takes the monitor");
    }
}
