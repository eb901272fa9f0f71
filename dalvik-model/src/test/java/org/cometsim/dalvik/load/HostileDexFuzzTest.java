package org.cometsim.dalvik.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Hostile input, in-process (issue #18, item 4): seeded mutations of a small dex (four golden
 * programs) — bit flips, truncation, zeroed ranges, edits of the id tables — with the Adler-32
 * checksum, SHA-1 signature and file size recomputed so the loader parses the damage, given to
 * the loader as a dex, or inside an apk or a damaged apk; each is loaded and, if it loads, run.
 * Every case must end in a clean {@link LoadException}, a {@link VmError} that is not an internal
 * error, or a run (whatever the mutated program prints, including a guest exception): never a
 * host exception escaping, a multi-line message, or a hang (a generous per-case bound that only
 * a hang reaches). Deterministic: the seeds are fixed and the guest runs on the scheduler clock.
 *
 * <p>The default suite runs {@value #DEFAULT_CASES} cases; {@code -Pfull} runs
 * {@value #FULL_CASES} more ({@link #thousandsOfCases}).
 */
class HostileDexFuzzTest {
    static final int DEFAULT_CASES = 500;
    static final int FULL_CASES = 5000;
    /** Only a hang reaches this: a case loads and runs a few thousand instructions. */
    private static final long HANG_SECONDS = Long.getLong("fuzz.hangSeconds", 120);
    private static final String[] MAINS = {"golden.G004_Arrays", "golden.G006_Polymorphism",
            "golden.G007_Exceptions", "golden.G012_Recursion"};

    private static byte[] seed;
    private static ExecutorService runner;
    private static volatile Thread runnerThread;

    @BeforeAll
    static void seedDex() throws Exception {
        List<Path> classes;
        try (Stream<Path> walk = Files.walk(Corpus.testClasses().resolve("golden"), 1)) {
            classes = walk.filter(p -> {
                String n = p.getFileName().toString();
                for (String m : MAINS) {
                    String simple = m.substring(m.indexOf('.') + 1);
                    if (n.equals(simple + ".class") || n.startsWith(simple + "$")) {
                        return true;
                    }
                }
                return false;
            }).sorted().collect(Collectors.toList());
        }
        seed = new D8Converter(Path.of("target", "d8-cache")).convertClassFiles(classes, false, "fuzz seed").get(0);
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "fuzz-case", 64L << 20); // the CLI's -Xss16m and more
            t.setDaemon(true);
            runnerThread = t;
            return t;
        });
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    @Test
    void theSeedLoadsAndRuns() throws Exception {
        for (String main : MAINS) {
            Outcome o = runCase(seed, main, false);
            assertEquals("ran", o.kind, main + ": " + o.detail);
        }
    }

    @Test
    void mutatedDexFilesEndCleanly() throws Exception {
        campaign(1, DEFAULT_CASES);
    }

    /** {@code -Dfuzz.case=N}: reruns case N alone (with a stack dump if it hangs). */
    @Test
    void oneCase() throws Exception {
        String c = System.getProperty("fuzz.case");
        org.junit.jupiter.api.Assumptions.assumeTrue(c != null, "set -Dfuzz.case=N to rerun one case");
        campaign(Long.parseLong(c), 1);
    }

    @Test
    @Tag("slow")
    void thousandsOfCases() throws Exception {
        campaign(1_000_003, FULL_CASES);
    }

    private static void campaign(long firstSeed, int cases) throws Exception {
        List<String> failures = new ArrayList<>();
        int[] kinds = new int[4];
        // What the VM stopped with, by kind: the cases a verifier should reject before running.
        java.util.TreeMap<String, Integer> vmErrors = new java.util.TreeMap<>();
        for (int i = 0; i < cases; i++) {
            long s = firstSeed + i;
            Random rnd = new Random(s);
            Mutation m = mutate(seed, rnd);
            String main = MAINS[rnd.nextInt(MAINS.length)];
            boolean asApk = rnd.nextInt(4) == 0;
            Future<Outcome> f = runner.submit(() -> runCase(m.bytes, main, asApk));
            Outcome o;
            // What a library prints straight to the process's stderr (dexlib2 did: "Invalid debug
            // offset") would reach the user as a second line: the loader must not let it.
            java.io.PrintStream stderr = System.err;
            ByteArrayOutputStream leaked = new ByteArrayOutputStream();
            String[] printer = new String[1];
            System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int x) {
                    if (printer[0] == null) { // who printed: the frames below the PrintStream
                        StringBuilder sb = new StringBuilder();
                        for (StackTraceElement e : new Throwable().getStackTrace()) {
                            if (!e.getClassName().startsWith("java.") && !e.getClassName().startsWith("sun.")
                                    && !e.getClassName().contains("HostileDexFuzzTest$")) {
                                sb.append(" <- ").append(e);
                                if (sb.length() > 600) {
                                    break;
                                }
                            }
                        }
                        printer[0] = sb.toString();
                    }
                    leaked.write(x);
                }
            }, true));
            try {
                o = f.get(HANG_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                StringBuilder where = new StringBuilder();
                for (StackTraceElement frame : runnerThread.getStackTrace()) {
                    where.append("\n\tat ").append(frame);
                }
                fail("case " + s + " (" + m.what + ", " + main + ") still running after " + HANG_SECONDS + " s: a hang" + where);
                return;
            } catch (ExecutionException e) {
                o = new Outcome("host", String.valueOf(e.getCause()));
            } finally {
                System.setErr(stderr);
            }
            if (leaked.size() > 0 && !o.kind.equals("host")) {
                o = new Outcome("host", "printed to the process's stderr: " + leaked.toString().lines().findFirst().orElse("")
                        + " from" + printer[0]);
            }
            switch (o.kind) {
                case "load" -> kinds[0]++;
                case "vm" -> {
                    kinds[1]++;
                    vmErrors.merge(o.detail.replaceAll("[0-9]+", "N").replaceAll(" in .*", ""), 1, Integer::sum);
                }
                case "ran" -> kinds[2]++;
                default -> {
                    kinds[3]++;
                    failures.add("case " + s + " (" + m.what + ", " + main + (asApk ? ", in an apk" : "") + "): " + o.detail);
                }
            }
        }
        System.out.printf("fuzz: %d cases: %d load errors, %d VM errors, %d runs, %d failures%n",
                cases, kinds[0], kinds[1], kinds[2], kinds[3]);
        vmErrors.forEach((k, n) -> System.out.printf("fuzz:   VM error x%d: %s%n", n, k));
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases + " cases ended badly:\n" + String.join("\n",
                    failures.subList(0, Math.min(40, failures.size()))));
        }
    }

    record Outcome(String kind, String detail) {
    }

    /** Loads (and runs) one case; the outcome's kind is load, vm, ran, or host (a failure). */
    static Outcome runCase(byte[] dex, String main, boolean asApk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClassPath cp = new ClassPath();
        try {
            if (asApk) {
                Path apk = Files.createTempFile(Path.of("target"), "fuzz-", ".apk");
                try {
                    Files.write(apk, zip(dex));
                    cp.add(apk, new D8Converter(Path.of("target", "d8-cache")));
                } finally {
                    Files.deleteIfExists(apk);
                }
            } else {
                cp.addDex("fuzz.dex", dex);
            }
        } catch (LoadException e) {
            return oneLine("load", e.getMessage());
        } catch (Throwable e) {
            return new Outcome("host", "loading: " + e);
        }
        try {
            Vm vm = Corpus.newVm(cp, Corpus.capture(out), Corpus.capture(err), true);
            vm.setInstructionLimit(3_000_000L); // the seeds run well under 1M
            vm.runMain(main, new String[0]);
        } catch (VmExit e) {
            // System.exit
        } catch (VmError e) {
            if (e.getMessage() == null || e.getMessage().startsWith("internal error")) {
                return new Outcome("host", "VM: " + e.getMessage());
            }
            return oneLine("vm", e.getMessage());
        } catch (Throwable e) {
            return new Outcome("host", "running: " + e + (e.getStackTrace().length > 0 ? " at " + e.getStackTrace()[0] : ""));
        }
        String e = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (e.contains("at org.cometsim.") || e.contains("internal error")) {
            return new Outcome("host", "guest stderr shows the VM: " + e.lines().limit(4).collect(Collectors.joining(" | ")));
        }
        return new Outcome("ran", "");
    }

    private static Outcome oneLine(String kind, String msg) {
        if (msg == null || msg.isEmpty() || msg.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return new Outcome("host", "message not one printable line: " + msg);
        }
        return new Outcome(kind, msg);
    }

    record Mutation(byte[] bytes, String what) {
    }

    /** One seeded mutation of the dex; most with the header's size, checksum and signature made right again. */
    static Mutation mutate(byte[] original, Random rnd) throws Exception {
        byte[] b = original.clone();
        String what;
        switch (rnd.nextInt(5)) {
            case 0 -> {
                int n = 1 + rnd.nextInt(8);
                for (int i = 0; i < n; i++) {
                    int at = 0x70 + rnd.nextInt(b.length - 0x70);
                    b[at] ^= (byte) (1 << rnd.nextInt(8));
                }
                what = n + " bit flips";
            }
            case 1 -> {
                int len = 0x70 + rnd.nextInt(b.length - 0x70);
                b = java.util.Arrays.copyOf(b, len);
                what = "truncated to " + len;
            }
            case 2 -> {
                int at = 0x70 + rnd.nextInt(b.length - 0x70);
                int len = 1 + rnd.nextInt(Math.min(64, b.length - at));
                java.util.Arrays.fill(b, at, at + len, (byte) 0);
                what = "zeroed " + len + " at " + at;
            }
            case 3 -> what = editIdTable(b, rnd);
            default -> {
                // a header field: a table's size or offset
                int field = 0x38 + 4 * rnd.nextInt(14);
                int v = rnd.nextBoolean() ? rnd.nextInt() : readInt(b, field) + rnd.nextInt(9) - 4;
                writeInt(b, field, v);
                what = "header field 0x" + Integer.toHexString(field) + " = " + v;
            }
        }
        if (rnd.nextInt(10) != 0) {
            fixHeader(b);
        } else {
            what += " (checksums stale)";
        }
        return new Mutation(b, what);
    }

    /** Overwrites one index of one item of an id table with a value just out of range or random. */
    private static String editIdTable(byte[] b, Random rnd) {
        // {size offset, table offset, item size, field offsets (u4: +0x100 marks a u2 field)}
        int[][] tables = {
                {0x38, 0x3c, 4, 0},                      // string_ids: string_data_off
                {0x40, 0x44, 4, 0},                      // type_ids: descriptor_idx
                {0x48, 0x4c, 12, 0, 4, 8},               // proto_ids: shorty, return type, parameters_off
                {0x50, 0x54, 8, 0x100, 0x102, 4},        // field_ids: class_idx, type_idx, name_idx
                {0x58, 0x5c, 8, 0x100, 0x102, 4},        // method_ids: class_idx, proto_idx, name_idx
                {0x60, 0x64, 32, 0, 4, 8, 12, 16, 20, 24, 28}, // class_defs
        };
        int[] t = tables[rnd.nextInt(tables.length)];
        int size = readInt(b, t[0]);
        int off = readInt(b, t[1]);
        if (size <= 0) {
            return "no-op edit";
        }
        int item = rnd.nextInt(size);
        int f = t[3 + rnd.nextInt(t.length - 3)];
        int at = off + item * t[2] + (f & 0xff);
        int v = switch (rnd.nextInt(3)) {
            case 0 -> size + rnd.nextInt(4);
            case 1 -> rnd.nextInt();
            default -> rnd.nextInt(Math.max(1, size));
        };
        if (at + 4 > b.length) {
            return "no-op edit";
        }
        if ((f & 0x100) != 0) {
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >> 8);
        } else {
            writeInt(b, at, v);
        }
        return "id table at 0x" + Integer.toHexString(t[1]) + " item " + item + " +" + (f & 0xff) + " = " + v;
    }

    /** file_size, SHA-1 signature and Adler-32 checksum recomputed, so the loader reads the damage. */
    static void fixHeader(byte[] b) throws Exception {
        if (b.length < 0x70) {
            return;
        }
        writeInt(b, 0x20, b.length);
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(b, 32, b.length - 32);
        System.arraycopy(sha1.digest(), 0, b, 12, 20);
        Adler32 a = new Adler32();
        a.update(b, 12, b.length - 12);
        writeInt(b, 8, (int) a.getValue());
    }

    static byte[] zip(byte[] dex) throws Exception {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            z.putNextEntry(new ZipEntry("classes.dex"));
            z.write(dex);
            z.closeEntry();
        }
        return bos.toByteArray();
    }

    static int readInt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >> 8);
        b[off + 2] = (byte) (v >> 16);
        b[off + 3] = (byte) (v >> 24);
    }

    @Test
    void messagesNeverSpanLines() {
        assertFalse(Messages.printable("dex\n03\u001b[2J").contains("\n"));
        assertEquals("dex\\n03\\x1b[2J", Messages.printable("dex\n03\u001b[2J"));
    }
}
