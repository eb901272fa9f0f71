import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Host library objects with codecs (dsm.HostCodecs), changed by host methods in every round while
 * the thread goes back and forth (pingpong policies): each round does some guest work (safepoints
 * where the thread may move) then changes each object, so consecutive changes happen on different
 * sides. Prints what java prints.
 */
public class HostState {
    static final class Box {
        final String name;

        Box(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "Box(" + name + ")";
        }
    }

    static int work(int seed) {
        int h = seed;
        for (int i = 0; i < 20000; i++) {
            h = h * 31 + i;
        }
        return h;
    }

    /** A java.util.ArrayList made by host code (the stream's collector), not the guest library's. */
    static List<String> collected() {
        return java.util.stream.Stream.of("x", "y").collect(java.util.stream.Collectors.toList());
    }

    public static void main(String[] args) throws Exception {
        // Long enough for the server to be ready (connection and app code) before the objects are made.
        int warm = work(1) + work(2) + work(3);
        for (int i = 0; i < 40; i++) {
            warm += work(warm);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicInteger counter = new AtomicInteger();
        AtomicLong total = new AtomicLong(7);
        AtomicBoolean flag = new AtomicBoolean();
        AtomicReference<Box> ref = new AtomicReference<>(new Box("first"));
        AtomicIntegerArray cells = new AtomicIntegerArray(5);
        LongAdder adder = new LongAdder();
        Pattern words = Pattern.compile("[a-z]+(\\d)", Pattern.CASE_INSENSITIVE);
        List<Box> boxes = List.of(new Box("a"), new Box("b"), new Box("c"));
        java.awt.image.Kernel kernel = new java.awt.image.Kernel(3, 1, new float[] {0.25f, 0.5f, 0.25f});
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] source = new byte[64];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) (i * 7);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(source);
        DataInputStream data = new DataInputStream(in);
        List<String> made = collected();
        int acc = 0;
        for (int round = 0; round < 12; round++) {
            acc += work(round + acc);
            bytes.write(round + 'A');
            bytes.write(new byte[] {(byte) acc, (byte) (acc >> 8)}, 0, 2);
            counter.incrementAndGet();
            acc += work(acc);
            total.addAndGet(acc & 0xff);
            flag.set(!flag.get());
            cells.addAndGet(round % 5, round);
            adder.add(round);
            acc += work(acc);
            ref.set(new Box("r" + round + "/" + counter.get()));
            digest.update((byte) round);
            digest.update(bytes.toByteArray(), 0, bytes.size());
            acc += work(acc);
            made.add("n" + round);
            if (round % 3 == 2) {
                made.remove(0);
            }
            int b = data.readUnsignedByte();
            if (round % 4 == 3) {
                in.mark(0);
            }
            int k = kernel.getWidth() * (int) (kernel.getKernelData(null)[1] * 4);
            boolean m = words.matcher("Abc" + round % 10).matches();
            System.out.println("round " + round + " size=" + bytes.size() + " counter=" + counter.get() + " total="
                    + total.get() + " flag=" + flag.get() + " ref=" + ref.get() + " cells=" + cells + " sum=" + adder.sum()
                    + " read=" + b + " avail=" + in.available() + " k=" + k + " match=" + m + " box=" + boxes.get(round % 3) + " made=" + made);
        }
        in.reset();
        System.out.println("after reset avail=" + in.available() + " next=" + data.readUnsignedByte());
        StringBuilder hex = new StringBuilder();
        for (byte x : digest.digest()) {
            hex.append(String.format("%02x", x & 0xff));
        }
        System.out.println("digest=" + hex);
        System.out.println("bytes=" + java.util.Arrays.toString(bytes.toByteArray()));
        System.out.println("acc=" + acc + " warm=" + warm);
    }
}
