package org.cometsim.workloads.dex;

import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;
import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.MethodImplementation;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.reference.Reference;
import org.jf.dexlib2.iface.reference.TypeReference;
import org.jf.dexlib2.util.ReferenceUtil;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inspects the D8 output: every main class is in comet-apps.dex, our own code uses no method-handle
 * opcodes, and, per workload, the java.* (and other non-guest) methods, fields and types reachable from
 * main are written to {@code target/api-surface/<workload>.txt} with a summary in
 * {@code target/api-surface/SUMMARY.txt}: the list the interpreter must bridge.
 *
 * <p>Reachability is conservative and approximate (as in dalvik-notes.md §8): start at main; follow
 * static/direct calls exactly; match virtual/interface/super calls by name and prototype against every
 * guest class (so host-to-guest callbacks such as OutputStream.write or Runnable.run are included); add
 * {@code <clinit>} of every guest class touched, and run()V of every guest class instantiated.
 */
class GuestDexTest {
    private static final Set<Opcode> METHOD_HANDLE_OPCODES = EnumSet.of(Opcode.INVOKE_CUSTOM,
            Opcode.INVOKE_CUSTOM_RANGE, Opcode.INVOKE_POLYMORPHIC, Opcode.INVOKE_POLYMORPHIC_RANGE,
            Opcode.CONST_METHOD_HANDLE, Opcode.CONST_METHOD_TYPE);
    private static final Set<Opcode> EXACT_INVOKES = EnumSet.of(Opcode.INVOKE_STATIC, Opcode.INVOKE_STATIC_RANGE,
            Opcode.INVOKE_DIRECT, Opcode.INVOKE_DIRECT_RANGE);

    private static List<DexBackedDexFile> load(Workload w) throws Exception {
        List<DexBackedDexFile> out = new ArrayList<>();
        for (String r : WorkloadCatalog.resources(w, Kind.DEX)) {
            try (InputStream in = WorkloadCatalog.open(r)) {
                out.add(new DexBackedDexFile(Opcodes.forApi(24), in.readAllBytes()));
            }
        }
        return out;
    }

    private static String type(String binaryName) {
        return "L" + binaryName.replace('.', '/') + ";";
    }

    @Test
    void mainClassesPresentAndNoMethodHandleOpcodesInOurCode() throws Exception {
        for (Workload w : WorkloadCatalog.all()) {
            List<DexBackedDexFile> dexes = load(w);
            boolean found = false;
            for (DexBackedDexFile d : dexes) {
                for (DexBackedClassDef c : d.getClasses()) {
                    found |= c.getType().equals(type(w.mainClass()));
                }
            }
            assertTrue(found, w.mainClass() + " not in " + WorkloadCatalog.resources(w, Kind.DEX));
        }
        for (DexBackedDexFile d : load(WorkloadCatalog.get("nqueens"))) {
            for (DexBackedClassDef c : d.getClasses()) {
                for (Method m : c.getMethods()) {
                    MethodImplementation impl = m.getImplementation();
                    if (impl == null) {
                        continue;
                    }
                    for (Instruction i : impl.getInstructions()) {
                        assertTrue(!METHOD_HANDLE_OPCODES.contains(i.getOpcode()),
                                c.getType() + "->" + m.getName() + " uses " + i.getOpcode());
                    }
                }
            }
        }
    }

    @Test
    void writeReachableApiSurface() throws Exception {
        Path dir = Paths.get("target/api-surface");
        Files.createDirectories(dir);
        StringBuilder summary = new StringBuilder("# java.* (non-guest) references reachable from each workload's main\n"
                + "# workload: methods / fields / types\n");
        Set<String> union = new TreeSet<>();
        for (Workload w : WorkloadCatalog.all()) {
            Surface s = reach(load(w), type(w.mainClass()));
            assertTrue(s.guestMethods > 0, w.name());
            StringBuilder sb = new StringBuilder();
            sb.append("# ").append(w.name()).append(" (").append(w.mainClass()).append("): ")
                    .append(s.guestMethods).append(" guest methods reached\n");
            sb.append("## methods (").append(s.methods.size()).append(")\n");
            s.methods.forEach(m -> sb.append(m).append('\n'));
            sb.append("## fields (").append(s.fields.size()).append(")\n");
            s.fields.forEach(f -> sb.append(f).append('\n'));
            sb.append("## types (").append(s.types.size()).append(")\n");
            s.types.forEach(t -> sb.append(t).append('\n'));
            Files.writeString(dir.resolve(w.name() + ".txt"), sb.toString());
            summary.append(w.name()).append(": ").append(s.methods.size()).append(" / ").append(s.fields.size())
                    .append(" / ").append(s.types.size()).append('\n');
            union.addAll(s.methods);
            union.addAll(s.fields);
        }
        summary.append("# union of methods and fields: ").append(union.size()).append('\n');
        union.forEach(u -> summary.append(u).append('\n'));
        Files.writeString(dir.resolve("SUMMARY.txt"), summary.toString());
        checkWrittenReport(dir);
    }

    /**
     * Reads the report back: each workload's file has its three sections with the counts its
     * headers state, the summary repeats those counts and lists exactly the union of methods and
     * fields, and the surfaces say what the programs are known to do: every workload prints
     * through System.out, the multi-threaded ones start threads and wait on monitors, the
     * single-threaded ones start none, and only the JH Labs filters reach java.awt.
     */
    private static void checkWrittenReport(Path dir) throws Exception {
        List<String> summary = Files.readAllLines(dir.resolve("SUMMARY.txt"));
        Set<String> union = new TreeSet<>();
        for (Workload w : WorkloadCatalog.all()) {
            List<String> lines = Files.readAllLines(dir.resolve(w.name() + ".txt"));
            assertTrue(lines.get(0).startsWith("# " + w.name() + " (" + w.mainClass() + "): "), lines.get(0));
            Map<String, List<String>> sections = new HashMap<>();
            Map<String, Integer> stated = new HashMap<>();
            List<String> current = null;
            for (String line : lines.subList(1, lines.size())) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("## (methods|fields|types) \\((\\d+)\\)").matcher(line);
                if (m.matches()) {
                    current = new ArrayList<>();
                    sections.put(m.group(1), current);
                    stated.put(m.group(1), Integer.parseInt(m.group(2)));
                } else {
                    assertNotNull(current, w.name() + ": a line before the first section: " + line);
                    current.add(line);
                }
            }
            for (String section : List.of("methods", "fields", "types")) {
                assertEquals(stated.get(section), sections.get(section).size(), w.name() + " " + section + " count");
            }
            List<String> methods = sections.get("methods");
            assertTrue(sections.get("fields").contains("Ljava/lang/System;->out:Ljava/io/PrintStream;"), w.name() + " prints");
            assertTrue(methods.stream().anyMatch(x -> x.startsWith("Ljava/io/PrintStream;->print")), w.name() + " prints");
            boolean startsThreads = methods.stream().anyMatch(x -> x.startsWith("Ljava/lang/Thread;->start()V"));
            assertEquals(w.threads() > 1, startsThreads, w.name() + " starts threads iff it is multi-threaded");
            if (w.threads() > 1) {
                assertTrue(methods.contains("Ljava/lang/Object;->wait()V"), w.name() + " waits on a monitor");
            }
            boolean awt = lines.stream().anyMatch(x -> x.contains("Ljava/awt/"));
            assertEquals(w.libraries().contains("jhlabs-filters"), awt, w.name() + " reaches java.awt iff it runs JH Labs");
            assertTrue(summary.contains(w.name() + ": " + stated.get("methods") + " / " + stated.get("fields") + " / "
                    + stated.get("types")), w.name() + "'s counts in the summary");
            for (String x : methods) {
                union.add(x);
            }
            union.addAll(sections.get("fields"));
        }
        int at = summary.indexOf("# union of methods and fields: " + union.size());
        assertTrue(at > 0, "the summary states the union's size " + union.size());
        assertEquals(new ArrayList<>(union), summary.subList(at + 1, summary.size()), "the summary lists the union");
    }

    /** External references reachable from a main class. */
    static final class Surface {
        final Set<String> methods = new TreeSet<>();
        final Set<String> fields = new TreeSet<>();
        final Set<String> types = new TreeSet<>();
        int guestMethods;
    }

    static Surface reach(List<DexBackedDexFile> dexes, String mainType) {
        Map<String, ClassDef> classes = new HashMap<>();
        Map<String, List<Method>> byNameProto = new HashMap<>();
        for (DexBackedDexFile d : dexes) {
            for (DexBackedClassDef c : d.getClasses()) {
                classes.putIfAbsent(c.getType(), c);
                for (Method m : c.getMethods()) {
                    byNameProto.computeIfAbsent(nameProto(m), k -> new ArrayList<>()).add(m);
                }
            }
        }
        Surface s = new Surface();
        Set<String> seen = new HashSet<>();
        Set<String> initialised = new HashSet<>();
        Deque<Method> work = new ArrayDeque<>();
        ClassDef main = classes.get(mainType);
        for (Method m : main.getMethods()) {
            if (m.getName().equals("main")) {
                work.add(m);
            }
        }
        touchClass(mainType, classes, initialised, work, false);
        while (!work.isEmpty()) {
            Method m = work.poll();
            if (!seen.add(ReferenceUtil.getMethodDescriptor(m))) {
                continue;
            }
            s.guestMethods++;
            MethodImplementation impl = m.getImplementation();
            if (impl == null) {
                continue;
            }
            for (Instruction i : impl.getInstructions()) {
                if (!(i instanceof ReferenceInstruction)) {
                    continue;
                }
                Reference ref = ((ReferenceInstruction) i).getReference();
                Opcode op = i.getOpcode();
                if (ref instanceof MethodReference) {
                    MethodReference mr = (MethodReference) ref;
                    String owner = mr.getDefiningClass();
                    if (!classes.containsKey(owner) && !owner.startsWith("[")) {
                        s.methods.add(ReferenceUtil.getMethodDescriptor(mr));
                    } else if (owner.startsWith("[")) {
                        s.methods.add(ReferenceUtil.getMethodDescriptor(mr));
                    }
                    touchClass(owner, classes, initialised, work, false);
                    if (classes.containsKey(owner) && resolve(classes, owner, mr) == null) {
                        // Inherited from a host superclass (e.g. Thread.start() on a guest Thread subclass).
                        String host = firstHostSuper(classes, owner);
                        s.methods.add(ReferenceUtil.getMethodDescriptor(mr).replace(owner + "->", host + "->")
                                + "   (via " + owner + ")");
                    }
                    if (EXACT_INVOKES.contains(op)) {
                        Method target = resolve(classes, owner, mr);
                        if (target != null) {
                            work.add(target);
                        }
                    } else {
                        List<Method> cands = byNameProto.get(nameProto(mr));
                        if (cands != null) {
                            work.addAll(cands);
                        }
                        Method target = resolve(classes, owner, mr);
                        if (target != null) {
                            work.add(target);
                        }
                    }
                } else if (ref instanceof FieldReference) {
                    FieldReference fr = (FieldReference) ref;
                    if (!classes.containsKey(fr.getDefiningClass())) {
                        s.fields.add(ReferenceUtil.getFieldDescriptor(fr));
                    }
                    touchClass(fr.getDefiningClass(), classes, initialised, work, false);
                } else if (ref instanceof TypeReference) {
                    String t = ((TypeReference) ref).getType();
                    String elem = t.replaceFirst("^\\[+", "");
                    if (elem.startsWith("L") && !classes.containsKey(elem)) {
                        s.types.add(t);
                    }
                    touchClass(elem, classes, initialised, work,
                            op == Opcode.NEW_INSTANCE);
                }
            }
        }
        return s;
    }

    /** Queues a guest class's (and its guest superclasses') static initialiser; run() if instantiated. */
    private static void touchClass(String type, Map<String, ClassDef> classes, Set<String> initialised,
                                   Deque<Method> work, boolean instantiated) {
        for (String t = type; t != null && classes.containsKey(t); t = classes.get(t).getSuperclass()) {
            ClassDef c = classes.get(t);
            if (initialised.add(t)) {
                for (Method m : c.getMethods()) {
                    if (m.getName().equals("<clinit>")) {
                        work.add(m);
                    }
                }
            }
            if (instantiated) {
                for (Method m : c.getMethods()) {
                    if (m.getName().equals("run") && m.getParameterTypes().isEmpty()) {
                        work.add(m);
                    }
                }
            }
        }
    }

    private static String firstHostSuper(Map<String, ClassDef> classes, String type) {
        String t = type;
        while (classes.containsKey(t)) {
            t = classes.get(t).getSuperclass();
        }
        return t;
    }

    private static Method resolve(Map<String, ClassDef> classes, String owner, MethodReference mr) {
        String np = nameProto(mr);
        for (String t = owner; t != null && classes.containsKey(t); t = classes.get(t).getSuperclass()) {
            for (Method m : classes.get(t).getMethods()) {
                if (nameProto(m).equals(np)) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String nameProto(MethodReference m) {
        StringBuilder sb = new StringBuilder(m.getName()).append('(');
        for (CharSequence p : m.getParameterTypes()) {
            sb.append(p);
        }
        return sb.append(')').append(m.getReturnType()).toString();
    }
}
