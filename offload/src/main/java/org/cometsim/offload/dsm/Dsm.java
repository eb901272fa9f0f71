package org.cometsim.offload.dsm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.hooks.ClassInitImage;
import org.cometsim.dalvik.hooks.ObjectIds;
import org.cometsim.dalvik.hooks.ThreadImage;
import org.cometsim.dalvik.hooks.WriteBarrier;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.offload.wire.Ids;
import org.cometsim.offload.wire.Message.ArrayShape;
import org.cometsim.offload.wire.Message.BoxShape;
import org.cometsim.offload.wire.Message.ClassDef;
import org.cometsim.offload.wire.Message.ClassStatus;
import org.cometsim.offload.wire.Message.Ended;
import org.cometsim.offload.wire.Message.EnumShape;
import org.cometsim.offload.wire.Message.Grant;
import org.cometsim.offload.wire.Message.GuestShape;
import org.cometsim.offload.wire.Message.IdentityHash;
import org.cometsim.offload.wire.Message.Move;
import org.cometsim.offload.wire.Message.NewObject;
import org.cometsim.offload.wire.Message.Shape;
import org.cometsim.offload.wire.Message.StringShape;
import org.cometsim.offload.wire.Message.Sync;
import org.cometsim.offload.wire.Message.Update;
import org.cometsim.offload.wire.Message.ValueShape;
import org.cometsim.offload.wire.Message.WellKnownShape;
import org.cometsim.offload.wire.ProtocolException;
import org.cometsim.offload.wire.WireReader;
import org.cometsim.offload.wire.WireWriter;

/**
 * One endpoint's distributed shared memory (comet-reference §2-§4): the objects both endpoints
 * share, their ids, their dirty slots, and the push and pull of the VM-synchronisation primitive.
 *
 * <h2>Tracking</h2>
 * An object becomes tracked when a push first names it (a dirty field, an array element, a frame
 * register of a moving thread ...): it gets an id in this endpoint's space, all its slots dirty,
 * and joins the write queue; a push walks the queue by index while it grows, so one push ships
 * the closure of everything newly reachable. From then on the {@link WriteBarrier} (this class)
 * marks each written slot dirty before its store and queues the object once. Classes become
 * tracked when they are initialised (at the next push): their initialisation state and all their
 * statics go out once, later static writes as they happen.
 *
 * <h2>Values</h2>
 * Primitives travel as wide as their type; references as u4 ids ({@link Ids}): guest objects and
 * arrays by tracking id, classes by class id (per direction, defined on first use), immutable host
 * values ({@code String}, boxes, {@code BigInteger}, {@code BigDecimal}, JDK enum constants, stack
 * traces) by value once and by id after (so {@code ==} holds on both sides), the guest's standard
 * streams by name (each endpoint has its own). Anything else mutable that lives in the host heap
 * cannot be shipped ({@link Unshippable}).
 *
 * <h2>Pull</h2>
 * Pushes apply in revision order; a received value overwrites the local one and clears its dirty
 * bit (the remote write wins: a conflicting local write would be a data race under the JMM).
 */
public final class Dsm implements WriteBarrier {
    private final Vm vm;
    private final Heap heap;
    private final int space;
    private final boolean phone;
    private final Map<String, Object> wellKnown;
    private final IdentityHashMap<Object, String> wellKnownNames = new IdentityHashMap<>();

    private int nextIndex;
    /** Every id this endpoint knows (its own and the peer's) → the local object. */
    private final HashMap<Integer, Object> byId = new HashMap<>();
    /** Ids of immutable host values and well-known objects (the peer knows them, or will with the pending push). */
    private final IdentityHashMap<Object, Integer> hostIds = new IdentityHashMap<>();

    // Class ids are per direction: ours for the classes we name, the peer's for those it names.
    private final IdentityHashMap<VmClass, Integer> outClassIds = new IdentityHashMap<>();
    private final HashMap<Integer, VmClass> inClasses = new HashMap<>();
    /** Class ids this side defined (its numbering; {@link #outClassIds} also holds ids the peer defined). */
    private int classesDefined;

    private final ArrayList<Object> queue = new ArrayList<>();
    private final List<NewObject> pendingNew = new ArrayList<>();
    private final List<ClassDef> pendingClassDefs = new ArrayList<>();
    private final IdentityHashMap<VmClass, VmField[]> layouts = new IdentityHashMap<>();

    /** Host library objects shipped by codec (issue #13 item 3). */
    private final HostState hostState = new HostState();
    /** Library-superclass state of guest objects, kept in their host peers (issue #13 item 3). */
    private final HostPeerState peerState;

    private java.util.function.ToIntFunction<GuestThread> threadIds = t -> t.id;
    private int sendRevision;
    private int recvRevision;
    /** Raw payload bytes of the last push (its values and references), for sync-efficiency figures. */
    private long lastPayloadBytes;

    /**
     * @param space this endpoint's id space ({@link Ids#PHONE_SPACE} or {@link Ids#SERVER_SPACE})
     * @param wellKnown objects each endpoint has its own of, by name (the guest's {@code System.out} ...)
     */
    public Dsm(Vm vm, int space, Map<String, Object> wellKnown) {
        this.vm = vm;
        this.heap = vm.heap();
        this.space = space;
        this.phone = space == Ids.PHONE_SPACE;
        this.wellKnown = Map.copyOf(wellKnown);
        this.peerState = new HostPeerState(vm.bridge());
        wellKnown.forEach((name, obj) -> wellKnownNames.putIfAbsent(obj, name)); // one object, two names: the first
    }

    /** How threads are named on the wire (the endpoint's canonical thread ids). */
    public void setThreadIds(java.util.function.ToIntFunction<GuestThread> ids) {
        this.threadIds = ids;
    }

    public boolean isPhone() {
        return phone;
    }

    /** Number of objects and values this endpoint has ids for. */
    public int trackedCount() {
        return byId.size();
    }

    /**
     * Forgets every id after the connection failed (comet-reference §9, {@code cleanupOffloadState}):
     * objects and classes lose their headers, so they are untracked (locally lockable, no dirty
     * bits, no barrier work) until a later connection ships them again. This Dsm is unusable after.
     */
    public void untrackAll() {
        for (Object o : byId.values()) {
            dropHeader(o);
        }
        for (VmClass c : vm.linker().linkedClasses()) {
            c.dsm = null;
        }
        byId.clear();
        hostIds.clear();
        hostState.clear();
        peerState.clear();
        queue.clear();
        pendingNew.clear();
        pendingClassDefs.clear();
        pendingHashes.clear();
        outClassIds.clear();
        inClasses.clear();
        classesDefined = 0;
    }

    /** An object's or array's tracking header goes: it is untracked (locally lockable, no dirty bits, no barrier work). */
    private static void dropHeader(Object o) {
        if (o instanceof GuestObject g) {
            g.dsm = null;
        } else if (o instanceof GuestArray a) {
            a.dsm = null;
        }
    }

    /**
     * Untracks the ids {@code drop} accepts (the end of a {@link Trim}): each object loses its
     * header, as in {@link #untrackAll}, and leaves the write queue (its unshipped writes go
     * nowhere: neither side can reach it); a host value loses that id (and keeps another it still
     * has). Classes are never untracked. Ids are never reused ({@code nextIndex} only grows), so a
     * dropped object that becomes shared again gets a new id and travels whole. Returns how many ids went.
     */
    int untrack(java.util.function.IntPredicate drop) {
        List<Integer> gone = new ArrayList<>();
        for (Integer id : byId.keySet()) {
            if (drop.test(id) && !wellKnownNames.containsKey(byId.get(id))) {
                gone.add(id);
            }
        }
        if (gone.isEmpty()) {
            return 0;
        }
        java.util.Set<Integer> goneIds = new java.util.HashSet<>(gone);
        IdentityHashMap<Object, Boolean> lostHostId = new IdentityHashMap<>();
        for (int id : gone) {
            Object o = byId.remove(id);
            dropHeader(o);
            Integer hid = hostIds.get(o);
            if (hid != null && hid == id) {
                hostIds.remove(o);
                lostHostId.put(o, Boolean.TRUE);
            }
        }
        if (!lostHostId.isEmpty()) {
            // A host value the peer also named has two ids: it keeps the one still tracked, if any.
            for (Map.Entry<Integer, Object> e : byId.entrySet()) {
                if (lostHostId.containsKey(e.getValue())) {
                    hostIds.merge(e.getValue(), e.getKey(), (a, b) -> Integer.compareUnsigned(a, b) <= 0 ? a : b);
                }
            }
        }
        queue.removeIf(o -> (o instanceof GuestObject g && g.dsm == null) || (o instanceof GuestArray a && a.dsm == null));
        pendingNew.removeIf(n -> goneIds.contains(n.id()));
        pendingHashes.removeIf(o -> (o instanceof GuestObject g && g.dsm == null) || (o instanceof GuestArray a && a.dsm == null));
        peerState.dropUntracked();
        return gone.size();
    }

    /** The tracked object or host value of object id {@code id}, or null if none. */
    Object trackedOrNull(int id) {
        return Ids.isObject(id) ? byId.get(id) : null;
    }

    /** Every object id and its object (guest objects, arrays, host values). */
    void forEachTracked(java.util.function.BiConsumer<Integer, Object> f) {
        byId.forEach(f);
    }

    /** The objects each endpoint has its own of (never untracked). */
    java.util.Collection<Object> wellKnownObjects() {
        return wellKnown.values();
    }

    /** A trim of the tracked set starting on this side ({@link Trim}). */
    public Trim startTrim() {
        return new Trim(this, vm);
    }

    /** Raw bytes of the values and references the last push carried (the dirty payload, before framing). */
    public long lastPayloadBytes() {
        return lastPayloadBytes;
    }

    /**
     * The payload bytes a push would carry now for what is already tracked: every dirty slot in
     * the write queue at its encoded width (4 for references, the primitive's width otherwise).
     * Objects not tracked yet (a first migration's closure, new objects a dirty slot names) are
     * not counted, so a lower bound of the next push's payload. Walks the queue, not the heap:
     * for policies ({@code Decision.pendingSyncBytes}), not for every instruction.
     */
    public long pendingPayloadEstimate() {
        long bytes = 0;
        for (Object o : queue) {
            if (o instanceof VmClass c) {
                BitSet dirty = ((TrackedClass) c.dsm).dirty;
                for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
                    VmField f = c.staticFields[i];
                    bytes += f.isRef ? 4 : primWidth(f.kind);
                }
            } else if (o instanceof GuestObject g) {
                BitSet dirty = ((Tracked) g.dsm).dirty;
                VmField[] fields = layout(g.cls);
                for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
                    VmField f = fields[i];
                    bytes += f.isRef ? 4 : primWidth(f.kind);
                }
            } else if (o instanceof GuestArray a) {
                Object d = a.data;
                int width = d instanceof byte[] || d instanceof boolean[] ? 1 : d instanceof char[] || d instanceof short[] ? 2
                        : d instanceof long[] || d instanceof double[] ? 8 : 4;
                bytes += (long) width * ((Tracked) a.dsm).dirty.cardinality();
            }
            // A host object queued by HostState (re-shipped whole by its codec) is not counted:
            // its size is known only once the push encodes it, and the estimate is a lower bound.
        }
        return bytes;
    }

    private static int primWidth(char kind) {
        switch (kind) {
            case 'Z':
            case 'B':
                return 1;
            case 'C':
            case 'S':
                return 2;
            case 'J':
            case 'D':
                return 8;
            default:
                return 4;
        }
    }

    // ------------------------------------------------------------------ write barrier

    /** Objects and classes given an identity hash since the last push (shipped as {@link IdentityHash}). */
    private final List<Object> pendingHashes = new ArrayList<>();

    @Override
    public void identityHashAssigned(Object obj) {
        pendingHashes.add(obj);
    }

    @Override
    public void fieldWrite(GuestObject obj, VmField field) {
        Tracked h = (Tracked) obj.dsm;
        h.dirty.set(field.index);
        if (!h.queued) {
            h.queued = true;
            queue.add(obj);
        }
    }

    @Override
    public void staticWrite(VmClass cls, VmField field) {
        TrackedClass h = (TrackedClass) cls.dsm;
        h.dirty.set(field.index);
        if (!h.queued) {
            h.queued = true;
            queue.add(cls);
        }
    }

    @Override
    public void arrayWrite(GuestArray array, int from, int count) {
        Tracked h = (Tracked) array.dsm;
        if (count == 1) {
            h.dirty.set(from); // one element (every aput): the range form's mask arithmetic is for copies
        } else {
            h.dirty.set(from, from + count);
        }
        if (!h.queued) {
            h.queued = true;
            queue.add(array);
        }
    }

    @Override
    public void arrayWrittenWhole(GuestArray array) {
        arrayWrite(array, 0, array.length);
    }

    @Override
    public void hostObjectMayChange(Object hostObject) {
        if (hostState.mayChange(hostObject)) {
            queue.add(hostObject); // re-encoded at the next push, shipped whole if it changed
        }
        HostCodec codec = HostCodecs.of(hostObject);
        Object backing = codec == null ? null : codec.backingArray(hostObject);
        if (backing != null && vm.bridge().toGuest(backing) instanceof GuestArray ga && ga.dsm != null) {
            arrayWrittenWhole(ga); // a list writing through to a guest array (Arrays.asList)
        }
        Object inner = codec == null ? null : codec.wrapped(hostObject);
        if (inner != null && inner != hostObject) {
            hostObjectMayChange(inner); // a stream read through a wrapper (DataInputStream's)
        }
    }

    // ------------------------------------------------------------------ ids

    /** The mapping thread capture and rebuild use: capture tracks what it names, rebuild finds it here. */
    public ObjectIds ids() {
        return ids;
    }

    private final ObjectIds ids = new ObjectIds() {
        @Override
        public long idOf(Object ref) {
            return Dsm.this.idOf(ref);
        }

        @Override
        public Object objectOf(long id) {
            return resolve((int) id);
        }
    };

    /**
     * An id of tracked {@code o} that the peer resolves outside a push (in an ownership request):
     * an object's id; for a class (ids are per direction), the id the peer gave it if it named it
     * to us, else ours, which went out with the push that tracked the class here.
     */
    public int idKnownToPeer(Object o) {
        if (o instanceof VmClass c) {
            for (Map.Entry<Integer, VmClass> e : inClasses.entrySet()) {
                if (e.getValue() == c) {
                    return e.getKey();
                }
            }
            return ((TrackedClass) c.dsm).objectId;
        }
        return Ownership.id(o);
    }

    private int newId() {
        if (nextIndex > Ids.MAX_INDEX) {
            throw new IllegalStateException("object id space exhausted");
        }
        return Ids.objectId(space, nextIndex++);
    }

    /** The id of reference {@code ref}, tracking it (and queueing it whole) if it is new. */
    int idOf(Object ref) {
        if (ref == null) {
            return Ids.NULL;
        }
        if (ref instanceof GuestObject g) {
            Tracked h = (Tracked) g.dsm;
            if (h == null) {
                if (g.vmData != null && !isThreadObject(g)) {
                    throw new Unshippable("a " + g.cls.name + " (holds VM-internal data)");
                }
                // No peer yet (its constructor has not reached the library's): nothing to refuse;
                // HostPeerState.encode refuses at each push once it has one.
                String peerRefusal = g.hostView == null ? null : HostPeerState.refusal(g);
                if (peerRefusal != null) {
                    throw new Unshippable(peerRefusal);
                }
                h = new Tracked(newId(), true);
                g.dsm = h;
                byId.put(h.objectId, g);
                peerState.track(g);
                h.dirty.set(0, g.cls.instanceFieldCount);
                h.queued = true;
                queue.add(g);
            }
            return h.objectId;
        }
        if (ref instanceof GuestArray a) {
            Tracked h = (Tracked) a.dsm;
            if (h == null) {
                h = new Tracked(newId(), true);
                a.dsm = h;
                byId.put(h.objectId, a);
                h.dirty.set(0, a.length);
                h.queued = true;
                queue.add(a);
            }
            return h.objectId;
        }
        if (ref instanceof VmClass c) {
            return classId(c);
        }
        Integer id = hostIds.get(ref);
        if (id != null) {
            return id;
        }
        HostCodec codec = HostCodecs.of(ref);
        if (codec != null) {
            return trackHostState(ref, codec);
        }
        Shape shape = hostShape(ref);
        int nid = newId();
        hostIds.put(ref, nid);
        byId.put(nid, ref);
        pendingNew.add(new NewObject(nid, shape));
        return nid;
    }

    /** Tracks a host library object that has a codec: shipped by value (immutable) or whole (mutable). */
    private int trackHostState(Object ref, HostCodec codec) {
        int nid = newId();
        hostIds.put(ref, nid);
        byId.put(nid, ref);
        NewObject value = hostState.track(ref, nid, codec, this::hostStateRefId);
        if (value != null) {
            pendingNew.add(value);
        } else {
            queue.add(ref);
        }
        return nid;
    }

    /** The id of a reference a host object holds (a guest object inside is its host view). */
    private int hostStateRefId(Object hostValue) {
        return idOf(vm.bridge().toGuest(hostValue));
    }

    private void registerHostState(int id, Object obj) {
        byId.put(id, obj);
        hostIds.put(obj, id);
    }

    /** The host value a host object holds for id {@code id} (a guest object as its host view). */
    private Object hostStateRef(int id) {
        return vm.bridge().toHost(resolve(id), Object.class);
    }

    private static boolean isThreadObject(GuestObject g) {
        for (VmClass c = g.cls; c != null; c = c.superclass) {
            if (c.name.equals("java.lang.Thread")) {
                return true;
            }
        }
        return false;
    }

    /** The outgoing class id of {@code c}, defining it in the pending push the first time. */
    private int classId(VmClass c) {
        Integer id = outClassIds.get(c);
        if (id == null) {
            // The two directions number classes apart (the server's from 2^29), so an id names one class.
            id = Ids.classId(classesDefined++ | (phone ? 0 : 1 << 29));
            outClassIds.put(c, id);
            pendingClassDefs.add(new ClassDef(id, c.descriptor));
        }
        return id;
    }

    /** An immutable host value's shape, or {@link Unshippable}. */
    private Shape hostShape(Object v) {
        String wk = wellKnownNames.get(v);
        if (wk != null) {
            return new WellKnownShape(wk);
        }
        if (v instanceof String s) {
            return new StringShape(s);
        }
        if (v instanceof Integer i) {
            return new BoxShape('I', i);
        }
        if (v instanceof Long l) {
            return new BoxShape('J', l);
        }
        if (v instanceof Boolean b) {
            return new BoxShape('Z', b ? 1 : 0);
        }
        if (v instanceof Character ch) {
            return new BoxShape('C', ch);
        }
        if (v instanceof Short sh) {
            return new BoxShape('S', sh);
        }
        if (v instanceof Byte by) {
            return new BoxShape('B', by);
        }
        if (v instanceof Float fl) {
            return new BoxShape('F', Float.floatToRawIntBits(fl));
        }
        if (v instanceof Double d) {
            return new BoxShape('D', Double.doubleToRawLongBits(d));
        }
        if (v instanceof BigInteger bi) {
            return new ValueShape("java.math.BigInteger", bi.toString(16));
        }
        if (v instanceof BigDecimal bd) {
            return new ValueShape("java.math.BigDecimal", bd.toString());
        }
        if (v instanceof StackTraceElement[] trace) {
            return new ValueShape("[Ljava.lang.StackTraceElement;", StackTraces.encode(trace));
        }
        if (v instanceof Heap.UninitializedHostObject u) {
            return new ValueShape("<uninitialized>", u.cls.descriptor);
        }
        if (v instanceof Enum<?> e && v.getClass().getName().startsWith("java.")) {
            return new EnumShape(classId(vm.linker().hostClassOf(e.getDeclaringClass())), e.name());
        }
        throw new Unshippable(v.getClass().getName() + " (host object)");
    }

    /** The local object for id {@code id} (null for {@link Ids#NULL}). */
    Object resolve(int id) {
        if (id == Ids.NULL) {
            return null;
        }
        if (Ids.isClass(id)) {
            VmClass c = inClasses.get(id);
            if (c == null) {
                // One of ours coming back (a class id we defined).
                for (Map.Entry<VmClass, Integer> e : outClassIds.entrySet()) {
                    if (e.getValue() == id) {
                        return e.getKey();
                    }
                }
                throw new ProtocolException("unknown class id " + Ids.format(id));
            }
            return c;
        }
        Object o = byId.get(id);
        if (o == null) {
            throw new ProtocolException("unknown object id " + Ids.format(id));
        }
        return o;
    }

    // ------------------------------------------------------------------ push

    /**
     * Builds a push of everything dirty (the closure of newly tracked objects included), with an
     * optional moving thread (already captured through {@link #ids()}), an ended thread,
     * ownership grants and the stacks of the threads staying here (captured through {@link #ids()}
     * too: the objects they name ship in this push). Dirty bits are cleared and the queue emptied.
     *
     * @param notifiesApplied the Notify messages of the peer applied here so far (see {@link Sync})
     * @throws Unshippable if the state to ship holds something the DSM cannot ship; nothing was
     *     cleared then, and the objects tracked meanwhile stay tracked
     */
    public Sync push(Move moved, Ended ended, List<Grant> grants, List<ThreadImage> stacks, int notifiesApplied) {
        List<ClassStatus> statuses = new ArrayList<>();
        trackInitialisedClasses(statuses);
        List<NewObject> news = new ArrayList<>();
        List<Update> updates = new ArrayList<>();
        long payload = 0;
        if (sendRevision == 0) {
            // Classes exist on both sides untracked: hashes given before this connection go first.
            for (VmClass c : vm.linker().linkedClasses()) {
                if (c.hash != 0) {
                    pendingHashes.add(c);
                }
            }
        }
        List<IdentityHash> hashes = new ArrayList<>();
        for (Object o : pendingHashes) {
            if (o instanceof VmClass c) {
                hashes.add(new IdentityHash(classId(c), c.hash));
                continue;
            }
            Tracked h = o instanceof GuestObject g ? (Tracked) g.dsm : (Tracked) ((GuestArray) o).dsm;
            int hash = o instanceof GuestObject g ? g.hash : ((GuestArray) o).hash;
            if (h != null && h.knownToPeer && h.shippedHash != hash) {
                hashes.add(new IdentityHash(h.objectId, hash)); // a new object's shape carries its own
                h.shippedHash = hash;
            }
        }
        pendingHashes.clear();
        // Host peers change behind the barrier: every one is re-encoded (HostPeerState).
        for (GuestObject g : peerState.tracked()) {
            Tracked h = (Tracked) g.dsm;
            if (h != null && !h.queued) {
                h.queued = true;
                queue.add(g);
            }
        }
        // Walk the queue while it grows: references to untracked objects track and queue them.
        for (int i = 0; i < queue.size(); i++) {
            Object o = queue.get(i);
            if (hostState.tracks(o)) {
                NewObject whole = hostState.encode(o, this::hostStateRefId);
                if (whole != null) {
                    payload += ((org.cometsim.offload.wire.Message.HostStateShape) whole.shape()).state().length;
                    news.add(whole);
                }
                continue;
            }
            if (o instanceof VmClass c) {
                TrackedClass h = (TrackedClass) c.dsm;
                if (!h.dirty.isEmpty()) {
                    Update u = encodeStatics(c, h.dirty);
                    payload += u.values().length;
                    updates.add(u);
                }
                continue;
            }
            Tracked h = o instanceof GuestObject g ? (Tracked) g.dsm : (Tracked) ((GuestArray) o).dsm;
            int hash = o instanceof GuestObject g ? g.hash : ((GuestArray) o).hash;
            if (!h.knownToPeer) {
                int cid = classId(o instanceof GuestObject g ? g.cls : ((GuestArray) o).type);
                news.add(new NewObject(h.objectId, o instanceof GuestArray a
                        ? new ArrayShape(cid, a.length, hash) : new GuestShape(cid, hash)));
                h.shippedHash = hash;
            }
            if (o instanceof GuestObject g && peerState.tracks(g)) {
                NewObject peer = peerState.encode(g, h.objectId, this::hostStateRefId);
                if (peer != null) {
                    payload += ((org.cometsim.offload.wire.Message.HostStateShape) peer.shape()).state().length;
                    news.add(peer);
                }
            }
            if (!h.dirty.isEmpty()) {
                Update u = o instanceof GuestObject g ? encodeFields(g, h.dirty) : encodeElements((GuestArray) o, h.dirty);
                payload += u.values().length;
                updates.add(u);
            }
        }
        // Host values named on the way come before the objects (any order works: all are created first).
        List<NewObject> allNew = new ArrayList<>(pendingNew);
        allNew.addAll(news);
        // Everything encoded: now (and only now) clear.
        for (Object o : queue) {
            if (hostState.tracks(o)) {
                hostState.committed(o);
            } else if (o instanceof VmClass c) {
                TrackedClass h = (TrackedClass) c.dsm;
                h.dirty.clear();
                h.queued = false;
            } else {
                Tracked h = o instanceof GuestObject g ? (Tracked) g.dsm : (Tracked) ((GuestArray) o).dsm;
                h.dirty.clear();
                h.queued = false;
                h.knownToPeer = true;
                if (o instanceof GuestObject g) {
                    peerState.committed(g);
                }
            }
        }
        queue.clear();
        pendingNew.clear();
        List<ClassDef> defs = new ArrayList<>(pendingClassDefs);
        pendingClassDefs.clear();
        lastPayloadBytes = payload;
        return new Sync(sendRevision++, defs, statuses, allNew, updates, moved, ended, grants, heap.identityHashCount(),
                hashes, stacks, notifiesApplied);
    }

    /**
     * Classes whose initialisation started, ended or failed since the last push become tracked, all
     * their statics dirty (COMET: statics start all-dirty on the client), and their state goes out
     * with each change (a class being initialised with its thread's id).
     */
    private void trackInitialisedClasses(List<ClassStatus> statuses) {
        for (VmClass c : vm.linker().linkedClasses()) {
            if (c.kind != VmClass.Kind.GUEST) {
                continue;
            }
            int state = c.initState;
            if (state == VmClass.INIT_NONE) {
                continue;
            }
            TrackedClass h = (TrackedClass) c.dsm;
            if (h == null) {
                h = new TrackedClass(classId(c), phone);
                c.dsm = h;
                h.dirty.set(0, c.staticFields.length);
                if (!h.dirty.isEmpty()) {
                    h.queued = true;
                    queue.add(c);
                }
            }
            if (h.shippedInitState != state) {
                h.shippedInitState = state;
                // A class being initialised names its thread: the initialisation may go on where the thread goes.
                int initThread = state == VmClass.INIT_RUNNING && c.initThread != null ? threadIds.applyAsInt(c.initThread) : 0;
                statuses.add(new ClassStatus(classId(c), state, initThread));
                if (state == VmClass.INIT_ERROR && c.initError != null) {
                    idOf(c.initError); // the error object travels (NoClassDefFoundError's cause)
                }
            }
        }
    }

    /** The set bits of {@code dirty}, ascending (what {@code dirty.stream().toArray()} gives, without the stream's per-bit overhead). */
    static int[] setBits(BitSet dirty) {
        int[] slots = new int[dirty.cardinality()];
        int n = 0;
        for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
            slots[n++] = i;
        }
        return slots;
    }

    private Update encodeFields(GuestObject g, BitSet dirty) {
        VmField[] fields = layout(g.cls);
        int[] slots = setBits(dirty);
        WireWriter w = new WireWriter(slots.length * 8);
        for (int idx : slots) {
            VmField f = fields[idx];
            if (f.isRef) {
                w.u4(idOf(g.r[f.slot]));
            } else {
                writePrim(w, f.kind, g.p[f.slot]);
            }
        }
        return new Update(((Tracked) g.dsm).objectId, slots, w.toByteArray());
    }

    private Update encodeStatics(VmClass c, BitSet dirty) {
        int[] slots = setBits(dirty);
        WireWriter w = new WireWriter(slots.length * 8);
        for (int idx : slots) {
            VmField f = c.staticFields[idx];
            if (f.isRef) {
                w.u4(idOf(c.staticR[f.slot]));
            } else {
                writePrim(w, f.kind, c.staticP[f.slot]);
            }
        }
        return new Update(((TrackedClass) c.dsm).objectId, slots, w.toByteArray());
    }

    private Update encodeElements(GuestArray a, BitSet dirty) {
        int[] slots = setBits(dirty);
        Object d = a.data;
        WireWriter w = new WireWriter(slots.length * 4 + 16);
        if (d instanceof int[] x) {
            for (int i : slots) {
                w.u4(x[i]);
            }
        } else if (d instanceof byte[] x) {
            for (int i : slots) {
                w.u1(x[i]);
            }
        } else if (d instanceof char[] x) {
            for (int i : slots) {
                w.u2(x[i]);
            }
        } else if (d instanceof double[] x) {
            for (int i : slots) {
                w.u8(Double.doubleToRawLongBits(x[i]));
            }
        } else if (d instanceof long[] x) {
            for (int i : slots) {
                w.u8(x[i]);
            }
        } else if (d instanceof float[] x) {
            for (int i : slots) {
                w.u4(Float.floatToRawIntBits(x[i]));
            }
        } else if (d instanceof short[] x) {
            for (int i : slots) {
                w.u2(x[i]);
            }
        } else if (d instanceof boolean[] x) {
            for (int i : slots) {
                w.bool(x[i]);
            }
        } else {
            Object[] x = (Object[]) d;
            for (int i : slots) {
                w.u4(idOf(x[i]));
            }
        }
        return new Update(((Tracked) a.dsm).objectId, slots, w.toByteArray());
    }

    private static void writePrim(WireWriter w, char kind, long v) {
        switch (kind) {
            case 'Z', 'B' -> w.u1((int) v);
            case 'C', 'S' -> w.u2((int) v);
            case 'J', 'D' -> w.u8(v);
            default -> w.u4((int) v);
        }
    }

    private static long readPrim(WireReader r, char kind) {
        return switch (kind) {
            case 'Z' -> r.u1() & 1;
            case 'B' -> (byte) r.u1();
            case 'C' -> (char) r.u2();
            case 'S' -> (short) r.u2();
            case 'J', 'D' -> r.u8();
            default -> r.u4();
        };
    }

    /** Instance fields of {@code c} by index (superclasses' first), cached. */
    private VmField[] layout(VmClass c) {
        VmField[] l = layouts.get(c);
        if (l == null) {
            l = new VmField[c.instanceFieldCount];
            for (VmClass k = c; k != null; k = k.superclass) {
                for (VmField f : k.fields.values()) {
                    if (!f.isStatic && f.index < l.length) {
                        l[f.index] = f;
                    }
                }
            }
            layouts.put(c, l);
        }
        return l;
    }

    // ------------------------------------------------------------------ pull

    /**
     * Applies a push of the peer's (between slices: no guest thread runs meanwhile). The push's
     * moving thread, ended thread and grants are the caller's to handle (references resolve
     * through {@link #ids()}). {@code applier} is only used to allocate arrays (may be null).
     *
     * @throws ProtocolException if the push is out of order or names what does not exist here
     */
    public void apply(Sync s, GuestThread applier) {
        if (s.revision() != recvRevision) {
            throw new ProtocolException("push revision " + s.revision() + " where " + recvRevision + " was due");
        }
        recvRevision++;
        for (ClassDef d : s.classes()) {
            VmClass c = vm.linker().classForDescriptor(d.descriptor());
            if (c == null) {
                throw new ProtocolException("the peer names class " + d.descriptor() + ", which does not exist here");
            }
            inClasses.put(d.classId(), c);
            // Either side may use the other's class ids (PROTOCOL.md §2): a class the peer named
            // first goes back under its id, without a ClassDef of ours (a return push would
            // otherwise define again every class the outgoing one did).
            outClassIds.putIfAbsent(c, d.classId());
        }
        for (NewObject n : s.newObjects()) {
            if (n.shape() instanceof org.cometsim.offload.wire.Message.HostStateShape hs
                    && hs.className().startsWith(HostPeerState.PREFIX)) {
                peerState.receive(n.id(), hs);
                continue;
            }
            if (n.shape() instanceof org.cometsim.offload.wire.Message.HostStateShape hs) {
                Object known = byId.get(n.id());
                Object o = hostState.receive(n.id(), hs, known, this::hostStateRef);
                if (known == null && o != null) {
                    registerHostState(n.id(), o);
                }
                continue;
            }
            if (byId.containsKey(n.id())) {
                throw new ProtocolException("object " + Ids.format(n.id()) + " created twice");
            }
            Object o = materialize(n.shape(), applier);
            byId.put(n.id(), o);
            if (o instanceof GuestObject g) {
                Tracked h = new Tracked(n.id(), false);
                h.knownToPeer = true;
                h.shippedHash = g.hash;
                g.dsm = h;
                peerState.track(g); // its peer, once built here, ships with it (or refuses)
            } else if (o instanceof GuestArray a) {
                Tracked h = new Tracked(n.id(), false);
                h.knownToPeer = true;
                h.shippedHash = a.hash;
                a.dsm = h;
            } else if (!hostIds.containsKey(o)) {
                hostIds.put(o, n.id());
            }
        }
        peerState.rebuildPeers(this::resolve); // before host states name the peers
        hostState.finishReceive(this::registerHostState);
        peerState.finishReceive(this::resolve);
        for (Update u : s.updates()) {
            applyUpdate(u);
        }
        for (IdentityHash ih : s.hashes()) {
            Object o = resolve(ih.id());
            if (o instanceof GuestObject g) {
                g.hash = ih.hash();
                ((Tracked) g.dsm).shippedHash = ih.hash();
            } else if (o instanceof GuestArray a) {
                a.hash = ih.hash();
                ((Tracked) a.dsm).shippedHash = ih.hash();
            } else if (o instanceof VmClass c) {
                c.hash = ih.hash();
            } else {
                throw new ProtocolException("identity hash for " + Ids.format(ih.id()) + ", which has none");
            }
        }
        heap.advanceIdentityHashes(s.nextIdentityHash());
    }

    /**
     * Applies a push's class initialisation states, after its moving thread was adopted (a class
     * being initialised names that thread; {@code threads} maps wire thread ids to threads here).
     */
    public void applyStatuses(Sync s, java.util.function.IntFunction<GuestThread> threads) {
        for (ClassStatus st : s.statuses()) {
            VmClass c = (VmClass) resolve(st.classId());
            TrackedClass h = (TrackedClass) c.dsm;
            if (h == null) {
                h = new TrackedClass(classId(c), phone);
                c.dsm = h;
            }
            h.shippedInitState = st.state();
            if (c.initState == st.state()) {
                continue;
            }
            if (c.initState == VmClass.INIT_RUNNING && c.initThread != null && st.state() == VmClass.INIT_RUNNING) {
                continue; // both sides started: a race the JVM would serialise; the local one goes on
            }
            ClassInitImage.State state = ClassInitImage.State.of(st.state());
            vm.rebuildClassInit(new ClassInitImage(ids.idOf(c), state, st.initThread(), ObjectIds.NULL), ids,
                    threads);
        }
    }

    private Object materialize(Shape shape, GuestThread applier) {
        if (shape instanceof GuestShape g) {
            VmClass c = (VmClass) resolve(g.classId());
            GuestObject o = new GuestObject(c);
            o.hash = g.identityHash();
            return o;
        }
        if (shape instanceof ArrayShape a) {
            VmClass c = (VmClass) resolve(a.classId());
            GuestArray arr = heap.newArray(applier, c, a.length());
            arr.hash = a.identityHash();
            return arr;
        }
        if (shape instanceof StringShape s) {
            return s.value();
        }
        if (shape instanceof BoxShape b) {
            return box(b);
        }
        if (shape instanceof ValueShape v) {
            return value(v);
        }
        if (shape instanceof EnumShape e) {
            VmClass c = (VmClass) resolve(e.classId());
            return hostEnum(c.host, e.name());
        }
        WellKnownShape k = (WellKnownShape) shape;
        Object o = wellKnown.get(k.name());
        if (o == null) {
            throw new ProtocolException("no well-known object '" + k.name() + "' here");
        }
        return o;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object hostEnum(Class<?> host, String name) {
        return Enum.valueOf((Class) host, name);
    }

    @SuppressWarnings("removal")
    private static Object box(BoxShape b) {
        long v = b.bits();
        // Inside the valueOf caches the JDK's own cached box; outside, a distinct object (as on the sender).
        return switch (b.kind()) {
            case 'Z' -> v != 0;
            case 'B' -> (byte) v;
            case 'C' -> v < 128 ? Character.valueOf((char) v) : new Character((char) v);
            case 'S' -> v >= -128 && v <= 127 ? Short.valueOf((short) v) : new Short((short) v);
            case 'I' -> v >= -128 && v <= 127 ? Integer.valueOf((int) v) : new Integer((int) v);
            case 'J' -> v >= -128 && v <= 127 ? Long.valueOf(v) : new Long(v);
            case 'F' -> new Float(Float.intBitsToFloat((int) v));
            default -> new Double(Double.longBitsToDouble(v));
        };
    }

    private Object value(ValueShape v) {
        return switch (v.className()) {
            case "java.math.BigInteger" -> new BigInteger(v.text(), 16);
            case "java.math.BigDecimal" -> new BigDecimal(v.text());
            case "[Ljava.lang.StackTraceElement;" -> StackTraces.decode(v.text());
            case "<uninitialized>" -> {
                VmClass c = vm.linker().classForDescriptor(v.text());
                if (c == null) {
                    throw new ProtocolException("no class " + v.text() + " here");
                }
                yield new Heap.UninitializedHostObject(c);
            }
            default -> throw new ProtocolException("unknown value class " + v.className());
        };
    }

    private void applyUpdate(Update u) {
        Object o = resolve(u.id());
        WireReader r = new WireReader(u.values());
        int[] slots = u.slots();
        if (o instanceof VmClass c) {
            TrackedClass h = (TrackedClass) c.dsm;
            if (h == null) {
                h = new TrackedClass(classId(c), phone);
                h.shippedInitState = c.initState;
                c.dsm = h;
            }
            for (int idx : slots) {
                if (idx >= c.staticFields.length) {
                    throw new ProtocolException("static slot " + idx + " of " + c.name);
                }
                VmField f = c.staticFields[idx];
                if (f.isRef) {
                    c.staticR[f.slot] = resolve(r.u4());
                } else {
                    c.staticP[f.slot] = readPrim(r, f.kind);
                }
                h.dirty.clear(idx);
            }
        } else if (o instanceof GuestObject g) {
            VmField[] fields = layout(g.cls);
            Tracked h = (Tracked) g.dsm;
            for (int idx : slots) {
                if (idx >= fields.length) {
                    throw new ProtocolException("field slot " + idx + " of " + g.cls.name);
                }
                VmField f = fields[idx];
                if (f.isRef) {
                    g.r[f.slot] = resolve(r.u4());
                } else {
                    g.p[f.slot] = readPrim(r, f.kind);
                }
                h.dirty.clear(idx);
            }
        } else if (o instanceof GuestArray a) {
            applyElements(a, slots, r);
        } else {
            throw new ProtocolException("update of immutable " + Ids.format(u.id()));
        }
        r.done();
    }

    private void applyElements(GuestArray a, int[] slots, WireReader r) {
        Tracked h = (Tracked) a.dsm;
        BitSet keep = (BitSet) h.dirty.clone();
        Object d = a.data;
        for (int i : slots) {
            if (i >= a.length) {
                throw new ProtocolException("element " + i + " of an array of " + a.length);
            }
            keep.clear(i);
            if (d instanceof int[] x) {
                x[i] = r.u4();
            } else if (d instanceof byte[] x) {
                x[i] = (byte) r.u1();
            } else if (d instanceof char[] x) {
                x[i] = (char) r.u2();
            } else if (d instanceof double[] x) {
                x[i] = Double.longBitsToDouble(r.u8());
            } else if (d instanceof long[] x) {
                x[i] = r.u8();
            } else if (d instanceof float[] x) {
                x[i] = Float.intBitsToFloat(r.u4());
            } else if (d instanceof short[] x) {
                x[i] = (short) r.u2();
            } else if (d instanceof boolean[] x) {
                x[i] = r.bool();
            } else {
                ((Object[]) d)[i] = resolve(r.u4());
            }
        }
        h.dirty.clear();
        h.dirty.or(keep); // local writes to other elements stay dirty
    }
}
