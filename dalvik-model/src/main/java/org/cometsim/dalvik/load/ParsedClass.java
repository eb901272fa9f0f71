package org.cometsim.dalvik.load;

import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.code.Decoder;
import org.cometsim.dalvik.rt.CodeTemplate;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.MethodBody;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.Field;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.MethodImplementation;
import org.jf.dexlib2.iface.value.EncodedValue;

/**
 * What linking needs from one dex class definition, read out of the dex image once per
 * {@link ClassPath} and shared by every VM made from that class path (they may run on different
 * host threads at once). dexlib2's dex-backed objects decode their strings anew on every call, and
 * a fresh VM per run (sweeps, {@code comet bench}) would otherwise re-read every class it links;
 * this holds the decoded strings instead. Everything here is immutable except
 * {@link ParsedMethod#template}, a cache of the interpreter's decoded form of a method body (a
 * pure function of the body, so a racing second decode is merely wasted work).
 */
public final class ParsedClass {
    /** Type descriptor, e.g. {@code Lcom/example/Main;}. */
    public final String descriptor;
    /** The dexlib2 definition, for the rare readers of anything else (reflection, annotations). */
    public final ClassDef definition;
    /** Superclass descriptor, or null (java.lang.Object). */
    public final String superclass;
    public final List<String> interfaces;
    public final int access;
    public final String sourceFile;
    public final List<ParsedField> instanceFields;
    public final List<ParsedField> staticFields;
    public final List<ParsedMethod> methods;

    /** A field declaration; {@code initialValue} is the static_values entry (null for instance fields). */
    public record ParsedField(String name, String type, int access, EncodedValue initialValue) {
    }

    /** A method declaration with its descriptor and parameter kinds worked out once. */
    public static final class ParsedMethod implements MethodBody {
        public final String name;
        /** Method descriptor, e.g. {@code (ILjava/lang/String;)V}. */
        public final String desc;
        public final int access;
        /** Parameter kinds as {@link Descriptors#paramKinds}; shared, never modified. */
        public final char[] params;
        public final char returnKind;
        /** The body, or null (abstract or native). */
        public final MethodImplementation implementation;
        private volatile CodeTemplate decoded;

        ParsedMethod(Method m) {
            this.name = m.getName();
            StringBuilder sb = new StringBuilder("(");
            for (CharSequence p : m.getParameterTypes()) {
                sb.append(p);
            }
            this.desc = sb.append(')').append(m.getReturnType()).toString();
            this.access = m.getAccessFlags();
            this.params = Descriptors.paramKinds(desc);
            this.returnKind = Descriptors.returnKind(desc);
            this.implementation = m.getImplementation();
        }

        /**
         * The body decoded into the VM's code model, once per class path: every VM made from it
         * shares the template and links its own copy. Racing VMs may decode twice; both results
         * are equal, and one wins.
         */
        @Override
        public CodeTemplate template(int argWords) {
            CodeTemplate t = decoded;
            if (t == null) {
                t = Decoder.template(implementation, argWords);
                decoded = t;
            }
            return t;
        }

        @Override
        public String toString() {
            return name + desc;
        }
    }

    /** The verifier's passes cached for this class's dex image, or null (cache off). */
    private final VerifiedClasses verdicts;

    ParsedClass(ClassDef def) {
        this(def, null);
    }

    ParsedClass(ClassDef def, VerifiedClasses verdicts) {
        this.verdicts = verdicts;
        this.descriptor = def.getType();
        this.definition = def;
        this.superclass = def.getSuperclass();
        this.interfaces = List.copyOf(def.getInterfaces());
        this.access = def.getAccessFlags();
        this.sourceFile = def.getSourceFile();
        List<ParsedField> inst = new ArrayList<>();
        for (Field f : def.getInstanceFields()) {
            inst.add(new ParsedField(f.getName(), f.getType(), f.getAccessFlags(), null));
        }
        List<ParsedField> stat = new ArrayList<>();
        for (Field f : def.getStaticFields()) {
            stat.add(new ParsedField(f.getName(), f.getType(), f.getAccessFlags(), f.getInitialValue()));
        }
        List<ParsedMethod> ms = new ArrayList<>();
        for (Method m : def.getMethods()) {
            ms.add(new ParsedMethod(m));
        }
        this.instanceFields = List.copyOf(inst);
        this.staticFields = List.copyOf(stat);
        this.methods = List.copyOf(ms);
    }

    /** The verifier's verdict, once per class path: null until verified, "" if it passed. */
    private volatile String verification;

    /**
     * Verifies the class on first call (issue #18; shared by every VM on this class path, like the
     * rest of this object); returns null if it passes, else the {@code VerifyError} message.
     */
    public String verificationFailure() {
        String v = verification;
        if (v == null && verdicts != null && verdicts.passedBefore(descriptor)) {
            // this very class (same dex bytes, same verifier) passed in an earlier run
            v = "";
            verification = v;
        }
        if (v == null) {
            // the verifier works on the decoded bodies, cached here for execution as well
            int[] fieldAccess = new int[staticFields.size() + instanceFields.size()];
            String[] fieldNames = new String[fieldAccess.length];
            int k = 0;
            for (List<ParsedField> fs : List.of(staticFields, instanceFields)) {
                for (ParsedField f : fs) {
                    fieldAccess[k] = f.access();
                    fieldNames[k++] = f.name();
                }
            }
            List<org.cometsim.dalvik.code.Verifier.MethodShape> shapes = new ArrayList<>();
            for (ParsedMethod m : methods) {
                int argWords = ((m.access & 0x8) != 0 ? 0 : 1) + org.cometsim.dalvik.code.Verifier.argWords(m.params);
                shapes.add(new org.cometsim.dalvik.code.Verifier.MethodShape(m.name, m.desc, m.access,
                        m.implementation != null, () -> m.template(argWords)));
            }
            String failure = org.cometsim.dalvik.code.Verifier.verify(descriptor, access, superclass, fieldAccess,
                    fieldNames, shapes);
            v = failure == null ? "" : failure;
            verification = v;
            if (failure == null && verdicts != null) {
                verdicts.passed(descriptor);
            }
        }
        return v.isEmpty() ? null : v;
    }

    @Override
    public String toString() {
        return descriptor;
    }
}
