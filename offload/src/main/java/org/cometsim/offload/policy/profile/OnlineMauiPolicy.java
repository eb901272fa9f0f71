package org.cometsim.offload.policy.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cometsim.offload.policy.MethodId;
import org.cometsim.offload.policy.MethodObserver;
import org.cometsim.offload.policy.MethodPoint;
import org.cometsim.offload.policy.OffloadPolicy;

/**
 * {@code maui:online} / {@code maui:online:PERIOD}: MAUI as its paper runs it, profiling this run
 * online and re-solving its ILP periodically, instead of solving once from a prior run
 * ({@link MauiPolicy}, {@code maui}).
 *
 * <p><b>Source.</b> E. Cuervo et al., MobiSys 2010 (policies-reference §1.3, §5.2): the program is
 * profiled "online and continuously, by run-time instrumentation" [§5.2]; past invocations predict
 * future ones; profiles are not kept across runs [§5.2.1]; state size is measured at the first call
 * and refreshed on offload (LastDiff, [§5.2.1]); the network is measured by each offload's transfer
 * [§5.3]; the solver re-runs periodically [§3]. The ILP is {@link MauiSolver}'s (energy objective,
 * L = 1.05 × all-local time), fed a {@link Profile} built from what this run has shown so far.
 *
 * <p><b>What it records</b> ({@link OffloadPolicy#methodObserver}, both endpoints): per method, its
 * calls, the callers it was called from, and its self time on each side: the simulated time between
 * two consecutive method events of a thread is charged to the method on top of that thread's stack,
 * on the side both events happened (an interval across a move is charged to nobody: it holds the
 * crossing, which the ILP prices through its edges). These are durations, as MAUI measures them,
 * not CPU times: a thread blocked or preempted inside a method charges the wait to it.
 *
 * <p><b>What it derives</b>, at each solve:
 * <ul>
 *   <li>T^l_v and T^r_v: self time on the phone plus server self time × {@code phoneOverServer}
 *       (the CPU models' speed ratio under the default instruction mix: MAUI's device profile),
 *       and the converse;</li>
 *   <li>state bytes: {@link Decision#pendingSyncBytes} at the method's first entry evaluation on
 *       the phone, refreshed whenever the thread migrates at its entry (LastDiff). It is a lower
 *       bound (objects never tracked yet are not counted), so before the first offload crossings
 *       look cheap: the first solve leans to offloading, and the offloads then measure;</li>
 *   <li>the network: the link's one-way latency from the transport's smoothed RTT once measured
 *       (the probe-derived figure of {@link Environment} before), bandwidth from the environment's
 *       10 KB / 100 KB probes;</li>
 *   <li>r_v = 0 for a thread's first method and for any method in which a thread came home without
 *       the policy asking {@link #PINNED_AFTER} times (a client-pinned native comes back at every
 *       visit; a lock or a class initialisation, COMET's other forced returns, once or twice);
 *       MAUI's developers annotate remoteable methods instead.</li>
 * </ul>
 *
 * <p><b>When it solves.</b> At the first phone evaluation at least {@code periodNanos} of
 * simulated time after the previous solve (the first one a period after the run's start); the
 * paper names no period, so it is a parameter (default {@link #DEFAULT_PERIOD_NANOS}). The solve
 * costs the phone no simulated time (MAUI solves on the server, 18–46 ms [§7.3.1]; that delay is
 * not modelled).
 *
 * <p><b>How a placement runs.</b> A thread belongs on the server while some frame on its stack is
 * a method the latest solve placed there (MAUI: control moves at a remote method's entry and comes
 * back at its end [§4.1.4]). Every method entry and exit asks for an evaluation at the thread's
 * next safepoint, where the policy compares the thread's side with its stack: it migrates at the
 * first safepoint inside a remote method and comes home at the first one after the outermost remote
 * frame returned. (Only the stack decides, not the point that triggered the evaluation: between a
 * method's entry and the next safepoint the thread usually enters and leaves other methods, whose
 * points replace the pending one.) A method placed on the phone but called from one on the server
 * stays there (as {@link MethodPlacementPolicy}); a thread sent home by the runtime inside a remote
 * method (a pinned native) goes back out at its next evaluation; the method it was in when it came
 * home is not remoteable from the next solve on once that happened {@link #PINNED_AFTER} times.
 *
 * <p><b>Cost.</b> Since the placement can change, every method entry and exit asks for an
 * evaluation (a scan of the thread's recorded stack): call-heavy programs
 * run slower in host time under this policy than under {@code maui}. Deterministic: the same run
 * gives the same profile, solves and decisions.
 */
public final class OnlineMauiPolicy implements OffloadPolicy {
    /** Default re-solve period: 10 ms of simulated time (the paper names none; short runs need early solves). */
    public static final long DEFAULT_PERIOD_NANOS = 10_000_000L;

    private final String name;
    private final Environment env;
    private final double phoneOverServer;
    private final long periodNanos;
    private final Recorder recorder = new Recorder();

    /** Per recorder method id: placed on the server by the latest solve. */
    private boolean[] remote = new boolean[0];
    private Set<String> remoteNames = Set.of();
    private long lastSolveNanos;
    private int solves;
    private MauiSolver.Solution last;

    /**
     * @param env the link and power figures (latency replaced by the measured RTT once known)
     * @param phoneOverServer how many times longer the phone takes for the same work than the server
     * @param periodNanos simulated time between solves
     */
    public OnlineMauiPolicy(String name, Environment env, double phoneOverServer, long periodNanos) {
        if (!(phoneOverServer > 0) || periodNanos <= 0) {
            throw new IllegalArgumentException("maui:online needs a positive speed ratio and period");
        }
        this.name = name;
        this.env = env;
        this.phoneOverServer = phoneOverServer;
        this.periodNanos = periodNanos;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean usesMethodPoints() {
        return true;
    }

    @Override
    public boolean decidesOnServer() {
        return true;
    }

    @Override
    public boolean evaluatesAt(MethodPoint point) {
        return true; // the placement changes with every solve: every boundary may cross it
    }

    @Override
    public MethodObserver methodObserver() {
        return recorder;
    }

    /** How many times the ILP was solved so far. */
    public int solves() {
        return solves;
    }

    /** The latest solution, or null before the first solve. */
    public MauiSolver.Solution lastSolution() {
        return last;
    }

    /** The methods ({@code Class.name(desc)}) the latest solve placed on the server. */
    public Set<String> remoteMethods() {
        return remoteNames;
    }

    @Override
    public boolean migrate(Decision d) {
        MethodPoint p = d.point();
        if (!d.onServer()) {
            if (p != null && !p.exit()) {
                recorder.sampleState(p.method(), d, false);
            }
            if (d.nowNanos() - lastSolveNanos >= periodNanos) {
                solve(d);
            }
        }
        int inside = recorder.outermostRemote(d.threadId(), remote);
        boolean move = d.onServer() ? inside < 0 : inside >= 0;
        if (move && d.onServer()) {
            recorder.policyReturned(d.threadId());
        } else if (move) {
            recorder.sampleState(inside, d, true);
        }
        return move;
    }

    @Override
    public String explain(Decision d) {
        // Read-only (may be asked after migrate()).
        int inside = recorder.outermostRemote(d.threadId(), remote);
        String state = String.format(Locale.ROOT, "solve %d: %d method(s) remote", solves, remoteNames.size());
        if (inside >= 0) {
            return "inside " + recorder.method(inside) + ", placed on the server; " + state;
        }
        return "no method on the thread's stack is placed on the server; " + state;
    }

    private void solve(Decision d) {
        lastSolveNanos = d.nowNanos();
        Environment e = env;
        if (d.srttNanos() > 0) {
            e = new Environment(env.link(), d.srttNanos() / 2, env.upBytesPerNano(), env.downBytesPerNano(),
                    env.cpuActiveWatts(), env.cpuIdleWatts(), env.radioActiveWatts());
        }
        // The deciding thread's current stretch so far counts: a long loop without calls would
        // otherwise show no time until it returns, when placing it is too late.
        recorder.chargeOpen(d.threadId(), d.nowNanos(), d.onServer());
        Profile profile = recorder.snapshot(phoneOverServer);
        if (profile.methods().isEmpty()) {
            return;
        }
        last = new MauiSolver(profile, e).solve(MauiSolver.Objective.ENERGY);
        solves++;
        boolean[] r = new boolean[profile.methods().size()];
        Set<String> names = new TreeSet<>();
        for (int id : last.remote()) {
            r[id] = true;
            names.add(profile.methods().get(id).signature());
        }
        remote = r;
        remoteNames = java.util.Collections.unmodifiableSet(names);
    }

    /**
     * Unasked returns home (the thread on top of this method) before the method counts as not
     * remoteable. A client-pinned native in a method's own code sends the thread home at every
     * visit; a lock the phone happens to own, or a class to initialise, sends it home once or twice
     * and not again (COMET moves locks and initialises classes on demand): one such return must not
     * keep a hot method, and every method that calls it, on the phone for the rest of the run.
     */
    static final int PINNED_AFTER = 3;

    /** "The profile so far": method events of both endpoints, folded per method and caller. */
    static final class Recorder implements MethodObserver {
        private final Map<MethodId, Integer> ids = new HashMap<>();
        private final List<MethodId> methods = new ArrayList<>();
        private final List<long[]> stats = new ArrayList<>(); // {calls, phoneSelf, serverSelf, stateBytes, stateSamples}
        private final List<int[]> flags = new ArrayList<>(); // {unasked returns home while on top}
        /** (caller + 1) << 32 | callee → calls; caller -1 is a thread's start. */
        private final TreeMap<Long, long[]> edges = new TreeMap<>();
        private final Map<Integer, ThreadTrack> threads = new HashMap<>();

        private static final class ThreadTrack {
            int[] stack = new int[64];
            int size;
            /** Logical depth of the current endpoint's depth 0 (frames below it run on the other endpoint). */
            int offset;
            long lastNanos;
            boolean lastOnServer;
            boolean seen;
            boolean returnAsked;
        }

        private int id(MethodId m) {
            Integer id = ids.get(m);
            if (id == null) {
                id = methods.size();
                ids.put(m, id);
                methods.add(m);
                stats.add(new long[5]);
                flags.add(new int[1]);
            }
            return id;
        }

        private ThreadTrack track(int threadId) {
            return threads.computeIfAbsent(threadId, k -> new ThreadTrack());
        }

        /** Charges the interval since the thread's last event to its top method, on the side it ran. */
        private void charge(ThreadTrack t, long now, boolean onServer) {
            if (t.seen && t.size > 0) {
                int top = t.stack[t.size - 1];
                if (onServer == t.lastOnServer) {
                    if (top >= 0) {
                        stats.get(top)[onServer ? 2 : 1] += Math.max(0, now - t.lastNanos);
                    }
                } else if (t.lastOnServer && !t.returnAsked && top >= 0) {
                    flags.get(top)[0]++; // came home without the policy asking (counted, see PINNED_AFTER)
                }
            }
            if (onServer != t.lastOnServer) {
                t.returnAsked = false;
            }
            t.seen = true;
            t.lastNanos = now;
            t.lastOnServer = onServer;
        }

        /**
         * Depths are per endpoint (a migrated thread's top frames run on the server, counted from
         * there): the thread's logical stack is kept across moves, and at the first event after a
         * move the endpoint's depth is aligned with it (the frame on top just before the move is the
         * one on top on arrival).
         */
        @Override
        public void entered(int threadId, MethodId method, int depth, long nowNanos, boolean onServer) {
            ThreadTrack t = track(threadId);
            if (t.seen && onServer != t.lastOnServer) {
                t.offset = Math.max(0, t.size - (depth - 1));
            }
            charge(t, nowNanos, onServer);
            int id = id(method);
            stats.get(id)[0]++;
            int d = t.offset + depth; // logical depth with the new frame
            int caller = d <= 1 ? -1 : d - 2 < t.size ? t.stack[d - 2] : -2;
            if (caller != -2) {
                edges.computeIfAbsent(((long) (caller + 1) << 32) | id, k -> new long[1])[0]++;
            }
            ensure(t, d);
            for (int k = t.size; k < d - 1; k++) {
                t.stack[k] = -2; // frames this recorder never saw entered
            }
            t.stack[Math.max(0, d - 1)] = id;
            t.size = Math.max(1, d);
        }

        @Override
        public void exited(int threadId, MethodId method, int depth, long nowNanos, boolean onServer, boolean exceptional) {
            ThreadTrack t = track(threadId);
            if (t.seen && onServer != t.lastOnServer) {
                t.offset = Math.max(0, t.size - depth);
            }
            charge(t, nowNanos, onServer);
            t.size = Math.max(0, Math.min(t.size, t.offset + depth - 1));
        }

        private static void ensure(ThreadTrack t, int depth) {
            if (depth > t.stack.length) {
                t.stack = java.util.Arrays.copyOf(t.stack, Math.max(depth, t.stack.length * 2));
            }
        }

        /** Charges the thread's open interval up to {@code now} (as if an event happened then). */
        void chargeOpen(int threadId, long now, boolean onServer) {
            ThreadTrack t = threads.get(threadId);
            if (t != null && t.seen && t.lastOnServer == onServer) {
                charge(t, now, onServer);
            }
        }

        /** The recorder's id of the bottom-most frame of the thread placed remote, or -1. */
        int outermostRemote(int threadId, boolean[] remote) {
            ThreadTrack t = threads.get(threadId);
            if (t == null) {
                return -1;
            }
            for (int k = 0; k < t.size; k++) {
                int id = t.stack[k];
                if (id >= 0 && id < remote.length && remote[id]) {
                    return id;
                }
            }
            return -1;
        }

        MethodId method(int id) {
            return methods.get(id);
        }

        void policyReturned(int threadId) {
            track(threadId).returnAsked = true;
        }

        /** LastDiff: measured at the first call, refreshed when the thread migrates at the method's entry. */
        void sampleState(MethodId method, Decision d, boolean offloading) {
            sampleState(id(method), d, offloading);
        }

        void sampleState(int id, Decision d, boolean offloading) {
            long[] s = stats.get(id);
            if (s[4] == 0 || offloading) {
                long b = d.pendingSyncBytes();
                s[3] = Math.max(0, b);
                s[4]++;
            }
        }

        /** The profile so far, in {@link Profile}'s terms (no calling-context nodes, no oracles). */
        Profile snapshot(double phoneOverServer) {
            List<Profile.Method> out = new ArrayList<>(methods.size());
            for (int i = 0; i < methods.size(); i++) {
                MethodId m = methods.get(i);
                long[] s = stats.get(i);
                long phone = s[1] + Math.round(s[2] * phoneOverServer);
                long server = s[2] + Math.round(s[1] / phoneOverServer);
                boolean pinned = flags.get(i)[0] >= PINNED_AFTER;
                out.add(new Profile.Method(i, m.className(), m.methodName(), m.descriptor(), s[0], phone, server, phone,
                        server, s[3], (int) s[4], pinned, pinned, false));
            }
            List<Profile.Edge> es = new ArrayList<>(edges.size());
            for (Map.Entry<Long, long[]> e : edges.entrySet()) {
                es.add(new Profile.Edge((int) (e.getKey() >>> 32) - 1, (int) (long) e.getKey(), e.getValue()[0]));
            }
            long phoneTotal = out.stream().mapToLong(Profile.Method::phoneSelfNanos).sum();
            long serverTotal = out.stream().mapToLong(Profile.Method::serverSelfNanos).sum();
            return new Profile("online", "", "", threads.size(), 0, phoneTotal, serverTotal, out, es, List.of(), List.of(),
                    List.of());
        }
    }
}
