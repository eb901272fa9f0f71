package org.cometsim.dalvik.code;

import org.cometsim.dalvik.rt.CodeTemplate;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.Links;
import org.cometsim.dalvik.rt.Opcodes;
import org.jf.dexlib2.iface.reference.CallSiteReference;
import org.jf.dexlib2.iface.reference.MethodProtoReference;

/**
 * Verifies one method body, on the form the interpreter runs ({@link CodeTemplate}, decoded once
 * per class path and cached, so verification adds only this pass to what loading does anyway).
 * {@link Decoder} has already checked the structure while reading the body: valid opcodes,
 * register operands in range, branch, switch and handler targets on instruction boundaries,
 * payload kinds and alignment, try ranges, indices (a reference it cannot read fails the
 * decode). This pass adds {@code ins <= registers}, no fall-through off the end or into payload
 * data, {@code move-exception} only at handlers, and a dataflow over register kinds along every
 * path (JVMS 4.10 / Dalvik's verifier, with reference types kept as kinds).
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
    /** Code units and can-throw per opcode value (the internal Math intrinsic is an invoke-static). */
    private static final int[] UNITS = new int[256];
    private static final boolean[] CAN_THROW = new boolean[256];
    private static final String[] NAMES = new String[256];

    static {
        for (int v = 0; v < 256; v++) {
            org.jf.dexlib2.Opcode o = OPCODES.getOpcodeByValue(v);
            if (o != null && !o.format.isPayloadFormat) {
                UNITS[v] = o.format.size / 2;
                CAN_THROW[v] = o.canThrow();
                NAMES[v] = o.name;
            }
        }
        UNITS[Opcodes.MATH_INTRINSIC] = 3;
        CAN_THROW[Opcodes.MATH_INTRINSIC] = true;
        NAMES[Opcodes.MATH_INTRINSIC] = "invoke-static";
    }

    private final String classDesc;
    private final String name;
    private final String desc;
    private final boolean isStatic;
    private final boolean isInit;
    private final CodeTemplate template;
    /** The template's quadruples {op, a, b, c}. */
    private final int[] insns;
    private final int regs;
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

    MethodVerifier(String classDesc, String name, String desc, int access, CodeTemplate template,
            java.util.Map<String, char[]> kindCache) {
        this.kindCache = kindCache;
        this.classDesc = classDesc;
        this.name = name;
        this.desc = desc;
        this.isStatic = (access & 0x8) != 0;
        this.isInit = name.equals("<init>");
        this.template = template;
        this.insns = template.insns;
        this.regs = template.registers;
    }

    /** Parameter kinds of a method descriptor ('L' for references and arrays), without substrings. */
    static char[] kinds(String desc) {
        int n = 0;
        for (int i = 1; desc.charAt(i) != ')'; i++) {
            char c = desc.charAt(i);
            while (c == '[') {
                c = desc.charAt(++i);
            }
            if (c == 'L') {
                i = desc.indexOf(';', i);
            }
            n++;
        }
        char[] out = new char[n];
        int k = 0;
        for (int i = 1; desc.charAt(i) != ')'; i++) {
            char c = desc.charAt(i);
            boolean array = c == '[';
            while (c == '[') {
                c = desc.charAt(++i);
            }
            if (c == 'L') {
                i = desc.indexOf(';', i);
            }
            out[k++] = array ? 'L' : c;
        }
        return out;
    }

    /** Parameter kinds by descriptor, shared by the methods of one class (they call the same methods). */
    private final java.util.Map<String, char[]> kindCache;

    private char[] kindsOf(String methodDesc) {
        char[] k = kindCache.get(methodDesc);
        if (k == null) {
            k = kinds(methodDesc);
            kindCache.put(methodDesc, k);
        }
        return k;
    }

    /** A failed check. */
    private static final class Fail extends RuntimeException {
        Fail(String message) {
            super(message, null, false, false);
        }
    }

    private Fail fail(int i, String what) {
        String where = i >= 0 && i < template.addressOf.length ? " at " + NAMES[insns[4 * i]] + " @" + template.addressOf[i] : "";
        return new Fail(what + where);
    }

    /** Null if the body verifies, else the reason. */
    String verify() {
        try {
            int ins = (isStatic ? 0 : 1) + wordsOf(kindsOf(desc));
            if (regs > 65535) {
                return "registers_size " + regs + " exceeds 65535";
            }
            if (ins > regs) {
                return "ins_size " + ins + " exceeds registers_size " + regs;
            }
            int n = template.addressOf.length;
            if (n == 0) {
                return "method has no instructions";
            }
            isHandler = new boolean[n];
            handlersOf = new int[n][];
            for (int k = 0; k < template.tryStart.length; k++) {
                int[] targets = template.catchTargets[template.tryHandlers[k]];
                if (targets.length == 0) {
                    return "try range has no handlers";
                }
                for (int h : targets) {
                    isHandler[h] = true;
                }
                for (int i = template.tryStart[k]; i < template.tryEnd[k]; i++) {
                    handlersOf[i] = targets;
                }
                for (String type : template.catchTypes[template.tryHandlers[k]]) {
                    if (type != null && !isClassDescriptor(type)) {
                        return "catch type '" + type + "' is not a class";
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (insns[4 * i] == 0x0d && !isHandler[i]) {
                    throw fail(i, "move-exception is not the first instruction of an exception handler");
                }
            }
            findJoins();
            dataflow(ins);
            return null;
        } catch (Fail f) {
            return f.getMessage();
        }
    }

    static boolean isClassDescriptor(String d) {
        return d.length() >= 3 && d.charAt(0) == 'L' && d.charAt(d.length() - 1) == ';' && d.indexOf(';') == d.length() - 1;
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
        int n = insns.length / 4;
        width = regs + 2;
        entry = new int[n][];
        queued = new boolean[n];
        work = new int[n];
        int[] start = new int[width];
        char[] params = kindsOf(desc);
        int r = regs - ins;
        if (!isStatic) {
            thisReg = r;
            start[r++] = isInit && !"Ljava/lang/Object;".equals(classDesc) ? UNINIT_THIS : REF;
        }
        for (char k : params) {
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
        return joins[i];
    }

    private void findJoins() {
        int n = insns.length / 4;
        joins = new boolean[n];
        joins[0] = true;
        for (int k = 0; k < n; k++) {
            if (isHandler[k]) {
                joins[k] = true;
            }
            int o = insns[4 * k];
            if (o >= 0x28 && o <= 0x2a) {
                joins[insns[4 * k + 1]] = true;
            } else if (o >= 0x32 && o <= 0x37) {
                joins[insns[4 * k + 3]] = true;
            } else if (o >= 0x38 && o <= 0x3d) {
                joins[insns[4 * k + 2]] = true;
            } else if (o == 0x2b || o == 0x2c) {
                for (int t : template.switchTargets[insns[4 * k + 2]]) {
                    joins[t] = true;
                }
            }
        }
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
        if (hs == null || !CAN_THROW[insns[4 * i]]) {
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
        int next = template.addressOf[i] + UNITS[insns[4 * i]];
        if (i + 1 >= template.addressOf.length) {
            // past the last instruction: the end of the code or payload data placed after it
            throw fail(i, "control flow falls off the end of the instructions");
        }
        if (template.addressOf[i + 1] != next) {
            throw fail(i, "control flow falls into payload data");
        }
        return i + 1;
    }

    private static int wordsOf(char[] params) {
        int w = 0;
        for (char k : params) {
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

    // ------------------------------------------------------------------ transfer

    /** Applies instruction i to state s; returns the fall-through successor or -1. */
    private int step(int i, int[] s) {
        int o = insns[4 * i];
        int a = insns[4 * i + 1];
        int b = insns[4 * i + 2];
        int c = insns[4 * i + 3];
        toHandlers(i, s);
        int resLo = s[regs];
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
            set(s, a, b == 0 ? ZERO : CONST);
        } else if (o >= 0x16 && o <= 0x19) {
            setWide(i, s, a, CONST_LO);
        } else if (o >= 0x1a && o <= 0x1c || o == 0xfe || o == 0xff) {
            if (o == 0x1c) {
                refType(i, c, "const-class", false);
            }
            set(s, a, REF);
        } else if (o == 0x1d || o == 0x1e) {
            readRef(i, s, a);
        } else if (o == 0x1f) {
            refType(i, c, "check-cast", false);
            readRef(i, s, a);
            set(s, a, s[a] == ZERO ? ZERO : REF);
        } else if (o == 0x20) {
            refType(i, c, "instance-of", false);
            readRef(i, s, b);
            set(s, a, INT);
        } else if (o == 0x21) {
            readRef(i, s, b);
            set(s, a, INT);
        } else if (o == 0x22) {
            String t = refType(i, c, "new-instance", false);
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
            refType(i, c, "new-array", true);
            readInt(i, s, b);
            set(s, a, REF);
        } else if (o == 0x24 || o == 0x25) {
            String t = refType(i, b, "filled-new-array", true);
            char k = t.charAt(1);
            if (k == 'J' || k == 'D') {
                throw fail(i, "filled-new-array of " + t + " (wide elements are not allowed)");
            }
            for (int r = 0; r < a; r++) {
                int reg = template.argRegs[c + r];
                if (k == 'L' || k == '[') {
                    readRef(i, s, reg);
                } else if (k == 'F') {
                    readFloat(i, s, reg);
                } else {
                    readInt(i, s, reg);
                }
            }
            s[regs] = REF;
        } else if (o == 0x26) {
            readRef(i, s, a);
        } else if (o == 0x27) {
            readRef(i, s, a);
            return -1;
        } else if (o >= 0x28 && o <= 0x2a) {
            mergeInto(a, s);
            return -1;
        } else if (o == 0x2b || o == 0x2c) {
            readInt(i, s, a);
            for (int t : template.switchTargets[b]) {
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
            mergeInto(c, s);
        } else if (o >= 0x38 && o <= 0x3d) {
            if (o <= 0x39) {
                need(i, isRefLike(s[a]) || isCat1Prim(s[a]), s, a, "a reference or a 32-bit primitive");
            } else {
                readInt(i, s, a);
            }
            mergeInto(b, s);
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
            fieldAccess(i, o, a, b, c, s);
        } else if (o >= 0x6e && o <= 0x72 || o >= 0x74 && o <= 0x78) {
            invoke(i, o, b, (Links.MethodSymbol) template.symbols[b], a, c, s);
        } else if (o == Opcodes.MATH_INTRINSIC) {
            String key = MathIntrinsics.keyOf(b);
            String d = key.substring(key.indexOf('('));
            checkArgs(i, c, a, kindsOf(d), false, s);
            setResult(s, Descriptors.returnType(d));
        } else if (o == 0xfa || o == 0xfb) {
            // receiver is the method handle; the call-site proto is only kept as text: check the receiver
            readRef(i, s, template.argRegs[c]);
            String proto = String.valueOf(template.symbols[template.argRegs[c + a]]);
            int close = proto.indexOf(')');
            if (close > 0 && close + 1 < proto.length()) {
                setResult(s, proto.substring(close + 1));
            }
        } else if (o == 0xfc || o == 0xfd) {
            Object site = ((Links.CallSiteSymbol) template.symbols[b]).site;
            MethodProtoReference proto = ((CallSiteReference) site).getMethodProto();
            StringBuilder pd = new StringBuilder("(");
            for (CharSequence p : proto.getParameterTypes()) {
                pd.append(p);
            }
            checkArgs(i, c, a, kinds(pd.append(')').toString()), false, s);
            setResult(s, proto.getReturnType());
        } else if (o >= 0x7b && o <= 0x8f) {
            unop(i, o, a, b, s);
        } else if (o >= 0x90 && o <= 0xaf) {
            binop(i, o - 0x90, a, b, c, s);
        } else if (o >= 0xb0 && o <= 0xcf) {
            binop(i, o - 0xb0, a, b, c, s); // decoded as vA = vB op vC with vB == vA
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

    private String refType(int i, int link, String what, boolean array) {
        String t = ((Links.TypeSymbol) template.symbols[link]).descriptor();
        if (!isDescriptor(t)) {
            throw fail(i, "malformed type descriptor '" + t + "'");
        }
        char k = t.charAt(0);
        if (array ? k != '[' : (k != 'L' && k != '[')) {
            throw fail(i, what + " of " + t + ", which is not " + (array ? "an array type" : "a reference type"));
        }
        return t;
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

    private String returnType;

    private void checkReturn(int i, int o, int a, int[] s) {
        if (returnType == null) {
            returnType = Descriptors.returnType(desc);
        }
        String ret = returnType;
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

    private void fieldAccess(int i, int o, int a, int b, int link, int[] s) {
        Links.FieldSymbol f = (Links.FieldSymbol) template.symbols[link];
        String type = f.type();
        if (!isDescriptor(type) || type.equals("V")) {
            throw fail(i, "malformed field type '" + type + "'");
        }
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
            throw fail(i, "field " + f.name() + " has type " + type + ", which this instruction does not access");
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
            set(s, a, kindOf(k));
        }
    }

    /**
     * Checks the count argument registers at {@code template.argRegs[base..]} against parameter
     * types (after the receiver if hasReceiver).
     */
    private void checkArgs(int i, int base, int count, char[] params, boolean hasReceiver, int[] s) {
        int words = (hasReceiver ? 1 : 0) + wordsOf(params);
        if (words != count) {
            throw fail(i, "passes " + count + " argument words, the callee takes " + words);
        }
        int[] args = template.argRegs;
        int k = base + (hasReceiver ? 1 : 0);
        for (char t : params) {
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

    private void invoke(int i, int o, int b, Links.MethodSymbol m, int count, int base, int[] s) {
        int kind = o >= 0x74 ? o - 0x74 : o - 0x6e; // virtual, super, direct, static, interface
        String callee = m.name;
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
        boolean hasReceiver = kind != 3;
        if (hasReceiver && count == 0) {
            throw fail(i, "invoke without a receiver");
        }
        char[] params = kindsOf(m.desc);
        if (calleeInit) {
            int t = s[template.argRegs[base]];
            if (!isUninit(t)) {
                throw fail(i, "calls <init> on " + kindName(t) + ", not an uninitialised object");
            }
            checkArgs(i, base, count, params, true, s);
            for (int k = 0; k < regs; k++) {
                if (s[k] == t) {
                    s[k] = REF;
                }
            }
        } else {
            checkArgs(i, base, count, params, hasReceiver, s);
            if (hasReceiver) {
                readRef(i, s, template.argRegs[base]);
            }
        }
        setResult(s, m.desc.charAt(m.desc.indexOf(')') + 1));
    }

    private void setResult(int[] s, String ret) {
        setResult(s, ret.charAt(0));
    }

    private void setResult(int[] s, char k) {
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
