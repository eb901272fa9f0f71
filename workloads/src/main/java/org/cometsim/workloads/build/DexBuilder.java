package org.cometsim.workloads.build;

import com.android.tools.r8.ClassFileResourceProvider;
import com.android.tools.r8.CompilationFailedException;
import com.android.tools.r8.CompilationMode;
import com.android.tools.r8.D8;
import com.android.tools.r8.D8Command;
import com.android.tools.r8.JdkClassFileProvider;
import com.android.tools.r8.OutputMode;
import com.android.tools.r8.Version;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Build-time tool (run by exec-maven-plugin in {@code process-classes}; never shipped to a guest):
 * jars our own apps and runs D8 over every guest jar, in one JVM so D8 is warmed up only once.
 *
 * <p>Steps, all under {@code --out} (normally {@code target/classes/workloads}):
 * <ol>
 *   <li>Write {@code jars/comet-apps.jar} from the classes under {@code --apps-package} of {@code --classes}
 *       (sorted entries, fixed timestamps, so it is byte-reproducible and only rewritten when it changes).</li>
 *   <li>For each {@code jars/NAME.jar}: D8 in release mode, {@code --min-api}, desugaring on, the JDK at
 *       {@code --lib} as library (dalvik-notes.md §5). Output {@code NAME.dex}; if D8 splits the output
 *       ({@code classes2.dex} ...), the extra files become {@code NAME-2.dex}, {@code NAME-3.dex} ...
 *       For comet-apps the other guest jars are given to D8 as class path (needed for desugaring).</li>
 *   <li>Write {@code dex-index.properties}: {@code NAME=NAME.dex[,NAME-2.dex...]} plus {@code NAME.sha256}, the
 *       fingerprint (jar content, min-api, D8 version) that lets the next build skip an unchanged jar.</li>
 * </ol>
 */
public final class DexBuilder {

    /** Name of our own apps' jar/dex (without extension). */
    public static final String APPS = "comet-apps";
    /** Index file written next to the dex files. */
    public static final String INDEX = "dex-index.properties";

    private DexBuilder() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        Path classes = Paths.get(require(opts, "classes"));
        String appsPackage = require(opts, "apps-package");
        Path out = Paths.get(require(opts, "out"));
        Path lib = Paths.get(require(opts, "lib"));
        int minApi = Integer.parseInt(require(opts, "min-api"));

        Path jarsDir = out.resolve("jars");
        Files.createDirectories(jarsDir);
        writeAppsJar(classes, appsPackage, jarsDir.resolve(APPS + ".jar"));

        List<Path> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(jarsDir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
        }

        Path indexFile = out.resolve(INDEX);
        Properties oldIndex = new Properties();
        if (Files.exists(indexFile)) {
            try (InputStream in = Files.newInputStream(indexFile)) {
                oldIndex.load(in);
            }
        }
        Map<String, String> index = new TreeMap<>();
        ClassFileResourceProvider jdk = JdkClassFileProvider.fromJdkHome(lib);
        try {
            for (Path jar : jars) {
                String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
                String fingerprint = sha256(Files.readAllBytes(jar)) + "/api" + minApi + "/d8-" + Version.LABEL;
                String oldFiles = oldIndex.getProperty(name);
                if (fingerprint.equals(oldIndex.getProperty(name + ".sha256")) && oldFiles != null
                        && allExist(out, oldFiles)) {
                    index.put(name, oldFiles);
                    index.put(name + ".sha256", fingerprint);
                    System.out.println("[dex] " + name + ": up to date (" + oldFiles + ")");
                    continue;
                }
                List<Path> classpath = new ArrayList<>();
                if (name.equals(APPS)) {
                    for (Path other : jars) {
                        if (!other.equals(jar)) {
                            classpath.add(other);
                        }
                    }
                }
                long t0 = System.nanoTime();
                String files = dex(jar, classpath, jdk, minApi, out, name);
                System.out.println("[dex] " + name + ": " + files + " in "
                        + (System.nanoTime() - t0) / 1_000_000 + " ms");
                index.put(name, files);
                index.put(name + ".sha256", fingerprint);
            }
        } finally {
            if (jdk instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        StringBuilder sb = new StringBuilder("# Written by org.cometsim.workloads.build.DexBuilder: NAME=dex files, "
                + "NAME.sha256=input fingerprint\n");
        for (Map.Entry<String, String> e : index.entrySet()) {
            sb.append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        Files.writeString(indexFile, sb.toString());
    }

    private static String require(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + key);
        }
        return v;
    }

    private static boolean allExist(Path out, String files) {
        for (String f : files.split(",")) {
            if (!Files.isRegularFile(out.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /** Runs D8 on one jar; returns the comma-separated dex file names written to {@code out}. */
    private static String dex(Path jar, List<Path> classpath, ClassFileResourceProvider jdk, int minApi,
                              Path out, String name) throws IOException, CompilationFailedException {
        Path tmp = Files.createTempDirectory(out, "." + name + "-d8-");
        try {
            D8Command command = D8Command.builder()
                    .addProgramFiles(jar)
                    .addClasspathFiles(classpath)
                    .addLibraryResourceProvider(jdk)
                    .setMinApiLevel(minApi)
                    .setMode(CompilationMode.RELEASE)
                    .setOutput(tmp, OutputMode.DexIndexed)
                    .build();
            D8.run(command);
            // Remove stale split files from an earlier build before writing the new ones.
            try (Stream<Path> s = Files.list(out)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String f = p.getFileName().toString();
                    if (f.equals(name + ".dex") || f.matches(java.util.regex.Pattern.quote(name) + "-\\d+\\.dex")) {
                        Files.delete(p);
                    }
                }
            }
            List<String> written = new ArrayList<>();
            for (int k = 1; ; k++) {
                Path produced = tmp.resolve(k == 1 ? "classes.dex" : "classes" + k + ".dex");
                if (!Files.exists(produced)) {
                    break;
                }
                String target = k == 1 ? name + ".dex" : name + "-" + k + ".dex";
                Files.move(produced, out.resolve(target));
                written.add(target);
            }
            if (written.isEmpty()) {
                throw new IOException("D8 produced no classes.dex for " + jar);
            }
            return String.join(",", written);
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** Writes a reproducible jar of {@code classes/appsPackage/**}; leaves the file untouched if unchanged. */
    private static void writeAppsJar(Path classes, String appsPackage, Path jar) throws IOException {
        Path root = classes.resolve(appsPackage);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.class")).forEach(files::add);
        }
        files.sort((a, b) -> classes.relativize(a).toString().compareTo(classes.relativize(b).toString()));
        if (files.isEmpty()) {
            throw new IOException("no classes under " + root);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            long fixedTime = 315532800000L + 86_400_000L; // 1980-01-02, a valid DOS date
            for (Path f : files) {
                String entry = classes.relativize(f).toString().replace('\\', '/');
                ZipEntry ze = new ZipEntry(entry);
                ze.setTime(fixedTime);
                zip.putNextEntry(ze);
                zip.write(Files.readAllBytes(f));
                zip.closeEntry();
            }
        }
        byte[] bytes = buf.toByteArray();
        if (Files.exists(jar) && java.util.Arrays.equals(Files.readAllBytes(jar), bytes)) {
            return;
        }
        try (OutputStream o = Files.newOutputStream(jar)) {
            o.write(bytes);
        }
        System.out.println("[dex] wrote " + jar + " (" + files.size() + " classes)");
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
