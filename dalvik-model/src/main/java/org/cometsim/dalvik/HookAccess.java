package org.cometsim.dalvik;

import org.cometsim.dalvik.hooks.VmAccess;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.MethodCode;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;

/** One VM's parts as the hooks' migration code sees them ({@link VmAccess}): linker, monitors, scheduler. */
final class HookAccess implements VmAccess {
    private final Vm vm;

    HookAccess(Vm vm) {
        this.vm = vm;
    }

    @Override
    public VmClass classForDescriptor(String descriptor) {
        return vm.linker().classForDescriptor(descriptor);
    }

    @Override
    public MethodCode codeOf(GuestThread t, VmMethod m) {
        return vm.linker().codeOf(t, m);
    }

    @Override
    public Monitor monitorOf(Object obj) {
        return vm.monitors.of(obj);
    }

    @Override
    public Monitor existingMonitorOf(Object obj) {
        return vm.monitors.existing(obj);
    }

    @Override
    public GuestThread currentThread() {
        return vm.scheduler().current();
    }

    @Override
    public GuestThread newThread(String name, GuestObject threadObject) {
        return vm.scheduler().newThread(name, threadObject);
    }

    @Override
    public int safepointInterval() {
        return vm.interpreter().safepointInterval();
    }

    @Override
    public void unschedule(GuestThread t) {
        vm.scheduler().detach(t);
    }

    @Override
    public void scheduleRunnable(GuestThread t, long atNanos) {
        vm.scheduler().adopt(t, atNanos);
    }

    @Override
    public void scheduleWaiting(GuestThread t) {
        vm.scheduler().adoptWaiting(t);
    }

    @Override
    public void monitorReleased(Monitor m) {
        vm.scheduler().monitorReleased(m);
    }

    @Override
    public void initFinished(VmClass c) {
        vm.scheduler().initFinished(c);
    }
}
