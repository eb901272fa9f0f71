package org.cometsim.dalvik.rt;

/**
 * Where a bytecode method's code comes from before its VM links it: the loader's parsed method,
 * decoded once per class path into a {@link CodeTemplate} that every VM on that class path shares
 * (each VM then instantiates its own {@link MethodCode}).
 */
public interface MethodBody {
    /** The decoded body, decoding it on first use; {@code argWords} = register words of the arguments. */
    CodeTemplate template(int argWords);
}
