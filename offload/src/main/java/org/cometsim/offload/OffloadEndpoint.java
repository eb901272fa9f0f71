package org.cometsim.offload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.hooks.MonitorGate;
import org.cometsim.dalvik.hooks.SafepointHandler;
import org.cometsim.dalvik.hooks.ThreadImage;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.Monitor;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.ThreadHeader;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.offload.dsm.Dsm;
import org.cometsim.offload.dsm.Ownership;
import org.cometsim.offload.dsm.Trim;
import org.cometsim.offload.dsm.Unshippable;
import org.cometsim.offload.policy.MethodId;
import org.cometsim.offload.policy.MethodPoint;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.wire.Framing;
import org.cometsim.offload.wire.Ids;
import org.cometsim.offload.wire.Message;
import org.cometsim.offload.wire.Message.DexData;
import org.cometsim.offload.wire.Message.DexFile;
import org.cometsim.offload.wire.Message.DexInfo;
import org.cometsim.offload.wire.Message.DexRequest;
import org.cometsim.offload.wire.Message.Ended;
import org.cometsim.offload.wire.Message.Grant;
import org.cometsim.offload.wire.Message.Hello;
import org.cometsim.offload.wire.Message.Move;
import org.cometsim.offload.wire.Message.OwnershipRequest;
import org.cometsim.offload.wire.Message.Ready;
import org.cometsim.offload.wire.Message.Sync;
import org.cometsim.offload.wire.Message.SyncAck;
import org.cometsim.offload.wire.ProtocolException;
import org.cometsim.offload.wire.WireCodec;

/**
 * <b>Start here.</b> One endpoint of COMET's offload runtime: the phone's or the server's side of
 * a connection, bound to its {@link Vm}, a {@link Transport} and an {@link EndpointDriver}. It
 * never knows whether its clock is simulated and its link modelled, or both real (principle 1).
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>{@link Dsm} (package {@code dsm}): ids, tracking by reachability, dirty slots through the
 *       VM's write barrier, push and pull of the VM-synchronisation primitive.</li>
 *   <li>Wire ({@code wire}): typed {@link Message}s, the one {@link WireCodec}, COMET's per-thread
 *       framing with optional zlib ({@link Framing}); {@code offload/PROTOCOL.md} byte by byte.</li>
 *   <li>Threads: the phone's policy ({@code policy}) picks threads to move at safepoint
 *       evaluations; a move is {@link Vm#detach} + a push carrying the thread, and {@link Vm#adopt}
 *       on arrival. On the server a thread must come back before a client-pinned native (the
 *       VM's {@code NativeGate}; pc left on the invoke), before a {@code <clinit>}
 *       ({@code ClassInitGate}), before starting or inspecting other threads, and before taking a
 *       lock the phone owns ({@code MonitorGate}); a thread that ends on the server ends on the
 *       phone with its uncaught exception (reported there, where the console is).</li>
 *   <li>Locks: ownership per tracked object, moved only with a full push; the phone asks the
 *       server for locks it does not own ({@link Message.OwnershipRequest}).</li>
 *   <li>Volatiles ({@link VolatileOwnership}): ownership per tracked object (per class for
 *       statics), fetched before the access by either endpoint, moved only with a full push.</li>
 *   <li>Interrupts ({@link RemoteInterrupts}): {@code Thread.interrupt} of a thread that runs on
 *       the server goes there after a push, and comes back if the thread has left.</li>
 *   <li>Set-up: the phone sends its dex files' hashes ({@link Hello}), the server asks for the
 *       ones it lacks and they travel whole ({@link DexData}); threads move only after
 *       {@link Ready}.</li>
 * </ul>
 */
public final class OffloadEndpoint {
    private final Role role;
    private final Vm vm;
    private final OffloadPolicy policy;
    private final boolean compress;
    private final OffloadMetrics metrics;
    private final String name;
    private EndpointDriver driver;
    private ClassPath appCode;
    /** The server's dex cache by SHA-1 (COMET's {@code OFFLOAD_DEX_CACHE}: it outlives a connection). */
    private Set<String> dexCache = new java.util.HashSet<>();

    // Per connection: a failure drops all of it (comet-reference §9, cleanupOffloadState).
    private Dsm dsm;
    private Transport transport;
    private Framing.Sender sender;
    private Framing.Receiver receiver;
    /** What both directions of the connection remember (names, threads' last frames); new with each connection. */
    private org.cometsim.offload.wire.WireSession session;
    private boolean ready;
    /** The server after its connection failed: it does nothing more (COMET's server process exits). */
    private boolean dead;
    /**
     * Phone: the recovery checkpoint of every thread running on the server, by canonical id: the
     * stack of the last push received that carried it, or the image the phone sent it away with.
     */
    private final Map<Integer, ThreadImage> checkpoints = new HashMap<>();
    /** Phone: threads the server could not capture at its last push (inside a host callback there), and why. */
    private final Map<Integer, String> noCheckpoint = new HashMap<>();

    /** Notify messages received from the peer and applied here (echoed in every push, see {@link Sync}). */
    private int notifiesApplied;
    /** Notify messages forwarded to the peer so far. */
    private int notifiesForwarded;
    /**
     * Phone: notifies forwarded to the server that no push received from it reflects yet, oldest
     * first. Their waiters are on the server; if the link fails, those threads resume from the
     * server's last push, which shows them still waiting, so the notifies are replayed here (a
     * replay that finds a thread which had already woken there wakes a waiter spuriously, which
     * Object.wait allows; losing one would deadlock the program).
     */
    private final java.util.ArrayDeque<ForwardedNotify> unreflectedNotifies = new java.util.ArrayDeque<>();

    private record ForwardedNotify(int sequence, Object lock, boolean all) {
    }

    /** Threads by canonical id (the phone's thread id: every thread starts on the phone). */
    private final Map<Integer, GuestThread> byCanonical = new HashMap<>();
    /** Pushes awaiting their acknowledgement: revision → send time (the sync-time samples). */
    private final Map<Integer, Long> unacked = new HashMap<>();
    private long syncNanos;
    private int syncSamples;
    /** Phone: threads waiting for the lock of an object the server owns, by object id. */
    private final Map<Integer, List<GuestThread>> lockWaiters = new LinkedHashMap<>();
    /** Server: lock requests waiting for the monitor to be free here, by object id. */
    private final List<Integer> pendingLockRequests = new ArrayList<>();
    /** Volatile ownership: the VM's volatile gate, requests and grants (see the class). */
    private final VolatileOwnership volatiles = new VolatileOwnership(this);
    /** Thread.interrupt of threads on the other endpoint (see the class). */
    private final RemoteInterrupts interrupts = new RemoteInterrupts(this);
    /** The trim of the tracked set in progress on this side, or null ({@link Trim}). */
    private Trim trim;
    private long trimStartedAt;
    /** Phone: lock requests made during a trim, sent when it ends (no heap state crosses meanwhile). */
    private final List<Integer> deferredLockRequests = new ArrayList<>();
    /** Phone: the tracked count that starts the next trim (0: never); see {@link #setTrimFloor}. */
    private int trimFloor = DEFAULT_TRIM_FLOOR;
    private int nextTrimAt = DEFAULT_TRIM_FLOOR;

    /** The tracked count below which the phone never trims, by default. */
    public static final int DEFAULT_TRIM_FLOOR = 4096;

    /** Locks a migrating thread may take along (comet-reference §7: the 16 most recently released). */
    static final int LOCK_LIST = 16;

    /** Per-thread state of the offload runtime (the VM's typed thread header). */
    static final class OffloadThread extends ThreadHeader {
        final int canonicalId;
        /** When it last had to be on the phone (COMET's offUnsafeTime). */
        long unsafeTime;
        long evaluations;
        /** Why the thread last stopped for migration (forced returns), or null (the policy). */
        String stopReason;
        /** The method point that asked for an evaluation at the next safepoint, or null. */
        MethodPoint pendingPoint;
        /** A push of it failed: what could not be shipped (it stays local from then on). */
        String pinnedBy;
        /**
         * Its block phase when it began waiting for a lock from the peer: the instruction it
         * re-executes once the lock is here must see the phase it had (0 at a monitor-enter; the
         * wake-up reason, interrupt included, in a wait's re-acquire), not the external wake's.
         */
        int phaseBeforeLockWait;
        /** The locks it entered most recently, newest first (COMET's 16-entry lock handoff list). */
        final java.util.ArrayDeque<Object> recentLocks = new java.util.ArrayDeque<>();

        void lockEntered(Object lock) {
            recentLocks.remove(lock);
            recentLocks.addFirst(lock);
            if (recentLocks.size() > LOCK_LIST) {
                recentLocks.removeLast();
            }
        }

        OffloadThread(int canonicalId) {
            this.canonicalId = canonicalId;
        }
    }

    public OffloadEndpoint(Role role, Vm vm, OffloadPolicy policy, Transport transport, boolean compress) {
        this(role, vm, policy, transport, compress, new OffloadMetrics());
    }

    /**
     * @param metrics where to count (a server incarnation after a failure continues its
     *     predecessor's counts, so a run reports one server)
     */
    public OffloadEndpoint(Role role, Vm vm, OffloadPolicy policy, Transport transport, boolean compress,
                           OffloadMetrics metrics) {
        this.role = role;
        this.vm = vm;
        this.hostResults = new org.cometsim.offload.dsm.HostResults(vm);
        this.policy = policy;
        this.compress = compress;
        this.metrics = metrics;
        this.name = role == Role.PHONE ? "phone" : "server";
        openConnection(transport);
        install();
    }

    /** Fresh per-connection state: framing (new deflate streams), an empty tracked set. */
    private void openConnection(Transport t) {
        this.transport = t;
        this.sender = new Framing.Sender(compress);
        this.receiver = new Framing.Receiver(compress);
        this.session = new org.cometsim.offload.wire.WireSession(role == Role.SERVER);
        Map<String, Object> wellKnown = new LinkedHashMap<>();
        // The console each VM has of its own (the guest may have replaced them: then those are what ships).
        putIfPresent(wellKnown, "System.out", vm.world().out());
        putIfPresent(wellKnown, "System.err", vm.world().err());
        putIfPresent(wellKnown, "System.in", vm.world().in());
        this.dsm = new Dsm(vm, role == Role.PHONE ? Ids.PHONE_SPACE : Ids.SERVER_SPACE, wellKnown);
        vm.setWriteBarrier(dsm);
        dsm.setThreadIds(t2 -> header(t2).canonicalId);
        this.ready = false;
        this.trim = null;
        this.nextTrimAt = trimFloor;
        // The counts are per connection: a new server starts from zero.
        this.notifiesApplied = 0;
        this.notifiesForwarded = 0;
        unreflectedNotifies.clear();
        deferredLockRequests.clear();
        metrics.connections++;
    }

    /**
     * When the phone trims the tracked set: once it tracks {@code floor} ids, and from then on each
     * time the count has doubled since the last trim ended (never below {@code floor}); 0 never trims.
     */
    public void setTrimFloor(int floor) {
        if (floor < 0) {
            throw new IllegalArgumentException("trim floor " + floor);
        }
        this.trimFloor = floor;
        this.nextTrimAt = floor;
    }

    /** Shares a dex cache across server incarnations (a server caches the app's code by hash). */
    public void useDexCache(Set<String> cache) {
        this.dexCache = cache;
    }

    /**
     * Server: where the app's code comes from when the server's VM does not share the phone's
     * class path (the testbed's server process starts its VM without the app and loads what the
     * phone ships). Replaces the {@link #useDexCache} set: the store answers which files it has
     * (making a cached one part of this VM's code) and takes each file that arrived and matched its
     * SHA-1. Without one (the simulator), both VMs already hold the app and only hashes are kept.
     */
    public interface AppCodeStore {
        /** Whether the dex file named {@code name} with this SHA-1 is cached; if so it is now loaded in this VM. */
        boolean useCached(String name, byte[] sha1);

        /**
         * A dex file arrived and matched its SHA-1: load it in this VM (and cache it).
         *
         * @throws ProtocolException if it cannot be loaded (a malformed or rejected dex file)
         */
        void received(String name, byte[] sha1, byte[] bytes);
    }

    private AppCodeStore appCodeStore;
    /** Server with an {@link AppCodeStore}: the names the phone gave its dex files, by SHA-1 hex. */
    private final Map<String, String> dexNames = new HashMap<>();

    /** Server: loads the app's code through {@code store} (see {@link AppCodeStore}). */
    public void useAppCodeStore(AppCodeStore store) {
        this.appCodeStore = store;
    }

    public Role role() {
        return role;
    }

    public Vm vm() {
        return vm;
    }

    public Dsm dsm() {
        return dsm;
    }

    public OffloadMetrics metrics() {
        return metrics;
    }

    /** Whether threads may move (the server has the app's code). */
    public boolean ready() {
        return ready;
    }

    /** The smoothed sync time (push to acknowledgement), EWMA α = 1/16. */
    public long syncNanos() {
        return syncNanos;
    }

    /** Connects the endpoint to whoever runs its VM. */
    public void attach(EndpointDriver d) {
        this.driver = d;
    }

    // ------------------------------------------------------------------ hooks

    private void install() {
        vm.hooks().setVolatileGate(volatiles);
        Scheduler sched = vm.scheduler();
        sched.setMigrationHandler(this::migrateOut);
        sched.setDeadlockDetection(false); // the peer may wake anyone here: the driver sees both sides
        if (role == Role.PHONE) {
            vm.setSafepointHandler(this::phoneSafepoint);
            vm.setNativeGate((t, m) -> {
                if (m.placement == Placement.CLIENT_PINNED) {
                    header(t).unsafeTime = sched.now(); // COMET resets the clock around pinned natives
                }
                return true;
            });
            vm.hooks().setMonitorGate(gate(this::phoneMonitorGate));
            sched.setRemoteInterruptHandler(interrupts::interruptRemote);
        } else {
            if (policy.decidesOnServer()) {
                vm.setSafepointHandler(this::serverSafepoint);
            }
            vm.setNativeGate(new org.cometsim.dalvik.hooks.NativeGate() {
                @Override
                public boolean mayRunHere(GuestThread t, VmMethod m) {
                    return serverMayRun(t, m, null);
                }

                @Override
                public boolean mayRunHere(GuestThread t, VmMethod m, Object[] args) {
                    return serverMayRun(t, m, args);
                }
            });
            vm.hooks().setClassInitGate((t, c) -> {
                header(t).stopReason = "class initialisation (" + c.name + ")";
                return false;
            });
            vm.hooks().setMonitorGate(gate(this::serverMonitorGate));
            // A thread that ends here ends on the phone, which reports an uncaught exception there.
            sched.setTerminationHandler(t -> { });
            sched.setEndListener(this::threadEndedHere);
        }
        installMethodPoints();
    }

    /**
     * A policy that names method points gets evaluations right after them: the method events mark
     * the thread and end its safepoint budget, so its next safepoint asks the policy. A policy
     * that observes methods ({@link OffloadPolicy#methodObserver}) gets every entry and exit, on
     * both endpoints. Neither: nobody subscribes, and method calls cost nothing extra.
     */
    private void installMethodPoints() {
        boolean points = policy.usesMethodPoints() && (role == Role.PHONE || policy.decidesOnServer());
        org.cometsim.offload.policy.MethodObserver observer = policy.methodObserver();
        if (!points && observer == null) {
            return;
        }
        boolean onServer = role == Role.SERVER;
        vm.hooks().setMethodEvents(new org.cometsim.dalvik.hooks.MethodEvents() {
            @Override
            public void enter(GuestThread t, VmMethod m) {
                MethodInfo info = methodInfo(m);
                if (observer != null) {
                    observer.entered(header(t).canonicalId, info.id, frames(t), vm.scheduler().now(), onServer);
                }
                if (points) {
                    mark(t, info.entry);
                }
            }

            @Override
            public void exit(GuestThread t, VmMethod m, boolean exceptional) {
                MethodInfo info = methodInfo(m);
                if (observer != null) {
                    // The frame has left: its depth was one more than the thread's now.
                    observer.exited(header(t).canonicalId, info.id, frames(t) + 1, vm.scheduler().now(), onServer,
                            exceptional);
                }
                if (points) {
                    mark(t, info.exit);
                }
            }

            private void mark(GuestThread t, MethodPoint p) {
                if (p != null) {
                    header(t).pendingPoint = p;
                    t.safepointBudget = 0; // the next safepoint evaluates
                }
            }
        });
    }

    /** The thread's frames on this endpoint (a frame's {@code depth} counts from 0). */
    private static int frames(GuestThread t) {
        return t.top == null ? 0 : t.top.depth + 1;
    }

    /** A method as policies see it, and its entry and exit if the policy evaluates there (else null). */
    private static final class MethodInfo {
        final MethodId id;
        final MethodPoint entry;
        final MethodPoint exit;

        MethodInfo(MethodId id, MethodPoint entry, MethodPoint exit) {
            this.id = id;
            this.entry = entry;
            this.exit = exit;
        }
    }

    /** Per VM method, computed once: the policy's {@link OffloadPolicy#evaluatesAt} is a function of the point. */
    private final Map<VmMethod, MethodInfo> methodInfos = new java.util.IdentityHashMap<>();

    private MethodInfo methodInfo(VmMethod m) {
        MethodInfo info = methodInfos.get(m);
        if (info == null) {
            MethodId id = new MethodId(m.owner.name, m.name, m.desc);
            MethodPoint in = MethodPoint.of(id, false);
            MethodPoint out = MethodPoint.of(id, true);
            boolean asks = policy.usesMethodPoints();
            info = new MethodInfo(id, asks && policy.evaluatesAt(in) ? in : null, asks && policy.evaluatesAt(out) ? out : null);
            methodInfos.put(m, info);
        }
        return info;
    }

    private OffloadThread header(GuestThread t) {
        OffloadThread h = (OffloadThread) t.offload;
        if (h == null) {
            h = new OffloadThread(t.id);
            h.unsafeTime = vm.scheduler().now();
            t.offload = h;
            if (role == Role.PHONE) {
                byCanonical.put(t.id, t);
            }
        }
        return h;
    }

    private SafepointHandler.Action phoneSafepoint(GuestThread t, SafepointHandler.Kind kind) {
        OffloadThread h = header(t);
        if (!ready || !transport.connected() || h.pinnedBy != null || trim != null) {
            return SafepointHandler.Action.CONTINUE; // (during a trim no push may cross: the move waits)
        }
        long now = vm.scheduler().now();
        if (evaluate(t, h, now, now - h.unsafeTime, false)) {
            return SafepointHandler.Action.MIGRATE;
        }
        return SafepointHandler.Action.CONTINUE;
    }

    private SafepointHandler.Action serverSafepoint(GuestThread t, SafepointHandler.Kind kind) {
        OffloadThread h = header(t);
        if (evaluate(t, h, vm.scheduler().now(), 0, true)) {
            return SafepointHandler.Action.MIGRATE;
        }
        return SafepointHandler.Action.CONTINUE;
    }

    /**
     * Every STAY_SAMPLE-th evaluation of a thread that stays is traced, besides its evaluations
     * 1, 2, 4, 8 ... (so a short run shows its first ones): deterministic, and at most
     * log2(n) + n/256 events per thread (migrations are always traced).
     */
    static final long STAY_SAMPLE = 256;

    static boolean sampledStay(long evaluation) {
        return Long.bitCount(evaluation) == 1 || evaluation % STAY_SAMPLE == 0;
    }

    /**
     * One evaluation: what the policy sees ({@link OffloadPolicy.Decision}), its answer, and the
     * {@code decision} trace event (every migration, sampled stays) with those inputs.
     */
    private boolean evaluate(GuestThread t, OffloadThread h, long now, long localNanos, boolean onServer) {
        h.evaluations++;
        MethodPoint point = h.pendingPoint;
        h.pendingPoint = null;
        MethodId method = t.top == null ? null : methodInfo(t.top.method).id;
        long[] pending = {-2}; // computed at most once per evaluation, on demand
        java.util.function.LongSupplier probe = () -> {
            if (pending[0] == -2) {
                pending[0] = dsm.pendingPayloadEstimate();
            }
            return pending[0];
        };
        OffloadPolicy.Decision d = new OffloadPolicy.Decision(h.canonicalId, h.evaluations, now, localNanos, syncNanos,
                syncSamples, transport.srttNanos(), transport.rttVarNanos(), onServer, point, method, frames(t),
                transport.throughputBytesPerSecond(), transport.radioState(now), probe);
        boolean migrate = policy.migrate(d);
        if (migrate) {
            h.stopReason = onServer || point != null ? "policy " + policy.name() + (point == null ? "" : " at " + point) : null;
        }
        if (migrate || sampledStay(h.evaluations)) {
            metrics.event(now, name, "decision", decisionJson(d, migrate));
        }
        return migrate;
    }

    private String decisionJson(OffloadPolicy.Decision d, boolean migrate) {
        String why = policy.explain(d);
        org.cometsim.offload.policy.RadioState radio = d.radio();
        // Appends, not String.format (same text, fields in the same order): a decision is traced at
        // every migration and sampled stay, and formatting was a visible share of thread-heavy runs.
        StringBuilder b = new StringBuilder(320);
        b.append("\"thread\":").append(d.threadId()).append(",\"evaluation\":").append(d.evaluation())
                .append(",\"policy\":").append(OffloadMetrics.json(policy.name())).append(",\"decided\":\"")
                .append(migrate ? "migrate" : "stay").append("\",\"point\":")
                .append(d.point() == null ? "null" : OffloadMetrics.json(d.point().toString())).append(",\"method\":")
                .append(d.method() == null ? "null" : OffloadMetrics.json(d.method().toString())).append(",\"depth\":")
                .append(d.callDepth()).append(",\"local_ns\":").append(d.localNanos()).append(",\"sync_ns\":")
                .append(d.syncNanos()).append(",\"sync_samples\":").append(d.syncSamples()).append(",\"srtt_ns\":")
                .append(d.srttNanos()).append(",\"rttvar_ns\":").append(d.rttVarNanos()).append(",\"throughput_Bps\":")
                .append(d.throughputBytesPerSecond()).append(",\"pending_sync_bytes\":").append(d.pendingSyncBytes())
                .append(",\"radio\":").append(radio == null ? "null" : "{\"kind\":" + OffloadMetrics.json(radio.kind())
                        + ",\"idle_ns\":" + radio.idleNanos() + "}")
                .append(",\"why\":").append(why == null ? "null" : OffloadMetrics.json(why));
        return b.toString();
    }

    /** Natives the server never runs: client-pinned ones, and those acting on other threads. */
    private static final Set<String> THREAD_SAFE_HERE = Set.of("currentThread", "getName", "getId", "isDaemon",
            "getPriority", "sleep", "yield", "onSpinWait", "interrupted", "<init>", "toString", "holdsLock",
            "getContextClassLoader", "run");

    /** Host methods the server does not run: they would make host objects without a codec. */
    private final org.cometsim.offload.dsm.HostResults hostResults;

    private boolean serverMayRun(GuestThread t, VmMethod m, Object[] args) {
        if (m.placement == Placement.CLIENT_PINNED) {
            header(t).stopReason = "client-pinned native " + m.owner.name + "." + m.name;
            return false;
        }
        if (m.owner.name.equals("java.lang.Thread") && RemoteInterrupts.ABOUT_A_THREAD.contains(m.name) && args != null
                && RemoteInterrupts.serverMayRun(t, m, args)) {
            return true; // about a thread that runs here
        }
        String unshippable = hostResults.refusal(m, args);
        if (unshippable != null) {
            // It would make a host object the thread could not take home (issue #13 item 3).
            header(t).stopReason = "host object without a codec " + unshippable;
            return false;
        }
        if (m.owner.name.equals("java.lang.Thread") && !THREAD_SAFE_HERE.contains(m.name)) {
            // Thread objects of threads that never came here have no VM thread here.
            header(t).stopReason = "thread operation " + m.owner.name + "." + m.name;
            return false;
        }
        return true;
    }

    /** The VM's monitor gate: {@code enter} for monitor-enter; waits re-acquiring and notifies the same on both sides. */
    private MonitorGate gate(java.util.function.ToIntBiFunction<GuestThread, Object> enter) {
        return new MonitorGate() {
            @Override
            public int beforeEnter(GuestThread t, Object lock) {
                return enter.applyAsInt(t, lock);
            }

            @Override
            public int beforeReacquire(GuestThread t, Object lock) {
                return Ownership.lockOwned(lock) ? PROCEED : requestLock(t, lock);
            }

            @Override
            public void notified(GuestThread t, Object lock, boolean all, int wokenHere) {
                forwardNotify(lock, all, wokenHere);
            }
        };
    }

    private int serverMonitorGate(GuestThread t, Object lock) {
        if (Ownership.lockOwned(lock)) {
            header(t).lockEntered(lock);
            return MonitorGate.PROCEED;
        }
        header(t).stopReason = "lock owned by the phone";
        return MonitorGate.MIGRATE;
    }

    private int phoneMonitorGate(GuestThread t, Object lock) {
        if (Ownership.lockOwned(lock)) {
            header(t).lockEntered(lock);
            return MonitorGate.PROCEED;
        }
        return requestLock(t, lock);
    }

    /** Blocks {@code t} until the peer hands over the lock of {@code lock} (asked once per lock). */
    private int requestLock(GuestThread t, Object lock) {
        int id = dsm.idKnownToPeer(lock); // (a class's id is per direction: one the peer can resolve)
        List<GuestThread> waiting = lockWaiters.computeIfAbsent(id, k -> new ArrayList<>());
        if (waiting.isEmpty() && trim != null) {
            deferredLockRequests.add(id); // its answer is a push, which must not cross a trim
        } else if (waiting.isEmpty()) {
            metrics.lockRequests++;
            send(new OwnershipRequest(id, true), vm.scheduler().now(), 0);
            metrics.event(vm.scheduler().now(), name, "lock_request", "\"object\":" + OffloadMetrics.json(Ids.format(id)));
        }
        waiting.add(t);
        header(t).phaseBeforeLockWait = t.blockPhase;
        vm.scheduler().blockExternally(t, "the lock of " + Ids.format(id) + " from the " + (role == Role.PHONE ? "server" : "phone"));
        return MonitorGate.WAIT;
    }

    /** A notify that woke nobody here (or a notifyAll) also reaches the waiters on the peer, if any. */
    private void forwardNotify(Object lock, boolean all, int wokenHere) {
        int waiters = Ownership.remoteWaiters(lock);
        if (waiters == 0 || !all && wokenHere > 0) {
            return;
        }
        Ownership.setRemoteWaiters(lock, all ? 0 : waiters - 1);
        long now = vm.scheduler().now();
        send(new Message.Notify(Ownership.id(lock), all), now, 0);
        notifiesForwarded++;
        if (role == Role.PHONE) {
            unreflectedNotifies.addLast(new ForwardedNotify(notifiesForwarded, lock, all));
        }
        metrics.event(now, name, "notify", "\"object\":" + OffloadMetrics.json(Ids.format(Ownership.id(lock))) + ",\"all\":" + all);
    }

    // ------------------------------------------------------------------ connection

    /**
     * The phone opens the connection: it offers its app's dex files by hash ({@code appCode}: its
     * class path; the guest library is part of every VM and does not travel).
     */
    public void connect(ClassPath appCodeOnPhone, long atNanos) {
        if (role != Role.PHONE) {
            throw new IllegalStateException("only the phone connects");
        }
        this.appCode = appCodeOnPhone;
        sendHello(atNanos);
    }

    private void sendHello(long atNanos) {
        List<DexInfo> infos = new ArrayList<>();
        for (ClassPath.DexImage img : appCode.images()) {
            byte[] b = img.dex().getBuffer().getBuf();
            // Only the file name goes on the wire: the phone's directory (often a fresh temp dir per
            // run) would make the Hello's size, and so the run's bytes, differ between reruns.
            infos.add(new DexInfo(fileName(img.origin()), sha1(b), b.length));
        }
        send(new Hello(WireCodec.VERSION, infos), atNanos, 0);
        metrics.event(atNanos, name, "connect", "\"dex_files\":" + infos.size());
    }

    private static String fileName(String origin) {
        int cut = Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\'));
        return origin.substring(cut + 1);
    }

    /** Bytes from the peer, arriving at the driver's current time. */
    public void receive(byte[] bytes) {
        if (dead) {
            return;
        }
        long now = driver.nowNanos();
        metrics.wireBytesReceived += bytes.length;
        for (Framing.Arrived a : receiver.accept(bytes)) {
            metrics.messageBytesReceived += a.message().length;
            handle(WireCodec.decode(a.message(), session), now);
        }
    }

    private void handle(Message m, long now) {
        if (m instanceof Hello h) {
            if (h.version() != WireCodec.VERSION) {
                throw new ProtocolException("protocol version " + h.version() + ", this server speaks " + WireCodec.VERSION);
            }
            List<byte[]> missing = new ArrayList<>();
            for (DexInfo d : h.dexFiles()) {
                if (appCodeStore != null) {
                    dexNames.put(hex(d.sha1()), d.name());
                    if (!appCodeStore.useCached(d.name(), d.sha1())) {
                        missing.add(d.sha1());
                    }
                } else if (!dexCache.contains(hex(d.sha1()))) {
                    missing.add(d.sha1());
                }
            }
            send(missing.isEmpty() ? new Ready() : new DexRequest(missing), now, 0);
        } else if (m instanceof DexRequest r) {
            List<DexFile> files = new ArrayList<>();
            for (byte[] want : r.sha1s()) {
                files.add(new DexFile(want, dexBytes(want)));
            }
            long before = metrics.wireBytesSent;
            send(new DexData(files), now, 0);
            metrics.dexBytesSent += metrics.wireBytesSent - before;
        } else if (m instanceof DexData d) {
            for (DexFile f : d.files()) {
                if (!Arrays.equals(sha1(f.bytes()), f.sha1())) {
                    throw new ProtocolException("a dex file does not match its SHA-1");
                }
                dexCache.add(hex(f.sha1()));
                if (appCodeStore != null) {
                    String dexName = dexNames.get(hex(f.sha1()));
                    if (dexName == null) {
                        throw new ProtocolException("a dex file the Hello did not name");
                    }
                    appCodeStore.received(dexName, f.sha1(), f.bytes());
                }
            }
            ready = true;
            send(new Ready(), now, 0);
        } else if (m instanceof Ready) {
            ready = true;
            metrics.event(now, name, "ready", "");
        } else if (m instanceof Sync s) {
            applySync(s, now);
        } else if (m instanceof SyncAck a) {
            Long sent = unacked.remove(a.revision());
            if (sent != null) {
                long t = now - sent;
                syncNanos = syncSamples == 0 ? t : (15 * syncNanos + t) / 16;
                syncSamples++;
            }
        } else if (m instanceof OwnershipRequest r) {
            if (r.lock()) {
                pendingLockRequests.add(r.objectId());
            } else {
                volatiles.requested(r.objectId());
            }
            grantPendingLocks(now);
        } else if (m instanceof Message.Interrupt i) {
            interrupts.received(i, now);
        } else if (m instanceof Message.TrimMarks t) {
            trimRound(t, now);
        } else if (m instanceof Message.Notify n) {
            notifiesApplied++;
            wakeWaiters(dsm.ids().objectOf(n.objectId()), n.all(), now);
            driver.poke();
        } else {
            throw new ProtocolException("unexpected " + m.getClass().getSimpleName() + " at the " + name);
        }
    }

    private byte[] dexBytes(byte[] want) {
        for (ClassPath.DexImage img : appCode.images()) {
            byte[] b = img.dex().getBuffer().getBuf();
            if (Arrays.equals(sha1(b), want)) {
                return b;
            }
        }
        throw new ProtocolException("the server asked for a dex file the phone does not have");
    }

    // ------------------------------------------------------------------ moving threads

    /** The scheduler's migration hook: {@code t} stopped (policy or gate) and leaves for the peer. */
    private void migrateOut(GuestThread t) {
        OffloadThread h = header(t);
        volatiles.forget(t);
        long at = t.readyAt;
        String why = vm.detachRefusal(t);
        if (why != null) {
            OffloadMetrics.count(metrics.refusedDetach, why.replaceAll("\"[^\"]*\"", "\"*\""));
            h.stopReason = null;
            vm.scheduler().adopt(t, at);
            return;
        }
        ThreadImage img;
        try {
            img = vm.detach(t, dsm.ids());
        } catch (Unshippable u) {
            // A register or a held monitor names what cannot be shipped: nothing has moved yet.
            pin(t, h, u, at);
            return;
        }
        ThreadImage canonical = canonical(img, h.canonicalId);
        Sync s;
        List<Object> handedOff = new ArrayList<>();
        try {
            s = push(new Move(canonical), null, lockHandoff(t, h, img, handedOff), t);
        } catch (Unshippable u) {
            // The thread cannot leave with this state: it stays, and the reason is counted.
            vm.adopt(img, dsm.ids(), at, t);
            pin(t, h, u, at);
            return;
        }
        for (Object lock : handedOff) {
            Ownership.giveLock(lock);
            wakeEntrantsToAsk(lock);
        }
        metrics.migrationsOut++;
        if (role == Role.SERVER) {
            OffloadMetrics.count(metrics.forcedReturns, h.stopReason == null ? "unknown" : h.stopReason);
        }
        metrics.event(at, name, "migrate_out", "\"thread\":" + h.canonicalId + ",\"reason\":"
                + OffloadMetrics.json(h.stopReason == null ? "policy " + policy.name() : h.stopReason));
        h.stopReason = null;
        if (role == Role.PHONE) {
            vm.scheduler().markRemote(t);
            // Until the server's pushes carry its stack, the thread resumes from here after a failure.
            checkpoints.put(h.canonicalId, canonical);
            noCheckpoint.remove(h.canonicalId);
            interrupts.checkpointChanged(h.canonicalId);
        }
        sendSync(s, at, h.canonicalId);
    }

    /**
     * Threads here blocked entering {@code lock}, whose ownership just left with its holder,
     * enter again: the monitor gate now sends them to the peer for it. Left blocked, they would
     * wait for a release that never happens here (the leaving thread's hold is feigned), a
     * deadlock across the endpoints (litmus WaitNotifyHandoff: the consumer moved holding the
     * lock and waited there while main was queued for it on the phone).
     */
    private void wakeEntrantsToAsk(Object lock) {
        Monitor m = vm.monitorIfAny(lock);
        if (m != null) {
            vm.scheduler().monitorReleased(m);
        }
    }

    /** {@code img} under the thread's canonical id (the phone's thread id). */
    private static ThreadImage canonical(ThreadImage img, int canonicalId) {
        return new ThreadImage(canonicalId, img.name(), img.daemon(), img.interrupted(),
                img.threadObject(), img.frames(), img.heldMonitors(), img.state(), img.blockPhase(), img.waitingOn(),
                img.savedLockCount(), img.wakeAtNanos(), img.pendingException(), img.resultBits(), img.resultRef());
    }

    /**
     * A push; the server's also carries the stacks of the threads staying there (all but
     * {@code leaving}), so the phone can resume them from this push if the link fails
     * (comet-reference §9). The phone's carry none: the server never recovers (a fix of §12's
     * "whole stacks re-sent every sync" in that direction).
     */
    private Sync push(Move moved, Message.Ended ended, List<Grant> grants, GuestThread leaving) {
        List<ThreadImage> stacks = List.of();
        if (role == Role.SERVER) {
            stacks = new ArrayList<>();
            for (GuestThread r : vm.scheduler().threads()) {
                OffloadThread h = (OffloadThread) r.offload;
                if (r == leaving || h == null || r.top == null || r.state == org.cometsim.dalvik.rt.ThreadState.TERMINATED
                        || vm.scheduler().remoteThreads().contains(r)) {
                    continue;
                }
                stacks.add(checkpointOf(r, h));
            }
        }
        return dsm.push(moved, ended, grants, stacks, notifiesApplied);
    }

    /** The stack of {@code r} as of this push, or one without frames if it cannot be captured now (and why). */
    private ThreadImage checkpointOf(GuestThread r, OffloadThread h) {
        String why = vm.snapshotRefusal(r);
        if (why == null) {
            try {
                return canonical(vm.snapshot(r, dsm.ids()), h.canonicalId);
            } catch (Unshippable u) {
                why = "its registers hold " + u.what;
            }
        }
        metrics.event(vm.scheduler().now(), name, "no_checkpoint", "\"thread\":" + h.canonicalId + ",\"why\":"
                + OffloadMetrics.json(why));
        // No frames: "no checkpoint at this revision" (PROTOCOL.md); the name carries the reason.
        return new ThreadImage(h.canonicalId, why, r.daemon, r.interrupted, dsm.ids().idOf(r.threadObject), List.of(),
                List.of(), r.state, 0, org.cometsim.dalvik.hooks.ObjectIds.NULL, 0, Long.MAX_VALUE,
                org.cometsim.dalvik.hooks.ObjectIds.NULL, 0, org.cometsim.dalvik.hooks.ObjectIds.NULL);
    }

    private void pin(GuestThread t, OffloadThread h, Unshippable u, long at) {
        OffloadMetrics.count(metrics.pinnedByHostState, u.what);
        metrics.event(at, name, "pinned", "\"thread\":" + h.canonicalId + ",\"by\":" + OffloadMetrics.json(u.what));
        h.stopReason = null;
        if (role == Role.SERVER) {
            throw new org.cometsim.dalvik.rt.VmError("unsupported: a thread on the server must return to the phone but"
                    + " its state holds " + u.what + ", which cannot be shipped");
        }
        h.pinnedBy = u.what;
        if (t.top != null && t.state != org.cometsim.dalvik.rt.ThreadState.TERMINATED) {
            vm.scheduler().adopt(t, at);
        }
    }

    /**
     * COMET's lock handoff: the locks the moving thread entered most recently that this endpoint
     * owns, nobody holds and no other thread has held since it released them go with it, so it
     * can take them there without a round trip. The last condition is COMET's
     * {@code lastOwner != self} test (Offload.cpp doDeactivate): a lock another thread here took
     * after it, e.g. a buffer shared with producers that stay, is contended here, and giving it
     * away would block them for a round trip while the mover may never touch it again (pipeline
     * at 0.14x: every migration stalled the whole phone until the peer sent the buffers back).
     */
    private List<Grant> lockHandoff(GuestThread t, OffloadThread h, ThreadImage img, List<Object> handedOff) {
        List<Grant> grants = new ArrayList<>();
        for (ThreadImage.HeldMonitor held : img.heldMonitors()) {
            // A monitor the thread holds goes with it: nobody here can take it until it comes back.
            Object lock = dsm.ids().objectOf(held.objectId());
            if (Ownership.lockOwned(lock)) {
                Monitor m = vm.monitorIfAny(lock);
                grants.add(new Grant((int) held.objectId(), true, m == null ? 0 : m.waitSet.size()));
                handedOff.add(lock);
            }
        }
        for (Object lock : h.recentLocks) {
            Monitor m = vm.monitorIfAny(lock);
            if (m != null && (m.owner != null || m.lastOwner != t) || !Ownership.lockOwned(lock)
                    || handedOff.contains(lock)) {
                continue;
            }
            int id = (int) dsm.ids().idOf(lock); // tracks it if it was not: it goes with this push
            grants.add(new Grant(id, true, m == null ? 0 : m.waitSet.size()));
            handedOff.add(lock);
        }
        h.recentLocks.clear();
        return grants;
    }

    /** What a notify (or notifyAll) of {@code lock} does to its waiters here, at {@code now}. */
    private void wakeWaiters(Object lock, boolean all, long now) {
        Monitor mon = vm.monitorIfAny(lock);
        while (mon != null && !mon.waitSet.isEmpty()) {
            GuestThread w = mon.waitSet.remove(0);
            vm.scheduler().advanceClockTo(now);
            vm.scheduler().wakeAt(w, Scheduler.PHASE_WOKEN, now);
            if (!all) {
                break;
            }
        }
    }

    private void applySync(Sync s, long now) {
        dsm.apply(s, null);
        while (role == Role.PHONE && !unreflectedNotifies.isEmpty()
                && unreflectedNotifies.peekFirst().sequence() <= s.notifiesApplied()) {
            unreflectedNotifies.removeFirst();
        }
        metrics.syncsReceived++;
        metrics.trackedHighWater = Math.max(metrics.trackedHighWater, dsm.trackedCount());
        for (Grant g : s.grants()) {
            if (VolatileOwnership.isVolatileGrant(g)) {
                volatiles.granted(g, now);
            }
            if (g.lock()) {
                Object lock = dsm.ids().objectOf(g.objectId());
                Ownership.takeLock(lock, g.waiters());
                Monitor mon = vm.monitorIfAny(lock);
                if (mon != null && mon.owner != null && mon.owner.top == null) {
                    // Held by a thread that left ("feigned"): it holds it where it went, or comes back with it.
                    mon.release();
                    vm.scheduler().monitorReleased(mon);
                }
                List<GuestThread> waiting = lockWaiters.remove(g.objectId());
                if (waiting != null) {
                    for (GuestThread w : waiting) {
                        vm.scheduler().advanceClockTo(now);
                        vm.scheduler().wakeExternal(w, now);
                        w.blockPhase = header(w).phaseBeforeLockWait;
                    }
                }
            }
        }
        if (s.moved() != null) {
            ThreadImage img = s.moved().image();
            GuestThread paired = byCanonical.get(img.threadId());
            GuestThread t = vm.adopt(img, dsm.ids(), now, paired);
            OffloadThread h = (OffloadThread) t.offload;
            if (h == null) {
                h = new OffloadThread(img.threadId());
                t.offload = h;
            }
            h.unsafeTime = now; // arrival: COMET resets the thread's clock
            byCanonical.put(img.threadId(), t);
            metrics.migrationsIn++;
            metrics.event(now, name, "migrate_in", "\"thread\":" + img.threadId());
            if (role == Role.PHONE) {
                interrupts.arrived(t, now);
            }
        }
        dsm.applyStatuses(s, byCanonical::get);
        if (role == Role.PHONE) {
            for (ThreadImage img : s.stacks()) {
                interrupts.checkpointChanged(img.threadId());
                if (img.frames().isEmpty()) {
                    noCheckpoint.put(img.threadId(), img.name());
                } else {
                    checkpoints.put(img.threadId(), img);
                    noCheckpoint.remove(img.threadId());
                }
            }
            if (s.moved() != null) {
                checkpoints.remove(s.moved().image().threadId());
                noCheckpoint.remove(s.moved().image().threadId());
                interrupts.checkpointChanged(s.moved().image().threadId());
            }
            if (s.ended() != null) {
                checkpoints.remove(s.ended().threadId());
                noCheckpoint.remove(s.ended().threadId());
                interrupts.checkpointChanged(s.ended().threadId());
            }
        }
        if (s.ended() != null) {
            GuestThread t = byCanonical.get(s.ended().threadId());
            if (t == null) {
                throw new ProtocolException("the peer ended unknown thread " + s.ended().threadId());
            }
            t.uncaught = dsm.ids().objectOrNull(s.ended().uncaught());
            t.interrupted = s.ended().interrupted(); // as the thread left it there
            vm.scheduler().advanceClockTo(now);
            vm.scheduler().terminate(t);
            metrics.event(now, name, "thread_ended", "\"thread\":" + s.ended().threadId());
            if (role == Role.PHONE) {
                interrupts.arrived(t, now);
            }
        }
        send(new SyncAck(s.revision()), now, 0);
        if (role == Role.PHONE) {
            maybeStartTrim(now);
        }
        driver.poke();
    }

    // ------------------------------------------------------------------ trim of the tracked set

    /**
     * Phone, after applying a push: starts a trim ({@link Trim}) if the tracked set has grown
     * past its threshold and the two sides are quiescent: no thread on the server, every push of
     * the phone's applied there, no lock request open. Then the server's heap cannot change until
     * the trim ends (only a push could change it, and none crosses), so a deterministic point.
     */
    private void maybeStartTrim(long now) {
        if (trimFloor == 0 || trim != null || !ready || !transport.connected() || dsm.trackedCount() < nextTrimAt
                || !vm.scheduler().remoteThreads().isEmpty() || !unacked.isEmpty() || !lockWaiters.isEmpty()
                || !pendingLockRequests.isEmpty() || !volatiles.idle()) {
            return;
        }
        trim = dsm.startTrim();
        trimStartedAt = now;
        metrics.trims++;
        metrics.event(now, name, "trim_start", "\"tracked\":" + dsm.trackedCount());
        sendTrim(new Message.TrimMarks(0, false, trim.mark(null, trimRoots())), now);
    }

    /** One round of the peer's marks: mark from them, answer; an empty answer to ours ends the trim. */
    private void trimRound(Message.TrimMarks t, long now) {
        if (trim == null) {
            if (role == Role.PHONE || t.round() != 0 || t.last()) {
                throw new ProtocolException("trim round " + t.round() + " with no trim in progress at the " + name);
            }
            trim = dsm.startTrim(); // the server: its heap is quiescent (no threads here, see maybeStartTrim)
            trimStartedAt = now;
            metrics.trims++;
        }
        metrics.trimRounds++;
        if (t.last()) {
            endTrim(now);
            return;
        }
        if (t.round() > 0 && t.runs().isEmpty()) {
            // The peer marked nothing new from all we sent: a fixpoint. Both untrack what neither marked.
            sendTrim(new Message.TrimMarks(t.round() + 1, true, List.of()), now);
            endTrim(now);
            return;
        }
        sendTrim(new Message.TrimMarks(t.round() + 1, false, trim.mark(t, trimRoots())), now);
    }

    private void endTrim(long now) {
        int before = dsm.trackedCount();
        int dropped = trim.commit();
        metrics.untracked += dropped;
        metrics.event(now, name, "trim_end", String.format(java.util.Locale.ROOT,
                "\"tracked_before\":%d,\"untracked\":%d,\"marks_sent\":%d,\"marks_received\":%d,\"nanos\":%d",
                before, dropped, trim.idsSent(), trim.idsReceived(), now - trimStartedAt));
        metrics.trimNanos += now - trimStartedAt;
        trim = null;
        if (role == Role.PHONE) {
            nextTrimAt = Math.max(trimFloor, 2 * dsm.trackedCount());
            for (int id : deferredLockRequests) {
                metrics.lockRequests++;
                send(new OwnershipRequest(id, true), now, 0);
            }
            deferredLockRequests.clear();
            volatiles.trimEnded(now);
        }
        driver.poke();
    }

    /** Whether a trim of the tracked set runs: requests whose answer is a push wait for its end. */
    boolean trimInProgress() {
        return trim != null;
    }

    private void sendTrim(Message.TrimMarks t, long now) {
        long before = metrics.wireBytesSent;
        send(t, now, 0); // stream 0: the connection's own (COMET's GC context)
        metrics.trimWireBytesSent += metrics.wireBytesSent - before;
    }

    /** What this endpoint holds on to besides the VM: locks threads may take along, lock requests in progress. */
    private List<Object> trimRoots() {
        List<Object> roots = new ArrayList<>();
        for (GuestThread t : vm.scheduler().threads()) {
            if (t.offload instanceof OffloadThread h) {
                roots.addAll(h.recentLocks);
            }
        }
        for (int id : lockWaiters.keySet()) {
            roots.add(dsm.ids().objectOf(id));
        }
        for (int id : pendingLockRequests) {
            roots.add(dsm.ids().objectOf(id));
        }
        for (int id : deferredLockRequests) {
            roots.add(dsm.ids().objectOf(id));
        }
        for (int id : volatiles.trimRootIds()) {
            roots.add(dsm.ids().objectOf(id));
        }
        return roots;
    }

    /** Server: a thread that came from the phone ended here; it ends on the phone too. */
    private void threadEndedHere(GuestThread t) {
        OffloadThread h = (OffloadThread) t.offload;
        if (h == null) {
            return;
        }
        long at = t.readyAt;
        Sync s;
        try {
            s = push(null, new Ended(h.canonicalId, (int) dsm.ids().idOrNull(t.uncaught), t.interrupted), List.of(),
                    t);
        } catch (Unshippable u) {
            throw new IllegalStateException("the end of thread " + t.name + " cannot be shipped: " + u.what, u);
        }
        metrics.event(at, name, "thread_ended", "\"thread\":" + h.canonicalId);
        sendSync(s, at, h.canonicalId);
    }

    /**
     * Grants locks the peer asked for, once this endpoint owns them and no thread here holds them,
     * and volatiles it asked for, once this endpoint owns them and owes no thread here an access
     * ({@link VolatileOwnership}): all in one push.
     */
    public void grantPendingLocks(long now) {
        List<Grant> grants = new ArrayList<>();
        volatiles.collectGrants(grants, now);
        for (int k = 0; k < pendingLockRequests.size(); k++) {
            int id = pendingLockRequests.get(k);
            Object lock = dsm.ids().objectOf(id);
            Monitor m = vm.monitorIfAny(lock);
            if (m != null && m.owner != null || !Ownership.lockOwned(lock)) {
                continue; // held here (granted when released), or not ours yet (it is on its way back)
            }
            grants.add(new Grant(id, true, m == null ? 0 : m.waitSet.size()));
            Ownership.giveLock(lock);
            pendingLockRequests.remove(k--);
        }
        if (!grants.isEmpty()) {
            sendSync(push(null, null, grants, null), now, 0);
        }
    }

    // ------------------------------------------------------------------ for VolatileOwnership and RemoteInterrupts

    String name() {
        return name;
    }

    /** The canonical (phone's) id of thread {@code t} here. */
    int canonicalId(GuestThread t) {
        return header(t).canonicalId;
    }

    /** This endpoint's thread of canonical id {@code id}, or null. */
    GuestThread threadByCanonical(int id) {
        return byCanonical.get(id);
    }

    /** Something outside guest code made a thread runnable: the driver schedules the VM. */
    void poke() {
        driver.poke();
    }

    /** Pushes everything dirty now (and tracks every initialised class), outside a migration. */
    void pushNow() {
        long now = vm.scheduler().now();
        Sync s;
        try {
            s = push(null, null, List.of(), null);
        } catch (Unshippable u) {
            throw VolatileOwnership.unshareable(u);
        }
        sendSync(s, now, 0);
    }

    private void sendSync(Sync s, long at, int stream) {
        metrics.syncsSent++;
        metrics.trackedHighWater = Math.max(metrics.trackedHighWater, dsm.trackedCount());
        metrics.payloadBytesSent += dsm.lastPayloadBytes();
        unacked.put(s.revision(), at);
        long before = metrics.wireBytesSent;
        send(s, at, stream);
        metrics.event(at, name, "sync", "\"revision\":" + s.revision() + ",\"objects\":" + s.newObjects().size()
                + ",\"updates\":" + s.updates().size() + ",\"wire_bytes\":" + (metrics.wireBytesSent - before)
                + ",\"thread\":" + (s.moved() != null ? String.valueOf(s.moved().image().threadId()) : "null"));
    }

    void send(Message m, long at, int stream) {
        if (dead || !transport.connected()) {
            return; // the connection failed: nothing more goes out (recovery handles what was pending)
        }
        byte[] msg = WireCodec.encode(m, session);
        byte[] wire = sender.frame(stream, msg);
        metrics.messageBytesSent += msg.length;
        metrics.wireBytesSent += wire.length;
        metrics.countSent(m.getClass().getSimpleName(), wire.length);
        transport.send(wire, Math.max(at, driver == null ? at : driver.nowNanos()));
    }

    // ------------------------------------------------------------------ failure and recovery

    /**
     * The connection failed at {@code now} (comet-reference §9). The server stops for good (its
     * process exits; a reconnection gets a new one). The phone resumes every thread that was on
     * the server from its checkpoint, the stack of the last push received (the heap already holds
     * that push), wakes threads waiting for an answer from the server so they ask again locally,
     * and drops all tracking: objects become untracked and locally owned until a new connection.
     *
     * @throws org.cometsim.dalvik.rt.VmError if a thread on the server has no checkpoint at the
     *     last push received (it was inside a host callback there): resuming it from an older one
     *     would not be a consistent state, and the run stops rather than print something wrong
     */
    public void connectionLost(long now) {
        if (dead) {
            return;
        }
        metrics.connectionsLost++;
        metrics.event(now, name, "connection_lost", "");
        if (role == Role.SERVER) {
            dead = true;
            ready = false;
            return;
        }
        Scheduler sched = vm.scheduler();
        sched.advanceClockTo(now);
        List<GuestThread> away = new ArrayList<>(sched.remoteThreads());
        for (GuestThread t : away) {
            String why = noCheckpoint.get(header(t).canonicalId);
            if (why != null) {
                throw new org.cometsim.dalvik.rt.VmError("unsupported: the connection failed while thread \"" + t.name
                        + "\" was on the server with no consistent checkpoint (" + why + ")");
            }
        }
        // Monitors the departed threads still appear to hold here ("feigned") are held where their
        // checkpoints say: release them all first, then each thread takes exactly its own back.
        for (GuestThread t : away) {
            while (t.heldMonitors != null) {
                Monitor m = t.heldMonitors;
                m.release();
                sched.monitorReleased(m);
            }
        }
        for (GuestThread t : away) {
            OffloadThread h = header(t);
            ThreadImage img = checkpoints.get(h.canonicalId);
            if (img == null) {
                throw new IllegalStateException("no recovery checkpoint for thread " + h.canonicalId + " (" + t.name + ")");
            }
            vm.adopt(img, dsm.ids(), now, t);
            h.unsafeTime = now;
            metrics.threadsRecovered++;
            metrics.event(now, name, "recovered", "\"thread\":" + h.canonicalId);
            interrupts.recovered(t, now);
        }
        // Notifies the server had not applied when it made that push: its waiters (now back here,
        // waiting as of the push) would otherwise never be woken.
        for (ForwardedNotify n : unreflectedNotifies) {
            metrics.event(now, name, "notify_replayed", "\"all\":" + n.all());
            wakeWaiters(n.lock(), n.all(), now);
        }
        unreflectedNotifies.clear();
        // Threads waiting for a lock or an ownership from the server ask again, locally this time.
        for (GuestThread t : new ArrayList<>(sched.threads())) {
            if (t.externalWait != null && t.state != org.cometsim.dalvik.rt.ThreadState.TERMINATED) {
                sched.wakeExternal(t, now);
            }
        }
        for (GuestThread t : sched.threads()) {
            if (t.offload instanceof OffloadThread h) {
                h.recentLocks.clear();
                h.stopReason = null;
            }
        }
        dsm.untrackAll();
        trim = null;
        deferredLockRequests.clear();
        checkpoints.clear();
        noCheckpoint.clear();
        unacked.clear();
        lockWaiters.clear();
        pendingLockRequests.clear();
        volatiles.connectionLost();
        interrupts.connectionLost();
        ready = false;
        driver.poke();
    }

    /**
     * The phone connects again over {@code t} after a failure: a fresh tracked set, new deflate
     * streams, and the handshake (a server that cached the app's code answers {@link Ready} at once).
     */
    public void reconnect(Transport t, long now) {
        if (role != Role.PHONE) {
            throw new IllegalStateException("only the phone reconnects (a server is a new endpoint)");
        }
        openConnection(t);
        metrics.event(now, name, "reconnect", "");
        sendHello(now);
    }

    /** The server after its connection failed. */
    public boolean dead() {
        return dead;
    }

    // ------------------------------------------------------------------ helpers

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static byte[] sha1(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JRE", e);
        }
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    @Override
    public String toString() {
        return "OffloadEndpoint[" + name + "]";
    }

    /** Objects the DSM tracks: for tests. */
    static boolean tracked(Object o) {
        return o instanceof GuestObject g ? g.dsm != null : o instanceof GuestArray a ? a.dsm != null
                : o instanceof VmClass c && c.dsm != null;
    }
}
