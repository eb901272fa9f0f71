package org.cometsim.dalvik.interp;

import org.cometsim.dalvik.code.MathIntrinsics;

import org.cometsim.dalvik.rt.CodeTemplate;

import org.cometsim.dalvik.rt.Opcodes;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Translates a guest method ({@link CodeTemplate}) into a JVM class extending
 * {@link CompiledCode}, one JVM method per guest method, for HotSpot to compile (issue #3,
 * interpreter speed). It is a baseline translator: one guest instruction becomes a fixed JVM
 * sequence, with no optimization of its own; HotSpot does the rest (register allocation across
 * the guest's registers, which live in JVM locals, constant operands, no dispatch).
 *
 * <p>What it translates: moves, constants, strings, int/long/float/double arithmetic and
 * conversions, comparisons, branches and switches, array reads and primitive array writes,
 * {@code aput-object} whose store check passes, quickened instance-field reads and writes,
 * static fields of initialized classes, {@link Opcodes#MATH_INTRINSIC}, ordinary returns, and
 * calls (a compiled callee runs nested, up to {@code Interpreter.MAX_COMPILED_NESTING} deep: pushed
 * directly when its target is resolved or the site's inline cache hits, else through the
 * interpreter's invoke; see {@code Interpreter.invokeFromCompiled}). Everything else (invoke-custom and
 * -polymorphic, allocation, casts, monitors, throw, handlers, fields not yet quickened, host
 * objects) makes the code return to the interpreter at that
 * instruction; see {@link CompiledCode} for that contract. The interpreter enters compiled code
 * at a method's start, at targets of backward branches and right after an instruction it ran
 * for the compiled code (a call's return site, say), so a loop with a call in it runs compiled
 * apart from the call itself. The entries after such instructions can make a loop irreducible
 * for HotSpot (entered in the middle); C2 compiles such loops, with fewer loop optimizations.
 *
 * <p>JVM locals: guest register {@code k} is a long ({@link #rLocal}) holding what
 * {@code Frame.r[k]} would and an Object ({@link #oLocal}) holding what {@code Frame.o[k]} would,
 * loaded from the frame when entered and stored back (those the method writes) when left.
 */
final class BaselineCompiler {
    /** Larger frames make entry and exit code too long to pay off. */
    static final int MAX_REGISTERS = 96;
    /** HotSpot does not compile a method of 8000 bytecode bytes or more (HugeMethodLimit). */
    static final int MAX_BYTECODE = 7900;

    private static final String CC = org.objectweb.asm.Type.getInternalName(CompiledCode.class);
    private static final String THREAD = org.objectweb.asm.Type.getInternalName(org.cometsim.dalvik.rt.GuestThread.class);
    private static final String FRAME = org.objectweb.asm.Type.getInternalName(org.cometsim.dalvik.rt.Frame.class);
    private static final String VM = org.objectweb.asm.Type.getInternalName(Interpreter.class);
    private static final String MC = org.objectweb.asm.Type.getInternalName(org.cometsim.dalvik.rt.MethodCode.class);
    private static final String ARR = org.objectweb.asm.Type.getInternalName(org.cometsim.dalvik.rt.GuestArray.class);
    private static final String OBJ = org.objectweb.asm.Type.getInternalName(org.cometsim.dalvik.rt.GuestObject.class);
    private static final String FLINK = org.objectweb.asm.Type.getInternalName(org.cometsim.dalvik.rt.Links.FieldLink.class);
    private static final String FIELD = org.objectweb.asm.Type.getInternalName(org.cometsim.dalvik.rt.VmField.class);
    private static final String CLASS = org.objectweb.asm.Type.getInternalName(org.cometsim.dalvik.rt.VmClass.class);
    private static final String BARRIER = org.objectweb.asm.Type.getInternalName(org.cometsim.dalvik.hooks.WriteBarrier.class);
    /** Field descriptor of the arrays' offload header, read by name as {@code dsm} (see rt.ObjectHeader). */
    private static final String OBJECT_HEADER = org.objectweb.asm.Type.getDescriptor(org.cometsim.dalvik.rt.ObjectHeader.class);

    // Fixed JVM locals.
    private static final int THIS = 0;
    private static final int T = 1;
    private static final int F = 2;
    private static final int V = 3;
    private static final int COUNTS = 4;
    private static final int INSNS = 5;
    private static final int LINKS = 6;
    private static final int CUR = 7;
    private static final int RARR = 8;
    private static final int OARR = 9;
    private static final int TMP_I = 10;
    private static final int TMP_OBJ = 11;
    private static final int TMP_ARR = 12;
    private static final int TMP_GO = 13;
    private static final int TMP_FD = 14;
    private static final int TMP_CLS = 15;
    private static final int TMP_FRAME = 16;
    private static final int STATUS = 17;
    private static final int FIRST_REG = 18;

    private static int rLocal(int reg) {
        return FIRST_REG + 3 * reg;
    }

    private static int oLocal(int reg) {
        return FIRST_REG + 3 * reg + 2;
    }

    private BaselineCompiler() {
    }

    /**
     * Compiles {@code tpl}, or returns null when the method is not worth it or cannot be
     * translated (too many registers, too long for HotSpot).
     */
    static CompiledCode compile(CodeTemplate tpl, String name) {
        if (tpl.registers > MAX_REGISTERS || tpl.instructionCount() == 0) {
            verbose("declined " + name + ": " + tpl.registers + " registers (at most " + MAX_REGISTERS + ")");
            return null;
        }
        Translation tr = new Translation(tpl);
        byte[] bytes = tr.generate();
        if (bytes == null) {
            verbose("declined " + name + ": more than " + MAX_BYTECODE + " bytes of JVM bytecode ("
                    + tpl.instructionCount() + " instructions)");
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            CompiledCode cc = (CompiledCode) lookup.findConstructor(lookup.lookupClass(),
                    MethodType.methodType(void.class)).invoke();
            cc.blockEnd = tr.blockEnd;
            cc.name = name;
            verbose("compiled " + name + ": " + tpl.instructionCount() + " instructions, " + tpl.registers
                    + " registers, " + tr.entry.cardinality() + " entries, " + bytes.length + " bytes of class file");
            return cc;
        } catch (Throwable e) {
            throw new IllegalStateException("baseline compiler: the JVM rejected the code of " + name, e);
        }
    }

    /** With {@code -Dcomet.jit.verbose=true}: what was compiled and what declined, on stderr (diagnostics). */
    private static void verbose(String line) {
        if (Boolean.getBoolean("comet.jit.verbose")) {
            System.err.println("comet jit: " + line);
        }
    }

    /**
     * Whether the method has a loop (a backward branch). Sampling at safepoints
     * ({@link JitMode#ON}) compiles only those; a method without a loop is compiled when
     * compiled code keeps calling it ({@code Interpreter.JIT_CALLS}), since entering and leaving
     * compiled code from the interpreter for a few instructions costs more than it saves.
     */
    static boolean hasLoop(CodeTemplate tpl) {
        int[] code = tpl.insns;
        for (int pc = 0; pc < tpl.instructionCount(); pc++) {
            int i = pc << 2;
            int op = code[i];
            if ((isGoto(op) && code[i + 1] <= pc) || (op >= 0x38 && op <= 0x3d && code[i + 2] <= pc)
                    || (op >= 0x32 && op <= 0x37 && code[i + 3] <= pc)) {
                return true;
            }
            if (isSwitch(op)) {
                for (int tg : tpl.switchTargets[code[i + 2]]) {
                    if (tg <= pc) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the translated code executes {@code op} itself (else it exits at it). */
    static boolean translated(int op) {
        if (op <= 0x0c) {
            return op != 0x0d;
        }
        if (op >= 0x0e && op <= 0x1b) {
            return true;
        }
        if (op == 0x21 || (op >= 0x28 && op <= 0x3d) || (op >= 0x44 && op <= 0x6d) || op == Opcodes.MATH_INTRINSIC
                || isInvoke(op)) {
            return true;
        }
        return (op >= 0x7b && op <= 0xe2);
    }

    /** invoke-virtual/super/direct/static/interface (and /range): made through the interpreter's invoke. */
    private static boolean isInvoke(int op) {
        return (op >= 0x6e && op <= 0x72) || (op >= 0x74 && op <= 0x78);
    }

    private static boolean isReturn(int op) {
        return op >= 0x0e && op <= 0x11;
    }

    private static boolean isIf(int op) {
        return op >= 0x32 && op <= 0x3d;
    }

    private static boolean isGoto(int op) {
        return op >= 0x28 && op <= 0x2a;
    }

    private static boolean isSwitch(int op) {
        return op == 0x2b || op == 0x2c;
    }

    /** One method's translation. */
    private static final class Translation {
        final CodeTemplate tpl;
        final int[] code;
        final int n;
        final Label[] labels;
        final BitSet leader = new BitSet();
        final BitSet entry = new BitSet();
        final int[] blockEnd;
        /** Per instruction: registers possibly written since locals and frame last agreed (null: unreachable). */
        final BitSet[] dirtyIn;
        final BitSet written = new BitSet();
        final Map<Integer, Label> exits = new TreeMap<>();
        /** Out-of-line safepoint checks of taken backward branches, by target. */
        final Map<Integer, Label> backEdges = new LinkedHashMap<>();
        MethodVisitor mv;
        final Label exitUncount = new Label();
        final Label spill = new Label();
        /** Registers compiled code reads or writes (loaded on entry) and writes (stored on exit). */
        final BitSet used = new BitSet();
        /** Registers whose reference half is known to be null here (within the current block). */
        final BitSet oNull = new BitSet();

        Translation(CodeTemplate tpl) {
            this.tpl = tpl;
            this.code = tpl.insns;
            this.n = tpl.instructionCount();
            this.labels = new Label[n + 1];
            for (int p = 0; p <= n; p++) {
                labels[p] = new Label();
            }
            this.blockEnd = new int[n];
            this.dirtyIn = new BitSet[n];
            analyse();
        }

        private List<Integer> targets(int pc) {
            int i = pc << 2;
            int op = code[i];
            List<Integer> ts = new ArrayList<>();
            if (isGoto(op)) {
                ts.add(code[i + 1]);
            } else if (op >= 0x38 && op <= 0x3d) {
                ts.add(code[i + 2]);
            } else if (op >= 0x32 && op <= 0x37) {
                ts.add(code[i + 3]);
            } else if (isSwitch(op)) {
                for (int tg : tpl.switchTargets[code[i + 2]]) {
                    ts.add(tg);
                }
            }
            return ts;
        }

        private void analyse() {
            leader.set(0);
            entry.set(0);
            for (int pc = 0; pc < n; pc++) {
                int op = code[pc << 2];
                for (int tg : targets(pc)) {
                    leader.set(tg);
                    if (tg <= pc) {
                        entry.set(tg);
                    }
                }
                if (isGoto(op) || isIf(op) || isSwitch(op) || isReturn(op) || isInvoke(op) || !translated(op)) {
                    leader.set(pc + 1);
                }
                if ((!translated(op) || isInvoke(op)) && op != 0x27 && pc + 1 < n) {
                    entry.set(pc + 1); // the interpreter executes op (or the callee), then comes back
                }
                if (translated(op)) {
                    writes(pc, op, written);
                }
            }
            int end = n - 1;
            for (int pc = n - 1; pc >= 0; pc--) {
                blockEnd[pc] = end;
                if (leader.get(pc)) {
                    end = pc - 1;
                }
            }
            findDirtyRegisters();
        }

        /**
         * Per instruction, the registers compiled code may have written since its locals and the
         * frame last agreed (entered, or stored before a call): what a call stores first.
         */
        private void findDirtyRegisters() {
            java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
            for (int e = entry.nextSetBit(0); e >= 0; e = entry.nextSetBit(e + 1)) {
                dirtyIn[e] = new BitSet();
                work.add(e);
            }
            BitSet w = new BitSet();
            while (!work.isEmpty()) {
                int pc = work.poll();
                int op = code[pc << 2];
                if (!translated(op) || isReturn(op)) {
                    continue;
                }
                BitSet out = (BitSet) dirtyIn[pc].clone();
                if (isInvoke(op)) {
                    out.clear();
                } else {
                    w.clear();
                    writes(pc, op, w);
                    out.or(w);
                }
                List<Integer> succ = new ArrayList<>(targets(pc));
                if (!isGoto(op) && pc + 1 < n) {
                    succ.add(pc + 1);
                }
                for (int sp : succ) {
                    BitSet in = dirtyIn[sp];
                    if (in == null) {
                        dirtyIn[sp] = (BitSet) out.clone();
                        work.add(sp);
                    } else {
                        BitSet missing = (BitSet) out.clone();
                        missing.andNot(in);
                        if (!missing.isEmpty()) {
                            in.or(missing);
                            work.add(sp);
                        }
                    }
                }
            }
        }

        /** Adds the registers instruction {@code pc} writes in compiled code to {@code into}. */
        private void writes(int pc, int op, BitSet into) {
            int a = code[(pc << 2) + 1];
            boolean wide = op == 0x04 || op == 0x05 || op == 0x06 || op == 0x0b || (op >= 0x16 && op <= 0x19)
                    || op == 0x45 || op == 0x53 || op == 0x61
                    || op == 0x7d || op == 0x7e || op == 0x80 || op == 0x81 || op == 0x83 || op == 0x86
                    || op == 0x88 || op == 0x89 || op == 0x8b
                    || (op >= 0x9b && op <= 0xa5) || (op >= 0xab && op <= 0xaf)
                    || (op >= 0xbb && op <= 0xc5) || (op >= 0xcb && op <= 0xcf);
            boolean writesA = (op >= 0x01 && op <= 0x0c) || (op >= 0x12 && op <= 0x1b) || op == 0x21
                    || (op >= 0x2d && op <= 0x31) || (op >= 0x44 && op <= 0x4a) || (op >= 0x52 && op <= 0x58)
                    || (op >= 0x60 && op <= 0x66) || (op >= 0x7b && op <= 0xe2);
            if (writesA) {
                into.set(a);
                if (wide) {
                    into.set(a + 1);
                }
            }
        }

        byte[] generate() {
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
                @Override
                protected String getCommonSuperClass(String a, String b) {
                    return "java/lang/Object"; // only Object-typed values ever meet at merges
                }
            };
            cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, org.objectweb.asm.Type.getInternalName(CompiledCode.class).replace("CompiledCode", "CompiledMethod"), null, CC, null);
            MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
            init.visitCode();
            init.visitVarInsn(ALOAD, 0);
            init.visitMethodInsn(INVOKESPECIAL, CC, "<init>", "()V", false);
            init.visitInsn(RETURN);
            init.visitMaxs(0, 0);
            init.visitEnd();

            mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run", "(L" + THREAD + ";L" + FRAME + ";L" + VM + ";)I", null, null);
            mv.visitCode();
            Label notEntry = new Label();
            Label methodEnd = new Label();
            findUsedRegisters();
            prologue();
            // Entry dispatch on f.pc.
            mv.visitVarInsn(ILOAD, CUR);
            int[] keys = entry.stream().toArray();
            Label[] entryLabels = new Label[keys.length];
            for (int k = 0; k < keys.length; k++) {
                entryLabels[k] = labels[keys[k]];
            }
            mv.visitLookupSwitchInsn(notEntry, keys, entryLabels);
            body();
            // Falling off the end is invalid dex (the verifier rejects it); fail loudly.
            mv.visitLabel(labels[n]);
            mv.visitTypeInsn(NEW, "java/lang/IllegalStateException");
            mv.visitInsn(DUP);
            mv.visitLdcInsn("compiled code fell off the end of the method");
            mv.visitMethodInsn(INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "(Ljava/lang/String;)V", false);
            mv.visitInsn(ATHROW);

            for (Map.Entry<Integer, Label> e : backEdges.entrySet()) {
                mv.visitLabel(e.getValue());
                mv.visitVarInsn(ALOAD, T);
                mv.visitInsn(DUP);
                mv.visitFieldInsn(GETFIELD, THREAD, "safepointBudget", "I");
                mv.visitInsn(ICONST_1);
                mv.visitInsn(ISUB);
                mv.visitInsn(DUP_X1);
                mv.visitFieldInsn(PUTFIELD, THREAD, "safepointBudget", "I");
                mv.visitJumpInsn(IFGE, labels[e.getKey()]);
                push(e.getKey());
                mv.visitVarInsn(ISTORE, CUR);
                push(CompiledCode.SAFEPOINT);
                mv.visitVarInsn(ISTORE, STATUS);
                mv.visitJumpInsn(GOTO, spill);
            }
            for (Map.Entry<Integer, Label> e : exits.entrySet()) {
                mv.visitLabel(e.getValue());
                push(e.getKey());
                mv.visitVarInsn(ISTORE, CUR);
                mv.visitJumpInsn(GOTO, exitUncount);
            }
            mv.visitLabel(exitUncount);
            mv.visitVarInsn(ALOAD, THIS);
            mv.visitVarInsn(ALOAD, COUNTS);
            mv.visitVarInsn(ALOAD, INSNS);
            mv.visitVarInsn(ILOAD, CUR);
            mv.visitMethodInsn(INVOKEVIRTUAL, CC, "uncount", "([J[II)V", false);
            push(CompiledCode.EXIT);
            mv.visitVarInsn(ISTORE, STATUS);
            mv.visitLabel(spill);
            spill();
            mv.visitVarInsn(ILOAD, STATUS);
            mv.visitInsn(IRETURN);
            mv.visitLabel(notEntry);
            mv.visitInsn(ICONST_0 + CompiledCode.EXIT);
            mv.visitInsn(IRETURN);
            mv.visitLabel(methodEnd);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            cw.visitEnd();
            if (methodEnd.getOffset() > MAX_BYTECODE) {
                return null;
            }
            return cw.toByteArray();
        }

        private void body() {
            for (int pc = 0; pc < n; pc++) {
                mv.visitLabel(labels[pc]);
                if (leader.get(pc)) {
                    oNull.clear();
                    countBlock(pc);
                }
                instruction(pc);
            }
        }

        /** A dry run of {@link #body} that records which registers' locals it touches. */
        private void findUsedRegisters() {
            MethodVisitor real = mv;
            mv = new MethodVisitor(ASM9) {
                @Override
                public void visitVarInsn(int opcode, int var) {
                    if (var >= FIRST_REG) {
                        used.set((var - FIRST_REG) / 3);
                    }
                }
            };
            body();
            mv = real;
            exits.clear();
            backEdges.clear();
            used.or(written);
        }

        private void prologue() {
            mv.visitVarInsn(ALOAD, T);
            mv.visitFieldInsn(GETFIELD, THREAD, "opCounts", "[J");
            mv.visitVarInsn(ASTORE, COUNTS);
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "code", "L" + MC + ";");
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, MC, "insns", "[I");
            mv.visitVarInsn(ASTORE, INSNS);
            mv.visitFieldInsn(GETFIELD, MC, "links", "[Ljava/lang/Object;");
            mv.visitVarInsn(ASTORE, LINKS);
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "r", "[J");
            mv.visitVarInsn(ASTORE, RARR);
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "o", "[Ljava/lang/Object;");
            mv.visitVarInsn(ASTORE, OARR);
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "pc", "I");
            mv.visitVarInsn(ISTORE, CUR);
            push(CompiledCode.EXIT);
            mv.visitVarInsn(ISTORE, STATUS);
            for (int k = used.nextSetBit(0); k >= 0; k = used.nextSetBit(k + 1)) {
                mv.visitVarInsn(ALOAD, RARR);
                push(k);
                mv.visitInsn(LALOAD);
                mv.visitVarInsn(LSTORE, rLocal(k));
                mv.visitVarInsn(ALOAD, OARR);
                push(k);
                mv.visitInsn(AALOAD);
                mv.visitVarInsn(ASTORE, oLocal(k));
            }
        }

        private void spill() {
            storeRegisters(written);
            mv.visitVarInsn(ALOAD, F);
            mv.visitVarInsn(ILOAD, CUR);
            mv.visitFieldInsn(PUTFIELD, FRAME, "pc", "I");
        }

        /** Stores the locals of {@code regs} into the frame's arrays. */
        private void storeRegisters(BitSet regs) {
            for (int k = regs.nextSetBit(0); k >= 0; k = regs.nextSetBit(k + 1)) {
                mv.visitVarInsn(ALOAD, RARR);
                push(k);
                mv.visitVarInsn(LLOAD, rLocal(k));
                mv.visitInsn(LASTORE);
                mv.visitVarInsn(ALOAD, OARR);
                push(k);
                mv.visitVarInsn(ALOAD, oLocal(k));
                mv.visitInsn(AASTORE);
            }
        }

        /** Adds the counts of the basic block starting at {@code pc}, per opcode. */
        private void countBlock(int pc) {
            Map<Integer, Integer> perOp = new TreeMap<>();
            for (int p = pc; p <= blockEnd[pc]; p++) {
                perOp.merge(code[p << 2], 1, Integer::sum);
            }
            for (Map.Entry<Integer, Integer> e : perOp.entrySet()) {
                mv.visitVarInsn(ALOAD, COUNTS);
                push(e.getKey());
                mv.visitInsn(DUP2);
                mv.visitInsn(LALOAD);
                pushLong(e.getValue());
                mv.visitInsn(LADD);
                mv.visitInsn(LASTORE);
            }
        }

        // ---------------------------------------------------------------- emit helpers

        private void push(int v) {
            if (v >= -1 && v <= 5) {
                mv.visitInsn(ICONST_0 + v);
            } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
                mv.visitIntInsn(BIPUSH, v);
            } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                mv.visitIntInsn(SIPUSH, v);
            } else {
                mv.visitLdcInsn(v);
            }
        }

        private void pushLong(long v) {
            if (v == 0 || v == 1) {
                mv.visitInsn(LCONST_0 + (int) v);
            } else {
                mv.visitLdcInsn(v);
            }
        }

        private Label exitLabel(int pc) {
            return exits.computeIfAbsent(pc, k -> new Label());
        }

        /** Unconditionally returns to the interpreter at {@code pc}. */
        private void exitAt(int pc) {
            mv.visitJumpInsn(GOTO, exitLabel(pc));
        }

        /** The label a taken branch from {@code pc} to {@code tg} jumps to. */
        private Label branchLabel(int pc, int tg) {
            if (tg > pc) {
                return labels[tg];
            }
            return backEdges.computeIfAbsent(tg, k -> new Label());
        }

        private void loadJ(int reg) {
            mv.visitVarInsn(LLOAD, rLocal(reg));
        }

        private void loadI(int reg) {
            mv.visitVarInsn(LLOAD, rLocal(reg));
            mv.visitInsn(L2I);
        }

        private void loadF(int reg) {
            loadI(reg);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
        }

        private void loadD(int reg) {
            loadJ(reg);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
        }

        private void loadO(int reg) {
            mv.visitVarInsn(ALOAD, oLocal(reg));
        }

        /** int on the stack → register {@code reg} (sign-extended; reference half cleared). */
        private void storeI(int reg) {
            mv.visitInsn(I2L);
            storeRaw(reg);
        }

        /** long on the stack (a 32-bit value already in register encoding) → {@code reg}. */
        private void storeRaw(int reg) {
            mv.visitVarInsn(LSTORE, rLocal(reg));
            clearReference(reg);
        }

        /** Clears the reference half of {@code reg}, unless it is already known to be null. */
        private void clearReference(int reg) {
            if (!oNull.get(reg)) {
                mv.visitInsn(ACONST_NULL);
                mv.visitVarInsn(ASTORE, oLocal(reg));
                oNull.set(reg);
            }
        }

        /** long on the stack → wide register pair {@code reg, reg+1}. */
        private void storeJ(int reg) {
            mv.visitInsn(DUP2);
            mv.visitVarInsn(LSTORE, rLocal(reg));
            mv.visitIntInsn(BIPUSH, 32);
            mv.visitInsn(LSHR);
            mv.visitVarInsn(LSTORE, rLocal(reg + 1));
            clearReference(reg);
            clearReference(reg + 1);
        }

        private void storeF(int reg) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
            storeI(reg);
        }

        private void storeD(int reg) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            storeJ(reg);
        }

        private void storeO(int reg) {
            mv.visitVarInsn(ASTORE, oLocal(reg));
            mv.visitInsn(LCONST_0);
            mv.visitVarInsn(LSTORE, rLocal(reg));
            oNull.clear(reg);
        }

        private void data(String arrayDesc) {
            mv.visitVarInsn(ALOAD, TMP_OBJ);
            mv.visitTypeInsn(CHECKCAST, arrayDesc);
        }

        /**
         * Right before an array store whose checks have passed (so it will happen): the DSM write
         * barrier when the array is tracked (TMP_ARR, index TMP_I).
         */
        private void arrayBarrier() {
            Label skip = new Label();
            mv.visitVarInsn(ALOAD, TMP_ARR);
            mv.visitFieldInsn(GETFIELD, ARR, "dsm", OBJECT_HEADER);
            mv.visitJumpInsn(IFNULL, skip);
            mv.visitVarInsn(ALOAD, V);
            mv.visitMethodInsn(INVOKEVIRTUAL, VM, "barrier", "()L" + BARRIER + ";", false);
            mv.visitVarInsn(ALOAD, TMP_ARR);
            mv.visitVarInsn(ILOAD, TMP_I);
            mv.visitInsn(ICONST_1);
            mv.visitMethodInsn(INVOKEINTERFACE, BARRIER, "arrayWrite", "(L" + ARR + ";II)V", true);
            mv.visitLabel(skip);
        }

        /**
         * iget/iput prologue: TMP_I = ~slot from this VM's quickened instruction (exit if not
         * quickened yet), TMP_GO = the receiver (exit unless it is a guest object).
         */
        private void quickenedField(int pc, int objReg) {
            int i = pc << 2;
            mv.visitVarInsn(ALOAD, INSNS);
            push(i + 3);
            mv.visitInsn(IALOAD);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ISTORE, TMP_I);
            mv.visitJumpInsn(IFGE, exitLabel(pc));
            mv.visitVarInsn(ILOAD, TMP_I);
            mv.visitInsn(ICONST_M1);
            mv.visitInsn(IXOR);
            mv.visitVarInsn(ISTORE, TMP_I); // the slot
            loadO(objReg);
            mv.visitTypeInsn(INSTANCEOF, OBJ);
            mv.visitJumpInsn(IFEQ, exitLabel(pc));
            loadO(objReg);
            mv.visitTypeInsn(CHECKCAST, OBJ);
            mv.visitVarInsn(ASTORE, TMP_GO);
        }

        /** sget/sput prologue: TMP_FD, TMP_CLS for a resolved field of an initialized class, else exit. */
        private void staticField(int pc, int link) {
            mv.visitVarInsn(ALOAD, LINKS);
            push(link);
            mv.visitInsn(AALOAD);
            mv.visitTypeInsn(CHECKCAST, FLINK);
            mv.visitFieldInsn(GETFIELD, FLINK, "resolved", "L" + FIELD + ";");
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, TMP_FD);
            mv.visitJumpInsn(IFNULL, exitLabel(pc));
            mv.visitVarInsn(ALOAD, TMP_FD);
            mv.visitFieldInsn(GETFIELD, FIELD, "owner", "L" + CLASS + ";");
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, TMP_CLS);
            mv.visitFieldInsn(GETFIELD, CLASS, "initState", "I");
            push(org.cometsim.dalvik.rt.VmClass.INIT_DONE);
            mv.visitJumpInsn(IF_ICMPNE, exitLabel(pc));
        }

        private void staticSlot() {
            mv.visitVarInsn(ALOAD, TMP_FD);
            mv.visitFieldInsn(GETFIELD, FIELD, "slot", "I");
        }

        /** A primitive register value narrowed as putPrimitive does, for iput/sput kind {@code k}. */
        private void primitiveForField(int reg, int k) {
            switch (k) {
                case 1: loadJ(reg); break;
                case 3: loadJ(reg); mv.visitInsn(LCONST_1); mv.visitInsn(LAND); break;
                case 4: loadI(reg); mv.visitInsn(I2B); mv.visitInsn(I2L); break;
                case 5: loadI(reg); mv.visitInsn(I2C); mv.visitInsn(I2L); break;
                case 6: loadI(reg); mv.visitInsn(I2S); mv.visitInsn(I2L); break;
                default: loadI(reg); mv.visitInsn(I2L); break;
            }
        }

        // ---------------------------------------------------------------- instructions

        private void instruction(int pc) {
            int i = pc << 2;
            int op = code[i];
            int a = code[i + 1];
            int b = code[i + 2];
            int c = code[i + 3];
            if (!translated(op)) {
                exitAt(pc);
                return;
            }
            switch (op) {
                case 0x00:
                    return;
                case 0x01: case 0x02: case 0x03: case 0x07: case 0x08: case 0x09:
                    loadJ(b);
                    mv.visitVarInsn(LSTORE, rLocal(a));
                    if (oNull.get(b)) {
                        clearReference(a);
                    } else {
                        loadO(b);
                        mv.visitVarInsn(ASTORE, oLocal(a));
                        oNull.clear(a);
                    }
                    return;
                case 0x04: case 0x05: case 0x06:
                    loadJ(b);
                    storeJ(a);
                    return;
                case 0x0a:
                    mv.visitVarInsn(ALOAD, T);
                    mv.visitFieldInsn(GETFIELD, THREAD, "retP", "J");
                    storeRaw(a);
                    return;
                case 0x0b:
                    mv.visitVarInsn(ALOAD, T);
                    mv.visitFieldInsn(GETFIELD, THREAD, "retP", "J");
                    storeJ(a);
                    return;
                case 0x0c:
                    mv.visitVarInsn(ALOAD, T);
                    mv.visitFieldInsn(GETFIELD, THREAD, "retR", "Ljava/lang/Object;");
                    storeO(a);
                    mv.visitVarInsn(ALOAD, T);
                    mv.visitInsn(ACONST_NULL);
                    mv.visitFieldInsn(PUTFIELD, THREAD, "retR", "Ljava/lang/Object;");
                    return;
                case 0x0e: case 0x0f: case 0x10: case 0x11:
                    returnInsn(pc, op, a);
                    return;
                case 0x12: case 0x13: case 0x14: case 0x15:
                    pushLong(b);
                    storeRaw(a);
                    return;
                case 0x16: case 0x17: case 0x18: case 0x19:
                    pushLong((b & 0xFFFFFFFFL) | ((long) c << 32));
                    storeJ(a);
                    return;
                case 0x1a: case 0x1b:
                    mv.visitVarInsn(ALOAD, LINKS);
                    push(c);
                    mv.visitInsn(AALOAD);
                    storeO(a);
                    return;
                case 0x21:
                    loadO(b);
                    mv.visitTypeInsn(INSTANCEOF, ARR);
                    mv.visitJumpInsn(IFEQ, exitLabel(pc));
                    loadO(b);
                    mv.visitTypeInsn(CHECKCAST, ARR);
                    mv.visitFieldInsn(GETFIELD, ARR, "length", "I");
                    storeI(a);
                    return;
                case 0x28: case 0x29: case 0x2a:
                    mv.visitJumpInsn(GOTO, branchLabel(pc, a));
                    return;
                case 0x2b: case 0x2c:
                    switchInsn(pc, op, a, b);
                    return;
                case 0x2d: case 0x2e:
                    loadF(b);
                    loadF(c);
                    mv.visitInsn(op == 0x2d ? FCMPL : FCMPG);
                    storeI(a);
                    return;
                case 0x2f: case 0x30:
                    loadD(b);
                    loadD(c);
                    mv.visitInsn(op == 0x2f ? DCMPL : DCMPG);
                    storeI(a);
                    return;
                case 0x31:
                    loadJ(b);
                    loadJ(c);
                    mv.visitInsn(LCMP);
                    storeI(a);
                    return;
                default:
                    break;
            }
            if (isInvoke(op)) {
                invokeInsn(pc, op, a, b, c);
            } else if (isIf(op)) {
                ifInsn(pc, op, a, b, c);
            } else if (op >= 0x44 && op <= 0x51) {
                arrayInsn(pc, op, a, b, c);
            } else if (op >= 0x52 && op <= 0x5f) {
                instanceFieldInsn(pc, op, a, b);
            } else if (op >= 0x60 && op <= 0x6d) {
                staticFieldInsn(pc, op, a, c);
            } else if (op == Opcodes.MATH_INTRINSIC) {
                int second = MathIntrinsics.secondArgOffset(b);
                mv.visitVarInsn(ALOAD, T);
                push(b);
                loadJ(tpl.argRegs[c]);
                if (second == 0) {
                    mv.visitInsn(LCONST_0);
                } else {
                    loadJ(tpl.argRegs[c + second]);
                }
                mv.visitMethodInsn(INVOKESTATIC, org.objectweb.asm.Type.getInternalName(MathIntrinsics.class), "applyValues", "(IJJ)J", false);
                mv.visitFieldInsn(PUTFIELD, THREAD, "retP", "J");
            } else if (op >= 0x7b && op <= 0x8f) {
                unaryInsn(op, a, b);
            } else if (op >= 0x90 && op <= 0xcf) {
                binaryInsn(pc, op >= 0xb0 ? op - 0x20 : op, a, b, c);
            } else if (op >= 0xd0 && op <= 0xe2) {
                literalInsn(pc, op, a, b, c);
            } else {
                throw new IllegalStateException("baseline compiler: opcode 0x" + Integer.toHexString(op));
            }
        }

        /**
         * A call: the registers written since the frame was last stored go to the frame, then the
         * interpreter's invoke runs it (a compiled callee nested, see
         * {@code Interpreter.invokeFromCompiled}); on {@link CompiledCode#CALL_DONE} this goes on
         * after the invoke, else returns the status with the frame at the invoke.
         */
        private void invokeInsn(int pc, int op, int a, int b, int c) {
            BitSet dirty = dirtyIn[pc];
            if (dirty != null) {
                storeRegisters(dirty);
            }
            mv.visitVarInsn(ALOAD, F);
            push(pc);
            mv.visitFieldInsn(PUTFIELD, FRAME, "pc", "I");
            mv.visitVarInsn(ALOAD, V);
            mv.visitVarInsn(ALOAD, T);
            mv.visitVarInsn(ALOAD, F);
            push(op);
            push(a);
            push(b);
            push(c);
            mv.visitMethodInsn(INVOKEVIRTUAL, org.objectweb.asm.Type.getInternalName(Interpreter.class), "invokeFromCompiled",
                    "(L" + THREAD + ";L" + FRAME + ";IIII)I", false);
            mv.visitVarInsn(ISTORE, TMP_I);
            Label leave = new Label();
            if (op == 0x70 || op == 0x76) { // invoke-direct: maybe a host object's constructor
                Label plain = new Label();
                mv.visitVarInsn(ILOAD, TMP_I);
                push(CompiledCode.CALL_DONE_RELOAD);
                mv.visitJumpInsn(IF_ICMPNE, plain);
                for (int k = used.nextSetBit(0); k >= 0; k = used.nextSetBit(k + 1)) {
                    mv.visitVarInsn(ALOAD, OARR);
                    push(k);
                    mv.visitInsn(AALOAD);
                    mv.visitVarInsn(ASTORE, oLocal(k));
                }
                mv.visitJumpInsn(GOTO, labels[pc + 1]);
                mv.visitLabel(plain);
            }
            mv.visitVarInsn(ILOAD, TMP_I);
            mv.visitJumpInsn(IFGE, leave);
            mv.visitJumpInsn(GOTO, labels[pc + 1]);
            mv.visitLabel(leave);
            mv.visitVarInsn(ILOAD, TMP_I);
            mv.visitInsn(IRETURN);
        }

        private void returnInsn(int pc, int op, int a) {
            Label slow = exitLabel(pc);
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "caller", "L" + FRAME + ";");
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, TMP_FRAME);
            mv.visitJumpInsn(IFNULL, slow);
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "base", "Z");
            mv.visitJumpInsn(IFNE, slow);
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "clinitOf", "L" + CLASS + ";");
            mv.visitJumpInsn(IFNONNULL, slow);
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "syncOn", "Ljava/lang/Object;");
            mv.visitJumpInsn(IFNONNULL, slow);
            if (op == 0x0f) {
                mv.visitVarInsn(ALOAD, T);
                loadI(a);
                mv.visitInsn(I2L);
                mv.visitFieldInsn(PUTFIELD, THREAD, "retP", "J");
            } else if (op == 0x10) {
                mv.visitVarInsn(ALOAD, T);
                loadJ(a);
                mv.visitFieldInsn(PUTFIELD, THREAD, "retP", "J");
            } else if (op == 0x11) {
                mv.visitVarInsn(ALOAD, T);
                loadO(a);
                mv.visitFieldInsn(PUTFIELD, THREAD, "retR", "Ljava/lang/Object;");
            }
            mv.visitVarInsn(ALOAD, T);
            mv.visitVarInsn(ALOAD, TMP_FRAME);
            mv.visitFieldInsn(PUTFIELD, THREAD, "top", "L" + FRAME + ";");
            mv.visitVarInsn(ALOAD, TMP_FRAME);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, FRAME, "pc", "I");
            mv.visitInsn(ICONST_1);
            mv.visitInsn(IADD);
            mv.visitFieldInsn(PUTFIELD, FRAME, "pc", "I");
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(GETFIELD, FRAME, "code", "L" + MC + ";");
            mv.visitVarInsn(ALOAD, F);
            mv.visitFieldInsn(PUTFIELD, MC, "spare", "L" + FRAME + ";");
            mv.visitInsn(ICONST_0 + CompiledCode.RETURNED);
            mv.visitInsn(IRETURN);
        }

        private void switchInsn(int pc, int op, int a, int payload) {
            int[] keys = tpl.switchKeys[payload];
            int[] targets = tpl.switchTargets[payload];
            Label dflt = labels[pc + 1];
            loadI(a);
            if (targets.length == 0) {
                mv.visitInsn(POP);
                mv.visitJumpInsn(GOTO, dflt);
                return;
            }
            Label[] ls = new Label[targets.length];
            for (int k = 0; k < targets.length; k++) {
                ls[k] = branchLabel(pc, targets[k]);
            }
            if (op == 0x2b) {
                mv.visitTableSwitchInsn(keys[0], keys[0] + targets.length - 1, dflt, ls);
            } else {
                mv.visitLookupSwitchInsn(dflt, keys, ls);
            }
        }

        private void ifInsn(int pc, int op, int a, int b, int c) {
            if (op >= 0x38) { // if-*z: a, b = target
                Label to = branchLabel(pc, b);
                switch (op) {
                    case 0x38: { // eqz: null reference or int 0
                        Label no = new Label();
                        loadO(a);
                        mv.visitJumpInsn(IFNONNULL, no);
                        loadI(a);
                        mv.visitJumpInsn(IFEQ, to);
                        mv.visitLabel(no);
                        return;
                    }
                    case 0x39:
                        loadO(a);
                        mv.visitJumpInsn(IFNONNULL, to);
                        loadI(a);
                        mv.visitJumpInsn(IFNE, to);
                        return;
                    case 0x3a: loadI(a); mv.visitJumpInsn(IFLT, to); return;
                    case 0x3b: loadI(a); mv.visitJumpInsn(IFGE, to); return;
                    case 0x3c: loadI(a); mv.visitJumpInsn(IFGT, to); return;
                    default: loadI(a); mv.visitJumpInsn(IFLE, to); return;
                }
            }
            Label to = branchLabel(pc, c);
            switch (op) {
                case 0x32: {
                    Label no = new Label();
                    loadO(a);
                    loadO(b);
                    mv.visitJumpInsn(IF_ACMPNE, no);
                    loadI(a);
                    loadI(b);
                    mv.visitJumpInsn(IF_ICMPEQ, to);
                    mv.visitLabel(no);
                    return;
                }
                case 0x33:
                    loadO(a);
                    loadO(b);
                    mv.visitJumpInsn(IF_ACMPNE, to);
                    loadI(a);
                    loadI(b);
                    mv.visitJumpInsn(IF_ICMPNE, to);
                    return;
                default:
                    loadI(a);
                    loadI(b);
                    int jop = op == 0x34 ? IF_ICMPLT : op == 0x35 ? IF_ICMPGE : op == 0x36 ? IF_ICMPGT : IF_ICMPLE;
                    mv.visitJumpInsn(jop, to);
            }
        }

        /**
         * Array instructions. Every check the JVM would make is made explicitly first and exits to
         * the interpreter when it fails (which then raises the guest exception): no JVM exception
         * handler, whose edges from every array access would make HotSpot's code large (C1 gave up
         * on such methods with "CodeBuffer overflow").
         */
        private void arrayInsn(int pc, int op, int a, int b, int c) {
            Label exit = exitLabel(pc);
            loadO(b);
            mv.visitTypeInsn(INSTANCEOF, ARR);
            mv.visitJumpInsn(IFEQ, exit); // null (or not an array): NullPointerException
            loadO(b);
            mv.visitTypeInsn(CHECKCAST, ARR);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, TMP_ARR);
            mv.visitFieldInsn(GETFIELD, ARR, "data", "Ljava/lang/Object;");
            mv.visitVarInsn(ASTORE, TMP_OBJ);
            loadI(c);
            mv.visitVarInsn(ISTORE, TMP_I);
            if (op == 0x4d) { // aput-object: null always; else when the store check passes (else exit: ArrayStoreException)
                Label store = new Label();
                typed(exit, "[Ljava/lang/Object;");
                loadO(a);
                mv.visitJumpInsn(IFNULL, store);
                mv.visitVarInsn(ALOAD, V);
                mv.visitVarInsn(ALOAD, TMP_ARR);
                loadO(a);
                mv.visitMethodInsn(INVOKEVIRTUAL, VM, "storeCheckPasses", "(L" + ARR + ";Ljava/lang/Object;)Z", false);
                mv.visitJumpInsn(IFEQ, exit);
                mv.visitLabel(store);
                arrayBarrier();
                data("[Ljava/lang/Object;");
                mv.visitVarInsn(ILOAD, TMP_I);
                loadO(a);
                mv.visitInsn(AASTORE);
                return;
            }
            switch (op) {
                case 0x44: case 0x4b: case 0x45: case 0x4c: { // int/float, long/double: which one is known at run time
                    boolean wide = op == 0x45 || op == 0x4c;
                    boolean put = op == 0x4b || op == 0x4c;
                    String intDesc = wide ? "[J" : "[I";
                    String fpDesc = wide ? "[D" : "[F";
                    Label fp = new Label();
                    Label done = new Label();
                    mv.visitVarInsn(ALOAD, TMP_OBJ);
                    mv.visitTypeInsn(INSTANCEOF, intDesc);
                    mv.visitJumpInsn(IFEQ, fp);
                    inBounds(exit, intDesc);
                    if (put) {
                        arrayBarrier();
                    }
                    data(intDesc);
                    mv.visitVarInsn(ILOAD, TMP_I);
                    if (put) {
                        if (wide) {
                            loadJ(a);
                            mv.visitInsn(LASTORE);
                        } else {
                            loadI(a);
                            mv.visitInsn(IASTORE);
                        }
                    } else {
                        mv.visitInsn(wide ? LALOAD : IALOAD);
                    }
                    mv.visitJumpInsn(GOTO, done);
                    mv.visitLabel(fp);
                    typed(exit, fpDesc);
                    if (put) {
                        arrayBarrier();
                    }
                    data(fpDesc);
                    mv.visitVarInsn(ILOAD, TMP_I);
                    if (put) {
                        if (wide) {
                            loadD(a);
                            mv.visitInsn(DASTORE);
                        } else {
                            loadF(a);
                            mv.visitInsn(FASTORE);
                        }
                    } else if (wide) {
                        mv.visitInsn(DALOAD);
                        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
                    } else {
                        mv.visitInsn(FALOAD);
                        mv.visitMethodInsn(INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
                    }
                    mv.visitLabel(done);
                    if (put) {
                        return;
                    }
                    if (wide) {
                        storeJ(a);
                    } else {
                        storeI(a);
                    }
                    return;
                }
                case 0x46:
                    typed(exit, "[Ljava/lang/Object;");
                    data("[Ljava/lang/Object;");
                    mv.visitVarInsn(ILOAD, TMP_I);
                    mv.visitInsn(AALOAD);
                    storeO(a);
                    return;
                case 0x47: typed(exit, "[Z"); data("[Z"); mv.visitVarInsn(ILOAD, TMP_I); mv.visitInsn(BALOAD); storeI(a); return;
                case 0x48: typed(exit, "[B"); data("[B"); mv.visitVarInsn(ILOAD, TMP_I); mv.visitInsn(BALOAD); storeI(a); return;
                case 0x49: typed(exit, "[C"); data("[C"); mv.visitVarInsn(ILOAD, TMP_I); mv.visitInsn(CALOAD); storeI(a); return;
                case 0x4a: typed(exit, "[S"); data("[S"); mv.visitVarInsn(ILOAD, TMP_I); mv.visitInsn(SALOAD); storeI(a); return;
                case 0x4e: // aput-boolean: the low bit, as the interpreter stores it
                    typed(exit, "[Z");
                    arrayBarrier();
                    data("[Z");
                    mv.visitVarInsn(ILOAD, TMP_I);
                    loadI(a);
                    mv.visitInsn(ICONST_1);
                    mv.visitInsn(IAND);
                    mv.visitInsn(BASTORE);
                    return;
                case 0x4f: typed(exit, "[B"); arrayBarrier(); data("[B"); mv.visitVarInsn(ILOAD, TMP_I); loadI(a); mv.visitInsn(BASTORE); return;
                case 0x50: typed(exit, "[C"); arrayBarrier(); data("[C"); mv.visitVarInsn(ILOAD, TMP_I); loadI(a); mv.visitInsn(CASTORE); return;
                case 0x51: typed(exit, "[S"); arrayBarrier(); data("[S"); mv.visitVarInsn(ILOAD, TMP_I); loadI(a); mv.visitInsn(SASTORE); return;
                default:
                    throw new IllegalStateException("array op 0x" + Integer.toHexString(op));
            }
        }

        /** Exits unless TMP_OBJ is a {@code desc} array and TMP_I is an index in it. */
        private void typed(Label exit, String desc) {
            mv.visitVarInsn(ALOAD, TMP_OBJ);
            mv.visitTypeInsn(INSTANCEOF, desc);
            mv.visitJumpInsn(IFEQ, exit);
            inBounds(exit, desc);
        }

        /** Exits unless TMP_I is an index in TMP_OBJ (known to be a {@code desc} array). */
        private void inBounds(Label exit, String desc) {
            mv.visitVarInsn(ILOAD, TMP_I);
            mv.visitJumpInsn(IFLT, exit);
            mv.visitVarInsn(ILOAD, TMP_I);
            data(desc);
            mv.visitInsn(ARRAYLENGTH);
            mv.visitJumpInsn(IF_ICMPGE, exit);
        }

        private void instanceFieldInsn(int pc, int op, int a, int b) {
            quickenedField(pc, b & 0xFFFF);
            boolean get = op <= 0x58;
            fieldAccess(pc, get, op - (get ? 0x52 : 0x59), a, TMP_GO, OBJ, "r", "p",
                    () -> mv.visitVarInsn(ILOAD, TMP_I));
        }

        private void staticFieldInsn(int pc, int op, int a, int link) {
            staticField(pc, link);
            boolean get = op <= 0x66;
            fieldAccess(pc, get, op - (get ? 0x60 : 0x67), a, TMP_CLS, CLASS, "staticR", "staticP", this::staticSlot);
        }

        /**
         * The read or write of a field once its holder (a GuestObject or a VmClass, in local
         * {@code holder}) and slot are known. {@code k} is the kind in iget/iput/sget/sput order
         * (0 int, 1 wide, 2 object, 3 boolean, 4 byte, 5 char, 6 short); {@code refs}/{@code prims}
         * are the holder's reference and primitive stores. A write first calls the interpreter's
         * barrier helper, which reports it if the DSM tracks the holder (a test of its header,
         * inlined by HotSpot): before the store, as every write path.
         */
        private void fieldAccess(int pc, boolean get, int k, int a, int holder, String owner, String refs,
                                 String prims, Runnable slot) {
            if (!get) {
                mv.visitVarInsn(ALOAD, V);
                mv.visitVarInsn(ALOAD, holder);
                if (owner.equals(CLASS)) {
                    mv.visitVarInsn(ALOAD, TMP_FD);
                    mv.visitMethodInsn(INVOKEVIRTUAL, VM, "staticWriteBarrier", "(L" + CLASS + ";L" + FIELD + ";)V", false);
                } else {
                    mv.visitVarInsn(ALOAD, INSNS);
                    mv.visitVarInsn(ALOAD, LINKS);
                    push(pc);
                    mv.visitMethodInsn(INVOKEVIRTUAL, VM, "fieldWriteBarrier", "(L" + OBJ + ";[I[Ljava/lang/Object;I)V", false);
                }
            }
            mv.visitVarInsn(ALOAD, holder);
            if (k == 2) {
                mv.visitFieldInsn(GETFIELD, owner, refs, "[Ljava/lang/Object;");
                slot.run();
                if (get) {
                    mv.visitInsn(AALOAD);
                    storeO(a);
                } else {
                    loadO(a);
                    mv.visitInsn(AASTORE);
                }
                return;
            }
            mv.visitFieldInsn(GETFIELD, owner, prims, "[J");
            slot.run();
            if (!get) {
                primitiveForField(a, k);
                mv.visitInsn(LASTORE);
            } else if (k == 1) {
                mv.visitInsn(LALOAD);
                storeJ(a);
            } else {
                mv.visitInsn(LALOAD);
                storeRaw(a);
            }
        }

        private void unaryInsn(int op, int a, int b) {
            switch (op) {
                case 0x7b: loadI(b); mv.visitInsn(INEG); storeI(a); return;
                case 0x7c: loadI(b); mv.visitInsn(ICONST_M1); mv.visitInsn(IXOR); storeI(a); return;
                case 0x7d: loadJ(b); mv.visitInsn(LNEG); storeJ(a); return;
                case 0x7e: loadJ(b); mv.visitLdcInsn(-1L); mv.visitInsn(LXOR); storeJ(a); return;
                case 0x7f: loadF(b); mv.visitInsn(FNEG); storeF(a); return;
                case 0x80: loadD(b); mv.visitInsn(DNEG); storeD(a); return;
                case 0x81: loadI(b); mv.visitInsn(I2L); storeJ(a); return;
                case 0x82: loadI(b); mv.visitInsn(I2F); storeF(a); return;
                case 0x83: loadI(b); mv.visitInsn(I2D); storeD(a); return;
                case 0x84: loadJ(b); mv.visitInsn(L2I); storeI(a); return;
                case 0x85: loadJ(b); mv.visitInsn(L2F); storeF(a); return;
                case 0x86: loadJ(b); mv.visitInsn(L2D); storeD(a); return;
                case 0x87: loadF(b); mv.visitInsn(F2I); storeI(a); return;
                case 0x88: loadF(b); mv.visitInsn(F2L); storeJ(a); return;
                case 0x89: loadF(b); mv.visitInsn(F2D); storeD(a); return;
                case 0x8a: loadD(b); mv.visitInsn(D2I); storeI(a); return;
                case 0x8b: loadD(b); mv.visitInsn(D2L); storeJ(a); return;
                case 0x8c: loadD(b); mv.visitInsn(D2F); storeF(a); return;
                case 0x8d: loadI(b); mv.visitInsn(I2B); storeI(a); return;
                case 0x8e: loadI(b); mv.visitInsn(I2C); storeI(a); return;
                default: loadI(b); mv.visitInsn(I2S); storeI(a); return;
            }
        }

        /** 23x binops (2addr mapped onto them): a = b op c. */
        private void binaryInsn(int pc, int op, int a, int b, int c) {
            if (op <= 0x9a) { // int
                if (op == 0x93 || op == 0x94) {
                    loadI(c);
                    mv.visitJumpInsn(IFEQ, exitLabel(pc)); // division by zero: the interpreter throws
                }
                loadI(b);
                loadI(c);
                int[] jops = {IADD, ISUB, IMUL, IDIV, IREM, IAND, IOR, IXOR, ISHL, ISHR, IUSHR};
                mv.visitInsn(jops[op - 0x90]);
                storeI(a);
            } else if (op <= 0xa5) { // long
                if (op == 0x9e || op == 0x9f) {
                    loadJ(c);
                    mv.visitInsn(LCONST_0);
                    mv.visitInsn(LCMP);
                    mv.visitJumpInsn(IFEQ, exitLabel(pc));
                }
                loadJ(b);
                if (op >= 0xa3) {
                    loadI(c);
                } else {
                    loadJ(c);
                }
                int[] jops = {LADD, LSUB, LMUL, LDIV, LREM, LAND, LOR, LXOR, LSHL, LSHR, LUSHR};
                mv.visitInsn(jops[op - 0x9b]);
                storeJ(a);
            } else if (op <= 0xaa) { // float
                loadF(b);
                loadF(c);
                int[] jops = {FADD, FSUB, FMUL, FDIV, FREM};
                mv.visitInsn(jops[op - 0xa6]);
                storeF(a);
            } else { // double
                loadD(b);
                loadD(c);
                int[] jops = {DADD, DSUB, DMUL, DDIV, DREM};
                mv.visitInsn(jops[op - 0xab]);
                storeD(a);
            }
        }

        /** /lit16 (0xd0..0xd7) and /lit8 (0xd8..0xe2): a = b op literal c. */
        private void literalInsn(int pc, int op, int a, int b, int lit) {
            int k = op >= 0xd8 ? op - 0xd8 : op - 0xd0; // add rsub mul div rem and or xor shl shr ushr
            if ((k == 3 || k == 4) && lit == 0) {
                exitAt(pc); // the interpreter throws ArithmeticException
                return;
            }
            if (k == 1) {
                push(lit);
                loadI(b);
                mv.visitInsn(ISUB);
            } else {
                loadI(b);
                push(lit);
                int[] jops = {IADD, ISUB, IMUL, IDIV, IREM, IAND, IOR, IXOR, ISHL, ISHR, IUSHR};
                mv.visitInsn(jops[k]);
            }
            storeI(a);
        }
    }
}
