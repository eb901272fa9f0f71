package org.cometsim.guestlib.build;

import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.JdkClassFileProvider;
import com.android.tools.r8.OutputMode;
import com.android.tools.r8.Version;

import org.jf.dexlib2.DexFileFactory;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.iface.DexFile;
import org.jf.dexlib2.iface.value.EncodedValue;
import org.jf.dexlib2.iface.value.StringEncodedValue;
import org.jf.dexlib2.immutable.value.ImmutableStringEncodedValue;
import org.jf.dexlib2.rewriter.DexRewriter;
import org.jf.dexlib2.rewriter.Rewriter;
import org.jf.dexlib2.rewriter.RewriterModule;
import org.jf.dexlib2.rewriter.Rewriters;
import org.jf.dexlib2.rewriter.TypeRewriter;
import org.jf.dexlib2.writer.io.FileDataStore;
import org.jf.dexlib2.writer.pool.DexPool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build-time tool (run by exec-maven-plugin in {@code process-classes}; not part of the guest
 * library): dexes the guest library and renames it into {@code java.*}.
 *
 * <ol>
 *   <li>Collects the class files under {@code org/cometsim/guestlib/java/} of {@code --classes}.
 *       (They are written in that package because javac will not compile a {@code java.*} package
 *       and the host tests need them side by side with the JDK's classes.)</li>
 *   <li>D8, release mode, {@code --min-api}, the JDK at {@code --lib} as library.</li>
 *   <li>dexlib2 rewrite: every type {@code Lorg/cometsim/guestlib/X;} becomes {@code LX;}, so
 *       {@code org.cometsim.guestlib.java.util.ArrayList} is {@code java.util.ArrayList} (also inside
 *       generic-signature annotation strings).</li>
 *   <li>Writes {@code --out} (normally {@code target/classes/org/cometsim/guestlib/guestlib.dex})
 *       and {@code --out}{@code .sha256}, the fingerprint (class files, min-api, D8 version) that lets
 *       the next build skip an unchanged library.</li>
 * </ol>
 */
public final class GuestLibDexer {
    /** Source package prefix (internal form) that the rewrite strips. */
    public static final String PREFIX = org.cometsim.guestlib.GuestLib.PACKAGE_PREFIX;

    private GuestLibDexer() {
    }

    public static void main(String[] args) throws Exception {
        Path classes = null;
        Path out = null;
        Path lib = null;
        int minApi = 24;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--classes" -> classes = Paths.get(args[i + 1]);
                case "--out" -> out = Paths.get(args[i + 1]);
                case "--lib" -> lib = Paths.get(args[i + 1]);
                case "--min-api" -> minApi = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (classes == null || out == null || lib == null) {
            throw new IllegalArgumentException("usage: GuestLibDexer --classes DIR --out FILE --lib JAVA_HOME [--min-api N]");
        }
        Path root = classes.resolve(PREFIX + "java");
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.toString().endsWith(".class")).sorted().forEach(inputs::add);
        }
        if (inputs.isEmpty()) {
            throw new IllegalStateException("no guest library classes under " + root);
        }
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Path p : inputs) {
            md.update(classes.relativize(p).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(p));
        }
        md.update(("min-api=" + minApi + ";d8=" + Version.getVersionString()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String fingerprint = HexFormat.of().formatHex(md.digest());
        Path stamp = out.resolveSibling(out.getFileName() + ".sha256");
        if (Files.exists(out) && Files.exists(stamp) && Files.readString(stamp).trim().equals(fingerprint)) {
            System.out.println("guest-lib: " + out.getFileName() + " is up to date (" + inputs.size() + " classes)");
            return;
        }
        Path tmp = Files.createTempDirectory("guestlib-d8");
        try {
            D8.run(D8Command.builder()
                    .addProgramFiles(inputs)
                    .addLibraryResourceProvider(JdkClassFileProvider.fromJdkHome(lib))
                    .setMinApiLevel(minApi)
                    .setMode(CompilationMode.RELEASE)
                    .setOutput(tmp, OutputMode.DexIndexed)
                    .build());
            Path dex = tmp.resolve("classes.dex");
            if (Files.exists(tmp.resolve("classes2.dex"))) {
                throw new IllegalStateException("guest library no longer fits in one dex file");
            }
            DexFile d8Out = DexFileFactory.loadDexFile(dex.toFile(), Opcodes.forApi(minApi));
            DexFile renamed = new DexRewriter(new RenameModule()).getDexFileRewriter().rewrite(d8Out);
            Files.createDirectories(out.getParent());
            Files.deleteIfExists(out);
            DexPool.writeTo(new FileDataStore(out.toFile()), renamed);
            Files.writeString(stamp, fingerprint + "\n");
            System.out.println("guest-lib: wrote " + out + " (" + inputs.size() + " classes, " + Files.size(out) + " bytes)");
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code Lorg/cometsim/guestlib/java/util/X;} → {@code Ljava/util/X;} in types and signature strings. */
    static String strip(String s) {
        return s.replace("L" + PREFIX, "L");
    }

    private static final class RenameModule extends RewriterModule {
        @Override
        public Rewriter<String> getTypeRewriter(Rewriters rewriters) {
            return new TypeRewriter() {
                @Override
                protected String rewriteUnwrappedType(String value) {
                    return value.startsWith("L" + PREFIX) ? strip(value) : value;
                }
            };
        }

        @Override
        public Rewriter<EncodedValue> getEncodedValueRewriter(Rewriters rewriters) {
            Rewriter<EncodedValue> base = super.getEncodedValueRewriter(rewriters);
            return value -> {
                if (value instanceof StringEncodedValue sv && sv.getValue().contains("L" + PREFIX)) {
                    return new ImmutableStringEncodedValue(strip(sv.getValue()));
                }
                return base.rewrite(value);
            };
        }
    }
}
