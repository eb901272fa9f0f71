package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code comet bench --cold}: its program list, its statistics and its option errors (no timing asserted). */
class BenchColdCommandTest {

    @Test
    void programsTxtNamesEachProgramsMainAndJars(@TempDir Path dir) throws Exception {
        try (OutputStream f = Files.newOutputStream(dir.resolve("cold-programs.jar"));
             ZipOutputStream zip = new ZipOutputStream(f)) {
            zip.putNextEntry(new ZipEntry("org/cometsim/cold/programs.txt"));
            zip.write(("# comment\nhello | a.Hello |  | start-up\n\ngraphs | a.G | lib-one lib-two | graphs\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        List<BenchColdCommand.Program> ps = BenchColdCommand.libraryPrograms(dir);
        assertEquals(2, ps.size());
        BenchColdCommand.Program hello = ps.get(0);
        assertEquals("hello", hello.name());
        assertFalse(hello.library(), "no libraries: not counted in the library programs' mean");
        assertEquals(List.of("-cp", dir.resolve("cold-programs.jar").toString(), "a.Hello"), hello.javaArgs());
        assertEquals(List.of("exec", "-cp", dir.resolve("cold-programs.jar").toString(), "a.Hello"), hello.cometArgs());
        BenchColdCommand.Program g = ps.get(1);
        assertTrue(g.library());
        String cp = dir.resolve("cold-programs.jar") + File.pathSeparator + dir.resolve("lib").resolve("lib-one.jar")
                + File.pathSeparator + dir.resolve("lib").resolve("lib-two.jar");
        assertEquals(List.of("-cp", cp, "a.G"), g.javaArgs());
        assertEquals(g.javaArgs(), g.cometArgs().subList(1, 4), "both sides run the same jars");
    }

    @Test
    void mediansAndPairedRatios() {
        assertEquals(3.0, BenchColdCommand.median(new long[] {5, 1, 3}));
        assertEquals(2.5, BenchColdCommand.median(new long[] {4, 1, 3, 2}));
        // ratios per round: 2, 4, 10 -> median 4 (not the ratio of the medians, 20/5)
        assertEquals(4.0, BenchColdCommand.pairedRatio(new long[] {10, 20, 30}, new long[] {5, 5, 3}));
    }

    @Test
    void badOptionsAreUsageErrors() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(CometCli.UsageException.class, () -> BenchCommand.run(List.of("--cold", "--cache", "tepid"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> BenchCommand.run(List.of("--cold", "--cds", "maybe"), sink, sink));
        assertThrows(CometCli.UsageException.class, () -> BenchCommand.run(List.of("--cold", "--frobnicate"), sink, sink));
    }
}
