package org.cometsim.dalvik.load;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.cometsim.dalvik.code.Decoder;
import org.cometsim.dalvik.code.Verifier;

/**
 * The verifier's passes for one dex image, kept in the {@link CodeCache} (issue #18's verify cost,
 * issue #17's warm second run): the verifier is a pure function of a class definition, so a class
 * of byte-identical dex that passed once, with the same verifier, passes again and need not be
 * verified. Only passes are kept; a failing class is verified (and fails) on every run, so its
 * message is always the verifier's own.
 */
final class VerifiedClasses {
    static final String CACHE_KIND = "verified";

    /** The verifier's version for the key: its classes and the decoder its checks run on. */
    private static final String VERIFIER_VERSION = CodeCache.fingerprint(Verifier.class, Decoder.class,
            ParsedClass.class, VerifiedClasses.class)
            + CodeCache.fingerprintOf(Verifier.class, "MethodVerifier.class"); // package-private: read by file name

    private final CodeCache cache;
    private final String key;
    private final Set<String> known;
    private final Set<String> added = ConcurrentHashMap.newKeySet();

    private VerifiedClasses(CodeCache cache, String key, Set<String> known) {
        this.cache = cache;
        this.key = key;
        this.known = known;
    }

    /** The passes recorded for a dex image of this content hash, read from the cache. */
    static VerifiedClasses load(CodeCache cache, String dexContentHash) {
        String key = CodeCache.key(CACHE_KIND, dexContentHash, VERIFIER_VERSION);
        Set<String> known = new TreeSet<>();
        byte[] payload = cache.get(CACHE_KIND, key);
        if (payload != null) {
            for (String d : new String(payload, StandardCharsets.UTF_8).split("\n")) {
                if (!d.isEmpty()) {
                    known.add(d);
                }
            }
        }
        return new VerifiedClasses(cache, key, known);
    }

    /** Whether the class passed the verifier in an earlier run. */
    boolean passedBefore(String descriptor) {
        return known.contains(descriptor);
    }

    /** Notes that the class passed in this run. */
    void passed(String descriptor) {
        if (!known.contains(descriptor)) {
            added.add(descriptor);
        }
    }

    /** Writes the union of earlier and new passes, if there are new ones. */
    void save() {
        if (added.isEmpty()) {
            return;
        }
        TreeSet<String> all = new TreeSet<>(known);
        all.addAll(added);
        cache.put(CACHE_KIND, key, String.join("\n", all).getBytes(StandardCharsets.UTF_8));
    }
}
