package org.cometsim.offload.policy.profile;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cometsim.dalvik.hooks.MethodEvents;
import org.cometsim.dalvik.hooks.NativeGate;
import org.cometsim.dalvik.rt.CpuTimeModel;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Records a {@link Profile} from one VM's method events and native calls: install it as the VM's
 * {@link MethodEvents} and {@link NativeGate} (it lets every native run), run the program, then
 * {@link #finish}. Everything it does happens on the guest thread between two instructions, and
 * it neither runs guest code nor touches frames (it reads registers to estimate state sizes).
 * Deterministic: the same run gives the same profile.
 */
public final class Profiler implements MethodEvents, NativeGate {
    /** Objects a state-size walk visits at most (a sample stops there and counts what it saw). */
    public static final int WALK_LIMIT = 1 << 20;
    private static final long INF = Long.MAX_VALUE / 4;

    /** A link the oracle is computed for: its name and the charge per crossing. */
    public record OracleLink(String name, long crossingNanos) {
    }

    private final CpuTimeModel phone;
    private final CpuTimeModel server;
    private final List<OracleLink> links;
    private final Map<VmMethod, MethodStats> methods = new IdentityHashMap<>();
    private final List<MethodStats> methodList = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    private final Node root;
    private final Map<GuestThread, ThreadState> threads = new IdentityHashMap<>();
    private final List<ThreadState> threadOrder = new ArrayList<>();
    private final Map<String, long[]> pinnedSites = new LinkedHashMap<>();
    private final long[] deltaOps = new long[256];
    private final long[] deltaCalls = new long[HostCost.COUNT];
    private final long[] deltaElements = new long[HostCost.COUNT];

    public Profiler(CpuTimeModel phone, CpuTimeModel server, List<OracleLink> links) {
        this.phone = phone;
        this.server = server;
        this.links = List.copyOf(links);
        this.root = newNode(null, -1);
    }

    private static final class MethodStats {
        final int id;
        final VmMethod method;
        long calls;
        long nextSample = 1;
        long stateSum;
        int stateSamples;
        boolean pinnedSelf;
        boolean recursive;
        /** Per link: phone time of invocations the nested DP sends to the server from a phone caller, and of all. */
        long[] remotePhone;
        long phoneIncl;

        MethodStats(int id, VmMethod method, int links) {
            this.id = id;
            this.method = method;
            this.remotePhone = new long[links];
        }
    }

    private static final class Node {
        final int id;
        final Node parent;
        final int method;
        long calls;
        long phoneSelf;
        long serverSelf;
        boolean pinnedSelf;
        /** Callee method id → [target node, calls from here]: a fold points at an ancestor. */
        final HashMap<Integer, ChildLink> children = new HashMap<>(4);

        Node(int id, Node parent, int method) {
            this.id = id;
            this.parent = parent;
            this.method = method;
        }
    }

    private static final class ChildLink {
        final Node target;
        long calls;

        ChildLink(Node target) {
            this.target = target;
        }
    }

    private final class ThreadState {
        final long[] lastOps = new long[256];
        final long[] lastCalls = new long[HostCost.COUNT];
        final long[] lastElements = new long[HostCost.COUNT];
        Node[] stack = new Node[64];
        MethodStats[] stackMethod = new MethodStats[64];
        boolean[] framePinned = new boolean[64];
        long[] enterPhone = new long[64];
        long[][] fP = new long[64][];
        long[][] fS = new long[64][];
        int depth;
        boolean segmentPinned;
        long segments;
        long phoneTotal;
        final long[] gP;
        final long[] gS;

        ThreadState() {
            int n = links.size();
            gP = new long[n];
            gS = new long[n];
            java.util.Arrays.fill(gS, INF);
            stack[0] = root;
            framePinned[0] = true; // a thread's own start (the launcher's work) stays on the phone
            fP[0] = new long[n];
            fS[0] = new long[n];
            segmentPinned = true;
        }
    }

    private Node newNode(Node parent, int method) {
        Node n = new Node(nodes.size(), parent, method);
        nodes.add(n);
        return n;
    }

    private ThreadState state(GuestThread t) {
        ThreadState s = threads.get(t);
        if (s == null) {
            s = new ThreadState();
            System.arraycopy(t.opCounts, 0, s.lastOps, 0, 256);
            System.arraycopy(t.hostCallsByCost, 0, s.lastCalls, 0, HostCost.COUNT);
            System.arraycopy(t.hostElementsByCost, 0, s.lastElements, 0, HostCost.COUNT);
            threads.put(t, s);
            threadOrder.add(s);
        }
        return s;
    }

    /** Charges the work since the thread's previous event to its top frame and closes a segment. */
    private void charge(GuestThread t, ThreadState s) {
        long[] ops = t.opCounts;
        for (int k = 0; k < 256; k++) {
            deltaOps[k] = ops[k] - s.lastOps[k];
            s.lastOps[k] = ops[k];
        }
        for (int k = 0; k < HostCost.COUNT; k++) {
            deltaCalls[k] = t.hostCallsByCost[k] - s.lastCalls[k];
            s.lastCalls[k] = t.hostCallsByCost[k];
            deltaElements[k] = t.hostElementsByCost[k] - s.lastElements[k];
            s.lastElements[k] = t.hostElementsByCost[k];
        }
        long p = phone.sliceNanos(deltaOps, deltaCalls, deltaElements);
        long sv = server.sliceNanos(deltaOps, deltaCalls, deltaElements);
        Node top = s.stack[s.depth];
        top.phoneSelf += p;
        top.serverSelf += sv;
        s.phoneTotal += p;
        s.segments++;
        boolean q = s.segmentPinned;
        s.segmentPinned = false; // a pop back to the thread's root sets it again
        long[] fP = s.fP[s.depth];
        long[] fS = s.fS[s.depth];
        for (int l = 0; l < links.size(); l++) {
            long x = links.get(l).crossingNanos;
            long newP = p + Math.min(s.gP[l], add(s.gS[l], x));
            long newS = q ? INF : add(sv, Math.min(s.gS[l], add(s.gP[l], x)));
            s.gP[l] = newP;
            s.gS[l] = newS;
            fP[l] += p;
            fS[l] = add(fS[l], sv);
        }
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r >= INF ? INF : r;
    }

    private MethodStats stats(VmMethod m) {
        MethodStats ms = methods.get(m);
        if (ms == null) {
            ms = new MethodStats(methodList.size(), m, links.size());
            methods.put(m, ms);
            methodList.add(ms);
        }
        return ms;
    }

    @Override
    public void enter(GuestThread t, VmMethod m) {
        ThreadState s = state(t);
        charge(t, s);
        MethodStats ms = stats(m);
        ms.calls++;
        if (ms.calls == ms.nextSample) {
            ms.nextSample <<= 1;
            ms.stateSum += stateBytes(t.top, m);
            ms.stateSamples++;
        }
        Node parent = s.stack[s.depth];
        ChildLink link = parent.children.get(ms.id);
        if (link == null) {
            Node target = null;
            for (Node a = parent; a != null; a = a.parent) {
                if (a.method == ms.id) {
                    target = a; // recursion: fold into the ancestor's node
                    ms.recursive = true;
                    break;
                }
            }
            link = new ChildLink(target != null ? target : newNode(parent, ms.id));
            parent.children.put(ms.id, link);
        }
        link.calls++;
        link.target.calls++;
        int d = ++s.depth;
        if (d == s.stack.length) {
            int n = d * 2;
            s.stack = java.util.Arrays.copyOf(s.stack, n);
            s.stackMethod = java.util.Arrays.copyOf(s.stackMethod, n);
            s.framePinned = java.util.Arrays.copyOf(s.framePinned, n);
            s.enterPhone = java.util.Arrays.copyOf(s.enterPhone, n);
            s.fP = java.util.Arrays.copyOf(s.fP, n);
            s.fS = java.util.Arrays.copyOf(s.fS, n);
        }
        s.stack[d] = link.target;
        s.stackMethod[d] = ms;
        s.framePinned[d] = false;
        s.enterPhone[d] = s.phoneTotal;
        if (s.fP[d] == null) {
            s.fP[d] = new long[links.size()];
            s.fS[d] = new long[links.size()];
        } else {
            java.util.Arrays.fill(s.fP[d], 0);
            java.util.Arrays.fill(s.fS[d], 0);
        }
    }

    @Override
    public void exit(GuestThread t, VmMethod m, boolean exceptional) {
        ThreadState s = state(t);
        if (s.depth == 0) {
            return; // a frame entered before profiling began (not reported)
        }
        charge(t, s);
        pop(s);
    }

    private void pop(ThreadState s) {
        int d = s.depth;
        MethodStats ms = s.stackMethod[d];
        long incl = s.phoneTotal - s.enterPhone[d];
        ms.phoneIncl += incl;
        long[] cP = s.fP[d];
        long[] cS = s.fS[d];
        long[] pP = s.fP[d - 1];
        long[] pS = s.fS[d - 1];
        boolean pinned = s.framePinned[d];
        for (int l = 0; l < links.size(); l++) {
            long x = 2 * links.get(l).crossingNanos;
            long childS = pinned ? INF : cS[l];
            long toP = Math.min(cP[l], add(childS, x));
            long toS = Math.min(childS, add(cP[l], x));
            if (add(childS, x) < cP[l]) {
                ms.remotePhone[l] += incl;
            }
            pP[l] = add(pP[l], toP);
            pS[l] = add(pS[l], toS);
        }
        s.depth = d - 1;
        if (s.depth == 0) {
            s.segmentPinned = true;
        }
    }

    @Override
    public boolean mayRunHere(GuestThread t, VmMethod m) {
        if (m.placement == Placement.CLIENT_PINNED) {
            ThreadState s = state(t);
            s.segmentPinned = true;
            s.framePinned[s.depth] = true;
            Node top = s.stack[s.depth];
            top.pinnedSelf = true;
            if (s.depth > 0) {
                s.stackMethod[s.depth].pinnedSelf = true;
            }
            pinnedSites.computeIfAbsent(top.method + " " + m.owner.name + "." + m.name, k -> new long[1])[0]++;
        }
        return true;
    }

    /** The state-size estimate of a call (see {@link Profile}): receiver, arguments, declaring class's statics. */
    private static long stateBytes(Frame f, VmMethod m) {
        long bytes = 8L * m.argWords;
        ArrayDeque<Object> work = new ArrayDeque<>();
        if (f != null && f.method == m) {
            int first = f.code.registers - f.code.ins;
            for (int r = Math.max(0, first); r < f.o.length; r++) {
                if (f.o[r] != null) {
                    work.add(f.o[r]);
                }
            }
        }
        VmClass owner = m.owner;
        if (owner != null) {
            bytes += 8L * owner.staticP.length;
            for (Object o : owner.staticR) {
                bytes += 4;
                if (o != null) {
                    work.add(o);
                }
            }
        }
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        while (!work.isEmpty() && seen.size() < WALK_LIMIT) {
            Object o = work.poll();
            if (seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            if (o instanceof GuestObject g) {
                bytes += 16 + 8L * g.p.length + 4L * g.r.length;
                for (Object c : g.r) {
                    if (c != null) {
                        work.add(c);
                    }
                }
            } else if (o instanceof GuestArray a) {
                Object data = a.data;
                if (data instanceof Object[] refs) {
                    bytes += 16 + 4L * a.length;
                    for (Object c : refs) {
                        if (c != null) {
                            work.add(c);
                        }
                    }
                } else {
                    bytes += 16 + (long) a.length * width(data);
                }
            } else if (o instanceof String str) {
                bytes += 40 + 2L * str.length();
            } else {
                bytes += 16; // a class, a host object: its header
            }
        }
        return bytes;
    }

    private static int width(Object data) {
        if (data instanceof long[] || data instanceof double[]) {
            return 8;
        }
        if (data instanceof int[] || data instanceof float[]) {
            return 4;
        }
        if (data instanceof short[] || data instanceof char[]) {
            return 2;
        }
        return 1;
    }

    /**
     * Ends the recording (frames still on a stack are closed as if they returned now) and
     * assembles the profile.
     *
     * @param completionNanos the run's simulated completion time
     */
    public Profile finish(String program, String phoneName, String serverName, long completionNanos) {
        for (Map.Entry<GuestThread, ThreadState> e : threads.entrySet()) {
            ThreadState s = e.getValue();
            charge(e.getKey(), s);
            while (s.depth > 0) {
                pop(s);
            }
        }
        // Inclusive times and pinned-below over the calling-context tree (parents precede children).
        int n = nodes.size();
        long[] inclP = new long[n];
        long[] inclS = new long[n];
        boolean[] below = new boolean[n];
        for (int k = n - 1; k >= 0; k--) {
            Node x = nodes.get(k);
            inclP[k] += x.phoneSelf;
            inclS[k] += x.serverSelf;
            below[k] |= x.pinnedSelf;
            if (x.parent != null) {
                inclP[x.parent.id] += inclP[k];
                inclS[x.parent.id] += inclS[k];
                below[x.parent.id] |= below[k];
            }
        }
        int mc = methodList.size();
        long[] selfP = new long[mc];
        long[] selfS = new long[mc];
        long[] inP = new long[mc];
        long[] inS = new long[mc];
        boolean[] pinT = new boolean[mc];
        for (Node x : nodes) {
            if (x.method < 0) {
                continue;
            }
            selfP[x.method] += x.phoneSelf;
            selfS[x.method] += x.serverSelf;
            pinT[x.method] |= below[x.id];
            boolean outermost = true;
            for (Node a = x.parent; a != null; a = a.parent) {
                if (a.method == x.method) {
                    outermost = false;
                    break;
                }
            }
            if (outermost) {
                inP[x.method] += inclP[x.id];
                inS[x.method] += inclS[x.id];
            }
        }
        List<Profile.Method> ms = new ArrayList<>();
        long totalP = 0;
        long totalS = 0;
        for (MethodStats s : methodList) {
            VmMethod vm = s.method;
            ms.add(new Profile.Method(s.id, vm.owner.name, vm.name, vm.desc, s.calls, selfP[s.id], selfS[s.id], inP[s.id],
                    inS[s.id], s.stateSamples == 0 ? 0 : s.stateSum / s.stateSamples, s.stateSamples, s.pinnedSelf,
                    pinT[s.id], s.recursive));
        }
        for (Node x : nodes) {
            totalP += x.phoneSelf;
            totalS += x.serverSelf;
        }
        Map<Long, long[]> edgeCalls = new java.util.TreeMap<>();
        List<Profile.Node> outNodes = new ArrayList<>();
        for (Node x : nodes) {
            outNodes.add(new Profile.Node(x.id, x.parent == null ? -1 : x.parent.id, x.method, x.calls, x.phoneSelf,
                    x.serverSelf, x.pinnedSelf));
            for (Map.Entry<Integer, ChildLink> c : x.children.entrySet()) {
                long key = ((long) (x.method + 1) << 32) | c.getKey();
                edgeCalls.computeIfAbsent(key, k -> new long[1])[0] += c.getValue().calls;
            }
        }
        List<Profile.Edge> edges = new ArrayList<>();
        for (Map.Entry<Long, long[]> e : edgeCalls.entrySet()) {
            edges.add(new Profile.Edge((int) (e.getKey() >>> 32) - 1, (int) (long) e.getKey(), e.getValue()[0]));
        }
        List<Profile.PinnedNative> pinned = new ArrayList<>();
        for (Map.Entry<String, long[]> e : pinnedSites.entrySet()) {
            int sp = e.getKey().indexOf(' ');
            pinned.add(new Profile.PinnedNative(Integer.parseInt(e.getKey().substring(0, sp)), e.getKey().substring(sp + 1),
                    e.getValue()[0]));
        }
        List<OracleBound> oracles = new ArrayList<>();
        ThreadState main = threadOrder.isEmpty() ? null : threadOrder.get(0);
        for (int l = 0; l < links.size(); l++) {
            List<Integer> remote = new ArrayList<>();
            for (MethodStats s : methodList) {
                if (s.phoneIncl > 0 && 2 * s.remotePhone[l] > s.phoneIncl) {
                    remote.add(s.id);
                }
            }
            // Each segment's price was rounded to the nanosecond on its own (the run's slices round
            // less often): take one nanosecond per segment off, so the bound stays below the run.
            long slack = main == null ? 0 : main.segments;
            long seg = main == null ? 0 : Math.max(0, main.gP[l] - slack);
            long nested = main == null ? 0 : Math.max(0, main.fP[0][l] - slack);
            oracles.add(new OracleBound(links.get(l).name(), links.get(l).crossingNanos(), seg, nested,
                    main == null ? 0 : main.segments, threadOrder.size() <= 1, remote));
        }
        return new Profile(program, phoneName, serverName, threadOrder.size(), completionNanos, totalP, totalS, ms, edges,
                outNodes, pinned, oracles);
    }
}
