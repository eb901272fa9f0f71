package org.cometsim.validation;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;

/**
 * Builds guest programs at test time (nothing binary is committed): Java source compiled with the
 * JDK's javac ({@link ToolProvider}), packed into jars, converted to dex with the project's own
 * {@link D8Converter}, or packed into apk-style zips.
 */
final class Programs {
    private Programs() {
    }

    /**
     * Compiles top-level classes (simple name to source, default package) into {@code dir/classes}.
     * Returns that directory.
     */
    static Path compile(Path dir, Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler: run the tests on a JDK, not a JRE");
        try {
            Path src = Files.createDirectories(dir.resolve("src"));
            Path classes = Files.createDirectories(dir.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString()));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path f = src.resolve(e.getKey() + ".java");
                Files.writeString(f, e.getValue());
                args.add(f.toString());
            }
            StringWriter diagnostics = new StringWriter();
            OutputStream errs = new OutputStream() {
                @Override
                public void write(int b) {
                    diagnostics.write(b);
                }
            };
            int rc = javac.run(null, null, errs, args.toArray(new String[0]));
            if (rc != 0) {
                fail("javac failed (" + rc + "):\n" + diagnostics);
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a jar with the named classes of {@code classes} (simple names; nested classes
     * {@code Name$*.class} come along). No names: every class file.
     */
    static Path jar(Path classes, Path jar, String... classNames) {
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             var files = Files.list(classes)) {
            // Reproducible bytes (fixed entry times), so the CLI's D8 cache hits on the next run.
            out.putNextEntry(entry("META-INF/MANIFEST.MF"));
            mf.write(out);
            out.closeEntry();
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".class") || !selected(n, classNames)) {
                    continue;
                }
                out.putNextEntry(entry(n));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static JarEntry entry(String name) {
        JarEntry e = new JarEntry(name);
        e.setTimeLocal(FIXED_TIME);
        return e;
    }

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

    private static boolean selected(String fileName, String[] classNames) {
        if (classNames.length == 0) {
            return true;
        }
        String base = fileName.substring(0, fileName.length() - ".class".length());
        for (String c : classNames) {
            if (base.equals(c) || base.startsWith(c + "$")) {
                return true;
            }
        }
        return false;
    }

    /** Compiles the sources and jars all of them into {@code dir/<jarName>}. */
    static Path compileToJar(Path dir, String jarName, Map<String, String> sources) {
        Path classes = compile(dir.resolve(jarName + ".build"), sources);
        return jar(classes, dir.resolve(jarName));
    }

    /** Dex files for a jar, from the project's D8 converter (cache under target/). */
    static List<byte[]> dex(Path jar) {
        D8Converter d8 = new D8Converter(CliHarness.moduleDir().resolve("target").resolve("d8-test-cache"));
        try {
            List<byte[]> dexes = d8.convertJar(jar);
            if (dexes.isEmpty()) {
                fail("D8 produced no dex for " + jar);
            }
            return dexes;
        } catch (LoadException e) {
            throw new AssertionError("D8 conversion failed: " + e.getMessage(), e);
        }
    }

    /** The single dex file of a jar, written to {@code target}. */
    static Path dexFile(Path jar, Path target) {
        List<byte[]> dexes = dex(jar);
        if (dexes.size() != 1) {
            fail("expected one dex for " + jar + ", D8 made " + dexes.size());
        }
        try {
            return Files.write(target, dexes.get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a zip (an apk, a jar...) with the given entries, in order. */
    static Path zip(Path target, Map<String, byte[]> entries) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTimeLocal(FIXED_TIME);
                out.putNextEntry(z);
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** An ordered map: {@code map("A", srcA, "B", srcB)}. */
    static Map<String, String> sources(String... nameSourcePairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameSourcePairs.length; i += 2) {
            m.put(nameSourcePairs[i], nameSourcePairs[i + 1]);
        }
        return m;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
