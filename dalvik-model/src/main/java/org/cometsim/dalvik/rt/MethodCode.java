package org.cometsim.dalvik.rt;


import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * A method's bytecode pre-decoded once into compact arrays the hot loop reads without touching
 * dexlib2 objects. Instruction i occupies {@code insns[4i .. 4i+3]} = {opcode, a, b, c}; branch
 * targets are instruction indices; literals, link indices and payload indices are in a/b/c as
 * documented per opcode in {@link Decoder} (iget/iput operands are quickened in place by the
 * interpreter on first execution; opcodes never change). {@link #addressOf} maps back to code
 * units (the pc COMET frames carry). A MethodCode belongs to one VM.
 */
public final class MethodCode {
    public int registers;
    public int ins;
    public int[] insns;
    /** Instruction index → code-unit address. */
    public int[] addressOf;
    /** Instruction index → source line, or -1. */
    public int[] lineOf;
    /** Links and constants referenced by instructions (TypeLink, FieldLink, MethodLink, String, ...). */
    public Object[] links;
    /** Argument-register lists for invokes and filled-new-array. */
    public int[] argRegs;
    /** Switch payloads: keys (sorted for sparse; {first} for packed) and target instruction indices. */
    public int[][] switchKeys;
    public int[][] switchTargets;
    /** fill-array-data payloads: byte[], short[], int[] or long[] by element width. */
    public Object[] arrayData;
    public int[] arrayWidth;
    /** Try ranges in instruction indices [start, end) and their handler list index. */
    public int[] tryStart;
    public int[] tryEnd;
    public int[] tryHandlers;
    /** Per handler list: catch types (null entry = catch-all) and target instruction indices. */
    public Links.TypeLink[][] catchTypes;
    public int[][] catchTargets;
    /** Per-instruction {@link HostIntrinsics} id of invokes (0: none); null if the method has none. */
    public int[] hostIntrinsic;
    /** Per-instruction inline caches for virtual/interface invokes. */
    public VmClass[] icClass;
    public VmMethod[] icTarget;
    /**
     * The method's most recently popped frame (normal return from an ordinary call), reused by
     * the next guest call of the method instead of allocating one; owned by the interpreter.
     */
    public org.cometsim.dalvik.rt.Frame spare;
    /** What this was instantiated from (shared by every VM on the class path). */
    public CodeTemplate template;
    /** The method's {@link CompiledBody}, once compiled (the interpreter enters it); or null. */
    public CompiledBody compiled;

    public int instructionCount() {
        return insns.length / 4;
    }

    /** Instruction index of a code-unit address, or -1. */
    public int indexOfAddress(int address) {
        int lo = 0;
        int hi = addressOf.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int a = addressOf[mid];
            if (a == address) {
                return mid;
            } else if (a < address) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }
}
