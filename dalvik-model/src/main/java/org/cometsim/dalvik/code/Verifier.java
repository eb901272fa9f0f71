package org.cometsim.dalvik.code;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.cometsim.dalvik.rt.CodeTemplate;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.Field;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.MethodImplementation;

/**
 * The bytecode verifier (issue #18): what Dalvik's verifier (and the JVM's) checks of a class
 * before any of its code runs. Class level: access flags of the class, its fields and methods,
 * and that bodies are present exactly where they must be. Method level ({@link MethodVerifier}):
 * indices, instruction well-formedness, control flow and a dataflow over register kinds.
 *
 * <p>Pure function of the class definition, so the result is cached once per class path
 * ({@code load.ParsedClass}) and shared by every VM made from it. False positives are worse
 * than misses: every check is one that D8 output (which ART verifies) always satisfies, and
 * reference types are tracked as kinds (reference, not which class), so no check needs another
 * class loaded.
 */
public final class Verifier {
    private static final int ACC_PUBLIC = 0x1;
    private static final int ACC_PRIVATE = 0x2;
    private static final int ACC_PROTECTED = 0x4;
    private static final int ACC_STATIC = 0x8;
    private static final int ACC_FINAL = 0x10;
    private static final int ACC_SYNCHRONIZED = 0x20;
    private static final int ACC_VOLATILE = 0x40;
    private static final int ACC_NATIVE = 0x100;
    private static final int ACC_INTERFACE = 0x200;
    private static final int ACC_ABSTRACT = 0x400;
    private static final int ACC_ANNOTATION = 0x2000;
    private static final int ACC_CONSTRUCTOR = 0x10000;

    private Verifier() {
    }

    /** What the verifier needs of one method; {@code code} decodes (or returns the cached) body. */
    public record MethodShape(String name, String desc, int access, boolean hasCode, Supplier<CodeTemplate> code) {
    }

    /**
     * Verifies a class read straight from dexlib2 (tools and tests; bodies are decoded afresh).
     * Returns null if it passes, else the JVM-style message of the {@code VerifyError} it raises:
     * {@code (class: a.B, method: m signature: (I)V) reason}.
     */
    public static String verify(ClassDef def, int dexVersion) {
        String descriptor;
        int[] fieldAccess;
        String[] fieldNames;
        List<MethodShape> methods = new ArrayList<>();
        try {
            descriptor = def.getType();
            List<Integer> fa = new ArrayList<>();
            List<String> fn = new ArrayList<>();
            for (Field f : def.getFields()) {
                fa.add(f.getAccessFlags());
                fn.add(f.getName());
            }
            fieldAccess = fa.stream().mapToInt(Integer::intValue).toArray();
            fieldNames = fn.toArray(new String[0]);
            for (Method m : def.getMethods()) {
                String desc = signature(m);
                MethodImplementation impl = m.getImplementation();
                int argWords = ((m.getAccessFlags() & ACC_STATIC) != 0 ? 0 : 1) + argWords(desc);
                methods.add(new MethodShape(m.getName(), desc, m.getAccessFlags(), impl != null,
                        () -> Decoder.template(impl, argWords)));
            }
        } catch (RuntimeException e) {
            return "(class: ?) unreadable class definition: " + describe(e);
        }
        return verify(descriptor, def.getAccessFlags(), def.getSuperclass(), fieldAccess, fieldNames, methods);
    }

    /** Verifies a class given its shape (the loader's already-read form); null if it passes. */
    public static String verify(String descriptor, int classAccess, String superclass, int[] fieldAccess,
            String[] fieldNames, List<MethodShape> methods) {
        String className = descriptorToName(descriptor);
        String classProblem = checkClassFlags(descriptor, classAccess, superclass);
        if (classProblem != null) {
            return "(class: " + className + ") " + classProblem;
        }
        for (int k = 0; k < fieldAccess.length; k++) {
            String p = checkFieldFlags(classAccess, fieldAccess[k]);
            if (p != null) {
                return "(class: " + className + ", field: " + fieldNames[k] + ") " + p;
            }
        }
        java.util.Map<String, char[]> kindCache = new java.util.HashMap<>();
        for (MethodShape m : methods) {
            String p;
            try {
                p = checkMethodFlags(classAccess, m.access(), m.hasCode(), m.name());
                if (p == null && m.hasCode()) {
                    CodeTemplate t = m.code().get();
                    p = new MethodVerifier(descriptor, m.name(), m.desc(), m.access(), t, kindCache).verify();
                }
            } catch (Decoder.DecodeException e) {
                p = e.getMessage();
            } catch (RuntimeException e) {
                // dexlib2 failing to read the body (a corrupt index or encoding) is a verify failure
                p = "unreadable code: " + describe(e);
            }
            if (p != null) {
                return "(class: " + className + ", method: " + m.name() + " signature: " + m.desc() + ") " + p;
            }
        }
        return null;
    }

    private static String signature(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (CharSequence p : m.getParameterTypes()) {
            sb.append(p);
        }
        return sb.append(')').append(m.getReturnType()).toString();
    }

    /** Argument words of a method descriptor's parameters (long and double take two). */
    public static int argWords(String desc) {
        return argWords(MethodVerifier.kinds(desc));
    }

    /** Argument words of parameter kinds (long and double take two). */
    public static int argWords(char[] kinds) {
        int w = 0;
        for (char k : kinds) {
            w += k == 'J' || k == 'D' ? 2 : 1;
        }
        return w;
    }

    /** The dex version a class was read from (039 for classes not read from a dex image). */
    public static int dexVersionOf(ClassDef def) {
        if (def instanceof org.jf.dexlib2.dexbacked.DexBackedClassDef) {
            int api = ((org.jf.dexlib2.dexbacked.DexBackedClassDef) def).dexFile.getOpcodes().api;
            return api >= 28 ? 39 : api >= 26 ? 38 : api >= 24 ? 37 : 35;
        }
        return 39;
    }

    static String describe(RuntimeException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m != null ? ": " + m : "");
    }

    static String descriptorToName(String d) {
        if (d.length() > 2 && d.charAt(0) == 'L' && d.charAt(d.length() - 1) == ';') {
            return d.substring(1, d.length() - 1).replace('/', '.');
        }
        return d;
    }

    private static int visibilityCount(int flags) {
        return Integer.bitCount(flags & (ACC_PUBLIC | ACC_PRIVATE | ACC_PROTECTED));
    }

    private static String checkClassFlags(String descriptor, int f, String sup) {
        if ((f & ACC_INTERFACE) != 0) {
            if ((f & ACC_ABSTRACT) == 0) {
                return "interface is not abstract (access flags 0x" + Integer.toHexString(f) + ")";
            }
            if ((f & ACC_FINAL) != 0) {
                return "interface is final (access flags 0x" + Integer.toHexString(f) + ")";
            }
        } else if ((f & ACC_ANNOTATION) != 0) {
            return "annotation type is not an interface (access flags 0x" + Integer.toHexString(f) + ")";
        }
        if ((f & ACC_FINAL) != 0 && (f & ACC_ABSTRACT) != 0) {
            return "class is both final and abstract (access flags 0x" + Integer.toHexString(f) + ")";
        }
        if (sup == null && !"Ljava/lang/Object;".equals(descriptor)) {
            return "class has no superclass";
        }
        if (sup != null && !MethodVerifier.isClassDescriptor(sup)) {
            return "superclass " + sup + " is not a class type";
        }
        return null;
    }

    private static String checkFieldFlags(int classFlags, int f) {
        if (visibilityCount(f) > 1) {
            return "field has more than one of public, private and protected (access flags 0x"
                    + Integer.toHexString(f) + ")";
        }
        if ((f & ACC_FINAL) != 0 && (f & ACC_VOLATILE) != 0) {
            return "field is both final and volatile";
        }
        if ((classFlags & ACC_INTERFACE) != 0 && (f & (ACC_PUBLIC | ACC_STATIC | ACC_FINAL)) != (ACC_PUBLIC | ACC_STATIC | ACC_FINAL)) {
            return "interface field is not public static final (access flags 0x" + Integer.toHexString(f) + ")";
        }
        return null;
    }

    private static String checkMethodFlags(int classFlags, int f, boolean hasCode, String name) {
        if (visibilityCount(f) > 1) {
            return "method has more than one of public, private and protected (access flags 0x"
                    + Integer.toHexString(f) + ")";
        }
        boolean init = name.equals("<init>");
        boolean clinit = name.equals("<clinit>");
        if ((init || clinit) != ((f & ACC_CONSTRUCTOR) != 0)) {
            return (init || clinit) ? "constructor is not flagged as a constructor" : "method flagged as a constructor is not one";
        }
        if (init && (f & ACC_STATIC) != 0) {
            return "<init> is static";
        }
        if (clinit && (f & ACC_STATIC) == 0) {
            return "<clinit> is not static";
        }
        if (init && (classFlags & ACC_INTERFACE) != 0) {
            return "interface declares a constructor";
        }
        if ((f & ACC_ABSTRACT) != 0) {
            if ((f & (ACC_PRIVATE | ACC_STATIC | ACC_FINAL | ACC_NATIVE | ACC_SYNCHRONIZED)) != 0) {
                return "abstract method is also private, static, final, native or synchronized (access flags 0x"
                        + Integer.toHexString(f) + ")";
            }
            if ((classFlags & (ACC_ABSTRACT | ACC_INTERFACE)) == 0) {
                return "abstract method in a class that is not abstract";
            }
            if (hasCode) {
                return "abstract method has code";
            }
        } else if ((f & ACC_NATIVE) != 0) {
            if (hasCode) {
                return "native method has code";
            }
        } else if (!hasCode) {
            return "method has no code but is neither abstract nor native";
        }
        if ((classFlags & ACC_INTERFACE) != 0 && !clinit && (f & (ACC_PUBLIC | ACC_PRIVATE)) == 0) {
            return "interface method is neither public nor private (access flags 0x" + Integer.toHexString(f) + ")";
        }
        return null;
    }
}
