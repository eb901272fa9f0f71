package org.cometsim.dalvik.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
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
    /** Descriptor → definition, first image wins (as on java's class path); built on first use. */
    private Map<String, ClassDef> definitions;
    /** Definitions read out once (see {@link ParsedClass}), shared by every VM on this class path. */
    private final ConcurrentHashMap<String, ParsedClass> parsed = new ConcurrentHashMap<>();

    public List<DexImage> images() {
        return Collections.unmodifiableList(images);
    }

    /** The class definitions on this class path (descriptor → definition), first image winning. */
    public synchronized Map<String, ClassDef> definitions() {
        if (definitions == null) {
            Map<String, ClassDef> m = new HashMap<>();
            for (DexImage img : images) {
                for (DexBackedClassDef def : img.dex().getClasses()) {
                    m.putIfAbsent(def.getType(), def);
                }
            }
            definitions = Collections.unmodifiableMap(m);
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
        return parsed.computeIfAbsent(descriptor, d -> new ParsedClass(def));
    }

    /** Parses a {@code -cp} string (entries separated by {@code :} or the platform separator). */
    public static ClassPath parse(String cp, D8Converter d8) throws LoadException {
        ClassPath out = new ClassPath();
        String sep = cp.contains(java.io.File.pathSeparator) ? java.io.File.pathSeparator : ":";
        boolean any = false;
        for (String entry : cp.split(java.util.regex.Pattern.quote(sep))) {
            if (!entry.isEmpty()) {
                any = true;
                out.add(Path.of(entry), d8);
            }
        }
        if (!any) {
            throw new LoadException("the class path is empty");
        }
        // Entries that exist but hold no classes (or do not exist) are no error, as for java: a
        // class then is not found, naming the class.
        return out;
    }

    /**
     * Adds a class-path entry as {@code java -cp} takes it: a dex file, a jar/apk/zip (its
     * classes*.dex, else its .class files through D8), or a directory of .class files. As
     * {@code java} does, a missing entry, a directory without class files and an archive without
     * classes (an empty or resource-only jar, like Guava's listenablefuture-9999.0-empty jar)
     * add nothing; a file that is there but unreadable or corrupt is an error.
     */
    public void add(Path entry, D8Converter d8) throws LoadException {
        if (!Files.exists(entry)) {
            return;
        }
        if (Files.isDirectory(entry)) {
            List<Path> classFiles;
            try (java.util.stream.Stream<Path> files = Files.walk(entry)) {
                classFiles = files.filter(f -> f.getFileName().toString().endsWith(".class") && Files.isRegularFile(f))
                        .sorted().collect(java.util.stream.Collectors.toList());
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new LoadException(entry + ": cannot read directory: " + e.getMessage());
            }
            if (!classFiles.isEmpty()) {
                List<byte[]> converted = d8.convertClassFiles(classFiles, false, entry.toString());
                for (int i = 0; i < converted.size(); i++) {
                    addDex(entry + " (D8 output " + (i + 1) + ")", converted.get(i));
                }
            }
            return;
        }
        String name = entry.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        byte[] head = readHead(entry);
        if (name.endsWith(".dex") || startsWith(head, "dex\n")) {
            addDex(entry.toString(), readAll(entry));
        } else if (name.endsWith(".jar") || name.endsWith(".apk") || name.endsWith(".zip") || startsWith(head, "PK")) {
            List<byte[]> dexes = dexEntries(entry);
            if (!dexes.isEmpty()) {
                for (int i = 0; i < dexes.size(); i++) {
                    addDex(entry + "!" + (i == 0 ? "classes.dex" : "classes" + (i + 1) + ".dex"), dexes.get(i));
                }
            } else if (hasClassFiles(entry)) {
                List<byte[]> converted = d8.convertJar(entry);
                for (int i = 0; i < converted.size(); i++) {
                    addDex(entry + " (D8 output " + (i + 1) + ")", converted.get(i));
                }
            }
            // else: an archive without classes (resources only, or empty) adds nothing, as for java.
        } else {
            throw new LoadException(entry + ": not a .dex, .jar or .apk file");
        }
    }

    public void addDex(String origin, byte[] bytes) throws LoadException {
        if (bytes.length < 0x70 || !startsWith(bytes, "dex\n")) {
            throw new LoadException(origin + ": not a dex file (bad magic or shorter than the 112-byte header)");
        }
        String version = new String(bytes, 4, 3, java.nio.charset.StandardCharsets.ISO_8859_1);
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new LoadException(origin + ": bad dex version '" + version + "'");
        }
        if (v < 35 || v > 39) {
            throw new LoadException(origin + ": dex version " + version + " is not supported (035-039 are)");
        }
        int fileSize = readInt(bytes, 0x20);
        if (fileSize != bytes.length) {
            throw new LoadException(origin + ": truncated or corrupt dex (header says " + fileSize
                    + " bytes, file has " + bytes.length + ")");
        }
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(bytes, 12, bytes.length - 12);
        if ((int) adler.getValue() != readInt(bytes, 8)) {
            throw new LoadException(origin + ": corrupt dex (Adler-32 checksum mismatch)");
        }
        try {
            DexBackedDexFile dex = new DexBackedDexFile(Opcodes.forDexVersion(v), bytes);
            // Touch every class definition now, so structural corruption is reported at load.
            for (var c : dex.getClasses()) {
                c.getType();
            }
            synchronized (this) {
                images.add(new DexImage(origin, dex));
                definitions = null;
                parsed.clear();
            }
        } catch (RuntimeException e) {
            throw new LoadException(origin + ": corrupt dex (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")");
        }
    }

    private static List<byte[]> dexEntries(Path archive) throws LoadException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<String> names = new ArrayList<>();
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements()) {
                String n = en.nextElement().getName();
                if (n.matches("classes[0-9]*\\.dex")) {
                    names.add(n);
                }
            }
            names.sort((a, b) -> Integer.compare(D8Converter.dexOrdinal(a), D8Converter.dexOrdinal(b)));
            List<byte[]> out = new ArrayList<>();
            for (String n : names) {
                try (InputStream in = zip.getInputStream(zip.getEntry(n))) {
                    out.add(in.readAllBytes());
                }
            }
            return out;
        } catch (ZipException e) {
            throw new LoadException(archive + ": truncated or corrupt archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new LoadException(archive + ": cannot read archive (" + e.getMessage() + ")");
        }
    }

    private static boolean hasClassFiles(Path archive) throws LoadException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().anyMatch(e -> e.getName().endsWith(".class"));
        } catch (IOException e) {
            throw new LoadException(archive + ": truncated or corrupt archive (" + e.getMessage() + ")");
        }
    }

    private static byte[] readAll(Path p) throws LoadException {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new LoadException(p + ": cannot read: " + e.getMessage());
        }
    }

    private static byte[] readHead(Path p) throws LoadException {
        try (InputStream in = Files.newInputStream(p)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            byte[] buf = new byte[8];
            int n = in.read(buf);
            if (n > 0) {
                b.write(buf, 0, n);
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new LoadException(p + ": cannot read: " + e.getMessage());
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
