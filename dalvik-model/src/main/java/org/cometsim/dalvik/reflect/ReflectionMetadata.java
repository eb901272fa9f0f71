package org.cometsim.dalvik.reflect;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.jf.dexlib2.AnnotationVisibility;
import org.jf.dexlib2.iface.Annotation;
import org.jf.dexlib2.iface.AnnotationElement;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.Field;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.value.AnnotationEncodedValue;
import org.jf.dexlib2.iface.value.ArrayEncodedValue;
import org.jf.dexlib2.iface.value.EncodedValue;
import org.jf.dexlib2.iface.value.IntEncodedValue;
import org.jf.dexlib2.iface.value.MethodEncodedValue;
import org.jf.dexlib2.iface.value.StringEncodedValue;
import org.jf.dexlib2.iface.value.TypeEncodedValue;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What reflection needs from a guest class's dex definition beyond what linking keeps: the
 * system annotations D8 writes for javac's attributes ({@code dalvik.annotation.InnerClass},
 * {@code EnclosingClass}, {@code EnclosingMethod}, {@code Signature}, {@code Throws}), the types of
 * runtime-visible annotations, and the declaration order of fields. Read once per class; immutable.
 */
final class ReflectionMetadata {
    /**
     * Per-member data (a field: key {@code "F" + name}; a method: name + descriptor).
     * {@code annotations}: the runtime-visible annotations by type descriptor, in dex order.
     */
    record Member(String signature, List<String> exceptions, Map<String, Annotation> annotations, int access,
                  List<Map<String, Annotation>> parameterAnnotations) {
    }

    /**
     * What only the class file keeps, when the class came from a jar on the guest class path:
     * fields in declaration order (name + ":" + type) and, per element (key {@code ""} for the
     * class, else as in {@link #members}), its runtime-visible annotation types in class-file order.
     */
    private record ClassFileOrder(List<String> fields, Map<String, List<String>> annotations,
                                  List<RecordComponentInfo> recordComponents) {
    }

    /**
     * A record component from the class file's {@code Record} attribute (dex does not keep it):
     * its name, type descriptor, generic signature (or null), and whether it carries annotations.
     */
    record RecordComponentInfo(String name, String descriptor, String signature, boolean annotated) {
    }

    /** True if the class has a {@code dalvik.annotation.InnerClass} entry for itself. */
    /**
     * The record components in declaration order, from the class file; null if the class is not a
     * record or its class file is not on the guest class path.
     */
    final List<RecordComponentInfo> recordComponents;
    final boolean inner;
    /** Its simple name, or null for an anonymous class. */
    final String innerName;
    final int innerFlags;
    /** Descriptor of the {@code EnclosingClass} annotation's value, or null. */
    final String enclosingClass;
    /** The {@code EnclosingMethod} annotation's value, or null. */
    final MethodReference enclosingMethod;
    final String signature;
    /** The runtime-visible annotations on the class by type descriptor, in dex order (sorted by type). */
    final Map<String, Annotation> annotations;
    /** For an annotation type: its elements' default values ({@code dalvik.annotation.AnnotationDefault}). */
    final Map<String, EncodedValue> annotationDefaults;
    final Map<String, Member> members;
    /** Declared fields in declaration order (name + ":" + type). */
    final List<String> fieldOrder;
    /**
     * Elements (key {@code ""}: the class; else as in {@link #members}) whose annotation maps are
     * in class-file order, the order {@code getAnnotations()} reports: dex sorts an element's
     * annotations by type, so with two or more the order is known only from the class file.
     */
    final Set<String> annotationOrderKnown;

    private ReflectionMetadata(ClassDef def, ClassFileOrder classFile) {
        boolean in = false;
        String iname = null;
        int iflags = 0;
        String encClass = null;
        MethodReference encMethod = null;
        Map<String, EncodedValue> defaults = new HashMap<>();
        for (Annotation a : def.getAnnotations()) {
            switch (a.getType()) {
                case "Ldalvik/annotation/AnnotationDefault;":
                    if (value(a) instanceof AnnotationEncodedValue) {
                        for (AnnotationElement e : ((AnnotationEncodedValue) value(a)).getElements()) {
                            defaults.put(e.getName(), e.getValue());
                        }
                    }
                    break;
                case "Ldalvik/annotation/InnerClass;":
                    in = true;
                    for (AnnotationElement e : a.getElements()) {
                        if (e.getName().equals("name") && e.getValue() instanceof StringEncodedValue) {
                            iname = ((StringEncodedValue) e.getValue()).getValue();
                        } else if (e.getName().equals("accessFlags")) {
                            iflags = ((IntEncodedValue) e.getValue()).getValue();
                        }
                    }
                    break;
                case "Ldalvik/annotation/EnclosingClass;":
                    EncodedValue v = value(a);
                    encClass = v instanceof TypeEncodedValue ? ((TypeEncodedValue) v).getValue() : null;
                    break;
                case "Ldalvik/annotation/EnclosingMethod;":
                    EncodedValue m = value(a);
                    encMethod = m instanceof MethodEncodedValue ? ((MethodEncodedValue) m).getValue() : null;
                    break;
                default:
                    break;
            }
        }
        this.inner = in;
        this.innerName = iname;
        this.innerFlags = iflags;
        this.enclosingClass = encClass;
        this.enclosingMethod = encMethod;
        this.signature = signatureOf(def.getAnnotations());
        Set<String> known = new HashSet<>();
        this.annotations = inClassFileOrder(runtimeTypes(def.getAnnotations()), classFile, "", known);
        this.annotationDefaults = Map.copyOf(defaults);
        Map<String, Member> ms = new HashMap<>();
        List<String> dexOrder = new ArrayList<>();
        for (Field f : def.getFields()) {
            ms.put("F" + f.getName(), new Member(signatureOf(f.getAnnotations()), List.of(),
                    inClassFileOrder(runtimeTypes(f.getAnnotations()), classFile, "F" + f.getName(), known), f.getAccessFlags(),
                    List.of()));
            dexOrder.add(f.getName() + ":" + f.getType());
        }
        for (Method m : def.getMethods()) {
            String key = m.getName() + desc(m.getParameterTypes(), m.getReturnType());
            ms.put(key, new Member(signatureOf(m.getAnnotations()), throwsOf(m.getAnnotations()),
                    inClassFileOrder(runtimeTypes(m.getAnnotations()), classFile, key, known), m.getAccessFlags(),
                    parameterAnnotations(m)));
        }
        this.members = ms;
        this.annotationOrderKnown = Set.copyOf(known);
        this.recordComponents = classFile == null || classFile.recordComponents() == null ? null
                : List.copyOf(classFile.recordComponents());
        List<String> classFileFieldOrder = classFile == null ? null : classFile.fields();
        // The class file's order when it is at hand and declares exactly the same fields; else dex order
        // (sorted by name: the dex format does not keep declaration order).
        this.fieldOrder = classFileFieldOrder != null && new HashSet<>(classFileFieldOrder).equals(new HashSet<>(dexOrder))
                ? List.copyOf(classFileFieldOrder) : List.copyOf(dexOrder);
    }

    /**
     * Reads the metadata of {@code def}. {@code classPath} is the guest's {@code java.class.path}
     * (null if unknown): when the class came from a jar, its class file gives the fields'
     * declaration order, which HotSpot's {@code getDeclaredFields} follows and libraries such as
     * Gson make visible (JSON member order).
     */
    static ReflectionMetadata read(ClassDef def, String classPath) {
        return new ReflectionMetadata(def, classFileOrder(def.getType(), classPath));
    }

    /**
     * An element's annotations in class-file order when the class file lists exactly these types
     * (then {@code key} joins {@code known}); else as they are (dex order). One annotation or none
     * has only one order.
     */
    private static Map<String, Annotation> inClassFileOrder(Map<String, Annotation> dex, ClassFileOrder classFile, String key,
                                                          Set<String> known) {
        if (dex.size() < 2) {
            known.add(key);
            return dex;
        }
        List<String> order = classFile == null ? null : classFile.annotations().get(key);
        if (order == null || order.size() != dex.size() || !dex.keySet().containsAll(order)) {
            return dex;
        }
        Map<String, Annotation> out = new LinkedHashMap<>();
        for (String type : order) {
            out.put(type, dex.get(type));
        }
        known.add(key);
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Runtime-visible annotations of each parameter, in parameter order (dex sorts each set by type). */
    private static List<Map<String, Annotation>> parameterAnnotations(Method m) {
        List<Map<String, Annotation>> out = new ArrayList<>();
        for (org.jf.dexlib2.iface.MethodParameter p : m.getParameters()) {
            out.add(runtimeTypes(p.getAnnotations()));
        }
        return List.copyOf(out);
    }

    private static EncodedValue value(Annotation a) {
        for (AnnotationElement e : a.getElements()) {
            if (e.getName().equals("value")) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String signatureOf(Set<? extends Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a.getType().equals("Ldalvik/annotation/Signature;")) {
                EncodedValue v = value(a);
                StringBuilder sb = new StringBuilder();
                if (v instanceof ArrayEncodedValue) {
                    for (EncodedValue part : ((ArrayEncodedValue) v).getValue()) {
                        sb.append(((StringEncodedValue) part).getValue());
                    }
                }
                return sb.toString();
            }
        }
        return null;
    }

    private static List<String> throwsOf(Set<? extends Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a.getType().equals("Ldalvik/annotation/Throws;")) {
                EncodedValue v = value(a);
                List<String> out = new ArrayList<>();
                if (v instanceof ArrayEncodedValue) {
                    for (EncodedValue t : ((ArrayEncodedValue) v).getValue()) {
                        out.add(((TypeEncodedValue) t).getValue());
                    }
                }
                return List.copyOf(out);
            }
        }
        return List.of();
    }

    private static Map<String, Annotation> runtimeTypes(Set<? extends Annotation> annotations) {
        Map<String, Annotation> out = new LinkedHashMap<>();
        for (Annotation a : annotations) {
            if (a.getVisibility() == AnnotationVisibility.RUNTIME) {
                out.put(a.getType(), a);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    static String desc(List<? extends CharSequence> params, String ret) {
        StringBuilder sb = new StringBuilder("(");
        for (CharSequence p : params) {
            sb.append(p);
        }
        return sb.append(')').append(ret).toString();
    }

    /**
     * Orders from {@code type}'s class file in the first class-path entry (jar, zip or directory)
     * that has it, or null.
     */
    private static ClassFileOrder classFileOrder(String type, String classPath) {
        if (classPath == null || classPath.isEmpty()) {
            return null;
        }
        String entryName = type.substring(1, type.length() - 1) + ".class";
        String sep = classPath.contains(java.io.File.pathSeparator) ? java.io.File.pathSeparator : ":";
        for (String path : classPath.split(java.util.regex.Pattern.quote(sep))) {
            String lower = path.toLowerCase(java.util.Locale.ROOT);
            java.nio.file.Path dir = java.nio.file.Path.of(path);
            if (java.nio.file.Files.isDirectory(dir)) {
                java.nio.file.Path file = dir.resolve(entryName);
                if (!java.nio.file.Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    return readClassFile(java.nio.file.Files.readAllBytes(file));
                } catch (IOException | RuntimeException e) {
                    return null;
                }
            }
            if (!(lower.endsWith(".jar") || lower.endsWith(".zip"))) {
                continue;
            }
            try (ZipFile zip = new ZipFile(path)) {
                ZipEntry e = zip.getEntry(entryName);
                if (e == null) {
                    continue;
                }
                try (InputStream in = zip.getInputStream(e)) {
                    return readClassFile(in.readAllBytes());
                }
            } catch (IOException | RuntimeException e) {
                return null; // unreadable: dex order is still a valid (unspecified) order
            }
        }
        return null;
    }

    /** The orders and record components of one class file. */
    private static ClassFileOrder readClassFile(byte[] bytes) {
        List<String> fields = new ArrayList<>();
        Map<String, List<String>> annotations = new HashMap<>();
        List<RecordComponentInfo> components = new ArrayList<>();
        boolean[] record = {false};
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String sig, String superName, String[] interfaces) {
                record[0] = (access & Opcodes.ACC_RECORD) != 0; // a record without components has an empty Record attribute
            }

            @Override
            public org.objectweb.asm.RecordComponentVisitor visitRecordComponent(String name, String descriptor,
                                                                                 String sig) {
                record[0] = true;
                boolean[] annotated = {false};
                int index = components.size();
                components.add(new RecordComponentInfo(name, descriptor, sig, false));
                return new org.objectweb.asm.RecordComponentVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        mark();
                        return null;
                    }

                    @Override
                    public AnnotationVisitor visitTypeAnnotation(int typeRef, org.objectweb.asm.TypePath typePath,
                                                                 String annotation, boolean visible) {
                        mark();
                        return null;
                    }

                    private void mark() {
                        if (!annotated[0]) {
                            annotated[0] = true;
                            components.set(index, new RecordComponentInfo(name, descriptor, sig, true));
                        }
                    }
                };
            }

            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                note(annotations, "", descriptor, visible);
                return null;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String sig, Object value) {
                fields.add(name + ":" + descriptor);
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        note(annotations, "F" + name, annotation, visible);
                        return null;
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String sig, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        note(annotations, name + descriptor, annotation, visible);
                        return null;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFileOrder(fields, annotations, record[0] ? components : null);
    }

    private static void note(Map<String, List<String>> annotations, String element, String type, boolean visible) {
        if (visible) {
            annotations.computeIfAbsent(element, k -> new ArrayList<>()).add(type);
        }
    }
}
