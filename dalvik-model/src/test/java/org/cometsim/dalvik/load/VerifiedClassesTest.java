package org.cometsim.dalvik.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cometsim.dalvik.conformance.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier's passes in the code cache: recorded per dex content after a run, read back by a
 * later class path of the same bytes (whose verdicts then agree), never applied to other bytes.
 */
class VerifiedClassesTest {

    private static byte[] seedDex() throws Exception {
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(Corpus.testClasses().resolve("golden"), 1)) {
            classes = walk.filter(p -> p.getFileName().toString().startsWith("G003_ControlFlow")).sorted()
                    .collect(Collectors.toList());
        }
        return new D8Converter(Path.of("target", "d8-cache")).convertClassFiles(classes, false, "verdicts seed").get(0);
    }

    private static Set<String> recorded(Path cacheDir) throws Exception {
        Set<String> out = new TreeSet<>();
        Path kind = cacheDir.resolve(VerifiedClasses.CACHE_KIND);
        if (!Files.isDirectory(kind)) {
            return out;
        }
        try (Stream<Path> s = Files.list(kind)) {
            for (Path p : s.toList()) {
                byte[] payload = CodeCache.unwrap(Files.readAllBytes(p));
                for (String d : new String(payload, StandardCharsets.UTF_8).split("\n")) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    @Test
    void passesAreRecordedOncePerContentAndAgreeLater(@TempDir Path dir) throws Exception {
        byte[] dex = seedDex();
        CodeCache cache = CodeCache.at(dir);

        ClassPath first = new ClassPath();
        first.useCache(cache);
        first.addDex("first", dex);
        Set<String> classes = new TreeSet<>(first.definitions().keySet());
        for (String d : classes) {
            assertNull(first.parsedClass(d).verificationFailure(), d);
        }
        assertEquals(Set.of(), recorded(dir), "nothing written before the run is over");
        first.saveVerdicts();
        assertEquals(classes, recorded(dir));

        ClassPath second = new ClassPath();
        second.useCache(cache);
        second.addDex("second", dex);
        for (String d : classes) {
            assertNull(second.parsedClass(d).verificationFailure(), d);
        }
        second.saveVerdicts(); // nothing new: the entry is not rewritten
        assertEquals(classes, recorded(dir));

        // Other bytes (one byte of the header's padding-free signature area changed, checksum kept
        // right) have another key: nothing recorded applies to them.
        byte[] other = dex.clone();
        other[12] ^= 1; // the SHA-1 signature: not checked by the loader, but part of the content hash
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(other, 12, other.length - 12);
        int sum = (int) adler.getValue();
        for (int i = 0; i < 4; i++) {
            other[8 + i] = (byte) (sum >>> (8 * i));
        }
        ClassPath third = new ClassPath();
        third.useCache(cache);
        third.addDex("third", other);
        third.saveVerdicts();
        assertEquals(1, Files.list(dir.resolve(VerifiedClasses.CACHE_KIND)).count(), "no verdicts for unverified bytes");
        assertTrue(VerifiedClasses.load(cache, CodeCache.contentHash(dex)).passedBefore(classes.iterator().next()));
        assertTrue(!VerifiedClasses.load(cache, CodeCache.contentHash(other)).passedBefore(classes.iterator().next()));
    }
}
