package org.cometsim.dalvik.interp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/**
 * HotSpot never JIT-compiles a method with more than 8000 bytes of bytecode
 * ({@code -XX:+DontCompileHugeMethods}, the default). {@code Interpreter.execute} is the hot loop; if
 * it grew past the limit the interpreter would silently run about 20x slower. This reads the
 * compiled class file and checks the size of {@code execute}'s code.
 */
class InterpreterSizeTest {
    @Test
    void theInterpreterLoopStaysCompilableByHotSpot() throws IOException {
        int size = codeLength("execute");
        assertTrue(size > 1000 && size < 8000, "Interpreter.execute has " + size + " bytes of bytecode; keep it under 8000 "
                + "by moving rare cases into helper methods");
    }

    /** Code length of the (first) method with this name in Interpreter.class, from the class file. */
    private static int codeLength(String method) throws IOException {
        try (InputStream raw = Interpreter.class.getResourceAsStream("Interpreter.class");
             DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int cpCount = in.readUnsignedShort();
            String[] utf8 = new String[cpCount];
            for (int i = 1; i < cpCount; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1: utf8[i] = in.readUTF(); break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.readInt(); break;
                    case 5: case 6: in.readLong(); i++; break;
                    case 7: case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
                    case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
                    default: throw new IOException("constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int interfaces = in.readUnsignedShort();
            for (int i = 0; i < interfaces; i++) {
                in.readUnsignedShort();
            }
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.readUnsignedShort();
                in.readUnsignedShort();
                in.readUnsignedShort();
                skipAttributes(in);
            }
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort();
                String name = utf8[in.readUnsignedShort()];
                in.readUnsignedShort();
                int attrs = in.readUnsignedShort();
                for (int a = 0; a < attrs; a++) {
                    String an = utf8[in.readUnsignedShort()];
                    int len = in.readInt();
                    if (an.equals("Code") && name.equals(method)) {
                        in.readUnsignedShort();
                        in.readUnsignedShort();
                        return in.readInt();
                    }
                    in.skipNBytes(len);
                }
            }
        }
        throw new IOException("no method " + method);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt());
        }
    }
}
