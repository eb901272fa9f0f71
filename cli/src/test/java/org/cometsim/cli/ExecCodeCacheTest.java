package org.cometsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cometsim.dalvik.load.CodeCache;
import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code cache (issue #17 item 2) never changes what a run prints: a program given as a jar
 * (so D8 converts it, the validator reads it and the verifier checks its classes) prints the same
 * output and the same simulated-time report with the cache cold, warm and off.
 */
class ExecCodeCacheTest {

    private static String[] exec(List<String> cp, CodeCache cache, boolean noCache) {
        Workload w = WorkloadCatalog.get("tripplanner");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new java.util.ArrayList<>(noCache ? List.of("--no-cache") : List.of());
        args.addAll(List.of("--cpu", "phone-2012-hummingbird-portable", "-cp", String.join(java.io.File.pathSeparator, cp),
                w.mainClass()));
        args.addAll(w.args(Size.SMALL));
        int status = ExecCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cache);
        return new String[] {Integer.toString(status), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static List<String> entries(Path cacheDir, String kind) throws Exception {
        Path d = cacheDir.resolve(kind);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".entry")).sorted().toList();
        }
    }

    @Test
    void coldWarmAndOffRunsPrintTheSameOutputAndFigures(@TempDir Path dir) throws Exception {
        Path[] jars = WorkloadCatalog.extract(WorkloadCatalog.get("tripplanner"), dir.resolve("jars"), Kind.JAR);
        List<String> cp = Stream.of(jars).map(Path::toString).toList();
        Path cacheDir = dir.resolve("cache");
        CodeCache cache = CodeCache.at(cacheDir);

        String[] cold = exec(cp, cache, false);
        assertEquals("0", cold[0], cold[2]);
        assertTrue(cold[2].contains("completion time"), cold[2]);
        assertEquals(1, entries(cacheDir, "d8").size(), "the jar's dex is cached");
        assertEquals(1, entries(cacheDir, "validated").size(), "the validator's pass is cached");
        assertEquals(1, entries(cacheDir, "verified").size(), "the verifier's passes are cached");

        String[] warm = exec(cp, cache, false);
        String[] off = exec(cp, cache, true);
        for (String[] r : List.of(warm, off)) {
            assertEquals(cold[0], r[0]);
            assertEquals(cold[1], r[1], "stdout");
            assertEquals(cold[2], r[2], "simulated-time report");
        }
    }
}
