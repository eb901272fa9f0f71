import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;

/**
 * Guest classes extending host library classes whose fields live in the host peer
 * (FilterInputStream.in, FilterOutputStream.out, Reader.lock, Writer.lock and its private buffer),
 * used in every round while the thread goes back and forth (pingpong policies): guest work
 * (safepoints where the thread may move), then reads and writes through the streams, inherited
 * library methods, a host DataInputStream reading through a guest stream, and the guest swapping
 * the protected {@code in} field. Prints what java prints.
 */
public class HostPeer {
    /** Counts the bytes read through it (guest override of read, library read(byte[]) inherited). */
    static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        /** Replaces the library field from guest code. */
        void switchTo(InputStream next) {
            in = next;
        }
    }

    /** Sums the bytes written through it. */
    static final class SummingOutput extends FilterOutputStream {
        int sum;

        SummingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            sum = sum * 31 + (b & 0xff);
            out.write(b);
        }
    }

    /** A Reader over a string (Reader.lock is the reader itself). */
    static final class LettersReader extends Reader {
        private final String text;
        private int pos;

        LettersReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (pos >= text.length()) {
                return -1;
            }
            int n = Math.min(len, text.length() - pos);
            text.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** A Writer into a StringBuilder; Writer.write(String) fills the library's private buffer. */
    static final class BuilderWriter extends Writer {
        final StringBuilder sb = new StringBuilder();

        @Override
        public void write(char[] cbuf, int off, int len) {
            synchronized (lock) {
                sb.append(cbuf, off, len);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
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
        // Long enough for the server to be ready (connection and app code) before the objects are made.
        int warm = work(1) + work(2) + work(3);
        for (int i = 0; i < 40; i++) {
            warm += work(warm);
        }
        byte[] data = new byte[600];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 3);
        }
        CountingInput counting = new CountingInput(new ByteArrayInputStream(data));
        DataInputStream din = new DataInputStream(counting);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        SummingOutput summing = new SummingOutput(sink);
        LettersReader reader = new LettersReader("the quick brown fox jumps over the lazy dog");
        BuilderWriter writer = new BuilderWriter();
        char[] cbuf = new char[5];
        byte[] chunk = new byte[3];
        for (int round = 0; round < 14; round++) {
            warm += work(warm + round);
            int single = counting.read();
            int n = counting.read(chunk);
            int word = din.readInt();
            summing.write(single);
            summing.write(chunk, 0, Math.max(n, 0));
            summing.flush();
            int got = reader.read(cbuf);
            writer.write(got > 0 ? new String(cbuf, 0, got) : "-");
            writer.append('|');
            if (round == 7) {
                counting.switchTo(new ByteArrayInputStream(new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6,
                        7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
                        32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55}));
            }
            System.out.println("round " + round + ": single=" + single + " n=" + n + " word=" + word + " count="
                    + counting.count + " available=" + counting.available() + " sum=" + summing.sum + " sink="
                    + sink.size() + " got=" + got + " text=" + writer.sb);
        }
        summing.close();
        System.out.println("done " + (warm != 0) + " " + sink.size() + " " + writer.sb.length());
    }
}
