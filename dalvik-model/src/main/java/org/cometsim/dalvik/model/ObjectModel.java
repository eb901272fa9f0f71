package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.nat;

import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.sched.Monitors;

/**
 * {@code java.lang.Object}: identity hashes from the VM's deterministic sequence, the guest's
 * monitors for {@code wait}/{@code notify}, shallow {@code clone} of {@code Cloneable} guest
 * objects, and {@code clone()} of every array.
 */
final class ObjectModel {
    private final ClassLinker linker;
    private final Heap heap;
    private final Monitors monitors;
    private final GuestExceptions exceptions;
    private VmMethod arrayClone;

    ObjectModel(ClassLinker linker, Heap heap, Monitors monitors, GuestExceptions exceptions) {
        this.linker = linker;
        this.heap = heap;
        this.monitors = monitors;
        this.exceptions = exceptions;
    }

    void complete(VmClass c) {
        // Empty in Dalvik too: its invoke is counted as an instruction, not charged as a host call.
        nat(c, "<init>", "()V", false, (in, t, a) -> null).costClass = HostCost.NONE;
        nat(c, "getClass", "()Ljava/lang/Class;", false, (in, t, a) -> linker.classOf(a[0]));
        nat(c, "hashCode", "()I", false, (in, t, a) -> heap.identityHash(a[0]));
        nat(c, "equals", "(Ljava/lang/Object;)Z", false, (in, t, a) -> a[0] == a[1]);
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> linker.classOf(a[0]).name + "@"
                + Integer.toHexString((Integer) in.callVirtual(t, a[0], "hashCode", "()I")));
        nat(c, "clone", "()Ljava/lang/Object;", false, (in, t, a) -> cloneObject(t, a[0]));
        nat(c, "finalize", "()V", false, (in, t, a) -> null);
        nat(c, "notify", "()V", false, (in, t, a) -> { monitors.notify(t, a[0], false); return null; });
        nat(c, "notifyAll", "()V", false, (in, t, a) -> { monitors.notify(t, a[0], true); return null; });
        nat(c, "wait", "()V", false, (in, t, a) -> monitors.waitOn(t, a[0], 0));
        nat(c, "wait", "(J)V", false, (in, t, a) -> monitors.waitOn(t, a[0], (Long) a[1]));
        nat(c, "wait", "(JI)V", false, (in, t, a) -> monitors.waitOn(t, a[0], (Long) a[1] + ((Integer) a[2] > 0 ? 1 : 0)));
    }

    private Object cloneObject(GuestThread t, Object o) {
        if (o instanceof GuestArray) {
            return cloneArray((GuestArray) o);
        }
        if (o instanceof GuestObject) {
            GuestObject g = (GuestObject) o;
            if (!g.cls.isSubtypeOf(linker.classForDescriptor("Ljava/lang/Cloneable;"))) {
                throw exceptions.create(t, "java.lang.CloneNotSupportedException", g.cls.name);
            }
            GuestObject copy = new GuestObject(g.cls);
            System.arraycopy(g.p, 0, copy.p, 0, g.p.length);
            System.arraycopy(g.r, 0, copy.r, 0, g.r.length);
            copy.vmData = g.vmData;
            return copy;
        }
        throw VmError.unsupported("clone() of host object " + o.getClass().getName());
    }

    /** A copy of {@code a} of the same guest type (arrays are always cloneable). */
    static GuestArray cloneArray(GuestArray a) {
        Object d;
        Object src = a.data;
        if (src instanceof int[]) {
            d = ((int[]) src).clone();
        } else if (src instanceof long[]) {
            d = ((long[]) src).clone();
        } else if (src instanceof double[]) {
            d = ((double[]) src).clone();
        } else if (src instanceof float[]) {
            d = ((float[]) src).clone();
        } else if (src instanceof byte[]) {
            d = ((byte[]) src).clone();
        } else if (src instanceof char[]) {
            d = ((char[]) src).clone();
        } else if (src instanceof short[]) {
            d = ((short[]) src).clone();
        } else if (src instanceof boolean[]) {
            d = ((boolean[]) src).clone();
        } else {
            d = ((Object[]) src).clone();
        }
        return new GuestArray(a.type, d, a.length);
    }

    /** {@code clone()} on any array. */
    VmMethod arrayClone() {
        if (arrayClone == null) {
            arrayClone = new VmMethod(linker.objectClass(), "clone", "()Ljava/lang/Object;", 0x0001 | 0x0100);
            arrayClone.nativeImpl = (in, t, a) -> cloneArray((GuestArray) a[0]);
        }
        return arrayClone;
    }
}
