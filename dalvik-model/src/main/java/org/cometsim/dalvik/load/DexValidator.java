package org.cometsim.dalvik.load;

import java.util.function.Supplier;

import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.dexbacked.DexBackedField;
import org.jf.dexlib2.dexbacked.DexBackedMethod;
import org.jf.dexlib2.dexbacked.DexBackedMethodImplementation;
import org.jf.dexlib2.iface.Annotation;
import org.jf.dexlib2.iface.AnnotationElement;
import org.jf.dexlib2.iface.ExceptionHandler;
import org.jf.dexlib2.iface.TryBlock;
import org.jf.dexlib2.iface.debug.DebugItem;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.instruction.DualReferenceInstruction;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.reference.MethodProtoReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.reference.Reference;
import org.jf.dexlib2.iface.reference.StringReference;
import org.jf.dexlib2.iface.reference.TypeReference;
import org.jf.dexlib2.iface.value.AnnotationEncodedValue;
import org.jf.dexlib2.iface.value.ArrayEncodedValue;
import org.jf.dexlib2.iface.value.EncodedValue;

/**
 * Reads every item of a dex image once when it is opened, so that structural corruption (an index
 * out of its table, a string that is not MUTF-8, a type that is not a descriptor, a class-data or
 * code item running off the file, a bad encoded value) is reported at load as one
 * {@link LoadException} naming the file and the item, instead of escaping later from dexlib2's lazy
 * parsing as a host exception in the middle of a run.
 *
 * <p>This is the loader's structural check (issue #18, item 2). Whether the code is well-formed for
 * execution (register counts, branch targets, types along paths) is the verifier's job.
 */
final class DexValidator {
    private final String origin;
    private final DexBackedDexFile dex;
    /** The item a class definition's check is reading, for the message if it fails. */
    private String where = "";

    private DexValidator(String origin, DexBackedDexFile dex) {
        this.origin = origin;
        this.dex = dex;
    }

    static void validate(String origin, DexBackedDexFile dex, int fileLength) throws LoadException {
        DexValidator v = new DexValidator(origin, dex);
        v.fileLength = fileLength;
        v.run();
    }

    private int fileLength;

    private void run() throws LoadException {
        int n = size(() -> dex.getStringSection().size(), "string_ids");
        for (int i = 0; i < n; i++) {
            final int k = i;
            check(() -> "string_id " + k, () -> dex.getStringSection().get(k));
        }
        n = size(() -> dex.getTypeSection().size(), "type_ids");
        for (int i = 0; i < n; i++) {
            final int k = i;
            check(() -> "type_id " + k, () -> type(dex.getTypeSection().get(k), true));
        }
        n = size(() -> dex.getProtoSection().size(), "proto_ids");
        for (int i = 0; i < n; i++) {
            final int k = i;
            check(() -> "proto_id " + k, () -> proto(dex.getProtoSection().get(k)));
        }
        n = size(() -> dex.getFieldSection().size(), "field_ids");
        for (int i = 0; i < n; i++) {
            final int k = i;
            check(() -> "field_id " + k, () -> field(dex.getFieldSection().get(k)));
        }
        n = size(() -> dex.getMethodSection().size(), "method_ids");
        for (int i = 0; i < n; i++) {
            final int k = i;
            check(() -> "method_id " + k, () -> method(dex.getMethodSection().get(k)));
        }
        n = size(() -> dex.getClassSection().size(), "class_defs");
        for (int i = 0; i < n; i++) {
            final int k = i;
            check(() -> "class_def " + k, () -> {
                where = "class_def " + k;
                classDef(dex.getClassSection().get(k));
                return null;
            });
        }
        n = size(() -> dex.getCallSiteSection().size(), "call_site_ids");
        for (int i = 0; i < n; i++) {
            final int k = i;
            check(() -> "call_site_id " + k, () -> dex.getCallSiteSection().get(k).toString());
        }
        n = size(() -> dex.getMethodHandleSection().size(), "method_handles");
        for (int i = 0; i < n; i++) {
            final int k = i;
            check(() -> "method_handle " + k, () -> { reference(dex.getMethodHandleSection().get(k).getMemberReference()); return null; });
        }
    }

    private void classDef(DexBackedClassDef def) {
        String cls = "class " + printableClass(type(def.getType(), false));
        where = cls;
        String sup = def.getSuperclass();
        if (sup != null) {
            classType(sup);
        }
        for (String i : def.getInterfaces()) {
            classType(i);
        }
        def.getSourceFile();
        def.getAccessFlags();
        annotations(def.getAnnotations());
        for (DexBackedField f : def.getStaticFields()) {
            where = cls + " (a static field)";
            where = cls + ", field " + Messages.printable(f.getName());
            f.getAccessFlags();
            type(f.getType(), false);
            value(f.getInitialValue());
            annotations(f.getAnnotations());
        }
        for (DexBackedField f : def.getInstanceFields()) {
            where = cls + " (an instance field)";
            where = cls + ", field " + Messages.printable(f.getName());
            type(f.getType(), false);
            annotations(f.getAnnotations());
        }
        for (DexBackedMethod m : def.getMethods()) {
            where = cls + " (a method)";
            where = cls + ", method " + Messages.printable(m.getName());
            m.getAccessFlags();
            method(m);
            annotations(m.getAnnotations());
            for (var ps : m.getParameterAnnotations()) {
                annotations(ps);
            }
            DexBackedMethodImplementation impl = m.getImplementation();
            if (impl != null) {
                where = cls + ", code of method " + Messages.printable(m.getName());
                code(impl);
            }
        }
    }

    private void code(DexBackedMethodImplementation impl) {
        impl.getRegisterCount();
        for (Instruction insn : impl.getInstructions()) {
            org.jf.dexlib2.Opcode op = insn.getOpcode();
            if (op.odexOnly() || op.isVolatileFieldAccessor() || op.isQuickFieldaccessor()) {
                // Optimised-dex forms (execute-inline, quickened and volatile accessors) are never
                // in a dex file as built: they name VM internals by offset.
                throw new IllegalArgumentException("instruction " + op.name + " is only valid in an optimised dex (odex)");
            }
            if (insn instanceof ReferenceInstruction) {
                reference(((ReferenceInstruction) insn).getReference());
            }
            if (insn instanceof DualReferenceInstruction) {
                reference(((DualReferenceInstruction) insn).getReference2());
            }
        }
        for (TryBlock<? extends ExceptionHandler> tb : impl.getTryBlocks()) {
            tb.getStartCodeAddress();
            tb.getCodeUnitCount();
            for (ExceptionHandler h : tb.getExceptionHandlers()) {
                String t = h.getExceptionType();
                if (t != null) {
                    classType(t);
                }
                h.getHandlerCodeAddress();
            }
        }
        // dexlib2 prints "Invalid debug offset" to the process's stderr for one that is negative or
        // past the end (and reads no debug info): refuse it here instead, before dexlib2 can print.
        int debugOffset = debugOffset(impl);
        if (debugOffset < -1 || debugOffset > 0
                && (long) debugOffset + impl.dexFile.getBaseDataOffset() >= fileLength) {
            throw new IllegalArgumentException("debug_info_off " + Integer.toUnsignedString(debugOffset) + " is outside the file");
        }
        for (DebugItem d : impl.getDebugItems()) {
            d.getCodeAddress();
        }
    }

    private static final java.lang.reflect.Method DEBUG_OFFSET;

    static {
        try {
            DEBUG_OFFSET = DexBackedMethodImplementation.class.getDeclaredMethod("getDebugOffset");
            DEBUG_OFFSET.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The code item's debug_info_off exactly as dexlib2 reads it (it keeps the reader protected). */
    private static int debugOffset(DexBackedMethodImplementation impl) {
        try {
            return (Integer) DEBUG_OFFSET.invoke(impl);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        }
    }

    private void reference(Reference r) {
        if (r instanceof StringReference) {
            ((StringReference) r).getString();
        } else if (r instanceof TypeReference) {
            type(((TypeReference) r).getType(), false);
        } else if (r instanceof FieldReference) {
            field((FieldReference) r);
        } else if (r instanceof MethodReference) {
            method((MethodReference) r);
        } else if (r instanceof MethodProtoReference) {
            proto((MethodProtoReference) r);
        } else if (r != null) {
            r.toString();
        }
    }

    private Object field(FieldReference f) {
        classType(f.getDefiningClass());
        f.getName();
        String t = f.getType();
        type(t, false);
        if (t.equals("V")) {
            throw new IllegalArgumentException("field of type void");
        }
        return null;
    }

    private Object method(MethodReference m) {
        type(m.getDefiningClass(), false);
        if (m.getName().isEmpty()) {
            throw new IllegalArgumentException("empty method name");
        }
        params(m.getParameterTypes());
        type(m.getReturnType(), true);
        return null;
    }

    private Object proto(MethodProtoReference p) {
        params(p.getParameterTypes());
        type(p.getReturnType(), true);
        return null;
    }

    private void params(java.util.List<? extends CharSequence> ps) {
        for (CharSequence p : ps) {
            String t = p.toString();
            type(t, false);
            if (t.equals("V")) {
                throw new IllegalArgumentException("parameter of type void");
            }
        }
    }

    private void annotations(java.util.Set<? extends Annotation> as) {
        for (Annotation a : as) {
            a.getVisibility();
            type(a.getType(), false);
            for (AnnotationElement e : a.getElements()) {
                e.getName();
                value(e.getValue());
            }
        }
    }

    private void value(EncodedValue v) {
        if (v == null) {
            return;
        }
        if (v instanceof ArrayEncodedValue) {
            for (EncodedValue e : ((ArrayEncodedValue) v).getValue()) {
                value(e);
            }
        } else if (v instanceof AnnotationEncodedValue) {
            AnnotationEncodedValue a = (AnnotationEncodedValue) v;
            type(a.getType(), false);
            for (AnnotationElement e : a.getElements()) {
                e.getName();
                value(e.getValue());
            }
        } else {
            v.toString(); // reads the value: strings, types, member references of the value
        }
    }

    private static void classType(String t) {
        if (t.length() < 3 || t.charAt(0) != 'L') {
            if (!(t.startsWith("[") && type(t, false) != null)) {
                throw new IllegalArgumentException("'" + Messages.printable(t) + "' is not a class type descriptor");
            }
        } else {
            type(t, false);
        }
    }

    /** Checks the syntax of a type descriptor (JVMS 4.3.2, dex's TypeDescriptor); returns it. */
    static String type(String t, boolean voidAllowed) {
        int i = 0;
        int n = t.length();
        while (i < n && t.charAt(i) == '[') {
            i++;
        }
        if (i > 255) {
            throw new IllegalArgumentException("type '" + Messages.printable(t) + "' has more than 255 array dimensions");
        }
        if (i == n) {
            throw new IllegalArgumentException("'" + Messages.printable(t) + "' is not a type descriptor");
        }
        char c = t.charAt(i);
        if (c == 'L') {
            if (t.charAt(n - 1) != ';' || n - i < 3) {
                throw new IllegalArgumentException("'" + Messages.printable(t) + "' is not a type descriptor");
            }
            for (int j = i + 1; j < n - 1; j++) {
                char x = t.charAt(j);
                if (x == ';' || x == '[' || x == '.' || x < 0x20 || (x == '/' && (j == i + 1 || j == n - 2 || t.charAt(j - 1) == '/'))) {
                    throw new IllegalArgumentException("'" + Messages.printable(t) + "' is not a type descriptor");
                }
            }
            return t;
        }
        if (i + 1 != n || "ZBSCIJFD".indexOf(c) < 0 && !(c == 'V' && voidAllowed && i == 0)) {
            throw new IllegalArgumentException("'" + Messages.printable(t) + "' is not a type descriptor");
        }
        return t;
    }

    private static String printableClass(String d) {
        return Messages.printable(d.length() > 2 ? d.substring(1, d.length() - 1).replace('/', '.') : d);
    }

    private int size(Supplier<Integer> s, String table) throws LoadException {
        return check(() -> table, s::get);
    }

    private interface Body<T> {
        T get();
    }

    private <T> T check(Supplier<String> item, Body<T> body) throws LoadException {
        try {
            return body.get();
        } catch (RuntimeException | StackOverflowError e) {
            String what = item.get();
            if (what.startsWith("class_def ") && !where.isEmpty()) {
                what = where.startsWith("class_def ") ? where : what + " (" + where + ")";
            }
            throw new LoadException(origin + ": corrupt dex: " + what + ": " + Messages.describe(e));
        }
    }
}
