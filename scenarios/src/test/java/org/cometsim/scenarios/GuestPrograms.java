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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;

/**
 * Guest programs of the scenarios tests: Java sources under {@code src/test/resources/<dir>},
 * compiled with javac and dexed with D8 for the VMs, and run on this JVM (the oracle: what
 * {@code java} prints).
 */
final class GuestPrograms {
    private GuestPrograms() {
    }

    /** A compiled program: its dex class path for the VMs and its class files for the host JVM. */
    record Compiled(ClassPath dex, Path classes) {
    }

    /** Compiles every {@code .java} file of {@code src/test/resources/<resourceDir>} into {@code work}. */
    static Compiled compile(String resourceDir, Path work) throws IOException, LoadException {
        Path src = Path.of("src", "test", "resources", resourceDir);
        Path out = work.resolve("classes");
        Files.createDirectories(out);
        List<String> javac = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        try (Stream<Path> s = Files.list(src)) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> javac.add(p.toString()));
        }
        if (ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(new String[0])) != 0) {
            throw new IllegalStateException("javac failed on " + src);
        }
        List<Path> classes;
        try (Stream<Path> s = Files.walk(out)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        ClassPath cp = new ClassPath();
        for (byte[] dex : new D8Converter(work.resolve("d8")).convertClassFiles(classes, false, resourceDir)) {
            cp.addDex(resourceDir + ".dex", dex);
        }
        return new Compiled(cp, out);
    }

    /** What {@code java -cp <classes> MAIN ARGS} prints on stdout. */
    static String hostStdout(Compiled c, String mainClass, String... args) {
        try {
            return hostStdout(new URL[] {c.classes().toUri().toURL()}, mainClass, args);
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
