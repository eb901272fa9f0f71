package org.cometsim.dalvik.link;

import java.util.List;

import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Links;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Resolution of symbolic references (JVMS 5.4.3) and method selection for dispatch (5.4.6):
 * classes named by code, fields, static/direct/super methods, virtual and interface dispatch with
 * per-class caches and default methods, and the errors the JVM gives when they fail
 * ({@code NoClassDefFoundError}, {@code NoSuchFieldError}, {@code NoSuchMethodError},
 * {@code AbstractMethodError} ...). A member the guest library's version of a JDK class lacks is
 * an unsupported API, never the program's error.
 */
public final class MemberResolver {
    private final ClassLinker linker;
    private final NativeRegistry natives;
    private ClassLibrary library;
    private GuestExceptions exceptions;
    /** Links to fields of JDK classes already found to exist as referenced (checked once per link). */
    private final java.util.Set<Links.FieldLink> hostFieldsChecked =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public MemberResolver(ClassLinker linker, NativeRegistry natives) {
        this.linker = linker;
        this.natives = natives;
    }

    public void attach(ClassLibrary library, GuestExceptions exceptions) {
        this.library = library;
        this.exceptions = exceptions;
    }



    /** Resolves a type link, raising the guest's NoClassDefFoundError if the class is missing. */
    public VmClass resolveClass(GuestThread t, Links.TypeLink tl) {
        VmClass c = tl.resolved;
        if (c != null) {
            return c;
        }
        try {
            c = linker.classForDescriptor(tl.descriptor);
        } catch (ClassLinker.LinkageFailure e) {
            throw exceptions.create(t, e.guestError, e.getMessage());
        }
        if (c == null) {
            throw noClass(t, tl.descriptor);
        }
        tl.resolved = c;
        return c;
    }

    /** Like {@link #resolveClass} but returns null instead of throwing (catch clauses). */
    public VmClass tryResolveClass(Links.TypeLink tl) {
        if (tl.resolved != null) {
            return tl.resolved;
        }
        try {
            VmClass c = linker.classForDescriptor(tl.descriptor);
            tl.resolved = c;
            return c;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public VmClass classForName(GuestThread t, String descriptor) {
        try {
            VmClass c = linker.classForDescriptor(descriptor);
            if (c == null) {
                throw noClass(t, descriptor);
            }
            return c;
        } catch (ClassLinker.LinkageFailure e) {
            throw exceptions.create(t, e.guestError, e.getMessage());
        }
    }

    private RuntimeException noClass(GuestThread t, String descriptor) {
        String name = Descriptors.toClassName(descriptor);
        if (name.startsWith("android.") || name.startsWith("dalvik.") || name.startsWith("com.android.")) {
            return VmError.unsupported("class " + name + " (Android framework APIs are not available)");
        }
        if ((name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("sun.") || name.startsWith("jdk."))
                && jdkHasClass(name)) {
            return VmError.unsupported("class " + name + " is not available to guest code");
        }
        return exceptions.create(t, "java.lang.NoClassDefFoundError", name.replace('.', '/'));
    }

    /** Whether JDK 17 has a class of this name (not loaded or initialised by asking); else a missing class is the program's error. */
    private static boolean jdkHasClass(String name) {
        try {
            Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public VmField resolveInstanceField(GuestThread t, Links.FieldLink fl, Object obj) {
        if (obj == null) {
            throw exceptions.npe(t, "Cannot access field \"" + fl.name + "\" because value is null");
        }
        VmField f = fl.resolved;
        if (f == null) {
            VmClass owner = resolveClass(t, linker.links().type(fl.owner));
            if (owner.kind == VmClass.Kind.HOST) {
                checkHostField(t, owner.host, fl, false);
                return null;
            }
            f = owner.findField(fl.name);
            if (f == null && owner.hostBase != null) {
                return null; // a field of the library superclass, on the host peer
            }
            if (f == null || f.isStatic) {
                throw exceptions.create(t, f == null ? "java.lang.NoSuchFieldError" : "java.lang.IncompatibleClassChangeError",
                        f == null ? fl.name : "Expected non-static field " + owner.name + "." + fl.name);
            }
            fl.resolved = f;
        }
        if (!(obj instanceof GuestObject)) {
            return null;
        }
        return f;
    }

    /** Resolves a static field; null for fields of host classes (read through the bridge). */
    public VmField resolveStaticField(GuestThread t, Links.FieldLink fl) {
        VmClass owner = resolveClass(t, linker.links().type(fl.owner));
        if (owner.kind == VmClass.Kind.HOST) {
            checkHostField(t, owner.host, fl, true);
            return null;
        }
        VmField f = owner.findField(fl.name);
        if (f == null) {
            if (owner.kind == VmClass.Kind.MODEL && owner.host != null) {
                checkHostField(t, owner.host, fl, true);
                return null; // e.g. a constant of a model class's host counterpart
            }
            throw exceptions.create(t, "java.lang.NoSuchFieldError", fl.name);
        }
        if (!f.isStatic) {
            throw exceptions.create(t, "java.lang.IncompatibleClassChangeError", "Expected static field " + owner.name + "." + fl.name);
        }
        fl.resolved = f;
        return f;
    }

    public VmMethod resolveStatic(GuestThread t, Links.MethodLink ml) {
        VmClass owner = resolveClass(t, linker.links().type(ml.owner));
        VmMethod m = null;
        if (owner.kind == VmClass.Kind.HOST) {
            m = natives.lookup(owner.name, ml.key);
            if (m == null) {
                m = library.hostStaticOrNull(owner, ml.name, ml.desc);
            }
            if (m == null) {
                throw hostMethodMissing(t, owner, ml.name, ml.desc, true);
            }
        } else {
            for (VmClass c = owner; c != null && m == null; c = c.superclass) {
                VmMethod d = c.methods.get(ml.key);
                if (d != null && d.isStatic) {
                    m = d;
                }
                if (c.kind == VmClass.Kind.MODEL && m == null && c.host != null) {
                    m = natives.lookup(c.name, ml.key);
                    if (m == null && !c.name.equals("java.lang.Object")) {
                        m = library.hostStaticOrNull(c, ml.name, ml.desc);
                    }
                }
            }
            if (m == null && owner.isInterface()) {
                m = owner.methods.get(ml.key);
            }
        }
        if (m == null) {
            throw noSuchMethod(t, owner, ml.key, true);
        }
        ml.resolved = m;
        return m;
    }

    /** A static method by name and descriptor (lambda targets). */
    public VmMethod findStaticForLambda(GuestThread t, VmClass owner, String key) {
        int paren = key.indexOf('(');
        return resolveStatic(t, linker.links().method(owner.descriptor, key.substring(0, paren), key.substring(paren)));
    }

    public VmMethod resolveDirect(GuestThread t, Links.MethodLink ml) {
        VmClass owner = resolveClass(t, linker.links().type(ml.owner));
        VmMethod m;
        if (owner.kind == VmClass.Kind.HOST) {
            m = natives.lookup(owner.name, ml.key);
            if (m == null) {
                LinkageErrors.Failure missing = LinkageErrors.hostMethod(owner.host, ml.name, ml.desc, false);
                if (missing != null) {
                    throw exceptions.create(t, missing.errorClass(), missing.message());
                }
                if (!ml.name.equals("<init>")) {
                    throw VmError.unsupported("private method " + owner.name + "." + ml.key);
                }
                try {
                    m = library.hostConstructor(owner, ml.desc);
                } catch (VmError e) {
                    // Not public: still reachable as super(...) from a guest subclass (its host peer
                    // calls it); a direct 'new' of it fails with the same precise error.
                    VmMethod ctor = new VmMethod(owner, "<init>", ml.desc, 0x0004 | 0x0100);
                    ctor.nativeImpl = (in, th, a) -> {
                        throw e;
                    };
                    m = ctor;
                }
            }
        } else {
            m = owner.methods.get(ml.key);
            if (m == null && owner.kind == VmClass.Kind.MODEL) {
                m = library.modelDirectMethod(owner, ml.name, ml.desc);
            }
            if (m == null) {
                // Private interface methods and nest-mates may be reached through invoke-direct too.
                m = findVirtualOrNull(owner, ml.key);
            }
        }
        if (m == null) {
            throw noSuchMethod(t, owner, ml.key, false);
        }
        ml.resolved = m;
        return m;
    }

    public VmMethod resolveSuper(GuestThread t, Links.MethodLink ml, VmClass current) {
        VmClass owner = resolveClass(t, linker.links().type(ml.owner));
        if (owner.kind == VmClass.Kind.HOST && current.hostBase != null) {
            // super.m() into the library: its own implementation, not re-dispatched to the guest.
            VmMethod m = library.superMethod(current.hostBase, ml.name, ml.desc);
            if (m == null) {
                throw exceptions.create(t, "java.lang.AbstractMethodError", owner.name + "." + ml.key);
            }
            ml.resolved = m;
            return m;
        }
        VmMethod m = null;
        if (owner.kind == VmClass.Kind.GUEST && owner.hostBase != null) {
            // super.m() into a guest superclass that inherits m from the library (Leaf extends Mid
            // extends FilterOutputStream): the first guest declaration up the chain, else the
            // library's own implementation. The dispatching host method would call the peer's
            // override, i.e. the caller again, until the stack overflows.
            for (VmClass c = owner; c != null && m == null; c = c.superclass) {
                if (c.kind == VmClass.Kind.HOST) {
                    m = library.superMethod(c, ml.name, ml.desc);
                    break;
                }
                VmMethod d = c.methods.get(ml.key);
                if (d != null && !d.isStatic && !d.name.equals("<init>")) {
                    m = d;
                }
            }
            if (m == null || m.isAbstract()) {
                VmMethod def = findDefault(owner, ml.key);
                if (def != null) {
                    m = def;
                }
            }
        }
        if (m == null) {
            m = findVirtualOrNull(owner, ml.key);
        }
        if (m == null) {
            throw noSuchMethod(t, owner, ml.key, false);
        }
        ml.resolved = m;
        return m;
    }

    /** Virtual/interface dispatch on a receiver class (cached per class). */
    public VmMethod findVirtual(GuestThread t, VmClass rc, Links.MethodLink ml) {
        if (!ml.packagePrivateChecked) {
            ml.packagePrivateDecl = packagePrivateDeclaration(t, ml);
            ml.packagePrivateChecked = true;
        }
        if (ml.packagePrivateDecl != null && rc.kind == VmClass.Kind.GUEST) {
            return selectOverriding(t, rc, ml.packagePrivateDecl);
        }
        VmMethod m = rc.vtable.get(ml.key);
        if (m != null) {
            return m;
        }
        if (rc.kind == VmClass.Kind.HOST) {
            m = receiverNative(rc, ml.key);
            if (m == null) {
                VmClass owner = resolveClass(t, linker.links().type(ml.owner));
                // Resolution in the class the call names comes first (the bridge would also take a
                // method whose return type differs): once per receiver class and method.
                Class<?> named = owner.kind == VmClass.Kind.HOST ? owner.host : null;
                LinkageErrors.Failure unresolved = named == null ? null : LinkageErrors.hostMethod(named, ml.name, ml.desc, false);
                if (unresolved != null) {
                    throw exceptions.create(t, unresolved.errorClass(), unresolved.message());
                }
                try {
                    m = library.hostVirtual(rc, owner, ml.name, ml.desc);
                } catch (VmError e) {
                    // Unsupported, or missing from the JDK altogether: then the JVM's linkage error.
                    Class<?> h = owner.host != null ? owner.host : owner.replacesHost;
                    LinkageErrors.Failure missing = h == null ? null : LinkageErrors.hostMethod(h, ml.name, ml.desc, false);
                    if (missing != null) {
                        throw exceptions.create(t, missing.errorClass(), missing.message());
                    }
                    throw e;
                }
            }
            rc.vtable.put(ml.key, m);
            return m;
        }
        VmMethod m2 = findVirtualOrNull(rc, ml.key);
        if (m2 != null && !(m2.isAbstract() && rc.kind == VmClass.Kind.GUEST && m2.owner.kind == VmClass.Kind.GUEST)) {
            return m2;
        }
        if (m2 != null) {
            throw abstractMethodError(t, rc, m2);
        }
        return findVirtual(t, rc, ml.key, resolveForDispatchError(t, ml));
    }

    /** HotSpot's AbstractMethodError for a concrete receiver class that lacks an implementation of {@code resolved}. */
    private RuntimeException abstractMethodError(GuestThread t, VmClass rc, VmMethod resolved) {
        // HotSpot's text names the method without its class: 'abstract void m()'.
        String shown = "'abstract " + LinkageErrors.methodName(null, resolved.name, resolved.desc).substring(1);
        return exceptions.create(t, "java.lang.AbstractMethodError", "Receiver class " + rc.name
                + " does not define or inherit an implementation of the resolved method " + shown + " of "
                + (resolved.owner.isInterface() ? "interface " : "abstract class ") + resolved.owner.name + ".");
    }

    /**
     * For a virtual or interface call that found no method in the receiver's class: resolution of
     * the reference in its own class (JVMS 5.4.3.3/4), which fails first (NoSuchMethodError,
     * IncompatibleClassChangeError) when the class named has no such instance method — code
     * compiled against another version of it. Returns the resolved method (to name it in the
     * AbstractMethodError selection then raises) or null where the VM cannot tell.
     */
    private VmMethod resolveForDispatchError(GuestThread t, Links.MethodLink ml) {
        VmClass owner = resolveClass(t, linker.links().type(ml.owner));
        if (owner.kind == VmClass.Kind.GUEST && owner.replacesHost != null && guestLibraryGap(owner, ml.key) == null) {
            // A guest-library class: the JDK class it replaces settles what exists.
            LinkageErrors.Failure missing = LinkageErrors.hostMethod(owner.replacesHost, ml.name, ml.desc, false);
            if (missing != null) {
                throw exceptions.create(t, missing.errorClass(), missing.message());
            }
            return null;
        }
        if (owner.kind != VmClass.Kind.GUEST || !guestTypesOnly(owner) || guestLibraryGap(owner, ml.key) != null) {
            return null;
        }
        VmMethod decl = declaredInGuestHierarchy(owner, ml.key);
        if (decl == null) {
            throw exceptions.create(t, "java.lang.NoSuchMethodError", LinkageErrors.methodName(owner.name, ml.name, ml.desc));
        }
        if (decl.isStatic) {
            throw exceptions.create(t, "java.lang.IncompatibleClassChangeError",
                    "Expecting non-static method " + LinkageErrors.methodName(owner.name, ml.name, ml.desc));
        }
        return decl;
    }

    /**
     * A method {@code key} declared (any kind, abstract included) in guest class {@code owner}, its
     * guest superclasses or any guest superinterface; {@code java.lang.Object}'s methods count as
     * found (null only when the guest types alone settle that there is none).
     */
    private VmMethod declaredInGuestHierarchy(VmClass owner, String key) {
        for (VmClass c = owner; c != null; c = c.superclass) {
            if (c.kind != VmClass.Kind.GUEST) {
                VmMethod o = findVirtualOrNull(c, key);
                return o != null ? o : c.methods.get(key);
            }
            VmMethod d = c.methods.get(key);
            if (d != null) {
                return d;
            }
        }
        for (VmClass c = owner; c != null; c = c.superclass) {
            for (VmClass i : c.interfaces) {
                VmMethod d = declaredInInterface(i, key);
                if (d != null) {
                    return d;
                }
            }
        }
        return owner.isInterface() ? findVirtualOrNull(linker.objectClass(), key) : null;
    }

    /** Whether all of {@code c}'s supertypes but {@code Object} are guest types (resolution is then the VM's to settle). */
    private static boolean guestTypesOnly(VmClass c) {
        if (c.kind != VmClass.Kind.GUEST) {
            return c.superclass == null && !c.isInterface(); // java.lang.Object
        }
        for (VmClass i : c.interfaces) {
            if (!guestTypesOnly(i)) {
                return false;
            }
        }
        return c.superclass == null || guestTypesOnly(c.superclass);
    }

    private VmMethod declaredInInterface(VmClass i, String key) {
        VmMethod d = i.methods.get(key);
        if (d != null || i.kind != VmClass.Kind.GUEST) {
            return d;
        }
        for (VmClass s : i.interfaces) {
            d = declaredInInterface(s, key);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /**
     * A static or instance field of JDK class {@code host} that the bridge will access: the JVM's
     * NoSuchFieldError or IncompatibleClassChangeError if the JDK has no such field of that kind
     * (otherwise the bridge serves it, or stops with an unsupported-API error).
     */
    private void checkHostField(GuestThread t, Class<?> host, Links.FieldLink fl, boolean isStatic) {
        if (host == null || hostFieldsChecked.contains(fl)) {
            return;
        }
        LinkageErrors.Failure missing = LinkageErrors.hostField(host, fl.name, fl.type, isStatic);
        if (missing != null) {
            throw exceptions.create(t, missing.errorClass(), missing.message());
        }
        hostFieldsChecked.add(fl);
    }

    /** A static method the JDK class lacks: the JVM's linkage error if the JDK has none, else unsupported. */
    private RuntimeException hostMethodMissing(GuestThread t, VmClass owner, String name, String desc, boolean isStatic) {
        LinkageErrors.Failure missing = LinkageErrors.hostMethod(owner.host, name, desc, isStatic);
        if (missing != null) {
            return exceptions.create(t, missing.errorClass(), missing.message());
        }
        return VmError.unsupported(owner.name + "." + name + desc);
    }

    private static final int ACC_PUBLIC = 0x1;
    private static final int ACC_PRIVATE = 0x2;
    private static final int ACC_PROTECTED = 0x4;

    private static boolean isPackagePrivate(VmMethod m) {
        return (m.access & (ACC_PUBLIC | ACC_PRIVATE | ACC_PROTECTED)) == 0;
    }

    private static String packageOf(VmClass c) {
        int dot = c.name.lastIndexOf('.');
        return dot < 0 ? "" : c.name.substring(0, dot);
    }

    /**
     * The method a virtual call resolves to (JVMS 5.4.3.3) if it is a package-private guest method,
     * else null: only then can selection differ from a plain lookup by name and descriptor.
     */
    private VmMethod packagePrivateDeclaration(GuestThread t, Links.MethodLink ml) {
        VmClass owner = resolveClass(t, linker.links().type(ml.owner));
        if (owner.kind != VmClass.Kind.GUEST) {
            return null;
        }
        for (VmClass c = owner; c != null && c.kind == VmClass.Kind.GUEST; c = c.superclass) {
            VmMethod d = c.methods.get(ml.key);
            if (d != null && !d.isStatic && !d.name.equals("<init>")) {
                return isPackagePrivate(d) ? d : null;
            }
        }
        return null;
    }

    /**
     * Method selection (JVMS 5.4.6) for a resolved package-private method: the first declaration up
     * from the receiver class that overrides it (5.4.5). A subclass in another runtime package
     * declaring the same name and descriptor does not override it, even with a public method.
     */
    private VmMethod selectOverriding(GuestThread t, VmClass rc, VmMethod decl) {
        for (VmClass c = rc; c != null; c = c.superclass) {
            if (c == decl.owner) {
                if (decl.isAbstract()) {
                    throw exceptions.create(t, "java.lang.AbstractMethodError", rc.name + "." + decl.name + decl.desc);
                }
                return decl;
            }
            VmMethod d = c.methods.get(decl.name + decl.desc);
            if (d != null && !d.isStatic && (d.access & ACC_PRIVATE) == 0 && overrides(d, decl)) {
                if (d.isAbstract()) {
                    throw exceptions.create(t, "java.lang.AbstractMethodError", rc.name + "." + decl.name + decl.desc);
                }
                return d;
            }
        }
        return decl;
    }

    /** JVMS 5.4.5: does {@code d} (declared in a subclass of decl's class) override {@code decl}? */
    private static boolean overrides(VmMethod d, VmMethod decl) {
        if (d == decl) {
            return true;
        }
        if (packageOf(d.owner).equals(packageOf(decl.owner))) {
            return true;
        }
        // Transitively: d overrides an intermediate mI that overrides decl.
        String key = decl.name + decl.desc;
        for (VmClass s = d.owner.superclass; s != null && s != decl.owner; s = s.superclass) {
            VmMethod mi = s.methods.get(key);
            if (mi != null && !mi.isStatic && (mi.access & ACC_PRIVATE) == 0
                    && (!isPackagePrivate(mi) || packageOf(mi.owner).equals(packageOf(d.owner)))
                    && overrides(mi, decl)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The error for a method {@code key} that {@code owner} lacks: a JDK method the guest library's
     * version of a class does not (yet) provide is an unsupported API, not the program's error.
     */
    private RuntimeException noSuchMethod(GuestThread t, VmClass owner, String key, boolean isStatic) {
        String missing = guestLibraryGap(owner, key);
        if (missing != null) {
            return VmError.unsupported(missing);
        }
        String name = key.substring(0, key.indexOf('('));
        String desc = key.substring(key.indexOf('('));
        for (VmClass c = owner; c != null; c = c.superclass) {
            if ((c.kind == VmClass.Kind.MODEL || c.kind == VmClass.Kind.HOST) && c.host != null
                    && LinkageErrors.hostMethod(c.host, name, desc, isStatic) == null) {
                return VmError.unsupported(c.name + "." + key); // the JDK has it; the VM's model does not
            }
        }
        if (owner.kind == VmClass.Kind.GUEST) {
            // Resolution found a method of the other kind (a static where an instance one was
            // expected, or the reverse): the JVM's IncompatibleClassChangeError.
            VmMethod other = declaredInGuestHierarchy(owner, key);
            if (other != null && other.isStatic != isStatic && !name.equals("<init>")) {
                return exceptions.create(t, "java.lang.IncompatibleClassChangeError",
                        (isStatic ? "Expected static method " : "Expecting non-static method ")
                                + LinkageErrors.methodName(owner.name, name, desc));
            }
        }
        return exceptions.create(t, "java.lang.NoSuchMethodError", LinkageErrors.methodName(owner.name, name, desc));
    }

    /** "Class.key (...)" if a guest-library class in owner's chain replaces a JDK class that has key. */
    private static String guestLibraryGap(VmClass owner, String key) {
        String name = key.substring(0, key.indexOf('('));
        String desc = key.substring(key.indexOf('('));
        for (VmClass c = owner; c != null; c = c.superclass) {
            Class<?> h = c.replacesHost;
            if (h == null) {
                continue;
            }
            boolean found = false;
            if (name.equals("<init>")) {
                for (java.lang.reflect.Constructor<?> k : h.getConstructors()) {
                    found |= Descriptors.methodDescriptor(k.getParameterTypes(), void.class).equals(desc);
                }
            } else {
                for (java.lang.reflect.Method hm : h.getMethods()) {
                    found |= hm.getName().equals(name)
                            && Descriptors.methodDescriptor(hm.getParameterTypes(), hm.getReturnType()).equals(desc);
                }
            }
            if (found) {
                return c.name + "." + key + " (the guest library's " + c.name
                        + " does not provide it; comet exec --host-library runs the JDK's class instead)";
            }
        }
        return null;
    }

    public VmMethod findVirtual(GuestThread t, VmClass rc, String key) {
        return findVirtual(t, rc, key, null);
    }

    /** {@code resolved}: the method the call's reference resolved to, if known (it names it in an AbstractMethodError). */
    private VmMethod findVirtual(GuestThread t, VmClass rc, String key, VmMethod resolved) {
        VmMethod m = findVirtualOrNull(rc, key);
        if (m == null) {
            String missing = guestLibraryGap(rc, key);
            if (missing != null) {
                throw VmError.unsupported(missing);
            }
            VmMethod accessor = library.throwableAccessor(rc, key);
            if (accessor != null) {
                rc.vtable.put(key, accessor);
                return accessor;
            }
            // A library method the model classes do not provide is an unsupported API, not a guest error.
            for (VmClass c = rc; c != null; c = c.superclass) {
                if (c.kind == VmClass.Kind.MODEL && c.host != null) {
                    String name = key.substring(0, key.indexOf('('));
                    for (java.lang.reflect.Method hm : c.host.getMethods()) {
                        if (hm.getName().equals(name)) {
                            throw VmError.unsupported(c.name + "." + key);
                        }
                    }
                }
            }
            if (resolved != null && resolved.isAbstract() && rc.kind == VmClass.Kind.GUEST) {
                throw abstractMethodError(t, rc, resolved);
            }
            throw exceptions.create(t, "java.lang.AbstractMethodError", rc.name + "." + key);
        }
        return m;
    }

    /**
     * Intercepts for a method called on a host (library) object: the receiver class's own, then
     * those it gets for what it is (identity hashes, implicit-default readers:
     * {@link NativeRegistry#lookupForReceiver}), then the {@code Object} ones (getClass, wait,
     * notify) every host receiver needs.
     */
    private VmMethod receiverNative(VmClass hostClass, String key) {
        VmMethod m = natives.lookup(hostClass.name, key);
        if (m == null) {
            m = natives.lookupForReceiver(hostClass, key);
        }
        return m != null ? m : natives.lookup("java.lang.Object", key);
    }

    /** Dispatch lookup: the class chain, then default methods of interfaces; null if none. */
    public VmMethod findVirtualOrNull(VmClass rc, String key) {
        VmMethod m = rc.vtable.get(key);
        if (m != null) {
            return m;
        }
        if (rc.kind == VmClass.Kind.ARRAY) {
            m = key.equals("clone()Ljava/lang/Object;") ? library.arrayClone() : findVirtualOrNull(linker.objectClass(), key);
        } else if (rc.kind == VmClass.Kind.HOST) {
            m = receiverNative(rc, key);
            if (m == null) {
                int paren = key.indexOf('(');
                m = library.hostVirtualOrNull(rc, key.substring(0, paren), key.substring(paren));
            }
        } else {
            for (VmClass c = rc; c != null && m == null; c = c.superclass) {
                VmMethod d = c.methods.get(key);
                if (d != null && !d.isStatic && !d.name.equals("<init>")) {
                    m = d;
                } else if (c.kind == VmClass.Kind.HOST) {
                    // A guest class extending a library class: inherited methods run on the host peer.
                    m = receiverNative(c, key);
                    if (m == null) {
                        int paren = key.indexOf('(');
                        m = library.hostVirtualOrNull(c, key.substring(0, paren), key.substring(paren));
                    }
                    break;
                }
            }
            if (m == null || m.isAbstract()) {
                VmMethod def = findDefault(rc, key);
                if (def != null) {
                    m = def;
                }
            }
        }
        if (m != null) {
            rc.vtable.put(key, m);
        }
        return m;
    }

    private VmMethod findDefault(VmClass rc, String key) {
        for (VmClass c = rc; c != null; c = c.superclass) {
            for (VmClass i : c.interfaces) {
                VmMethod m = findInInterface(i, key);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    private VmMethod findInInterface(VmClass i, String key) {
        if (i.kind == VmClass.Kind.HOST) {
            int paren = key.indexOf('(');
            return library.hostInterfaceDefault(i, key.substring(0, paren), key.substring(paren));
        }
        VmMethod m = i.methods.get(key);
        if (m != null && !m.isStatic && !m.isAbstract()) {
            return m;
        }
        for (VmClass s : i.interfaces) {
            VmMethod d = findInInterface(s, key);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    public String displayMethodRef(Links.MethodLink ml) {
        String owner = Descriptors.toClassName(ml.owner);
        owner = owner.substring(owner.lastIndexOf('.') + 1);
        StringBuilder sb = new StringBuilder(owner).append('.').append(ml.name).append('(');
        List<String> ps = Descriptors.paramTypes(ml.desc);
        for (int k = 0; k < ps.size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            String n = Descriptors.toClassName(ps.get(k));
            sb.append(n.startsWith("[") ? n : n.substring(n.lastIndexOf('.') + 1));
        }
        return sb.append(')').toString();
    }}
