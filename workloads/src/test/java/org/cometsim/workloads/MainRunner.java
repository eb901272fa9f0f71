package org.cometsim.workloads;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helper: runs a workload's main method in this JVM and captures System.out. */
final class MainRunner {
    private MainRunner() {
    }

    /** Output of one in-process run. */
    record Run(String output) {
    }

    /** Runs mainClass loaded by loader with args, capturing everything printed to System.out. */
    static synchronized Run run(ClassLoader loader, String mainClass, List<String> args) throws Exception {
        Method main = Class.forName(mainClass, true, loader).getMethod("main", String[].class);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        try {
            main.invoke(null, (Object) args.toArray(new String[0]));
        } finally {
            System.setOut(old);
        }
        capture.flush();
        return new Run(buf.toString(StandardCharsets.UTF_8));
    }
}
