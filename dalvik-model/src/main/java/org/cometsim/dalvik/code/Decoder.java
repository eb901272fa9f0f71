package org.cometsim.dalvik.code;

import org.cometsim.dalvik.rt.LinkTable;

import org.cometsim.dalvik.rt.Links;

import org.cometsim.dalvik.rt.CodeTemplate;

import org.cometsim.dalvik.rt.MethodCode;

import org.cometsim.dalvik.rt.Opcodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jf.dexlib2.iface.ExceptionHandler;
import org.jf.dexlib2.iface.MethodImplementation;
import org.jf.dexlib2.iface.TryBlock;
import org.jf.dexlib2.iface.debug.DebugItem;
import org.jf.dexlib2.iface.debug.LineNumber;
import org.jf.dexlib2.iface.instruction.FiveRegisterInstruction;
import org.jf.dexlib2.iface.instruction.Instruction;
import org.jf.dexlib2.iface.instruction.NarrowLiteralInstruction;
import org.jf.dexlib2.iface.instruction.OffsetInstruction;
import org.jf.dexlib2.iface.instruction.OneRegisterInstruction;
import org.jf.dexlib2.iface.instruction.ReferenceInstruction;
import org.jf.dexlib2.iface.instruction.RegisterRangeInstruction;
import org.jf.dexlib2.iface.instruction.SwitchElement;
import org.jf.dexlib2.iface.instruction.SwitchPayload;
import org.jf.dexlib2.iface.instruction.ThreeRegisterInstruction;
import org.jf.dexlib2.iface.instruction.TwoRegisterInstruction;
import org.jf.dexlib2.iface.instruction.VariableRegisterInstruction;
import org.jf.dexlib2.iface.instruction.WideLiteralInstruction;
import org.jf.dexlib2.iface.instruction.DualReferenceInstruction;
import org.jf.dexlib2.iface.instruction.formats.ArrayPayload;
import org.jf.dexlib2.iface.instruction.formats.PackedSwitchPayload;
import org.jf.dexlib2.iface.instruction.formats.UnknownInstruction;
import org.jf.dexlib2.iface.reference.FieldReference;
import org.jf.dexlib2.iface.reference.MethodReference;
import org.jf.dexlib2.iface.reference.Reference;
import org.jf.dexlib2.iface.reference.StringReference;
import org.jf.dexlib2.iface.reference.TypeReference;

/**
 * Pre-decodes a dexlib2 method body into a {@link MethodCode}. Operand layout per instruction
 * ({op, a, b, c}):
 * <ul>
 *   <li>moves, unary ops, array-length: a = dst, b = src;</li>
 *   <li>binops (23x): a, b, c registers; /2addr: a = dst = first source, b = a, c = second;
 *       /lit8, /lit16: a, b registers, c = literal;</li>
 *   <li>const (all 32-bit forms): a, b = value; const-wide*: a, b = low word, c = high word;</li>
 *   <li>const-string/-class, new-instance, check-cast, sget/sput: a = register, c = link index;
 *       instance-of, new-array, iget/iput: a, b registers, c = link index. The interpreter
 *       quickens iget/iput on first execution: c becomes ~slot (negative) and the link index moves
 *       to the upper 16 bits of b (see {@code Interpreter.quickenField});</li>
 *   <li>goto: a = target; if-*z: a, b = target; if-*: a, b, c = target;</li>
 *   <li>packed/sparse-switch, fill-array-data: a = register, b = payload index;</li>
 *   <li>invoke*, filled-new-array*: a = argument count, b = link index, c = offset in argRegs;
 *       invoke-polymorphic also stores its proto link at argRegs[c + a]. Invokes of pure
 *       {@code java.lang.Math} functions become {@link Opcodes#MATH_INTRINSIC} (b = intrinsic id);
 *       invokes of other pure host methods keep their opcode and get a {@link HostIntrinsics} id
 *       in {@link MethodCode#hostIntrinsic}.</li>
 * </ul>
 * Opcodes are never rewritten after decoding (per-opcode counters and readers of
 * {@link MethodCode#insns} see Dalvik's values).
 */
public final class Decoder {
    private final LinkTable linkTable;

    public Decoder(LinkTable linkTable) {
        this.linkTable = linkTable;
    }

    /** Decodes a body and links it into this decoder's VM (no template caching). */
    public MethodCode decode(MethodImplementation impl, int insSize) {
        return instantiate(template(impl, insSize));
    }

    /**
     * This VM's {@link MethodCode} for a decoded body: a copy of the instructions (quickened in
     * place later), links from this VM's {@link LinkTable}, fresh inline caches; the read-only
     * tables are shared with the template.
     */
    public MethodCode instantiate(CodeTemplate t) {
        MethodCode mc = new MethodCode();
        mc.registers = t.registers;
        mc.ins = t.ins;
        mc.insns = t.insns.clone();
        mc.addressOf = t.addressOf;
        mc.lineOf = t.lineOf;
        Object[] links = new Object[t.symbols.length];
        for (int k = 0; k < links.length; k++) {
            links[k] = linkTable.link(t.symbols[k]);
        }
        mc.links = links;
        mc.argRegs = t.argRegs;
        mc.switchKeys = t.switchKeys;
        mc.switchTargets = t.switchTargets;
        mc.arrayData = t.arrayData;
        mc.arrayWidth = t.arrayWidth;
        mc.tryStart = t.tryStart;
        mc.tryEnd = t.tryEnd;
        mc.tryHandlers = t.tryHandlers;
        Links.TypeLink[][] catchTypes = new Links.TypeLink[t.catchTypes.length][];
        for (int k = 0; k < catchTypes.length; k++) {
            String[] ds = t.catchTypes[k];
            Links.TypeLink[] ls = new Links.TypeLink[ds.length];
            for (int h = 0; h < ds.length; h++) {
                ls[h] = ds[h] == null ? null : linkTable.type(ds[h]);
            }
            catchTypes[k] = ls;
        }
        mc.catchTypes = catchTypes;
        mc.catchTargets = t.catchTargets;
        mc.hostIntrinsic = t.hostIntrinsic;
        int n = t.addressOf.length;
        mc.icClass = new org.cometsim.dalvik.rt.VmClass[n];
        mc.icTarget = new org.cometsim.dalvik.rt.VmMethod[n];
        mc.template = t;
        mc.compiled = t.compiledOrNull();
        return mc;
    }

    /** Decodes a body into its VM-independent form (see {@link CodeTemplate}). */
    public static CodeTemplate template(MethodImplementation impl, int insSize) {
        List<Instruction> all = new ArrayList<>();
        List<Integer> addrs = new ArrayList<>();
        Map<Integer, Instruction> payloads = new HashMap<>();
        int addr = 0;
        int registers = impl.getRegisterCount();
        for (Instruction insn : impl.getInstructions()) {
            // Well-formedness the verifier relies on (issue #18), checked where the body is read anyway.
            if (insn instanceof UnknownInstruction) {
                throw new DecodeException("invalid opcode 0x" + Integer.toHexString(((UnknownInstruction) insn).getOriginalOpcode() & 0xff)
                        + " at code unit " + addr);
            }
            if (insn.getOpcode().odexOnly()) {
                throw new DecodeException("opcode " + insn.getOpcode().name + " at code unit " + addr + " is not valid in a dex file");
            }
            if (insn.getCodeUnits() <= 0) {
                throw new DecodeException("malformed instruction at code unit " + addr);
            }
            checkRegisters(insn, registers, addr);
            if (insn.getOpcode().format.isPayloadFormat) {
                if ((addr & 1) != 0) {
                    throw new DecodeException(insn.getOpcode().name + " at code unit " + addr + " is not 4-byte aligned");
                }
                payloads.put(addr, insn);
            } else {
                all.add(insn);
                addrs.add(addr);
            }
            addr += insn.getCodeUnits();
        }
        int n = all.size();
        MethodCode mc = new MethodCode();
        mc.registers = impl.getRegisterCount();
        mc.ins = insSize;
        mc.insns = new int[n * 4];
        mc.addressOf = new int[n];
        for (int i = 0; i < n; i++) {
            mc.addressOf[i] = addrs.get(i);
        }
        List<Object> links = new ArrayList<>();
        Map<Object, Integer> linkIndex = new HashMap<>();
        List<Integer> argRegs = new ArrayList<>();
        List<int[]> swKeys = new ArrayList<>();
        List<int[]> swTargets = new ArrayList<>();
        List<Object> arrData = new ArrayList<>();
        List<Integer> arrWidth = new ArrayList<>();

        for (int i = 0; i < n; i++) {
            Instruction insn = all.get(i);
            int op = opcodeValue(insn);
            int base = i * 4;
            int a = 0;
            int b = 0;
            int c = 0;
            int here = mc.addressOf[i];
            if (op >= 0x28 && op <= 0x2a) { // goto
                a = target(mc, here + ((OffsetInstruction) insn).getCodeOffset(), insn);
            } else if (op >= 0x32 && op <= 0x37) { // if-test
                a = ((TwoRegisterInstruction) insn).getRegisterA();
                b = ((TwoRegisterInstruction) insn).getRegisterB();
                c = target(mc, here + ((OffsetInstruction) insn).getCodeOffset(), insn);
            } else if (op >= 0x38 && op <= 0x3d) { // if-testz
                a = ((OneRegisterInstruction) insn).getRegisterA();
                b = target(mc, here + ((OffsetInstruction) insn).getCodeOffset(), insn);
            } else if (op == 0x2b || op == 0x2c) {
                a = ((OneRegisterInstruction) insn).getRegisterA();
                Instruction p = payloads.get(here + ((OffsetInstruction) insn).getCodeOffset());
                if (!(p instanceof SwitchPayload) || (op == 0x2b) != (p instanceof PackedSwitchPayload)) {
                    throw new DecodeException("switch at " + here + " has no payload");
                }
                List<? extends SwitchElement> els = ((SwitchPayload) p).getSwitchElements();
                int[] keys;
                int[] targets = new int[els.size()];
                if (p instanceof PackedSwitchPayload) {
                    keys = new int[] {els.isEmpty() ? 0 : els.get(0).getKey()};
                } else {
                    keys = new int[els.size()];
                    for (int k = 0; k < els.size(); k++) {
                        keys[k] = els.get(k).getKey();
                        if (k > 0 && keys[k] <= keys[k - 1]) {
                            throw new DecodeException("sparse-switch at " + here + ": keys are not sorted ascending");
                        }
                    }
                }
                for (int k = 0; k < els.size(); k++) {
                    targets[k] = target(mc, here + els.get(k).getOffset(), insn);
                }
                b = swKeys.size();
                swKeys.add(keys);
                swTargets.add(targets);
            } else if (op == 0x26) {
                a = ((OneRegisterInstruction) insn).getRegisterA();
                Instruction p = payloads.get(here + ((OffsetInstruction) insn).getCodeOffset());
                if (!(p instanceof ArrayPayload)) {
                    throw new DecodeException("fill-array-data at " + here + " has no payload");
                }
                ArrayPayload ap = (ArrayPayload) p;
                List<Number> els = ap.getArrayElements();
                int w = ap.getElementWidth();
                Object data;
                switch (w) {
                    case 1: { byte[] d = new byte[els.size()]; for (int k = 0; k < d.length; k++) d[k] = els.get(k).byteValue(); data = d; break; }
                    case 2: { short[] d = new short[els.size()]; for (int k = 0; k < d.length; k++) d[k] = els.get(k).shortValue(); data = d; break; }
                    case 4: { int[] d = new int[els.size()]; for (int k = 0; k < d.length; k++) d[k] = els.get(k).intValue(); data = d; break; }
                    case 8: { long[] d = new long[els.size()]; for (int k = 0; k < d.length; k++) d[k] = els.get(k).longValue(); data = d; break; }
                    default: throw new DecodeException("fill-array-data element width " + w);
                }
                b = arrData.size();
                arrData.add(data);
                arrWidth.add(w);
            } else if ((op >= 0x6e && op <= 0x72) || (op >= 0x74 && op <= 0x78) || op == 0x24 || op == 0x25
                    || (op >= 0xfa && op <= 0xfd)) {
                VariableRegisterInstruction v = (VariableRegisterInstruction) insn;
                a = v.getRegisterCount();
                c = argRegs.size();
                if (insn instanceof RegisterRangeInstruction) {
                    int start = ((RegisterRangeInstruction) insn).getStartRegister();
                    for (int k = 0; k < a; k++) {
                        argRegs.add(start + k);
                    }
                } else {
                    FiveRegisterInstruction f = (FiveRegisterInstruction) insn;
                    int[] regs = {f.getRegisterC(), f.getRegisterD(), f.getRegisterE(), f.getRegisterF(), f.getRegisterG()};
                    for (int k = 0; k < a; k++) {
                        argRegs.add(regs[k]);
                    }
                }
                b = link(links, linkIndex, ((ReferenceInstruction) insn).getReference(), op);
                if ((op == 0x71 || op == 0x77) && links.get(b) instanceof Links.MethodSymbol) {
                    Links.MethodSymbol ml = (Links.MethodSymbol) links.get(b);
                    int id = ml.owner.equals("Ljava/lang/Math;") ? MathIntrinsics.idOf(ml.key) : -1;
                    if (id >= 0) {
                        op = Opcodes.MATH_INTRINSIC; // pure function: run inline, no host call
                        b = id;
                    }
                }
                if (op != Opcodes.MATH_INTRINSIC && links.get(b) instanceof Links.MethodSymbol) {
                    Links.MethodSymbol ml = (Links.MethodSymbol) links.get(b);
                    int id = HostIntrinsics.idOf(op, ml.owner, ml.name, ml.desc);
                    if (id != 0) {
                        if (mc.hostIntrinsic == null) {
                            mc.hostIntrinsic = new int[n];
                        }
                        mc.hostIntrinsic[i] = id;
                    }
                }
                if (op == 0xfa || op == 0xfb) {
                    argRegs.add(link(links, linkIndex, ((DualReferenceInstruction) insn).getReference2(), op));
                }
            } else {
                // Generic register/literal/reference formats.
                if (insn instanceof OneRegisterInstruction) {
                    a = ((OneRegisterInstruction) insn).getRegisterA();
                }
                if (insn instanceof TwoRegisterInstruction) {
                    b = ((TwoRegisterInstruction) insn).getRegisterB();
                }
                if (insn instanceof ThreeRegisterInstruction) {
                    c = ((ThreeRegisterInstruction) insn).getRegisterC();
                }
                if (insn instanceof ReferenceInstruction) {
                    c = link(links, linkIndex, ((ReferenceInstruction) insn).getReference(), op);
                }
                if (op >= 0xb0 && op <= 0xcf) { // 2addr: vA = vA op vB
                    c = b;
                    b = a;
                } else if (op >= 0x12 && op <= 0x15) {
                    b = ((NarrowLiteralInstruction) insn).getNarrowLiteral();
                } else if (op >= 0x16 && op <= 0x19) {
                    long v = ((WideLiteralInstruction) insn).getWideLiteral();
                    b = (int) v;
                    c = (int) (v >>> 32);
                } else if (op >= 0xd0 && op <= 0xe2) {
                    c = ((NarrowLiteralInstruction) insn).getNarrowLiteral();
                }
            }
            mc.insns[base] = op;
            mc.insns[base + 1] = a;
            mc.insns[base + 2] = b;
            mc.insns[base + 3] = c;
        }
        mc.argRegs = argRegs.stream().mapToInt(Integer::intValue).toArray();
        mc.switchKeys = swKeys.toArray(new int[0][]);
        mc.switchTargets = swTargets.toArray(new int[0][]);
        mc.arrayData = arrData.toArray();
        mc.arrayWidth = arrWidth.stream().mapToInt(Integer::intValue).toArray();
        String[][] catchTypes = decodeTries(mc, impl, addr);
        decodeLines(mc, impl);
        return new CodeTemplate(mc, links.toArray(), catchTypes);
    }

    /** Every register operand below registers_size (wide operands are checked by the verifier). */
    private static void checkRegisters(Instruction insn, int registers, int addr) {
        int max = -1;
        if (insn instanceof OneRegisterInstruction) {
            max = Math.max(max, ((OneRegisterInstruction) insn).getRegisterA());
        }
        if (insn instanceof TwoRegisterInstruction) {
            max = Math.max(max, ((TwoRegisterInstruction) insn).getRegisterB());
        }
        if (insn instanceof ThreeRegisterInstruction) {
            max = Math.max(max, ((ThreeRegisterInstruction) insn).getRegisterC());
        }
        if (insn instanceof RegisterRangeInstruction) {
            RegisterRangeInstruction r = (RegisterRangeInstruction) insn;
            max = Math.max(max, r.getStartRegister() + r.getRegisterCount() - 1);
        } else if (insn instanceof FiveRegisterInstruction) {
            FiveRegisterInstruction f = (FiveRegisterInstruction) insn;
            int c = f.getRegisterCount();
            if (c > 5) {
                throw new DecodeException(insn.getOpcode().name + " at code unit " + addr + " has " + c + " argument registers");
            }
            int[] rs = {f.getRegisterC(), f.getRegisterD(), f.getRegisterE(), f.getRegisterF(), f.getRegisterG()};
            for (int k = 0; k < c; k++) {
                max = Math.max(max, rs[k]);
            }
        }
        if (max >= registers) {
            throw new DecodeException(insn.getOpcode().name + " at code unit " + addr + ": register v" + max
                    + " out of range (registers_size " + registers + ")");
        }
    }

    private static int opcodeValue(Instruction insn) {
        Short v = OPCODES.getOpcodeValue(insn.getOpcode());
        if (v == null) {
            throw new DecodeException("opcode " + insn.getOpcode().name + " is not valid in DEX 035-039");
        }
        return v & 0xff;
    }

    private static final org.jf.dexlib2.Opcodes OPCODES = org.jf.dexlib2.Opcodes.forApi(28);

    private static int target(MethodCode mc, int address, Instruction insn) {
        int idx = mc.indexOfAddress(address);
        if (idx < 0) {
            throw new DecodeException(insn.getOpcode().name + " targets code unit " + address
                    + ", which is not the start of an instruction");
        }
        return idx;
    }

    private static int link(List<Object> links, Map<Object, Integer> index, Reference ref, int op) {
        // dexlib2 decodes a reference's strings on every call: read them once, into the symbol.
        Object sym;
        if (ref instanceof StringReference) {
            sym = ((StringReference) ref).getString().intern();
        } else if (ref instanceof TypeReference) {
            sym = new Links.TypeSymbol(((TypeReference) ref).getType());
        } else if (ref instanceof FieldReference) {
            FieldReference f = (FieldReference) ref;
            sym = new Links.FieldSymbol(f.getDefiningClass(), f.getName(), f.getType(), op >= 0x60 && op <= 0x6d);
        } else if (ref instanceof MethodReference) {
            MethodReference m = (MethodReference) ref;
            sym = new Links.MethodSymbol(m.getDefiningClass(), m.getName(), methodDesc(m.getParameterTypes(), m.getReturnType()));
        } else if (op == 0xfc || op == 0xfd) {
            sym = new Links.CallSiteSymbol(ref);
        } else {
            sym = new Links.OpaqueSymbol(String.valueOf(ref));
        }
        Integer existing = index.get(sym); // symbols of different kinds are never equal
        if (existing != null) {
            return existing;
        }
        int idx = links.size();
        links.add(sym);
        index.put(sym, idx);
        return idx;
    }

    public static String methodDesc(List<? extends CharSequence> params, String ret) {
        StringBuilder sb = new StringBuilder("(");
        for (CharSequence p : params) {
            sb.append(p);
        }
        return sb.append(')').append(ret).toString();
    }

    /** Fills the try tables; returns the catch type descriptors per handler list. */
    private static String[][] decodeTries(MethodCode mc, MethodImplementation impl, int codeUnits) {
        List<? extends TryBlock<? extends ExceptionHandler>> tries = impl.getTryBlocks();
        int t = tries.size();
        mc.tryStart = new int[t];
        mc.tryEnd = new int[t];
        mc.tryHandlers = new int[t];
        String[][] catchTypes = new String[t][];
        mc.catchTargets = new int[t][];
        int n = mc.addressOf.length;
        for (int k = 0; k < t; k++) {
            TryBlock<? extends ExceptionHandler> tb = tries.get(k);
            int startAddr = tb.getStartCodeAddress();
            int endAddr = startAddr + tb.getCodeUnitCount();
            if (tb.getCodeUnitCount() <= 0 || endAddr > codeUnits || (k > 0 && startAddr < tries.get(k - 1).getStartCodeAddress()
                    + tries.get(k - 1).getCodeUnitCount()) || mc.indexOfAddress(startAddr) < 0) {
                throw new DecodeException("try range [" + startAddr + ", " + endAddr + ") is empty, overlaps another,"
                        + " leaves the method or does not start at an instruction");
            }
            int s = 0;
            while (s < n && mc.addressOf[s] < startAddr) {
                s++;
            }
            int e = s;
            while (e < n && mc.addressOf[e] < endAddr) {
                e++;
            }
            mc.tryStart[k] = s;
            mc.tryEnd[k] = e;
            mc.tryHandlers[k] = k;
            List<? extends ExceptionHandler> hs = tb.getExceptionHandlers();
            catchTypes[k] = new String[hs.size()];
            mc.catchTargets[k] = new int[hs.size()];
            for (int h = 0; h < hs.size(); h++) {
                ExceptionHandler eh = hs.get(h);
                catchTypes[k][h] = eh.getExceptionType();
                int idx = mc.indexOfAddress(eh.getHandlerCodeAddress());
                if (idx < 0) {
                    throw new DecodeException("exception handler at code unit " + eh.getHandlerCodeAddress()
                            + " is not the start of an instruction");
                }
                mc.catchTargets[k][h] = idx;
            }
        }
        return catchTypes;
    }

    private static void decodeLines(MethodCode mc, MethodImplementation impl) {
        int n = mc.addressOf.length;
        mc.lineOf = new int[n];
        java.util.Arrays.fill(mc.lineOf, -1);
        List<int[]> points = new ArrayList<>();
        for (DebugItem item : impl.getDebugItems()) {
            if (item instanceof LineNumber) {
                points.add(new int[] {item.getCodeAddress(), ((LineNumber) item).getLineNumber()});
            }
        }
        int p = 0;
        int line = -1;
        for (int i = 0; i < n; i++) {
            while (p < points.size() && points.get(p)[0] <= mc.addressOf[i]) {
                line = points.get(p)[1];
                p++;
            }
            mc.lineOf[i] = line;
        }
    }

    /** Malformed bytecode. */
    public static final class DecodeException extends RuntimeException {
        public DecodeException(String message) {
            super(message);
        }
    }
}
