package org.cometsim.dalvik.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.Diagnostic;
import com.android.tools.r8.DiagnosticsHandler;
import com.android.tools.r8.JdkClassFileProvider;
import com.android.tools.r8.OutputMode;
import com.android.tools.r8.origin.ArchiveEntryOrigin;
import com.android.tools.r8.origin.PathOrigin;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.DexFile;
import org.jf.dexlib2.writer.io.FileDataStore;
import org.jf.dexlib2.writer.pool.DexPool;

/**
 * Converts Java class files (a jar, or a directory of classes) to dex in-process with D8, the way
 * an Android build would: desugaring on, min-api {@value #MIN_API} (default and
 * static interface methods stay in the code, lambdas and string concatenation are desugared),
 * the running JDK as the library. Results are kept in the {@link CodeCache} (kind {@value #CACHE_KIND}),
 * keyed by the SHA-256 of the input, the settings and this converter's own version.
 *
 * <p>Every boxing call of the class files stays in the dex ({@link BoxingCalls}: D8 would merge
 * {@code valueOf} calls with equal constant arguments, which changes what {@code ==} on boxes
 * observes).
 */
public final class D8Converter {
    /** Android 7.0: dex 037, default methods kept; inside the 21–24 band dalvik-notes recommends. */
    public static final int MIN_API = 24;

    /** Cache kind of D8's output (a list of dex files per input content and settings). */
    static final String CACHE_KIND = "d8";

    private final CodeCache cache;
    private final CompilationMode mode;

    /**
     * Debug mode by default: D8's release optimisations can change what a Java program observes
     * (it folds {@code a + b} of string locals into one interned constant, so {@code ==} differs
     * from the JVM). Release mode is available for apps that ship that way.
     */
    public D8Converter(Path cacheDir) {
        this(cacheDir, CompilationMode.DEBUG);
    }

    public D8Converter(Path cacheDir, CompilationMode mode) {
        this(CodeCache.at(cacheDir), mode);
    }

    /** Debug mode (see {@link #D8Converter(Path)}), with the given cache ({@link CodeCache#OFF}: none). */
    public D8Converter(CodeCache cache) {
        this(cache, CompilationMode.DEBUG);
    }

    public D8Converter(CodeCache cache, CompilationMode mode) {
        this.cache = cache;
        this.mode = mode;
    }

    private String settings() {
        return "d8-8.5.35/" + mode.name().toLowerCase(java.util.Locale.ROOT) + "/min-api-" + MIN_API + "/desugar"
                + "/boxing-calls-kept/jdk9-factories-kept";
    }

    /** The converter with the cache the environment asks for ({@link CodeCache#fromEnvironment}). */
    public static D8Converter withDefaultCache() {
        return new D8Converter(CodeCache.fromEnvironment(System.getenv()), CompilationMode.DEBUG);
    }

    /** The cache this converter reads and fills (also used for the loader's verdicts). */
    public CodeCache cache() {
        return cache;
    }

    /** Dex files (classes.dex, classes2.dex, ...) for a jar, converted once and cached. */
    public List<byte[]> convertJar(Path jar) throws LoadException {
        return convertJar(jar, LoadLimits.DEFAULT);
    }

    /**
     * {@link #convertJar(Path)} within bounds: the jar is hashed as a stream (never held whole),
     * and each class entry given to D8 is inflated at most {@link LoadLimits#maxEntryBytes}, all of
     * them at most {@link LoadLimits#maxInflatedBytes}.
     */
    public List<byte[]> convertJar(Path jar, LoadLimits limits) throws LoadException {
        String hash;
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            hash = HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new LoadException(jar + ": cannot read: " + Messages.describe(e));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return convert(List.of(jar), hash, jar.toString(), false, limits);
    }

    /** Converts the given class files (paths to .class files). Used for tests and tools. */
    public List<byte[]> convertClassFiles(List<Path> classFiles, boolean disableDesugaring, String what)
            throws LoadException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : classFiles) {
                md.update(p.getFileName().toString().getBytes());
                md.update(Files.readAllBytes(p));
            }
            String key = HexFormat.of().formatHex(md.digest());
            return convert(classFiles, key, what, disableDesugaring, LoadLimits.DEFAULT);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LoadException(what + ": cannot read class files: " + e.getMessage());
        }
    }

    private List<byte[]> convert(List<Path> inputs, String contentHash, String what, boolean disableDesugaring,
                                 LoadLimits limits) throws LoadException {
        // The tool's version is in the key: our own rewriting of D8's output (BoxingCalls) included.
        String key = CodeCache.key(CACHE_KIND, contentHash, settings(), disableDesugaring ? "nodesugar-api26" : "desugar",
                CodeCache.fingerprint(D8Converter.class, BoxingCalls.class));
        byte[] hit = cache.get(CACHE_KIND, key);
        if (hit != null) {
            List<byte[]> dexes = CodeCache.unpack(hit);
            if (dexes != null) {
                return dexes;
            }
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("comet-d8-");
        } catch (IOException e) {
            throw new LoadException(what + ": cannot create a temporary directory for D8: " + e.getMessage());
        }
        List<byte[]> dexes = new ArrayList<>();
        try {
            List<Diagnostic> errors = new ArrayList<>();
            try {
                D8Command.Builder b = D8Command.builder(new DiagnosticsHandler() {
                            @Override
                            public void error(Diagnostic d) {
                                errors.add(d);
                            }

                            @Override
                            public void warning(Diagnostic d) {
                                // D8 warnings (missing optional classes) do not stop a conversion.
                            }

                            @Override
                            public void info(Diagnostic d) {
                            }
                        })
                        .addLibraryResourceProvider(JdkClassFileProvider.fromSystemJdk())
                        .setMode(mode)
                        .setOutput(tmp, OutputMode.DexIndexed);
                if (disableDesugaring) {
                    b.setDisableDesugaring(true).setMinApiLevel(26);
                } else {
                    b.setMinApiLevel(MIN_API);
                }
                addClassesKeepingBoxingCalls(b, inputs, limits);
                D8.run(b.build());
                restoreBoxingCalls(tmp);
            } catch (CompilationFailedException | RuntimeException e) {
                String msg = errors.isEmpty() ? Messages.describe(e) : describe(errors.get(0));
                throw new LoadException(what + ": D8 cannot convert it to dex: " + firstLine(msg));
            } catch (IOException e) {
                throw new LoadException(what + ": cannot convert to dex: " + Messages.describe(e));
            }
            try (Stream<Path> files = Files.list(tmp)) {
                List<Path> sorted = files.filter(p -> p.getFileName().toString().endsWith(".dex"))
                        .sorted(D8Converter::compareDexNames).toList();
                for (Path p : sorted) {
                    dexes.add(Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new LoadException(what + ": cannot read converted dex: " + e.getMessage());
            }
        } finally {
            deleteQuietly(tmp);
        }
        cache.put(CACHE_KIND, key, CodeCache.pack(dexes));
        return dexes;
    }

    /**
     * Gives D8 the class files of {@code inputs} (class files, or jars whose class entries D8 would
     * take: not {@code module-info.class}, nothing under {@code META-INF/}) with their boxing calls
     * hidden ({@link BoxingCalls#hide}).
     */
    private static void addClassesKeepingBoxingCalls(D8Command.Builder b, List<Path> inputs, LoadLimits limits)
            throws IOException, LoadException {
        long inflated = 0;
        for (Path input : inputs) {
            if (!input.getFileName().toString().endsWith(".class")) {
                try (ZipFile zip = new ZipFile(input.toFile())) {
                    List<? extends ZipEntry> entries = zip.stream().filter(e -> isProgramClass(e.getName())).toList();
                    for (ZipEntry e : entries) {
                        byte[] bytes = ClassPath.readEntry(input, zip, e,
                                Math.min(limits.maxEntryBytes(), limits.maxInflatedBytes() - inflated));
                        inflated += bytes.length;
                        b.addClassProgramData(BoxingCalls.hide(bytes), new ArchiveEntryOrigin(e.getName(), new PathOrigin(input)));
                    }
                }
            } else {
                b.addClassProgramData(BoxingCalls.hide(Files.readAllBytes(input)), new PathOrigin(input));
            }
        }
    }

    /** The archive entries D8 reads as program classes (its {@code ZipUtils.isClassFile}). */
    private static boolean isProgramClass(String entry) {
        String name = entry.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".class") && !name.endsWith("module-info.class")
                && !name.startsWith("meta-inf") && !name.startsWith("/meta-inf");
    }

    /** Rewrites every dex D8 wrote into {@code dir} with the boxing calls' owners restored. */
    private static void restoreBoxingCalls(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".dex")).toList()) {
                byte[] bytes = Files.readAllBytes(p);
                DexFile restored = BoxingCalls.restore(new DexBackedDexFile(Opcodes.forDexVersion(dexVersion(bytes)), bytes));
                Files.delete(p);
                DexPool.writeTo(new FileDataStore(p.toFile()), restored);
            }
        }
    }

    /** The version in a dex header ({@code "dex\n037\0"} is 37). */
    private static int dexVersion(byte[] dex) {
        return (dex[4] - '0') * 100 + (dex[5] - '0') * 10 + (dex[6] - '0');
    }

    /** classes.dex before classes2.dex before classes10.dex. */
    static int compareDexNames(Path a, Path b) {
        return Integer.compare(dexOrdinal(a.getFileName().toString()), dexOrdinal(b.getFileName().toString()));
    }

    static int dexOrdinal(String name) {
        String digits = name.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return 1;
        }
        // D8 names its output classes.dex, classes2.dex ...; anything longer sorts last.
        return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    /**
     * A D8 error diagnostic on one line, with its origin (which class file) and, when D8 only
     * reports an exception without a message, where that exception was thrown.
     */
    private static String describe(Diagnostic d) {
        String msg = d.getDiagnosticMessage();
        String origin = d.getOrigin() == null || d.getOrigin() == com.android.tools.r8.origin.Origin.unknown() ? ""
                : d.getOrigin().toString();
        if (d instanceof com.android.tools.r8.utils.ExceptionDiagnostic) {
            Throwable cause = ((com.android.tools.r8.utils.ExceptionDiagnostic) d).getCause();
            if (cause != null) {
                msg = Messages.describe(cause);
                StackTraceElement[] st = cause.getStackTrace();
                if (st.length > 0 && (cause.getMessage() == null || cause.getMessage().isBlank())) {
                    msg += " at " + st[0].getClassName() + "." + st[0].getMethodName();
                }
            }
        }
        if (msg == null || msg.isBlank()) {
            msg = d.getClass().getSimpleName();
        }
        return origin.isEmpty() || msg.contains(origin) ? msg : "in " + origin + ": " + msg;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a stale temp directory only costs disk space
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
