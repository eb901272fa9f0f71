package org.cometsim.dalvik.rt;

import java.util.function.Function;
import java.util.function.Predicate;



/**
 * A method body decoded once, before any VM has linked it: the {@link MethodCode} layout with
 * symbols ({@link Links.TypeSymbol}, {@link Links.FieldSymbol}, {@link Links.MethodSymbol},
 * interned strings, ...) where a {@code MethodCode} holds one VM's links. Immutable; shared by
 * every VM on a class path ({@link MethodBody#template})),
 * so a fresh VM per run decodes nothing it has decoded before. {@link Decoder#instantiate} makes
 * a VM's {@code MethodCode} from it: a copy of the instruction array (the interpreter quickens
 * field instructions in place), this VM's links, new inline caches, and the read-only tables
 * shared as they are.
 */
public final class CodeTemplate {
    public final int registers;
    public final int ins;
    /** Never handed out: each MethodCode gets a copy. */
    public final int[] insns;
    public final int[] addressOf;
    public final int[] lineOf;
    /** Per link index: a symbol, resolved per VM by {@link LinkTable#link}. */
    public final Object[] symbols;
    public final int[] argRegs;
    public final int[][] switchKeys;
    public final int[][] switchTargets;
    public final Object[] arrayData;
    public final int[] arrayWidth;
    public final int[] tryStart;
    public final int[] tryEnd;
    public final int[] tryHandlers;
    /** Per handler list: catch type descriptors (null entry = catch-all). */
    public final String[][] catchTypes;
    public final int[][] catchTargets;
    public final int[] hostIntrinsic;

    public CodeTemplate(MethodCode decoded, Object[] symbols, String[][] catchTypes) {
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

    /** Safepoints that found the method on top before it was compiled (racy: a heuristic of the execution engine). */
    public int samples;
    /** Calls compiled code made to it while it had no compiled code (racy: a heuristic). */
    public int callsFromCompiled;
    /** Calls the interpreter made to it while it had no compiled code (racy: a heuristic). */
    public int interpretedCalls;
    private volatile CompiledBody compiled;
    private volatile boolean declined;

    /**
     * The compiled body, made by {@code compiler} on the first call from any VM; null if the
     * compiler declined (returned null), which is remembered.
     */
    public CompiledBody compiled(Function<CodeTemplate, CompiledBody> compiler) {
        CompiledBody cc = compiled;
        if (cc != null || declined) {
            return cc;
        }
        synchronized (this) {
            if (compiled == null && !declined) {
                cc = compiler.apply(this);
                if (cc == null) {
                    declined = true;
                }
                compiled = cc;
            }
            return compiled;
        }
    }

    private Boolean hasLoop;

    /** Whether the body has a backward branch, as {@code analysis} finds (computed once). */
    public boolean hasLoop(Predicate<CodeTemplate> analysis) {
        Boolean h = hasLoop;
        if (h == null) {
            h = analysis.test(this);
            hasLoop = h;
        }
        return h;
    }

    /** Compiled, or declined by the compiler. */
    public boolean isCompiled() {
        return compiled != null || declined;
    }

    public CompiledBody compiledOrNull() {
        return compiled;
    }

    /** Instructions in the body. */
    public int instructionCount() {
        return addressOf.length;
    }
}
