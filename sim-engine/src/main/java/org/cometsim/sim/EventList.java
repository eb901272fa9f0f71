package org.cometsim.sim;

/**
 * The pending-event set of a {@link Simulation}: a priority queue of events keyed by time.
 *
 * <h2>Tie-break rule (part of the contract)</h2>
 * Entries leave in ascending order of
 * <ol>
 *   <li>time (nanoseconds), then</li>
 *   <li>priority (smaller first; {@link #MIN_PRIORITY}..{@link #MAX_PRIORITY}), then</li>
 *   <li>insertion sequence: among entries with equal time and priority, the one added first
 *       leaves first (FIFO).</li>
 * </ol>
 * This is the same rule as SSJ's event lists, and it is what makes a run reproducible: it never
 * depends on hash codes, object addresses or the heap's internal layout.
 *
 * <p>{@link #add} returns the entry's insertion sequence number, which doubles as a handle for
 * lazy cancellation in {@link Simulation#cancel(long)}.
 *
 * @param <E> the payload type
 */
public interface EventList<E> {

    /** Smallest accepted priority (fires first among equal times). */
    int MIN_PRIORITY = -(1 << 19);
    /** Largest accepted priority. */
    int MAX_PRIORITY = (1 << 19) - 1;

    /**
     * Adds an entry.
     *
     * @return the insertion sequence number (0, 1, 2, ... since construction or {@link #clear})
     */
    long add(long timeNanos, int priority, E event);

    boolean isEmpty();

    int size();

    /** Time of the first entry; undefined if empty. */
    long firstTime();

    /** Insertion sequence number of the first entry; undefined if empty. */
    long firstSequence();

    /** Removes and returns the first entry's payload. */
    E removeFirst();

    void clear();
}
