package golden;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;

/**
 * super.m() from a guest class whose guest superclass inherits m from a library class (issue #12):
 * it must run the library's implementation, not re-dispatch to the caller's override (which
 * recursed until the stack overflowed). FilterOutputStream, OutputStream, FilterInputStream,
 * Writer, StringWriter, ByteArrayOutputStream, two guest levels deep and through a PrintStream.
 */
public class G080_SuperThroughLibrary {
    static class Mid extends FilterOutputStream {
        Mid(OutputStream o) {
            super(o);
        }
    }

    static class Leaf extends Mid {
        int flushes;

        Leaf(OutputStream o) {
            super(o);
        }

        @Override
        public void flush() throws IOException {
            flushes++;
            super.flush();
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b + 1);
        }
    }

    /** Three guest levels: the middle one overrides, the top one calls super. */
    static class Upper extends Leaf {
        Upper(OutputStream o) {
            super(o);
        }

        @Override
        public void write(int b) throws IOException {
            super.write(Character.toUpperCase(b));
        }
    }

    static class MidOs extends OutputStream {
        @Override
        public void write(int b) {
            System.out.println("MidOs.write " + b);
        }
    }

    static class LeafOs extends MidOs {
        @Override
        public void write(byte[] b, int o, int l) throws IOException {
            System.out.println("LeafOs.write[] " + l);
            super.write(b, o, l);
        }
    }

    static class MidIn extends FilterInputStream {
        MidIn(InputStream i) {
            super(i);
        }
    }

    static class LeafIn extends MidIn {
        LeafIn(InputStream i) {
            super(i);
        }

        @Override
        public int read() throws IOException {
            int r = super.read();
            return r < 0 ? r : r * 2;
        }

        @Override
        public long skip(long n) throws IOException {
            System.out.println("skip " + n);
            return super.skip(n);
        }
    }

    static class MidW extends Writer {
        final StringBuilder sb = new StringBuilder();

        @Override
        public void write(char[] c, int o, int l) {
            sb.append(c, o, l);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static class LeafW extends MidW {
        @Override
        public void write(String s) throws IOException {
            super.write("<" + s + ">");
        }

        @Override
        public Writer append(CharSequence cs) throws IOException {
            return super.append(cs);
        }
    }

    static class MidSw extends StringWriter {
    }

    static class LeafSw extends MidSw {
        @Override
        public void write(String s) {
            super.write(s.toUpperCase());
        }

        @Override
        public String toString() {
            return "[" + super.toString() + "]";
        }
    }

    static class MidBaos extends ByteArrayOutputStream {
    }

    static class LeafBaos extends MidBaos {
        @Override
        public synchronized void write(int b) {
            super.write(b ^ 32);
        }

        @Override
        public synchronized String toString() {
            return "{" + super.toString() + "}";
        }
    }

    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        Leaf l = new Leaf(bo);
        try {
            l.write('a');
            l.flush();
            l.write(new byte[] {'x', 'y'});
            l.flush();
            l.close();
            System.out.println(bo + " flushes=" + l.flushes);
        } catch (StackOverflowError e) {
            System.out.println("StackOverflowError");
        }
        ByteArrayOutputStream bo2 = new ByteArrayOutputStream();
        Upper u = new Upper(bo2);
        u.write(new byte[] {'a', 'b', 'c'});
        u.flush();
        System.out.println(bo2 + " flushes=" + u.flushes);

        LeafOs los = new LeafOs();
        los.write(new byte[] {1, 2, 3}, 0, 2);
        los.flush();
        los.close();

        LeafIn li = new LeafIn(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5}));
        System.out.println(li.read() + " " + li.skip(2) + " " + li.read() + " " + li.available() + " " + li.markSupported());
        byte[] buf = new byte[4];
        System.out.println(li.read(buf) + " " + buf[0]);

        LeafW w = new LeafW();
        w.write("hi");
        w.append("yo");
        w.write('c');
        w.flush();
        System.out.println(w.sb);

        LeafSw sw = new LeafSw();
        sw.write("abc");
        sw.append("def");
        System.out.println(sw + " " + sw.getBuffer());

        LeafBaos b = new LeafBaos();
        b.write('a');
        b.write(new byte[] {'b', 'c'}, 0, 2);
        b.writeBytes(new byte[] {'d'});
        System.out.println(b + " " + b.size());

        ByteArrayOutputStream bo3 = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(new Leaf(bo3), true);
        ps.print("Q");
        ps.println("rs");
        ps.flush();
        System.out.println(bo3.toString().trim());
    }
}
