package org.cometsim.offload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one endpoint counted during a run: migrations each way, forced returns by reason, threads
 * pinned by host state, syncs, lock and volatile ownership requests and transfers, interrupts
 * across the link, bytes (message bytes, and bytes on the wire after framing and
 * compression), and an event trace (JSON lines) for timelines. Deterministic: everything is
 * keyed and ordered by simulated time and insertion, never by host state.
 */
public final class OffloadMetrics {
    long migrationsOut;
    long migrationsIn;
    long syncsSent;
    long syncsReceived;
    long messageBytesSent;
    long wireBytesSent;
    long messageBytesReceived;
    long wireBytesReceived;
    long payloadBytesSent;
    long lockRequests;
    long volatileRequests;
    long volatileTransfers;
    long interruptsSent;
    long interruptsDelivered;
    long dexBytesSent;
    final Map<String, Long> forcedReturns = new TreeMap<>();
    /** Messages sent by kind (the message record's name): {count, bytes on the wire}. */
    final Map<String, long[]> sentByKind = new TreeMap<>();
    final Map<String, Long> pinnedByHostState = new TreeMap<>();
    final Map<String, Long> refusedDetach = new TreeMap<>();
    final List<String> trace = new ArrayList<>();
    long connections;
    long connectionsLost;
    long threadsRecovered;
    /** Trims of the tracked set this endpoint took part in, rounds it received, ids it untracked. */
    long trims;
    long trimRounds;
    long untracked;
    /** Bytes this endpoint put on the wire for trim rounds (included in {@link #wireBytesSent()}). */
    long trimWireBytesSent;
    /** Simulated time from the start to the end of each trim on this side, summed. */
    long trimNanos;
    /** The most ids this endpoint's DSM held at any push or pull (of any one connection). */
    long trackedHighWater;
    /** Instructions executed by threads on this endpoint while they had migrated here. */
    long instructionsOfMigrants;

    public long trims() {
        return trims;
    }

    public long trimRounds() {
        return trimRounds;
    }

    /** Ids this endpoint untracked at the end of trims. */
    public long untracked() {
        return untracked;
    }

    public long trimWireBytesSent() {
        return trimWireBytesSent;
    }

    public long trimNanos() {
        return trimNanos;
    }

    public long trackedHighWater() {
        return trackedHighWater;
    }

    public long migrationsOut() {
        return migrationsOut;
    }

    public long migrationsIn() {
        return migrationsIn;
    }

    public long syncsSent() {
        return syncsSent;
    }

    public long syncsReceived() {
        return syncsReceived;
    }

    /** Bytes of encoded messages this endpoint sent (before framing and compression). */
    public long messageBytesSent() {
        return messageBytesSent;
    }

    /** Bytes this endpoint put on the wire: frames, headers included, compressed if on. */
    public long wireBytesSent() {
        return wireBytesSent;
    }

    public long messageBytesReceived() {
        return messageBytesReceived;
    }

    public long wireBytesReceived() {
        return wireBytesReceived;
    }

    /** Raw dirty payload (values and references) of the pushes this endpoint sent. */
    public long payloadBytesSent() {
        return payloadBytesSent;
    }

    public long lockRequests() {
        return lockRequests;
    }

    /** Requests this endpoint sent for the volatiles of objects (or classes) the peer owned (COMET's GRABVOL). */
    public long volatileRequests() {
        return volatileRequests;
    }

    /** Volatile ownership this endpoint handed to the peer (each with a full push). */
    public long volatileTransfers() {
        return volatileTransfers;
    }

    /** {@code Thread.interrupt} calls this endpoint sent for threads running on the peer (each after a push). */
    public long interruptsSent() {
        return interruptsSent;
    }

    /** Interrupts from the peer this endpoint delivered to a thread running here. */
    public long interruptsDelivered() {
        return interruptsDelivered;
    }

    /**
     * Messages this endpoint sent, by kind ({@code Sync}, {@code SyncAck}, {@code Hello} ...):
     * {count, bytes on the wire after framing and compression}; what the sync-efficiency figure's
     * overhead is made of (a copy).
     */
    public Map<String, long[]> sentByKind() {
        Map<String, long[]> copy = new TreeMap<>();
        sentByKind.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    void countSent(String kind, long wireBytes) {
        long[] c = sentByKind.computeIfAbsent(kind, k -> new long[2]);
        c[0]++;
        c[1] += wireBytes;
    }

    /** Bytes of app code (dex files) sent to the server. */
    public long dexBytesSent() {
        return dexBytesSent;
    }

    /** Connections opened (the phone: its first and every reconnection after a failure). */
    public long connections() {
        return connections;
    }

    /** Connections that failed while open (link outage, {@code --fail-at}). */
    public long connectionsLost() {
        return connectionsLost;
    }

    /** Threads resumed on the phone from the last sync received after a failure (recovery, comet-reference §9). */
    public long threadsRecovered() {
        return threadsRecovered;
    }

    /** Why threads had to come back from the server, with counts. */
    public Map<String, Long> forcedReturns() {
        return forcedReturns;
    }

    /** What kept threads from moving (state the DSM cannot ship), with counts. */
    public Map<String, Long> pinnedByHostState() {
        return pinnedByHostState;
    }

    /** Why a thread the policy chose could not leave (host frames in the way ...), with counts. */
    public Map<String, Long> refusedDetach() {
        return refusedDetach;
    }

    /** The event trace, one JSON object per line. */
    public List<String> trace() {
        return trace;
    }

    /**
     * The scalar counts by name, for an endpoint in another process to report them (the testbed's
     * server sends its counts to the phone at the end of a session: {@link #fromCounters}).
     */
    public Map<String, Long> counters() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("migrations_out", migrationsOut);
        m.put("migrations_in", migrationsIn);
        m.put("syncs_sent", syncsSent);
        m.put("syncs_received", syncsReceived);
        m.put("message_bytes_sent", messageBytesSent);
        m.put("wire_bytes_sent", wireBytesSent);
        m.put("message_bytes_received", messageBytesReceived);
        m.put("wire_bytes_received", wireBytesReceived);
        m.put("payload_bytes_sent", payloadBytesSent);
        m.put("lock_requests", lockRequests);
        m.put("volatile_requests", volatileRequests);
        m.put("volatile_transfers", volatileTransfers);
        m.put("interrupts_sent", interruptsSent);
        m.put("interrupts_delivered", interruptsDelivered);
        m.put("dex_bytes_sent", dexBytesSent);
        m.put("connections", connections);
        m.put("connections_lost", connectionsLost);
        m.put("threads_recovered", threadsRecovered);
        return m;
    }

    /** Adds counts reported by {@link #counters} (of one or several endpoints) to these; unknown names are ignored. */
    public void addCounters(Map<String, Long> m) {
        migrationsOut += m.getOrDefault("migrations_out", 0L);
        migrationsIn += m.getOrDefault("migrations_in", 0L);
        syncsSent += m.getOrDefault("syncs_sent", 0L);
        syncsReceived += m.getOrDefault("syncs_received", 0L);
        messageBytesSent += m.getOrDefault("message_bytes_sent", 0L);
        wireBytesSent += m.getOrDefault("wire_bytes_sent", 0L);
        messageBytesReceived += m.getOrDefault("message_bytes_received", 0L);
        wireBytesReceived += m.getOrDefault("wire_bytes_received", 0L);
        payloadBytesSent += m.getOrDefault("payload_bytes_sent", 0L);
        lockRequests += m.getOrDefault("lock_requests", 0L);
        volatileRequests += m.getOrDefault("volatile_requests", 0L);
        volatileTransfers += m.getOrDefault("volatile_transfers", 0L);
        interruptsSent += m.getOrDefault("interrupts_sent", 0L);
        interruptsDelivered += m.getOrDefault("interrupts_delivered", 0L);
        dexBytesSent += m.getOrDefault("dex_bytes_sent", 0L);
        connections += m.getOrDefault("connections", 0L);
        connectionsLost += m.getOrDefault("connections_lost", 0L);
        threadsRecovered += m.getOrDefault("threads_recovered", 0L);
    }

    static void count(Map<String, Long> m, String key) {
        m.merge(key, 1L, Long::sum);
    }

    void event(long atNanos, String endpoint, String kind, String details) {
        // Concatenation, not String.format: the same text (%d of a long is its decimal digits),
        // without parsing the format at every event of a run (thousands on a thread-heavy one).
        trace.add("{\"t_ns\":" + atNanos + ",\"endpoint\":\"" + endpoint + "\",\"event\":\"" + kind + "\""
                + (details.isEmpty() ? "" : "," + details) + "}");
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
