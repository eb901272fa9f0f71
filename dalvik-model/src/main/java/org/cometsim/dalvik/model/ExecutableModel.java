package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.inherit;
import static org.cometsim.dalvik.model.ModelMembers.nat;
import static org.cometsim.dalvik.reflect.GuestReflection.execOf;

import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.reflect.GuestReflection;
import org.cometsim.dalvik.reflect.GuestReflection.Exec;
import org.cometsim.dalvik.reflect.GuestTypes;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.VmClass;

/**
 * {@code java.lang.reflect.Executable}, the superclass of the {@code Method} and
 * {@code Constructor} mirrors: what a method or constructor declares (name, modifiers, parameter
 * and exception types, their generic forms and annotations) and the JDK's {@code toString},
 * {@code equals} and {@code hashCode}.
 */
final class ExecutableModel {
    private final ClassLinker linker;
    private final GuestReflection reflection;
    private final GuestTypes types;

    ExecutableModel(ClassLinker linker, GuestReflection reflection) {
        this.linker = linker;
        this.reflection = reflection;
        this.types = reflection.types();
    }

    void complete(VmClass c) {
        inherit(c, linker.classForDescriptor("Ljava/lang/reflect/AccessibleObject;"));
        c.interfaces = new VmClass[] {linker.classForDescriptor("Ljava/lang/reflect/Member;"),
            linker.classForDescriptor("Ljava/lang/reflect/GenericDeclaration;")};
        nat(c, "getName", "()Ljava/lang/String;", false, (in, t, a) -> {
            Exec e = execOf(a[0]);
            return e.isConstructor() ? e.declaring.name : e.name;
        });
        nat(c, "getModifiers", "()I", false, (in, t, a) -> execOf(a[0]).modifiers);
        nat(c, "getDeclaringClass", "()Ljava/lang/Class;", false, (in, t, a) -> execOf(a[0]).declaring);
        nat(c, "getParameterTypes", "()[Ljava/lang/Class;", false, (in, t, a) -> reflection.classArray(t, execOf(a[0]).params));
        nat(c, "getParameterCount", "()I", false, (in, t, a) -> execOf(a[0]).params.size());
        nat(c, "getParameterAnnotations", "()[[Ljava/lang/annotation/Annotation;", false,
                (in, t, a) -> reflection.parameterAnnotations(t, a[0]));
        nat(c, "getExceptionTypes", "()[Ljava/lang/Class;", false,
                (in, t, a) -> reflection.classArray(t, reflection.exceptionTypes(execOf(a[0]))));
        nat(c, "isVarArgs", "()Z", false, (in, t, a) -> (execOf(a[0]).modifiers & 0x0080) != 0);
        nat(c, "isSynthetic", "()Z", false, (in, t, a) -> (execOf(a[0]).modifiers & 0x1000) != 0);
        nat(c, "getTypeParameters", "()[Ljava/lang/reflect/TypeVariable;", false,
                (in, t, a) -> types.typeVariableArray(reflection.typeParameters((GuestObject) a[0])));
        nat(c, "getGenericParameterTypes", "()[Ljava/lang/reflect/Type;", false,
                (in, t, a) -> types.typeArray(reflection.genericParameterTypes(t, (GuestObject) a[0])));
        nat(c, "getGenericExceptionTypes", "()[Ljava/lang/reflect/Type;", false,
                (in, t, a) -> types.typeArray(reflection.genericExceptionTypes(t, (GuestObject) a[0])));
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> reflection.execToString(t, execOf(a[0])));
        nat(c, "equals", "(Ljava/lang/Object;)Z", false, (in, t, a) -> {
            if (!(a[1] instanceof GuestObject) || ((GuestObject) a[1]).cls != ((GuestObject) a[0]).cls) {
                return false;
            }
            Exec x = execOf(a[0]);
            Exec y = execOf(a[1]);
            return x.declaring == y.declaring && x.name.equals(y.name) && x.desc.equals(y.desc);
        });
        nat(c, "hashCode", "()I", false, (in, t, a) -> {
            Exec e = execOf(a[0]);
            int h = e.declaring.name.hashCode();
            return e.isConstructor() ? h : h ^ e.name.hashCode();
        });
    }
}
