package org.cometsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class QuaternaryHeapEventListTest {

    record Entry(long time, int priority, long seq) {}

    @Test
    void equalKeysLeaveInInsertionOrder() {
        EventList<String> list = new QuaternaryHeapEventList<>(2);
        list.add(5, 0, "a");
        list.add(5, 0, "b");
        list.add(5, -1, "first-by-priority");
        list.add(4, 3, "earliest");
        list.add(5, 0, "c");
        List<String> out = new ArrayList<>();
        while (!list.isEmpty()) {
            out.add(list.removeFirst());
        }
        assertEquals(List.of("earliest", "first-by-priority", "a", "b", "c"), out);
    }

    /** Interleaved adds and removes against a sort by (time, priority, sequence). */
    @Test
    void matchesReferenceOrderUnderRandomHoldOperations() {
        SplittableRandom rnd = new SplittableRandom(7);
        EventList<Entry> list = new QuaternaryHeapEventList<>(4);
        List<Entry> reference = new ArrayList<>();
        Comparator<Entry> order = Comparator.comparingLong(Entry::time)
                .thenComparingInt(Entry::priority).thenComparingLong(Entry::seq);
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            if (reference.isEmpty() || rnd.nextInt(3) > 0) {
                long t = now + rnd.nextInt(50); // many ties on purpose
                int p = rnd.nextInt(3) - 1;
                long seq = step; // placeholder, replaced by the list's sequence
                Entry e = new Entry(t, p, seq);
                long assigned = list.add(t, p, e);
                reference.add(new Entry(t, p, assigned));
            } else {
                reference.sort(order);
                Entry expected = reference.remove(0);
                assertEquals(expected.time(), list.firstTime());
                assertEquals(expected.seq(), list.firstSequence());
                Entry got = list.removeFirst();
                assertEquals(expected.time(), got.time());
                assertEquals(expected.priority(), got.priority());
                now = got.time();
            }
            assertEquals(reference.size(), list.size());
        }
        assertTrue(list.size() > 0);
    }
}
