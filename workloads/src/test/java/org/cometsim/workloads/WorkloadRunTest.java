package org.cometsim.workloads;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClock;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every workload at SMALL size, on the host JVM: two in-process runs print the same (comparable) output
 * (with a checksum line for the deterministic ones); the same program loaded from the catalog's
 * extracted jar class path (an isolated class loader) prints the same output again, which checks that the
 * class path entries in the catalog are complete; and, on the Dalvik VM, SMALL stays small: at most
 * {@link #SMALL_BUDGET} executed instructions (a count, the same on every host, where a wall-time bound
 * failed on a loaded machine).
 */
class WorkloadRunTest {
    /** Instructions a SMALL run may execute in the VM (chess, the largest, runs about 154 million). */
    static final long SMALL_BUDGET = 200_000_000L;

    @TestFactory
    List<DynamicTest> smallRunsAreDeterministic() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Workload w : WorkloadCatalog.all()) {
            tests.add(DynamicTest.dynamicTest(w.name(), () -> {
                List<String> args = w.args(Size.SMALL);
                ClassLoader here = WorkloadRunTest.class.getClassLoader();
                MainRunner.Run first = MainRunner.run(here, w.mainClass(), args);
                MainRunner.Run second = MainRunner.run(here, w.mainClass(), args);
                String a = w.comparableOutput(first.output());
                assertFalse(a.isBlank(), "no output");
                if (w.deterministic()) {
                    assertTrue(a.contains("\nchecksum="), "no checksum line in:\n" + a);
                }
                assertEquals(a, w.comparableOutput(second.output()), "second run differs");
                if (w.deterministic()) {
                    assertEquals(first.output(), second.output());
                }
            }));
        }
        return tests;
    }

    /**
     * Each deterministic workload at SMALL on the Dalvik VM (its dex from the catalog, guest time =
     * instructions, so the count does not depend on the host): prints what the host JVM prints and
     * executes at most {@link #SMALL_BUDGET} instructions in all its threads.
     */
    @TestFactory
    List<DynamicTest> smallRunsStayWithinTheInstructionBudget() throws Exception {
        Path dir = Files.createTempDirectory("workloads-dex-");
        List<DynamicTest> tests = new ArrayList<>();
        for (Workload w : WorkloadCatalog.all()) {
            if (!w.deterministic()) {
                continue; // a timed run executes as much as its time allows
            }
            tests.add(DynamicTest.dynamicTest(w.name(), () -> {
                ClassPath cp = new ClassPath();
                for (Path dex : WorkloadCatalog.extract(w, dir.resolve(w.name()), Kind.DEX)) {
                    cp.addDex(dex.getFileName().toString(), Files.readAllBytes(dex));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
                InstructionClock clock = new InstructionClock();
                Vm vm = new Vm(cp, new Vm.Options(ps, ps, InputStream.nullInputStream(), clock));
                clock.vm = vm;
                assertEquals(0, vm.runMain(w.mainClass(), w.args(Size.SMALL).toArray(new String[0])), out.toString(StandardCharsets.UTF_8));
                MainRunner.Run host = MainRunner.run(WorkloadRunTest.class.getClassLoader(), w.mainClass(), w.args(Size.SMALL));
                assertEquals(host.output(), out.toString(StandardCharsets.UTF_8), "the VM prints what the JVM prints");
                long executed = 0;
                for (GuestThread t : vm.scheduler().threads()) {
                    executed += t.totalInstructions();
                }
                assertTrue(executed > 0 && executed <= SMALL_BUDGET,
                        w.name() + " at SMALL executes " + executed + " instructions; the budget is " + SMALL_BUDGET);
            }));
        }
        return tests;
    }

    /** Guest time = the VM's scheduler time (1 ns per instruction): no host timing reaches the run. */
    static final class InstructionClock implements VmClock {
        Vm vm;

        @Override
        public long nanoTime() {
            return vm == null ? 0 : vm.scheduler().now();
        }

        @Override
        public long currentTimeMillis() {
            return nanoTime() / 1_000_000L;
        }

        @Override
        public void idleAdvance(long nanos) {
            // included in scheduler time
        }
    }

    @TestFactory
    List<DynamicTest> extractedJarClassPathRunsTheSameProgram() throws Exception {
        Path dir = Files.createTempDirectory("workloads-jar-");
        List<DynamicTest> tests = new ArrayList<>();
        for (Workload w : WorkloadCatalog.all()) {
            tests.add(DynamicTest.dynamicTest(w.name(), () -> {
                Path[] cp = WorkloadCatalog.extract(w, dir.resolve(w.name()), Kind.JAR);
                URL[] urls = new URL[cp.length];
                for (int i = 0; i < cp.length; i++) {
                    urls[i] = cp[i].toUri().toURL();
                }
                List<String> args = w.args(Size.SMALL);
                try (URLClassLoader isolated = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
                    MainRunner.Run isolatedRun = MainRunner.run(isolated, w.mainClass(), args);
                    MainRunner.Run hereRun = MainRunner.run(WorkloadRunTest.class.getClassLoader(), w.mainClass(), args);
                    assertEquals(w.comparableOutput(hereRun.output()), w.comparableOutput(isolatedRun.output()));
                }
            }));
        }
        return tests;
    }
}
