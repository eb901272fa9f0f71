package org.cometsim.dalvik.link;

import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * The {@code java.*} classes the VM does not load from dex, as the linker and resolver need them:
 * <em>model</em> classes the VM implements itself ({@code Object}, {@code Class}, the
 * {@code Throwable} family, {@code Thread} ...) and <em>host</em> classes bridged to the JVM. The
 * class library (package {@code bridge}) implements it; the linker only asks.
 */
public interface ClassLibrary {
    /** A new model class {@code name}, not yet completed; null if {@code name} is not a model class. */
    VmClass defineModel(String name, String descriptor);

    /** Fills a registered model class (its superclass and fields may be linked now). */
    void completeModel(VmClass c);

    /** A model class mirroring the host exception class {@code host} (same name and superclass chain). */
    VmClass mirrorThrowable(String name, String descriptor, Class<?> host);

    /** Can a guest class extend host class {@code host} (through a generated host peer)? */
    boolean canExtend(Class<?> host);

    /** The public static method of a host class; an unsupported-API {@code VmError} if there is none. */
    VmMethod hostStatic(VmClass owner, String name, String desc);

    /** A static method of a model class's host counterpart, or null. */
    VmMethod hostStaticOrNull(VmClass modelClass, String name, String desc);

    /** A public constructor of a host class; an unsupported-API {@code VmError} if there is none. */
    VmMethod hostConstructor(VmClass owner, String desc);

    /** The instance method {@code name desc} called on a host receiver class through {@code owner}. */
    VmMethod hostVirtual(VmClass receiver, VmClass owner, String name, String desc);

    /** The instance method {@code name desc} of a host class, or null. */
    VmMethod hostVirtualOrNull(VmClass receiver, String name, String desc);

    /** A default method of a host interface, or null. */
    VmMethod hostInterfaceDefault(VmClass iface, String name, String desc);

    /** {@code super.m()} from a guest class into its library superclass {@code hostBase}: the library's own method, or null. */
    VmMethod superMethod(VmClass hostBase, String name, String desc);

    /** A direct (private or constructor) method of a model class the model does not declare, or null. */
    VmMethod modelDirectMethod(VmClass owner, String name, String desc);

    /** An accessor a host exception's twin answers for a mirrored exception class, or null. */
    VmMethod throwableAccessor(VmClass receiver, String key);

    /** {@code clone()} on any array. */
    VmMethod arrayClone();
}
