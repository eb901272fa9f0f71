package org.cometsim.dalvik.link;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;

import org.cometsim.dalvik.rt.Descriptors;

/**
 * The linkage errors a JVM raises when a symbolic reference names a member that is missing or of
 * the wrong kind (JVMS 5.4.3.2-5.4.3.4), with HotSpot 17's message texts, for members of JDK
 * classes. The VM must tell apart "the JDK has this member but the VM does not support it" (an
 * unsupported API: the VM stops) from "the JDK has no such member" (the program's own error,
 * catchable, as {@code java} gives it: code compiled against another library version, or a
 * corrupt dex). A {@code null} answer means the member exists as referenced: whatever stopped its
 * use is a gap of the VM.
 */
public final class LinkageErrors {

    /** A guest error to raise: its class and message. */
    public record Failure(String errorClass, String message) {
    }

    private LinkageErrors() {
    }

    /**
     * HotSpot's external name of a method, {@code 'int java.lang.Math.abs(int)'}: the return type,
     * the class named by the reference (left out if null), the name and the parameter types in source form.
     */
    public static String methodName(String owner, String name, String desc) {
        StringBuilder sb = new StringBuilder("'").append(sourceName(Descriptors.returnType(desc))).append(' ');
        if (owner != null) {
            sb.append(owner).append('.');
        }
        sb.append(name).append('(');
        List<String> ps = Descriptors.paramTypes(desc);
        for (int k = 0; k < ps.size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(sourceName(ps.get(k)));
        }
        return sb.append(")'").toString();
    }

    /** {@code [Ljava/lang/String;} → {@code java.lang.String[]}, {@code I} → {@code int}. */
    static String sourceName(String descriptor) {
        int dims = 0;
        while (descriptor.charAt(dims) == '[') {
            dims++;
        }
        StringBuilder sb = new StringBuilder(Descriptors.toClassName(descriptor.substring(dims)));
        for (int k = 0; k < dims; k++) {
            sb.append("[]");
        }
        return sb.toString();
    }

    /**
     * Resolution of method {@code name desc} in JDK class {@code owner} for an invoke of the given
     * kind ({@code isStatic}: invoke-static; else virtual, interface, direct or super), or null if
     * the JDK resolves it to a method of that kind. Access is not judged here (guest code may call
     * only public members of public JDK types, which the bridge finds).
     */
    public static Failure hostMethod(Class<?> owner, String name, String desc, boolean isStatic) {
        String shown = methodName(owner.getName(), name, desc);
        Executable found = name.equals("<init>") ? constructor(owner, desc) : method(owner, name, desc);
        if (found == null) {
            return new Failure("java.lang.NoSuchMethodError", shown);
        }
        boolean foundStatic = Modifier.isStatic(found.getModifiers());
        if (isStatic && !foundStatic) {
            return new Failure("java.lang.IncompatibleClassChangeError", "Expected static method " + shown);
        }
        if (!isStatic && foundStatic) {
            return new Failure("java.lang.IncompatibleClassChangeError", "Expecting non-static method " + shown);
        }
        return null;
    }

    /** Resolution of field {@code name} of descriptor {@code type} in JDK class {@code owner}, or null if it resolves to a field of that kind. */
    public static Failure hostField(Class<?> owner, String name, String type, boolean isStatic) {
        Field f = field(owner, name, type);
        if (f == null) {
            return new Failure("java.lang.NoSuchFieldError", name);
        }
        boolean foundStatic = Modifier.isStatic(f.getModifiers());
        if (isStatic != foundStatic) {
            return new Failure("java.lang.IncompatibleClassChangeError",
                    (isStatic ? "Expected static field " : "Expected non-static field ") + owner.getName() + "." + name);
        }
        return null;
    }

    /** JVMS 5.4.3.3: the class and its superclasses, then its superinterfaces; any access. */
    private static Method method(Class<?> owner, String name, String desc) {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            Method m = declared(c, name, desc);
            if (m != null) {
                return m;
            }
        }
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            Method m = inInterfaces(c, name, desc);
            if (m != null) {
                return m;
            }
        }
        if (owner.isInterface()) {
            return declared(Object.class, name, desc); // interfaces inherit Object's public methods
        }
        return signaturePolymorphic(owner, name);
    }

    /** JVMS 2.9.3: MethodHandle.invoke/invokeExact and VarHandle's access methods take any descriptor. */
    private static Method signaturePolymorphic(Class<?> owner, String name) {
        if (owner != java.lang.invoke.MethodHandle.class && owner != java.lang.invoke.VarHandle.class) {
            return null;
        }
        for (Method m : owner.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.isVarArgs() && Modifier.isNative(m.getModifiers())) {
                return m;
            }
        }
        return null;
    }

    private static Method inInterfaces(Class<?> c, String name, String desc) {
        for (Class<?> i : c.getInterfaces()) {
            Method m = declared(i, name, desc);
            if (m == null) {
                m = inInterfaces(i, name, desc);
            }
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private static Method declared(Class<?> c, String name, String desc) {
        Method[] ms;
        try {
            ms = c.getDeclaredMethods();
        } catch (LinkageError | SecurityException e) {
            return null;
        }
        for (Method m : ms) {
            if (m.getName().equals(name) && Descriptors.methodDescriptor(m.getParameterTypes(), m.getReturnType()).equals(desc)) {
                return m;
            }
        }
        return null;
    }

    private static Constructor<?> constructor(Class<?> owner, String desc) {
        for (Constructor<?> k : owner.getDeclaredConstructors()) {
            if (Descriptors.methodDescriptor(k.getParameterTypes(), void.class).equals(desc)) {
                return k;
            }
        }
        return null;
    }

    /** JVMS 5.4.3.2: the class, its superinterfaces, then its superclass, recursively; any access. */
    private static Field field(Class<?> c, String name, String type) {
        if (c == null) {
            return null;
        }
        try {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name) && Descriptors.of(f.getType()).equals(type)) {
                    return f;
                }
            }
        } catch (LinkageError | SecurityException e) {
            return null;
        }
        for (Class<?> i : c.getInterfaces()) {
            Field f = field(i, name, type);
            if (f != null) {
                return f;
            }
        }
        return field(c.getSuperclass(), name, type);
    }
}
