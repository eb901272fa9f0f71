package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.inherit;
import static org.cometsim.dalvik.model.ModelMembers.nat;
import static org.cometsim.dalvik.reflect.GuestReflection.execOf;

import java.lang.reflect.Modifier;

import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.reflect.GuestReflection;
import org.cometsim.dalvik.reflect.GuestReflection.Exec;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * {@code java.lang.reflect.Constructor}: {@code newInstance} with the JDK's checks (access unless
 * overridden, no enums, no abstract classes or interfaces, not {@code Class}), class
 * initialisation, then the constructor: a guest {@code <init>}, a model class's own (mirrored
 * exceptions included), or a host constructor for library classes. The constructor's exception
 * comes out wrapped in an {@code InvocationTargetException}.
 */
final class ConstructorModel {
    private final ClassLinker linker;
    private final ClassInitializer initializer;
    private final Heap heap;
    private final NativeRegistry natives;
    private final GuestExceptions exceptions;
    private final HostBridge bridge;
    private final GuestReflection reflection;
    private final AccessibleObjectModel accessible;
    private final ThrowableModel throwables;

    ConstructorModel(ClassLinker linker, ClassInitializer initializer, Heap heap, NativeRegistry natives, HostBridge bridge,
                     GuestReflection reflection, AccessibleObjectModel accessible, ThrowableModel throwables) {
        this.linker = linker;
        this.initializer = initializer;
        this.heap = heap;
        this.natives = natives;
        this.exceptions = throwables;
        this.bridge = bridge;
        this.reflection = reflection;
        this.accessible = accessible;
        this.throwables = throwables;
    }

    void complete(VmClass c) {
        inherit(c, linker.classForDescriptor("Ljava/lang/reflect/Executable;"));
        nat(c, "newInstance", "([Ljava/lang/Object;)Ljava/lang/Object;", false,
                (in, t, a) -> newInstance(in, t, (GuestObject) a[0], a[1]));
    }

    /** {@code Constructor.newInstance(args)} of {@code mirror} ({@code argArray} a guest {@code Object[]} or null). */
    Object newInstance(GuestCalls in, GuestThread t, GuestObject mirror, Object argArray) {
        Exec e = execOf(mirror);
        VmClass k = e.declaring;
        if (!accessible.isOverridden(mirror)) {
            reflection.checkAccess(t, k, e.modifiers, k);
        }
        if ((reflection.classModifiers(k) & 0x4000) != 0) { // ACC_ENUM
            throw exceptions.create(t, "java.lang.IllegalArgumentException", "Cannot reflectively create enum objects");
        }
        if ((k.access & Modifier.ABSTRACT) != 0 || k.isInterface()) {
            throw exceptions.create(t, "java.lang.InstantiationException", null);
        }
        if (k == linker.classClass()) {
            throw exceptions.create(t, "java.lang.InstantiationException", "Can not instantiate java.lang.Class");
        }
        initializer.initializeNow(t, k);
        Object[] args = reflection.convertArgs(t, e, argArray, 1);
        String key = "<init>" + e.desc;
        if (k.kind == VmClass.Kind.HOST) {
            VmMethod ctor = natives.lookup(k.name, key);
            if (ctor == null) {
                ctor = bridge.hostConstructor(k, e.desc);
            }
            args[0] = heap.allocate(t, k);
            try {
                return in.callGuest(t, ctor, args);
            } catch (GuestThrowable g) {
                throw reflection.invocationTarget(t, g.guest);
            }
        }
        VmMethod init = e.method != null ? e.method : k.methods.get(key);
        if (init == null) {
            init = throwables.directMethod(k, "<init>", e.desc);
        }
        if (init == null) {
            throw VmError.unsupported(k.name + "." + key + " (constructor of a model class)");
        }
        Object obj = heap.allocate(t, k);
        args[0] = obj;
        try {
            in.callGuest(t, init, args);
        } catch (GuestThrowable g) {
            throw reflection.invocationTarget(t, g.guest);
        }
        return obj;
    }
}
