package org.cometsim.offload.wire;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.cometsim.dalvik.hooks.FrameCapture;
import org.cometsim.dalvik.hooks.ThreadImage;
import org.cometsim.dalvik.rt.ThreadState;
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
    public static final int VERSION = 1;

    private static final int SHA1 = 20;

    // ------------------------------------------------------------------ encoding

    public static byte[] encode(Message m) {
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
            encodeSync(w, s);
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

    private static void encodeSync(WireWriter w, Sync s) {
        w.u4(s.revision());
        w.u4(s.classes().size());
        for (ClassDef c : s.classes()) {
            w.u4(c.classId());
            w.utf(c.descriptor());
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
            encodeShape(w, n.shape());
        }
        w.u4(s.updates().size());
        for (Update u : s.updates()) {
            w.u4(u.id());
            encodeSlots(w, u.slots());
            w.bytes(u.values());
        }
        w.bool(s.moved() != null);
        if (s.moved() != null) {
            encodeThread(w, s.moved().image());
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
            encodeThread(w, t);
        }
    }

    /**
     * Slot indices, sorted: as runs (u4 run count, then per run u4 first slot and u4 length), so a
     * whole array costs eight bytes of indices and a field set a few.
     */
    private static void encodeSlots(WireWriter w, int[] slots) {
        int runs = 0;
        for (int i = 0; i < slots.length; i++) {
            if (i == 0 || slots[i] != slots[i - 1] + 1) {
                runs++;
            }
        }
        w.u4(runs);
        int i = 0;
        while (i < slots.length) {
            int j = i + 1;
            while (j < slots.length && slots[j] == slots[j - 1] + 1) {
                j++;
            }
            w.u4(slots[i]);
            w.u4(j - i);
            i = j;
        }
    }

    private static void encodeShape(WireWriter w, Shape shape) {
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
            w.utf(v.className());
            w.utf(v.text());
        } else if (shape instanceof EnumShape e) {
            w.u1(6);
            w.u4(e.classId());
            w.utf(e.name());
        } else if (shape instanceof WellKnownShape k) {
            w.u1(7);
            w.utf(k.name());
        } else {
            throw new IllegalArgumentException("no encoding for shape " + shape);
        }
    }

    private static void encodeThread(WireWriter w, ThreadImage t) {
        w.u4(t.threadId());
        w.utf(t.name());
        w.bool(t.daemon());
        w.bool(t.interrupted());
        w.u4((int) t.threadObject());
        w.u4(t.frames().size());
        for (FrameCapture.FrameState f : t.frames()) {
            w.utf(f.classDescriptor());
            w.utf(f.methodKey());
            w.u4(f.pcCodeUnits());
            int n = f.words().length;
            w.u4(n);
            // A register is a 32-bit word or a reference (its object id); the reference map says which.
            int refWords = (n + 31) / 32;
            for (int k = 0; k < refWords; k++) {
                int bits = 0;
                for (int b = 0; b < 32 && k * 32 + b < n; b++) {
                    if (f.isRef().get(k * 32 + b)) {
                        bits |= 1 << b;
                    }
                }
                w.u4(bits);
            }
            for (int i = 0; i < n; i++) {
                w.u4(f.isRef().get(i) ? (int) f.refIds()[i] : f.words()[i]);
            }
            w.bool(f.base());
            w.bool(f.clinitOf() != null);
            if (f.clinitOf() != null) {
                w.utf(f.clinitOf());
            }
        }
        w.u4(t.heldMonitors().size());
        for (ThreadImage.HeldMonitor h : t.heldMonitors()) {
            w.u4((int) h.objectId());
            w.u4(h.count());
        }
        w.u1(t.state().ordinal());
        w.u1(t.blockPhase());
        w.u4((int) t.waitingOn());
        w.u4(t.savedLockCount());
        w.u8(t.wakeAtNanos());
        w.u4((int) t.pendingException());
        w.u8(t.resultBits());
        w.u4((int) t.resultRef());
    }

    // ------------------------------------------------------------------ decoding

    public static Message decode(byte[] bytes) {
        return decode(new WireReader(bytes));
    }

    public static Message decode(WireReader r) {
        int tag = r.u1();
        Message m = switch (tag) {
            case 1 -> {
                int version = r.u2();
                int n = r.count(r.remaining() / (4 + SHA1 + 4));
                List<DexInfo> files = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    files.add(new DexInfo(r.utf(), readSha1(r), r.u4()));
                }
                yield new Hello(version, files);
            }
            case 2 -> {
                int n = r.count(r.remaining() / SHA1);
                List<byte[]> s = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    s.add(readSha1(r));
                }
                yield new DexRequest(s);
            }
            case 3 -> {
                int n = r.count(r.remaining() / (SHA1 + 4));
                List<DexFile> files = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    files.add(new DexFile(readSha1(r), r.bytes()));
                }
                yield new DexData(files);
            }
            case 4 -> new Ready();
            case 5 -> decodeSync(r);
            case 6 -> new SyncAck(r.u4());
            case 7 -> new OwnershipRequest(r.u4(), r.bool());
            case 8 -> new Notify(r.u4(), r.bool());
            case 9 -> new Interrupt(r.u4());
            case 10 -> new ThreadStarted(r.u4(), r.bool());
            default -> throw new ProtocolException("unknown message tag " + tag);
        };
        r.done();
        return m;
    }

    private static byte[] readSha1(WireReader r) {
        byte[] b = new byte[SHA1];
        for (int i = 0; i < SHA1; i++) {
            b[i] = (byte) r.u1();
        }
        return b;
    }

    private static Sync decodeSync(WireReader r) {
        int revision = r.u4();
        int nc = r.count(r.remaining() / 8);
        List<ClassDef> classes = new ArrayList<>(nc);
        for (int i = 0; i < nc; i++) {
            int id = r.u4();
            if (!Ids.isClass(id)) {
                throw new ProtocolException("class def with non-class id " + Ids.format(id));
            }
            classes.add(new ClassDef(id, r.utf()));
        }
        int ns = r.count(r.remaining() / 9);
        List<ClassStatus> statuses = new ArrayList<>(ns);
        for (int i = 0; i < ns; i++) {
            statuses.add(new ClassStatus(r.u4(), r.u1(), r.u4()));
        }
        int no = r.count(r.remaining() / 5);
        List<NewObject> objs = new ArrayList<>(no);
        for (int i = 0; i < no; i++) {
            objs.add(new NewObject(r.u4(), decodeShape(r)));
        }
        int nu = r.count(r.remaining() / 12);
        List<Update> updates = new ArrayList<>(nu);
        for (int i = 0; i < nu; i++) {
            int id = r.u4();
            int[] slots = decodeSlots(r);
            updates.add(new Update(id, slots, r.bytes()));
        }
        Message.Move moved = r.bool() ? new Message.Move(decodeThread(r)) : null;
        Ended ended = r.bool() ? new Ended(r.u4(), r.u4(), r.bool()) : null;
        int ng = r.count(r.remaining() / 9);
        List<Grant> grants = new ArrayList<>(ng);
        for (int i = 0; i < ng; i++) {
            grants.add(new Grant(r.u4(), r.bool(), r.u4()));
        }
        int nextHash = r.u4();
        int nh = r.count(r.remaining() / 8);
        List<Message.IdentityHash> hashes = new ArrayList<>(nh);
        for (int i = 0; i < nh; i++) {
            hashes.add(new Message.IdentityHash(r.u4(), r.u4()));
        }
        int nt = r.count(r.remaining() / 16);
        List<ThreadImage> stacks = new ArrayList<>(nt);
        for (int i = 0; i < nt; i++) {
            stacks.add(decodeThread(r));
        }
        return new Sync(revision, classes, statuses, objs, updates, moved, ended, grants, nextHash, hashes, stacks);
    }

    /** At most this many slots in one update (a 2^28-element array), a guard against corrupt runs. */
    private static final int MAX_SLOTS = 1 << 28;

    private static int[] decodeSlots(WireReader r) {
        int runs = r.count(r.remaining() / 8);
        int[] firsts = new int[runs];
        int[] lengths = new int[runs];
        long total = 0;
        int previousEnd = -1;
        for (int k = 0; k < runs; k++) {
            int first = r.u4();
            int len = r.u4();
            if (first < 0 || len <= 0 || first <= previousEnd || (long) first + len > Integer.MAX_VALUE) {
                throw new ProtocolException("slot run " + first + "+" + len + " out of order or range");
            }
            previousEnd = first + len - 1;
            total += len;
            if (total > MAX_SLOTS) {
                throw new ProtocolException("too many slots in one update: " + total);
            }
            firsts[k] = first;
            lengths[k] = len;
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

    private static Shape decodeShape(WireReader r) {
        int kind = r.u1();
        return switch (kind) {
            case 1 -> new GuestShape(r.u4(), r.u4());
            case 2 -> {
                int classId = r.u4();
                int length = r.u4();
                if (length < 0) {
                    throw new ProtocolException("negative array length " + length);
                }
                yield new ArrayShape(classId, length, r.u4());
            }
            case 3 -> new StringShape(r.utf());
            case 4 -> {
                char k = (char) r.u1();
                if ("ZBCSIJFD".indexOf(k) < 0) {
                    throw new ProtocolException("box of kind '" + k + "'");
                }
                yield new BoxShape(k, r.u8());
            }
            case 5 -> new ValueShape(r.utf(), r.utf());
            case 6 -> new EnumShape(r.u4(), r.utf());
            case 7 -> new WellKnownShape(r.utf());
            default -> throw new ProtocolException("unknown object shape " + kind);
        };
    }

    private static ThreadImage decodeThread(WireReader r) {
        int threadId = r.u4();
        String name = r.utf();
        boolean daemon = r.bool();
        boolean interrupted = r.bool();
        long threadObject = r.u4();
        int nf = r.count(r.remaining() / 16);
        List<FrameCapture.FrameState> frames = new ArrayList<>(nf);
        for (int k = 0; k < nf; k++) {
            String cls = r.utf();
            String method = r.utf();
            int pc = r.u4();
            int n = r.count(65536);
            BitSet isRef = new BitSet(n);
            for (int wd = 0; wd < (n + 31) / 32; wd++) {
                int bits = r.u4();
                for (int b = 0; b < 32; b++) {
                    if ((bits & 1 << b) != 0) {
                        if (wd * 32 + b >= n) {
                            throw new ProtocolException("reference bit past the last register");
                        }
                        isRef.set(wd * 32 + b);
                    }
                }
            }
            int[] words = new int[n];
            long[] refIds = new long[n];
            for (int i = 0; i < n; i++) {
                int v = r.u4();
                if (isRef.get(i)) {
                    refIds[i] = v;
                } else {
                    words[i] = v;
                }
            }
            boolean base = r.bool();
            String clinitOf = r.bool() ? r.utf() : null;
            frames.add(new FrameCapture.FrameState(cls, method, pc, words, isRef, refIds, base, clinitOf));
        }
        int nm = r.count(r.remaining() / 8);
        List<ThreadImage.HeldMonitor> held = new ArrayList<>(nm);
        for (int i = 0; i < nm; i++) {
            held.add(new ThreadImage.HeldMonitor(r.u4(), r.u4()));
        }
        int state = r.u1();
        if (state >= ThreadState.values().length) {
            throw new ProtocolException("thread state " + state);
        }
        int blockPhase = r.u1();
        long waitingOn = r.u4();
        int saved = r.u4();
        long wakeAt = r.u8();
        long pending = r.u4();
        long resultBits = r.u8();
        long resultRef = r.u4();
        return new ThreadImage(threadId, name, daemon, interrupted, threadObject, frames, held,
                ThreadState.values()[state], blockPhase, waitingOn, saved, wakeAt, pending, resultBits, resultRef);
    }
}
