package org.cometsim.sim;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A listener that folds every fired event into a SHA-256 digest: for each event, its time
 * (8 bytes), its class name and its {@link Event#tracePayload()}, each length-prefixed so that
 * field boundaries cannot be confused.
 *
 * <p>Two runs with equal hashes fired the same events at the same times in the same order. The
 * determinism tests compare hashes across reruns with one seed (must match) and across seeds
 * for stochastic models (must differ).
 */
public final class EventTraceHash implements SimListener {

    private final MessageDigest sha;
    private final ByteBuffer buf = ByteBuffer.allocate(12);
    private long count;

    public EventTraceHash() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }

    /** Attaches a new hash to {@code sim} and returns it. */
    public static EventTraceHash attachTo(Simulation sim) {
        EventTraceHash h = new EventTraceHash();
        sim.addListener(h);
        return h;
    }

    @Override
    public void beforeEvent(long timeNanos, Event event) {
        buf.clear();
        buf.putLong(timeNanos);
        sha.update(buf.array(), 0, 8);
        put(event.getClass().getName());
        put(event.tracePayload());
        count++;
    }

    private void put(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        buf.clear();
        buf.putInt(b.length);
        sha.update(buf.array(), 0, 4);
        sha.update(b);
    }

    /** Events hashed so far. */
    public long events() {
        return count;
    }

    /** Hex digest of the events so far; does not disturb further hashing. */
    public String hex() {
        try {
            MessageDigest copy = (MessageDigest) sha.clone();
            return HexFormat.of().formatHex(copy.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest not cloneable", e);
        }
    }
}
