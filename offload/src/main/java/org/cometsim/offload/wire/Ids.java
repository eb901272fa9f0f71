package org.cometsim.offload.wire;

/**
 * Object and class ids on the wire (comet-reference §2): a u4 whose top two bits are its space:
 * 0 objects first tracked by the phone, 1 by the server, 3 classes; the low 30 bits an index. Each
 * endpoint allocates in its own space, so ids never conflict; class ids are defined by the
 * endpoint that first names a class (per direction), the phone's below 2^29 and the server's from
 * 2^29, so they never conflict either. Null is 0xFFFFFFFF, which is why the last index of the
 * class space ({@link #MAX_INDEX}) is not a class id: {@link #MAX_CLASS_INDEX} is the largest.
 */
public final class Ids {
    private Ids() {
    }

    /** The null reference. */
    public static final int NULL = -1;

    public static final int PHONE_SPACE = 0;
    public static final int SERVER_SPACE = 1;
    public static final int CLASS_SPACE = 3;

    /** Largest index in a space. */
    public static final int MAX_INDEX = (1 << 30) - 1;

    /** Largest index of a class id (the one above it would be {@link #NULL}). */
    public static final int MAX_CLASS_INDEX = MAX_INDEX - 1;

    /** The id of {@code index} in {@code space} (0, 1 or 3); never {@link #NULL}. */
    public static int objectId(int space, int index) {
        if (space != PHONE_SPACE && space != SERVER_SPACE && space != CLASS_SPACE) {
            throw new IllegalArgumentException("no id space " + space);
        }
        if (index < 0 || index > (space == CLASS_SPACE ? MAX_CLASS_INDEX : MAX_INDEX)) {
            throw new IllegalArgumentException("index out of range of space " + space + ": " + index);
        }
        return space << 30 | index;
    }

    public static int classId(int index) {
        return objectId(CLASS_SPACE, index);
    }

    public static int space(int id) {
        return id >>> 30;
    }

    public static int index(int id) {
        return id & MAX_INDEX;
    }

    /** Whether {@code id} names a guest object or host value (space 0 or 1), not a class and not null. */
    public static boolean isObject(int id) {
        int space = space(id);
        return space == PHONE_SPACE || space == SERVER_SPACE;
    }

    public static boolean isClass(int id) {
        return id != NULL && space(id) == CLASS_SPACE;
    }

    public static String format(int id) {
        return id == NULL ? "null" : (isClass(id) ? "class#" : space(id) == PHONE_SPACE ? "p#" : "s#") + index(id);
    }
}
