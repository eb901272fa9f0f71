package org.cometsim.dalvik.model;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * How a model class gets its members: public natives, private instance fields appended to its
 * layout, the layout inherited from a model superclass, and reference stores into those fields
 * (reported to the write barrier, as every write path of a tracked object is).
 */
final class ModelMembers {
    private ModelMembers() {
    }

    /** Declares the public native {@code name desc} of {@code c}, implemented by {@code impl}. */
    static VmMethod nat(VmClass c, String name, String desc, boolean isStatic, NativeImpl impl) {
        VmMethod m = new VmMethod(c, name, desc, 0x0001 | 0x0100 | (isStatic ? 0x0008 : 0));
        m.nativeImpl = impl;
        c.methods.put(m.key(), m);
        return m;
    }

    /** Appends the private instance field {@code name} of descriptor {@code type} to {@code c}'s layout. */
    static VmField field(VmClass c, String name, String type) {
        VmField f = new VmField(c, name, type, 0x0002);
        f.slot = f.isRef ? c.instanceRefCount++ : c.instancePrimCount++;
        f.index = c.instanceFieldCount++;
        c.fields.put(name, f);
        return f;
    }

    /** Makes {@code sup} the superclass of {@code c}, whose own fields then come after {@code sup}'s. */
    static void inherit(VmClass c, VmClass sup) {
        c.superclass = sup;
        c.instancePrimCount = sup.instancePrimCount;
        c.instanceRefCount = sup.instanceRefCount;
        c.instanceFieldCount = sup.instanceFieldCount;
    }

    /** A model field's primitive store, reported to the write barrier first when {@code g} is tracked. */
    static void writePrim(OffloadHooks hooks, GuestObject g, VmField f, long v) {
        if (g.dsm != null) {
            hooks.barrier().fieldWrite(g, f);
        }
        g.p[f.slot] = v;
    }

    /** Stores reference {@code v} in field {@code f} of {@code g}, reported to the write barrier first. */
    static void writeRef(OffloadHooks hooks, GuestObject g, VmField f, Object v) {
        if (g.dsm != null) {
            hooks.barrier().fieldWrite(g, f);
        }
        g.r[f.slot] = v;
    }
}
