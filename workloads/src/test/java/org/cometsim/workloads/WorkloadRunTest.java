package org.cometsim.workloads;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every workload at SMALL size, on the host JVM: two in-process runs print the same (comparable) output
 * (with a checksum line for the deterministic ones), each in under a second; and the same program loaded from the catalog's
 * extracted jar class path (an isolated class loader) prints the same output again, which checks that the
 * class path entries in the catalog are complete.
 */
class WorkloadRunTest {
    private static final long ONE_SECOND = 1_000_000_000L;

    @TestFactory
    List<DynamicTest> smallRunsAreDeterministicAndFast() {
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
                assertTrue(first.nanos() < ONE_SECOND, "first run took " + first.nanos() / 1e6 + " ms");
                assertTrue(second.nanos() < ONE_SECOND, "second run took " + second.nanos() / 1e6 + " ms");
            }));
        }
        return tests;
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
