package org.cometsim.dalvik.rt;

import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.MethodCode;

/**
 * A method of a {@link VmClass}: either bytecode (decoded lazily, once, into a
 * {@link MethodCode}) or native (a {@link NativeImpl}: a model-class method, a host-library
 * method reached through a method handle, or an intercept). Natives carry a {@link Placement}
 * (may they run on the server?) and a cost class for the simulated clock.
 */
public final class VmMethod {
    public final VmClass owner;
    public final String name;
    /** Method descriptor, e.g. {@code (ILjava/lang/String;)V}. */
    public final String desc;
    public final int access;
    public final boolean isStatic;
    /** Parameter kinds ('I','J','F','D','Z','B','C','S','L'); arrays are 'L'. Excludes this. */
    public final char[] params;
    public final char returnKind;
    /** Register words taken by the arguments, including {@code this}. */
    public final int argWords;

    /** Set for bytecode methods; decoded on first invocation. */
    public volatile MethodCode code;
    /** Source of the bytecode, dropped once this VM has its {@link #code}. */
    public MethodBody codeSource;
    public NativeImpl nativeImpl;
    public Placement placement = Placement.OFFLOADABLE;
    /** Cost class for the simulated clock (natives). */
    public HostCost costClass = HostCost.DEFAULT;
    /** Elements one call of this native loops over, from its boxed arguments; null = none. */
    public java.util.function.ToLongFunction<Object[]> elements;

    public VmMethod(VmClass owner, String name, String desc, int access) {
        this(owner, name, desc, access, Descriptors.paramKinds(desc), Descriptors.returnKind(desc));
    }

    /** With the descriptor's parameter kinds already worked out ({@code params} is shared, never modified). */
    public VmMethod(VmClass owner, String name, String desc, int access, char[] params, char returnKind) {
        this.owner = owner;
        this.name = name;
        this.desc = desc;
        this.access = access;
        this.isStatic = (access & 0x0008) != 0;
        this.params = params;
        this.returnKind = returnKind;
        int words = isStatic ? 0 : 1;
        for (char c : params) {
            words += (c == 'J' || c == 'D') ? 2 : 1;
        }
        this.argWords = words;
    }

    public boolean isNative() {
        return nativeImpl != null;
    }

    public boolean isAbstract() {
        return (access & 0x0400) != 0 && nativeImpl == null && codeSource == null && code == null;
    }

    public String key() {
        return name + desc;
    }

    /** {@code java.lang.String.valueOf(I)Ljava/lang/String;} style, for messages. */
    public String display() {
        return owner.name + "." + name + desc;
    }

    @Override
    public String toString() {
        return display();
    }
}
