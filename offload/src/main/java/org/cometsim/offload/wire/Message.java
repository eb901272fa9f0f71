package org.cometsim.offload.wire;

import java.util.List;
import java.util.Objects;

import org.cometsim.dalvik.hooks.ThreadImage;
import org.cometsim.dalvik.rt.VmClass;

/**
 * Every message two endpoints exchange, as typed records (no integer tags with untyped payloads);
 * {@link WireCodec} is the one encoder and decoder, and {@code offload/PROTOCOL.md} describes each
 * message byte by byte. Object references inside messages are object ids (u4; see {@link Ids}).
 *
 * <p>The records refuse values the wire cannot carry or that no valid message has (an
 * {@link IllegalArgumentException} when built; a {@link ProtocolException} when decoded), so
 * whatever is built can be encoded and whatever is decoded is valid. Arrays in records are not
 * copied: do not change them after building a message.
 */
public sealed interface Message {

    /** The wire tag of this message (the first byte of its encoding). */
    int tag();

    // ------------------------------------------------------------------ connection set-up

    /**
     * Phone to server, first: the protocol version and the app's code as the server will need it,
     * one entry per dex file (name, SHA-1, size). The server asks for the ones it has not cached
     * ({@link DexRequest}); COMET's {@code DEX_QUERYDEX}, by hash.
     */
    record Hello(int version, List<DexInfo> dexFiles) implements Message {
        public Hello {
            if (version < 0 || version > 0xFFFF) {
                throw new IllegalArgumentException("protocol version " + version + " is not a u2");
            }
            dexFiles = List.copyOf(dexFiles);
        }

        @Override
        public int tag() {
            return 1;
        }
    }

    /** A dex file of the app: its name on the phone, SHA-1 (20 bytes) and size. */
    record DexInfo(String name, byte[] sha1, int size) {
        public DexInfo {
            Objects.requireNonNull(name, "name");
            checkSha1(sha1);
            if (size < 0) {
                throw new IllegalArgumentException("dex file size " + size);
            }
        }
    }

    /** The length of a SHA-1. */
    int SHA1_BYTES = 20;

    private static void checkSha1(byte[] sha1) {
        if (sha1.length != SHA1_BYTES) {
            throw new IllegalArgumentException("a SHA-1 has 20 bytes, not " + sha1.length);
        }
    }

    /** Server to phone: the dex files (by SHA-1) it does not have. */
    record DexRequest(List<byte[]> sha1s) implements Message {
        public DexRequest {
            sha1s = List.copyOf(sha1s);
            sha1s.forEach(Message::checkSha1);
        }

        @Override
        public int tag() {
            return 2;
        }
    }

    /** Phone to server: the requested dex files, whole. */
    record DexData(List<DexFile> files) implements Message {
        public DexData {
            files = List.copyOf(files);
        }

        @Override
        public int tag() {
            return 3;
        }
    }

    /** One dex file: SHA-1 and bytes. */
    record DexFile(byte[] sha1, byte[] bytes) {
        public DexFile {
            checkSha1(sha1);
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** Server to phone: the app is loaded; threads may migrate. */
    record Ready() implements Message {
        @Override
        public int tag() {
            return 4;
        }
    }

    // ------------------------------------------------------------------ the DSM

    /**
     * The VM-synchronisation primitive (comet-reference §4): a push of the sender's dirty state,
     * applied atomically by the receiver (between two slices of its threads), in revision order,
     * remote values winning. Optionally it also carries a thread moving to the receiver, a thread
     * that ended on the sender, and lock or volatile ownership handed over.
     *
     * @param revision the sender's push counter (the receiver applies pushes in this order)
     * @param classes class ids the receiver has not seen from this sender yet (ids are per direction)
     * @param statuses class initialisation states that changed
     * @param newObjects objects the receiver does not know yet: their shapes (guest objects,
     *     arrays, strings and other immutable values), before any update refers to them
     * @param updates dirty slots of objects (and statics of classes), values in slot order
     * @param moved a thread migrating to the receiver, or null
     * @param ended a thread of the sender's that ended (its paired thread on the receiver ends too), or null
     * @param grants ownership handed to the receiver with this push
     * @param nextIdentityHash the sender's identity-hash generator state after this push (the
     *     receiver continues the same sequence, so hashes do not depend on where code ran)
     * @param hashes identity hashes given to already shipped objects since the last push
     * @param stacks the sender's resident threads as of this push (the server's pushes only; the
     *     phone's recovery checkpoint, comet-reference §9; the moving thread is in {@code moved})
     * @param notifiesApplied how many {@link Notify} messages of the receiver's the sender had
     *     applied when it made this push: the phone replays, after a failure, the notifies it
     *     forwarded that the server's last push does not reflect (their waiters resume waiting
     *     from that push's stacks, and without the replay nobody would wake them)
     */
    record Sync(int revision, List<ClassDef> classes, List<ClassStatus> statuses, List<NewObject> newObjects,
                List<Update> updates, Move moved, Ended ended, List<Grant> grants, int nextIdentityHash,
                List<IdentityHash> hashes, List<ThreadImage> stacks, int notifiesApplied) implements Message {
        public Sync {
            if (notifiesApplied < 0) {
                throw new IllegalArgumentException("notifies applied must not be negative: " + notifiesApplied);
            }
            classes = List.copyOf(classes);
            statuses = List.copyOf(statuses);
            newObjects = List.copyOf(newObjects);
            updates = List.copyOf(updates);
            grants = List.copyOf(grants);
            hashes = List.copyOf(hashes);
            stacks = List.copyOf(stacks);
        }

        @Override
        public int tag() {
            return 5;
        }
    }

    /** The receiver applied push {@code revision} (COMET's {@code RESUME} after a pull). */
    record SyncAck(int revision) implements Message {
        @Override
        public int tag() {
            return 6;
        }
    }

    /** A class id ({@link Ids#classId}) and the class's type descriptor. */
    record ClassDef(int classId, String descriptor) {
        public ClassDef {
            checkClass(classId);
            Objects.requireNonNull(descriptor, "descriptor");
        }
    }

    private static void checkClass(int id) {
        if (!Ids.isClass(id)) {
            throw new IllegalArgumentException(Ids.format(id) + " is not a class id");
        }
    }

    private static void checkObject(int id) {
        if (!Ids.isObject(id)) {
            throw new IllegalArgumentException(Ids.format(id) + " is not an object id");
        }
    }

    private static void checkNotNull(int id) {
        if (id == Ids.NULL) {
            throw new IllegalArgumentException("a null id where an object or class is named");
        }
    }

    /** A class's initialisation state ({@code VmClass.INIT_*}) and the thread initialising it (0: none). */
    record ClassStatus(int classId, int state, int initThread) {
        public ClassStatus {
            checkClass(classId);
            if (state < VmClass.INIT_NONE || state > VmClass.INIT_ERROR) {
                throw new IllegalArgumentException("class initialisation state " + state);
            }
        }
    }

    /** An object the receiver does not know yet. */
    record NewObject(int id, Shape shape) {
        public NewObject {
            checkObject(id);
            Objects.requireNonNull(shape, "shape");
        }
    }

    /** What a new object is. */
    sealed interface Shape {
    }

    /** A guest object of class {@code classId}, fields all default until updates arrive. */
    record GuestShape(int classId, int identityHash) implements Shape {
        public GuestShape {
            checkClass(classId);
        }
    }

    /** A guest array of class {@code classId} and {@code length} elements, all default. */
    record ArrayShape(int classId, int length, int identityHash) implements Shape {
        public ArrayShape {
            checkClass(classId);
            if (length < 0) {
                throw new IllegalArgumentException("array length " + length);
            }
        }
    }

    /** A {@code java.lang.String} (immutable: shipped by value, once; the id keeps identity). */
    record StringShape(String value) implements Shape {
        public StringShape {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A box ({@code Integer}, {@code Long} ... kind is the descriptor char) with its value's bits. */
    record BoxShape(char kind, long bits) implements Shape {
        public BoxShape {
            if ("ZBCSIJFD".indexOf(kind) < 0) {
                throw new IllegalArgumentException("box of kind '" + kind + "'");
            }
        }
    }

    /** An immutable JDK value rebuilt from its text form ({@code BigInteger}, {@code BigDecimal} ...). */
    record ValueShape(String className, String text) implements Shape {
        public ValueShape {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A constant of a JDK enum ({@code TimeUnit.SECONDS}): its class id and name. */
    record EnumShape(int classId, String name) implements Shape {
        public EnumShape {
            checkClass(classId);
            Objects.requireNonNull(name, "name");
        }
    }

    /** An object each endpoint has its own of ({@code System.out} ...), named. */
    record WellKnownShape(String name) implements Shape {
        public WellKnownShape {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A host library object the guest holds ({@code ByteArrayOutputStream}, {@code AtomicInteger},
     * {@code java.awt.image.Kernel} ...), its whole state encoded by its codec
     * ({@code dsm.HostCodecs}): values as the DSM encodes them (references as u4 ids). For an id
     * the receiver does not know it makes the object; for one it knows (a host object of the same
     * class) the state replaces the object's state in place: a mutable host object is re-shipped
     * whole after a host method that may have changed it ran.
     */
    record HostStateShape(String className, byte[] state) implements Shape {
        public HostStateShape {
            Objects.requireNonNull(className, "className");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * New values of some slots of one object: for a guest object, field indices
     * ({@code VmField.index}); for an array, element indices; for a class (its statics), static
     * field indices. {@code slots} is ascending without duplicates, each below
     * {@code Integer.MAX_VALUE}. {@code values} holds the slots' values in slot order, each as wide
     * as its type (Z/B 1 byte, C/S 2, I/F 4, J/D 8, a reference a u4 id): both endpoints know the
     * layout, so no value carries a tag (COMET's encoding), and the codec can only check that
     * there are between 1 and 8 bytes a slot.
     */
    record Update(int id, int[] slots, byte[] values) {
        public Update {
            checkNotNull(id);
            for (int i = 0; i < slots.length; i++) {
                if (slots[i] < 0 || slots[i] == Integer.MAX_VALUE || i > 0 && slots[i] <= slots[i - 1]) {
                    throw new IllegalArgumentException("slot " + slots[i] + " at " + i + ": slots must ascend in [0, 2^31 - 2]");
                }
            }
            if (values.length < slots.length || values.length > 8L * slots.length) {
                throw new IllegalArgumentException(values.length + " value bytes for " + slots.length + " slots");
            }
        }
    }

    /** An identity hash given to an object the receiver already knows. */
    record IdentityHash(int id, int hash) {
        public IdentityHash {
            checkObject(id);
        }
    }

    /** A thread moving to the receiver: the sender's thread id and its captured state. */
    record Move(ThreadImage image) {
        public Move {
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * A thread of the sender ended: its id there, its uncaught exception's id (or {@link Ids#NULL})
     * and its interrupt status at the end (the JDK keeps it on a dead thread: a joiner on the
     * receiver may ask {@code isInterrupted}, and the thread may have cleared what the receiver's
     * interrupt set).
     */
    record Ended(int threadId, int uncaught, boolean interrupted) {
        public Ended(int threadId, int uncaught) {
            this(threadId, uncaught, false);
        }
    }

    /** Ownership handed over: of {@code objectId}'s lock (with its remote waiters) or its volatiles. */
    record Grant(int objectId, boolean lock, int waiters) {
        public Grant {
            checkNotNull(objectId);
            if (waiters < 0) {
                throw new IllegalArgumentException(waiters + " waiters");
            }
        }
    }

    // ------------------------------------------------------------------ requests

    /**
     * A thread wants the lock ({@code lock}) or the volatiles of an object the receiver owns
     * (COMET's {@code LOCK} and {@code GRABVOL}); the answer is a {@link Sync} with a {@link Grant}.
     */
    record OwnershipRequest(int objectId, boolean lock) implements Message {
        public OwnershipRequest {
            checkNotNull(objectId);
        }

        @Override
        public int tag() {
            return 7;
        }
    }

    /** {@code notify} ({@code all}: {@code notifyAll}) reaching waiters on the receiver's side. */
    record Notify(int objectId, boolean all) implements Message {
        public Notify {
            checkNotNull(objectId);
        }

        @Override
        public int tag() {
            return 8;
        }
    }

    /** {@code Thread.interrupt} of a thread that runs on the receiver's side (the sender's thread id). */
    record Interrupt(int threadId) implements Message {
        @Override
        public int tag() {
            return 9;
        }
    }

    // ------------------------------------------------------------------ trim

    /**
     * One round of the distributed trim of the tracked set (COMET's {@code TRIMGC}, on stream 0;
     * {@code dsm.Trim}): the tracked objects the sender found reachable this round that it has not
     * named before (its roots in round 0, then what the receiver's last marks reach through the
     * sender's copies), as maximal ascending runs of ids. {@code last}: the sender received an
     * empty round (a fixpoint) and has untracked everything neither side marked; the receiver does
     * the same and the trim ends.
     */
    record TrimMarks(int round, boolean last, List<IdRun> runs) implements Message {
        public TrimMarks {
            runs = List.copyOf(runs);
            if (round < 0) {
                throw new IllegalArgumentException("trim round " + round);
            }
            long end = Long.MIN_VALUE;
            for (IdRun r : runs) {
                long first = r.first() & 0xFFFFFFFFL;
                // Adjacent runs would be one run, except across the boundary of the two spaces.
                if (first < end || first == end && Ids.index(r.first()) != 0) {
                    throw new IllegalArgumentException("trim marks not in maximal ascending runs at " + Ids.format(r.first()));
                }
                end = first + r.count();
            }
            if (last && !runs.isEmpty()) {
                throw new IllegalArgumentException("the last trim message marks nothing");
            }
        }

        @Override
        public int tag() {
            return 11;
        }

        /** How many ids the runs name. */
        public long markCount() {
            long n = 0;
            for (IdRun r : runs) {
                n += r.count();
            }
            return n;
        }
    }

    /** Object ids {@code first} .. {@code first + count - 1}, all in {@code first}'s space (0 or 1). */
    record IdRun(int first, int count) {
        public IdRun {
            checkObject(first);
            if (count < 1 || Ids.index(first) + (long) count - 1 > Ids.MAX_INDEX) {
                throw new IllegalArgumentException("run of " + count + " ids from " + Ids.format(first));
            }
        }
    }

    /** A thread started on the sender (it counts as alive on the receiver until it ends). */
    record ThreadStarted(int threadId, boolean daemon) implements Message {
        @Override
        public int tag() {
            return 10;
        }
    }
}
