package org.cometsim.dalvik.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CodeCache}: intact entries only, atomic writes, LRU bound, off means off. */
class CodeCacheTest {
    private static final String KEY_A = CodeCache.key("a");
    private static final String KEY_B = CodeCache.key("b");
    private static final String KEY_C = CodeCache.key("c");

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    @Test
    void whatIsPutIsGot(@TempDir Path dir) {
        CodeCache c = CodeCache.at(dir);
        assertNull(c.get("d8", KEY_A));
        c.put("d8", KEY_A, bytes(1000, 1));
        assertArrayEquals(bytes(1000, 1), c.get("d8", KEY_A));
        assertNull(c.get("verified", KEY_A), "kinds are separate");
        c.put("d8", KEY_A, new byte[0]);
        assertArrayEquals(new byte[0], c.get("d8", KEY_A));
    }

    @Test
    void aTruncatedOrCorruptEntryIsAMissAndIsRemoved(@TempDir Path dir) throws Exception {
        CodeCache c = CodeCache.at(dir);
        Path entry = dir.resolve("d8").resolve(KEY_A + ".entry");
        for (int damage = 0; damage < 4; damage++) {
            c.put("d8", KEY_A, bytes(5000, 2));
            byte[] all = Files.readAllBytes(entry);
            byte[] bad = switch (damage) {
                case 0 -> Arrays.copyOf(all, all.length - 1); // truncated
                case 1 -> Arrays.copyOf(all, 20); // truncated inside the header
                case 2 -> { // one payload bit flipped
                    byte[] x = all.clone();
                    x[x.length - 100] ^= 4;
                    yield x;
                }
                default -> { // not an entry at all
                    byte[] x = all.clone();
                    x[0] = 'X';
                    yield x;
                }
            };
            Files.write(entry, bad);
            assertNull(c.get("d8", KEY_A), "damage " + damage);
            assertFalse(Files.exists(entry), "damage " + damage + ": the bad entry is removed");
        }
    }

    @Test
    void theLeastRecentlyUsedEntriesGoFirstWhenOverTheBound(@TempDir Path dir) throws Exception {
        CodeCache c = CodeCache.at(dir, 30_000);
        c.put("d8", KEY_A, bytes(10_000, 1));
        c.put("d8", KEY_B, bytes(10_000, 2));
        Path a = dir.resolve("d8").resolve(KEY_A + ".entry");
        Path b = dir.resolve("d8").resolve(KEY_B + ".entry");
        Files.setLastModifiedTime(a, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(b, FileTime.fromMillis(2_000_000));
        assertArrayEquals(bytes(10_000, 1), c.get("d8", KEY_A)); // a hit makes A the most recently used
        c.put("d8", KEY_C, bytes(10_000, 3)); // three entries (with headers) > 30 000: evict to <= 22 500
        assertNull(c.get("d8", KEY_B), "B was least recently used");
        assertArrayEquals(bytes(10_000, 3), c.get("d8", KEY_C));
        long total;
        try (Stream<Path> s = Files.list(dir.resolve("d8"))) {
            total = s.mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(total <= 22_500, "within 3/4 of the bound: " + total);
    }

    @Test
    void offReadsAndWritesNothing(@TempDir Path dir) {
        CodeCache off = CodeCache.fromEnvironment(Map.of("COMET_CACHE", "off", "COMET_CACHE_DIR", dir.toString()));
        assertSame(CodeCache.OFF, off);
        assertFalse(off.enabled());
        off.put("d8", KEY_A, bytes(10, 1));
        assertNull(off.get("d8", KEY_A));
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void theEnvironmentChoosesTheDirectoryAndBound(@TempDir Path dir) {
        assertEquals(dir, CodeCache.fromEnvironment(Map.of("COMET_CACHE_DIR", dir.toString())).root());
        assertEquals(dir, CodeCache.fromEnvironment(Map.of("COMET_CACHE", dir.toString())).root(), "the earlier variable");
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "comet-sim"), CodeCache.fromEnvironment(Map.of()).root());
        assertEquals(7L << 20, CodeCache.fromEnvironment(Map.of("COMET_CACHE_MAX_MB", "7")).maxBytes());
        assertThrows(IllegalArgumentException.class, () -> CodeCache.fromEnvironment(Map.of("COMET_CACHE_MAX_MB", "lots")));
        assertThrows(IllegalArgumentException.class, () -> CodeCache.fromEnvironment(Map.of("COMET_CACHE_MAX_MB", "0")));
    }

    @Test
    void concurrentWritersOfOneKeyLeaveAnIntactEntry(@TempDir Path dir) throws Exception {
        CodeCache c = CodeCache.at(dir);
        byte[] value = bytes(200_000, 5);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        c.put("d8", KEY_A, value);
                        byte[] got = c.get("d8", KEY_A);
                        // a reader sees the whole entry or (between a corrupt-check and a rename) none
                        assertTrue(got == null || Arrays.equals(value, got));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertArrayEquals(value, c.get("d8", KEY_A));
        try (Stream<Path> s = Files.list(dir.resolve("d8"))) {
            assertEquals(List.of(KEY_A + ".entry"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void keysDependOnEveryPartAndItsBoundaries() {
        assertNotEquals(CodeCache.key("ab", "c"), CodeCache.key("a", "bc"));
        assertEquals(CodeCache.key("x", "y"), CodeCache.key("x", "y"));
        assertEquals(64, CodeCache.contentHash("x".getBytes(StandardCharsets.UTF_8)).length());
    }

    @Test
    void packedListsRoundTripAndGarbageIsRejected() {
        List<byte[]> parts = List.of(bytes(3, 1), new byte[0], bytes(70, 2));
        List<byte[]> back = CodeCache.unpack(CodeCache.pack(parts));
        assertEquals(3, back.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(parts.get(i), back.get(i));
        }
        assertNull(CodeCache.unpack(new byte[] {0, 0, 0, 1, 0, 0, 0, 9, 1}));
        assertNull(CodeCache.unpack(new byte[] {1}));
    }
}
