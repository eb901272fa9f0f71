package org.cometsim.dalvik.model;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The check for <em>orphan</em> natives, as Java PathFinder's {@code vm.no_orphan_methods}: a
 * native that matches no real method can never be called, so it is a bug (a typo in a descriptor,
 * a static flag the wrong way round, a method the JDK does not have). Every native registered in
 * a {@link NativeRegistry} must match, by name, descriptor and static-ness, a public method or
 * constructor of the JDK class it is registered for (inherited ones included: a receiver's class
 * is looked up first), or a {@code native} method the guest or guest-library class of that name
 * declares. Every native of a model class must match a method or constructor its JDK class
 * declares or inherits (any access: a protected {@code Throwable} constructor is called by guest
 * subclasses; and as the class file has it, since the JDK hides some members from reflection,
 * {@code sun.misc.Unsafe.getUnsafe} among them), unless it is listed in {@link #VM_INTERNAL} with
 * the reason.
 *
 * <p>The default test suite runs the check over a fresh VM ({@code OrphanNativesTest}), so an
 * orphan fails the build; a VM does not run it when it starts, since it links every model class
 * and reflects over a few hundred JDK methods, which a VM made per run should not pay for.
 *
 * <p>The opposite direction is {@link #unimplemented}: the JDK's public instance methods and
 * constructors of model classes that the model does not provide, which stop as unsupported at run
 * time. That list is a report, not an error.
 */
public final class OrphanNatives {
    private OrphanNatives() {
    }

    /** Model-class natives that are no JDK method on purpose ({@code Class.key} to why). None today. */
    static final Map<String, String> VM_INTERNAL = Map.of();

    /**
     * Every orphan among the natives of {@code registry} and of the model classes, described with
     * where it is registered; empty if there is none. Links each model class through {@code linker}
     * (and each guest class a native is registered for), so run it on a VM made for the purpose.
     */
    public static List<String> find(NativeRegistry registry, ClassLinker linker) {
        List<String> out = new ArrayList<>();
        for (NativeRegistry.Entry e : registry.entries()) {
            if (!matchesJdk(e.owner(), e.name(), e.desc(), e.isStatic()) && !matchesGuestNative(linker, e)) {
                out.add("registered native " + e.owner() + "." + e.key() + (e.isStatic() ? " (static)" : "")
                        + ": no public JDK method or constructor, and no guest native method, of that name,"
                        + " descriptor and static-ness");
            }
        }
        for (VmClass c : modelClasses(linker)) {
            for (VmMethod m : c.methods.values()) {
                String where = c.name + "." + m.key();
                if (m.nativeImpl != null && !VM_INTERNAL.containsKey(where) && !declaredByHost(c.host, m)) {
                    out.add("model native " + where + (m.isStatic ? " (static)" : "") + ": " + c.host.getName()
                            + " declares or inherits no method of that name, descriptor and static-ness");
                }
            }
        }
        return out;
    }

    /**
     * The JDK's public instance methods and constructors of the model classes that resolve to no
     * native, as the resolver would look them up at run time (static methods run on the host
     * class: they are not listed), as {@code Class.name(descriptor)}, sorted.
     */
    public static List<String> unimplemented(ModelClasses models, ClassLinker linker, MemberResolver resolver) {
        TreeSet<String> out = new TreeSet<>();
        for (VmClass c : modelClasses(linker)) {
            for (Method hm : c.host.getMethods()) {
                if (Modifier.isStatic(hm.getModifiers())) {
                    continue;
                }
                String key = hm.getName() + Descriptors.methodDescriptor(hm.getParameterTypes(), hm.getReturnType());
                if (resolver.findVirtualOrNull(c, key) == null) {
                    out.add(c.name + "." + key);
                }
            }
            for (Constructor<?> k : c.host.getConstructors()) {
                String key = "<init>" + Descriptors.methodDescriptor(k.getParameterTypes(), void.class);
                if (c.methods.get(key) == null && models.directMethod(c, "<init>", key.substring(6)) == null) {
                    out.add(c.name + "." + key);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The model classes, linked, with the mirrored exception classes that have natives of their own. */
    private static List<VmClass> modelClasses(ClassLinker linker) {
        List<VmClass> out = new ArrayList<>();
        for (String name : new TreeSet<>(ModelClasses.NAMES)) {
            out.add(linker.classForDescriptor(Descriptors.toDescriptor(name)));
        }
        for (String name : new TreeSet<>(ThrowableModel.MIRRORS_WITH_NATIVES)) {
            out.add(linker.classForDescriptor(Descriptors.toDescriptor(name)));
        }
        return out;
    }

    /** A public method or constructor of host class {@code owner} (inherited ones included) of this shape. */
    private static boolean matchesJdk(String owner, String name, String desc, boolean isStatic) {
        Class<?> h;
        try {
            h = Class.forName(owner, false, OrphanNatives.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        if (name.equals("<init>")) {
            for (Constructor<?> k : h.getConstructors()) {
                if (!isStatic && Descriptors.methodDescriptor(k.getParameterTypes(), void.class).equals(desc)) {
                    return true;
                }
            }
            return false;
        }
        for (Method m : h.getMethods()) {
            if (matches(m, name, desc, isStatic)) {
                return true;
            }
        }
        return false;
    }

    /** A {@code native} method of the guest (or guest-library) class the entry is registered for. */
    private static boolean matchesGuestNative(ClassLinker linker, NativeRegistry.Entry e) {
        VmClass c;
        try {
            c = linker.classForDescriptor(Descriptors.toDescriptor(e.owner()));
        } catch (RuntimeException ex) {
            return false;
        }
        if (c == null || c.kind != VmClass.Kind.GUEST) {
            return false;
        }
        VmMethod m = c.methods.get(e.key());
        return m != null && (m.access & Modifier.NATIVE) != 0 && m.isStatic == e.isStatic();
    }

    /** Does host class {@code h}, or a supertype of it, declare a method or constructor of {@code m}'s shape? */
    private static boolean declaredByHost(Class<?> h, VmMethod m) {
        if (m.name.equals("<init>")) {
            for (Constructor<?> k : h.getDeclaredConstructors()) {
                if (!m.isStatic && Descriptors.methodDescriptor(k.getParameterTypes(), void.class).equals(m.desc)) {
                    return true;
                }
            }
            return false;
        }
        for (Class<?> k = h; k != null; k = k.getSuperclass()) {
            if (declares(k, m)) {
                return true;
            }
        }
        return false;
    }

    /** {@code k} or one of its superinterfaces declares a method of {@code m}'s shape. */
    private static boolean declares(Class<?> k, VmMethod m) {
        for (Method d : k.getDeclaredMethods()) {
            if (matches(d, m.name, m.desc, m.isStatic)) {
                return true;
            }
        }
        if (classFileDeclares(k, m)) {
            return true;
        }
        for (Class<?> i : k.getInterfaces()) {
            if (declares(i, m)) {
                return true;
            }
        }
        return false;
    }

    /** The class file of {@code k} declares {@code m}'s shape (members the JDK filters from reflection included). */
    private static boolean classFileDeclares(Class<?> k, VmMethod m) {
        boolean[] found = {false};
        // A class file is never encapsulated, whatever module it is in.
        try (InputStream in = k.getModule().getResourceAsStream(k.getName().replace('.', '/') + ".class")) {
            if (in == null) {
                return false;
            }
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                    found[0] |= name.equals(m.name) && desc.equals(m.desc) && ((access & Opcodes.ACC_STATIC) != 0) == m.isStatic;
                    return null;
                }
            }, ClassReader.SKIP_CODE);
        } catch (IOException e) {
            return false;
        }
        return found[0];
    }

    private static boolean matches(Method m, String name, String desc, boolean isStatic) {
        return m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == isStatic
                && Descriptors.methodDescriptor(m.getParameterTypes(), m.getReturnType()).equals(desc);
    }
}
