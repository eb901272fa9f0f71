package org.cometsim.scenarios.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.ToolProvider;

/** Example 05's program (scenarios/examples/Hello.java) compiled into {@code dir/hello.jar}: a tiny app for sweep tests. */
public final class HelloJar {
    private HelloJar() {
    }

    public static Path build(Path dir) throws Exception {
        Path classes = dir.resolve("hello-classes");
        Files.createDirectories(classes);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "--release",
                "17", Path.of("examples", "Hello.java").toString()), "javac");
        Path jar = dir.resolve("hello.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(os)) {
            JarEntry e = new JarEntry("Hello.class");
            e.setTime(0);
            j.putNextEntry(e);
            j.write(Files.readAllBytes(classes.resolve("Hello.class")));
            j.closeEntry();
        }
        return jar;
    }
}
