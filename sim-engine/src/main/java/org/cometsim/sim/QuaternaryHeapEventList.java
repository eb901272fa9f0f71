package org.cometsim.sim;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * Default {@link EventList}: an implicit 4-ary min-heap over parallel primitive arrays.
 *
 * <p>Why this shape (measured in {@code benchmarks/.../Bench01_EventListHold}, see the module
 * README): each entry is a {@code long} time, a {@code long} order key and an object slot,
 * stored in three arrays, so a comparison touches no object header and sifting moves no
 * objects between heap nodes other than the payload reference. A 4-ary heap halves the depth of
 * a binary heap and its four children share a cache line of {@code times}. Sifts move a "hole"
 * instead of swapping.
 *
 * <p>The order key packs the tie-break (priority, then insertion sequence) into one
 * {@code long}: {@code (priority - MIN_PRIORITY) << 43 | sequence}, so the full comparison is
 * two {@code long} compares. This caps the sequence at 2^43 (8.8·10^12 insertions between
 * {@link #clear}s) and priorities at 20 bits; both are checked.
 */
public final class QuaternaryHeapEventList<E> implements EventList<E> {

    private static final int SEQ_BITS = 43;
    private static final long MAX_SEQ = (1L << SEQ_BITS) - 1;

    private long[] times;
    private long[] keys;
    private Object[] events;
    private int size;
    private long nextSeq;

    public QuaternaryHeapEventList() {
        this(64);
    }

    public QuaternaryHeapEventList(int initialCapacity) {
        int cap = Math.max(4, initialCapacity);
        times = new long[cap];
        keys = new long[cap];
        events = new Object[cap];
    }

    @Override
    public long add(long timeNanos, int priority, E event) {
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority out of range: " + priority);
        }
        long seq = nextSeq++;
        if (seq > MAX_SEQ) {
            throw new IllegalStateException("insertion sequence exhausted");
        }
        long key = ((long) (priority - MIN_PRIORITY) << SEQ_BITS) | seq;
        if (size == times.length) {
            grow();
        }
        siftUp(size++, timeNanos, key, event);
        return seq;
    }

    private void grow() {
        int cap = times.length * 2;
        times = Arrays.copyOf(times, cap);
        keys = Arrays.copyOf(keys, cap);
        events = Arrays.copyOf(events, cap);
    }

    private void siftUp(int hole, long t, long k, Object e) {
        final long[] ts = times;
        final long[] ks = keys;
        final Object[] es = events;
        while (hole > 0) {
            int parent = (hole - 1) >>> 2;
            long pt = ts[parent];
            if (pt < t || (pt == t && ks[parent] < k)) {
                break;
            }
            ts[hole] = pt;
            ks[hole] = ks[parent];
            es[hole] = es[parent];
            hole = parent;
        }
        ts[hole] = t;
        ks[hole] = k;
        es[hole] = e;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long firstTime() {
        return times[0];
    }

    @Override
    public long firstSequence() {
        return keys[0] & MAX_SEQ;
    }

    @Override
    @SuppressWarnings("unchecked")
    public E removeFirst() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        E first = (E) events[0];
        int last = --size;
        if (last > 0) {
            siftDown(times[last], keys[last], events[last], last);
        }
        events[last] = null; // let the payload be collected
        return first;
    }

    /** Moves the hole from the root down and fills it with (t, k, e); {@code n} live slots. */
    private void siftDown(long t, long k, Object e, int n) {
        final long[] ts = times;
        final long[] ks = keys;
        final Object[] es = events;
        int hole = 0;
        while (true) {
            int c = (hole << 2) + 1;
            if (c >= n) {
                break;
            }
            // Find the smallest of up to four children.
            int best = c;
            long bt = ts[c];
            long bk = ks[c];
            int end = Math.min(c + 4, n);
            for (int i = c + 1; i < end; i++) {
                long it = ts[i];
                if (it < bt || (it == bt && ks[i] < bk)) {
                    best = i;
                    bt = it;
                    bk = ks[i];
                }
            }
            if (t < bt || (t == bt && k < bk)) {
                break;
            }
            ts[hole] = bt;
            ks[hole] = bk;
            es[hole] = es[best];
            hole = best;
        }
        ts[hole] = t;
        ks[hole] = k;
        es[hole] = e;
    }

    @Override
    public void clear() {
        Arrays.fill(events, 0, size, null);
        size = 0;
        nextSeq = 0;
    }
}
