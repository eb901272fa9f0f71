package org.cometsim.offload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cometsim.dalvik.hooks.VolatileGate;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.offload.dsm.Ownership;
import org.cometsim.offload.dsm.Unshippable;
import org.cometsim.offload.wire.Ids;
import org.cometsim.offload.wire.Message.Grant;
import org.cometsim.offload.wire.Message.OwnershipRequest;

/**
 * Volatile ownership across the endpoints (comet-reference §7, "Volatiles"): one ownership bit per
 * tracked object covers all its volatile fields, one per class its volatile statics; objects
 * start owned by the endpoint that made them, classes by the phone. An endpoint touches volatile
 * state only while it owns it, and ownership moves only with a full push, so every volatile
 * write → read edge that crosses the link carries everything written before it (the JMM's
 * happens-before), as lock transfers do.
 *
 * <h2>Before the access</h2>
 * The VM asks this gate ({@link VolatileGate}) before a volatile read or write of a tracked
 * object, of any class's volatile static, before reflective access to one (the guest library's
 * field updaters) and before the VM's atomic natives (compare-and-set): ownership is in place
 * <em>before</em> the store or the CAS happens. COMET's prototype did it after (its write barrier
 * grabbed ownership after the store, its CAS after the operation), so a remote reader could be
 * handed the ownership without the value: the bug the reference says not to copy.
 *
 * <h2>Both endpoints ask (COMET's GRABVOL), neither migrates</h2>
 * Without ownership the thread sends {@link OwnershipRequest}{@code (id, lock = false)} and
 * waits ({@link VolatileGate#WAIT}); the owner hands ownership over in its next push
 * ({@link Grant}{@code (id, lock = false)}) and the access runs again. The server asks too, rather
 * than sending the thread home as it does for a lock the phone owns: a volatile access is a single
 * read or write, not a critical section whose body would then run on the phone; volatiles are what
 * spin loops and hand-off flags poll, and migrating a thread home at each poll would undo the
 * offload; and reflective and atomic accesses happen inside natives, which cannot migrate. A
 * request costs one round trip plus a push, as a migration would, without moving a stack.
 *
 * <h2>Fairness</h2>
 * Threads woken by arriving ownership are <em>owed</em> one access: the peer's next request for
 * the same state is granted only after they made it. Without this, two endpoints polling one flag
 * could hand it back and forth forever, each grant arriving just before the other side's request
 * took it away again, and the thread that asked would never get to write.
 *
 * <h2>Classes</h2>
 * A class exists on both endpoints whether tracked or not; the phone owns every class, so on the
 * phone an untracked class's volatiles are local, and on the server they never are: before asking,
 * the server pushes, which tracks every initialised class (and ships the class's state), so the
 * phone can resolve the request.
 */
final class VolatileOwnership implements VolatileGate {
    private final OffloadEndpoint endpoint;
    /** Threads waiting for ownership, by the id the request named (one request per id at a time). */
    private final Map<Integer, List<GuestThread>> waiters = new LinkedHashMap<>();
    /** Requests of the peer waiting until this endpoint owns the state and owes no thread an access. */
    private final List<Integer> pendingRequests = new ArrayList<>();
    /** Threads woken by a grant that have not made their access yet → what they wait to access. */
    private final Map<GuestThread, Object> owed = new LinkedHashMap<>();
    /** Requests made while a trim ran, sent when it ends (their answers are pushes). */
    private final List<Integer> deferred = new ArrayList<>();

    VolatileOwnership(OffloadEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public int beforeAccess(GuestThread t, Object holder, VmField field, Access access, boolean mayMigrate) {
        if (holder instanceof VmClass c && c.dsm == null) {
            if (endpoint.role() == Role.PHONE) {
                owed.remove(t);
                return PROCEED; // every class is the phone's
            }
            endpoint.pushNow(); // tracks the class (it is initialised): the phone can name it now
            if (c.dsm == null) {
                return PROCEED; // not a class the DSM shares (a library class)
            }
        }
        if (Ownership.volatilesOwned(holder)) {
            owed.remove(t);
            return PROCEED;
        }
        return request(t, holder);
    }

    /** Blocks {@code t} until the peer hands over the volatiles of {@code holder} (asked once per id). */
    private int request(GuestThread t, Object holder) {
        int id = endpoint.dsm().idKnownToPeer(holder);
        List<GuestThread> waiting = waiters.computeIfAbsent(id, k -> new ArrayList<>());
        long now = endpoint.vm().scheduler().now();
        if (waiting.isEmpty() && endpoint.trimInProgress()) {
            deferred.add(id); // its answer is a push, which must not cross a trim of the tracked set
        } else if (waiting.isEmpty()) {
            sendRequest(id, endpoint.canonicalId(t), now);
        }
        waiting.add(t);
        owed.remove(t);
        endpoint.vm().scheduler().blockExternally(t, "the volatiles of " + Ids.format(id) + " from the "
                + (endpoint.role() == Role.PHONE ? "server" : "phone"));
        return WAIT;
    }

    private void sendRequest(int id, int thread, long now) {
        endpoint.metrics().volatileRequests++;
        endpoint.send(new OwnershipRequest(id, false), now, 0);
        endpoint.metrics().event(now, endpoint.name(), "volatile_request", "\"object\":" + OffloadMetrics.json(Ids.format(id))
                + ",\"thread\":" + thread);
    }

    /** No request open either way: a trim of the tracked set may start (no push will be owed during it). */
    boolean idle() {
        return waiters.isEmpty() && pendingRequests.isEmpty() && deferred.isEmpty();
    }

    /** A trim ended: the requests made during it go out now. */
    void trimEnded(long now) {
        for (int id : deferred) {
            List<GuestThread> waiting = waiters.get(id);
            sendRequest(id, waiting == null || waiting.isEmpty() ? -1 : endpoint.canonicalId(waiting.get(0)), now);
        }
        deferred.clear();
    }

    /** Ids this side must keep tracked while a trim runs: requested, asked for or deferred. */
    List<Integer> trimRootIds() {
        List<Integer> ids = new ArrayList<>(waiters.keySet());
        ids.addAll(pendingRequests);
        ids.addAll(deferred);
        return ids;
    }

    /** The peer asks for the volatiles of {@code id}; granted with the next push that may (see {@link #collectGrants}). */
    void requested(int id) {
        pendingRequests.add(id);
    }

    /**
     * Adds to {@code grants} the pending requests this endpoint can answer now: it owns the state
     * and no thread here is owed an access to it. Ownership is given up here; the caller ships the
     * grants in one push.
     */
    void collectGrants(List<Grant> grants, long now) {
        for (int k = 0; k < pendingRequests.size(); k++) {
            int id = pendingRequests.get(k);
            Object holder = endpoint.dsm().ids().objectOf(id);
            if (!Ownership.volatilesOwned(holder) || owed.containsValue(holder)) {
                continue; // not ours yet (it is on its way here), or a thread here still gets its turn first
            }
            grants.add(new Grant(id, false, 0));
            Ownership.setVolatilesOwned(holder, false);
            pendingRequests.remove(k--);
            endpoint.metrics().volatileTransfers++;
            endpoint.metrics().event(now, endpoint.name(), "volatile_grant", "\"object\":" + OffloadMetrics.json(Ids.format(id)));
        }
    }

    /** A push of the peer's handed over the volatiles of {@code g.objectId()}: its waiters run again, each owed its access. */
    void granted(Grant g, long now) {
        Object holder = endpoint.dsm().ids().objectOf(g.objectId());
        Ownership.setVolatilesOwned(holder, true);
        List<GuestThread> waiting = waiters.remove(g.objectId());
        if (waiting == null) {
            return;
        }
        for (GuestThread w : waiting) {
            owed.put(w, holder);
            endpoint.vm().scheduler().advanceClockTo(now);
            endpoint.vm().scheduler().wakeExternal(w, now);
        }
    }

    /** {@code t} leaves this endpoint (or ends): it owes nothing here any more. */
    void forget(GuestThread t) {
        owed.remove(t);
    }

    /**
     * The phone lost the connection: its waiters were woken to access again (everything is local
     * now: tracking is dropped), and requests and turns owed belong to the old connection.
     */
    void connectionLost() {
        waiters.clear();
        pendingRequests.clear();
        owed.clear();
        deferred.clear();
    }

    /** Whether {@code g} is a grant of volatiles this class handles. */
    static boolean isVolatileGrant(Grant g) {
        return !g.lock();
    }

    /** An {@link Unshippable} during the server's push before a request: the state cannot be shared. */
    static org.cometsim.dalvik.rt.VmError unshareable(Unshippable u) {
        return new org.cometsim.dalvik.rt.VmError("unsupported: the server must share its state before asking for"
                + " volatile ownership, but it holds " + u.what + ", which cannot be shipped");
    }
}
