package org.cometsim.dalvik.interp;

/**
 * A method body decoded once, before any VM has linked it: the {@link MethodCode} layout with
 * symbols ({@link Links.TypeSymbol}, {@link Links.FieldSymbol}, {@link Links.MethodSymbol},
 * interned strings, ...) where a {@code MethodCode} holds one VM's links. Immutable; shared by
 * every VM on a class path ({@link org.cometsim.dalvik.load.ParsedClass.ParsedMethod#decoded()}),
 * so a fresh VM per run decodes nothing it has decoded before. {@link Decoder#instantiate} makes
 * a VM's {@code MethodCode} from it: a copy of the instruction array (the interpreter quickens
 * field instructions in place), this VM's links, new inline caches, and the read-only tables
 * shared as they are.
 */
public final class CodeTemplate {
    final int registers;
    final int ins;
    /** Never handed out: each MethodCode gets a copy. */
    final int[] insns;
    final int[] addressOf;
    final int[] lineOf;
    /** Per link index: a symbol, resolved per VM by {@link LinkTable#link}. */
    final Object[] symbols;
    final int[] argRegs;
    final int[][] switchKeys;
    final int[][] switchTargets;
    final Object[] arrayData;
    final int[] arrayWidth;
    final int[] tryStart;
    final int[] tryEnd;
    final int[] tryHandlers;
    /** Per handler list: catch type descriptors (null entry = catch-all). */
    final String[][] catchTypes;
    final int[][] catchTargets;
    final int[] hostIntrinsic;

    CodeTemplate(MethodCode decoded, Object[] symbols, String[][] catchTypes) {
        this.registers = decoded.registers;
        this.ins = decoded.ins;
        this.insns = decoded.insns;
        this.addressOf = decoded.addressOf;
        this.lineOf = decoded.lineOf;
        this.symbols = symbols;
        this.argRegs = decoded.argRegs;
        this.switchKeys = decoded.switchKeys;
        this.switchTargets = decoded.switchTargets;
        this.arrayData = decoded.arrayData;
        this.arrayWidth = decoded.arrayWidth;
        this.tryStart = decoded.tryStart;
        this.tryEnd = decoded.tryEnd;
        this.tryHandlers = decoded.tryHandlers;
        this.catchTypes = catchTypes;
        this.catchTargets = decoded.catchTargets;
        this.hostIntrinsic = decoded.hostIntrinsic;
    }

    /** Safepoints that found the method on top before it was compiled (racy: a heuristic). */
    int samples;
    /** Calls compiled code made to it while it had no compiled code (racy: a heuristic). */
    int callsFromCompiled;
    private volatile CompiledCode compiled;
    private volatile boolean declined;

    /** The compiled code, compiling it on first call; null if {@link BaselineCompiler} declined. */
    CompiledCode compiled(Object method) {
        CompiledCode cc = compiled;
        if (cc != null || declined) {
            return cc;
        }
        synchronized (this) {
            if (compiled == null && !declined) {
                cc = BaselineCompiler.compile(this, String.valueOf(method));
                if (cc == null) {
                    declined = true;
                }
                compiled = cc;
            }
            return compiled;
        }
    }

    private Boolean hasLoop;

    /** Whether the body has a backward branch ({@link BaselineCompiler#hasLoop}). */
    boolean hasLoop() {
        Boolean h = hasLoop;
        if (h == null) {
            h = BaselineCompiler.hasLoop(this);
            hasLoop = h;
        }
        return h;
    }

    boolean isCompiled() {
        return compiled != null || declined;
    }

    CompiledCode compiledOrNull() {
        return compiled;
    }

    /** Instructions in the body. */
    public int instructionCount() {
        return addressOf.length;
    }
}
