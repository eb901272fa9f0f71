package org.cometsim.dalvik.link;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.function.IntSupplier;

/**
 * Identity hash codes of host objects as one VM's guest code sees them
 * ({@code System.identityHashCode}, {@code Object.hashCode()} of a host class that does not
 * override it, such as a JDK enum constant). The JVM's own identity hashes differ from run to run,
 * so a guest {@code HashMap} keyed by {@code TimeUnit} constants would iterate in a different
 * order each run; here each host object gets the next value of the VM's deterministic sequence
 * ({@link Heap#newIdentityHash}, the one guest objects draw from) the first time the guest asks,
 * and keeps it while it lives. Two VMs hand out their own values for the same JDK object.
 *
 * <p>Why this map and not a library one: {@link java.util.WeakHashMap} compares keys with
 * {@code equals}, so two equal host strings would share a hash (and a host class overriding
 * {@code equals} could run arbitrary code); {@link java.util.IdentityHashMap} holds its keys
 * strongly, so every host object the guest ever hashed would live as long as the VM. This is a
 * small identity map with weak keys: entries are {@link WeakReference}s registered with a queue
 * and dropped once the collector has cleared them. The JVM's identity hash only picks the bucket;
 * it is never returned. Dropping a dead entry is unobservable: the guest can no longer reach the
 * object whose hash it was. Confined to the VM's host thread like the rest of the VM's state.
 */
final class HostIdentityHashes {
    private static final class Entry extends WeakReference<Object> {
        final int bucketHash;
        final int hash;
        Entry next;

        Entry(Object referent, ReferenceQueue<Object> queue, int bucketHash, int hash, Entry next) {
            super(referent, queue);
            this.bucketHash = bucketHash;
            this.hash = hash;
            this.next = next;
        }
    }

    private final ReferenceQueue<Object> cleared = new ReferenceQueue<>();
    private Entry[] table = new Entry[64];
    private int size;

    /** The hash of {@code o}, taking the next value of {@code sequence} the first time it is asked for. */
    int hashOf(Object o, IntSupplier sequence) {
        expungeCleared();
        int bucketHash = System.identityHashCode(o);
        int i = bucketHash & (table.length - 1);
        for (Entry e = table[i]; e != null; e = e.next) {
            if (e.get() == o) {
                return e.hash;
            }
        }
        int h = sequence.getAsInt();
        table[i] = new Entry(o, cleared, bucketHash, h, table[i]);
        if (++size > table.length - (table.length >> 2)) {
            grow();
        }
        return h;
    }

    /** Live and not yet expunged entries (for tests). */
    int size() {
        expungeCleared();
        return size;
    }

    private void expungeCleared() {
        for (Object r; (r = cleared.poll()) != null; ) {
            Entry dead = (Entry) r;
            int i = dead.bucketHash & (table.length - 1);
            Entry prev = null;
            for (Entry e = table[i]; e != null; prev = e, e = e.next) {
                if (e == dead) {
                    if (prev == null) {
                        table[i] = e.next;
                    } else {
                        prev.next = e.next;
                    }
                    size--;
                    break;
                }
            }
        }
    }

    private void grow() {
        Entry[] old = table;
        Entry[] bigger = new Entry[old.length * 2];
        for (Entry head : old) {
            for (Entry e = head; e != null; ) {
                Entry next = e.next;
                int i = e.bucketHash & (bigger.length - 1);
                e.next = bigger[i];
                bigger[i] = e;
                e = next;
            }
        }
        table = bigger;
    }
}
