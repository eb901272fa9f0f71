package org.cometsim.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The oracle for guest programs of the scenarios tests: what {@code java} prints for them, run on
 * this JVM (their dex for the VMs comes from {@link CompiledTestProgram}).
 */
final class GuestPrograms {
    private GuestPrograms() {
    }

    /** What {@code java -cp <classes> MAIN ARGS} prints on stdout. */
    static String hostStdout(Path classes, String mainClass, String... args) {
        try {
            return hostStdout(new URL[] {classes.toUri().toURL()}, mainClass, args);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code mainClass} on this JVM from {@code classPath} in a class loader of its own (no
     * static state shared with another run) with System.out captured. The guest programs print
     * only through System.out, and the suite runs one test at a time, so nothing else prints
     * meanwhile.
     */
    static synchronized String hostStdout(URL[] classPath, String mainClass, String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        PrintStream old = System.out;
        try (URLClassLoader isolated = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Method main = Class.forName(mainClass, true, isolated).getMethod("main", String[].class);
            System.setOut(capture);
            main.invoke(null, (Object) args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(mainClass + " failed on the host JVM", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(old);
        }
        capture.flush();
        return buf.toString(StandardCharsets.UTF_8);
    }
}
