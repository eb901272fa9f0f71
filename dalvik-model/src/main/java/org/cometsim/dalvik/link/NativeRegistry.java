package org.cometsim.dalvik.link;

import org.cometsim.dalvik.rt.Placement;

import org.cometsim.dalvik.rt.NativeImpl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Host-implemented methods that take precedence over the generic host bridge: intercepts of
 * {@code java.*} methods whose semantics must come from the VM ({@code System.arraycopy} with
 * write barriers, {@code System.exit}, clocks, {@code Object.wait} on host objects ...) and
 * natives declared by guest classes. Every entry declares a {@link Placement} (COMET's
 * offloadable whitelist) and a cost class for the simulated clock.
 */
public final class NativeRegistry {
    /** One registered native. */
    public record Entry(String owner, String name, String desc, boolean isStatic, Placement placement,
                        HostCost costClass, ToLongFunction<Object[]> elements, NativeImpl impl) {
        public String key() {
            return name + desc;
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, VmMethod> made = new HashMap<>();
    private ClassLinker linker;

    /** The linker that owns the classes natives are bound to (set once, before any lookup). */
    void attach(ClassLinker linker) {
        this.linker = linker;
    }

    /**
     * Registers a native whose element count (for the per-element cost) is the longest string or
     * array argument ({@link HostCost#longestArgument}), or none for the {@code math} class.
     */
    public void register(String owner, String name, String desc, boolean isStatic, Placement placement,
                         String costClass, NativeImpl impl) {
        HostCost c = HostCost.of(costClass);
        register(owner, name, desc, isStatic, placement, c, c == HostCost.MATH ? null : HostCost::longestArgument, impl);
    }

    /** Registers a native with its own element count (e.g. the length argument of a copy). */
    public void register(String owner, String name, String desc, boolean isStatic, Placement placement,
                         HostCost costClass, ToLongFunction<Object[]> elements, NativeImpl impl) {
        Entry e = new Entry(owner, name, desc, isStatic, placement, costClass, elements, impl);
        if (entries.put(owner + "." + e.key(), e) != null) {
            throw new IllegalStateException("native registered twice: " + owner + "." + e.key());
        }
    }

    /** The registered method {@code owner.key}, or null. */
    public VmMethod lookup(String owner, String key) {
        String k = owner + "." + key;
        VmMethod m = made.get(k);
        if (m != null) {
            return m;
        }
        Entry e = entries.get(k);
        if (e == null) {
            return null;
        }
        VmClass oc = linker.classForDescriptor(Descriptors.toDescriptor(owner));
        m = new VmMethod(oc, e.name(), e.desc(), 0x0001 | 0x0100 | (e.isStatic() ? 0x0008 : 0));
        m.nativeImpl = e.impl();
        m.placement = e.placement();
        m.costClass = e.costClass();
        m.elements = e.elements();
        made.put(k, m);
        return m;
    }

    /** Binds a guest class's {@code native} method, or makes it fail with a precise error when called. */
    public void bindGuestNative(VmMethod m) {
        Entry e = entries.get(m.owner.name + "." + m.key());
        if (e != null) {
            m.nativeImpl = e.impl();
            m.placement = e.placement();
            m.costClass = e.costClass();
            m.elements = e.elements();
        } else {
            m.nativeImpl = (in, t, args) -> {
                throw VmError.unsupported("native method " + m.display() + " (no implementation is registered)");
            };
            m.placement = Placement.CLIENT_PINNED;
        }
    }

    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(entries.values());
        out.sort((a, b) -> (a.owner() + a.key()).compareTo(b.owner() + b.key()));
        return Collections.unmodifiableList(out);
    }
}
