package org.cometsim.offload.dsm;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import org.cometsim.offload.dsm.HostCodec.In;
import org.cometsim.offload.dsm.HostCodec.Out;
import org.cometsim.offload.wire.ProtocolException;

/**
 * The host library classes the DSM ships by codec (issue #13 item 3), one {@link HostCodec} each,
 * by exact class: a host object of any other mutable class pins its thread to the phone
 * ({@link Unshippable}, counted in the run's metrics). The list and the reasons for what is not
 * in it are in dalvik-model's README ("Still host state").
 *
 * <p>State layouts (all big-endian, as the rest of the wire; a reference is a u4 id):
 * <ul>
 *   <li>{@code java.io.ByteArrayOutputStream} (mutable): the bytes written so far, as
 *       {@code bytes} (u4 length + bytes);</li>
 *   <li>{@code java.awt.image.Kernel} (immutable): width u4, height u4, the {@code width*height}
 *       elements as float bits u4 each;</li>
 *   <li>{@code java.util.regex.Pattern} (immutable): the pattern {@code str}, flags u4;</li>
 *   <li>{@code AtomicInteger} u4, {@code AtomicLong} u8, {@code AtomicBoolean} u1,
 *       {@code AtomicReference} a reference, {@code LongAdder} its sum u8, {@code DoubleAdder}
 *       its sum's bits u8 (all mutable);</li>
 *   <li>{@code AtomicIntegerArray}, {@code AtomicLongArray}, {@code AtomicReferenceArray}
 *       (mutable): header length u4, then the elements (u4, u8, references).</li>
 * </ul>
 */
public final class HostCodecs {
    private HostCodecs() {
    }

    private static final Map<Class<?>, HostCodec> BY_CLASS = new HashMap<>();
    private static final Map<String, HostCodec> BY_NAME = new HashMap<>();

    static {
        for (HostCodec c : List.of(new ByteArrayOutputStreamCodec(), new KernelCodec(), new PatternCodec(),
                new AtomicIntegerCodec(), new AtomicLongCodec(), new AtomicBooleanCodec(), new AtomicReferenceCodec(),
                new LongAdderCodec(), new DoubleAdderCodec(), new AtomicIntegerArrayCodec(), new AtomicLongArrayCodec(),
                new AtomicReferenceArrayCodec())) {
            BY_CLASS.put(c.type(), c);
            BY_NAME.put(c.type().getName(), c);
        }
    }

    /** The codec for {@code obj}'s exact class, or null. */
    public static HostCodec of(Object obj) {
        return BY_CLASS.get(obj.getClass());
    }

    /** The codec for the class named on the wire. */
    static HostCodec named(String className) {
        HostCodec c = BY_NAME.get(className);
        if (c == null) {
            throw new ProtocolException("no codec for host class " + className);
        }
        return c;
    }

    /** The host classes that have codecs, by name (for documentation and tests). */
    public static java.util.SortedSet<String> classNames() {
        return new java.util.TreeSet<>(BY_NAME.keySet());
    }

    // ------------------------------------------------------------------ java.io

    /**
     * Mutable: {@code write} appends, {@code reset} empties; its capacity is not observable. The
     * receiver's copy is reset and written with the new bytes.
     */
    private static final class ByteArrayOutputStreamCodec extends HostCodec {
        ByteArrayOutputStreamCodec() {
            super(ByteArrayOutputStream.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            out.w.bytes(((ByteArrayOutputStream) obj).toByteArray());
        }

        @Override
        Object create(In in) {
            return new ByteArrayOutputStream();
        }

        @Override
        void fill(Object obj, In in) {
            ByteArrayOutputStream b = (ByteArrayOutputStream) obj;
            b.reset();
            b.writeBytes(in.r.bytes());
        }
    }

    // ------------------------------------------------------------------ values

    /**
     * Immutable: its constructor copies the data and nothing changes it after ({@code
     * getKernelData} hands out copies); the origin follows from the size.
     */
    private static final class KernelCodec extends HostCodec {
        KernelCodec() {
            super(java.awt.image.Kernel.class, false);
        }

        @Override
        void write(Object obj, Out out) {
            java.awt.image.Kernel k = (java.awt.image.Kernel) obj;
            float[] data = k.getKernelData(null);
            out.w.u4(k.getWidth());
            out.w.u4(k.getHeight());
            for (float f : data) {
                out.w.u4(Float.floatToRawIntBits(f));
            }
        }

        @Override
        Object create(In in) {
            int w = in.r.u4();
            int h = in.r.u4();
            if (w <= 0 || h <= 0 || (long) w * h * 4 > in.r.remaining()) {
                throw new ProtocolException("kernel of " + w + "x" + h + " with " + in.r.remaining() + " bytes");
            }
            float[] data = new float[w * h];
            for (int i = 0; i < data.length; i++) {
                data[i] = Float.intBitsToFloat(in.r.u4());
            }
            return new java.awt.image.Kernel(w, h, data);
        }
    }

    /** Immutable: a compiled pattern is its source and flags. */
    private static final class PatternCodec extends HostCodec {
        PatternCodec() {
            super(Pattern.class, false);
        }

        @Override
        void write(Object obj, Out out) {
            Pattern p = (Pattern) obj;
            out.w.utf(p.pattern());
            out.w.u4(p.flags());
        }

        @Override
        Object create(In in) {
            String source = in.r.utf();
            int flags = in.r.u4();
            try {
                return Pattern.compile(source, flags);
            } catch (IllegalArgumentException e) {
                throw new ProtocolException("pattern the sender compiled does not compile here: " + e.getMessage());
            }
        }
    }

    // ------------------------------------------------------------------ java.util.concurrent.atomic

    private static final class AtomicIntegerCodec extends HostCodec {
        AtomicIntegerCodec() {
            super(AtomicInteger.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            out.w.u4(((AtomicInteger) obj).get());
        }

        @Override
        Object create(In in) {
            return new AtomicInteger();
        }

        @Override
        void fill(Object obj, In in) {
            ((AtomicInteger) obj).set(in.r.u4());
        }
    }

    private static final class AtomicLongCodec extends HostCodec {
        AtomicLongCodec() {
            super(AtomicLong.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            out.w.u8(((AtomicLong) obj).get());
        }

        @Override
        Object create(In in) {
            return new AtomicLong();
        }

        @Override
        void fill(Object obj, In in) {
            ((AtomicLong) obj).set(in.r.u8());
        }
    }

    private static final class AtomicBooleanCodec extends HostCodec {
        AtomicBooleanCodec() {
            super(AtomicBoolean.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            out.w.bool(((AtomicBoolean) obj).get());
        }

        @Override
        Object create(In in) {
            return new AtomicBoolean();
        }

        @Override
        void fill(Object obj, In in) {
            ((AtomicBoolean) obj).set(in.r.bool());
        }
    }

    /** The value is a reference: a guest object (its host view inside), array, or shippable host value. */
    private static final class AtomicReferenceCodec extends HostCodec {
        AtomicReferenceCodec() {
            super(AtomicReference.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            out.ref(((AtomicReference<?>) obj).get());
        }

        @Override
        Object create(In in) {
            return new AtomicReference<>();
        }

        @Override
        @SuppressWarnings("unchecked")
        void fill(Object obj, In in) {
            ((AtomicReference<Object>) obj).set(in.ref());
        }
    }

    /** Only the sum is observable (its cells' split is not): reset, then add the sum. */
    private static final class LongAdderCodec extends HostCodec {
        LongAdderCodec() {
            super(LongAdder.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            out.w.u8(((LongAdder) obj).sum());
        }

        @Override
        Object create(In in) {
            return new LongAdder();
        }

        @Override
        void fill(Object obj, In in) {
            LongAdder a = (LongAdder) obj;
            a.reset();
            a.add(in.r.u8());
        }
    }

    /**
     * The sum as one value: exact for one cell (no contention, always the case for guest threads,
     * which never run host code concurrently), and the later sums add to it as they did to the cells.
     */
    private static final class DoubleAdderCodec extends HostCodec {
        DoubleAdderCodec() {
            super(DoubleAdder.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            out.w.u8(Double.doubleToRawLongBits(((DoubleAdder) obj).sum()));
        }

        @Override
        Object create(In in) {
            return new DoubleAdder();
        }

        @Override
        void fill(Object obj, In in) {
            DoubleAdder a = (DoubleAdder) obj;
            a.reset();
            a.add(Double.longBitsToDouble(in.r.u8()));
        }
    }

    private static int arrayLength(In in, int elementBytes) {
        int n = in.r.u4();
        if (n < 0 || (long) n * elementBytes > in.r.remaining()) {
            throw new ProtocolException("atomic array of " + n + " elements in " + in.r.remaining() + " bytes");
        }
        return n;
    }

    private static void checkLength(int have, In in) {
        int n = in.r.u4();
        if (n != have) {
            throw new ProtocolException("atomic array of " + have + " elements re-shipped with " + n);
        }
    }

    private static final class AtomicIntegerArrayCodec extends HostCodec {
        AtomicIntegerArrayCodec() {
            super(AtomicIntegerArray.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            AtomicIntegerArray a = (AtomicIntegerArray) obj;
            out.w.u4(a.length());
            for (int i = 0; i < a.length(); i++) {
                out.w.u4(a.get(i));
            }
        }

        @Override
        Object create(In in) {
            return new AtomicIntegerArray(arrayLength(in, 4));
        }

        @Override
        void skipHeader(Object obj, In in) {
            checkLength(((AtomicIntegerArray) obj).length(), in);
        }

        @Override
        void fill(Object obj, In in) {
            AtomicIntegerArray a = (AtomicIntegerArray) obj;
            for (int i = 0; i < a.length(); i++) {
                a.set(i, in.r.u4());
            }
        }
    }

    private static final class AtomicLongArrayCodec extends HostCodec {
        AtomicLongArrayCodec() {
            super(AtomicLongArray.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            AtomicLongArray a = (AtomicLongArray) obj;
            out.w.u4(a.length());
            for (int i = 0; i < a.length(); i++) {
                out.w.u8(a.get(i));
            }
        }

        @Override
        Object create(In in) {
            return new AtomicLongArray(arrayLength(in, 8));
        }

        @Override
        void skipHeader(Object obj, In in) {
            checkLength(((AtomicLongArray) obj).length(), in);
        }

        @Override
        void fill(Object obj, In in) {
            AtomicLongArray a = (AtomicLongArray) obj;
            for (int i = 0; i < a.length(); i++) {
                a.set(i, in.r.u8());
            }
        }
    }

    private static final class AtomicReferenceArrayCodec extends HostCodec {
        AtomicReferenceArrayCodec() {
            super(AtomicReferenceArray.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            AtomicReferenceArray<?> a = (AtomicReferenceArray<?>) obj;
            out.w.u4(a.length());
            for (int i = 0; i < a.length(); i++) {
                out.ref(a.get(i));
            }
        }

        @Override
        Object create(In in) {
            return new AtomicReferenceArray<>(arrayLength(in, 4));
        }

        @Override
        void skipHeader(Object obj, In in) {
            checkLength(((AtomicReferenceArray<?>) obj).length(), in);
        }

        @Override
        @SuppressWarnings("unchecked")
        void fill(Object obj, In in) {
            AtomicReferenceArray<Object> a = (AtomicReferenceArray<Object>) obj;
            for (int i = 0; i < a.length(); i++) {
                a.set(i, in.ref());
            }
        }
    }
}
