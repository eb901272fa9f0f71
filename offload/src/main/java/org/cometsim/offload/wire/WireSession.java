package org.cometsim.offload.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cometsim.dalvik.hooks.FrameCapture;

/**
 * What both ends of one connection remember of the messages they exchanged, so that a message
 * need not repeat it: the connection's names, and the frames of each thread's last image
 * (PROTOCOL.md §1 "Names", §4.6 "shared frames").
 *
 * <p>The names (PROTOCOL.md §1, {@code name}): class descriptors, method keys,
 * thread names and host class names that a message spells out the first time and names by number
 * afterwards, in both directions. A thread's frames name the same classes and methods at every
 * migration, and a return push names what the outgoing one defined: zlib alone could not shorten
 * the latter (one deflate stream per direction), so the table is shared by the two directions.
 *
 * <p>Each side numbers its own definitions, entries {@code 2k} for the phone's k-th definition and
 * {@code 2k + 1} for the server's, so the two sides never define the same number, and either may
 * use an entry it has sent or received. Both ends of a connection keep one table, the sender's
 * entries added as it encodes and the receiver's as it decodes, so both hold the same entries for
 * every message they have both seen; a new connection starts with an empty table (a reconnection
 * after a failure included), so nothing lost with the old one can be named.
 *
 * <p>Encoding is transactional: a message that fails to encode (a record the codec refuses)
 * leaves no definition behind, since it is never sent. Decoding needs no such care: a message that
 * fails to decode kills the connection, and its table with it.
 */
public final class WireSession {
    /** Entries a side may define in one connection (each costs at least two bytes on the wire). */
    static final int MAX_PER_SIDE = 1 << 28;

    private final int ownSide;
    private final List<List<String>> bySide = List.of(new ArrayList<>(), new ArrayList<>());
    /** Name -> the entry number the encoder uses for it (the first definition seen, either side's). */
    private final Map<String, Integer> numbers = new HashMap<>();
    /** The names the peer defined: it defines each at most once (a second definition is an error). */
    private final Set<String> peerDefined = new HashSet<>();
    /** Names this side defined in the message being encoded, until it is complete. */
    private final List<String> uncommitted = new ArrayList<>();
    /**
     * Per thread id, the frames (top first) of the last image of the thread that crossed this
     * connection, either way. A thread's images alternate with its moves: the side it is on sends
     * them (a move, or the server's recovery stacks) and the other receives them before the thread
     * can come back, so both ends agree on each thread's last image.
     */
    private final Map<Integer, List<FrameCapture.FrameState>> lastFrames = new HashMap<>();
    /** Images encoded in the message being encoded, recorded once it is complete. */
    private final Map<Integer, List<FrameCapture.FrameState>> uncommittedFrames = new HashMap<>();

    /**
     * @param server whether this end is the server: its definitions take the odd entry numbers,
     *     the peer's (decoded) the even ones
     */
    public WireSession(boolean server) {
        this.ownSide = server ? 1 : 0;
    }

    /** The sender's table of a message on its own (the phone's numbering), as the stateless codec uses. */
    static WireSession singleSender() {
        return new WireSession(false);
    }

    /** The receiver's table of a message on its own (it came from the phone). */
    static WireSession singleReceiver() {
        return new WireSession(true);
    }

    // ------------------------------------------------------------------ encoding

    /** Writes {@code s} as a {@code name}: a reference to its entry, or a definition of a new one. */
    void write(WireWriter w, String s) {
        Integer n = numbers.get(s);
        if (n != null) {
            w.vu(n + 1);
            return;
        }
        List<String> own = bySide.get(ownSide);
        if (own.size() >= MAX_PER_SIDE) {
            throw new IllegalArgumentException("more than " + MAX_PER_SIDE + " names defined in one connection");
        }
        numbers.put(s, own.size() * 2 + ownSide);
        own.add(s);
        uncommitted.add(s);
        w.vu(0);
        w.vutf(s);
    }

    /** The message being encoded is complete: its definitions stand. */
    void commit() {
        uncommitted.clear();
        lastFrames.putAll(uncommittedFrames);
        uncommittedFrames.clear();
    }

    /** The message being encoded failed: forget its definitions (it is never sent). */
    void rollback() {
        List<String> own = bySide.get(ownSide);
        for (int i = uncommitted.size() - 1; i >= 0; i--) {
            String s = uncommitted.get(i);
            numbers.remove(s);
            own.remove(own.size() - 1);
        }
        uncommitted.clear();
        uncommittedFrames.clear();
    }

    // ------------------------------------------------------------------ frames

    /**
     * The frames of {@code threadId}'s last image: one earlier in the message being coded (the
     * decoder records images as it reads them, so the encoder counts its own at once too), else
     * the last one of the connection; none yet is an empty list.
     */
    List<FrameCapture.FrameState> lastFrames(int threadId) {
        List<FrameCapture.FrameState> f = uncommittedFrames.get(threadId);
        if (f == null) {
            f = lastFrames.get(threadId);
        }
        return f == null ? List.of() : f;
    }

    /** Records an image the sender encodes (kept if the message completes). */
    void encodedFrames(int threadId, List<FrameCapture.FrameState> frames) {
        uncommittedFrames.put(threadId, copy(frames));
    }

    /** Records an image decoded from the peer. */
    void decodedFrames(int threadId, List<FrameCapture.FrameState> frames) {
        lastFrames.put(threadId, copy(frames));
    }

    /** Frames of our own: the images handed to the VM, or taken from it, may change after the message. */
    static List<FrameCapture.FrameState> copy(List<FrameCapture.FrameState> frames) {
        List<FrameCapture.FrameState> out = new ArrayList<>(frames.size());
        for (FrameCapture.FrameState f : frames) {
            out.add(new FrameCapture.FrameState(f.classDescriptor(), f.methodKey(), f.pcCodeUnits(), f.words().clone(),
                    (java.util.BitSet) f.isRef().clone(), f.refIds().clone(), f.base(), f.clinitOf()));
        }
        return out;
    }

    // ------------------------------------------------------------------ decoding

    /**
     * Reads a {@code name} the peer wrote: a definition (it becomes the peer's next entry) or a
     * reference to an entry either side defined before.
     *
     * @throws ProtocolException for a reference to an entry nobody defined
     */
    String read(WireReader r) {
        int at = r.position();
        long ref = r.vu() & 0xFFFFFFFFL;
        if (ref == 0) {
            String s = r.vutf();
            List<String> peer = bySide.get(1 - ownSide);
            if (peer.size() >= MAX_PER_SIDE) {
                throw new ProtocolException("more than " + MAX_PER_SIDE + " names defined in one connection");
            }
            if (!peerDefined.add(s)) {
                // The sender knows its own definitions: it would have referenced it (one encoding per message).
                throw new ProtocolException("name \"" + s + "\" defined twice by the sender, at offset " + at);
            }
            numbers.putIfAbsent(s, peer.size() * 2 + (1 - ownSide));
            peer.add(s);
            return s;
        }
        long entry = ref - 1;
        List<String> side = bySide.get((int) (entry & 1));
        long k = entry >>> 1;
        if (k >= side.size()) {
            throw new ProtocolException("name #" + entry + " at offset " + at + " was never defined");
        }
        return side.get((int) k);
    }

    /** How many entries the table holds (both sides'). */
    public int size() {
        return bySide.get(0).size() + bySide.get(1).size();
    }
}
