package org.cometsim.dalvik.rt;

/**
 * A resolved field: where its value lives ({@link #slot} in the primitive or reference store of
 * the object or of its declaring class's statics) and its dense {@link #index} for dirty bits.
 */
public final class VmField {
    public final VmClass owner;
    public final String name;
    /** Type descriptor, e.g. {@code I} or {@code Ljava/lang/String;}. */
    public final String type;
    public final int access;
    public final boolean isStatic;
    public final boolean isRef;
    /** The first character of the type descriptor ('I', 'J', 'L', '[' ...). */
    public final char kind;
    public int slot;
    public int index;
    /** Initial value from the dex {@code static_values} (boxed), or null. */
    public Object initialValue;

    public VmField(VmClass owner, String name, String type, int access) {
        this.owner = owner;
        this.name = name;
        this.type = type;
        this.access = access;
        this.isStatic = (access & 0x0008) != 0;
        this.kind = type.charAt(0);
        this.isRef = kind == 'L' || kind == '[';
    }

    public boolean isVolatile() {
        return (access & 0x0040) != 0;
    }

    @Override
    public String toString() {
        return owner.name + "." + name + ":" + type;
    }
}
