package org.cometsim.offload.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void spacesAndIndicesComeBack() {
        for (int space : new int[] {Ids.PHONE_SPACE, Ids.SERVER_SPACE, Ids.CLASS_SPACE}) {
            for (int index : new int[] {0, 1, 12345, Ids.MAX_CLASS_INDEX}) {
                int id = Ids.objectId(space, index);
                assertEquals(space, Ids.space(id));
                assertEquals(index, Ids.index(id));
                assertEquals(space == Ids.CLASS_SPACE, Ids.isClass(id));
                assertEquals(space != Ids.CLASS_SPACE, Ids.isObject(id));
            }
        }
        assertEquals("p#7", Ids.format(Ids.objectId(Ids.PHONE_SPACE, 7)));
        assertEquals("s#7", Ids.format(Ids.objectId(Ids.SERVER_SPACE, 7)));
        assertEquals("class#7", Ids.format(Ids.classId(7)));
        assertEquals("null", Ids.format(Ids.NULL));
    }

    /** Fix: class index 2^30 - 1 was the id 0xFFFFFFFF, which is null. */
    @Test
    void noClassIdIsNull() {
        assertNotEquals(Ids.NULL, Ids.classId(Ids.MAX_CLASS_INDEX));
        assertThrows(IllegalArgumentException.class, () -> Ids.classId(Ids.MAX_INDEX));
        assertFalse(Ids.isClass(Ids.NULL));
        assertFalse(Ids.isObject(Ids.NULL));
        // Objects may use the whole index range: their ids never have both top bits set.
        assertTrue(Ids.isObject(Ids.objectId(Ids.SERVER_SPACE, Ids.MAX_INDEX)));
    }

    @Test
    void badSpacesAndIndicesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ids.objectId(2, 0));
        assertThrows(IllegalArgumentException.class, () -> Ids.objectId(4, 0));
        assertThrows(IllegalArgumentException.class, () -> Ids.objectId(Ids.PHONE_SPACE, -1));
        assertThrows(IllegalArgumentException.class, () -> Ids.objectId(Ids.PHONE_SPACE, Ids.MAX_INDEX + 1));
    }
}
