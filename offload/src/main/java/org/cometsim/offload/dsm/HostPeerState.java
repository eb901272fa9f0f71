package org.cometsim.offload.dsm;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.offload.wire.Ids;
import org.cometsim.offload.wire.Message.HostStateShape;
import org.cometsim.offload.wire.Message.NewObject;
import org.cometsim.offload.wire.ProtocolException;
import org.cometsim.offload.wire.WireReader;
import org.cometsim.offload.wire.WireWriter;

/**
 * Guest objects of classes that extend a host library class ({@code CountingInputStream extends
 * FilterInputStream}) keep that class's fields in a host peer ({@code dalvik.host.HostPeers}),
 * outside the guest object's field slots (issue #13 item 3). The DSM ships such an object's peer
 * state beside it: the library fields (every instance field from the library class up to
 * {@code Object}, class by class, each class's fields by name, read through
 * {@code sun.misc.Unsafe} since {@code java.*} is not open to reflection) as a host state named
 * {@code peer:<library class>} under the guest object's own id. Primitives go by value, references
 * by DSM id (a guest object as itself, a host object by codec or value, or the push fails with the
 * reason: {@link Unshippable}), private primitive arrays (a {@code Writer}'s private buffer) by
 * value, a private bare {@code Object} (a monitor: {@code FilterOutputStream.closeLock}) as a new one. The receiver allocates the peer without a constructor ({@code HostPeers.rebuildPeer}) and
 * sets the fields, references resolved once every new object of the push exists.
 *
 * <p>Host methods run on the peer (the guest's {@code super.read()}, inherited library methods,
 * a host wrapper reading through it) and do not pass the write barrier as the peer, so every
 * tracked peer is re-encoded at every push and shipped only if its encoding differs from the one
 * both sides agree on: a handful of fields per stream, cheap next to the push itself.
 *
 * <p>A library class with a field that cannot be shipped this way (a non-private array: the guest
 * may share it) keeps pinning its thread, with the reason ({@link #refusal}).
 */
final class HostPeerState {
    /** The prefix of the host-state class name that marks a peer state on the wire. */
    static final String PREFIX = "peer:";

    /** One guest object with a library superclass. */
    private static final class Entry {
        /** The encoding both sides agree on; null: not shipped yet. */
        byte[] agreed;
        /** The encoding the current push carries, agreed once it is complete. */
        byte[] pending;
    }

    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> k) {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = k; c != null && c != Object.class; c = c.getSuperclass()) {
                Field[] fs = c.getDeclaredFields();
                Arrays.sort(fs, Comparator.comparing(Field::getName));
                for (Field f : fs) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        out.add(f);
                    }
                }
            }
            return out.toArray(new Field[0]);
        }
    };

    private final HostBridge bridge;
    private final IdentityHashMap<GuestObject, Entry> entries = new IdentityHashMap<>();
    /** The keys of {@link #entries} in tracking order: pushes walk them in a deterministic order. */
    private final List<GuestObject> order = new ArrayList<>();
    /** Peer states of the push being applied: guest object id, state. */
    private final List<Object[]> received = new ArrayList<>();

    HostPeerState(HostBridge bridge) {
        this.bridge = bridge;
    }

    /** Why {@code g} cannot ship (its host peer holds state that cannot travel), or null. */
    static String refusal(GuestObject g) {
        if (g.cls.hostBase == null || g.cls.hostBase.host == null) {
            return null;
        }
        Field[] fields = FIELDS.get(g.cls.hostBase.host);
        if (fields.length == 0) {
            return null;
        }
        List<String> bad = new ArrayList<>();
        for (Field f : fields) {
            Class<?> t = f.getType();
            if (!HostFields.AVAILABLE || (t.isArray() && !(t.getComponentType().isPrimitive()
                    && Modifier.isPrivate(f.getModifiers())))) {
                bad.add(f.getName());
            }
        }
        if (bad.isEmpty()) {
            return null;
        }
        return "a guest " + g.cls.name + " extending " + g.cls.hostBase.host.getName() + " (state in its host peer: "
                + String.join(", ", bad) + ")";
    }

    /** Starts following {@code g}'s peer state if its class extends a library class. */
    void track(GuestObject g) {
        if (g.cls.hostBase != null && g.cls.hostBase.host != null && !entries.containsKey(g)) {
            entries.put(g, new Entry());
            order.add(g);
        }
    }

    boolean tracks(GuestObject g) {
        return entries.containsKey(g);
    }

    /** The guest objects followed here (the push queues every one: see the class comment). */
    Iterable<GuestObject> tracked() {
        return new ArrayList<>(order);
    }

    /** Forgets objects that lost their tracking header (a trim). */
    void dropUntracked() {
        entries.keySet().removeIf(g -> g.dsm == null);
        order.removeIf(g -> g.dsm == null);
    }

    void clear() {
        entries.clear();
        order.clear();
        received.clear();
    }

    /**
     * During a push's queue walk: {@code g}'s peer state if it must ship (new to the peer, or
     * changed since the agreed one), else null. References are tracked through {@code ids}.
     *
     * @throws Unshippable naming the field if a reference cannot ship
     */
    NewObject encode(GuestObject g, int id, ToIntFunction<Object> ids) {
        Entry e = entries.get(g);
        Object peer = g.hostView;
        if (e == null || peer == null || !bridge.peers().isPeer(g, peer)) {
            return null; // its constructor has not reached the library's yet: nothing to ship
        }
        String refused = refusal(g);
        if (refused != null) {
            throw new Unshippable(refused); // tracked before its peer was built (on the server)
        }
        WireWriter w = new WireWriter(32);
        for (Field f : FIELDS.get(g.cls.hostBase.host)) {
            long off = HostFields.UNSAFE.objectFieldOffset(f);
            Class<?> t = f.getType();
            if (t.isPrimitive()) {
                writePrimitive(w, t, peer, off);
                continue;
            }
            Object v = HostFields.UNSAFE.getObject(peer, off);
            if (v == null) {
                w.u1(0);
            } else if (t.isArray()) {
                w.u1(2);
                writeArray(w, v, f);
            } else if (v.getClass() == Object.class && Modifier.isPrivate(f.getModifiers())) {
                // A private bare Object is only a monitor (FilterOutputStream.closeLock): no state,
                // never seen outside the library class, so a fresh one on the receiver is the same.
                w.u1(3);
            } else {
                int ref;
                try {
                    ref = ids.applyAsInt(v);
                } catch (Unshippable u) {
                    throw new Unshippable("a guest " + g.cls.name + " extending " + g.cls.hostBase.host.getName()
                            + " (its host peer's " + f.getName() + " holds " + u.what + ")");
                }
                w.u1(1);
                w.u4(ref);
            }
        }
        byte[] state = w.toByteArray();
        if (e.agreed != null && Arrays.equals(state, e.agreed)) {
            e.pending = null;
            return null;
        }
        e.pending = state;
        return new NewObject(id, new HostStateShape(PREFIX + g.cls.hostBase.host.getName(), state));
    }

    /** The push that walked {@code g} is complete: what it carried is agreed. */
    void committed(GuestObject g) {
        Entry e = entries.get(g);
        if (e != null && e.pending != null) {
            e.agreed = e.pending;
            e.pending = null;
        }
    }

    // ------------------------------------------------------------------ pull

    /** A peer state in a push being applied: kept until every new object of the push exists. */
    void receive(int id, HostStateShape shape) {
        received.add(new Object[] {id, shape});
    }

    /**
     * Gives each guest object of the push applied its peer (rebuilt if it has none), before the
     * push's host states are filled (a {@code DataInputStream} over a guest stream names its peer).
     */
    void rebuildPeers(IntFunction<Object> objects) {
        for (Object[] r : received) {
            int id = (Integer) r[0];
            HostStateShape shape = (HostStateShape) r[1];
            if (!(objects.apply(id) instanceof GuestObject g) || g.cls.hostBase == null || g.cls.hostBase.host == null
                    || !shape.className().equals(PREFIX + g.cls.hostBase.host.getName())) {
                throw new ProtocolException("object " + Ids.format(id) + " sent a " + shape.className()
                        + " peer state, which it cannot have here");
            }
            if (!bridge.peers().isPeer(g, g.hostView)) {
                bridge.peers().rebuildPeer(g, HostFields::allocate);
            }
            track(g);
        }
    }

    /** Sets the library fields of the peers {@link #rebuildPeers} saw (remote states win), references resolved through {@code objects}. */
    void finishReceive(IntFunction<Object> objects) {
        for (Object[] r : received) {
            GuestObject g = (GuestObject) objects.apply((Integer) r[0]);
            HostStateShape shape = (HostStateShape) r[1];
            WireReader in = new WireReader(shape.state());
            Object peer = g.hostView;
            for (Field f : FIELDS.get(g.cls.hostBase.host)) {
                long off = HostFields.UNSAFE.objectFieldOffset(f);
                Class<?> t = f.getType();
                if (t.isPrimitive()) {
                    readPrimitive(in, t, peer, off);
                    continue;
                }
                int tag = in.u1();
                Object v;
                if (tag == 0) {
                    v = null;
                } else if (tag == 2 && t.isArray()) {
                    v = readArray(in, t);
                } else if (tag == 3 && t.isAssignableFrom(Object.class) && Modifier.isPrivate(f.getModifiers())) {
                    v = new Object();
                } else if (tag == 1 && !t.isArray()) {
                    v = bridge.toHost(objects.apply(in.u4()), t);
                    if (v != null && !t.isInstance(v)) {
                        throw new ProtocolException("peer field " + f + " sent a " + v.getClass().getName());
                    }
                } else {
                    throw new ProtocolException("peer field " + f + ": bad tag " + tag);
                }
                HostFields.UNSAFE.putObject(peer, off, v);
            }
            in.done();
            entries.get(g).agreed = shape.state();
        }
        received.clear();
    }

    // ------------------------------------------------------------------ values

    private static void writePrimitive(WireWriter w, Class<?> t, Object o, long off) {
        sun.misc.Unsafe u = HostFields.UNSAFE;
        if (t == int.class) {
            w.u4(u.getInt(o, off));
        } else if (t == long.class) {
            w.u8(u.getLong(o, off));
        } else if (t == boolean.class) {
            w.bool(u.getBoolean(o, off));
        } else if (t == byte.class) {
            w.u1(u.getByte(o, off));
        } else if (t == short.class) {
            w.u2(u.getShort(o, off));
        } else if (t == char.class) {
            w.u2(u.getChar(o, off));
        } else if (t == float.class) {
            w.u4(Float.floatToRawIntBits(u.getFloat(o, off)));
        } else {
            w.u8(Double.doubleToRawLongBits(u.getDouble(o, off)));
        }
    }

    private static void readPrimitive(WireReader r, Class<?> t, Object o, long off) {
        sun.misc.Unsafe u = HostFields.UNSAFE;
        if (t == int.class) {
            u.putInt(o, off, r.u4());
        } else if (t == long.class) {
            u.putLong(o, off, r.u8());
        } else if (t == boolean.class) {
            u.putBoolean(o, off, r.bool());
        } else if (t == byte.class) {
            u.putByte(o, off, (byte) r.u1());
        } else if (t == short.class) {
            u.putShort(o, off, (short) r.u2());
        } else if (t == char.class) {
            u.putChar(o, off, (char) r.u2());
        } else if (t == float.class) {
            u.putFloat(o, off, Float.intBitsToFloat(r.u4()));
        } else {
            u.putDouble(o, off, Double.longBitsToDouble(r.u8()));
        }
    }

    /** A private primitive array (refusal lets no other array through), by value. */
    private static void writeArray(WireWriter w, Object v, Field f) {
        if (v instanceof byte[] b) {
            w.bytes(b);
        } else if (v instanceof char[] a) {
            w.u4(a.length);
            for (char x : a) {
                w.u2(x);
            }
        } else if (v instanceof int[] a) {
            w.u4(a.length);
            for (int x : a) {
                w.u4(x);
            }
        } else if (v instanceof long[] a) {
            w.u4(a.length);
            for (long x : a) {
                w.u8(x);
            }
        } else {
            throw new Unshippable("a " + v.getClass().getName() + " in host peer field " + f);
        }
    }

    private static Object readArray(WireReader r, Class<?> t) {
        if (t == byte[].class) {
            return r.bytes();
        }
        if (t == char[].class) {
            char[] a = new char[r.count(2)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (char) r.u2();
            }
            return a;
        }
        if (t == int[].class) {
            int[] a = new int[r.count(4)];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.u4();
            }
            return a;
        }
        if (t == long[].class) {
            long[] a = new long[r.count(8)];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.u8();
            }
            return a;
        }
        throw new ProtocolException("no peer-state decoding for a " + t.getName());
    }
}
