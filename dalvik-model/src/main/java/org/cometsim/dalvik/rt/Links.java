package org.cometsim.dalvik.rt;

import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Symbolic references from decoded code, resolved lazily (at first execution, as Java links
 * lazily) and cached. One link object is shared by every instruction of a VM that names the same
 * member, so resolution happens once per VM.
 */
public final class Links {
    private Links() {
    }

    /** A class reference by descriptor. */
    public static final class TypeLink {
        public final String descriptor;
        public VmClass resolved;

        public TypeLink(String descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public String toString() {
            return descriptor;
        }
    }

    /** A field reference {@code owner->name:type}. */
    public static final class FieldLink {
        public final String owner;
        public final String name;
        public final String type;
        public VmField resolved;
        /** For fields of HOST classes: a bridge accessor. */
        public Object hostAccessor;

        public FieldLink(String owner, String name, String type) {
            this.owner = owner;
            this.name = name;
            this.type = type;
        }

        @Override
        public String toString() {
            return owner + "->" + name + ":" + type;
        }
    }

    /** A method reference {@code owner->name(desc)}. */
    public static final class MethodLink {
        public final String owner;
        public final String name;
        public final String desc;
        public final String key;
        /** Resolved target for direct, static and super invokes; the resolved declaration otherwise. */
        public VmMethod resolved;
        public VmClass ownerClass;
        /** For virtual invokes: the resolved method if package-private (selection honours packages, JVMS 5.4.6). */
        public VmMethod packagePrivateDecl;
        public boolean packagePrivateChecked;
        public final char[] params;
        public final char returnKind;

        public MethodLink(String owner, String name, String desc) {
            this(new MethodSymbol(owner, name, desc));
        }

        MethodLink(MethodSymbol s) {
            this.owner = s.owner;
            this.name = s.name;
            this.desc = s.desc;
            this.key = s.key;
            this.params = s.params;
            this.returnKind = s.returnKind;
        }

        @Override
        public String toString() {
            return owner + "->" + name + desc;
        }
    }

    /** An invoke-custom call site: bootstrap method handle, name, type and extra constants. */
    public static final class CallSiteLink {
        public final Object site;
        /** The linked target once the bootstrap has run. */
        public Object target;

        public CallSiteLink(Object site) {
            this.site = site;
        }
    }

    /** An invoke-polymorphic / const-method-handle / const-method-type operand, kept for the error message. */
    public static final class OpaqueLink {
        public final String description;

        public OpaqueLink(String description) {
            this.description = description;
        }
    }

    // ---- symbols: what decoded code names, before any VM links it (shared by all VMs) ----

    /** A class named by decoded code (const-class, new-instance, check-cast, catch types ...). */
    public record TypeSymbol(String descriptor) {
    }

    /**
     * A field named by decoded code. Static accesses (sget/sput) and instance accesses (iget/iput)
     * of the same owner, name and type are distinct symbols, so they get distinct links: a link
     * resolved by one kind of access must not serve the other (code compiled against another
     * version of the class, where the field changed kind, gets the JVM's
     * IncompatibleClassChangeError instead of reading a slot of the wrong table).
     */
    public record FieldSymbol(String owner, String name, String type, boolean isStatic) {
        public FieldSymbol(String owner, String name, String type) {
            this(owner, name, type, false);
        }
    }

    /**
     * A method named by decoded code, with the parts every VM's {@link MethodLink} needs worked
     * out once. Equality is by owner, name and descriptor.
     */
    public static final class MethodSymbol {
        public final String owner;
        public final String name;
        public final String desc;
        public final String key;
        public final char[] params;
        public final char returnKind;

        public MethodSymbol(String owner, String name, String desc) {
            this.owner = owner;
            this.name = name;
            this.desc = desc;
            this.key = name + desc;
            this.params = org.cometsim.dalvik.rt.Descriptors.paramKinds(desc);
            this.returnKind = org.cometsim.dalvik.rt.Descriptors.returnKind(desc);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MethodSymbol m && m.owner.equals(owner) && m.name.equals(name) && m.desc.equals(desc);
        }

        @Override
        public int hashCode() {
            return (owner.hashCode() * 31 + name.hashCode()) * 31 + desc.hashCode();
        }

        @Override
        public String toString() {
            return owner + "->" + name + desc;
        }
    }

    /**
     * An invoke-custom call site (the dexlib2 reference: immutable data). Identity equality: every
     * instruction links on its own, as on the JVM, even when two sites have equal contents.
     */
    public static final class CallSiteSymbol {
        public final Object site;

        public CallSiteSymbol(Object site) {
            this.site = site;
        }
    }

    /** An operand kept only for an error message (method handles, protos). */
    public record OpaqueSymbol(String description) {
    }
}
