package org.cometsim.offload.dsm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import org.cometsim.offload.wire.WireReader;
import org.cometsim.offload.wire.WireWriter;
import org.junit.jupiter.api.Test;

/**
 * Each codec's state, decoded into a new object (and re-shipped into an existing one), behaves as
 * the original: ids here are indices into a table standing in for the DSM's.
 */
class HostCodecsTest {
    private final List<Object> table = new ArrayList<>();

    private int id(Object o) {
        for (int i = 0; i < table.size(); i++) {
            if (table.get(i) == o) {
                return i;
            }
        }
        table.add(o);
        return table.size() - 1;
    }

    private byte[] encode(Object o) {
        WireWriter w = new WireWriter();
        HostCodecs.of(o).write(o, new HostCodec.Out(w, this::id));
        return w.toByteArray();
    }

    private HostCodec.In in(byte[] state) {
        return new HostCodec.In(new WireReader(state), table::get);
    }

    /** A new object from {@code o}'s state, as a receiver makes it. */
    private Object ship(Object o) {
        HostCodec c = HostCodecs.of(o);
        assertNotNull(c, o.getClass().getName());
        HostCodec.In in = in(encode(o));
        Object made = c.create(in);
        if (c.mutable()) {
            c.fill(made, in);
        }
        in.r.done();
        assertSame(o.getClass(), made.getClass());
        assertArrayEquals(encode(o), encode(made), "the copy encodes the same");
        return made;
    }

    /** {@code from}'s state re-shipped into {@code into}. */
    private void reship(Object from, Object into) {
        HostCodec c = HostCodecs.of(from);
        HostCodec.In in = in(encode(from));
        c.skipHeader(into, in);
        c.fill(into, in);
        in.r.done();
    }

    @Test
    void byteArrayOutputStream() {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        a.writeBytes(new byte[] {1, 2, 3});
        ByteArrayOutputStream b = (ByteArrayOutputStream) ship(a);
        assertArrayEquals(new byte[] {1, 2, 3}, b.toByteArray());
        a.write(4);
        reship(a, b);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, b.toByteArray());
    }

    @Test
    void byteArrayInputStreamKeepsPositionMarkAndArray() throws Exception {
        byte[] data = {10, 20, 30, 40, 50};
        ByteArrayInputStream a = new ByteArrayInputStream(data, 1, 3);
        a.read();
        a.mark(0);
        a.read();
        ByteArrayInputStream b = (ByteArrayInputStream) ship(a);
        assertEquals(a.available(), b.available());
        assertEquals(40, b.read());
        b.reset();
        assertEquals(30, b.read());
        data[3] = 99; // the same array: a write shows through
        assertEquals(99, b.read());
    }

    @Test
    void dataInputStreamOverAShippedStream() throws Exception {
        ByteArrayInputStream bytes = new ByteArrayInputStream(new byte[] {0, 0, 1, 2});
        DataInputStream a = new DataInputStream(bytes);
        id(bytes);
        DataInputStream b = (DataInputStream) ship(a);
        assertEquals(258, b.readInt());
    }

    @Test
    void messageDigestPartWay() throws Exception {
        MessageDigest a = MessageDigest.getInstance("SHA-256");
        a.update("part one, longer than one block of sixty-four bytes, so the state words moved".getBytes());
        MessageDigest b = (MessageDigest) ship(a);
        assertNotSame(a, b);
        a.update((byte) 1);
        b.update((byte) 1);
        assertArrayEquals(a.digest(), b.digest());
    }

    @Test
    void atomicsAndAdders() {
        AtomicIntegerArray a = new AtomicIntegerArray(new int[] {3, 1, 4});
        AtomicIntegerArray b = (AtomicIntegerArray) ship(a);
        assertEquals("[3, 1, 4]", b.toString());
        a.incrementAndGet(2);
        reship(a, b);
        assertEquals("[3, 1, 5]", b.toString());
        AtomicReference<Object> r = new AtomicReference<>("x");
        assertSame("x", ((AtomicReference<?>) ship(r)).get());
        LongAdder s = new LongAdder();
        s.add(40);
        s.add(2);
        assertEquals(42, ((LongAdder) ship(s)).sum());
    }

    @Test
    void valuesAndLists() {
        java.awt.image.Kernel k = new java.awt.image.Kernel(3, 1, new float[] {0.25f, 0.5f, 0.25f});
        java.awt.image.Kernel k2 = (java.awt.image.Kernel) ship(k);
        assertEquals(1, k2.getXOrigin());
        assertArrayEquals(k.getKernelData(null), k2.getKernelData(null));
        Pattern p = (Pattern) ship(Pattern.compile("a(b+)", Pattern.CASE_INSENSITIVE));
        assertEquals(true, p.matcher("ABB").matches());
        assertEquals(List.of(1, 2), ship(List.of(1, 2)));
        assertEquals(List.of(1, 2, 3), ship(List.of(1, 2, 3)));
        assertEquals(java.util.Arrays.asList(1, null), ship(java.util.stream.Stream.of(1, null).toList()));
        Object[] backing = {"a", "b"};
        List<Object> asList = java.util.Arrays.asList(backing);
        List<?> view = (List<?>) ship(java.util.Collections.unmodifiableList(asList));
        backing[1] = "c";
        assertEquals(List.of("a", "c"), view, "the view reads through to the same array");
    }
}
