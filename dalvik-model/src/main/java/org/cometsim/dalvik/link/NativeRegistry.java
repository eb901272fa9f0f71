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
    private Table table;
    private ReceiverTable receivers;

    /**
     * Natives found in a table on first lookup rather than registered one by one: a constant
     * table of many methods (the implicit-default readers, {@code host.ImplicitDefaults}) would
     * otherwise cost every new VM a registration per method.
     */
    @FunctionalInterface
    public interface Table {
        /** The entry for {@code owner + "." + name + desc}, or null. */
        Entry find(String ownerAndKey);
    }

    /**
     * Methods the VM supplies for a host receiver class by what the class is rather than by its
     * name (identity {@code hashCode}/{@code toString} of classes that keep {@code Object}'s, the
     * instance methods that read a JVM default implicitly): consulted after the receiver class's
     * registered natives, before the host bridge.
     */
    @FunctionalInterface
    public interface ReceiverTable {
        /** The method for {@code key} ({@code name + desc}) on host receiver class {@code receiver}, or null. */
        VmMethod find(VmClass receiver, String key);
    }

    /** Consults {@code t} for what is not registered. */
    public void lookUpAlsoIn(Table t) {
        this.table = t;
    }

    /** Consults {@code t} in {@link #lookupForReceiver}. */
    public void supplyReceiversFrom(ReceiverTable t) {
        this.receivers = t;
    }

    /** The method {@link ReceiverTable} supplies for {@code key} on host class {@code receiver}, or null. */
    public VmMethod lookupForReceiver(VmClass receiver, String key) {
        return receivers == null ? null : receivers.find(receiver, key);
    }

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
        if (e == null && table != null) {
            e = table.find(k);
        }
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
