package org.cometsim.dalvik.interp;

import org.cometsim.dalvik.rt.CodeTemplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.hooks.FrameCapture;
import org.cometsim.dalvik.hooks.ObjectTable;
import org.cometsim.dalvik.hooks.SafepointHandler;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.ParsedClass;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interpreter's fast paths against the host JVM: quickened iget/iput (every field kind,
 * a subclass receiver, a null receiver after quickening), host intrinsics (boxing identity,
 * {@code Integer.compare}, {@code Character} predicates, a null receiver), frames reused across
 * calls (recursion, exceptions), and that a reused frame starts as clean as a new one (the
 * reference map a safepoint capture sees).
 */
class InterpreterFastPathsTest {
    @TempDir
    Path dir;

    private static final String SOURCE = """
            public class FastPaths {
                static class Base { int i; long j; Object o; boolean z; byte b; char c; short s; float f; double d; }
                static class Sub extends Base { int extra; }

                static long fields(Base x, int k) {
                    x.i += k; x.j += 3L * k; x.o = k % 2 == 0 ? "even" : null; x.z = !x.z; x.b = (byte) (x.b + 100);
                    x.c = (char) (x.c + 7); x.s = (short) (x.s - 300); x.f += 0.5f; x.d *= 1.5;
                    return x.i + x.j + (x.o == null ? 1 : 2) + (x.z ? 4 : 8) + x.b + x.c + x.s + (long) x.f + (long) x.d;
                }

                static int depth(int n) {
                    if (n == 0) {
                        return 0;
                    }
                    int[] scratch = new int[2];
                    scratch[1] = n;
                    return depth(n - 1) + scratch[1];
                }

                static int thrower(int n) {
                    Object local = "x" + n;
                    if (n % 3 == 0) {
                        throw new IllegalStateException("n=" + n);
                    }
                    return local.hashCode() & 7;
                }

                static int probe(int n) {
                    int s = 0;
                    for (int i = 0; i < n; i++) {
                        s += i;
                    }
                    // four references live at once: registers the loop above never wrote
                    Object a = new StringBuilder().append(s);
                    Object b = a.toString();
                    Object c = b + "c";
                    Object d = c + "d";
                    return s + (a.toString().length() ^ b.hashCode() ^ c.hashCode() ^ d.hashCode()) % 3;
                }

                static int probes() {
                    return probe(4) + probe(6) + probe(3); // guest calls: popped frames are reused
                }

                public static void main(String[] args) {
                    Base b = new Base();
                    Sub s = new Sub();
                    long acc = 0;
                    for (int k = 0; k < 50; k++) {
                        acc += fields(k % 2 == 0 ? b : s, k);
                    }
                    System.out.println("fields " + acc + " " + b.o + " " + s.o + " " + b.d + " " + s.f);
                    try {
                        fields(null, 1);
                    } catch (NullPointerException e) {
                        System.out.println("npe after quickening");
                    }
                    Integer x = 127, y = 127, p = 128, q = 128;
                    System.out.println("boxing " + (x == y) + " " + (p == q) + " " + (Integer.valueOf(-5).intValue() + x.intValue()));
                    Long l = 5L;
                    Double d = 2.5;
                    Boolean t = true;
                    Character c = 'q';
                    System.out.println("more " + (l.longValue() + 1) + " " + (d.doubleValue() * 2) + " " + t.booleanValue() + " " + c.charValue());
                    int cmp = 0;
                    for (int k = -3; k <= 3; k++) {
                        cmp = cmp * 3 + Integer.compare(k, 0) + 1 + Integer.numberOfLeadingZeros(k) + Long.compare(k, 1L);
                    }
                    System.out.println("cmp " + cmp + " " + Double.doubleToLongBits(Double.NaN) + " " + Float.floatToIntBits(-0.0f)
                            + " " + Long.bitCount(0xF0F0L) + " " + Integer.numberOfTrailingZeros(96));
                    StringBuilder chars = new StringBuilder();
                    for (char ch : "aZ9 _\\u00e9".toCharArray()) {
                        chars.append(Character.isUpperCase(ch) ? 'U' : Character.isLowerCase(ch) ? 'l' : Character.isDigit(ch) ? 'd'
                                : Character.isWhitespace(ch) ? 'w' : Character.isLetter(ch) ? 'L' : '-');
                        chars.append(Character.toUpperCase(ch));
                    }
                    System.out.println("chars " + chars);
                    Integer none = null;
                    try {
                        System.out.println(none.intValue());
                    } catch (NullPointerException e) {
                        System.out.println("npe on a null box");
                    }
                    int r = 0;
                    for (int k = 0; k < 20; k++) {
                        r += depth(k);
                        try {
                            r += thrower(k);
                        } catch (IllegalStateException e) {
                            r += e.getMessage().length();
                        }
                    }
                    System.out.println("calls " + r + " " + probe(5) + " " + probe(7));
                }
            }
            """;

    private Path compile() throws Exception {
        Path src = dir.resolve("src").resolve("FastPaths.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path out = dir.resolve("classes");
        Files.createDirectories(out);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(), "--release", "17", src.toString());
        assertEquals(0, rc, "javac failed");
        return out;
    }

    private Vm vm(Path classes, ByteArrayOutputStream out) throws Exception {
        return vm(classPath(classes), out);
    }

    private static Vm vm(ClassPath cp, ByteArrayOutputStream out) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return org.cometsim.dalvik.conformance.Corpus.newVm(cp, ps, ps, true);
    }

    private ClassPath classPath(Path classes) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(classes)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        List<byte[]> dexes = new D8Converter(dir.resolve("cache")).convertClassFiles(files, false, "FastPaths");
        ClassPath cp = new ClassPath();
        for (byte[] d : dexes) {
            cp.addDex("fastpaths.dex", d);
        }
        return cp;
    }

    private static String onHost(Path classes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try (URLClassLoader l = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Method main = l.loadClass("FastPaths").getMethod("main", String[].class);
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fastPathsMatchTheHostJvm() throws Exception {
        Path classes = compile();
        String expected = onHost(classes);
        for (int run = 0; run < 2; run++) { // the second run is on a VM of its own: nothing carries over
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Vm vm = vm(classes, out);
            int status = vm.runMain("FastPaths", new String[0]);
            assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
            assertEquals(expected, out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void vmsOnOneClassPathShareDecodedCodeButNotEachOthersQuickening() throws Exception {
        Path classes = compile();
        String expected = onHost(classes);
        ClassPath cp = classPath(classes);
        List<Vm> vms = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Vm vm = vm(cp, out);
            assertEquals(0, vm.runMain("FastPaths", new String[0]), out.toString(StandardCharsets.UTF_8));
            assertEquals(expected, out.toString(StandardCharsets.UTF_8), "run " + run);
            vms.add(vm);
        }
        String desc = "(LFastPaths$Base;I)J";
        VmMethod m0 = vms.get(0).linker().classForDescriptor("LFastPaths;").methods.get("fields" + desc);
        VmMethod m1 = vms.get(1).linker().classForDescriptor("LFastPaths;").methods.get("fields" + desc);
        ParsedClass.ParsedMethod parsed = null;
        for (ParsedClass.ParsedMethod pm : cp.parsedClass("LFastPaths;").methods) {
            if (pm.name.equals("fields") && pm.desc.equals(desc)) {
                parsed = pm;
            }
        }
        CodeTemplate template = m0.code.template;
        assertTrue(template != null && template == m1.code.template && template == parsed.template(m0.argWords),
                "fields was decoded once for the class path");
        assertTrue(m0.code != m1.code && m0.code.insns != m1.code.insns, "each VM links and quickens its own copy");
        assertTrue(m0.code.argRegs == template.argRegs && m1.code.lineOf == template.lineOf, "read-only tables are shared");
        assertTrue(m0.code.links[0] != m1.code.links[0] || m0.code.links[0] instanceof String, "links are per VM");
        int quickened = 0;
        for (int i = 0; i < template.insns.length; i += 4) {
            int op = template.insns[i];
            if (op >= 0x52 && op <= 0x5f) { // iget*/iput*: quickened in each VM, never in the template
                assertTrue(template.insns[i + 3] >= 0, "template keeps the link index");
                assertTrue(m0.code.insns[i + 3] < 0 && m1.code.insns[i + 3] < 0, "both VMs quickened instruction " + i / 4);
                quickened++;
            }
        }
        assertTrue(quickened >= 9, "field instructions in fields(): " + quickened);
    }

    @Test
    void aReusedFrameStartsWithoutStaleReferences() throws Exception {
        Path classes = compile();
        Vm vm = vm(classes, new ByteArrayOutputStream());
        vm.setSafepointInterval(1);
        List<FrameCapture.FrameState> atLoop = new ArrayList<>();
        ObjectTable ids = new ObjectTable();
        vm.setSafepointHandler((GuestThread t, SafepointHandler.Kind kind) -> {
            if (kind == SafepointHandler.Kind.BACKWARD_BRANCH && t.top.method.name.equals("probe")) {
                atLoop.add(FrameCapture.capture(t, ids).get(0));
            }
            return SafepointHandler.Action.CONTINUE;
        });
        // probe's loop runs before it stores its references: no register may hold one there, in
        // the first call (a new frame) or in later ones (the popped frame, reused)
        vm.invokeStatic("FastPaths", "probes", "()I");
        // (the slow path runs at every other safepoint with interval 1: the budget goes 1, 0, -1)
        assertTrue(atLoop.size() >= 4, "captures in probe's loop: " + atLoop.size());
        for (FrameCapture.FrameState s : atLoop) {
            assertTrue(s.isRef().isEmpty(), "references in probe's registers before it made any: " + s.isRef());
        }
        assertEquals(0, ids.size(), "no reference was captured");
    }
}
