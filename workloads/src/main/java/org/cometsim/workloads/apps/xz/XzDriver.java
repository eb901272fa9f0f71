package org.cometsim.workloads.apps.xz;

import org.cometsim.workloads.apps.AppArgs;
import org.cometsim.workloads.apps.Checksum;
import org.cometsim.workloads.apps.Lcg;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Driver for XZ for Java 1.12 ({@code org.tukaani:xz:1.12}, class path entry xz; COMET category:
 * compression, standing in for an app that compresses data before upload): generates text-like data,
 * compresses it in memory ({@code XZOutputStream} over a {@code ByteArrayOutputStream}, CRC64 integrity
 * check, computed by XZ itself), decompresses it ({@code XZInputStream} over a
 * {@code ByteArrayInputStream}), verifies the round trip and prints sizes, our own CRC-32 of the data and
 * a checksum of the compressed bytes.
 *
 * <p>Usage: {@code XzDriver small|medium|paper}: 24 KiB at preset 1; 384 KiB at preset 6; 1.5 MiB at
 * preset 6. The dictionary is capped at the next power of two above the input (min 64 KiB) to keep memory
 * small. Single-threaded; fully deterministic.
 */
public final class XzDriver {
    private XzDriver() {
    }

    public static void main(String[] args) throws IOException {
        int size = AppArgs.size(args);
        int length = AppArgs.pick(size, 24 << 10, 384 << 10, 3 << 19);
        int preset = AppArgs.pick(size, 1, 6, 6);
        byte[] data = generate(length, 1989);
        int crc = crc32(data, data.length);

        LZMA2Options options = new LZMA2Options(preset);
        int dict = 64 << 10;
        while (dict < length) {
            dict <<= 1;
        }
        options.setDictSize(Math.min(dict, options.getDictSize()));
        ByteArrayOutputStream compressedOut = new ByteArrayOutputStream();
        XZOutputStream xzOut = new XZOutputStream(compressedOut, options);
        // Write in uneven chunks, like an app streaming its data.
        int pos = 0;
        int chunk = 1000;
        while (pos < length) {
            int n = Math.min(chunk, length - pos);
            xzOut.write(data, pos, n);
            pos += n;
            chunk = chunk * 3 % 7919 + 100;
        }
        xzOut.close();
        byte[] compressed = compressedOut.toByteArray();

        XZInputStream xzIn = new XZInputStream(new ByteArrayInputStream(compressed));
        byte[] restored = new byte[length];
        int got = 0;
        byte[] buf = new byte[4096];
        while (true) {
            int n = xzIn.read(buf, 0, buf.length);
            if (n < 0) {
                break;
            }
            if (got + n > length) {
                throw new IllegalStateException("decompressed more than " + length + " bytes");
            }
            System.arraycopy(buf, 0, restored, got, n);
            got += n;
        }
        xzIn.close();
        if (got != length) {
            throw new IllegalStateException("decompressed " + got + " bytes, expected " + length);
        }
        int crc2 = crc32(restored, got);
        for (int i = 0; i < length; i++) {
            if (restored[i] != data[i]) {
                throw new IllegalStateException("round trip differs at byte " + i);
            }
        }
        Checksum sum = new Checksum().add(crc).add(compressed.length).addAll(compressed, compressed.length);
        System.out.println("xz size=" + AppArgs.sizeName(size) + " preset=" + preset + " dict=" + options.getDictSize());
        System.out.println("original=" + length + " compressed=" + compressed.length + " ratio="
                + (compressed.length * 1000L / length) / 10.0 + "%");
        System.out.println("crc32=" + Checksum.hex(crc & 0xffffffffL).substring(8) + " roundtrip="
                + (crc == crc2 ? "ok" : "MISMATCH"));
        System.out.println("checksum=" + sum.hex());
    }

    /** Text-like data: words from a seeded vocabulary, numbers, punctuation and some line structure. */
    static byte[] generate(int length, long seed) {
        Lcg rnd = new Lcg(seed);
        byte[][] words = new byte[400][];
        for (int i = 0; i < words.length; i++) {
            int len = 2 + rnd.nextInt(9);
            byte[] w = new byte[len];
            for (int k = 0; k < len; k++) {
                w[k] = (byte) ('a' + rnd.nextInt(26));
            }
            words[i] = w;
        }
        byte[] out = new byte[length];
        int pos = 0;
        while (pos < length) {
            int r = rnd.nextInt(100);
            byte[] piece;
            if (r < 85) {
                // Zipf-like: small indices much more frequent
                double u = rnd.nextDouble();
                int idx = (int) (words.length * u * u * u);
                piece = words[idx];
            } else if (r < 95) {
                int num = 1 + rnd.nextInt(99999);
                int digits = num >= 10000 ? 5 : num >= 1000 ? 4 : num >= 100 ? 3 : num >= 10 ? 2 : 1;
                piece = new byte[digits];
                for (int k = digits - 1; k >= 0; k--) {
                    piece[k] = (byte) ('0' + num % 10);
                    num /= 10;
                }
            } else {
                piece = new byte[] {(byte) (r < 98 ? '.' : '\n')};
            }
            for (int k = 0; k < piece.length && pos < length; k++) {
                out[pos++] = piece[k];
            }
            if (pos < length) {
                out[pos++] = ' ';
            }
        }
        return out;
    }

    private static int[] crcTable;

    /** Table-driven CRC-32 (IEEE 802.3, as java.util.zip.CRC32) written out so the guest computes it. */
    static int crc32(byte[] data, int len) {
        if (crcTable == null) {
            int[] t = new int[256];
            for (int n = 0; n < 256; n++) {
                int c = n;
                for (int k = 0; k < 8; k++) {
                    c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
                }
                t[n] = c;
            }
            crcTable = t;
        }
        int c = 0xffffffff;
        for (int i = 0; i < len; i++) {
            c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
        }
        return ~c;
    }
}
