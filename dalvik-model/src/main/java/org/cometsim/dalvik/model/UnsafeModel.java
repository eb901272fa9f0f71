package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.nat;

import java.lang.reflect.Modifier;

import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;

/**
 * {@code sun.misc.Unsafe}, as far as libraries reach it reflectively: {@code theUnsafe} and
 * {@code allocateInstance} (objects without a constructor call, as serialization libraries make
 * them) for guest classes and exceptions. {@code getUnsafe()} refuses guest callers, as JDK 17 does.
 */
final class UnsafeModel {
    private final ClassLinker linker;
    private final ClassInitializer initializer;
    private final GuestExceptions exceptions;

    UnsafeModel(ClassLinker linker, ClassInitializer initializer, GuestExceptions exceptions) {
        this.linker = linker;
        this.initializer = initializer;
        this.exceptions = exceptions;
    }

    void complete(VmClass c) {
        c.superclass = linker.classForDescriptor("Ljava/lang/Object;");
        VmField the = new VmField(c, "theUnsafe", "Lsun/misc/Unsafe;", Modifier.PRIVATE | Modifier.STATIC | Modifier.FINAL);
        the.slot = 0;
        the.index = 0;
        c.fields.put(the.name, the);
        c.staticR = new Object[] {new GuestObject(c)};
        c.staticFields = new VmField[] {the};
        // JDK 17 refuses callers outside the system domain (every guest class); hidden from reflection there too.
        nat(c, "getUnsafe", "()Lsun/misc/Unsafe;", true, (in, t, a) -> {
            throw exceptions.create(t, "java.lang.SecurityException", "Unsafe");
        });
        nat(c, "allocateInstance", "(Ljava/lang/Class;)Ljava/lang/Object;", false, (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            VmClass k = (VmClass) a[1];
            if (k.isInterface() || (k.access & Modifier.ABSTRACT) != 0 || k.isArray() || k.isPrimitive() || k == linker.classClass()) {
                throw exceptions.create(t, "java.lang.InstantiationException", k.name);
            }
            boolean plainGuest = k.kind == VmClass.Kind.GUEST && k.hostBase == null;
            boolean throwable = k.kind == VmClass.Kind.MODEL && k.isSubtypeOf(linker.classForDescriptor("Ljava/lang/Throwable;"));
            if (!plainGuest && !throwable) {
                throw VmError.unsupported("sun.misc.Unsafe.allocateInstance(Ljava/lang/Class;)Ljava/lang/Object; for " + k.name
                        + (k.hostBase != null ? ", which extends library class " + k.hostBase.name : " (a library class)"));
            }
            initializer.initializeNow(t, k);
            return new GuestObject(k);
        });
    }
}
