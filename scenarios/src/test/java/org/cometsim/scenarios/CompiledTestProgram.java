package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;

/** Test programs: the Java sources in {@code src/test/resources/NAME/}, compiled with javac and dexed with D8. */
final class CompiledTestProgram {
    private CompiledTestProgram() {
    }

    static ClassPath compile(String name, Path workDir) throws Exception {
        Path src = Path.of("src", "test", "resources", name);
        Path out = workDir.resolve(name).resolve("classes");
        Files.createDirectories(out);
        List<String> javac = new ArrayList<>(List.of("-d", out.toString(), "--release", "17"));
        try (Stream<Path> s = Files.list(src)) {
            s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> javac.add(p.toString()));
        }
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(new String[0])), "javac");
        List<Path> classes;
        try (Stream<Path> s = Files.walk(out)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        ClassPath cp = new ClassPath();
        for (byte[] dex : new D8Converter(workDir.resolve(name).resolve("d8")).convertClassFiles(classes, false, name)) {
            cp.addDex(name + ".dex", dex);
        }
        return cp;
    }
}
