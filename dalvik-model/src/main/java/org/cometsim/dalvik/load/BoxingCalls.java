package org.cometsim.dalvik.load;

import java.util.Map;

import org.jf.dexlib2.Format;
import org.jf.dexlib2.ReferenceType;
import org.jf.dexlib2.iface.DexFile;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.immutable.ImmutableDexFile;
import org.jf.dexlib2.rewriter.DexRewriter;
import org.jf.dexlib2.rewriter.Rewriter;
import org.jf.dexlib2.rewriter.RewriterModule;
import org.jf.dexlib2.rewriter.Rewriters;
import org.jf.dexlib2.rewriter.TypeRewriter;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps every boxing call javac wrote ({@code Integer.valueOf(int)} and the seven others) in
 * D8's output, so that boxes keep the identity the JVM gives them.
 *
 * <p><b>Why.</b> D8 (8.5.35, debug and release mode alike) treats the eight primitive
 * {@code valueOf} methods as idempotent: its {@code IdempotentFunctionCallCanonicalizer} replaces
 * calls with the same constant argument in one method by a single call hoisted to the method's
 * entry (up to 15 per method, skipping results that javac's {@code -g} gave a local-variable
 * name). Outside the {@code valueOf} caches that is wrong: {@code Integer c = 128, d = 128;
 * c == d} is {@code false} on the JVM, but the dex D8 writes compares one object with itself and
 * prints {@code true} (D8 even folds the comparison to a constant). So before D8 runs, each such
 * call's owner is renamed to a placeholder class D8 knows nothing about ({@link #hide}); after it,
 * the placeholders are renamed back ({@link #restore}). The dex then makes exactly the calls of
 * the class files; the interpreter and compiled code run the JDK's own {@code valueOf}, so caches
 * and fresh objects are the JVM's.
 *
 * <p>Dex files given as they are (D8 output made elsewhere) keep whatever D8 did to them.
 */
public final class BoxingCalls {
    /** Internal-name prefix of the placeholder owners (classes that exist nowhere, only names in between). */
    private static final String PLACEHOLDER_PREFIX = "org/cometsim/dalvik/load/BoxingCalls$";

    /** Box class (internal name) by the descriptor of its primitive {@code valueOf}. */
    private static final Map<String, String> BOXES = Map.of(
            "(Z)Ljava/lang/Boolean;", "java/lang/Boolean",
            "(B)Ljava/lang/Byte;", "java/lang/Byte",
            "(C)Ljava/lang/Character;", "java/lang/Character",
            "(S)Ljava/lang/Short;", "java/lang/Short",
            "(I)Ljava/lang/Integer;", "java/lang/Integer",
            "(J)Ljava/lang/Long;", "java/lang/Long",
            "(F)Ljava/lang/Float;", "java/lang/Float",
            "(D)Ljava/lang/Double;", "java/lang/Double");

    /**
     * The immutable-collection factories of JDK 9-10 ({@code List.of}, {@code Map.entry} ...):
     * below API 30 D8 replaces them by backports with Android's semantics (unmodifiable
     * {@code ArrayList}s that accept {@code null}, return {@code false} for {@code contains(null)},
     * allow no-op mutators and throw other exception types), where the VM runs the JDK 17 library.
     * Hidden from D8 like the boxing calls, they stay calls of the JDK's own methods (golden
     * {@code G089_ImmutableCollections}).
     */
    private static final java.util.Set<String> JDK_FACTORIES = java.util.Set.of(
            "java/util/List.of", "java/util/List.copyOf", "java/util/Set.of", "java/util/Set.copyOf",
            "java/util/Map.of", "java/util/Map.ofEntries", "java/util/Map.entry", "java/util/Map.copyOf");

    /** Reference kinds dexlib2's instruction rewriter can rewrite. */
    private static final java.util.Set<Integer> REWRITABLE = java.util.Set.of(ReferenceType.STRING, ReferenceType.TYPE,
            ReferenceType.FIELD, ReferenceType.METHOD);
    /** Instruction formats dexlib2's instruction rewriter can rewrite. */
    private static final java.util.Set<Format> REWRITABLE_FORMATS = java.util.EnumSet.of(Format.Format20bc,
            Format.Format21c, Format.Format22c, Format.Format31c, Format.Format35c, Format.Format3rc);

    private BoxingCalls() {
    }

    /**
     * The class file with every primitive {@code valueOf} call and every {@link #JDK_FACTORIES} call
     * owned by a placeholder (the owner's internal name with {@code $} for {@code /}); or the same
     * array if it has none.
     */
    public static byte[] hide(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0); // same stack and frames: only an owner changes
        boolean[] changed = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, desc, sig, exceptions)) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String mName, String mDesc, boolean itf) {
                        if (op == Opcodes.INVOKESTATIC && ((mName.equals("valueOf") && owner.equals(BOXES.get(mDesc)))
                                || JDK_FACTORIES.contains(owner + "." + mName))) {
                            owner = PLACEHOLDER_PREFIX + owner.replace('/', '$');
                            changed[0] = true;
                        }
                        super.visitMethodInsn(op, owner, mName, mDesc, itf);
                    }
                };
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    /**
     * D8's output with the placeholder owners renamed back to the JDK classes they stand for.
     * The dex is copied into immutable (array-backed) lists first: dexlib2's rewriter reads its
     * input by index, and a dex-backed list's {@code get(i)} walks from the start, which made the
     * conformance corpus take minutes instead of seconds.
     */
    public static DexFile restore(DexFile dex) {
        return new DexRewriter(new RewriterModule() {
            /**
             * dexlib2's instruction rewriter handles string, type, field and method references in
             * the formats 20bc, 21c, 22c, 31c, 35c, 3rc only (it throws on a call site, a method
             * handle, invoke-polymorphic); those others never name a placeholder (a boxing method
             * reference {@code Integer::valueOf} is a method handle, not an invoke), so they pass
             * as they are.
             */
            @Override
            public Rewriter<Instruction> getInstructionRewriter(Rewriters rewriters) {
                Rewriter<Instruction> base = super.getInstructionRewriter(rewriters);
                return insn -> insn instanceof ReferenceInstruction ri
                        && (!REWRITABLE.contains(ri.getReferenceType()) || !REWRITABLE_FORMATS.contains(insn.getOpcode().format))
                        ? insn : base.rewrite(insn);
            }

            @Override
            public Rewriter<String> getTypeRewriter(Rewriters rewriters) {
                return new TypeRewriter() {
                    @Override
                    protected String rewriteUnwrappedType(String type) {
                        return type.startsWith("L" + PLACEHOLDER_PREFIX)
                                ? "L" + type.substring(1 + PLACEHOLDER_PREFIX.length()).replace('$', '/')
                                : type;
                    }
                };
            }
        }).getDexFileRewriter().rewrite(ImmutableDexFile.of(dex));
    }
}
