package org.cometsim.guestlib.java.util.concurrent;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.cometsim.guestlib.java.util.AbstractQueue;

/**
 * Guest-side {@code java.util.concurrent.ArrayBlockingQueue}: bounded FIFO queue on a circular
 * array, mirroring the JDK 17 layout ({@code items}, {@code takeIndex}, {@code putIndex},
 * {@code count}) and its iterator bookkeeping ({@code Itrs}: iterators are told about dequeues,
 * interior removals and wrap-arounds), so that iteration, {@code iterator.remove()} and the bulk
 * removals behave exactly like the JDK's, also when the queue changes under a live iterator.
 *
 * <p>Concurrency is built only on this queue's monitor: every reader and mutator is
 * {@code synchronized} on the queue, blocking methods {@code wait()} in a loop and state changes that
 * can unblock a waiter (empty to non-empty, full to not full) {@code notifyAll()}. {@code put},
 * {@code take} and the timed {@code offer}/{@code poll} throw {@link InterruptedException} when the
 * thread is interrupted at entry (as the JDK's {@code lockInterruptibly}) or while waiting.
 *
 * <p>Deviations: the {@code fair} flag is accepted and ignored (a monitor has no fair mode; the VM
 * schedules guest threads itself). The iterator registry holds its iterators strongly instead of
 * through {@code WeakReference}s: an abandoned iterator stays registered until it is shut down (queue
 * emptied, or {@code takeIndex} wrapped twice since its last use) or swept once exhausted, which
 * changes no observable result. No {@code writeObject}/{@code readObject}: the serialized form is the
 * default one. {@code spliterator()} is the {@code Collection} default (iterator based, no
 * {@code CONCURRENT}/{@code NONNULL} characteristics).
 */
public class ArrayBlockingQueue<E> extends AbstractQueue<E>
        implements BlockingQueue<E>, java.io.Serializable {

    private static final long serialVersionUID = -817911632652898426L;

    /** The queued items (circular). */
    final Object[] items;

    /** Index for the next take, poll, peek or remove. */
    int takeIndex;

    /** Index for the next put, offer, or add. */
    int putIndex;

    /** Number of elements in the queue. */
    int count;

    /** Shared state of the live iterators, or null if there are none. */
    transient Itrs itrs;

    public ArrayBlockingQueue(int capacity) {
        this(capacity, false);
    }

    /** @param fair accepted and ignored (see the class comment) */
    public ArrayBlockingQueue(int capacity, boolean fair) {
        if (capacity <= 0) {
            throw new IllegalArgumentException();
        }
        this.items = new Object[capacity];
    }

    /** @param fair accepted and ignored (see the class comment) */
    public ArrayBlockingQueue(int capacity, boolean fair, Collection<? extends E> c) {
        this(capacity, fair);
        synchronized (this) {
            final Object[] items = this.items;
            int i = 0;
            for (Iterator<? extends E> it = c.iterator(); it.hasNext();) {
                E e = it.next();
                if (i == items.length) {
                    // the JDK stores through items[i++] and maps the AIOOBE; the NPE check comes first
                    Objects.requireNonNull(e);
                    throw new IllegalArgumentException();
                }
                items[i++] = Objects.requireNonNull(e);
            }
            count = i;
            putIndex = (i == capacity) ? 0 : i;
        }
    }

    // ---- internals (caller holds the monitor) ----

    static int dec(int i, int modulus) {
        if (--i < 0) {
            i = modulus - 1;
        }
        return i;
    }

    @SuppressWarnings("unchecked")
    final E itemAt(int i) {
        return (E) items[i];
    }

    @SuppressWarnings("unchecked")
    static <E> E itemAt(Object[] items, int i) {
        return (E) items[i];
    }

    private void enqueue(E e) {
        final Object[] items = this.items;
        items[putIndex] = e;
        if (++putIndex == items.length) {
            putIndex = 0;
        }
        if (count++ == 0) {
            notifyAll();
        }
    }

    private E dequeue() {
        final Object[] items = this.items;
        @SuppressWarnings("unchecked")
        E e = (E) items[takeIndex];
        items[takeIndex] = null;
        if (++takeIndex == items.length) {
            takeIndex = 0;
        }
        if (count-- == items.length) {
            notifyAll();
        }
        if (itrs != null) {
            itrs.elementDequeued();
        }
        return e;
    }

    /** Deletes the item at removeIndex (JDK 17 algorithm: slide the rest up through putIndex). */
    void removeAt(final int removeIndex) {
        final Object[] items = this.items;
        boolean wasFull = count == items.length;
        if (removeIndex == takeIndex) {
            // removing front item; just advance
            items[takeIndex] = null;
            if (++takeIndex == items.length) {
                takeIndex = 0;
            }
            count--;
            if (itrs != null) {
                itrs.elementDequeued();
            }
        } else {
            // an "interior" remove: slide over all others up through putIndex
            for (int i = removeIndex, putIndex = this.putIndex;;) {
                int pred = i;
                if (++i == items.length) {
                    i = 0;
                }
                if (i == putIndex) {
                    items[pred] = null;
                    this.putIndex = pred;
                    break;
                }
                items[pred] = items[i];
            }
            count--;
            if (itrs != null) {
                itrs.removedAt(removeIndex);
            }
        }
        if (wasFull) {
            notifyAll();
        }
    }

    /** Waits at most nanos (> 0) on this monitor. */
    private void waitNanos(long nanos) throws InterruptedException {
        wait(nanos / 1000000L, (int) (nanos % 1000000L));
    }

    // ---- BlockingQueue ----

    @Override
    public boolean add(E e) {
        return super.add(e);
    }

    @Override
    public boolean offer(E e) {
        Objects.requireNonNull(e);
        synchronized (this) {
            if (count == items.length) {
                return false;
            }
            enqueue(e);
            return true;
        }
    }

    @Override
    public void put(E e) throws InterruptedException {
        Objects.requireNonNull(e);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            while (count == items.length) {
                wait();
            }
            enqueue(e);
        }
    }

    @Override
    public boolean offer(E e, long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(e);
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            if (count == items.length) {
                long deadline = System.nanoTime() + nanos;
                do {
                    if (nanos <= 0L) {
                        return false;
                    }
                    waitNanos(nanos);
                    nanos = deadline - System.nanoTime();
                } while (count == items.length);
            }
            enqueue(e);
            return true;
        }
    }

    @Override
    public synchronized E poll() {
        return (count == 0) ? null : dequeue();
    }

    @Override
    public E take() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            while (count == 0) {
                wait();
            }
            return dequeue();
        }
    }

    @Override
    public E poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        synchronized (this) {
            if (count == 0) {
                long deadline = System.nanoTime() + nanos;
                do {
                    if (nanos <= 0L) {
                        return null;
                    }
                    waitNanos(nanos);
                    nanos = deadline - System.nanoTime();
                } while (count == 0);
            }
            return dequeue();
        }
    }

    @Override
    public synchronized E peek() {
        return itemAt(takeIndex); // null when the queue is empty
    }

    @Override
    public synchronized int size() {
        return count;
    }

    @Override
    public synchronized int remainingCapacity() {
        return items.length - count;
    }

    @Override
    public synchronized boolean remove(Object o) {
        if (o == null) {
            return false;
        }
        if (count > 0) {
            final Object[] items = this.items;
            for (int i = takeIndex, end = putIndex, to = (i < end) ? end : items.length;; i = 0, to = end) {
                for (; i < to; i++) {
                    if (o.equals(items[i])) {
                        removeAt(i);
                        return true;
                    }
                }
                if (to == end) {
                    break;
                }
            }
        }
        return false;
    }

    @Override
    public synchronized boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        if (count > 0) {
            final Object[] items = this.items;
            for (int i = takeIndex, end = putIndex, to = (i < end) ? end : items.length;; i = 0, to = end) {
                for (; i < to; i++) {
                    if (o.equals(items[i])) {
                        return true;
                    }
                }
                if (to == end) {
                    break;
                }
            }
        }
        return false;
    }

    @Override
    public synchronized Object[] toArray() {
        final Object[] items = this.items;
        final int end = takeIndex + count;
        final Object[] a = Arrays.copyOfRange(items, takeIndex, end);
        if (end != putIndex) {
            System.arraycopy(items, 0, a, items.length - takeIndex, putIndex);
        }
        return a;
    }

    @Override
    public synchronized <T> T[] toArray(T[] a) {
        final Object[] items = this.items;
        final int count = this.count;
        final int firstLeg = Math.min(items.length - takeIndex, count);
        if (a.length < count) {
            // keeps the runtime component type of a; the first count slots are overwritten below
            a = Arrays.copyOf(a, count);
            System.arraycopy(items, takeIndex, a, 0, firstLeg);
        } else {
            System.arraycopy(items, takeIndex, a, 0, firstLeg);
            if (a.length > count) {
                a[count] = null;
            }
        }
        if (firstLeg < count) {
            System.arraycopy(items, 0, a, firstLeg, putIndex);
        }
        return a;
    }

    @Override
    public String toString() {
        return LinkedBlockingQueue.collectionToString(this, toArray());
    }

    @Override
    public synchronized void clear() {
        int k;
        if ((k = count) > 0) {
            circularClear(items, takeIndex, putIndex);
            takeIndex = putIndex;
            count = 0;
            if (itrs != null) {
                itrs.queueIsEmpty();
            }
            if (k == items.length) {
                notifyAll();
            }
        }
    }

    /** Nulls out the slots from i up to end (circularly); i == end means all of them. */
    private static void circularClear(Object[] items, int i, int end) {
        for (int to = (i < end) ? end : items.length;; i = 0, to = end) {
            for (; i < to; i++) {
                items[i] = null;
            }
            if (to == end) {
                break;
            }
        }
    }

    @Override
    public int drainTo(Collection<? super E> c) {
        return drainTo(c, Integer.MAX_VALUE);
    }

    @Override
    public int drainTo(Collection<? super E> c, int maxElements) {
        Objects.requireNonNull(c);
        if (c == this) {
            throw new IllegalArgumentException();
        }
        if (maxElements <= 0) {
            return 0;
        }
        final Object[] items = this.items;
        synchronized (this) {
            int n = Math.min(maxElements, count);
            int take = takeIndex;
            int i = 0;
            try {
                while (i < n) {
                    @SuppressWarnings("unchecked")
                    E e = (E) items[take];
                    c.add(e);
                    items[take] = null;
                    if (++take == items.length) {
                        take = 0;
                    }
                    i++;
                }
                return n;
            } finally {
                // restore invariants even if c.add() threw
                if (i > 0) {
                    boolean wasFull = count == items.length;
                    count -= i;
                    takeIndex = take;
                    if (itrs != null) {
                        if (count == 0) {
                            itrs.queueIsEmpty();
                        } else if (i > take) {
                            itrs.takeIndexWrapped();
                        }
                    }
                    if (wasFull) {
                        notifyAll();
                    }
                }
            }
        }
    }

    // ---- bulk operations ----

    @Override
    public synchronized void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        if (count > 0) {
            final Object[] items = this.items;
            for (int i = takeIndex, end = putIndex, to = (i < end) ? end : items.length;; i = 0, to = end) {
                for (; i < to; i++) {
                    action.accept(ArrayBlockingQueue.<E>itemAt(items, i));
                }
                if (to == end) {
                    break;
                }
            }
        }
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        Objects.requireNonNull(filter);
        return bulkRemove(filter, null, false);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return bulkRemove(null, c, true);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        Objects.requireNonNull(c);
        return bulkRemove(null, c, false);
    }

    /** filter.test(e), or (filter == null) {@code c.contains(e) == containedDies}. */
    private static <E> boolean dies(Predicate<? super E> filter, Collection<?> c, boolean containedDies, E e) {
        return filter != null ? filter.test(e) : c.contains(e) == containedDies;
    }

    private boolean bulkRemove(Predicate<? super E> filter, Collection<?> c, boolean containedDies) {
        synchronized (this) {
            if (itrs == null) { // no active iterators
                if (count > 0) {
                    final Object[] items = this.items;
                    // optimize for an initial run of survivors
                    for (int i = takeIndex, end = putIndex, to = (i < end) ? end : items.length;; i = 0, to = end) {
                        for (; i < to; i++) {
                            if (dies(filter, c, containedDies, ArrayBlockingQueue.<E>itemAt(items, i))) {
                                return bulkRemoveModified(filter, c, containedDies, i);
                            }
                        }
                        if (to == end) {
                            break;
                        }
                    }
                }
                return false;
            }
        }
        // active iterators: the JDK punts to the iterator-based Collection.removeIf
        boolean removed = false;
        Iterator<E> each = iterator();
        while (each.hasNext()) {
            if (dies(filter, c, containedDies, each.next())) {
                each.remove();
                removed = true;
            }
        }
        return removed;
    }

    private static long[] nBits(int n) {
        return new long[((n - 1) >> 6) + 1];
    }

    private static void setBit(long[] bits, int i) {
        bits[i >> 6] |= 1L << i;
    }

    private static boolean isClear(long[] bits, int i) {
        return (bits[i >> 6] & (1L << i)) == 0;
    }

    /** Circular distance from i to j, i == j meaning items.length; never 0. */
    private int distanceNonEmpty(int i, int j) {
        if ((j -= i) <= 0) {
            j += items.length;
        }
        return j;
    }

    /** Removes the matching elements from index beg (which matches) on; caller holds the monitor. */
    private boolean bulkRemoveModified(Predicate<? super E> filter, Collection<?> c, boolean containedDies,
                                       final int beg) {
        final Object[] es = items;
        final int capacity = items.length;
        final int end = putIndex;
        final boolean wasFull = count == capacity;
        final long[] deathRow = nBits(distanceNonEmpty(beg, putIndex));
        deathRow[0] = 1L; // set bit 0
        for (int i = beg + 1, to = (i <= end) ? end : es.length, k = beg;; i = 0, to = end, k -= capacity) {
            for (; i < to; i++) {
                if (dies(filter, c, containedDies, ArrayBlockingQueue.<E>itemAt(es, i))) {
                    setBit(deathRow, i - k);
                }
            }
            if (to == end) {
                break;
            }
        }
        // a two-finger traversal, with hare i reading, tortoise w writing
        int w = beg;
        for (int i = beg + 1, to = (i <= end) ? end : es.length, k = beg;; w = 0) {
            // i and w on the same leg, i > w
            for (; i < to; i++) {
                if (isClear(deathRow, i - k)) {
                    es[w++] = es[i];
                }
            }
            if (to == end) {
                break;
            }
            // w on the first leg, i on the second
            for (i = 0, to = end, k -= capacity; i < to && w < capacity; i++) {
                if (isClear(deathRow, i - k)) {
                    es[w++] = es[i];
                }
            }
            if (i >= to) {
                if (w == capacity) {
                    w = 0; // "corner" case
                }
                break;
            }
        }
        count -= distanceNonEmpty(w, end);
        circularClear(es, putIndex = w, end);
        if (wasFull) {
            notifyAll();
        }
        return true;
    }

    // ---- iterators ----

    @Override
    public Iterator<E> iterator() {
        return new Itr();
    }

    /**
     * Shared state of the live iterators (JDK 17 {@code Itrs}): the number of times takeIndex wrapped
     * to 0 and a list of registered iterators, which are told about dequeues, interior removals and
     * wrap-arounds. Holds the iterators strongly (see the class comment). Guarded by the queue's monitor.
     */
    final class Itrs {
        private final class Node {
            Itr itr;
            Node next;

            Node(Itr iterator, Node next) {
                this.itr = iterator;
                this.next = next;
            }
        }

        /** Incremented whenever takeIndex wraps around to 0. */
        int cycles;

        private Node head;

        /** Where the last incremental sweep stopped. */
        private Node sweeper;

        private static final int SHORT_SWEEP_PROBES = 4;
        private static final int LONG_SWEEP_PROBES = 16;

        Itrs(Itr initial) {
            register(initial);
        }

        /** Unlinks a few detached iterators (more if tryHarder or when some are found). */
        void doSomeSweeping(boolean tryHarder) {
            int probes = tryHarder ? LONG_SWEEP_PROBES : SHORT_SWEEP_PROBES;
            Node o;
            Node p;
            final Node sweeper = this.sweeper;
            boolean passedGo; // to limit search to one full sweep

            if (sweeper == null) {
                o = null;
                p = head;
                passedGo = true;
            } else {
                o = sweeper;
                p = o.next;
                passedGo = false;
            }

            for (; probes > 0; probes--) {
                if (p == null) {
                    if (passedGo) {
                        break;
                    }
                    o = null;
                    p = head;
                    passedGo = true;
                }
                final Itr it = p.itr;
                final Node next = p.next;
                if (it == null || it.isDetached()) {
                    // found an exhausted iterator: unlink p and try harder
                    probes = LONG_SWEEP_PROBES;
                    p.itr = null;
                    p.next = null;
                    if (o == null) {
                        head = next;
                        if (next == null) {
                            // no more iterators to track; retire
                            itrs = null;
                            return;
                        }
                    } else {
                        o.next = next;
                    }
                } else {
                    o = p;
                }
                p = next;
            }

            this.sweeper = (p == null) ? null : o;
        }

        void register(Itr itr) {
            head = new Node(itr, head);
        }

        /** takeIndex wrapped to 0: iterators that fell hopelessly behind shut down. */
        void takeIndexWrapped() {
            cycles++;
            for (Node o = null, p = head; p != null;) {
                final Itr it = p.itr;
                final Node next = p.next;
                if (it == null || it.takeIndexWrapped()) {
                    p.itr = null;
                    p.next = null;
                    if (o == null) {
                        head = next;
                    } else {
                        o.next = next;
                    }
                } else {
                    o = p;
                }
                p = next;
            }
            if (head == null) {
                itrs = null;
            }
        }

        /** An interior element (not at takeIndex) was removed. */
        void removedAt(int removedIndex) {
            for (Node o = null, p = head; p != null;) {
                final Itr it = p.itr;
                final Node next = p.next;
                if (it == null || it.removedAt(removedIndex)) {
                    p.itr = null;
                    p.next = null;
                    if (o == null) {
                        head = next;
                    } else {
                        o.next = next;
                    }
                } else {
                    o = p;
                }
                p = next;
            }
            if (head == null) {
                itrs = null;
            }
        }

        /** The queue became empty: every iterator shuts down. */
        void queueIsEmpty() {
            for (Node p = head; p != null; p = p.next) {
                Itr it = p.itr;
                if (it != null) {
                    p.itr = null;
                    it.shutdown();
                }
            }
            head = null;
            itrs = null;
        }

        void elementDequeued() {
            if (count == 0) {
                queueIsEmpty();
            } else if (takeIndex == 0) {
                takeIndexWrapped();
            }
        }
    }

    /**
     * Weakly consistent iterator (JDK 17 algorithm): caches the next item so that hasNext() needs no
     * monitor, and tracks its indices through the dequeues and removals reported by {@link Itrs}.
     */
    private final class Itr implements Iterator<E> {
        /** Index to look for the new nextItem; NONE at end. */
        private int cursor;
        /** Element to be returned by next(); null if none. */
        private E nextItem;
        /** Index of nextItem; NONE if none, REMOVED if removed elsewhere. */
        private int nextIndex;
        /** Last element returned; null if none or not detached. */
        private E lastItem;
        /** Index of lastItem, NONE if none, REMOVED if removed elsewhere. */
        private int lastRet;
        /** Previous value of takeIndex, or DETACHED when detached. */
        private int prevTakeIndex;
        /** Previous value of itrs.cycles. */
        private int prevCycles;

        private static final int NONE = -1;
        private static final int REMOVED = -2;
        private static final int DETACHED = -3;

        Itr() {
            lastRet = NONE;
            synchronized (ArrayBlockingQueue.this) {
                if (count == 0) {
                    cursor = NONE;
                    nextIndex = NONE;
                    prevTakeIndex = DETACHED;
                } else {
                    final int takeIndex = ArrayBlockingQueue.this.takeIndex;
                    prevTakeIndex = takeIndex;
                    nextItem = itemAt(nextIndex = takeIndex);
                    cursor = incCursor(takeIndex);
                    if (itrs == null) {
                        itrs = new Itrs(this);
                    } else {
                        itrs.register(this); // in this order
                        itrs.doSomeSweeping(false);
                    }
                    prevCycles = itrs.cycles;
                }
            }
        }

        boolean isDetached() {
            return prevTakeIndex < 0;
        }

        private int incCursor(int index) {
            if (++index == items.length) {
                index = 0;
            }
            if (index == putIndex) {
                index = NONE;
            }
            return index;
        }

        /** True if index is invalidated by the given number of dequeues, starting from prevTakeIndex. */
        private boolean invalidated(int index, int prevTakeIndex, long dequeues, int length) {
            if (index < 0) {
                return false;
            }
            int distance = index - prevTakeIndex;
            if (distance < 0) {
                distance += length;
            }
            return dequeues > distance;
        }

        /** Adjusts the indices for all dequeues since this iterator's previous operation. */
        private void incorporateDequeues() {
            final int cycles = itrs.cycles;
            final int takeIndex = ArrayBlockingQueue.this.takeIndex;
            final int prevCycles = this.prevCycles;
            final int prevTakeIndex = this.prevTakeIndex;

            if (cycles != prevCycles || takeIndex != prevTakeIndex) {
                final int len = items.length;
                // how far takeIndex has advanced since the previous operation of this iterator
                long dequeues = (long) (cycles - prevCycles) * len + (takeIndex - prevTakeIndex);

                if (invalidated(lastRet, prevTakeIndex, dequeues, len)) {
                    lastRet = REMOVED;
                }
                if (invalidated(nextIndex, prevTakeIndex, dequeues, len)) {
                    nextIndex = REMOVED;
                }
                if (invalidated(cursor, prevTakeIndex, dequeues, len)) {
                    cursor = takeIndex;
                }

                if (cursor < 0 && nextIndex < 0 && lastRet < 0) {
                    detach();
                } else {
                    this.prevCycles = cycles;
                    this.prevTakeIndex = takeIndex;
                }
            }
        }

        /** Stops being tracked by itrs. */
        private void detach() {
            if (prevTakeIndex >= 0) {
                prevTakeIndex = DETACHED;
                // try to unlink from itrs (but not too hard)
                itrs.doSomeSweeping(true);
            }
        }

        @Override
        public boolean hasNext() {
            if (nextItem != null) {
                return true;
            }
            noNext();
            return false;
        }

        private void noNext() {
            synchronized (ArrayBlockingQueue.this) {
                if (!isDetached()) {
                    incorporateDequeues(); // might update lastRet
                    if (lastRet >= 0) {
                        lastItem = itemAt(lastRet);
                        detach();
                    }
                }
            }
        }

        @Override
        public E next() {
            final E e = nextItem;
            if (e == null) {
                throw new NoSuchElementException();
            }
            synchronized (ArrayBlockingQueue.this) {
                if (!isDetached()) {
                    incorporateDequeues();
                }
                lastRet = nextIndex;
                final int cursor = this.cursor;
                if (cursor >= 0) {
                    nextItem = itemAt(nextIndex = cursor);
                    this.cursor = incCursor(cursor);
                } else {
                    nextIndex = NONE;
                    nextItem = null;
                    if (lastRet == REMOVED) {
                        detach();
                    }
                }
            }
            return e;
        }

        @Override
        public void forEachRemaining(Consumer<? super E> action) {
            Objects.requireNonNull(action);
            synchronized (ArrayBlockingQueue.this) {
                try {
                    final E e = nextItem;
                    if (e == null) {
                        return;
                    }
                    if (!isDetached()) {
                        incorporateDequeues();
                    }
                    action.accept(e);
                    if (isDetached() || cursor < 0) {
                        return;
                    }
                    final Object[] items = ArrayBlockingQueue.this.items;
                    for (int i = cursor, end = putIndex, to = (i < end) ? end : items.length;; i = 0, to = end) {
                        for (; i < to; i++) {
                            action.accept(ArrayBlockingQueue.<E>itemAt(items, i));
                        }
                        if (to == end) {
                            break;
                        }
                    }
                } finally {
                    // forEachRemaining ends the iteration; remove() afterwards is not supported
                    cursor = nextIndex = lastRet = NONE;
                    nextItem = lastItem = null;
                    detach();
                }
            }
        }

        @Override
        public void remove() {
            synchronized (ArrayBlockingQueue.this) {
                if (!isDetached()) {
                    incorporateDequeues(); // might update lastRet or detach
                }
                final int lastRet = this.lastRet;
                this.lastRet = NONE;
                if (lastRet >= 0) {
                    if (!isDetached()) {
                        removeAt(lastRet);
                    } else {
                        final E lastItem = this.lastItem;
                        this.lastItem = null;
                        if (itemAt(lastRet) == lastItem) {
                            removeAt(lastRet);
                        }
                    }
                } else if (lastRet == NONE) {
                    throw new IllegalStateException();
                }
                // else lastRet == REMOVED: the element was already removed by another operation

                if (cursor < 0 && nextIndex < 0) {
                    detach();
                }
            }
        }

        /**
         * The queue became empty or this iterator fell hopelessly behind: abandon iteration, except
         * for the one element hasNext() may have promised.
         */
        void shutdown() {
            cursor = NONE;
            if (nextIndex >= 0) {
                nextIndex = REMOVED;
            }
            if (lastRet >= 0) {
                lastRet = REMOVED;
                lastItem = null;
            }
            prevTakeIndex = DETACHED;
            // nextItem stays: next() must still return it
        }

        private int distance(int index, int prevTakeIndex, int length) {
            int distance = index - prevTakeIndex;
            if (distance < 0) {
                distance += length;
            }
            return distance;
        }

        /** An interior remove occurred; returns true if this iterator should be unlinked from itrs. */
        boolean removedAt(int removedIndex) {
            if (isDetached()) {
                return true;
            }
            final int takeIndex = ArrayBlockingQueue.this.takeIndex;
            final int prevTakeIndex = this.prevTakeIndex;
            final int len = items.length;
            // distance from prevTakeIndex to removedIndex
            final int removedDistance = len * (itrs.cycles - this.prevCycles + ((removedIndex < takeIndex) ? 1 : 0))
                    + (removedIndex - prevTakeIndex);
            int cursor = this.cursor;
            if (cursor >= 0) {
                int x = distance(cursor, prevTakeIndex, len);
                if (x == removedDistance) {
                    if (cursor == putIndex) {
                        this.cursor = cursor = NONE;
                    }
                } else if (x > removedDistance) {
                    this.cursor = cursor = dec(cursor, len);
                }
            }
            int lastRet = this.lastRet;
            if (lastRet >= 0) {
                int x = distance(lastRet, prevTakeIndex, len);
                if (x == removedDistance) {
                    this.lastRet = lastRet = REMOVED;
                } else if (x > removedDistance) {
                    this.lastRet = lastRet = dec(lastRet, len);
                }
            }
            int nextIndex = this.nextIndex;
            if (nextIndex >= 0) {
                int x = distance(nextIndex, prevTakeIndex, len);
                if (x == removedDistance) {
                    this.nextIndex = nextIndex = REMOVED;
                } else if (x > removedDistance) {
                    this.nextIndex = nextIndex = dec(nextIndex, len);
                }
            }
            if (cursor < 0 && nextIndex < 0 && lastRet < 0) {
                this.prevTakeIndex = DETACHED;
                return true;
            }
            return false;
        }

        /** takeIndex wrapped to 0; returns true if this iterator should be unlinked from itrs. */
        boolean takeIndexWrapped() {
            if (isDetached()) {
                return true;
            }
            if (itrs.cycles - prevCycles > 1) {
                // all the elements that existed at the last operation are gone
                shutdown();
                return true;
            }
            return false;
        }
    }
}
