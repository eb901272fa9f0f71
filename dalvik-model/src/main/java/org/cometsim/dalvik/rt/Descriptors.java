package org.cometsim.dalvik.rt;

import java.util.ArrayList;
import java.util.List;

/** Parsing helpers for JVM/Dalvik type and method descriptors. */
public final class Descriptors {
    private Descriptors() {
    }

    public static char[] paramKinds(String desc) {
        List<String> ps = paramTypes(desc);
        char[] out = new char[ps.size()];
        for (int i = 0; i < out.length; i++) {
            char c = ps.get(i).charAt(0);
            out[i] = c == '[' ? 'L' : c;
        }
        return out;
    }

    public static char returnKind(String desc) {
        char c = desc.charAt(desc.indexOf(')') + 1);
        return c == '[' ? 'L' : c;
    }

    public static String returnType(String desc) {
        return desc.substring(desc.indexOf(')') + 1);
    }

    public static List<String> paramTypes(String desc) {
        List<String> out = new ArrayList<>();
        int i = 1;
        while (desc.charAt(i) != ')') {
            int start = i;
            while (desc.charAt(i) == '[') {
                i++;
            }
            if (desc.charAt(i) == 'L') {
                i = desc.indexOf(';', i);
            }
            i++;
            out.add(desc.substring(start, i));
        }
        return out;
    }

    /** {@code Ljava/lang/String;} → {@code java.lang.String}; {@code [I} → {@code [I}; {@code I} → {@code int}. */
    public static String toClassName(String descriptor) {
        switch (descriptor.charAt(0)) {
            case 'L':
                return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
            case '[':
                return descriptor.replace('/', '.');
            default:
                return primitiveName(descriptor.charAt(0));
        }
    }

    /** {@code java.lang.String} → {@code Ljava/lang/String;}; {@code [I} stays; {@code int} → {@code I}. */
    public static String toDescriptor(String className) {
        if (className.startsWith("[")) {
            return className.replace('.', '/');
        }
        switch (className) {
            case "int": return "I";
            case "long": return "J";
            case "float": return "F";
            case "double": return "D";
            case "boolean": return "Z";
            case "byte": return "B";
            case "char": return "C";
            case "short": return "S";
            case "void": return "V";
            default: return "L" + className.replace('.', '/') + ";";
        }
    }

    public static String primitiveName(char c) {
        switch (c) {
            case 'I': return "int";
            case 'J': return "long";
            case 'F': return "float";
            case 'D': return "double";
            case 'Z': return "boolean";
            case 'B': return "byte";
            case 'C': return "char";
            case 'S': return "short";
            case 'V': return "void";
            default: throw new IllegalArgumentException("not a primitive descriptor: " + c);
        }
    }

    /** Descriptor of a host class ({@code int.class} → {@code I}, {@code String[].class} → {@code [Ljava/lang/String;}). */
    public static String of(Class<?> c) {
        if (c.isPrimitive()) {
            return toDescriptor(c.getName());
        }
        if (c.isArray()) {
            return c.getName().replace('.', '/');
        }
        return "L" + c.getName().replace('.', '/') + ";";
    }

    public static String methodDescriptor(Class<?>[] params, Class<?> ret) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : params) {
            sb.append(of(p));
        }
        return sb.append(')').append(of(ret)).toString();
    }
}
