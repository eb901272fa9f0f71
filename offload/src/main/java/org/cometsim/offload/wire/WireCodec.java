package org.cometsim.offload.wire;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.cometsim.dalvik.hooks.FrameCapture;
import org.cometsim.dalvik.hooks.ThreadImage;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.offload.wire.Message.ArrayShape;
import org.cometsim.offload.wire.Message.BoxShape;
import org.cometsim.offload.wire.Message.ClassDef;
import org.cometsim.offload.wire.Message.ClassStatus;
import org.cometsim.offload.wire.Message.DexData;
import org.cometsim.offload.wire.Message.DexFile;
import org.cometsim.offload.wire.Message.DexInfo;
import org.cometsim.offload.wire.Message.DexRequest;
import org.cometsim.offload.wire.Message.Ended;
import org.cometsim.offload.wire.Message.EnumShape;
import org.cometsim.offload.wire.Message.Grant;
import org.cometsim.offload.wire.Message.GuestShape;
import org.cometsim.offload.wire.Message.Hello;
import org.cometsim.offload.wire.Message.Interrupt;
import org.cometsim.offload.wire.Message.Move;
import org.cometsim.offload.wire.Message.NewObject;
import org.cometsim.offload.wire.Message.Notify;
import org.cometsim.offload.wire.Message.OwnershipRequest;
import org.cometsim.offload.wire.Message.Ready;
import org.cometsim.offload.wire.Message.Shape;
import org.cometsim.offload.wire.Message.StringShape;
import org.cometsim.offload.wire.Message.Sync;
import org.cometsim.offload.wire.Message.SyncAck;
import org.cometsim.offload.wire.Message.ThreadStarted;
import org.cometsim.offload.wire.Message.Update;
import org.cometsim.offload.wire.Message.ValueShape;
import org.cometsim.offload.wire.Message.WellKnownShape;

/**
 * The one encoder and decoder of {@link Message}s: a message is its tag (u1) followed by its
 * fields, big-endian, as {@code offload/PROTOCOL.md} lays out. Decoding checks every length and
 * tag and that nothing is left over: anything else is a {@link ProtocolException}.
 */
public final class WireCodec {
    private WireCodec() {
    }

    /** Protocol version sent in {@link Hello}. */
    public static final int VERSION = 2;

    private static final int SHA1 = Message.SHA1_BYTES;

    // ------------------------------------------------------------------ encoding

    /**
     * {@code m} on its own: every name it holds defined in it (a table of its own, the phone's
     * numbering). What the endpoints send is {@link #encode(Message, WireSession)}'s.
     */
    public static byte[] encode(Message m) {
        return encode(m, WireSession.singleSender());
    }

    /**
     * {@code m} as the next message of a connection whose tables are {@code session}: names already in
     * the table are referenced, new ones defined (and kept only if the whole message encodes).
     */
    public static byte[] encode(Message m, WireSession session) {
        try {
            byte[] b = encodeMessage(m, session);
            session.commit();
            return b;
        } catch (RuntimeException e) {
            session.rollback();
            throw e;
        }
    }

    private static byte[] encodeMessage(Message m, WireSession session) {
        WireWriter w = new WireWriter();
        w.u1(m.tag());
        if (m instanceof Hello h) {
            w.u2(h.version());
            w.u4(h.dexFiles().size());
            for (DexInfo d : h.dexFiles()) {
                w.utf(d.name());
                sha1(w, d.sha1());
                w.u4(d.size());
            }
        } else if (m instanceof DexRequest r) {
            w.u4(r.sha1s().size());
            for (byte[] s : r.sha1s()) {
                sha1(w, s);
            }
        } else if (m instanceof DexData d) {
            w.u4(d.files().size());
            for (DexFile f : d.files()) {
                sha1(w, f.sha1());
                w.bytes(f.bytes());
            }
        } else if (m instanceof Sync s) {
            encodeSync(w, s, session);
        } else if (m instanceof SyncAck a) {
            w.u4(a.revision());
        } else if (m instanceof OwnershipRequest r) {
            w.u4(r.objectId());
            w.bool(r.lock());
        } else if (m instanceof Notify n) {
            w.u4(n.objectId());
            w.bool(n.all());
        } else if (m instanceof Interrupt i) {
            w.u4(i.threadId());
        } else if (m instanceof ThreadStarted t) {
            w.u4(t.threadId());
            w.bool(t.daemon());
        } else if (m instanceof Message.TrimMarks t) {
            w.u4(t.round());
            w.bool(t.last());
            w.u4(t.runs().size());
            for (Message.IdRun run : t.runs()) {
                w.u4(run.first());
                w.u4(run.count());
            }
        } else if (!(m instanceof Ready)) {
            throw new IllegalArgumentException("no encoding for " + m);
        }
        return w.toByteArray();
    }

    private static void sha1(WireWriter w, byte[] sha1) {
        if (sha1.length != SHA1) {
            throw new IllegalArgumentException("a SHA-1 has 20 bytes, not " + sha1.length);
        }
        w.raw(sha1, 0, SHA1);
    }

    private static void encodeSync(WireWriter w, Sync s, WireSession session) {
        w.u4(s.revision());
        w.u4(s.classes().size());
        for (ClassDef c : s.classes()) {
            w.u4(c.classId());
            session.write(w, c.descriptor());
        }
        w.u4(s.statuses().size());
        for (ClassStatus c : s.statuses()) {
            w.u4(c.classId());
            w.u1(c.state());
            w.u4(c.initThread());
        }
        w.u4(s.newObjects().size());
        for (NewObject n : s.newObjects()) {
            w.u4(n.id());
            encodeShape(w, n.shape(), session);
        }
        w.u4(s.updates().size());
        for (Update u : s.updates()) {
            w.u4(u.id());
            encodeSlots(w, u.slots());
            w.vu(u.values().length);
            w.raw(u.values(), 0, u.values().length);
        }
        w.bool(s.moved() != null);
        if (s.moved() != null) {
            encodeThread(w, s.moved().image(), session);
        }
        w.bool(s.ended() != null);
        if (s.ended() != null) {
            w.u4(s.ended().threadId());
            w.u4(s.ended().uncaught());
            w.bool(s.ended().interrupted());
        }
        w.u4(s.grants().size());
        for (Grant g : s.grants()) {
            w.u4(g.objectId());
            w.bool(g.lock());
            w.u4(g.waiters());
        }
        w.u4(s.nextIdentityHash());
        w.u4(s.hashes().size());
        for (Message.IdentityHash h : s.hashes()) {
            w.u4(h.id());
            w.u4(h.hash());
        }
        w.u4(s.stacks().size());
        for (ThreadImage t : s.stacks()) {
            encodeThread(w, t, session);
        }
        w.u4(s.notifiesApplied());
    }

    /**
     * Slot indices, sorted: as runs ({@code vu} run count, then per run {@code vu} slots skipped
     * since the previous run and {@code vu} length), so a whole array costs three to eight bytes of
     * indices and a field or two of an object three.
     */
    private static void encodeSlots(WireWriter w, int[] slots) {
        int runs = 0;
        for (int i = 0; i < slots.length; i++) {
            if (i == 0 || slots[i] != slots[i - 1] + 1) {
                runs++;
            }
        }
        w.vu(runs);
        int i = 0;
        int nextFree = 0; // the first slot the next run may start at: one past the previous run's gap
        while (i < slots.length) {
            int j = i + 1;
            while (j < slots.length && slots[j] == slots[j - 1] + 1) {
                j++;
            }
            w.vu(slots[i] - nextFree);
            w.vu(j - i);
            nextFree = slots[j - 1] + 2;
            i = j;
        }
    }

    private static void encodeShape(WireWriter w, Shape shape, WireSession session) {
        if (shape instanceof GuestShape g) {
            w.u1(1);
            w.u4(g.classId());
            w.u4(g.identityHash());
        } else if (shape instanceof ArrayShape a) {
            w.u1(2);
            w.u4(a.classId());
            w.u4(a.length());
            w.u4(a.identityHash());
        } else if (shape instanceof StringShape s) {
            w.u1(3);
            w.utf(s.value());
        } else if (shape instanceof BoxShape b) {
            w.u1(4);
            w.u1(b.kind());
            w.u8(b.bits());
        } else if (shape instanceof ValueShape v) {
            w.u1(5);
            session.write(w, v.className());
            w.utf(v.text());
        } else if (shape instanceof EnumShape e) {
            w.u1(6);
            w.u4(e.classId());
            session.write(w, e.name());
        } else if (shape instanceof WellKnownShape k) {
            w.u1(7);
            session.write(w, k.name());
        } else if (shape instanceof Message.HostStateShape h) {
            w.u1(8);
            session.write(w, h.className());
            w.bytes(h.state());
        } else {
            throw new IllegalArgumentException("no encoding for shape " + shape);
        }
    }

    /**
     * A thread image (comet-reference §4's stack record, our layout): ids as u4 (the image's longs
     * hold them sign-extended, null as -1); per frame a reference map (one bit per register, 32 to
     * a u4, bit b of word k for register 32k+b) then every register as a u4: a reference register
     * its object id, any other its 32-bit word (a wide value is two registers, low word first).
     */
    private static void encodeThread(WireWriter w, ThreadImage t, WireSession session) {
        w.u4(t.threadId());
        session.write(w, t.name());
        w.bool(t.daemon());
        w.bool(t.interrupted());
        w.u4(id32(t.threadObject(), "thread object"));
        // The bottom frames the thread's last image on this connection also had (a thread that
        // comes back runs on above the frames it left with), then the rest, top first.
        List<FrameCapture.FrameState> frames = t.frames();
        List<FrameCapture.FrameState> last = session.lastFrames(t.threadId());
        int shared = 0;
        while (shared < frames.size() && shared < last.size()
                && frames.get(frames.size() - 1 - shared).equals(last.get(last.size() - 1 - shared))) {
            shared++;
        }
        w.vu(shared);
        w.u4(frames.size() - shared);
        for (int i = 0; i < frames.size() - shared; i++) {
            encodeFrame(w, frames.get(i), session);
        }
        session.encodedFrames(t.threadId(), frames);
        w.u4(t.heldMonitors().size());
        for (ThreadImage.HeldMonitor h : t.heldMonitors()) {
            if (h.count() < 1) {
                throw new IllegalArgumentException("a held monitor with recursion count " + h.count());
            }
            w.u4(id32(h.objectId(), "held monitor"));
            w.u4(h.count());
        }
        if (t.blockPhase() < 0 || t.blockPhase() > MAX_BLOCK_PHASE) {
            throw new IllegalArgumentException("block phase " + t.blockPhase());
        }
        if (t.savedLockCount() < 0) {
            throw new IllegalArgumentException("saved lock count " + t.savedLockCount());
        }
        w.u1(t.state().ordinal());
        w.u1(t.blockPhase());
        w.u4(id32(t.waitingOn(), "waitingOn"));
        w.u4(t.savedLockCount());
        w.u8(t.wakeAtNanos());
        w.u4(id32(t.pendingException(), "pending exception"));
        w.u8(t.resultBits());
        w.u4(id32(t.resultRef(), "result reference"));
    }

    private static void encodeFrame(WireWriter w, FrameCapture.FrameState f, WireSession session) {
        int n = f.words().length;
        if (n > MAX_REGISTERS || f.refIds().length != n || f.isRef().length() > n) {
            throw new IllegalArgumentException("frame of " + f.methodKey() + ": " + n + " words, "
                    + f.refIds().length + " ids, reference map up to " + f.isRef().length());
        }
        if (f.pcCodeUnits() < 0) {
            throw new IllegalArgumentException("frame of " + f.methodKey() + " at pc " + f.pcCodeUnits());
        }
        session.write(w, f.classDescriptor());
        session.write(w, f.methodKey());
        w.vu(f.pcCodeUnits());
        w.vu(n);
        byte[] map = f.isRef().toByteArray();
        for (int k = 0; k < (n + 7) / 8; k++) {
            w.u1(k < map.length ? map[k] : 0);
        }
        for (int i = 0; i < n; i++) {
            // What is not sent must be 0, or the receiver's frame would differ from the sender's.
            if (f.isRef().get(i)) {
                if (f.words()[i] != 0) {
                    throw new IllegalArgumentException("reference register v" + i + " of " + f.methodKey() + " has a word");
                }
                w.vu(Integer.rotateLeft(id32(f.refIds()[i], "register"), 2));
            } else {
                if (f.refIds()[i] != 0) {
                    throw new IllegalArgumentException("value register v" + i + " of " + f.methodKey() + " has an id");
                }
                w.vs(f.words()[i]);
            }
        }
        w.bool(f.base());
        w.bool(f.clinitOf() != null);
        if (f.clinitOf() != null) {
            session.write(w, f.clinitOf());
        }
    }

    /** An id held in a long (sign-extended u4, as images hold them) as its u4. */
    private static int id32(long id, String what) {
        if (id != (int) id) {
            throw new IllegalArgumentException(what + " id " + id + " does not fit a u4 id");
        }
        return (int) id;
    }

    // ------------------------------------------------------------------ decoding

    /** Most registers of a frame (Dalvik's {@code registersSize} is a u2). */
    static final int MAX_REGISTERS = 65535;
    /** Largest block phase of a thread image ({@code Scheduler.PHASE_*}). */
    static final int MAX_BLOCK_PHASE = Scheduler.PHASE_INTERRUPTED;

    // Smallest encodings of list items: a count the remaining bytes cannot hold is refused before
    // anything is allocated (WireReader.count).
    private static final int MIN_DEX_INFO = 4 + SHA1 + 4;
    private static final int MIN_DEX_FILE = SHA1 + 4;
    private static final int MIN_CLASS_DEF = 4 + 1;
    private static final int MIN_CLASS_STATUS = 4 + 1 + 4;
    private static final int MIN_NEW_OBJECT = 4 + 1 + 4;
    private static final int MIN_UPDATE = 4 + 1 + 1;
    private static final int MIN_GRANT = 4 + 1 + 4;
    private static final int MIN_HASH = 4 + 4;
    private static final int MIN_THREAD = 4 + 1 + 1 + 1 + 4 + 1 + 4 + 4 + 1 + 1 + 4 + 4 + 8 + 4 + 8 + 4;
    private static final int MIN_FRAME = 1 + 1 + 1 + 1 + 1 + 1;
    private static final int MIN_MONITOR = 4 + 4;
    private static final int SLOT_RUN = 1 + 1;

    /** A message encoded by {@link #encode(Message)} (its names all defined in it). */
    public static Message decode(byte[] bytes) {
        return decode(new WireReader(bytes), WireSession.singleReceiver());
    }

    /** The next message of a connection whose tables (as this end knows them) are {@code session}. */
    public static Message decode(byte[] bytes, WireSession session) {
        return decode(new WireReader(bytes), session);
    }

    /**
     * The message {@code r} holds, all of it (bytes left over are an error).
     *
     * @throws ProtocolException if the bytes are not exactly one valid message
     */
    public static Message decode(WireReader r, WireSession session) {
        try {
            Message m = decodeMessage(r, session);
            r.done();
            return m;
        } catch (IllegalArgumentException e) {
            // A record refused a decoded value (Message's invariants): the bytes are invalid.
            throw new ProtocolException(e.getMessage() + " (decoded up to offset " + r.position() + ")");
        }
    }

    private static Message decodeMessage(WireReader r, WireSession session) {
        int tag = r.u1();
        return switch (tag) {
            case 1 -> {
                int version = r.u2();
                int n = r.count(MIN_DEX_INFO);
                List<DexInfo> files = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    files.add(new DexInfo(r.utf(), r.raw(SHA1), r.u4()));
                }
                yield new Hello(version, files);
            }
            case 2 -> {
                int n = r.count(SHA1);
                List<byte[]> s = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    s.add(r.raw(SHA1));
                }
                yield new DexRequest(s);
            }
            case 3 -> {
                int n = r.count(MIN_DEX_FILE);
                List<DexFile> files = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    files.add(new DexFile(r.raw(SHA1), r.bytes()));
                }
                yield new DexData(files);
            }
            case 4 -> new Ready();
            case 5 -> decodeSync(r, session);
            case 6 -> new SyncAck(r.u4());
            case 7 -> new OwnershipRequest(r.u4(), r.bool());
            case 8 -> new Notify(r.u4(), r.bool());
            case 9 -> new Interrupt(r.u4());
            case 10 -> new ThreadStarted(r.u4(), r.bool());
            case 11 -> {
                int round = r.u4();
                boolean last = r.bool();
                int n = r.count(8);
                List<Message.IdRun> runs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    runs.add(new Message.IdRun(r.u4(), r.u4()));
                }
                yield new Message.TrimMarks(round, last, runs);
            }
            default -> throw new ProtocolException("unknown message tag " + tag);
        };
    }

    private static Sync decodeSync(WireReader r, WireSession session) {
        int revision = r.u4();
        int nc = r.count(MIN_CLASS_DEF);
        List<ClassDef> classes = new ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            classes.add(new ClassDef(r.u4(), session.read(r)));
        }
        int ns = r.count(MIN_CLASS_STATUS);
        List<ClassStatus> statuses = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) {
            statuses.add(new ClassStatus(r.u4(), r.u1(), r.u4()));
        }
        int no = r.count(MIN_NEW_OBJECT);
        List<NewObject> objs = new ArrayList<>(no);
        for (int i = 0; i < no; i++) {
            objs.add(new NewObject(r.u4(), decodeShape(r, session)));
        }
        int nu = r.count(MIN_UPDATE);
        List<Update> updates = new ArrayList<>(nu);
        for (int i = 0; i < nu; i++) {
            int id = r.u4();
            int[] slots = decodeSlots(r);
            int at = r.position();
            int n = r.vu();
            if (n < slots.length || n > 8L * slots.length) {
                // A slot's value is 1 to 8 bytes (the DSM checks the exact widths).
                throw new ProtocolException(n + " value bytes for " + slots.length + " slots at offset " + at);
            }
            updates.add(new Update(id, slots, r.raw(n)));
        }
        Message.Move moved = r.bool() ? new Message.Move(decodeThread(r, session)) : null;
        Ended ended = r.bool() ? new Ended(r.u4(), r.u4(), r.bool()) : null;
        int ng = r.count(MIN_GRANT);
        List<Grant> grants = new ArrayList<>(ng);
        for (int i = 0; i < ng; i++) {
            grants.add(new Grant(r.u4(), r.bool(), r.u4()));
        }
        int nextHash = r.u4();
        int nh = r.count(MIN_HASH);
        List<Message.IdentityHash> hashes = new ArrayList<>(nh);
        for (int i = 0; i < nh; i++) {
            hashes.add(new Message.IdentityHash(r.u4(), r.u4()));
        }
        int nt = r.count(MIN_THREAD);
        List<ThreadImage> stacks = new ArrayList<>(nt);
        for (int i = 0; i < nt; i++) {
            stacks.add(decodeThread(r, session));
        }
        int notifiesApplied = r.u4();
        if (notifiesApplied < 0) {
            throw new ProtocolException("negative notifies-applied count " + notifiesApplied);
        }
        return new Sync(revision, classes, statuses, objs, updates, moved, ended, grants, nextHash, hashes, stacks,
                notifiesApplied);
    }

    /**
     * Slot runs, checked to be what {@link #encodeSlots} writes: maximal runs (a gap between two),
     * ascending, below {@code Integer.MAX_VALUE}. The values follow, at least a byte a slot, so the
     * slots are bounded by the remaining bytes before the array is allocated (a run of 2^31 slots
     * takes eight bytes to claim).
     */
    private static int[] decodeSlots(WireReader r) {
        int runs = r.vcount(SLOT_RUN, Integer.MAX_VALUE);
        int at = r.position();
        int[] firsts = new int[runs];
        int[] lengths = new int[runs];
        long total = 0;
        long nextFree = 0; // the smallest first slot the next run may have
        for (int k = 0; k < runs; k++) {
            int runAt = r.position();
            long first = nextFree + (r.vu() & 0xFFFFFFFFL);
            long len = r.vu() & 0xFFFFFFFFL;
            if (len <= 0 || first + len > Integer.MAX_VALUE) {
                throw new ProtocolException("slot run " + first + "+" + len + " at offset " + runAt + " out of range");
            }
            nextFree = (long) first + len + 1;
            total += len;
            firsts[k] = (int) first;
            lengths[k] = (int) len;
        }
        // The values' vu length, then at least one byte a slot.
        if (total > r.remaining() - 1L) {
            throw new ProtocolException(total + " slots in the runs at offset " + at + " but " + r.remaining()
                    + " bytes left for their values");
        }
        int[] slots = new int[(int) total];
        int p = 0;
        for (int k = 0; k < runs; k++) {
            for (int j = 0; j < lengths[k]; j++) {
                slots[p++] = firsts[k] + j;
            }
        }
        return slots;
    }

    private static Shape decodeShape(WireReader r, WireSession session) {
        int kind = r.u1();
        return switch (kind) {
            case 1 -> new GuestShape(r.u4(), r.u4());
            case 2 -> new ArrayShape(r.u4(), r.u4(), r.u4());
            case 3 -> new StringShape(r.utf());
            case 4 -> new BoxShape((char) r.u1(), r.u8());
            case 5 -> new ValueShape(session.read(r), r.utf());
            case 6 -> new EnumShape(r.u4(), session.read(r));
            case 7 -> new WellKnownShape(session.read(r));
            case 8 -> new Message.HostStateShape(session.read(r), r.bytes());
            default -> throw new ProtocolException("unknown object shape " + kind);
        };
    }

    private static ThreadImage decodeThread(WireReader r, WireSession session) {
        int threadId = r.u4();
        String name = session.read(r);
        boolean daemon = r.bool();
        boolean interrupted = r.bool();
        long threadObject = r.u4();
        List<FrameCapture.FrameState> last = session.lastFrames(threadId);
        int at = r.position();
        int shared = r.vu();
        if (shared < 0 || shared > last.size()) {
            throw new ProtocolException((shared & 0xFFFFFFFFL) + " frames shared with thread " + threadId
                    + "'s last image at offset " + at + ", which has " + last.size());
        }
        int nf = r.count(MIN_FRAME);
        List<FrameCapture.FrameState> frames = new ArrayList<>(nf + shared);
        for (int k = 0; k < nf; k++) {
            frames.add(decodeFrame(r, session));
        }
        if (nf > 0 && shared < last.size() && frames.get(nf - 1).equals(last.get(last.size() - 1 - shared))) {
            // The encoder shares every bottom frame it can: one encoding per image.
            throw new ProtocolException("thread " + threadId + "'s frame " + (nf - 1) + " repeats its last image's");
        }
        frames.addAll(WireSession.copy(last.subList(last.size() - shared, last.size())));
        session.decodedFrames(threadId, frames);
        int nm = r.count(MIN_MONITOR);
        List<ThreadImage.HeldMonitor> held = new ArrayList<>(nm);
        for (int i = 0; i < nm; i++) {
            long id = r.u4();
            int count = r.u4();
            if (count < 1) {
                throw new ProtocolException("held monitor with recursion count " + count);
            }
            held.add(new ThreadImage.HeldMonitor(id, count));
        }
        int state = r.u1();
        if (state >= THREAD_STATES.length) {
            throw new ProtocolException("thread state " + state);
        }
        int blockPhase = r.u1();
        if (blockPhase > MAX_BLOCK_PHASE) {
            throw new ProtocolException("block phase " + blockPhase);
        }
        long waitingOn = r.u4();
        int saved = r.u4();
        if (saved < 0) {
            throw new ProtocolException("saved lock count " + saved);
        }
        long wakeAt = r.u8();
        long pending = r.u4();
        long resultBits = r.u8();
        long resultRef = r.u4();
        return new ThreadImage(threadId, name, daemon, interrupted, threadObject, frames, held,
                THREAD_STATES[state], blockPhase, waitingOn, saved, wakeAt, pending, resultBits, resultRef);
    }

    private static final ThreadState[] THREAD_STATES = ThreadState.values();

    private static FrameCapture.FrameState decodeFrame(WireReader r, WireSession session) {
        String cls = session.read(r);
        String method = session.read(r);
        int pc = r.vu();
        if (pc < 0) {
            throw new ProtocolException("pc " + (pc & 0xFFFFFFFFL) + " out of range");
        }
        // Each register takes at least a byte (its map bit is extra): the remaining bytes bound the count.
        int n = r.vcount(1, MAX_REGISTERS);
        int mapBytes = (n + 7) / 8;
        byte[] map = r.raw(mapBytes);
        if (n % 8 != 0 && mapBytes > 0 && (map[mapBytes - 1] & 0xFF) >>> n % 8 != 0) {
            throw new ProtocolException("reference bit past the last register v" + (n - 1));
        }
        BitSet isRef = BitSet.valueOf(map);
        int[] words = new int[n];
        long[] refIds = new long[n];
        for (int i = 0; i < n; i++) {
            if (isRef.get(i)) {
                int id = Integer.rotateRight(r.vu(), 2);
                refIds[i] = id;
            } else {
                words[i] = r.vs();
            }
        }
        boolean base = r.bool();
        String clinitOf = r.bool() ? session.read(r) : null;
        return new FrameCapture.FrameState(cls, method, pc, words, isRef, refIds, base, clinitOf);
    }
}
