package org.cometsim.workloads;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog is consistent and every resource it names was built into target/classes. */
class WorkloadCatalogTest {

    @Test
    void namesAreUniqueAndEveryCategoryIsCovered() {
        Set<String> names = new HashSet<>();
        Set<Category> categories = new HashSet<>();
        for (Workload w : WorkloadCatalog.all()) {
            assertTrue(names.add(w.name()), "duplicate " + w.name());
            categories.add(w.category());
            assertEquals(WorkloadCatalog.APPS, w.libraries().get(0), w.name() + ": comet-apps must come first");
            for (Size s : Size.values()) {
                assertEquals(s.arg(), w.args(s).get(0), w.name() + ": size word must be the first argument");
            }
        }
        assertEquals(Set.of(Category.values()), categories);
        assertTrue(WorkloadCatalog.all().stream().filter(w -> w.threads() > 1).count() >= 2,
                "at least two multi-threaded workloads");
    }

    @Test
    void everyDexAndJarResourceExists() throws Exception {
        for (Workload w : WorkloadCatalog.all()) {
            for (Kind kind : Kind.values()) {
                List<String> res = WorkloadCatalog.resources(w, kind);
                assertEquals(kind == Kind.JAR ? w.libraries().size() : res.size(), res.size());
                for (String r : res) {
                    try (InputStream in = WorkloadCatalog.open(r)) {
                        byte[] head = in.readNBytes(4);
                        if (kind == Kind.DEX) {
                            assertEquals("dex\n", new String(head, java.nio.charset.StandardCharsets.ISO_8859_1), r);
                        } else {
                            assertEquals('P', head[0], r);
                            assertEquals('K', head[1], r);
                        }
                    }
                }
            }
        }
    }

    @Test
    void mainClassesAreInTheAppsJar() throws Exception {
        Path appsJar = Paths.get("target/classes/workloads/jars/comet-apps.jar");
        assertTrue(Files.isRegularFile(appsJar), "build the module with mvn first");
        try (ZipFile zip = new ZipFile(appsJar.toFile())) {
            for (Workload w : WorkloadCatalog.all()) {
                assertNotNull(zip.getEntry(w.mainClass().replace('.', '/') + ".class"), w.mainClass());
            }
            assertTrue(zip.stream().noneMatch(e -> e.getName().startsWith("org/cometsim/workloads/build/")),
                    "build-time classes must not be in the guest jar");
            assertTrue(zip.stream().noneMatch(e -> e.getName().equals("org/cometsim/workloads/WorkloadCatalog.class")),
                    "host-side catalog must not be in the guest jar");
        }
    }

    @Test
    void extractWritesClassPathInOrder() throws Exception {
        Path dir = Files.createTempDirectory("workloads-extract-");
        Workload w = WorkloadCatalog.get("chess");
        Path[] dex = WorkloadCatalog.extract(w, dir, Kind.DEX);
        assertEquals("comet-apps.dex", dex[0].getFileName().toString());
        assertEquals("chess-engine.dex", dex[dex.length - 1].getFileName().toString());
        for (Path p : dex) {
            assertTrue(Files.size(p) > 0);
        }
        String cp = WorkloadCatalog.classPath(dex);
        assertTrue(cp.endsWith("chess-engine.dex"));
        assertFalse(cp.startsWith(java.io.File.pathSeparator));
    }

    @Test
    void timedSciMarkIgnoresOnlyTimingLines() {
        Workload w = WorkloadCatalog.get("scimark-timed");
        assertFalse(w.deterministic());
        assertTrue(w.ignores("Composite Score: 378.2"));
        assertTrue(w.ignores("LU (100x100): 222.2"));
        assertTrue(w.ignores("java.version: 17.0.15"));
        assertFalse(w.ignores("SciMark 2.0a"));
        assertFalse(w.ignores("scimark size=small mode=timed minTime=0.01"));
    }
}
