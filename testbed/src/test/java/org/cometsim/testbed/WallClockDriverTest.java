package org.cometsim.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.SimulatedExec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One VM alone on a {@link WallClockDriver}: it prints what the simulator's local run prints,
 * and its clock never runs ahead of the wall clock (paced: by construction, the next slice waits
 * for the wall; unpaced: a slice costs the wall time it took). The inequality holds however
 * loaded the host is (a slow host only makes the VM's clock fall further behind), so it is not a
 * timing assertion.
 */
class WallClockDriverTest {
    @ParameterizedTest
    @EnumSource(WallClockDriver.Pacing.class)
    void aProgramAloneRunsOnTheWallClock(WallClockDriver.Pacing pacing) {
        OffloadRun.Config c = Loopback.config("factoring", "never");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        Vm[] self = new Vm[1];
        Vm vm = new Vm(c.classPath(), new Vm.Options(ps, ps, InputStream.nullInputStream(),
                SimulatedExec.simulatedClock(() -> self[0].scheduler().now())).withRuntime(SimulatedExec.runtimeFigures(c.phone())));
        self[0] = vm;
        vm.setGuestProperty("java.class.path", c.classPathText());
        long start = System.nanoTime();
        WallClockDriver d = new WallClockDriver("alone", vm, pacing, c.phone(), start, null);
        d.onFinished(x -> { });
        GuestThread main = vm.launcher().startMain(c.mainClass(), c.args());
        d.run();
        long wall = System.nanoTime() - start;
        assertNull(d.failure());
        assertTrue(d.finished());
        assertEquals(0, vm.launcher().finish(main));
        assertEquals(Loopback.local("factoring").stdout(), out.toString(StandardCharsets.UTF_8));
        long vmEnd = vm.scheduler().simulatedEnd();
        assertTrue(vmEnd <= wall + WallClockDriver.QUANTUM_NANOS, "VM clock " + vmEnd + " ns, wall " + wall + " ns");
    }
}
