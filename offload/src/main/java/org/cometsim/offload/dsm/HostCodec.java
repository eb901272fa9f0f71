package org.cometsim.offload.dsm;

import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import org.cometsim.offload.wire.WireReader;
import org.cometsim.offload.wire.WireWriter;

/**
 * How the DSM ships one host library class whose instances the guest holds (issue #13 item 3):
 * the object's whole state, encoded with the DSM's value encoding (primitives as wide as their
 * type, references as u4 ids), in a {@code HostStateShape}. An immutable class is shipped once,
 * by value ({@code java.awt.image.Kernel}); a mutable one is re-shipped whole whenever a host
 * method that may change it ran ({@code ByteArrayOutputStream}, the atomics), and the receiver
 * replaces the state of its own copy in place, so identity holds on both sides.
 *
 * <p>A codec reads and writes the state only through the class's public API (no reflection into
 * the JDK), and the state it writes must be a function of what the program can observe: two
 * objects that behave the same encode to the same bytes (the DSM compares encodings to skip
 * re-ships of unchanged objects).
 */
public abstract class HostCodec {
    private final Class<?> type;
    private final boolean mutable;

    HostCodec(Class<?> type, boolean mutable) {
        this.type = type;
        this.mutable = mutable;
    }

    /** The exact host class this codec ships (subclasses have their own state: not covered). */
    public final Class<?> type() {
        return type;
    }

    /** Whether instances can change (re-shipped whole) or not (shipped once, by value). */
    public final boolean mutable() {
        return mutable;
    }

    /** Writes the whole state of {@code obj}. */
    abstract void write(Object obj, Out out);

    /**
     * Immutable classes: a new instance from a state {@link #write} wrote. Mutable classes: a new
     * instance from the state's header only (what fixes the object at construction, such as an
     * atomic array's length); {@link #fill} reads the rest once every object the state names exists.
     */
    abstract Object create(In in);

    /** Mutable classes: replaces the state of {@code obj} with the rest of a state (after its header). */
    void fill(Object obj, In in) {
        throw new UnsupportedOperationException(type.getName() + " is immutable");
    }

    /** Mutable classes: reads past the header of a state for the existing {@code obj} (a re-ship). */
    void skipHeader(Object obj, In in) {
    }

    /**
     * The host array whose elements {@code obj}'s host methods may write, if its state is one (the
     * list {@code Arrays.asList} makes over a guest array): the DSM reports that guest array whole
     * before such a call, tracked or not, as the bridge does for arrays it passes. Null: none.
     */
    Object backingArray(Object obj) {
        return null;
    }

    /**
     * The host object {@code obj} reads or writes through, whose state its host methods change
     * too (a {@code DataInputStream}'s stream): the DSM reports it with {@code obj}, tracked or
     * not. Null: none.
     */
    Object wrapped(Object obj) {
        return null;
    }

    /** Where a codec writes: the wire encoding plus the DSM's ids of references (tracking what they name). */
    static final class Out {
        final WireWriter w;
        private final ToIntFunction<Object> ids;

        Out(WireWriter w, ToIntFunction<Object> ids) {
            this.w = w;
            this.ids = ids;
        }

        void ref(Object o) {
            w.u4(ids.applyAsInt(o));
        }
    }

    /** Where a codec reads: the wire encoding plus the DSM's objects for ids. */
    static final class In {
        final WireReader r;
        private final IntFunction<Object> objects;

        In(WireReader r, IntFunction<Object> objects) {
            this.r = r;
            this.objects = objects;
        }

        Object ref() {
            return objects.apply(r.u4());
        }
    }
}
