package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.inherit;
import static org.cometsim.dalvik.model.ModelMembers.nat;
import static org.cometsim.dalvik.reflect.GuestReflection.execOf;

import java.lang.reflect.Modifier;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.reflect.GuestReflection;
import org.cometsim.dalvik.reflect.GuestReflection.Exec;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * {@code java.lang.reflect.Method}: its return type (and generic form), and {@code invoke}, which
 * runs the target in a nested interpreter loop on the calling guest thread after HotSpot's checks
 * in HotSpot's order (access unless overridden, class initialisation, receiver, arguments), with
 * virtual dispatch on the receiver; the target's exception comes out wrapped in an
 * {@code InvocationTargetException}.
 */
final class MethodModel {
    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final ClassInitializer initializer;
    private final GuestExceptions exceptions;
    private final OffloadHooks hooks;
    private final HostBridge bridge;
    private final GuestReflection reflection;
    private final AccessibleObjectModel accessible;

    MethodModel(ClassLinker linker, MemberResolver resolver, ClassInitializer initializer, GuestExceptions exceptions,
                OffloadHooks hooks, HostBridge bridge, GuestReflection reflection, AccessibleObjectModel accessible) {
        this.linker = linker;
        this.resolver = resolver;
        this.initializer = initializer;
        this.exceptions = exceptions;
        this.hooks = hooks;
        this.bridge = bridge;
        this.reflection = reflection;
        this.accessible = accessible;
    }

    void complete(VmClass c) {
        inherit(c, linker.classForDescriptor("Ljava/lang/reflect/Executable;"));
        nat(c, "getReturnType", "()Ljava/lang/Class;", false, (in, t, a) -> resolver.classForName(t, execOf(a[0]).ret()));
        nat(c, "getGenericReturnType", "()Ljava/lang/reflect/Type;", false,
                (in, t, a) -> reflection.genericReturnType(t, (GuestObject) a[0]));
        nat(c, "isDefault", "()Z", false, (in, t, a) -> GuestReflection.isDefault(execOf(a[0])));
        nat(c, "isBridge", "()Z", false, (in, t, a) -> (execOf(a[0]).modifiers & 0x0040) != 0);
        nat(c, "invoke", "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", false,
                (in, t, a) -> invoke(in, t, (GuestObject) a[0], a[1], a[2]));
    }

    private Object invoke(GuestCalls in, GuestThread t, GuestObject mirror, Object obj, Object argArray) {
        Exec e = execOf(mirror);
        boolean isStatic = (e.modifiers & Modifier.STATIC) != 0;
        if (!accessible.isOverridden(mirror)) {
            if (!isStatic && obj == null) {
                throw exceptions.npe(t, null);
            }
            reflection.checkAccess(t, e.declaring, e.modifiers, isStatic ? null : linker.classOf(obj));
        }
        // The order of HotSpot's Reflection::invoke: class initialisation, receiver, arguments.
        initializer.initializeNow(t, e.declaring);
        if (!isStatic) {
            if (obj == null) {
                throw exceptions.npe(t, null);
            }
            if (!linker.classOf(obj).isSubtypeOf(e.declaring)) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", "object is not an instance of declaring class");
            }
        }
        Object[] args = reflection.convertArgs(t, e, argArray, isStatic ? 0 : 1);
        if (!isStatic) {
            args[0] = obj;
        }
        VmMethod target = target(t, e, obj);
        checkGate(t, target);
        Object res;
        try {
            res = in.callGuest(t, target, args);
        } catch (GuestThrowable g) {
            throw reflection.invocationTarget(t, g.guest);
        }
        return GuestReflection.rebox(Descriptors.returnKind(e.desc), res);
    }

    /** The method an invocation runs: dispatched on the receiver unless static or private. */
    private VmMethod target(GuestThread t, Exec e, Object receiver) {
        String key = e.name + e.desc;
        if ((e.modifiers & Modifier.STATIC) != 0) {
            return e.method != null ? e.method : resolver.findStaticForLambda(t, e.declaring, key);
        }
        if (e.method != null && (e.modifiers & Modifier.PRIVATE) != 0) {
            return e.method;
        }
        VmClass rc = linker.classOf(receiver);
        VmMethod m = resolver.findVirtualOrNull(rc, key);
        if (m == null && rc.kind == VmClass.Kind.HOST) {
            m = bridge.hostVirtual(rc, e.declaring, e.name, e.desc);
        }
        if (m == null) {
            m = resolver.findVirtual(t, rc, key);
        }
        return m;
    }

    /**
     * A client-pinned native reached reflectively on an endpoint that refuses it cannot migrate from
     * inside {@code Method.invoke} (host frames are in the way): stop rather than run it here.
     */
    private void checkGate(GuestThread t, VmMethod target) {
        if (target.nativeImpl != null && hooks.nativeGate() != null && !hooks.nativeGate().mayRunHere(t, target)) {
            throw VmError.unsupported("reflective call of client-pinned native " + target.display()
                    + " where it may not run (it cannot migrate from inside Method.invoke)");
        }
    }
}
