package org.cometsim.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * One named SSJ {@link MRG32k3a} stream per stochastic source of a scenario.
 *
 * <p>Why named streams: with one shared generator, adding a jitter draw to the uplink would
 * shift every later draw of the downlink's loss process, so two configurations could not be
 * compared with common random numbers. Here the stream called {@code "link/uplink/jitter"} is
 * the same sequence whatever else the scenario draws, and whichever stream was created first.
 *
 * <p>Derivation: the six-word MRG32k3a seed is the first 24 bytes of
 * {@code SHA-256("comet-sim/RandomStreams/v1" ‖ scenarioSeed (8 bytes, big-endian) ‖ UTF-8 name)},
 * read as six unsigned 32-bit words, each reduced modulo the generator's modulus (m1 for words
 * 0–2, m2 for 3–5). SSJ's own {@code MRG32k3a()} constructor advances a JVM-wide package seed;
 * we overwrite that state with {@code setSeed} at once, so nothing global leaks into a stream.
 *
 * <p>Names are free-form; convention: {@code "<model>/<instance>/<quantity>"}.
 */
public final class RandomStreams {

    private static final long M1 = 4294967087L;
    private static final long M2 = 4294944443L;
    private static final byte[] DOMAIN = "comet-sim/RandomStreams/v1".getBytes(StandardCharsets.UTF_8);

    private final long scenarioSeed;
    private final Map<String, MRG32k3a> byName = new TreeMap<>();

    public RandomStreams(long scenarioSeed) {
        this.scenarioSeed = scenarioSeed;
    }

    public long scenarioSeed() {
        return scenarioSeed;
    }

    /**
     * The stream for {@code name}; the same instance on every call with the same name (so a
     * source keeps consuming one sequence), created on first use.
     */
    public RandomStream stream(String name) {
        return byName.computeIfAbsent(name, n -> {
            MRG32k3a s = new MRG32k3a(n);
            s.setSeed(seedFor(scenarioSeed, n));
            return s;
        });
    }

    /** Names of the streams created so far, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /** The MRG32k3a seed the stream {@code name} starts from under {@code scenarioSeed}. */
    public static long[] seedFor(long scenarioSeed, String name) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
        sha.update(DOMAIN);
        sha.update(ByteBuffer.allocate(8).putLong(scenarioSeed).array());
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        ByteBuffer d = ByteBuffer.wrap(sha.digest());
        long[] seed = new long[6];
        for (int i = 0; i < 6; i++) {
            long word = Integer.toUnsignedLong(d.getInt());
            seed[i] = word % (i < 3 ? M1 : M2);
        }
        // MRG32k3a rejects an all-zero half; the chance is ~2^-96, but be exact.
        if (seed[0] == 0 && seed[1] == 0 && seed[2] == 0) {
            seed[0] = 1;
        }
        if (seed[3] == 0 && seed[4] == 0 && seed[5] == 0) {
            seed[3] = 1;
        }
        return seed;
    }
}
