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
 *   <li>{@code java.util.ArrayList} made by host code (mutable): size u4, the elements;</li>
 *   <li>{@code ByteArrayInputStream} (mutable): the array, pos u4, mark u4, count u4;
 *       {@code DataInputStream} (mutable): the stream it reads; {@code MessageDigest} (mutable):
 *       algorithm, provider and SPI class {@code str}s, then the digest's and its SPI's
 *       plain-data fields ({@code HostFields.writePlain});</li>
 *   <li>lists (immutable): {@code List.of}'s: allows-nulls u1, size u4, the elements;
 *       {@code Arrays.asList}'s: its array; {@code Collections.unmodifiableList}'s: the list;</li>
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
        List<HostCodec> optional = new java.util.ArrayList<>();
        if (HostFields.AVAILABLE) {
            optional.add(new ByteArrayInputStreamCodec());
            optional.add(new DataInputStreamCodec());
            optional.add(new ArraysAsListCodec());
            optional.add(new UnmodifiableListCodec(java.util.Collections.unmodifiableList(new java.util.ArrayList<>()).getClass()));
            optional.add(new UnmodifiableListCodec(java.util.Collections.unmodifiableList(new java.util.LinkedList<>()).getClass()));
            MessageDigestCodec md = MessageDigestCodec.makeOrNull();
            if (md != null) {
                optional.add(md);
            }
        }
        optional.add(new ImmutableListCodec(List.of(1).getClass()));
        optional.add(new ImmutableListCodec(List.of(1, 2, 3).getClass()));
        for (HostCodec c : optional) {
            BY_CLASS.put(c.type(), c);
            BY_NAME.put(c.type().getName(), c);
        }
        for (HostCodec c : List.of(new ByteArrayOutputStreamCodec(), new HostArrayListCodec(), new KernelCodec(), new PatternCodec(),
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

    /**
     * Mutable, and its state (position, mark, the array it reads) has no API that reads it without
     * changing it: its fields are read and written through {@link HostFields}. The array is the
     * guest array the program passed (the bridge hands the host its backing array), so it ships by
     * reference and aliasing is kept: guest writes to it show through the stream on both sides.
     */
    private static final class ByteArrayInputStreamCodec extends HostCodec {
        private static final long BUF = HostFields.offset(java.io.ByteArrayInputStream.class, "buf");
        private static final long POS = HostFields.offset(java.io.ByteArrayInputStream.class, "pos");
        private static final long MARK = HostFields.offset(java.io.ByteArrayInputStream.class, "mark");
        private static final long COUNT = HostFields.offset(java.io.ByteArrayInputStream.class, "count");

        ByteArrayInputStreamCodec() {
            super(java.io.ByteArrayInputStream.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            out.ref(HostFields.getObject(obj, BUF));
            out.w.u4(HostFields.getInt(obj, POS));
            out.w.u4(HostFields.getInt(obj, MARK));
            out.w.u4(HostFields.getInt(obj, COUNT));
        }

        @Override
        Object create(In in) {
            return new java.io.ByteArrayInputStream(new byte[0]);
        }

        @Override
        void fill(Object obj, In in) {
            Object buf = in.ref();
            int pos = in.r.u4();
            int mark = in.r.u4();
            int count = in.r.u4();
            if (!(buf instanceof byte[] b) || pos < 0 || mark < 0 || count < 0 || count > b.length) {
                throw new ProtocolException("a ByteArrayInputStream state that no stream has");
            }
            HostFields.putObject(obj, BUF, buf);
            HostFields.putInt(obj, POS, pos);
            HostFields.putInt(obj, MARK, mark);
            HostFields.putInt(obj, COUNT, count);
        }
    }

    /**
     * Mutable only through the stream it reads ({@code FilterInputStream.in}, which it never
     * replaces): its other fields are scratch buffers no call leaves state in. Ships the stream by
     * reference: a host stream that itself ships (a {@code ByteArrayInputStream}), or a guest stream
     * seen through its host peer (the guest object ships, its peer state with it: HostPeerState).
     */
    private static final class DataInputStreamCodec extends HostCodec {
        private static final long IN = HostFields.offset(java.io.FilterInputStream.class, "in");

        DataInputStreamCodec() {
            super(java.io.DataInputStream.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            Object in = HostFields.getObject(obj, IN);
            if (in != null && of(in) == null && !(in instanceof org.cometsim.dalvik.host.HostBridge.GuestBacked)) {
                throw new Unshippable("a java.io.DataInputStream over a " + in.getClass().getName()
                        + " (only a host stream with a codec ships)");
            }
            out.ref(in);
        }

        @Override
        Object create(In in) {
            return new java.io.DataInputStream(null);
        }

        @Override
        Object wrapped(Object obj) {
            return HostFields.getObject(obj, IN);
        }

        @Override
        void fill(Object obj, In in) {
            Object stream = in.ref();
            if (stream != null && !(stream instanceof java.io.InputStream)) {
                throw new ProtocolException("a DataInputStream over a " + stream.getClass().getName());
            }
            HostFields.putObject(obj, IN, stream);
        }
    }

    /**
     * Mutable: a digest part-way through its input (XZ's index hash). Its state lives in the
     * provider's SPI object (the SHA-2 family: state words, a partial block, the byte count), which
     * has no API to read it without finishing the digest: the SPI's plain-data fields are shipped
     * ({@link HostFields#plainFields}) with the algorithm and provider names; the receiver makes a
     * digest of the same algorithm from the same provider and overwrites its SPI's fields. Covers
     * the digests whose SPI has only plain-data fields (the JDK's SUN provider's SHA and MD
     * digests); any other SPI throws {@link Unshippable} when shipped (its thread is pinned).
     */
    private static final class MessageDigestCodec extends HostCodec {
        private static final java.util.Set<String> NONE = java.util.Set.of();
        private final long spiOffset;
        private final java.lang.reflect.Field[] outer;

        private MessageDigestCodec(Class<?> type, long spiOffset, java.lang.reflect.Field[] outer) {
            super(type, true);
            this.spiOffset = spiOffset;
            this.outer = outer;
        }

        static MessageDigestCodec makeOrNull() {
            try {
                Class<?> type = java.security.MessageDigest.getInstance("SHA-256").getClass();
                long spi = HostFields.offset(Class.forName("java.security.MessageDigest$Delegate"), "digestSpi");
                // The digest's own fields but the SPI (shipped apart) and the provider (by name).
                java.lang.reflect.Field[] outer = HostFields.plainFields(java.security.MessageDigest.class,
                        java.security.MessageDigestSpi.class, java.util.Set.of("provider"));
                return new MessageDigestCodec(type, spi, outer);
            } catch (java.security.GeneralSecurityException | ReflectiveOperationException | RuntimeException e) {
                return null; // another JDK: MessageDigest objects pin threads, as before
            }
        }

        @Override
        void write(Object obj, Out out) {
            java.security.MessageDigest md = (java.security.MessageDigest) obj;
            Object spi = HostFields.getObject(obj, spiOffset);
            java.lang.reflect.Field[] inner;
            try {
                inner = HostFields.plainFields(spi.getClass(), null, NONE);
            } catch (IllegalStateException e) {
                throw new Unshippable("a " + md.getAlgorithm() + " MessageDigest of provider " + md.getProvider().getName()
                        + " (its state is not plain data: " + e.getMessage() + ")");
            }
            out.w.utf(md.getAlgorithm());
            out.w.utf(md.getProvider().getName());
            out.w.utf(spi.getClass().getName());
            HostFields.writePlain(obj, outer, out.w);
            HostFields.writePlain(spi, inner, out.w);
        }

        @Override
        Object create(In in) {
            String algorithm = in.r.utf();
            String provider = in.r.utf();
            String spiClass = in.r.utf();
            Object md;
            try {
                md = java.security.MessageDigest.getInstance(algorithm, provider);
            } catch (java.security.GeneralSecurityException e) {
                throw new ProtocolException("no " + algorithm + " digest of provider " + provider + " here");
            }
            if (md.getClass() != type() || !HostFields.getObject(md, spiOffset).getClass().getName().equals(spiClass)) {
                throw new ProtocolException("the " + algorithm + " digest of provider " + provider + " is made differently here");
            }
            return md;
        }

        @Override
        void skipHeader(Object obj, In in) {
            java.security.MessageDigest md = (java.security.MessageDigest) obj;
            if (!in.r.utf().equals(md.getAlgorithm()) || !in.r.utf().equals(md.getProvider().getName())
                    || !in.r.utf().equals(HostFields.getObject(obj, spiOffset).getClass().getName())) {
                throw new ProtocolException("a digest re-shipped as another algorithm");
            }
        }

        @Override
        void fill(Object obj, In in) {
            Object spi = HostFields.getObject(obj, spiOffset);
            HostFields.readPlain(obj, outer, in.r);
            HostFields.readPlain(spi, HostFields.plainFields(spi.getClass(), null, NONE), in.r);
        }
    }

    /**
     * Mutable: a host {@code java.util.ArrayList} made by host code ({@code Collectors.toList()};
     * the guest's own {@code new ArrayList} is the guest library's, tracked per field). Its
     * elements by reference, in order; the receiver's copy is cleared and refilled (capacity is
     * not observable; {@code modCount} only through iterators, which pin).
     */
    private static final class HostArrayListCodec extends HostCodec {
        HostArrayListCodec() {
            super(java.util.ArrayList.class, true);
        }

        @Override
        void write(Object obj, Out out) {
            java.util.ArrayList<?> l = (java.util.ArrayList<?>) obj;
            out.w.u4(l.size());
            for (Object e : l) {
                out.ref(e);
            }
        }

        @Override
        Object create(In in) {
            return new java.util.ArrayList<>();
        }

        @Override
        @SuppressWarnings("unchecked")
        void fill(Object obj, In in) {
            java.util.ArrayList<Object> l = (java.util.ArrayList<Object>) obj;
            int n = in.r.count(4);
            Object[] elements = new Object[n];
            for (int i = 0; i < n; i++) {
                elements[i] = in.ref();
            }
            l.clear();
            l.addAll(java.util.Arrays.asList(elements));
        }
    }

    // ------------------------------------------------------------------ values

    /**
     * {@code Arrays.asList(array)}: a fixed-size list writing through to the array it was given (a
     * guest array, whose backing array the bridge handed over). Its state is that reference, which
     * never changes; the elements are the guest array's, tracked per element, and host methods that
     * may write them ({@code set}, {@code sort}) report the array whole ({@link #backingArray}).
     * D8 turns {@code List.of(a, b)} into {@code Collections.unmodifiableList(Arrays.asList(...))}
     * for Android, so every guest {@code List.of} makes one.
     */
    private static final class ArraysAsListCodec extends HostCodec {
        private static final long A = HostFields.offset(java.util.Arrays.asList(1).getClass(), "a");

        ArraysAsListCodec() {
            super(java.util.Arrays.asList(1).getClass(), false);
        }

        @Override
        void write(Object obj, Out out) {
            out.ref(HostFields.getObject(obj, A));
        }

        @Override
        Object create(In in) {
            Object a = in.ref();
            if (!(a instanceof Object[] array)) {
                throw new ProtocolException("Arrays.asList over a " + (a == null ? "null" : a.getClass().getName()));
            }
            return java.util.Arrays.asList(array);
        }

        @Override
        Object backingArray(Object obj) {
            return HostFields.getObject(obj, A);
        }
    }

    /**
     * {@code Collections.unmodifiableList(list)}: a read-only view; its state is the list it views
     * (by reference: that list ships by its own codec, or pins). The class follows from the viewed
     * list ({@code RandomAccess} or not), so the receiver makes it the same way.
     */
    private static final class UnmodifiableListCodec extends HostCodec {
        private static final long LIST = HostFields.offset(
                java.util.Collections.unmodifiableList(new java.util.LinkedList<>()).getClass(), "list");

        UnmodifiableListCodec(Class<?> type) {
            super(type, false);
        }

        @Override
        void write(Object obj, Out out) {
            out.ref(HostFields.getObject(obj, LIST));
        }

        @Override
        Object create(In in) {
            Object l = in.ref();
            if (!(l instanceof List<?> list)) {
                throw new ProtocolException("an unmodifiable view of a " + (l == null ? "null" : l.getClass().getName()));
            }
            Object made = java.util.Collections.unmodifiableList(list);
            if (made.getClass() != type()) {
                throw new ProtocolException("a " + type().getName() + " of a " + l.getClass().getName() + " cannot be made here");
            }
            return made;
        }
    }

    /**
     * Immutable lists ({@code List.of}, {@code List.copyOf}, {@code Stream.toList}): the elements
     * by reference, and whether the list allows nulls ({@code Stream.toList}'s does; {@code
     * contains(null)} tells, as the program would see it). Rebuilt by the factory that made the
     * same class: {@code List.of} (its size picks the class) or {@code Stream.toList}.
     */
    private static final class ImmutableListCodec extends HostCodec {
        ImmutableListCodec(Class<?> type) {
            super(type, false);
        }

        @Override
        void write(Object obj, Out out) {
            List<?> l = (List<?>) obj;
            boolean nulls;
            try {
                l.contains(null);
                nulls = true;
            } catch (NullPointerException e) {
                nulls = false;
            }
            out.w.bool(nulls);
            out.w.u4(l.size());
            for (Object e : l) {
                out.ref(e);
            }
        }

        @Override
        Object create(In in) {
            boolean nulls = in.r.bool();
            int n = in.r.count(4);
            Object[] elements = new Object[n];
            for (int i = 0; i < n; i++) {
                elements[i] = in.ref();
            }
            Object made = nulls ? java.util.Arrays.stream(elements).toList() : List.of(elements);
            if (made.getClass() != type()) {
                throw new ProtocolException("a " + type().getName() + " of " + n + " elements cannot be made here");
            }
            return made;
        }
    }

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
