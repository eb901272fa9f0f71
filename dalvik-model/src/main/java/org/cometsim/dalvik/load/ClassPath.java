package org.cometsim.dalvik.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.ClassDef;

/**
 * A guest class path: {@code .dex} files, {@code .jar} files (converted with {@link D8Converter})
 * and {@code .apk}/{@code .zip} archives (all {@code classes*.dex} inside, in multidex order).
 * Parsing is eager enough to reject truncated or corrupt files at load time with a one-line
 * message naming the file.
 */
public final class ClassPath {
    /** One parsed dex image and where it came from. */
    public record DexImage(String origin, DexBackedDexFile dex) {
    }

    private final List<DexImage> images = new ArrayList<>();
    private final LoadLimits limits;
    /** Bytes of dex (and class files given to D8) this class path has read, against {@link LoadLimits#maxClassPathBytes}. */
    private long bytesHeld;
    /** Descriptor → definition, first image wins (as on java's class path); built on first use. */
    private Map<String, ClassDef> definitions;
    /** Definitions read out once (see {@link ParsedClass}), shared by every VM on this class path. */
    private final ConcurrentHashMap<String, ParsedClass> parsed = new ConcurrentHashMap<>();
    /** The verifier's cached passes per image (same order as {@link #images}; null entries when the cache is off). */
    private final List<VerifiedClasses> verdicts = new ArrayList<>();
    /** Descriptor → the verdicts of the image that defines it; built with {@link #definitions}. */
    private Map<String, VerifiedClasses> verdictsByClass;
    /** The persistent cache of loader verdicts: off unless {@link #parse} or {@link #useCache} sets it. */
    private CodeCache cache = CodeCache.OFF;

    public List<DexImage> images() {
        return Collections.unmodifiableList(images);
    }

    /** The class definitions on this class path (descriptor → definition), first image winning. */
    public synchronized Map<String, ClassDef> definitions() {
        if (definitions == null) {
            Map<String, ClassDef> m = new HashMap<>();
            Map<String, VerifiedClasses> v = new HashMap<>();
            for (int i = 0; i < images.size(); i++) {
                for (DexBackedClassDef def : images.get(i).dex().getClasses()) {
                    if (m.putIfAbsent(def.getType(), def) == null && verdicts.get(i) != null) {
                        v.put(def.getType(), verdicts.get(i));
                    }
                }
            }
            definitions = Collections.unmodifiableMap(m);
            verdictsByClass = v;
        }
        return definitions;
    }

    /** Whether a class of this descriptor is defined on this class path. */
    public boolean defines(String descriptor) {
        return definitions().containsKey(descriptor);
    }

    /**
     * The class of this descriptor read out for linking (once per class path, then shared), or
     * null if the class path does not define it.
     */
    public ParsedClass parsedClass(String descriptor) {
        ParsedClass p = parsed.get(descriptor);
        if (p != null) {
            return p;
        }
        ClassDef def = definitions().get(descriptor);
        if (def == null) {
            return null;
        }
        VerifiedClasses v;
        synchronized (this) {
            v = verdictsByClass.get(descriptor);
        }
        return parsed.computeIfAbsent(descriptor, d -> new ParsedClass(def, v));
    }

    /**
     * Stores in the code cache which classes passed the verifier in this run, so later runs of the
     * same dex skip them (call when a run is over; a no-op when the cache is off).
     */
    public synchronized void saveVerdicts() {
        for (VerifiedClasses v : verdicts) {
            if (v != null) {
                v.save();
            }
        }
    }

    /** Uses {@code cache} for the loader's verdicts on dex files added from now on. */
    public synchronized void useCache(CodeCache cache) {
        this.cache = cache;
    }

    /** Parses a {@code -cp} string (entries separated by {@code :} or the platform separator). */
    public static ClassPath parse(String cp, D8Converter d8) throws LoadException {
        return parse(cp, d8, LoadLimits.DEFAULT);
    }

    /** {@link #parse(String, D8Converter)} within the given bounds on what is read. */
    public static ClassPath parse(String cp, D8Converter d8, LoadLimits limits) throws LoadException {
        ClassPath out = new ClassPath(limits);
        out.useCache(d8.cache());
        String sep = cp.contains(java.io.File.pathSeparator) ? java.io.File.pathSeparator : ":";
        boolean any = false;
        for (String entry : cp.split(java.util.regex.Pattern.quote(sep))) {
            if (!entry.isEmpty()) {
                any = true;
                Path p;
                try {
                    p = Path.of(entry);
                } catch (InvalidPathException e) {
                    // Under LANG=C the JVM decodes file names as ASCII: a non-ASCII name cannot be
                    // turned back into the bytes on disk, so it cannot be opened at all.
                    throw new LoadException(entry + ": cannot open: the file name is not valid in the platform's"
                            + " file-name encoding (" + System.getProperty("sun.jnu.encoding", "?")
                            + "); run under a UTF-8 locale, e.g. LANG=C.UTF-8");
                }
                out.add(p, d8);
            }
        }
        if (!any) {
            throw new LoadException("the class path is empty");
        }
        // Entries that exist but hold no classes (or do not exist) are no error, as for java: a
        // class then is not found, naming the class.
        return out;
    }

    public ClassPath() {
        this(LoadLimits.DEFAULT);
    }

    public ClassPath(LoadLimits limits) {
        this.limits = limits;
    }

    /** Cache kind of the validator's passes (an empty marker per dex content). */
    static final String VALIDATED_KIND = "validated";
    private static final String VALIDATOR_VERSION = CodeCache.fingerprint(DexValidator.class, ClassPath.class);

    public LoadLimits limits() {
        return limits;
    }

    /**
     * Adds a class-path entry as {@code java -cp} takes it: a dex file, a jar/apk/zip (its
     * classes*.dex, else its .class files through D8), or a directory of .class files. As
     * {@code java} does, a missing entry, a directory without class files and an archive without
     * classes (an empty or resource-only jar, like Guava's listenablefuture-9999.0-empty jar)
     * add nothing; a file that is there but unreadable, corrupt, over the limits or not a regular
     * file is an error.
     */
    public void add(Path entry, D8Converter d8) throws LoadException {
        BasicFileAttributes attrs;
        try {
            // Follows symbolic links: a link to /dev/zero is judged by what it points to.
            attrs = Files.readAttributes(entry, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return; // as java: a missing entry adds nothing
        } catch (IOException | SecurityException e) {
            throw new LoadException(entry + ": cannot read: " + Messages.describe(e));
        }
        if (attrs.isDirectory()) {
            List<Path> classFiles;
            try (java.util.stream.Stream<Path> files = Files.walk(entry)) {
                classFiles = files.filter(f -> f.getFileName().toString().endsWith(".class") && Files.isRegularFile(f))
                        .sorted().collect(java.util.stream.Collectors.toList());
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new LoadException(entry + ": cannot read directory: " + Messages.describe(e));
            }
            if (!classFiles.isEmpty()) {
                List<byte[]> converted = d8.convertClassFiles(classFiles, false, entry.toString());
                for (int i = 0; i < converted.size(); i++) {
                    reserve(entry + " (D8 output " + (i + 1) + ")", converted.get(i).length);
                    addDex(entry + " (D8 output " + (i + 1) + ")", converted.get(i), false);
                }
            }
            return;
        }
        if (!attrs.isRegularFile()) {
            // Refused before open(): opening a FIFO blocks until a writer comes, and a device or
            // socket has no end.
            throw new LoadException(entry + ": not a regular file (a FIFO, device or socket); give a .dex, .jar or .apk file");
        }
        if (attrs.size() > limits.maxInputBytes()) {
            throw new LoadException(entry + ": the file is " + attrs.size() + " bytes, over the limit of "
                    + LoadLimits.mib(limits.maxInputBytes()) + " for one class-path file (COMET_MAX_INPUT_MB)");
        }
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        byte[] head = readHead(entry);
        if (name.endsWith(".dex") || startsWith(head, "dex\n")) {
            reserve(entry.toString(), attrs.size());
            addDex(entry.toString(), readAll(entry, limits.maxInputBytes()), false);
        } else if (name.endsWith(".jar") || name.endsWith(".apk") || name.endsWith(".zip") || startsWith(head, "PK")) {
            List<Map.Entry<String, byte[]>> dexes = dexEntries(entry);
            if (!dexes.isEmpty()) {
                for (Map.Entry<String, byte[]> d : dexes) {
                    addDex(entry + "!" + d.getKey(), d.getValue(), false);
                }
            } else if (hasClassFiles(entry)) {
                List<byte[]> converted = d8.convertJar(entry, limits);
                for (int i = 0; i < converted.size(); i++) {
                    reserve(entry + " (D8 output " + (i + 1) + ")", converted.get(i).length);
                    addDex(entry + " (D8 output " + (i + 1) + ")", converted.get(i), false);
                }
            }
            // else: an archive without classes (resources only, or empty) adds nothing, as for java.
        } else {
            throw new LoadException(entry + ": not a .dex, .jar or .apk file");
        }
    }

    /** Counts {@code bytes} more held by this class path, refusing them over the total limit. */
    private synchronized void reserve(String origin, long bytes) throws LoadException {
        if (bytesHeld + bytes > limits.maxClassPathBytes()) {
            throw new LoadException(origin + ": the class path would hold " + (bytesHeld + bytes)
                    + " bytes of code, over the limit of " + LoadLimits.mib(limits.maxClassPathBytes())
                    + " (COMET_MAX_CLASSPATH_MB)");
        }
        bytesHeld += bytes;
    }

    public void addDex(String origin, byte[] bytes) throws LoadException {
        addDex(origin, bytes, true);
    }

    private void addDex(String origin, byte[] bytes, boolean count) throws LoadException {
        addDex(origin, bytes, count, true);
    }

    /**
     * The guest library's own dex (built by this project and shipped in its jar, never user
     * input): the header checks, without {@link DexValidator}'s full read (~15 ms of CPU warm,
     * several times that in a fresh JVM).
     */
    void addTrustedDex(String origin, byte[] bytes) throws LoadException {
        addDex(origin, bytes, true, false);
    }

    private void addDex(String origin, byte[] bytes, boolean count, boolean validate) throws LoadException {
        if (count) {
            reserve(origin, bytes.length);
        }
        if (bytes.length < 0x70 || !startsWith(bytes, "dex\n")) {
            throw new LoadException(origin + ": not a dex file (bad magic or shorter than the 112-byte header)");
        }
        String version = new String(bytes, 4, 3, java.nio.charset.StandardCharsets.ISO_8859_1);
        int v = -1;
        if (version.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            v = Integer.parseInt(version);
        } else {
            throw new LoadException(origin + ": bad dex version '" + version + "'");
        }
        if (v < 35 || v > 39) {
            throw new LoadException(origin + ": dex version " + version + " is not supported (035-039 are)");
        }
        int fileSize = readInt(bytes, 0x20);
        if (fileSize != bytes.length) {
            throw new LoadException(origin + ": truncated or corrupt dex (header says " + Integer.toUnsignedString(fileSize)
                    + " bytes, file has " + bytes.length + ")");
        }
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(bytes, 12, bytes.length - 12);
        if ((int) adler.getValue() != readInt(bytes, 8)) {
            throw new LoadException(origin + ": corrupt dex (Adler-32 checksum mismatch)");
        }
        DexBackedDexFile dex;
        try {
            dex = new DexBackedDexFile(Opcodes.forDexVersion(v), bytes);
        } catch (RuntimeException e) {
            throw new LoadException(origin + ": corrupt dex (" + Messages.describe(e) + ")");
        }
        CodeCache c;
        synchronized (this) {
            c = cache;
        }
        String contentHash = c.enabled() ? CodeCache.contentHash(bytes) : null;
        // Every id table and data item read now, so corruption is reported here, naming the item;
        // once per dex content and validator version when the cache is on (a pure function of the bytes).
        if (validate) {
            String key = contentHash == null ? null : CodeCache.key(VALIDATED_KIND, contentHash, VALIDATOR_VERSION);
            if (key == null || c.get(VALIDATED_KIND, key) == null) {
                DexValidator.validate(origin, dex, bytes.length);
                if (key != null) {
                    c.put(VALIDATED_KIND, key, new byte[] {1});
                }
            }
        }
        VerifiedClasses passes = contentHash == null ? null : VerifiedClasses.load(c, contentHash);
        synchronized (this) {
            images.add(new DexImage(origin, dex));
            verdicts.add(passes);
            definitions = null;
            parsed.clear();
        }
    }

    /**
     * The dex entries of an apk as Android's runtime takes them: {@code classes.dex}, then
     * {@code classes2.dex}, {@code classes3.dex} ... up to the first missing ordinal. Other
     * {@code classes*.dex} names ({@code classes1.dex}, {@code classes02.dex},
     * {@code classes99999999999.dex}) are not multidex entries and are ignored, as on a device.
     */
    private List<Map.Entry<String, byte[]>> dexEntries(Path archive) throws LoadException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<Map.Entry<String, byte[]>> out = new ArrayList<>();
            long inflated = 0;
            for (int ordinal = 1; ; ordinal++) {
                String n = ordinal == 1 ? "classes.dex" : "classes" + ordinal + ".dex";
                ZipEntry e = zip.getEntry(n);
                if (e == null || e.isDirectory()) {
                    if (ordinal == 1 && zip.stream().anyMatch(x -> x.getName().matches("classes[0-9]+\\.dex"))) {
                        throw new LoadException(archive + ": has classes<N>.dex entries but no classes.dex");
                    }
                    break;
                }
                long room = Math.min(limits.maxEntryBytes(), limits.maxInflatedBytes() - inflated);
                byte[] bytes = readEntry(archive, zip, e, room);
                inflated += bytes.length;
                reserve(archive + "!" + n, bytes.length);
                out.add(Map.entry(n, bytes));
            }
            return out;
        } catch (ZipException e) {
            throw new LoadException(archive + ": truncated or corrupt archive (" + Messages.describe(e) + ")");
        } catch (IOException | RuntimeException e) {
            throw new LoadException(archive + ": cannot read archive (" + Messages.describe(e) + ")");
        }
    }

    /**
     * An entry inflated, at most {@code room} bytes (the entry and archive limits): a zip bomb is
     * stopped after reading {@code room} bytes, whatever its header claims.
     */
    static byte[] readEntry(Path archive, ZipFile zip, ZipEntry e, long room) throws IOException, LoadException {
        if (e.getSize() > room) {
            throw new LoadException(archive + "!" + e.getName() + ": inflates to " + e.getSize()
                    + " bytes, over the limit (COMET_MAX_ENTRY_MB " + "/ COMET_MAX_INFLATED_MB)");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes((int) Math.min(room + 1, Integer.MAX_VALUE - 16));
            if (bytes.length > room) {
                throw new LoadException(archive + "!" + e.getName() + ": inflates to more than " + room
                        + " bytes, over the limit (COMET_MAX_ENTRY_MB / COMET_MAX_INFLATED_MB)");
            }
            return bytes;
        }
    }

    private static boolean hasClassFiles(Path archive) throws LoadException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().endsWith(".class"));
        } catch (IOException | RuntimeException e) {
            throw new LoadException(archive + ": truncated or corrupt archive (" + Messages.describe(e) + ")");
        }
    }

    private static byte[] readAll(Path p, long max) throws LoadException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] bytes = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 16));
            if (bytes.length > max) {
                throw new LoadException(p + ": the file grew past the limit of " + LoadLimits.mib(max) + " while read");
            }
            return bytes;
        } catch (IOException e) {
            throw new LoadException(p + ": cannot read: " + Messages.describe(e));
        }
    }

    private static byte[] readHead(Path p) throws LoadException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new LoadException(p + ": cannot read: " + Messages.describe(e));
        }
    }

    private static boolean startsWith(byte[] b, String magic) {
        if (b.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (b[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
