package org.cometsim.workloads;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;

/**
 * Start here: the catalog of guest workloads and the way to get their code onto a class path.
 *
 * <h2>What the module holds</h2>
 * <ul>
 *   <li><b>Our own apps</b>, plain Java 17 under {@code org.cometsim.workloads.apps.<name>}, one entry class
 *       each, all compiled into one dex, {@code comet-apps.dex}. They use a deliberately small java.*
 *       surface (java.lang, a few java.util and java.io ByteArray streams; no streams API, no reflection, no
 *       java.util.concurrent) because the interpreter must bridge every java.* call to the host.</li>
 *   <li><b>Drivers for third-party libraries</b> (SciMark 2.0, Jama, XZ for Java, JH Labs filters, the
 *       purgz chess move generator), also in comet-apps.dex; each library is dexed separately
 *       ({@code scimark.dex}, {@code jama.dex}, {@code xz.dex}, {@code jhlabs-filters.dex},
 *       {@code chess-engine.dex}) so a driver runs with the class path "comet-apps.dex:&lt;library&gt;.dex".</li>
 *   <li><b>Build-time dexing</b> ({@code org.cometsim.workloads.build.DexBuilder}, run by the pom in
 *       {@code process-classes}): D8 8.5.35, release, min-api 24, desugaring on, the building JDK as library.
 *       Output goes to {@code target/classes/workloads/} and ships in the jar as resources, next to the plain
 *       jars in {@code workloads/jars/} (same programs for the host JVM) and {@code workloads/dex-index.properties}
 *       (library name to dex files, in case D8 splits one).</li>
 * </ul>
 *
 * <h2>Using it</h2>
 * <pre>{@code
 * Workload w = WorkloadCatalog.get("tripplanner");
 * Path[] cp = WorkloadCatalog.extract(w, dir, Kind.DEX);   // comet-apps.dex (+ library dex files)
 * String mainClass = w.mainClass();                        // org.cometsim.workloads.apps.tripplanner.TripPlanner
 * List<String> args = w.args(Size.SMALL);                  // ["small"]
 * // ... run mainClass with args on the interpreter; compare w.comparableOutput(out) with a host run
 * //     (Kind.JAR, or just call the main method in-process: the app classes are in this jar too).
 * }</pre>
 *
 * <p>Every app takes the size word first ({@link Size}); output is a few lines ending with
 * {@code checksum=<16 hex digits>}; all are deterministic except {@code scimark-timed}, whose score and
 * property lines {@link Workload#ignoreLines()} describes. {@link Workload#threads()} tells which apps start
 * guest threads ({@code parallelrender}, {@code pipeline}); their output does not depend on interleaving.
 *
 * <p>The package map: {@code org.cometsim.workloads} (this catalog), {@code ...apps} (shared guest helpers
 * {@code AppArgs}, {@code Checksum}, {@code Lcg}) and one sub-package per app, {@code ...build} (DexBuilder,
 * build time only). See the module README for the workload table and the java.* surface each app uses.
 */
public final class WorkloadCatalog {

    /** Resource directory holding the dex files, the index and {@code jars/}. */
    public static final String RESOURCE_ROOT = "workloads/";
    /** Library name of our own apps. */
    public static final String APPS = "comet-apps";
    /** Resource listing library name to dex file names (written by DexBuilder). */
    public static final String DEX_INDEX = RESOURCE_ROOT + "dex-index.properties";

    private static final String P = "org.cometsim.workloads.apps.";
    private static final List<Workload> ALL = build();

    private WorkloadCatalog() {
    }

    /** All workloads, in a fixed order. */
    public static List<Workload> all() {
        return ALL;
    }

    /** The workload with this name. */
    public static Workload get(String name) {
        for (Workload w : ALL) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        throw new NoSuchElementException("no workload named " + name);
    }

    /** Class-path resources (paths inside this jar, in class path order) for a workload. */
    public static List<String> resources(Workload w, Kind kind) {
        List<String> out = new ArrayList<>();
        Properties index = kind == Kind.DEX ? dexIndex() : null;
        for (String lib : w.libraries()) {
            if (kind == Kind.JAR) {
                out.add(RESOURCE_ROOT + "jars/" + lib + ".jar");
            } else {
                String files = index.getProperty(lib);
                if (files == null) {
                    throw new IllegalStateException("library " + lib + " missing from " + DEX_INDEX);
                }
                for (String f : files.split(",")) {
                    out.add(RESOURCE_ROOT + f.trim());
                }
            }
        }
        return out;
    }

    /**
     * Copies a workload's class-path resources into {@code dir} (created if needed; existing files are
     * overwritten) and returns them in class path order.
     */
    public static Path[] extract(Workload w, Path dir, Kind kind) throws IOException {
        Files.createDirectories(dir);
        List<String> res = resources(w, kind);
        Path[] out = new Path[res.size()];
        for (int i = 0; i < out.length; i++) {
            String r = res.get(i);
            Path target = dir.resolve(r.substring(r.lastIndexOf('/') + 1));
            try (InputStream in = open(r)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            out[i] = target;
        }
        return out;
    }

    /** Joins class path entries with the platform separator (':' on Unix). */
    public static String classPath(Path[] entries) {
        StringBuilder sb = new StringBuilder();
        for (Path p : entries) {
            if (sb.length() > 0) {
                sb.append(File.pathSeparatorChar);
            }
            sb.append(p);
        }
        return sb.toString();
    }

    /** Opens a resource of this module (e.g. one returned by {@link #resources}). */
    public static InputStream open(String resource) throws IOException {
        InputStream in = WorkloadCatalog.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("resource not found: " + resource + " (was the workloads module built with mvn?)");
        }
        return in;
    }

    private static Properties dexIndex() {
        Properties p = new Properties();
        try (InputStream in = open(DEX_INDEX)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static List<Workload> build() {
        List<Workload> l = new ArrayList<>();
        l.add(app("tripplanner", Category.TRIP_PLANNER, "tripplanner.TripPlanner", 1,
                "Dijkstra and A* queries on a generated city road grid (own binary heap)"));
        l.add(app("linpack", Category.MATH, "linpack.Linpack", 1,
                "Linpack-style LU with partial pivoting and solve on double[][]"));
        l.add(app("factoring", Category.MATH, "factoring.Factoring", 1,
                "integer factoring of longs: trial division, Miller-Rabin, Pollard-Brent rho"));
        l.add(app("nqueens", Category.MATH, "nqueens.NQueens", 1,
                "N-Queens solution counting by bitmask backtracking"));
        l.add(app("mandelbrot", Category.MATH, "mandelbrot.Mandelbrot", 1,
                "Mandelbrot fractal, checksum of iteration counts"));
        l.add(app("photoeditor", Category.IMAGE_EDITOR, "photoeditor.PhotoEditor", 1,
                "blur, sharpen, contrast, grayscale, Sobel edges on an int[] ARGB image"));
        l.add(app("connectfour", Category.GAME, "connectfour.ConnectFour", 1,
                "Connect-Four self-play with alpha-beta to a fixed depth"));
        l.add(new Workload("chess", Category.GAME, P + "chess.ChessDriver", List.of(APPS, "chess-engine"),
                sizes(), null, 1,
                "perft and material alpha-beta over the purgz java-chess-engine move generator"));
        l.add(new Workload("scimark", Category.MATH, P + "scimark.SciMarkDriver", List.of(APPS, "scimark"),
                sizes("fixed"), null, 1,
                "SciMark 2.0 kernels (FFT, SOR, Monte Carlo, sparse, LU) for fixed cycles, checksummed"));
        l.add(new Workload("scimark-timed", Category.MATH, P + "scimark.SciMarkDriver", List.of(APPS, "scimark"),
                sizes("timed"), org.cometsim.workloads.apps.scimark.SciMarkDriver.TIMED_IGNORE, 1,
                "SciMark 2.0's own commandline (Mflops; timing-dependent lines ignored)"));
        l.add(new Workload("jama", Category.MATH, P + "jama.JamaDriver", List.of(APPS, "jama"),
                sizes(), null, 1, "Jama: solve, inverse, det, LU, QR, Cholesky, eig, SVD on a seeded matrix"));
        l.add(new Workload("xz", Category.COMPRESSION, P + "xz.XzDriver", List.of(APPS, "xz"),
                sizes(), null, 1, "XZ for Java: in-memory compress + decompress of generated text, CRC-32"));
        l.add(new Workload("jhlabs", Category.IMAGE_EDITOR, P + "jhlabs.FiltersDriver",
                List.of(APPS, "jhlabs-filters"), sizes(), null, 1,
                "JH Labs filters via int[] entry points: Gaussian, box blur, sharpen, contrast, grayscale, "
                        + "posterize, edges"));
        l.add(new Workload("parallelrender", Category.MULTITHREADED, P + "parallelrender.ParallelRender",
                List.of(APPS), sizes("4"), null, 5,
                "ray tracer: 4 worker threads share a synchronized wait/notify work queue of row bands"));
        l.add(new Workload("pipeline", Category.MULTITHREADED, P + "pipeline.Pipeline", List.of(APPS),
                sizes("3"), null, 7,
                "2 producers -> bounded buffer -> 3 workers -> bounded buffer -> sink (wait/notifyAll)"));
        return List.copyOf(l);
    }

    private static Workload app(String name, Category c, String cls, int threads, String description) {
        return new Workload(name, c, P + cls, List.of(APPS), sizes(), null, threads, description);
    }

    private static Map<Size, List<String>> sizes(String... extra) {
        Map<Size, List<String>> m = new EnumMap<>(Size.class);
        for (Size s : Size.values()) {
            List<String> a = new ArrayList<>();
            a.add(s.arg());
            a.addAll(List.of(extra));
            m.put(s, List.copyOf(a));
        }
        return new LinkedHashMap<>(m);
    }
}
