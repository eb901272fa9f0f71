package org.cometsim.offload.dsm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.offload.wire.Ids;
import org.cometsim.offload.wire.Message.IdRun;
import org.cometsim.offload.wire.Message.TrimMarks;

/**
 * One endpoint's side of a distributed trim of the tracked set (COMET's {@code TRIMGC},
 * comet-reference §2: "tracked objects are GC roots ... both sides GC and swap bit vectors of
 * marked tracked objects until nothing new is marked, then untrack what neither marked").
 *
 * <h2>Marking</h2>
 * Each side marks what its roots reach through its own copies of the objects: every guest
 * thread's frames (every register that holds a reference: {@code Frame.o} holds exactly those, a
 * stale one only keeps more), its pending and caught exceptions, last result, thread object,
 * the monitors it holds, is blocked on or waits on, and the thread it joins; every linked
 * class's static fields and initialisation error; the well-known objects; what the endpoint
 * adds (locks a thread may take along, requests in progress); and every tracked object that has
 * <em>escaped into host code</em>, which the VM cannot look inside: a guest object whose host
 * view, or an array whose backing array, was handed to a host method that may keep it
 * ({@code GuestObject.escaped}, {@code GuestArray.escaped}; {@code HostBridge} knows a few host
 * classes that never keep their arguments, such as {@code String.valueOf}). Such objects stay
 * tracked for as long as the run lasts: a conservative rule, chosen because the alternative,
 * asking the host JVM whether a view is still referenced, depends on when its GC runs, and
 * nothing the protocol does may.
 *
 * <p>The marks of a round are the ids of tracked objects marked for the first time (not sent
 * before, not received from the peer). The peer marks from them in turn, through its copies,
 * whose fields may differ (unshipped writes on either side): the union of both sides' edges is
 * what a later push can make real, so the trim keeps everything either side's copy reaches. The
 * rounds go back and forth until one brings nothing new; both sides then untrack every id
 * neither marked ({@link Dsm#untrack}), so both forget the same ids.
 *
 * <h2>Why this is safe</h2>
 * The phone starts a trim only when no thread is on the server and every push has been
 * acknowledged, and no push crosses until it ends (the endpoint defers migrations and lock
 * requests): the server's heap does not change during the trim, and the phone's threads, which
 * may keep running, can only reach objects that were reachable when the phone marked (an
 * unreachable object stays unreachable without a pull) or objects they allocate (untracked).
 * Marks accumulate over the rounds, so an object reachable at any round stays marked.
 */
public final class Trim {
    private final Dsm dsm;
    private final Vm vm;
    /** Objects this side's marking reached (tracked or not), across all rounds. */
    private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Ids marked by either side so far (sent or received). */
    private final Set<Integer> marked = new java.util.HashSet<>();
    /** Every id of each tracked host value (a value the peer also named has its id too). */
    private final Map<Object, List<Integer>> hostValueIds = new IdentityHashMap<>();
    private boolean rootsMarked;
    private int idsSent;
    private int idsReceived;

    Trim(Dsm dsm, Vm vm) {
        this.dsm = dsm;
        this.vm = vm;
        dsm.forEachTracked((id, o) -> {
            if (!(o instanceof GuestObject) && !(o instanceof GuestArray)) {
                hostValueIds.computeIfAbsent(o, k -> new ArrayList<>(1)).add(id);
            }
        });
    }

    /**
     * This side's marks for a round: on the first call, what its roots reach ({@code extraRoots}:
     * what the endpoint holds on to besides the VM); then, and on every later call, what the
     * objects the peer marked ({@code received}, null in the phone's first round) reach through
     * this side's copies. Returns the ids of tracked objects marked for the first time.
     */
    public List<IdRun> mark(TrimMarks received, Collection<Object> extraRoots) {
        ArrayDeque<Object> work = new ArrayDeque<>();
        List<Object> reached = new ArrayList<>();
        if (received != null) {
            for (IdRun run : received.runs()) {
                for (int k = 0; k < run.count(); k++) {
                    int id = run.first() + k;
                    marked.add(id);
                    idsReceived++;
                    Object o = dsm.trackedOrNull(id);
                    if (o != null) { // an id this side has already dropped cannot be marked by the peer: see Dsm.untrack
                        push(o, work, reached);
                    }
                }
            }
        }
        if (!rootsMarked) {
            rootsMarked = true;
            pushRoots(work, reached, extraRoots);
        }
        while (!work.isEmpty()) {
            Object o = work.pop();
            if (o instanceof GuestObject g) {
                for (Object f : g.r) {
                    push(f, work, reached);
                }
            } else if (o instanceof GuestArray a) {
                if (a.data instanceof Object[] elems) {
                    for (Object e : elems) {
                        push(e, work, reached);
                    }
                }
            } else if (o instanceof VmClass c) {
                pushStatics(c, work, reached);
            }
        }
        TreeSet<Integer> fresh = new TreeSet<>(Integer::compareUnsigned);
        for (Object o : reached) {
            if (o instanceof GuestObject g) {
                addIfTracked(g.dsm, fresh);
            } else if (o instanceof GuestArray a) {
                addIfTracked(a.dsm, fresh);
            } else {
                List<Integer> ids = hostValueIds.get(o);
                if (ids != null) {
                    for (int id : ids) {
                        if (marked.add(id)) {
                            fresh.add(id);
                        }
                    }
                }
            }
        }
        idsSent += fresh.size();
        return runs(fresh);
    }

    private void addIfTracked(org.cometsim.dalvik.rt.ObjectHeader h, TreeSet<Integer> fresh) {
        if (h instanceof Tracked t && marked.add(t.objectId)) {
            fresh.add(t.objectId);
        }
    }

    /**
     * Ends the trim on this side: untracks every tracked id neither side marked. Returns how many
     * ids were dropped.
     */
    public int commit() {
        return dsm.untrack(id -> !marked.contains(id));
    }

    /** Ids this side named in its rounds. */
    public int idsSent() {
        return idsSent;
    }

    /** Ids the peer named in its rounds. */
    public int idsReceived() {
        return idsReceived;
    }

    private void push(Object o, ArrayDeque<Object> work, List<Object> reached) {
        if (o == null || !visited.add(o)) {
            return;
        }
        reached.add(o);
        if (o instanceof GuestObject || o instanceof GuestArray || o instanceof VmClass) {
            work.push(o);
        }
    }

    private void pushStatics(VmClass c, ArrayDeque<Object> work, List<Object> reached) {
        if (c.staticR != null) {
            for (Object s : c.staticR) {
                push(s, work, reached);
            }
        }
        push(c.initError, work, reached);
    }

    private void pushRoots(ArrayDeque<Object> work, List<Object> reached, Collection<Object> extraRoots) {
        for (GuestThread t : vm.scheduler().threads()) {
            if (t.state != org.cometsim.dalvik.rt.ThreadState.TERMINATED) {
                push(t.threadObject, work, reached);
            }
            push(t.retR, work, reached);
            push(t.caught, work, reached);
            push(t.uncaught, work, reached);
            if (t.joining != null) {
                push(t.joining.threadObject, work, reached);
            }
            if (t.blockedOn != null) {
                push(t.blockedOn.ownerObject, work, reached);
            }
            for (Monitor m = t.heldMonitors; m != null; m = m.nextHeld()) {
                push(m.ownerObject, work, reached);
            }
            for (Frame f = t.top; f != null; f = f.caller) {
                for (Object r : f.o) {
                    push(r, work, reached);
                }
                push(f.syncOn, work, reached);
            }
        }
        for (VmClass c : vm.linker().linkedClasses()) {
            // Classes are never untracked; their statics are roots (an uninitialised class has none set).
            pushStatics(c, work, reached);
        }
        for (Object o : dsm.wellKnownObjects()) {
            push(o, work, reached);
        }
        for (Object o : extraRoots) {
            push(o, work, reached);
        }
        dsm.forEachTracked((id, o) -> {
            if (o instanceof GuestObject g && g.escaped || o instanceof GuestArray a && a.escaped) {
                push(o, work, reached); // escaped into host code: the VM cannot see who holds it
            }
        });
    }

    /** Sorted ids (unsigned order) as maximal runs within one space. */
    static List<IdRun> runs(Collection<Integer> sortedIds) {
        List<IdRun> out = new ArrayList<>();
        int first = 0;
        int count = 0;
        for (int id : sortedIds) {
            if (count > 0 && id == first + count && Ids.space(id) == Ids.space(first)) {
                count++;
                continue;
            }
            if (count > 0) {
                out.add(new IdRun(first, count));
            }
            first = id;
            count = 1;
        }
        if (count > 0) {
            out.add(new IdRun(first, count));
        }
        return out;
    }
}
