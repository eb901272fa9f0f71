package org.cometsim.dalvik.load;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The persistent code cache (issue #17 item 2): what is costly to compute from a program's bytes
 * and depends on nothing else (D8's dex for a jar; which classes of a dex passed the verifier and
 * the validator), kept across runs so the second run of a program starts warm.
 *
 * <p>Rules that make a hit indistinguishable from a miss:
 * <ul>
 * <li>The key is a SHA-256 over the input's content, the tool's version (a fingerprint of the
 *     classes that compute the value, see {@link #fingerprint}) and every option that changes
 *     the value; a path or a time never enters it.</li>
 * <li>An entry is written to a temporary file in the same directory and renamed into place
 *     atomically, so concurrent runs (sweeps in parallel) see a whole entry or none; two writers of
 *     one key write the same bytes, and the last rename wins.</li>
 * <li>Each entry carries its length and the SHA-256 of its payload; a truncated or corrupt entry
 *     reads as a miss (and is removed), never as data.</li>
 * <li>Bounded: after a write, when the entries together exceed the limit ({@code COMET_CACHE_MAX_MB},
 *     default {@value #DEFAULT_MAX_MB} MiB), the least recently used go first (a hit touches the
 *     entry's modification time) until the total is under 3/4 of the limit.</li>
 * </ul>
 * {@code COMET_CACHE=off} (or {@code comet exec --no-cache}) bypasses it: nothing read, nothing written.
 */
public final class CodeCache {
    /** Default size bound, MiB: jgrapht's dex is ~1.5 MiB, so this holds hundreds of programs. */
    public static final long DEFAULT_MAX_MB = 512;

    /** The cache that holds nothing. */
    public static final CodeCache OFF = new CodeCache(null, 0);

    private static final byte[] MAGIC = "comet-cache-1\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".entry";

    private final Path root;
    private final long maxBytes;

    private CodeCache(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    /** A cache in {@code root} with the default size bound. */
    public static CodeCache at(Path root) {
        return new CodeCache(root, DEFAULT_MAX_MB << 20);
    }

    /** A cache in {@code root} bounded to {@code maxBytes}. */
    public static CodeCache at(Path root, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("the cache size bound must be positive");
        }
        return new CodeCache(root, maxBytes);
    }

    /**
     * The cache the environment asks for: off if {@code COMET_CACHE} is {@code off} (or {@code 0},
     * {@code false}, {@code no}); else in {@code COMET_CACHE_DIR}, else in {@code COMET_CACHE} when it
     * names a directory (what earlier versions read), else {@code ~/.cache/comet-sim}; bounded by
     * {@code COMET_CACHE_MAX_MB}.
     */
    public static CodeCache fromEnvironment(Map<String, String> env) {
        String mode = env.getOrDefault("COMET_CACHE", "").trim();
        if (List.of("off", "0", "false", "no").contains(mode.toLowerCase(java.util.Locale.ROOT))) {
            return OFF;
        }
        String dir = env.get("COMET_CACHE_DIR");
        Path root;
        if (dir != null && !dir.isBlank()) {
            root = Path.of(dir);
        } else if (!mode.isEmpty() && !List.of("on", "1", "true", "yes").contains(mode.toLowerCase(java.util.Locale.ROOT))) {
            root = Path.of(mode);
        } else {
            root = Path.of(System.getProperty("user.home"), ".cache", "comet-sim");
        }
        long max = DEFAULT_MAX_MB;
        String m = env.get("COMET_CACHE_MAX_MB");
        if (m != null && !m.isBlank()) {
            try {
                max = Long.parseLong(m.trim());
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max <= 0 || max > (1L << 40)) {
                throw new IllegalArgumentException("COMET_CACHE_MAX_MB must be a positive number of MiB, not '"
                        + Messages.printable(m) + "'");
            }
        }
        return new CodeCache(root, max << 20);
    }

    public boolean enabled() {
        return root != null;
    }

    /** The directory, or null when off. */
    public Path root() {
        return root;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The payload stored under {@code kind}/{@code key}, or null when there is none or it is not
     * intact (a corrupt entry is removed). Never throws: the cache only ever saves work.
     */
    public byte[] get(String kind, String key) {
        if (root == null) {
            return null;
        }
        Path p = entry(kind, key);
        byte[] all;
        try {
            all = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
        byte[] payload = unwrap(all);
        if (payload == null) {
            try {
                Files.deleteIfExists(p); // truncated or corrupt: recomputed and rewritten by the caller
            } catch (IOException | RuntimeException ignored) {
                // another run may be replacing it right now; a miss either way
            }
            return null;
        }
        try {
            Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis())); // for LRU eviction
        } catch (IOException | RuntimeException ignored) {
            // a read-only cache still serves hits
        }
        return payload;
    }

    /**
     * Stores {@code payload} under {@code kind}/{@code key} atomically, then evicts down to the
     * bound if needed. Failures (full disk, read-only directory) are ignored: the cache is an
     * optimisation, never a reason for a run to fail.
     */
    public void put(String kind, String key, byte[] payload) {
        if (root == null) {
            return;
        }
        Path p = entry(kind, key);
        Path tmp = null;
        try {
            Files.createDirectories(p.getParent());
            tmp = Files.createTempFile(p.getParent(), "tmp-", ".part");
            Files.write(tmp, wrap(payload));
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException | RuntimeException e) {
            return;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
        evictIfOver();
    }

    private Path entry(String kind, String key) {
        if (!kind.matches("[a-z0-9-]+") || !key.matches("[0-9a-f]{16,128}")) {
            throw new IllegalArgumentException("bad cache kind or key: " + kind + "/" + key);
        }
        return root.resolve(kind).resolve(key + SUFFIX);
    }

    /** magic, payload length (8 bytes), SHA-256 of the payload (32 bytes), payload. */
    static byte[] wrap(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 8 + 32 + payload.length);
        b.put(MAGIC).putLong(payload.length).put(sha256Bytes(payload)).put(payload);
        return b.array();
    }

    /** The payload of an intact entry, else null. */
    static byte[] unwrap(byte[] all) {
        int head = MAGIC.length + 8 + 32;
        if (all.length < head || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(all);
        b.position(MAGIC.length);
        long len = b.getLong();
        if (len != all.length - head) {
            return null;
        }
        byte[] digest = new byte[32];
        b.get(digest);
        byte[] payload = Arrays.copyOfRange(all, head, all.length);
        return Arrays.equals(digest, sha256Bytes(payload)) ? payload : null;
    }

    /** Least recently used entries removed until the total is under 3/4 of the bound. */
    private void evictIfOver() {
        record Item(Path path, long size, long used) {
        }
        List<Item> items = new ArrayList<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(root, 2)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!p.getFileName().toString().endsWith(SUFFIX)) {
                    continue;
                }
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    items.add(new Item(p, a.size(), a.lastModifiedTime().toMillis()));
                    total += a.size();
                } catch (IOException ignored) {
                    // removed by another run meanwhile
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        if (total <= maxBytes) {
            return;
        }
        items.sort(Comparator.comparingLong(Item::used).thenComparing(i -> i.path().toString()));
        long target = maxBytes / 4 * 3;
        for (Item i : items) {
            if (total <= target) {
                break;
            }
            try {
                Files.deleteIfExists(i.path());
            } catch (IOException ignored) {
                // best effort
            }
            total -= i.size();
        }
    }

    // ------------------------------------------------------------------ keys

    /** SHA-256 of the parts, each length-prefixed (so no two lists of parts collide), as hex. */
    public static String key(String... parts) {
        MessageDigest md = sha256();
        for (String s : parts) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            md.update(ByteBuffer.allocate(4).putInt(b.length).array());
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of {@code bytes}, as hex. */
    public static String contentHash(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Bytes(bytes));
    }

    /**
     * A version of the tool for cache keys: SHA-256 over the class files of {@code classes} (the
     * code computing a cached value), so a rebuilt verifier or converter never reads an old verdict.
     */
    public static String fingerprint(Class<?>... classes) {
        MessageDigest md = sha256();
        for (Class<?> c : classes) {
            String res = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
            try (InputStream in = c.getResourceAsStream(res)) {
                md.update(c.getName().getBytes(StandardCharsets.UTF_8));
                if (in != null) {
                    md.update(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** {@link #fingerprint} of class files named relative to {@code anchor}'s package (classes not visible here). */
    public static String fingerprintOf(Class<?> anchor, String... classFiles) {
        MessageDigest md = sha256();
        for (String res : classFiles) {
            try (InputStream in = anchor.getResourceAsStream(res)) {
                md.update(res.getBytes(StandardCharsets.UTF_8));
                if (in != null) {
                    md.update(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A list of byte arrays as one payload (count, then each length and bytes). */
    public static byte[] pack(List<byte[]> parts) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bos)) {
            out.writeInt(parts.size());
            for (byte[] p : parts) {
                out.writeInt(p.length);
                out.write(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    /** The inverse of {@link #pack}; null if the payload is not one. */
    public static List<byte[]> unpack(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload))) {
            int n = in.readInt();
            if (n < 0 || n > 100_000) {
                return null;
            }
            List<byte[]> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                if (len < 0 || len > in.available()) {
                    return null;
                }
                out.add(in.readNBytes(len));
            }
            return in.available() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256Bytes(byte[] data) {
        return sha256().digest(data);
    }
}
