package org.cometsim.dalvik.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;

import org.cometsim.dalvik.Vm;
import org.junit.jupiter.api.Test;

/** The corpus harness itself: the JVM oracle's streams, and the test VMs' guest clock. */
class CorpusTest {

    @Test
    void theOracleDrainsStderrAndStdoutAlike() throws Exception {
        Corpus.Run r = Corpus.runOnJvm("hooktarget.NoisyStderr");
        assertEquals(0, r.status());
        assertEquals("stdout after 2 MB of stderr\n", r.out());
        assertEquals(20_000 * 100, r.err().length());
    }

    @Test
    void theGuestClockIsSchedulerTimeNotHostTime() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = Corpus.newVm(Corpus.capture(out), Corpus.capture(out));
        assertEquals(0, vm.options().clock().nanoTime(), "no instruction has run yet");
        vm.invokeStatic("hooktarget.Loop", "sum", "(I)J", 1000);
        long now = vm.scheduler().now();
        assertEquals(true, now > 10_000, "a thousand loop iterations ran: " + now);
        assertEquals(now, vm.options().clock().nanoTime());
        assertEquals(Corpus.SchedulerClock.EPOCH_MILLIS + vm.scheduler().now() / 1_000_000L, vm.options().clock().currentTimeMillis());
    }
}
