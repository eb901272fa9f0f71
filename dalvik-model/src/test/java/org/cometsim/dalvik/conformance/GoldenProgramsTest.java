package org.cometsim.dalvik.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.VmExit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden programs (package {@code golden}, {@code golden.exit}): each program runs on the host
 * JVM in a child process (the oracle: its stdout and exit status are the expected transcript)
 * and in the interpreter; stdout and exit status must be equal. For programs that die with an
 * uncaught exception, the first stderr line ({@code Exception in thread "main" ...}) must match.
 */
class GoldenProgramsTest {

    @TestFactory
    Stream<DynamicTest> goldenPrograms() throws Exception {
        return mains().stream().map(m -> DynamicTest.dynamicTest(m, () -> check(m)));
    }

    /** The golden programs' main classes, in name order. */
    static List<String> mains() throws Exception {
        List<String> mains = new ArrayList<>();
        for (String pkg : List.of("golden", "golden/exit")) {
            try (Stream<Path> files = Files.list(Corpus.testClasses().resolve(pkg))) {
                files.map(p -> p.getFileName().toString())
                        .filter(n -> n.matches("GE?\\d+_\\w+\\.class"))
                        .sorted()
                        .forEach(n -> mains.add(pkg.replace('/', '.') + "." + n.substring(0, n.length() - 6)));
            }
        }
        assertTrue(mains.size() >= 30, "the golden corpus is missing: " + mains);
        return mains;
    }

    static Corpus.Run runInVm(String mainClass) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Vm vm = Corpus.newVm(Corpus.capture(out), Corpus.capture(err));
        vm.setInstructionLimit(3_000_000_000L); // a runaway program fails instead of hanging the suite
        int status;
        try {
            status = vm.runMain(mainClass, new String[0]);
        } catch (VmExit e) {
            status = e.status;
        } finally {
            OpcodeCoverageTest.record(vm);
        }
        return new Corpus.Run(Corpus.text(out), Corpus.text(err), status);
    }

    /**
     * Programs using library features the VM does not support yet. They must stop with the
     * precise unsupported-API error after printing exactly the JVM's output up to that point.
     */
    private static final java.util.Map<String, String> KNOWN_UNSUPPORTED = java.util.Map.of();

    private static void check(String mainClass) throws Exception {
        Corpus.Run expected = Corpus.runOnJvm(mainClass);
        String gap = KNOWN_UNSUPPORTED.get(mainClass);
        if (gap != null) {
            org.cometsim.dalvik.rt.VmError e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.cometsim.dalvik.rt.VmError.class, () -> runInVm(mainClass));
            assertTrue(e.getMessage().startsWith(gap), e.getMessage());
            return;
        }
        Corpus.Run actual = runInVm(mainClass);
        assertEquals(expected.out(), actual.out(), "stdout of " + mainClass + "\nstderr was:\n" + actual.err());
        assertEquals(expected.status(), actual.status(), "exit status of " + mainClass + "\nstderr was:\n" + actual.err());
        String ef = firstLine(expected.err());
        if (ef.startsWith("Exception in thread")) {
            assertEquals(ef, firstLine(actual.err()), "first stderr line of " + mainClass);
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
