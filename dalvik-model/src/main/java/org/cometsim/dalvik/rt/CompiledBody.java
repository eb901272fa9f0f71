package org.cometsim.dalvik.rt;

/**
 * A method body translated by the execution engine into host code (the interpreter's baseline
 * compiler makes {@code interp.CompiledCode}, its one subclass). Data here: the engine enters it;
 * {@link MethodCode#compiled} and {@link CodeTemplate#compiled} only hold it.
 */
public abstract class CompiledBody {
    protected CompiledBody() {
    }
}
