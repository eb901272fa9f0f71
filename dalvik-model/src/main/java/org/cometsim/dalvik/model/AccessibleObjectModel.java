package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.nat;

import java.lang.reflect.Modifier;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.reflect.GuestReflection;
import org.cometsim.dalvik.reflect.GuestReflection.Exec;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;

/**
 * {@code java.lang.reflect.AccessibleObject}, the superclass of the {@code Field}, {@code Method}
 * and {@code Constructor} mirrors: the JDK's {@code override} flag ({@code setAccessible}) as a
 * real, DSM-trackable field, {@code canAccess} with the JDK's checks against the calling guest
 * class, and the member's own annotations (members inherit none).
 */
final class AccessibleObjectModel {
    private final ClassLinker linker;
    private final GuestExceptions exceptions;
    private final OffloadHooks hooks;
    private final GuestReflection reflection;
    private VmField override;

    AccessibleObjectModel(ClassLinker linker, GuestExceptions exceptions, OffloadHooks hooks, GuestReflection reflection) {
        this.linker = linker;
        this.exceptions = exceptions;
        this.hooks = hooks;
        this.reflection = reflection;
    }

    void complete(VmClass c) {
        c.superclass = linker.classForDescriptor("Ljava/lang/Object;");
        c.interfaces = new VmClass[] {linker.classForDescriptor("Ljava/lang/reflect/AnnotatedElement;")};
        override = new VmField(c, "override", "Z", 0x0000);
        override.slot = c.instancePrimCount++;
        override.index = c.instanceFieldCount++;
        c.fields.put(override.name, override);
        nat(c, "setAccessible", "(Z)V", false, (in, t, a) -> {
            if ((Boolean) a[1]) {
                reflection.checkCanSetAccessible((GuestObject) a[0]);
            }
            setOverride((GuestObject) a[0], (Boolean) a[1]);
            return null;
        });
        nat(c, "setAccessible", "([Ljava/lang/reflect/AccessibleObject;Z)V", true, (in, t, a) -> {
            if (a[0] == null) {
                throw exceptions.npe(t, null);
            }
            Object[] all = ((Object[]) ((GuestArray) a[0]).data).clone();
            for (Object o : all) {
                if (o == null) {
                    throw exceptions.npe(t, null);
                }
                if ((Boolean) a[1]) {
                    reflection.checkCanSetAccessible((GuestObject) o);
                }
            }
            for (Object o : all) {
                setOverride((GuestObject) o, (Boolean) a[1]);
            }
            return null;
        });
        nat(c, "trySetAccessible", "()Z", false, (in, t, a) -> {
            if (!reflection.canSetAccessible((GuestObject) a[0])) {
                return false;
            }
            setOverride((GuestObject) a[0], true);
            return true;
        });
        nat(c, "isAccessible", "()Z", false, (in, t, a) -> isOverridden((GuestObject) a[0]));
        nat(c, "canAccess", "(Ljava/lang/Object;)Z", false, (in, t, a) -> canAccess(t, (GuestObject) a[0], a[1]));
        NativeImpl one = (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            return reflection.declaredAnnotation(t, a[0], (VmClass) a[1]); // members inherit no annotations
        };
        nat(c, "getAnnotation", "(Ljava/lang/Class;)Ljava/lang/annotation/Annotation;", false, one);
        nat(c, "getDeclaredAnnotation", "(Ljava/lang/Class;)Ljava/lang/annotation/Annotation;", false, one);
        nat(c, "isAnnotationPresent", "(Ljava/lang/Class;)Z", false, (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            return reflection.declaredAnnotationTypes(a[0]).contains(((VmClass) a[1]).descriptor);
        });
        NativeImpl all = (in, t, a) -> reflection.annotationArray(reflection.declaredAnnotations(t, a[0], true));
        nat(c, "getAnnotations", "()[Ljava/lang/annotation/Annotation;", false, all);
        nat(c, "getDeclaredAnnotations", "()[Ljava/lang/annotation/Annotation;", false, all);
    }

    /** Has {@code setAccessible(true)} been called on this mirror (the JDK's {@code override})? */
    boolean isOverridden(GuestObject mirror) {
        return mirror.p[override.slot] != 0;
    }

    void setOverride(GuestObject mirror, boolean on) {
        if (mirror.dsm != null) {
            hooks.barrier().fieldWrite(mirror, override);
        }
        mirror.p[override.slot] = on ? 1 : 0;
    }

    /** {@code AccessibleObject.canAccess(obj)}: the receiver checks, then the access check unless overridden. */
    private boolean canAccess(GuestThread t, GuestObject ao, Object obj) {
        Object d = ao.vmData;
        VmClass declaring = d instanceof VmField ? ((VmField) d).owner : ((Exec) d).declaring;
        int mods = d instanceof VmField ? ((VmField) d).access & GuestReflection.FIELD_MODIFIERS : ((Exec) d).modifiers;
        boolean ctor = d instanceof Exec && ((Exec) d).isConstructor();
        if ((mods & Modifier.STATIC) == 0 && !ctor) {
            if (obj == null) {
                throw iae(t, "null object for " + reflection.describe(t, ao));
            }
            if (!linker.classOf(obj).isSubtypeOf(declaring)) {
                throw iae(t, "object is not an instance of " + declaring.name);
            }
        } else if (obj != null) {
            throw iae(t, "non-null object for " + reflection.describe(t, ao));
        }
        if (isOverridden(ao)) {
            return true;
        }
        VmClass target = ctor ? declaring : (mods & Modifier.STATIC) != 0 ? null : linker.classOf(obj);
        return reflection.callerMayAccess(t, declaring, target, mods);
    }

    private RuntimeException iae(GuestThread t, String msg) {
        return exceptions.create(t, "java.lang.IllegalArgumentException", msg);
    }
}
