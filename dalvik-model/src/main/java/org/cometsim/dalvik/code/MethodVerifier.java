package org.cometsim.dalvik.code;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.iface.ExceptionHandler;
import org.jf.dexlib2.iface.Method;
import org.jf.dexlib2.iface.MethodImplementation;
import org.jf.dexlib2.iface.TryBlock;
import org.jf.dexlib2.iface.instruction.DualReferenceInstruction;
import org.jf.dexlib2.iface.instruction.FiveRegisterInstruction;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.NarrowLiteralInstruction;
import org.jf.dexlib2.iface.instruction.OffsetInstruction;
import org.jf.dexlib2.iface.instruction.OneRegisterInstruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.instruction.RegisterRangeInstruction;
import org.jf.dexlib2.iface.instruction.SwitchElement;
import org.jf.dexlib2.iface.instruction.ThreeRegisterInstruction;
import org.jf.dexlib2.iface.instruction.TwoRegisterInstruction;
import org.jf.dexlib2.iface.instruction.VariableRegisterInstruction;
import org.jf.dexlib2.iface.instruction.WideLiteralInstruction;
import org.jf.dexlib2.iface.instruction.formats.ArrayPayload;
import org.jf.dexlib2.iface.instruction.formats.PackedSwitchPayload;
import org.jf.dexlib2.iface.instruction.formats.SparseSwitchPayload;
import org.jf.dexlib2.iface.instruction.formats.UnknownInstruction;
import org.jf.dexlib2.iface.reference.CallSiteReference;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.reference.MethodProtoReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.reference.Reference;
import org.jf.dexlib2.iface.reference.StringReference;
import org.jf.dexlib2.iface.reference.TypeReference;

/**
 * Verifies one method body: structure first (opcodes, operands, indices, branch and switch
 * targets, payload placement, try ranges and handlers), then a dataflow over register kinds along
 * every path (JVMS 4.10 / Dalvik's verifier, with reference types kept as kinds).
 *
 * <p>Register kinds: undefined, conflict (two paths disagree), the constant zero (int 0, 0.0f or
 * null: fits int, float and reference), a nonzero 32-bit constant (int or float), int, float,
 * reference, the halves of a long, a double or a wide constant, and uninitialised references (the
 * result of one {@code new-instance}, or {@code this} in a constructor) that only an
 * {@code <init>} call turns into references. An extra pair of slots past the registers holds the
 * pending invoke result, so {@code move-result*} must directly follow an invoke that returns
 * that kind. States are stored only at instructions that are jumped to (branch, switch and
 * handler targets); straight-line code is walked with one scratch array.
 */
final class MethodVerifier {
    static final int UNDEF = 0;
    static final int CONFLICT = 1;
    static final int ZERO = 2;
    static final int CONST = 3;
    static final int INT = 4;
    static final int FLOAT = 5;
    static final int REF = 6;
    static final int CONST_LO = 7;
    static final int CONST_HI = 8;
    static final int LONG_LO = 9;
    static final int LONG_HI = 10;
    static final int DOUBLE_LO = 11;
    static final int DOUBLE_HI = 12;
    static final int UNINIT_THIS = 13;
    /** {@code UNINIT_NEW + i}: the object made by the {@code new-instance} at instruction i. */
    static final int UNINIT_NEW = 16;

    private static final org.jf.dexlib2.Opcodes OPCODES = org.jf.dexlib2.Opcodes.forApi(28);

    private final String classDesc;
    private final Method method;
    private final String name;
    private final String sig;
    private final int dexVersion;
    private final boolean isStatic;
    private final boolean isInit;

    private Instruction[] insns;
    private int[] op;
    private int[] addr;
    /** Code unit address → instruction index, -1 inside an instruction, -2 at a payload. */
    private int[] indexAt;
    private int codeUnits;
    private int regs;
    /** registers + 2 result slots. */
    private int width;
    private boolean[] isHandler;
    /** Per instruction: handler instruction indices covering it (null if none). */
    private int[][] handlersOf;
    private int[][] entry;
    private boolean[] queued;
    private int[] work;
    private int workSize;
    private int thisReg = -1;

    MethodVerifier(String classDesc, Method method, String name, String sig, int dexVersion) {
        this.classDesc = classDesc;
        this.method = method;
        this.name = name;
        this.sig = sig;
        this.dexVersion = dexVersion;
        this.isStatic = (method.getAccessFlags() & 0x8) != 0;
        this.isInit = name.equals("<init>");
    }

    static String signature(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (CharSequence p : m.getParameterTypes()) {
            sb.append(p);
        }
        return sb.append(')').append(m.getReturnType()).toString();
    }

    /** A failed check. */
    private static final class Fail extends RuntimeException {
        Fail(String message) {
            super(message, null, false, false);
        }
    }

    private Fail fail(int i, String what) {
        String where = i >= 0 && i < insns.length ? " at " + insns[i].getOpcode().name + " @" + addr[i] : "";
        return new Fail(what + where);
    }

    /** Null if the body verifies, else the reason. */
    String verify() {
        try {
            MethodImplementation impl = method.getImplementation();
            regs = impl.getRegisterCount();
            int ins = (isStatic ? 0 : 1) + wordsOf(method.getParameterTypes());
            if (regs > 65535) {
                return "registers_size " + regs + " exceeds 65535";
            }
            if (ins > regs) {
                return "ins_size " + ins + " exceeds registers_size " + regs;
            }
            readInstructions(impl);
            checkStatic();
            readTries(impl);
            dataflow(ins);
            return null;
        } catch (Fail f) {
            return f.getMessage();
        }
    }

    // ------------------------------------------------------------------ structure

    private void readInstructions(MethodImplementation impl) {
        List<Instruction> list = new ArrayList<>();
        List<Integer> addrs = new ArrayList<>();
        List<Integer> payloadAddrs = new ArrayList<>();
        int a = 0;
        insns = new Instruction[0];
        for (Instruction insn : impl.getInstructions()) {
            if (insn instanceof UnknownInstruction) {
                throw new Fail("invalid opcode 0x" + Integer.toHexString(((UnknownInstruction) insn).getOriginalOpcode() & 0xff)
                        + " @" + a);
            }
            Opcode o = insn.getOpcode();
            if (o.format.isPayloadFormat) {
                if ((a & 1) != 0) {
                    throw new Fail(o.name + " payload @" + a + " is not 4-byte aligned");
                }
                payloadAddrs.add(a);
            } else {
                list.add(insn);
                addrs.add(a);
            }
            int units = insn.getCodeUnits();
            if (units <= 0) {
                throw new Fail("malformed instruction @" + a);
            }
            a += units;
        }
        codeUnits = a;
        if (list.isEmpty()) {
            throw new Fail("method has no instructions");
        }
        int n = list.size();
        insns = list.toArray(new Instruction[0]);
        addr = new int[n];
        op = new int[n];
        indexAt = new int[codeUnits + 1];
        Arrays.fill(indexAt, -1);
        for (int p : payloadAddrs) {
            indexAt[p] = -2;
        }
        for (int i = 0; i < n; i++) {
            addr[i] = addrs.get(i);
            indexAt[addr[i]] = i;
            Opcode o = insns[i].getOpcode();
            Short v = OPCODES.getOpcodeValue(o);
            if (v == null || o.odexOnly()) {
                throw fail(i, "opcode " + o.name + " is not valid in a dex file");
            }
            op[i] = v & 0xff;
            if ((op[i] == 0xfa || op[i] == 0xfb || op[i] == 0xfc || op[i] == 0xfd) && dexVersion < 38) {
                throw fail(i, "opcode needs dex 038, file is " + dexVersion);
            }
            if ((op[i] == 0xfe || op[i] == 0xff) && dexVersion < 39) {
                throw fail(i, "opcode needs dex 039, file is " + dexVersion);
            }
        }
        handlersOf = new int[n][];
        isHandler = new boolean[n];
    }

    /** Index of the instruction starting at code unit {@code a}, or a failure. */
    private int target(int i, int a, String what) {
        if (a < 0 || a >= codeUnits || indexAt[a] < 0) {
            throw fail(i, what + " " + a + " is not the start of an instruction in the method");
        }
        return indexAt[a];
    }

    private <T extends Instruction> T payload(int i, Class<T> kind, String what) {
        int a = addr[i] + ((OffsetInstruction) insns[i]).getCodeOffset();
        if (a < 0 || a >= codeUnits || indexAt[a] != -2) {
            throw fail(i, what + " payload at " + a + " is missing");
        }
        // payloads are rare: find the instruction by walking (they are not in insns[])
        Instruction p = payloadAt(a);
        if (!kind.isInstance(p)) {
            throw fail(i, "payload at " + a + " is " + p.getOpcode().name + ", not a " + what + " payload");
        }
        return kind.cast(p);
    }

    private MethodImplementation impl() {
        return method.getImplementation();
    }

    private Instruction payloadAt(int target) {
        int a = 0;
        for (Instruction insn : impl().getInstructions()) {
            if (a == target) {
                return insn;
            }
            a += insn.getCodeUnits();
        }
        throw new Fail("payload at " + target + " not found");
    }

    /** Static checks of every instruction, reachable or not. */
    private void checkStatic() {
        for (int i = 0; i < insns.length; i++) {
            Instruction insn = insns[i];
            checkRegisters(i, insn);
            if (insn instanceof ReferenceInstruction) {
                checkReference(i, ((ReferenceInstruction) insn).getReference());
            }
            if (insn instanceof DualReferenceInstruction) {
                checkReference(i, ((DualReferenceInstruction) insn).getReference2());
            }
            int o = op[i];
            if (o >= 0x28 && o <= 0x2a || o >= 0x32 && o <= 0x3d) {
                target(i, addr[i] + ((OffsetInstruction) insn).getCodeOffset(), "branch target");
            } else if (o == 0x2b) {
                for (SwitchElement e : payload(i, PackedSwitchPayload.class, "packed-switch").getSwitchElements()) {
                    target(i, addr[i] + e.getOffset(), "switch target");
                }
            } else if (o == 0x2c) {
                int prev = Integer.MIN_VALUE;
                boolean first = true;
                for (SwitchElement e : payload(i, SparseSwitchPayload.class, "sparse-switch").getSwitchElements()) {
                    if (!first && e.getKey() <= prev) {
                        throw fail(i, "sparse-switch keys are not sorted ascending");
                    }
                    first = false;
                    prev = e.getKey();
                    target(i, addr[i] + e.getOffset(), "switch target");
                }
            } else if (o == 0x26) {
                int w = payload(i, ArrayPayload.class, "fill-array-data").getElementWidth();
                if (w != 1 && w != 2 && w != 4 && w != 8) {
                    throw fail(i, "fill-array-data element width " + w);
                }
            }
        }
    }

    private void checkRegisters(int i, Instruction insn) {
        if (insn instanceof OneRegisterInstruction) {
            reg(i, ((OneRegisterInstruction) insn).getRegisterA());
        }
        if (insn instanceof TwoRegisterInstruction) {
            reg(i, ((TwoRegisterInstruction) insn).getRegisterB());
        }
        if (insn instanceof ThreeRegisterInstruction) {
            reg(i, ((ThreeRegisterInstruction) insn).getRegisterC());
        }
        if (insn instanceof RegisterRangeInstruction) {
            RegisterRangeInstruction r = (RegisterRangeInstruction) insn;
            if (r.getRegisterCount() > 0) {
                reg(i, r.getStartRegister() + r.getRegisterCount() - 1);
            }
        } else if (insn instanceof FiveRegisterInstruction) {
            FiveRegisterInstruction f = (FiveRegisterInstruction) insn;
            int c = f.getRegisterCount();
            if (c > 5) {
                throw fail(i, "argument count " + c + " exceeds 5");
            }
            int[] rs = {f.getRegisterC(), f.getRegisterD(), f.getRegisterE(), f.getRegisterF(), f.getRegisterG()};
            for (int k = 0; k < c; k++) {
                reg(i, rs[k]);
            }
        }
    }

    private void reg(int i, int r) {
        if (r < 0 || r >= regs) {
            throw fail(i, "register v" + r + " out of range (registers_size " + regs + ")");
        }
    }

    private void checkReference(int i, Reference ref) {
        try {
            ref.validateReference();
            if (ref instanceof StringReference) {
                ((StringReference) ref).getString();
            } else if (ref instanceof TypeReference) {
                checkDescriptor(i, ((TypeReference) ref).getType());
            } else if (ref instanceof FieldReference) {
                FieldReference f = (FieldReference) ref;
                checkDescriptor(i, f.getDefiningClass());
                checkDescriptor(i, f.getType());
                f.getName();
            } else if (ref instanceof MethodReference) {
                MethodReference m = (MethodReference) ref;
                checkDescriptor(i, m.getDefiningClass());
                for (CharSequence p : m.getParameterTypes()) {
                    checkDescriptor(i, p.toString());
                }
                checkDescriptor(i, m.getReturnType());
                m.getName();
            } else if (ref instanceof MethodProtoReference) {
                MethodProtoReference p = (MethodProtoReference) ref;
                for (CharSequence t : p.getParameterTypes()) {
                    checkDescriptor(i, t.toString());
                }
                checkDescriptor(i, p.getReturnType());
            }
        } catch (Reference.InvalidReferenceException e) {
            throw fail(i, "index out of range: " + e.getMessage());
        } catch (Fail f) {
            throw f;
        } catch (RuntimeException e) {
            throw fail(i, "unreadable reference: " + Verifier.describe(e));
        }
    }

    private void checkDescriptor(int i, String d) {
        if (!isDescriptor(d)) {
            throw fail(i, "malformed type descriptor '" + d + "'");
        }
    }

    static boolean isClassDescriptor(String d) {
        return d.length() >= 3 && d.charAt(0) == 'L' && d.charAt(d.length() - 1) == ';' && d.indexOf(';') == d.length() - 1;
    }

    static boolean isDescriptor(String d) {
        int k = 0;
        while (k < d.length() && d.charAt(k) == '[') {
            k++;
        }
        if (k > 255 || k >= d.length()) {
            return false;
        }
        String rest = d.substring(k);
        if (rest.length() == 1) {
            return "ZBSCIJFDV".indexOf(rest.charAt(0)) >= 0 && (k == 0 || rest.charAt(0) != 'V');
        }
        return isClassDescriptor(rest);
    }

    private void readTries(MethodImplementation impl) {
        List<? extends TryBlock<? extends ExceptionHandler>> tries = impl.getTryBlocks();
        int prevEnd = 0;
        for (TryBlock<? extends ExceptionHandler> tb : tries) {
            int start = tb.getStartCodeAddress();
            int end = start + tb.getCodeUnitCount();
            if (tb.getCodeUnitCount() <= 0 || start < prevEnd || end > codeUnits) {
                throw new Fail("try range [" + start + ", " + end + ") is empty, overlaps or leaves the method");
            }
            if (indexAt[start] < 0) {
                throw new Fail("try range starts at " + start + ", inside an instruction");
            }
            prevEnd = end;
            List<? extends ExceptionHandler> hs = tb.getExceptionHandlers();
            if (hs.isEmpty()) {
                throw new Fail("try range [" + start + ", " + end + ") has no handlers");
            }
            int[] targets = new int[hs.size()];
            for (int h = 0; h < hs.size(); h++) {
                ExceptionHandler eh = hs.get(h);
                String type = eh.getExceptionType();
                if (type != null && !isClassDescriptor(type)) {
                    throw new Fail("catch type '" + type + "' is not a class");
                }
                int a = eh.getHandlerCodeAddress();
                if (a < 0 || a >= codeUnits || indexAt[a] < 0) {
                    throw new Fail("exception handler at " + a + " is not the start of an instruction in the method");
                }
                targets[h] = indexAt[a];
                isHandler[indexAt[a]] = true;
            }
            for (int i = indexAt[start]; i < insns.length && addr[i] < end; i++) {
                handlersOf[i] = targets;
            }
        }
        for (int i = 0; i < insns.length; i++) {
            if (op[i] == 0x0d && !isHandler[i]) {
                throw fail(i, "move-exception is not the first instruction of an exception handler");
            }
        }
    }

    // ------------------------------------------------------------------ dataflow

    private static boolean isLo(int t) {
        return t == CONST_LO || t == LONG_LO || t == DOUBLE_LO;
    }

    private static boolean isHi(int t) {
        return t == CONST_HI || t == LONG_HI || t == DOUBLE_HI;
    }

    private static boolean isUninit(int t) {
        return t == UNINIT_THIS || t >= UNINIT_NEW;
    }

    static int merge(int a, int b) {
        if (a == b) {
            return a;
        }
        if (a > b) {
            int t = a;
            a = b;
            b = t;
        }
        // a < b from here
        if (a == ZERO && (b == CONST || b == INT || b == FLOAT || b == REF)) {
            return b;
        }
        if (a == CONST && (b == INT || b == FLOAT)) {
            return b;
        }
        if (a == CONST_LO && (b == LONG_LO || b == DOUBLE_LO)) {
            return b;
        }
        if (a == CONST_HI && (b == LONG_HI || b == DOUBLE_HI)) {
            return b;
        }
        return CONFLICT;
    }

    private void dataflow(int ins) {
        int n = insns.length;
        width = regs + 2;
        entry = new int[n][];
        queued = new boolean[n];
        work = new int[n];
        int[] start = new int[width];
        String[] params = paramTypes();
        int r = regs - ins;
        if (!isStatic) {
            thisReg = r;
            start[r++] = isInit && !"Ljava/lang/Object;".equals(classDesc) ? UNINIT_THIS : REF;
        }
        for (String p : params) {
            char k = p.charAt(0);
            if (k == 'J' || k == 'D') {
                start[r] = k == 'J' ? LONG_LO : DOUBLE_LO;
                start[r + 1] = k == 'J' ? LONG_HI : DOUBLE_HI;
                r += 2;
            } else {
                start[r++] = kindOf(k);
            }
        }
        entry[0] = start;
        push(0);
        int[] s = new int[width];
        while (workSize > 0) {
            int i = work[--workSize];
            queued[i] = false;
            System.arraycopy(entry[i], 0, s, 0, width);
            while (true) {
                int next = step(i, s);
                if (next < 0) {
                    break;
                }
                if (isJoin(next)) {
                    mergeInto(next, s);
                    break;
                }
                i = next;
            }
        }
    }

    /** Whether instruction i is entered other than by falling through (so keeps a stored state). */
    private boolean[] joins;

    private boolean isJoin(int i) {
        if (joins == null) {
            joins = new boolean[insns.length];
            joins[0] = true;
            for (int k = 0; k < insns.length; k++) {
                if (isHandler[k]) {
                    joins[k] = true;
                }
                int o = op[k];
                if (o >= 0x28 && o <= 0x2a || o >= 0x32 && o <= 0x3d) {
                    joins[indexAt[addr[k] + ((OffsetInstruction) insns[k]).getCodeOffset()]] = true;
                } else if (o == 0x2b || o == 0x2c) {
                    for (int t : switchTargets(k)) {
                        joins[t] = true;
                    }
                }
            }
        }
        return joins[i];
    }

    private int[][] switchTargetCache;

    private int[] switchTargets(int i) {
        if (switchTargetCache == null) {
            switchTargetCache = new int[insns.length][];
        }
        int[] t = switchTargetCache[i];
        if (t == null) {
            List<? extends SwitchElement> els = op[i] == 0x2b
                    ? payload(i, PackedSwitchPayload.class, "packed-switch").getSwitchElements()
                    : payload(i, SparseSwitchPayload.class, "sparse-switch").getSwitchElements();
            t = new int[els.size()];
            for (int k = 0; k < t.length; k++) {
                t[k] = target(i, addr[i] + els.get(k).getOffset(), "switch target");
            }
            switchTargetCache[i] = t;
        }
        return t;
    }

    private void push(int i) {
        if (!queued[i]) {
            queued[i] = true;
            work[workSize++] = i;
        }
    }

    private void mergeInto(int i, int[] s) {
        int[] e = entry[i];
        if (e == null) {
            entry[i] = s.clone();
            push(i);
            return;
        }
        boolean changed = false;
        for (int k = 0; k < width; k++) {
            int m = merge(e[k], s[k]);
            if (m != e[k]) {
                e[k] = m;
                changed = true;
            }
        }
        if (changed) {
            push(i);
        }
    }

    /** Merges the state into the exception handlers covering instruction i (if it can throw). */
    private void toHandlers(int i, int[] s) {
        int[] hs = handlersOf[i];
        if (hs == null || !insns[i].getOpcode().canThrow()) {
            return;
        }
        int r0 = s[regs];
        int r1 = s[regs + 1];
        s[regs] = UNDEF;
        s[regs + 1] = UNDEF;
        for (int h : hs) {
            mergeInto(h, s);
        }
        s[regs] = r0;
        s[regs + 1] = r1;
    }

    /** The fall-through successor of i, checking that control does not leave the code. */
    private int fallThrough(int i) {
        int a = addr[i] + insns[i].getCodeUnits();
        if (a >= codeUnits) {
            throw fail(i, "control flow falls off the end of the code");
        }
        if (indexAt[a] < 0) {
            throw fail(i, "control flow falls into payload data");
        }
        return indexAt[a];
    }

    private String[] paramTypes() {
        List<String> out = new ArrayList<>();
        for (CharSequence p : method.getParameterTypes()) {
            out.add(p.toString());
        }
        return out.toArray(new String[0]);
    }

    private static int wordsOf(Iterable<? extends CharSequence> params) {
        int w = 0;
        for (CharSequence p : params) {
            char k = p.charAt(0);
            w += k == 'J' || k == 'D' ? 2 : 1;
        }
        return w;
    }

    private static int kindOf(char k) {
        switch (k) {
            case 'F':
                return FLOAT;
            case 'L':
            case '[':
                return REF;
            default:
                return INT;
        }
    }

    // ------------------------------------------------------------------ register reads and writes

    private void need(int i, boolean ok, int[] s, int r, String want) {
        if (!ok) {
            throw fail(i, "register v" + r + " holds " + kindName(s[r]) + ", expected " + want);
        }
    }

    private void readInt(int i, int[] s, int r) {
        int t = s[r];
        need(i, t == ZERO || t == CONST || t == INT, s, r, "an int");
    }

    private void readFloat(int i, int[] s, int r) {
        int t = s[r];
        need(i, t == ZERO || t == CONST || t == FLOAT, s, r, "a float");
    }

    private void readCat1(int i, int[] s, int r) {
        int t = s[r];
        need(i, t == ZERO || t == CONST || t == INT || t == FLOAT, s, r, "a 32-bit primitive");
    }

    private void readRef(int i, int[] s, int r) {
        int t = s[r];
        need(i, t == ZERO || t == REF, s, r, isUninit(t) ? "an initialised reference (new-instance used before <init>)" : "a reference");
    }

    private void readWide(int i, int[] s, int r, int lo, int hi) {
        if (r + 1 >= regs) {
            throw fail(i, "wide register pair v" + r + "/v" + (r + 1) + " out of range (registers_size " + regs + ")");
        }
        int a = s[r];
        int b = s[r + 1];
        boolean ok = (a == lo || a == CONST_LO) && (b == hi || b == CONST_HI);
        if (!ok) {
            throw fail(i, "register pair v" + r + "/v" + (r + 1) + " holds " + kindName(a) + "/" + kindName(b)
                    + ", expected " + (lo == LONG_LO ? "a long" : "a double"));
        }
    }

    private void readAnyWide(int i, int[] s, int r) {
        if (r + 1 >= regs) {
            throw fail(i, "wide register pair v" + r + "/v" + (r + 1) + " out of range (registers_size " + regs + ")");
        }
        int a = s[r];
        int b = s[r + 1];
        boolean ok = (a == CONST_LO && isHi(b)) || (a == LONG_LO && (b == LONG_HI || b == CONST_HI))
                || (a == DOUBLE_LO && (b == DOUBLE_HI || b == CONST_HI));
        if (!ok) {
            throw fail(i, "register pair v" + r + "/v" + (r + 1) + " holds " + kindName(a) + "/" + kindName(b)
                    + ", expected a long or double");
        }
    }

    private void readLong(int i, int[] s, int r) {
        readWide(i, s, r, LONG_LO, LONG_HI);
    }

    private void readDouble(int i, int[] s, int r) {
        readWide(i, s, r, DOUBLE_LO, DOUBLE_HI);
    }

    /** Breaks a wide pair that a write to register r overlaps. */
    private void invalidate(int[] s, int r) {
        int t = s[r];
        if (isHi(t) && r > 0 && isLo(s[r - 1])) {
            s[r - 1] = CONFLICT;
        } else if (isLo(t) && r + 1 < regs && isHi(s[r + 1])) {
            s[r + 1] = CONFLICT;
        }
    }

    private void set(int[] s, int r, int t) {
        invalidate(s, r);
        s[r] = t;
    }

    private void setWide(int i, int[] s, int r, int lo) {
        if (r + 1 >= regs) {
            throw fail(i, "wide register pair v" + r + "/v" + (r + 1) + " out of range (registers_size " + regs + ")");
        }
        invalidate(s, r);
        invalidate(s, r + 1);
        s[r] = lo;
        s[r + 1] = lo + 1;
    }

    private static String kindName(int t) {
        switch (t) {
            case UNDEF: return "nothing (never written on some path)";
            case CONFLICT: return "conflicting types from different paths";
            case ZERO: return "zero";
            case CONST: return "a 32-bit constant";
            case INT: return "an int";
            case FLOAT: return "a float";
            case REF: return "a reference";
            case CONST_LO: case LONG_LO: case DOUBLE_LO: return "the low half of a wide value";
            case CONST_HI: case LONG_HI: case DOUBLE_HI: return "the high half of a wide value";
            case UNINIT_THIS: return "uninitialised this";
            default: return "an uninitialised new-instance";
        }
    }

    private static int fieldKind(String type) {
        return kindOf(type.charAt(0));
    }

    // ------------------------------------------------------------------ transfer

    /** Applies instruction i to state s; returns the fall-through successor or -1. */
    private int step(int i, int[] s) {
        Instruction insn = insns[i];
        int o = op[i];
        toHandlers(i, s);
        int a = insn instanceof OneRegisterInstruction ? ((OneRegisterInstruction) insn).getRegisterA() : 0;
        int b = insn instanceof TwoRegisterInstruction ? ((TwoRegisterInstruction) insn).getRegisterB() : 0;
        int c = insn instanceof ThreeRegisterInstruction ? ((ThreeRegisterInstruction) insn).getRegisterC() : 0;
        int resLo = s[regs];
        int resHi = s[regs + 1];
        s[regs] = UNDEF;
        s[regs + 1] = UNDEF;
        if (o == 0x00) {
            return fallThrough(i);
        } else if (o >= 0x01 && o <= 0x03) {
            readCat1(i, s, b);
            set(s, a, s[b]);
        } else if (o >= 0x04 && o <= 0x06) {
            readAnyWide(i, s, b);
            int lo = s[b];
            int hi = s[b + 1];
            int kind = lo == CONST_LO ? (hi == CONST_HI ? CONST_LO : hi - 1) : lo;
            setWide(i, s, a, kind);
        } else if (o >= 0x07 && o <= 0x09) {
            int t = s[b];
            need(i, t == ZERO || t == REF || isUninit(t), s, b, "a reference");
            set(s, a, t);
        } else if (o == 0x0a) {
            need(i, resLo == ZERO || resLo == CONST || resLo == INT || resLo == FLOAT, s, regs,
                    "a 32-bit result (move-result must follow an invoke returning one)");
            set(s, a, resLo);
        } else if (o == 0x0b) {
            if (!(resLo == LONG_LO || resLo == DOUBLE_LO)) {
                throw fail(i, "no wide result pending (move-result-wide must follow an invoke returning long or double)");
            }
            setWide(i, s, a, resLo);
        } else if (o == 0x0c) {
            if (!(resLo == REF || resLo == ZERO)) {
                throw fail(i, "no reference result pending (move-result-object must follow an invoke or filled-new-array returning one)");
            }
            set(s, a, REF);
        } else if (o == 0x0d) {
            set(s, a, REF);
        } else if (o >= 0x0e && o <= 0x11) {
            checkReturn(i, o, a, s);
            return -1;
        } else if (o >= 0x12 && o <= 0x15) {
            set(s, a, ((NarrowLiteralInstruction) insn).getNarrowLiteral() == 0 ? ZERO : CONST);
        } else if (o >= 0x16 && o <= 0x19) {
            setWide(i, s, a, CONST_LO);
        } else if (o >= 0x1a && o <= 0x1c || o == 0xfe || o == 0xff) {
            if (o == 0x1c) {
                refType(i, insn, "const-class", false);
            }
            set(s, a, REF);
        } else if (o == 0x1d || o == 0x1e) {
            readRef(i, s, a);
        } else if (o == 0x1f) {
            refType(i, insn, "check-cast", false);
            readRef(i, s, a);
            set(s, a, s[a] == ZERO ? ZERO : REF);
        } else if (o == 0x20) {
            refType(i, insn, "instance-of", false);
            readRef(i, s, b);
            set(s, a, INT);
        } else if (o == 0x21) {
            readRef(i, s, b);
            set(s, a, INT);
        } else if (o == 0x22) {
            String t = refType(i, insn, "new-instance", false);
            if (t.charAt(0) != 'L') {
                throw fail(i, "new-instance of " + t + ", not a class");
            }
            int u = UNINIT_NEW + i;
            for (int k = 0; k < regs; k++) {
                if (s[k] == u) {
                    s[k] = CONFLICT;
                }
            }
            set(s, a, u);
        } else if (o == 0x23) {
            String t = refType(i, insn, "new-array", true);
            readInt(i, s, b);
            set(s, a, REF);
        } else if (o == 0x24 || o == 0x25) {
            String t = refType(i, insn, "filled-new-array", true);
            char k = t.charAt(1);
            if (k == 'J' || k == 'D') {
                throw fail(i, "filled-new-array of " + t + " (wide elements are not allowed)");
            }
            for (int r : argRegisters(insn)) {
                if (k == 'L' || k == '[') {
                    readRef(i, s, r);
                } else if (k == 'F') {
                    readFloat(i, s, r);
                } else {
                    readInt(i, s, r);
                }
            }
            s[regs] = REF;
        } else if (o == 0x26) {
            readRef(i, s, a);
        } else if (o == 0x27) {
            readRef(i, s, a);
            return -1;
        } else if (o >= 0x28 && o <= 0x2a) {
            mergeInto(indexAt[addr[i] + ((OffsetInstruction) insn).getCodeOffset()], s);
            return -1;
        } else if (o == 0x2b || o == 0x2c) {
            readInt(i, s, a);
            for (int t : switchTargets(i)) {
                mergeInto(t, s);
            }
        } else if (o == 0x2d || o == 0x2e) {
            readFloat(i, s, b);
            readFloat(i, s, c);
            set(s, a, INT);
        } else if (o == 0x2f || o == 0x30) {
            readDouble(i, s, b);
            readDouble(i, s, c);
            set(s, a, INT);
        } else if (o == 0x31) {
            readLong(i, s, b);
            readLong(i, s, c);
            set(s, a, INT);
        } else if (o >= 0x32 && o <= 0x37) {
            if (o <= 0x33) {
                boolean refs = isRefLike(s[a]) && isRefLike(s[b]);
                boolean prims = isCat1Prim(s[a]) && isCat1Prim(s[b]);
                if (!refs && !prims) {
                    throw fail(i, "compares v" + a + " (" + kindName(s[a]) + ") with v" + b + " (" + kindName(s[b]) + ")");
                }
            } else {
                readInt(i, s, a);
                readInt(i, s, b);
            }
            mergeInto(indexAt[addr[i] + ((OffsetInstruction) insn).getCodeOffset()], s);
        } else if (o >= 0x38 && o <= 0x3d) {
            if (o <= 0x39) {
                need(i, isRefLike(s[a]) || isCat1Prim(s[a]), s, a, "a reference or a 32-bit primitive");
            } else {
                readInt(i, s, a);
            }
            mergeInto(indexAt[addr[i] + ((OffsetInstruction) insn).getCodeOffset()], s);
        } else if (o >= 0x44 && o <= 0x4a) {
            readRef(i, s, b);
            readInt(i, s, c);
            boolean nullArray = s[b] == ZERO;
            if (o == 0x44) {
                set(s, a, CONST);
            } else if (o == 0x45) {
                setWide(i, s, a, CONST_LO);
            } else if (o == 0x46) {
                set(s, a, nullArray ? ZERO : REF);
            } else {
                set(s, a, INT);
            }
        } else if (o >= 0x4b && o <= 0x51) {
            readRef(i, s, b);
            readInt(i, s, c);
            if (o == 0x4b) {
                readCat1(i, s, a);
            } else if (o == 0x4c) {
                readAnyWide(i, s, a);
            } else if (o == 0x4d) {
                readRef(i, s, a);
            } else {
                readInt(i, s, a);
            }
        } else if (o >= 0x52 && o <= 0x6d) {
            fieldAccess(i, o, insn, a, b, s);
        } else if (o >= 0x6e && o <= 0x72 || o >= 0x74 && o <= 0x78) {
            invoke(i, o, insn, s);
        } else if (o == 0xfa || o == 0xfb) {
            MethodProtoReference proto = (MethodProtoReference) ((DualReferenceInstruction) insn).getReference2();
            int[] args = argRegisters(insn);
            checkArgs(i, args, proto.getParameterTypes(), true, s);
            readRef(i, s, args[0]);
            setResult(s, proto.getReturnType());
        } else if (o == 0xfc || o == 0xfd) {
            MethodProtoReference proto = ((CallSiteReference) ((ReferenceInstruction) insn).getReference()).getMethodProto();
            checkArgs(i, argRegisters(insn), proto.getParameterTypes(), false, s);
            setResult(s, proto.getReturnType());
        } else if (o >= 0x7b && o <= 0x8f) {
            unop(i, o, a, b, s);
        } else if (o >= 0x90 && o <= 0xaf) {
            binop(i, o - 0x90, a, b, c, s);
        } else if (o >= 0xb0 && o <= 0xcf) {
            binop(i, o - 0xb0, a, a, b, s);
        } else if (o >= 0xd0 && o <= 0xe2) {
            readInt(i, s, b);
            set(s, a, INT);
        } else {
            throw fail(i, "opcode 0x" + Integer.toHexString(o) + " is not verifiable");
        }
        return fallThrough(i);
    }

    private static boolean isRefLike(int t) {
        return t == ZERO || t == REF;
    }

    private static boolean isCat1Prim(int t) {
        return t == ZERO || t == CONST || t == INT || t == FLOAT;
    }

    private String refType(int i, Instruction insn, String what, boolean array) {
        String t = ((TypeReference) ((ReferenceInstruction) insn).getReference()).getType();
        char k = t.charAt(0);
        if (array ? k != '[' : (k != 'L' && k != '[')) {
            throw fail(i, what + " of " + t + ", which is not " + (array ? "an array type" : "a reference type"));
        }
        return t;
    }

    private void checkReturn(int i, int o, int a, int[] s) {
        String ret = method.getReturnType();
        char k = ret.charAt(0);
        if (o == 0x0e) {
            if (k != 'V') {
                throw fail(i, "return-void in a method returning " + ret);
            }
            if (isInit && thisReg >= 0 && s[thisReg] == UNINIT_THIS) {
                throw fail(i, "constructor returns without calling a superclass or own constructor");
            }
        } else if (o == 0x0f) {
            if (k == 'V' || k == 'J' || k == 'D' || k == 'L' || k == '[') {
                throw fail(i, "return in a method returning " + ret);
            }
            if (k == 'F') {
                readFloat(i, s, a);
            } else {
                readInt(i, s, a);
            }
        } else if (o == 0x10) {
            if (k != 'J' && k != 'D') {
                throw fail(i, "return-wide in a method returning " + ret);
            }
            readWide(i, s, a, k == 'J' ? LONG_LO : DOUBLE_LO, k == 'J' ? LONG_HI : DOUBLE_HI);
        } else {
            if (k != 'L' && k != '[') {
                throw fail(i, "return-object in a method returning " + ret);
            }
            readRef(i, s, a);
        }
    }

    private void fieldAccess(int i, int o, Instruction insn, int a, int b, int[] s) {
        FieldReference f = (FieldReference) ((ReferenceInstruction) insn).getReference();
        String type = f.getType();
        char k = type.charAt(0);
        boolean isStaticOp = o >= 0x60;
        int rel = isStaticOp ? (o - 0x60) % 7 : (o - 0x52) % 7;
        boolean put = isStaticOp ? o >= 0x67 : o >= 0x59;
        // plain, wide, object, boolean, byte, char, short
        boolean ok;
        switch (rel) {
            case 0: ok = k == 'I' || k == 'F'; break;
            case 1: ok = k == 'J' || k == 'D'; break;
            case 2: ok = k == 'L' || k == '['; break;
            case 3: ok = k == 'Z'; break;
            case 4: ok = k == 'B'; break;
            case 5: ok = k == 'C'; break;
            default: ok = k == 'S'; break;
        }
        if (!ok) {
            throw fail(i, "field " + f.getName() + " has type " + type + ", which this instruction does not access");
        }
        if (!isStaticOp) {
            int t = s[b];
            // iput/iget on this before the superclass constructor runs is legal (javac stores outer
            // this and captured values first)
            need(i, t == ZERO || t == REF || t == UNINIT_THIS, s, b, "an object reference");
        }
        if (put) {
            if (rel == 1) {
                readWide(i, s, a, k == 'J' ? LONG_LO : DOUBLE_LO, k == 'J' ? LONG_HI : DOUBLE_HI);
            } else if (rel == 2) {
                readRef(i, s, a);
            } else if (k == 'F') {
                readFloat(i, s, a);
            } else {
                readInt(i, s, a);
            }
        } else if (rel == 1) {
            setWide(i, s, a, k == 'J' ? LONG_LO : DOUBLE_LO);
        } else {
            set(s, a, fieldKind(type));
        }
    }

    private int[] argRegisters(Instruction insn) {
        if (insn instanceof RegisterRangeInstruction) {
            RegisterRangeInstruction r = (RegisterRangeInstruction) insn;
            int[] out = new int[r.getRegisterCount()];
            for (int k = 0; k < out.length; k++) {
                out[k] = r.getStartRegister() + k;
            }
            return out;
        }
        FiveRegisterInstruction f = (FiveRegisterInstruction) insn;
        int[] rs = {f.getRegisterC(), f.getRegisterD(), f.getRegisterE(), f.getRegisterF(), f.getRegisterG()};
        return Arrays.copyOf(rs, ((VariableRegisterInstruction) insn).getRegisterCount());
    }

    /** Checks argument registers against parameter types (after the receiver if hasReceiver). */
    private void checkArgs(int i, int[] args, List<? extends CharSequence> params, boolean hasReceiver, int[] s) {
        int words = (hasReceiver ? 1 : 0) + wordsOf(params);
        if (words != args.length) {
            throw fail(i, "passes " + args.length + " argument words, the callee takes " + words);
        }
        int k = hasReceiver ? 1 : 0;
        for (CharSequence p : params) {
            char t = p.charAt(0);
            if (t == 'J' || t == 'D') {
                if (args[k + 1] != args[k] + 1) {
                    throw fail(i, (t == 'J' ? "long" : "double") + " argument in v" + args[k] + " and v" + args[k + 1]
                            + ", not a register pair");
                }
                readWide(i, s, args[k], t == 'J' ? LONG_LO : DOUBLE_LO, t == 'J' ? LONG_HI : DOUBLE_HI);
                k += 2;
            } else {
                if (t == 'L' || t == '[') {
                    readRef(i, s, args[k]);
                } else if (t == 'F') {
                    readFloat(i, s, args[k]);
                } else {
                    readInt(i, s, args[k]);
                }
                k++;
            }
        }
    }

    private void invoke(int i, int o, Instruction insn, int[] s) {
        MethodReference m = (MethodReference) ((ReferenceInstruction) insn).getReference();
        int kind = o >= 0x74 ? o - 0x74 : o - 0x6e; // virtual, super, direct, static, interface
        String callee = m.getName();
        if (callee.equals("<clinit>")) {
            throw fail(i, "invokes <clinit>");
        }
        boolean calleeInit = callee.equals("<init>");
        if (calleeInit && kind != 2) {
            throw fail(i, "invokes <init> other than by invoke-direct");
        }
        if (!calleeInit && callee.startsWith("<")) {
            throw fail(i, "invokes the special name " + callee);
        }
        int[] args = argRegisters(insn);
        boolean hasReceiver = kind != 3;
        if (hasReceiver && args.length == 0) {
            throw fail(i, "invoke without a receiver");
        }
        if (calleeInit) {
            int t = s[args[0]];
            if (!isUninit(t)) {
                throw fail(i, "calls <init> on " + kindName(t) + ", not an uninitialised object");
            }
            checkArgs(i, args, m.getParameterTypes(), true, s);
            for (int k = 0; k < regs; k++) {
                if (s[k] == t) {
                    s[k] = REF;
                }
            }
        } else {
            checkArgs(i, args, m.getParameterTypes(), hasReceiver, s);
            if (hasReceiver) {
                readRef(i, s, args[0]);
            }
        }
        setResult(s, m.getReturnType());
    }

    private void setResult(int[] s, String ret) {
        char k = ret.charAt(0);
        if (k == 'V') {
            return;
        }
        if (k == 'J' || k == 'D') {
            s[regs] = k == 'J' ? LONG_LO : DOUBLE_LO;
            s[regs + 1] = s[regs] + 1;
        } else {
            s[regs] = kindOf(k);
        }
    }

    private void unop(int i, int o, int a, int b, int[] s) {
        switch (o) {
            case 0x7b: case 0x7c: case 0x8d: case 0x8e: case 0x8f:
                readInt(i, s, b); set(s, a, INT); break;
            case 0x7d: case 0x7e:
                readLong(i, s, b); setWide(i, s, a, LONG_LO); break;
            case 0x7f:
                readFloat(i, s, b); set(s, a, FLOAT); break;
            case 0x80:
                readDouble(i, s, b); setWide(i, s, a, DOUBLE_LO); break;
            case 0x81:
                readInt(i, s, b); setWide(i, s, a, LONG_LO); break;
            case 0x82:
                readInt(i, s, b); set(s, a, FLOAT); break;
            case 0x83:
                readInt(i, s, b); setWide(i, s, a, DOUBLE_LO); break;
            case 0x84:
                readLong(i, s, b); set(s, a, INT); break;
            case 0x85:
                readLong(i, s, b); set(s, a, FLOAT); break;
            case 0x86:
                readLong(i, s, b); setWide(i, s, a, DOUBLE_LO); break;
            case 0x87:
                readFloat(i, s, b); set(s, a, INT); break;
            case 0x88:
                readFloat(i, s, b); setWide(i, s, a, LONG_LO); break;
            case 0x89:
                readFloat(i, s, b); setWide(i, s, a, DOUBLE_LO); break;
            case 0x8a:
                readDouble(i, s, b); set(s, a, INT); break;
            case 0x8b:
                readDouble(i, s, b); setWide(i, s, a, LONG_LO); break;
            default: // 0x8c double-to-float
                readDouble(i, s, b); set(s, a, FLOAT); break;
        }
    }

    /** rel: 0-10 int ops, 11-21 long ops (19-21 shifts), 22-26 float, 27-31 double. */
    private void binop(int i, int rel, int a, int b, int c, int[] s) {
        if (rel <= 10) {
            readInt(i, s, b);
            readInt(i, s, c);
            set(s, a, INT);
        } else if (rel <= 21) {
            readLong(i, s, b);
            if (rel >= 19) {
                readInt(i, s, c);
            } else {
                readLong(i, s, c);
            }
            setWide(i, s, a, LONG_LO);
        } else if (rel <= 26) {
            readFloat(i, s, b);
            readFloat(i, s, c);
            set(s, a, FLOAT);
        } else {
            readDouble(i, s, b);
            readDouble(i, s, c);
            setWide(i, s, a, DOUBLE_LO);
        }
    }
}
