import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A guest subclass of BufferedInputStream: its library class keeps a protected byte[] buffer in
 * the host peer, which the guest may share, so the DSM does not ship it by value (dsm.HostPeerState):
 * made on the phone before the server is ready, it pins its thread there, with the reason. With
 * argument "late" it is made after a warm-up, with the thread on the server: the server does not
 * build the peer (the thread returns first), the phone does, and the thread stays there.
 */
public class HostPeerPin {
    static final class Peeking extends BufferedInputStream {
        Peeking(InputStream in) {
            super(in, 16);
        }

        int peek() throws IOException {
            mark(1);
            int b = read();
            reset();
            return b;
        }
    }

    static int work(int seed) {
        int h = seed;
        for (int i = 0; i < 20000; i++) {
            h = h * 31 + i;
        }
        return h;
    }

    public static void main(String[] args) throws Exception {
        byte[] data = new byte[64];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 5 + 1);
        }
        boolean late = args.length > 0 && args[0].equals("late");
        int warm = 0;
        if (late) {
            for (int i = 0; i < 40; i++) {
                warm += work(warm + i);
            }
        }
        Peeking in = new Peeking(new ByteArrayInputStream(data));
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 8; i++) {
                warm += work(warm + i);
            }
            int p = in.peek();
            int b = in.read();
            System.out.println("round " + round + ": peek=" + p + " read=" + b + " available=" + in.available());
        }
        System.out.println("done " + (warm != 0));
    }
}
