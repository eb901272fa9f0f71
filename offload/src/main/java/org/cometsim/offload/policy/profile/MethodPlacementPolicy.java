package org.cometsim.offload.policy.profile;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.cometsim.offload.policy.MethodPoint;
import org.cometsim.offload.policy.OffloadPolicy;

/**
 * Runs a placement decided before the run at method granularity: the thread migrates at the
 * entry of an {@code offloaded} method (when it is on the phone) and comes home at the exit of a
 * {@code returning} one (when it is on the server). What {@code maui}, {@code clonecloud} and
 * {@code oracle} execute once they have solved their problems.
 *
 * <p>How it maps onto the offload runtime: the endpoint evaluates a named method point at the
 * thread's next safepoint (a backward branch, return or throw), so the thread moves at the first
 * loop iteration of the method, or at the first return inside it; a call made before the server
 * is ready moves at the first evaluation after. Client-pinned natives reached on the server bring
 * the thread home as in COMET, whatever the placement says; a method placed on the phone but
 * called from one on the server is not sent back (MAUI would return control to the phone; our
 * runtime lets it run on the server, which the models charged as a crossing, so they overestimate).
 * A thread the runtime sent home from inside an offloaded method (a client-pinned native, a lock
 * the phone owns, a class to initialise) goes back out at its next periodic evaluation on the phone,
 * until the exit of a returning method is seen: MAUI and CloneCloud run the whole method remotely,
 * and COMET's runtime, unlike theirs, may bounce a thread home in the middle of it. Otherwise
 * periodic evaluations answer "stay".
 */
public class MethodPlacementPolicy implements OffloadPolicy {
    private final String name;
    private final Set<String> offloaded;
    private final Set<String> returning;

    /**
     * @param offloaded signatures ({@link Profile.Method#signature()}) to migrate at
     * @param returning signatures to come home at
     */
    public MethodPlacementPolicy(String name, Set<String> offloaded, Set<String> returning) {
        this.name = name;
        this.offloaded = new TreeSet<>(offloaded);
        this.returning = new TreeSet<>(returning);
    }

    /**
     * The placement of the method ids {@code remote}: migrate at the entry of each one called from
     * outside the set (a remote method only ever called by remote methods is reached on the
     * server; naming it would only cost an evaluation per call), come home at the exit of those
     * mostly called from outside the set (an outermost remote method), so nested remote methods
     * do not send the thread home early.
     */
    public static MethodPlacementPolicy of(String name, Profile p, List<Integer> remote) {
        Set<Integer> in = Set.copyOf(remote);
        Set<String> offloaded = new TreeSet<>();
        Set<String> returning = new TreeSet<>();
        for (int id : remote) {
            long fromLocal = 0;
            long fromRemote = 0;
            for (Profile.Edge e : p.edges()) {
                if (e.callee() == id && e.caller() != id) {
                    if (e.caller() >= 0 && in.contains(e.caller())) {
                        fromRemote += e.calls();
                    } else {
                        fromLocal += e.calls();
                    }
                }
            }
            if (fromLocal > 0) {
                offloaded.add(p.methods().get(id).signature());
            }
            if (fromLocal > 0 && fromLocal >= fromRemote) {
                returning.add(p.methods().get(id).signature());
            }
        }
        return new MethodPlacementPolicy(name, offloaded, returning);
    }

    @Override
    public String name() {
        return name;
    }

    /** The signatures migrated at. */
    public Set<String> offloaded() {
        return offloaded;
    }

    /** The signatures come home at. */
    public Set<String> returning() {
        return returning;
    }

    @Override
    public boolean usesMethodPoints() {
        return !offloaded.isEmpty();
    }

    @Override
    public boolean decidesOnServer() {
        return !offloaded.isEmpty();
    }

    @Override
    public boolean evaluatesAt(MethodPoint p) {
        String sig = p.className() + "." + p.methodName() + p.descriptor();
        return p.exit() ? returning.contains(sig) : offloaded.contains(sig);
    }

    /** Threads (by id) inside an offloaded method whose returning exit has not been seen: one policy serves both endpoints. */
    private final java.util.Set<Integer> inside = new java.util.TreeSet<>();

    @Override
    public String explain(Decision d) {
        // Read-only: may be asked after migrate() updated 'inside'.
        MethodPoint p = d.point();
        if (p == null) {
            return d.onServer() ? "periodic evaluation on the server: placements move threads at method points only"
                    : inside.contains(d.threadId()) ? "resume: sent home inside a method the solver placed on the server"
                    : "periodic evaluation: not inside a method placed on the server";
        }
        String sig = p.className() + "." + p.methodName() + p.descriptor();
        if (p.exit() && returning.contains(sig)) {
            return "exit of " + sig + ": the outermost method " + name() + " placed on the server returns";
        }
        if (!p.exit() && offloaded.contains(sig)) {
            return "entry of " + sig + ": " + name() + " placed it on the server (called from the phone side)";
        }
        return "method point of " + sig + ": no placement change";
    }

    @Override
    public boolean migrate(Decision d) {
        MethodPoint p = d.point();
        if (p == null) {
            return !d.onServer() && inside.contains(d.threadId()); // resume after a forced return
        }
        String sig = p.className() + "." + p.methodName() + p.descriptor();
        if (p.exit() && returning.contains(sig)) {
            inside.remove(d.threadId());
            return d.onServer();
        }
        if (!p.exit() && offloaded.contains(sig) && !d.onServer()) {
            inside.add(d.threadId());
            return true;
        }
        return false;
    }
}
