package org.cometsim.offload.policy.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A recorded run of one program alone on the phone ({@code comet profile}), what the
 * profile-based policies ({@code maui}, {@code clonecloud}, {@code oracle}) decide from.
 *
 * <p><b>What is measured.</b> The program runs once in simulation on the phone's CPU model with
 * the VM's method events on ({@link Profiler}). Between two consecutive events of a thread (a
 * method entry or exit) the instructions and host calls it executed are priced twice: by the
 * phone's CPU model ({@code phone_self_ns}) and by the server's ({@code server_self_ns}: the same
 * op-class counts charged at the server's per-class cost, what that work would take there). The
 * stretch is charged to the method on top of the stack (its <i>self</i> or exclusive time).
 * Times are CPU times of the work itself: time a thread spent blocked or sleeping is not in them.
 *
 * <p><b>Calling-context tree.</b> {@link #nodes} is the run's call tree folded by calling
 * context: one node per distinct path of methods from a thread's start, with its entry count and
 * self times. A recursive call (a method already on the node's path) is folded into that
 * ancestor's node, so the tree stays finite and the method is flagged {@code recursive}. Node 0
 * is the virtual root (method -1): the work of a thread outside any guest frame, and the parent
 * of every thread's first method. Inclusive times, the call-graph edges and the "pinned below"
 * relation all derive from it.
 *
 * <p><b>State a migration would ship</b> ({@code state_bytes}, per call). MAUI measures at each
 * call the serialised size of everything the callee might reference [MAUI §4.1.3, §5.2.1]. Ours
 * is a practical estimate of the same thing: the bytes of the object graph reachable from the
 * call's receiver and arguments plus the static fields of the method's declaring class (the
 * statics it is most likely to touch), with 16 bytes per object header, 8 per primitive slot or
 * primitive argument, 4 per reference, array elements at their width and host strings at 2 bytes
 * per char; walks stop after {@link Profiler#WALK_LIMIT} objects. It is sampled, not measured at
 * every call (that would dominate the run): at a method's 1st, 2nd, 4th, 8th ... call, the
 * reported value being the mean of the samples (MAUI's "LastDiff" idea of measuring rarely). The
 * re-integration at the method's exit is assumed to ship as much as its entry did (the same
 * state, possibly modified), so a round trip costs {@code 2 × state_bytes}. It over-estimates
 * what COMET's DSM would ship on a second crossing (only dirty objects travel) and ignores
 * objects reachable only through other statics.
 *
 * <p><b>Pinned-native sites.</b> {@code pinned_self} marks methods whose own code called a
 * client-pinned native ({@link org.cometsim.dalvik.rt.Placement#CLIENT_PINNED}: console output,
 * files, the phone's devices); {@code pinned_transitive} those with such a call anywhere below
 * them, and {@link #pinnedNatives} lists each native with its calling method and count.
 *
 * <p><b>Oracles.</b> {@link #oracles}: the method-boundary bounds of {@link OracleBound}, computed
 * while the run is recorded for each link the profile was asked about (per-invocation data is
 * not kept, so they cannot be computed later).
 *
 * <p><b>File format</b> ({@code comet-profile/1}), JSON, one object:
 * <pre>{@code
 * {"format":"comet-profile/1","program":"Main","phone":"<cpu preset>","server":"<cpu preset>",
 *  "threads":1,"completion_ns":N,"phone_ns":N,"server_ns":N,
 *  "methods":[{"id":0,"class":"Main","name":"main","desc":"([Ljava/lang/String;)V","calls":1,
 *              "phone_self_ns":N,"server_self_ns":N,"phone_incl_ns":N,"server_incl_ns":N,
 *              "state_bytes":N,"state_samples":N,"pinned_self":false,"pinned_transitive":true,
 *              "recursive":false}, ...],
 *  "edges":[{"caller":-1,"callee":0,"calls":1}, ...],          (caller -1: a thread's start)
 *  "nodes":[{"id":0,"parent":-1,"method":-1,"calls":1,"phone_self_ns":N,"server_self_ns":N,
 *            "pinned_self":false}, ...],                        (parents before children)
 *  "pinned_natives":[{"method":3,"native":"java.io.FileOutputStream.writeBytes","calls":N}, ...],
 *  "oracles":[{"link":"comet-wifi","crossing_ns":N,"segment_ns":N,"nested_ns":N,
 *              "segments":N,"single_threaded":true,
 *              "remote_methods":[2,5]}, ...]}
 * }</pre>
 * Inclusive times in {@code methods} count a recursive method's nested activations once.
 * {@link #load} reads it back; {@link #toJson} writes it (deterministically: same run, same bytes).
 */
public record Profile(String program, String phoneCpu, String serverCpu, int threads, long completionNanos,
                      long phoneNanos, long serverNanos, List<Method> methods, List<Edge> edges, List<Node> nodes,
                      List<PinnedNative> pinnedNatives, List<OracleBound> oracles) {
    public static final String FORMAT = "comet-profile/1";

    public Profile {
        methods = List.copyOf(methods);
        edges = List.copyOf(edges);
        nodes = List.copyOf(nodes);
        pinnedNatives = List.copyOf(pinnedNatives);
        oracles = List.copyOf(oracles);
    }

    /** One method's totals over the run (all threads). */
    public record Method(int id, String className, String name, String descriptor, long calls, long phoneSelfNanos,
                         long serverSelfNanos, long phoneInclusiveNanos, long serverInclusiveNanos, long stateBytes,
                         int stateSamples, boolean pinnedSelf, boolean pinnedTransitive, boolean recursive) {
        /** {@code Class.name(desc)}, as {@link org.cometsim.offload.policy.MethodPoint} prints it. */
        public String signature() {
            return className + "." + name + descriptor;
        }
    }

    /** Caller method invoked callee method {@code calls} times (caller -1: the thread's first frame). */
    public record Edge(int caller, int callee, long calls) {
    }

    /** A calling-context-tree node (see the class comment). */
    public record Node(int id, int parent, int method, long calls, long phoneSelfNanos, long serverSelfNanos,
                       boolean pinnedSelf) {
    }

    /** A client-pinned native called from {@code method}'s own code {@code calls} times. */
    public record PinnedNative(int method, String nativeName, long calls) {
    }

    /** The method, or null. */
    public Method method(String className, String name, String descriptor) {
        for (Method m : methods) {
            if (m.className.equals(className) && m.name.equals(name) && m.descriptor.equals(descriptor)) {
                return m;
            }
        }
        return null;
    }

    /** The oracle bound recorded for link {@code name}, or null. */
    public OracleBound oracle(String linkName) {
        for (OracleBound o : oracles) {
            if (o.link().equals(linkName)) {
                return o;
            }
        }
        return null;
    }

    /** Each node's children, by node id. */
    public List<List<Node>> children() {
        List<List<Node>> ch = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            ch.add(new ArrayList<>());
        }
        for (Node n : nodes) {
            if (n.parent >= 0) {
                ch.get(n.parent).add(n);
            }
        }
        return ch;
    }

    /** {phone, server} inclusive time of each node's subtree, by node id. */
    public long[][] inclusive() {
        long[][] inc = new long[nodes.size()][2];
        for (int k = nodes.size() - 1; k >= 0; k--) { // parents precede children
            Node n = nodes.get(k);
            inc[k][0] += n.phoneSelfNanos;
            inc[k][1] += n.serverSelfNanos;
            if (n.parent >= 0) {
                inc[n.parent][0] += inc[k][0];
                inc[n.parent][1] += inc[k][1];
            }
        }
        return inc;
    }

    /** Whether each node's subtree calls a client-pinned native, by node id. */
    public boolean[] pinnedBelow() {
        boolean[] p = new boolean[nodes.size()];
        for (int k = nodes.size() - 1; k >= 0; k--) {
            Node n = nodes.get(k);
            p[k] |= n.pinnedSelf;
            if (n.parent >= 0 && p[k]) {
                p[n.parent] = true;
            }
        }
        return p;
    }

    // ------------------------------------------------------------------ JSON

    /** The profile as a {@code comet-profile/1} document. */
    public String toJson() {
        StringBuilder b = new StringBuilder(4096 + nodes.size() * 100);
        b.append("{\"format\":").append(MiniJson.quote(FORMAT)).append(",\"program\":").append(MiniJson.quote(program))
                .append(",\"phone\":").append(MiniJson.quote(phoneCpu)).append(",\"server\":").append(MiniJson.quote(serverCpu))
                .append(",\"threads\":").append(threads).append(",\"completion_ns\":").append(completionNanos)
                .append(",\"phone_ns\":").append(phoneNanos).append(",\"server_ns\":").append(serverNanos)
                .append(",\n\"methods\":[");
        for (int k = 0; k < methods.size(); k++) {
            Method m = methods.get(k);
            b.append(k == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "{\"id\":%d,\"class\":%s,\"name\":%s,\"desc\":%s,\"calls\":%d,\"phone_self_ns\":%d,\"server_self_ns\":%d,"
                            + "\"phone_incl_ns\":%d,\"server_incl_ns\":%d,\"state_bytes\":%d,\"state_samples\":%d,"
                            + "\"pinned_self\":%b,\"pinned_transitive\":%b,\"recursive\":%b}",
                    m.id, MiniJson.quote(m.className), MiniJson.quote(m.name), MiniJson.quote(m.descriptor), m.calls,
                    m.phoneSelfNanos, m.serverSelfNanos, m.phoneInclusiveNanos, m.serverInclusiveNanos, m.stateBytes,
                    m.stateSamples, m.pinnedSelf, m.pinnedTransitive, m.recursive));
        }
        b.append("],\n\"edges\":[");
        for (int k = 0; k < edges.size(); k++) {
            Edge e = edges.get(k);
            b.append(k == 0 ? "\n" : ",\n").append("{\"caller\":").append(e.caller).append(",\"callee\":").append(e.callee)
                    .append(",\"calls\":").append(e.calls).append('}');
        }
        b.append("],\n\"nodes\":[");
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            b.append(k == 0 ? "\n" : ",\n").append("{\"id\":").append(n.id).append(",\"parent\":").append(n.parent)
                    .append(",\"method\":").append(n.method).append(",\"calls\":").append(n.calls)
                    .append(",\"phone_self_ns\":").append(n.phoneSelfNanos).append(",\"server_self_ns\":")
                    .append(n.serverSelfNanos).append(",\"pinned_self\":").append(n.pinnedSelf).append('}');
        }
        b.append("],\n\"pinned_natives\":[");
        for (int k = 0; k < pinnedNatives.size(); k++) {
            PinnedNative p = pinnedNatives.get(k);
            b.append(k == 0 ? "\n" : ",\n").append("{\"method\":").append(p.method).append(",\"native\":")
                    .append(MiniJson.quote(p.nativeName)).append(",\"calls\":").append(p.calls).append('}');
        }
        b.append("],\n\"oracles\":[");
        for (int k = 0; k < oracles.size(); k++) {
            OracleBound o = oracles.get(k);
            b.append(k == 0 ? "\n" : ",\n").append("{\"link\":").append(MiniJson.quote(o.link())).append(",\"crossing_ns\":")
                    .append(o.crossingNanos()).append(",\"segment_ns\":").append(o.segmentNanos()).append(",\"nested_ns\":")
                    .append(o.nestedNanos()).append(",\"segments\":").append(o.segments()).append(",\"single_threaded\":")
                    .append(o.singleThreaded()).append(",\"remote_methods\":").append(o.remoteMethods().toString().replace(" ", ""))
                    .append('}');
        }
        return b.append("]}\n").toString();
    }

    /** Writes {@link #toJson} to {@code file}. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** Reads a profile file. @throws IllegalArgumentException if it is not a {@code comet-profile/1} document */
    public static Profile load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses a {@code comet-profile/1} document. */
    @SuppressWarnings("unchecked")
    public static Profile parse(String json) {
        Object root = MiniJson.parse(json);
        if (!(root instanceof Map<?, ?> top) || !FORMAT.equals(top.get("format"))) {
            throw new IllegalArgumentException("not a " + FORMAT + " document");
        }
        Map<String, Object> t = (Map<String, Object>) top;
        List<Method> methods = new ArrayList<>();
        for (Object o : (List<Object>) t.get("methods")) {
            Map<String, Object> m = (Map<String, Object>) o;
            methods.add(new Method(i(m, "id"), s(m, "class"), s(m, "name"), s(m, "desc"), l(m, "calls"),
                    l(m, "phone_self_ns"), l(m, "server_self_ns"), l(m, "phone_incl_ns"), l(m, "server_incl_ns"),
                    l(m, "state_bytes"), i(m, "state_samples"), b(m, "pinned_self"), b(m, "pinned_transitive"),
                    b(m, "recursive")));
        }
        List<Edge> edges = new ArrayList<>();
        for (Object o : (List<Object>) t.get("edges")) {
            Map<String, Object> m = (Map<String, Object>) o;
            edges.add(new Edge(i(m, "caller"), i(m, "callee"), l(m, "calls")));
        }
        List<Node> nodes = new ArrayList<>();
        for (Object o : (List<Object>) t.get("nodes")) {
            Map<String, Object> m = (Map<String, Object>) o;
            nodes.add(new Node(i(m, "id"), i(m, "parent"), i(m, "method"), l(m, "calls"), l(m, "phone_self_ns"),
                    l(m, "server_self_ns"), b(m, "pinned_self")));
        }
        List<PinnedNative> pinned = new ArrayList<>();
        for (Object o : (List<Object>) t.get("pinned_natives")) {
            Map<String, Object> m = (Map<String, Object>) o;
            pinned.add(new PinnedNative(i(m, "method"), s(m, "native"), l(m, "calls")));
        }
        List<OracleBound> oracles = new ArrayList<>();
        for (Object o : (List<Object>) t.get("oracles")) {
            Map<String, Object> m = (Map<String, Object>) o;
            oracles.add(new OracleBound(s(m, "link"), l(m, "crossing_ns"), l(m, "segment_ns"), l(m, "nested_ns"),
                    l(m, "segments"), b(m, "single_threaded"), ((List<Object>) m.get("remote_methods")).stream()
                    .map(x -> Math.toIntExact((Long) x)).toList()));
        }
        return new Profile(s(t, "program"), s(t, "phone"), s(t, "server"), i(t, "threads"), l(t, "completion_ns"),
                l(t, "phone_ns"), l(t, "server_ns"), methods, edges, nodes, pinned, oracles);
    }

    private static long l(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof Long n)) {
            throw new IllegalArgumentException("profile JSON: '" + k + "' must be a whole number");
        }
        return n;
    }

    private static int i(Map<String, Object> m, String k) {
        return Math.toIntExact(l(m, k));
    }

    private static String s(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof String str)) {
            throw new IllegalArgumentException("profile JSON: '" + k + "' must be a string");
        }
        return str;
    }

    private static boolean b(Map<String, Object> m, String k) {
        return Boolean.TRUE.equals(m.get(k));
    }

    /** Methods by id (ids are list positions). */
    public Map<Integer, Method> methodsById() {
        Map<Integer, Method> byId = new HashMap<>();
        for (Method m : methods) {
            byId.put(m.id, m);
        }
        return byId;
    }
}
