package org.cometsim.dalvik.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The VM's table of identity hashes of host objects ({@link HostIdentityHashes}, used by {@link Heap#identityHash}). */
class HostIdentityHashesTest {
    @Test
    void hostIdentityHashesFollowTheSequenceAndStayPerObject() {
        HostIdentityHashes h = new HostIdentityHashes();
        int[] next = {100};
        Object a = new Object();
        Object b = new Object();
        String c = new String("same text");
        String d = new String("same text");
        assertEquals(100, h.hashOf(a, () -> next[0]++));
        assertEquals(101, h.hashOf(b, () -> next[0]++));
        assertEquals(100, h.hashOf(a, () -> next[0]++));
        assertNotEquals(h.hashOf(c, () -> next[0]++), h.hashOf(d, () -> next[0]++), "equal strings are distinct objects");
        Object[] many = new Object[1000];
        for (int i = 0; i < many.length; i++) {
            many[i] = new Object();
            assertEquals(104 + i, h.hashOf(many[i], () -> next[0]++));
        }
        for (int i = 0; i < many.length; i++) {
            assertEquals(104 + i, h.hashOf(many[i], () -> next[0]++), "after growing");
        }
        assertEquals(1004, h.size());
    }
}
