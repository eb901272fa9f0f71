package org.cometsim.dalvik.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmClock;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The audits of world state, re-derived from the JDK's run-time image so that they cannot go
 * stale (a new JDK adding a setter or a default reader fails here):
 * <ul>
 *   <li>every public static method named like a setter (set, add, remove, register, reset, clear
 *       ...) of every public class of every exported package of the JDK's {@code java.*} modules
 *       (what the host bridge can reach) is classified in {@link GlobalSetters}, every entry
 *       there exists, has a reason if refused, and is implemented by the VM if per VM;</li>
 *   <li>every public method of {@code java.base}, {@code java.logging} and {@code java.sql} that
 *       reads the JVM's default locale or time zone, directly or through at most one other public
 *       method (private helpers followed without limit), is covered by a rule of
 *       {@link ImplicitDefaults}, by another part of the VM, or listed below as harmless with the
 *       reason.</li>
 * </ul>
 */
class WorldAuditTest {

    private static FileSystem jrt() {
        return FileSystems.getFileSystem(URI.create("jrt:/"));
    }

    /** Packages exported to everyone by the JDK's java.* modules. */
    private static Set<String> exportedPackages() {
        Set<String> out = new HashSet<>();
        for (Module m : ModuleLayer.boot().modules()) {
            if (m.getName().startsWith("java.")) {
                for (ModuleDescriptor.Exports e : m.getDescriptor().exports()) {
                    if (!e.isQualified()) {
                        out.add(e.source().replace('.', '/'));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> javaModules() {
        return ModuleLayer.boot().modules().stream().map(Module::getName).filter(n -> n.startsWith("java.")).sorted()
                .collect(Collectors.toList());
    }

    private static void eachClass(String module, ClassVisitor v) throws IOException {
        try (Stream<Path> walk = Files.walk(jrt().getPath("/modules/" + module))) {
            for (Path p : walk.filter(x -> x.toString().endsWith(".class")).collect(Collectors.toList())) {
                new ClassReader(Files.readAllBytes(p)).accept(v, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            }
        }
    }

    /** Whether a class (internal name) is public API the bridge can reach: public, in an exported java./javax. package. */
    private static boolean reachable(String internalName, int access, Set<String> exported) {
        int slash = internalName.lastIndexOf('/');
        return (access & Opcodes.ACC_PUBLIC) != 0 && slash > 0 && exported.contains(internalName.substring(0, slash))
                && (internalName.startsWith("java/") || internalName.startsWith("javax/"));
    }

    // ------------------------------------------------------------------ JVM-global setters

    private static final String SETTER_NAMES =
            "(set|add|remove|register|deregister|unregister|reset|clear|install|load|insert|flush|put|enable|disable|refresh|update).*";

    @Test
    void everyJvmGlobalSetterIsPerVmRefusedOrHarmless() throws Exception {
        Set<String> exported = exportedPackages();
        Set<String> scanned = new TreeSet<>();
        for (String module : javaModules()) {
            eachClass(module, new ClassVisitor(Opcodes.ASM9) {
                String owner;
                boolean reachableClass;

                @Override
                public void visit(int version, int access, String name, String sig, String sup, String[] ifs) {
                    owner = name;
                    reachableClass = reachable(name, access, exported);
                }

                @Override
                public void visitInnerClass(String name, String outer, String inner, int access) {
                    if (name.equals(owner) && (access & Opcodes.ACC_PUBLIC) == 0) {
                        reachableClass = false; // a non-public member class compiled as a public top-level file
                    }
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    if (reachableClass && (access & (Opcodes.ACC_STATIC | Opcodes.ACC_PUBLIC)) == (Opcodes.ACC_STATIC | Opcodes.ACC_PUBLIC)
                            && name.matches(SETTER_NAMES)) {
                        scanned.add(owner.replace('/', '.') + "." + name + desc);
                    }
                    return null;
                }
            });
        }
        Set<String> audited = new HashSet<>();
        for (GlobalSetters.Entry e : GlobalSetters.ENTRIES) {
            audited.add(e.key());
        }
        Set<String> missing = new TreeSet<>(scanned);
        missing.removeAll(audited);
        assertEquals(Set.of(), missing, "JVM-global setters reachable from guest code and not audited in GlobalSetters");
        assertTrue(scanned.size() > 150, "the scan found too little: " + scanned.size());

        Vm vm = newVm();
        for (GlobalSetters.Entry e : GlobalSetters.ENTRIES) {
            Class<?> owner = Class.forName(e.owner(), false, ClassLoader.getPlatformClassLoader());
            boolean exists = false;
            for (java.lang.reflect.Method m : owner.getMethods()) {
                exists |= m.getName().equals(e.name())
                        && Descriptors.methodDescriptor(m.getParameterTypes(), m.getReturnType()).equals(e.desc());
            }
            assertTrue(exists, "stale GlobalSetters entry " + e.key());
            switch (e.verdict()) {
                case REFUSED, REFUSED_INSTANCE -> assertTrue(!GlobalSetters.reason(e).isEmpty());
                case PER_VM -> {
                    VmClass k = vm.linker().classForDescriptor(Descriptors.toDescriptor(e.owner()));
                    boolean vmOwn = k.kind != VmClass.Kind.HOST || vm.natives().lookup(e.owner(), e.name() + e.desc()) != null;
                    assertTrue(vmOwn, "PER_VM entry the VM does not implement: " + e.key());
                }
                case HARMLESS -> { }
            }
        }
    }

    // ------------------------------------------------------------------ implicit readers of the defaults

    private static final Set<String> SINKS = Set.of(
            "java/util/Locale.getDefault()Ljava/util/Locale;",
            "java/util/Locale.getDefault(Ljava/util/Locale$Category;)Ljava/util/Locale;",
            "java/util/TimeZone.getDefault()Ljava/util/TimeZone;",
            "java/util/TimeZone.getDefaultRef()Ljava/util/TimeZone;",
            "java/time/ZoneId.systemDefault()Ljava/time/ZoneId;",
            "java/time/Clock.systemDefaultZone()Ljava/time/Clock;");

    /**
     * Calls not followed: {@code sun.util.calendar.CalendarDate()} stores the default zone in a
     * calendar date whose callers (Era tables, Julian and local-Gregorian calendar systems as
     * they load, BaseCalendar date arithmetic) set or ignore the zone; the paths through it are
     * zone-free computations. {@code Date.getTime()} reads the default only to normalise a Date
     * changed through the deprecated field methods and constructors, which stop when the VM's zone
     * differs (see {@link #HANDLED_ELSEWHERE}); its many callers (comparisons, timers, calendars
     * set from a Date) only want the instant.
     */
    private static final Set<String> NOT_FOLLOWED = Set.of("sun/util/calendar/CalendarDate.<init>()V",
            "java/util/Date.getTime()J");

    /**
     * Methods that read a default but need no rule, each with the reason. Keys are
     * {@code owner.name(desc)} with the owner in dotted form.
     */
    private static final Map<String, String> HANDLED_ELSEWHERE = handledElsewhere();

    private static Map<String, String> handledElsewhere() {
        Map<String, String> m = new TreeMap<>();
        String defaults = "the VM's own accessor of its default (WorldStateNatives)";
        m.put("java.util.Locale.getDefault()Ljava/util/Locale;", defaults);
        m.put("java.util.Locale.getDefault(Ljava/util/Locale$Category;)Ljava/util/Locale;", defaults);
        m.put("java.util.TimeZone.getDefault()Ljava/util/TimeZone;", defaults);
        m.put("java.time.ZoneId.systemDefault()Ljava/time/ZoneId;", defaults);
        String bundles = "GuestResources: the guest's bundles load through its VM's loader with its VM's default locale";
        m.put("java.util.ResourceBundle.getBundle(Ljava/lang/String;)Ljava/util/ResourceBundle;", bundles);
        m.put("java.util.ResourceBundle.getBundle(Ljava/lang/String;Ljava/util/Locale;)Ljava/util/ResourceBundle;", bundles);
        m.put("java.util.ResourceBundle.getBundle(Ljava/lang/String;Ljava/util/Locale;Ljava/lang/ClassLoader;)Ljava/util/ResourceBundle;",
                bundles);
        String resources = "Class is a model class and the guest's loader (GuestResources.Loader) overrides the resource lookups";
        m.put("java.lang.Class.getResource(Ljava/lang/String;)Ljava/net/URL;", resources);
        m.put("java.lang.Class.getResourceAsStream(Ljava/lang/String;)Ljava/io/InputStream;", resources);
        m.put("java.lang.ClassLoader.getResource(Ljava/lang/String;)Ljava/net/URL;", resources);
        m.put("java.lang.ClassLoader.getResources(Ljava/lang/String;)Ljava/util/Enumeration;", resources);
        m.put("java.lang.Module.getResourceAsStream(Ljava/lang/String;)Ljava/io/InputStream;",
                "guest code has no host Module (Class.getModule is not a model method)");
        m.put("java.lang.module.Configuration.resolve(Ljava/lang/module/ModuleFinder;Ljava/util/List;Ljava/lang/module/ModuleFinder;Ljava/util/Collection;)Ljava/lang/module/Configuration;",
                "module-graph resolution lower-cases only for its diagnostics; guest code has no module layers");
        m.put("java.lang.module.Configuration.resolveAndBind(Ljava/lang/module/ModuleFinder;Ljava/util/List;Ljava/lang/module/ModuleFinder;Ljava/util/Collection;)Ljava/lang/module/Configuration;",
                "as resolve");
        String logging = "VmLogging: the guest's loggers are the VM's (no resource bundles: those are refused), "
                + "its formatter is the VM's, and the LogManager is refused (GlobalSetters)";
        m.put("java.util.logging.Logger", logging);
        m.put("java.util.logging.LogManager", logging);
        m.put("java.util.logging.SimpleFormatter", logging);
        m.put("java.net.URLStreamHandler.hashCode(Ljava/net/URL;)I", "protected: reached only by guest subclasses of "
                + "URLStreamHandler (URL.hashCode, which calls it, stops when the case mapping differs)");
        m.put("java.util.Calendar.<init>()V", "protected: reached only by guest subclasses of Calendar (host peers keep "
                + "the JVM's defaults, a documented gap)");
        m.put("java.util.Date.getTime()J", "reads the default only to normalise a Date changed through the deprecated "
                + "field methods and constructors, which stop when the VM's zone differs");
        m.put("java.util.Date.UTC(IIIIII)J", "computes in UTC; normalize() is not reached for a fresh UTC date");
        m.put("java.util.Date.toGMTString()Ljava/lang/String;", "prints in GMT; the default is read only for dates "
                + "changed through the deprecated field methods");
        m.put("java.time.chrono.HijrahEra.getDisplayName(Ljava/time/format/TextStyle;Ljava/util/Locale;)Ljava/lang/String;",
                "takes its locale explicitly");
        m.put("java.util.Locale.getDisplayName(Ljava/util/Locale;)Ljava/lang/String;",
                "takes its locale explicitly (the default is read only as a fallback when the given locale is null)");
        String security = "security and certificate code lower-cases algorithm and provider names; guest code on a phone "
                + "does not configure the JVM's security (Security setters are refused)";
        m.put("java.security.CodeSource.<init>(Ljava/net/URL;[Ljava/security/CodeSigner;)V", security);
        m.put("java.security.CodeSource.<init>(Ljava/net/URL;[Ljava/security/cert/Certificate;)V", security);
        m.put("java.security.KeyStore.<init>(Ljava/security/KeyStoreSpi;Ljava/security/Provider;Ljava/lang/String;)V",
                "protected: reached only by guest subclasses of KeyStore");
        m.put("javax.security.auth.PrivateCredentialPermission.<init>(Ljava/lang/String;Ljava/lang/String;)V", security);
        m.put("javax.security.auth.login.LoginContext", security);
        String certificates = "certificate code prints a Date (toString) only into debug output";
        m.put("java.security.cert.X509CertSelector.match(Ljava/security/cert/Certificate;)Z", certificates);
        String japanese = "computes fields of a local date on a scratch calendar; its zone does not enter";
        m.put("java.time.chrono.JapaneseChronology.range(Ljava/time/temporal/ChronoField;)Ljava/time/temporal/ValueRange;", japanese);
        m.put("java.time.chrono.JapaneseDate.getLong(Ljava/time/temporal/TemporalField;)J", japanese);
        m.put("java.time.chrono.JapaneseDate.lengthOfYear()I", japanese);
        m.put("java.time.chrono.JapaneseDate.range(Ljava/time/temporal/TemporalField;)Ljava/time/temporal/ValueRange;", japanese);
        m.put("java.util.jar.JarFile.getInputStream(Ljava/util/zip/ZipEntry;)Ljava/io/InputStream;",
                "manifest attribute names are ASCII; verification is client-pinned file I/O");
        m.put("java.util.jar.JarInputStream.read([BII)I", "as JarFile.getInputStream");
        return m;
    }

    /** A public API method (dotted owner) and the call chain that reaches a sink. */
    private record Reader(String method, List<String> chain) {
    }

    private static List<Reader> defaultReaders() throws IOException {
        Set<String> exported = exportedPackages();
        Map<String, Set<String>> callers = new HashMap<>();
        Map<String, Boolean> publicApi = new HashMap<>();
        for (String module : List.of("java.base", "java.logging", "java.sql")) {
            eachClass(module, new ClassVisitor(Opcodes.ASM9) {
                String owner;
                boolean publicClass;

                @Override
                public void visit(int version, int access, String name, String sig, String sup, String[] ifs) {
                    owner = name;
                    publicClass = reachable(name, access, exported);
                }

                @Override
                public void visitInnerClass(String name, String outer, String inner, int access) {
                    if (name.equals(owner) && (access & Opcodes.ACC_PUBLIC) == 0) {
                        publicClass = false;
                    }
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                    String me = owner + "." + name + desc;
                    publicApi.put(me, publicClass && (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0
                            && (access & Opcodes.ACC_SYNTHETIC) == 0);
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int op, String o, String n, String d, boolean itf) {
                            callers.computeIfAbsent(o + "." + n + d, k -> new HashSet<>()).add(me);
                        }
                    };
                }
            });
        }
        // Reverse search from the sinks; entering a public API method costs one hop, helpers none.
        Map<String, Integer> hops = new HashMap<>();
        Map<String, String> next = new HashMap<>();
        Deque<String> work = new ArrayDeque<>();
        for (String s : SINKS) {
            hops.put(s, 0);
            work.add(s);
        }
        while (!work.isEmpty()) {
            String m = work.poll();
            if (NOT_FOLLOWED.contains(m)) {
                continue;
            }
            int h = hops.get(m);
            for (String c : callers.getOrDefault(m, Set.of())) {
                int ch = h + (publicApi.getOrDefault(c, false) ? 1 : 0);
                if (ch > 2 || hops.getOrDefault(c, Integer.MAX_VALUE) <= ch) {
                    continue;
                }
                hops.put(c, ch);
                next.put(c, m);
                if (ch == h) {
                    work.addFirst(c); // a 0-1 search: helpers first, so every method gets its fewest hops
                } else {
                    work.addLast(c);
                }
            }
        }
        List<Reader> out = new ArrayList<>();
        for (String m : new TreeSet<>(hops.keySet())) {
            if (!publicApi.getOrDefault(m, false) || m.contains("lambda$")) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            for (String x = m; x != null; x = next.get(x)) {
                chain.add(x);
            }
            int dot = m.indexOf('.');
            out.add(new Reader(m.substring(0, dot).replace('/', '.') + m.substring(dot), chain));
        }
        return out;
    }

    @Test
    void everyImplicitReaderOfTheJvmDefaultsIsCovered() throws Exception {
        Set<String> covered = ImplicitDefaults.coveredMethods();
        List<Reader> readers = defaultReaders();
        List<String> uncovered = new ArrayList<>();
        for (Reader r : readers) {
            String owner = r.method().substring(0, r.method().indexOf('('));
            owner = owner.substring(0, owner.lastIndexOf('.'));
            if (covered.contains(r.method()) || HANDLED_ELSEWHERE.containsKey(r.method()) || HANDLED_ELSEWHERE.containsKey(owner)) {
                continue;
            }
            uncovered.add(r.method() + "\n      via " + String.join(" -> ", r.chain()));
        }
        assertTrue(readers.size() > 150, "the scan found too little: " + readers.size());
        assertEquals("", String.join("\n", uncovered), uncovered.size() + " JDK methods read a JVM default and are not covered");

        // No stale entries: each harmless method is still a reader, each class named has one.
        Set<String> found = new HashSet<>();
        for (Reader r : readers) {
            found.add(r.method());
            String owner = r.method().substring(0, r.method().indexOf('('));
            found.add(owner.substring(0, owner.lastIndexOf('.')));
        }
        Set<String> stale = new TreeSet<>(HANDLED_ELSEWHERE.keySet());
        stale.removeAll(found);
        assertEquals(Set.of(), stale, "HANDLED_ELSEWHERE entries the scan no longer finds");
        // Every rule names a method the JDK has.
        for (String m : covered) {
            assertTrue(jdkHas(m), "ImplicitDefaults rule for a method the JDK lacks: " + m);
        }
    }

    /** Whether {@code owner.name(desc)} is a public method or constructor of the JDK. */
    private static boolean jdkHas(String method) throws ClassNotFoundException {
        int paren = method.indexOf('(');
        String head = method.substring(0, paren);
        int dot = head.lastIndexOf('.');
        String desc = method.substring(paren);
        Class<?> owner = Class.forName(head.substring(0, dot), false, ClassLoader.getPlatformClassLoader());
        String name = head.substring(dot + 1);
        if (name.equals("<init>")) {
            for (java.lang.reflect.Constructor<?> c : owner.getConstructors()) {
                if (Descriptors.methodDescriptor(c.getParameterTypes(), void.class).equals(desc)) {
                    return true;
                }
            }
            return false;
        }
        for (java.lang.reflect.Method m : owner.getMethods()) {
            if (m.getName().equals(name) && Descriptors.methodDescriptor(m.getParameterTypes(), m.getReturnType()).equals(desc)) {
                return true;
            }
        }
        return false;
    }

    private static Vm newVm() throws Exception {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        return new Vm(new ClassPath(), new Vm.Options(sink, sink, System.in, VmClock.wallClock()));
    }
}
