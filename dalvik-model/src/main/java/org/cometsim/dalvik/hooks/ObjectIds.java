package org.cometsim.dalvik.hooks;

/**
 * The object-id mapping an offload runtime (its DSM) supplies when a thread, a monitor or a class's
 * initialisation state is captured on one VM and rebuilt on another: captured images name objects
 * by id, never by reference (comet-reference §2, §4: u4 object ids, class ids, null as
 * 0xFFFFFFFF).
 *
 * <p>A reference is any guest value held where a reference may be: a {@code GuestObject}, a
 * {@code GuestArray}, a {@code VmClass} (a {@code java.lang.Class}), or a host value such as a
 * {@code String}; how each is named is the DSM's choice (a string by value, a class by its static
 * id ...). Capturing asks {@link #idOf}, which may start tracking the object (COMET tracks an object
 * when a reference to it is first shipped); rebuilding asks {@link #objectOf} on the receiving
 * VM. Null never reaches either: it is {@link #NULL} in images. {@link ObjectTable} is the mapping
 * of two VMs sharing one heap (tests), under which references pass through unchanged.
 */
public interface ObjectIds {
    /** The id of a null reference in captured images. */
    long NULL = -1L;

    /** The id of the non-null reference {@code ref} (never {@link #NULL}). */
    long idOf(Object ref);

    /** The reference {@code id} names on this VM (never null; {@code id} is not {@link #NULL}). */
    Object objectOf(long id);

    /** {@code ref}'s id, or {@link #NULL} for null. */
    default long idOrNull(Object ref) {
        return ref == null ? NULL : idOf(ref);
    }

    /** The object {@code id} names, or null for {@link #NULL}. */
    default Object objectOrNull(long id) {
        return id == NULL ? null : objectOf(id);
    }
}
