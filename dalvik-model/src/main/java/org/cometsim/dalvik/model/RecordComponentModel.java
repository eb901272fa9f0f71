package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.nat;
import static org.cometsim.dalvik.reflect.GuestReflection.componentOf;

import java.lang.reflect.Modifier;

import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.reflect.GuestReflection;
import org.cometsim.dalvik.reflect.GuestReflection.RecordComponent;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * {@code java.lang.reflect.RecordComponent}: what the record's class file says about one
 * component ({@code Class.getRecordComponents} makes them, see {@link GuestReflection#recordComponents})
 * and its accessor method. Annotations of a component live in the class file's {@code Record}
 * attribute only, which is not read yet: asking for those of an annotated component stops as
 * unsupported; an unannotated one answers none.
 */
final class RecordComponentModel {
    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final GuestExceptions exceptions;
    private final GuestReflection reflection;

    RecordComponentModel(ClassLinker linker, MemberResolver resolver, GuestExceptions exceptions, GuestReflection reflection) {
        this.linker = linker;
        this.resolver = resolver;
        this.exceptions = exceptions;
        this.reflection = reflection;
    }

    void complete(VmClass c) {
        c.superclass = linker.classForDescriptor("Ljava/lang/Object;");
        c.interfaces = new VmClass[] {linker.classForDescriptor("Ljava/lang/reflect/AnnotatedElement;")};
        c.access |= Modifier.FINAL;
        nat(c, "getName", "()Ljava/lang/String;", false, (in, t, a) -> componentOf(a[0]).name());
        nat(c, "getType", "()Ljava/lang/Class;", false, (in, t, a) -> resolver.classForName(t, componentOf(a[0]).descriptor()));
        nat(c, "getGenericSignature", "()Ljava/lang/String;", false, (in, t, a) -> componentOf(a[0]).signature());
        nat(c, "getGenericType", "()Ljava/lang/reflect/Type;", false, (in, t, a) -> reflection.genericType(t, componentOf(a[0])));
        nat(c, "getAccessor", "()Ljava/lang/reflect/Method;", false, (in, t, a) -> {
            RecordComponent rc = componentOf(a[0]);
            VmMethod m = rc.record().methods.get(rc.name() + "()" + rc.descriptor());
            if (m == null) {
                throw new VmError("internal error: record " + rc.record().name + " has no accessor " + rc.name() + "() (in "
                        + (t.top == null ? "?" : t.top.method.display()) + ")");
            }
            return reflection.mirror(reflection.guestExec(m));
        });
        nat(c, "getDeclaringRecord", "()Ljava/lang/Class;", false, (in, t, a) -> componentOf(a[0]).record());
        nat(c, "toString", "()Ljava/lang/String;", false,
                (in, t, a) -> GuestReflection.descTypeName(componentOf(a[0]).descriptor()) + " " + componentOf(a[0]).name());
        NativeImpl one = (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            unannotated(componentOf(a[0]), "getAnnotation(Ljava/lang/Class;)Ljava/lang/annotation/Annotation;");
            return null;
        };
        nat(c, "getAnnotation", "(Ljava/lang/Class;)Ljava/lang/annotation/Annotation;", false, one);
        nat(c, "getDeclaredAnnotation", "(Ljava/lang/Class;)Ljava/lang/annotation/Annotation;", false, one);
        NativeImpl all = (in, t, a) -> {
            unannotated(componentOf(a[0]), "getAnnotations()[Ljava/lang/annotation/Annotation;");
            return new GuestArray(linker.classForDescriptor("[Ljava/lang/annotation/Annotation;"), new Object[0], 0);
        };
        nat(c, "getAnnotations", "()[Ljava/lang/annotation/Annotation;", false, all);
        nat(c, "getDeclaredAnnotations", "()[Ljava/lang/annotation/Annotation;", false, all);
    }

    private static void unannotated(RecordComponent rc, String method) {
        if (rc.annotated()) {
            throw VmError.unsupported("java.lang.reflect.RecordComponent." + method + " of annotated component "
                    + rc.record().name + "." + rc.name());
        }
    }
}
