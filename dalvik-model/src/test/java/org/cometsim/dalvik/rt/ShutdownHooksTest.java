package org.cometsim.dalvik.rt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.junit.jupiter.api.Test;

/**
 * Shutdown cases the golden corpus cannot hold because the JVM never ends them. The cases the JVM
 * does end (exit from main, from another thread, inside a host callback, several hooks, halt) are
 * golden programs {@code G050} and {@code GE05}-{@code GE09}.
 */
class ShutdownHooksTest {

    @Test
    void exitInsideAHookBlocksItSoTheVmReportsADeadlockInsteadOfHanging() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = Corpus.newVm(Corpus.capture(out), Corpus.capture(new ByteArrayOutputStream()));
        VmError e = assertThrows(VmError.class, () -> vm.runMain("hooktarget.ExitInHook", new String[0]));
        assertEquals("main: exit(2)\nhook: exit(5)\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(e.getMessage().startsWith("deadlock:"), e.getMessage());
        // The first caller of exit joins the hooks; the hook that calls it again waits for the shutdown lock.
        assertTrue(e.getMessage().contains("\"main\" waiting"), e.getMessage());
        assertTrue(e.getMessage().contains("\"exit-hook\" blocked"), e.getMessage());
    }
}
