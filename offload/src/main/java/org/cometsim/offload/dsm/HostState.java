package org.cometsim.offload.dsm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import org.cometsim.offload.wire.Ids;
import org.cometsim.offload.wire.Message.HostStateShape;
import org.cometsim.offload.wire.Message.NewObject;
import org.cometsim.offload.wire.ProtocolException;
import org.cometsim.offload.wire.WireReader;
import org.cometsim.offload.wire.WireWriter;

/**
 * The host objects one endpoint's DSM ships by codec ({@link HostCodecs}; issue #13 item 3): their
 * ids, the state last shipped or received, and whether a host method that may have changed them
 * ran since (the host bridge reports each host object it passes to a host method:
 * {@code WriteBarrier.hostObjectMayChange}). Kept apart from {@link Dsm}, which calls in at a few
 * points: tracking ({@link #track}), the barrier ({@link #mayChange}), the push's queue walk
 * ({@link #encode}, {@link #committed}) and the pull ({@link #receive}, {@link #finishReceive}).
 *
 * <p>A mutable object is re-encoded at the next push after such a call and shipped only if its
 * encoding differs from the last one either side saw (most host calls only read: {@code size()},
 * {@code get()}), so a re-ship costs bytes only when the state really changed.
 */
final class HostState {
    /** One tracked host object. */
    private static final class Entry {
        final int id;
        final HostCodec codec;
        /** The state both sides agree on (last shipped or received); null: not shipped yet. */
        byte[] agreed;
        /** The state the current push carries, agreed once the push is complete. */
        byte[] pending;
        /** In the DSM's write queue (a host method may have changed it since the last push). */
        boolean queued;

        Entry(int id, HostCodec codec) {
            this.id = id;
            this.codec = codec;
        }
    }

    private final IdentityHashMap<Object, Entry> entries = new IdentityHashMap<>();
    /** Mutable host states of the push being applied, filled after every new object exists. */
    private final List<Object[]> toFill = new ArrayList<>();
    /** Immutable host objects of the push being applied, made after its other new objects: id, shape. */
    private final List<Object[]> toCreate = new ArrayList<>();

    /** Whether {@code obj} is a host object tracked here. */
    boolean tracks(Object obj) {
        return entries.containsKey(obj);
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
        toFill.clear();
        toCreate.clear();
    }

    /**
     * Starts tracking {@code obj} under {@code id}. An immutable object's state is encoded now,
     * and its {@link NewObject} returned (the caller lists it in the pending push: after the
     * objects its state names, which are tracked while it is encoded). A mutable one returns null:
     * the caller queues it and {@link #encode} ships it with the push.
     */
    NewObject track(Object obj, int id, HostCodec codec, ToIntFunction<Object> ids) {
        Entry e = new Entry(id, codec);
        entries.put(obj, e);
        if (codec.mutable()) {
            e.queued = true;
            return null;
        }
        byte[] state = encodeState(obj, codec, ids);
        e.agreed = state;
        return new NewObject(id, new HostStateShape(codec.type().getName(), state));
    }

    /**
     * A host method that may change {@code obj} is about to run: true if the caller must queue
     * it (a tracked mutable object, not queued yet).
     */
    boolean mayChange(Object obj) {
        Entry e = entries.get(obj);
        if (e == null || !e.codec.mutable() || e.queued) {
            return false;
        }
        e.queued = true;
        return true;
    }

    /**
     * During a push's queue walk: {@code obj}'s state if it must be shipped (new to the peer, or
     * changed since the state both sides agree on), else null. References it holds are tracked
     * through {@code ids} (so they join the walk).
     */
    NewObject encode(Object obj, ToIntFunction<Object> ids) {
        Entry e = entries.get(obj);
        byte[] state = encodeState(obj, e.codec, ids);
        if (e.agreed != null && Arrays.equals(state, e.agreed)) {
            e.pending = null;
            return null;
        }
        e.pending = state;
        return new NewObject(e.id, new HostStateShape(e.codec.type().getName(), state));
    }

    /** The push that walked {@code obj} is complete: what it carried is agreed, and it leaves the queue. */
    void committed(Object obj) {
        Entry e = entries.get(obj);
        if (e.pending != null) {
            e.agreed = e.pending;
            e.pending = null;
        }
        e.queued = false;
    }

    private static byte[] encodeState(Object obj, HostCodec codec, ToIntFunction<Object> ids) {
        WireWriter w = new WireWriter(64);
        codec.write(obj, new HostCodec.Out(w, ids));
        return w.toByteArray();
    }

    // ------------------------------------------------------------------ pull

    /**
     * A host state in a push being applied. For an id not known here ({@code known} null) a mutable
     * object is made now from the state's header and returned (the caller registers it under the
     * id), its state filled by {@link #finishReceive} once every new object of the push exists; an
     * immutable one is made by {@link #finishReceive} (null is returned), after the push's other
     * new objects, in list order (its state names guest objects, mutable host objects, or immutable
     * ones listed before it: the sender lists a value after what it holds). For a known object (a
     * re-ship), its state is replaced by {@link #finishReceive}, and {@code known} is returned.
     */
    Object receive(int id, HostStateShape shape, Object known, IntFunction<Object> objects) {
        HostCodec codec = HostCodecs.named(shape.className());
        HostCodec.In in = new HostCodec.In(new WireReader(shape.state()), objects);
        if (known != null) {
            Entry e = entries.get(known);
            if (e == null || e.codec != codec || !codec.mutable()) {
                throw new ProtocolException("object " + Ids.format(id) + " re-shipped as a " + shape.className()
                        + ", which it is not here (or is immutable)");
            }
            codec.skipHeader(known, in);
            toFill.add(new Object[] {known, in, shape.state()});
            return known;
        }
        if (!codec.mutable()) {
            toCreate.add(new Object[] {id, codec, in, shape.state()});
            return null;
        }
        Object obj = codec.create(in);
        entries.put(obj, new Entry(id, codec));
        toFill.add(new Object[] {obj, in, shape.state()});
        return obj;
    }

    /**
     * Makes the immutable host objects of the push applied (registering each under its id with
     * {@code register} before the next is made), then fills the mutable states: remote states win
     * (a local change is overwritten).
     */
    void finishReceive(java.util.function.BiConsumer<Integer, Object> register) {
        for (Object[] c : toCreate) {
            int id = (Integer) c[0];
            HostCodec codec = (HostCodec) c[1];
            HostCodec.In in = (HostCodec.In) c[2];
            Object obj = codec.create(in);
            in.r.done();
            Entry e = new Entry(id, codec);
            e.agreed = (byte[]) c[3];
            entries.put(obj, e);
            register.accept(id, obj);
        }
        toCreate.clear();
        for (Object[] f : toFill) {
            Object obj = f[0];
            HostCodec.In in = (HostCodec.In) f[1];
            Entry e = entries.get(obj);
            e.codec.fill(obj, in);
            in.r.done();
            e.agreed = (byte[]) f[2];
        }
        toFill.clear();
    }
}
