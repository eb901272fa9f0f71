package org.cometsim.dalvik.model;

import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.host.HostPeers;
import org.cometsim.dalvik.link.ClassLibrary;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * The class library as the linker and resolver see it ({@link ClassLibrary}): model classes from
 * {@link ModelClasses}, host classes and their methods from {@link HostBridge}, library
 * superclasses of guest classes from {@link HostPeers}. It stands with the model classes, the top
 * of the class library, because it is where the two halves meet.
 */
public final class LibraryClasses implements ClassLibrary {
    private final ModelClasses models;
    private final HostBridge bridge;

    public LibraryClasses(ModelClasses models, HostBridge bridge) {
        this.models = models;
        this.bridge = bridge;
    }

    @Override
    public VmClass defineModel(String name, String descriptor) {
        return models.define(name, descriptor);
    }

    @Override
    public void completeModel(VmClass c) {
        models.complete(c);
    }

    @Override
    public VmClass mirrorThrowable(String name, String descriptor, Class<?> host) {
        return models.mirrorThrowable(name, descriptor, host);
    }

    @Override
    public boolean canExtend(Class<?> host) {
        return HostPeers.canExtend(host);
    }

    @Override
    public VmMethod hostStatic(VmClass owner, String name, String desc) {
        return bridge.hostStatic(owner, name, desc);
    }

    @Override
    public VmMethod hostStaticOrNull(VmClass modelClass, String name, String desc) {
        return bridge.hostStaticOrNull(modelClass, name, desc);
    }

    @Override
    public VmMethod hostConstructor(VmClass owner, String desc) {
        return bridge.hostConstructor(owner, desc);
    }

    @Override
    public VmMethod hostVirtual(VmClass receiver, VmClass owner, String name, String desc) {
        return bridge.hostVirtual(receiver, owner, name, desc);
    }

    @Override
    public VmMethod hostVirtualOrNull(VmClass receiver, String name, String desc) {
        return bridge.hostVirtualOrNull(receiver, name, desc);
    }

    @Override
    public VmMethod hostInterfaceDefault(VmClass iface, String name, String desc) {
        return bridge.hostInterfaceDefault(iface, name, desc);
    }

    @Override
    public VmMethod superMethod(VmClass hostBase, String name, String desc) {
        return bridge.peers().superMethod(hostBase, name, desc);
    }

    @Override
    public VmMethod modelDirectMethod(VmClass owner, String name, String desc) {
        return models.directMethod(owner, name, desc);
    }

    @Override
    public VmMethod throwableAccessor(VmClass receiver, String key) {
        return models.throwableAccessor(receiver, key);
    }

    @Override
    public VmMethod arrayClone() {
        return models.arrayClone();
    }
}
