package golden;

import java.util.zip.CRC32;

/** Bit manipulation and hashing: FNV-1a, CRC32 (table-driven vs java.util.zip), murmur-style mixing, popcount, bit reversal, xorshift. */
public class G026_HashingBits {
    static final int[] CRC_TABLE = new int[256];
    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            CRC_TABLE[n] = c;
        }
    }
    static int crc32(byte[] data) { int c = ~0; for (byte b : data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8); return ~c; }
    static long fnv1a64(byte[] data) { long h = 0xcbf29ce484222325L; for (byte b : data) { h ^= b & 0xff; h *= 0x100000001b3L; } return h; }
    static int fnv1a32(String s) { int h = 0x811c9dc5; for (int i = 0; i < s.length(); i++) { h ^= s.charAt(i); h *= 16777619; } return h; }
    static long mix64(long z) { z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L; z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL; return z ^ (z >>> 31); }
    static int popcount(long x) { int c = 0; while (x != 0) { x &= x - 1; c++; } return c; }
    static int reverseBits(int x) { int r = 0; for (int i = 0; i < 32; i++) { r = (r << 1) | (x & 1); x >>>= 1; } return r; }

    public static void main(String[] args) {
        String[] inputs = { "", "a", "abc", "message digest", "The quick brown fox jumps over the lazy dog", "\u00e9\u00e8\u4e2d" };
        for (String s : inputs) {
            byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            CRC32 ref = new CRC32();
            ref.update(bytes);
            System.out.println(String.format("%-45s crc=%08x ref=%08x fnv64=%016x fnv32=%08x len=%d", "'" + s + "'", crc32(bytes), ref.getValue(), fnv1a64(bytes), fnv1a32(s), bytes.length));
        }
        long x = 88172645463325252L;
        StringBuilder sb = new StringBuilder("xorshift64:");
        for (int i = 0; i < 6; i++) { x ^= x << 13; x ^= x >>> 7; x ^= x << 17; sb.append(' ').append(Long.toUnsignedString(x)); }
        System.out.println(sb);
        int y = (int) 2463534242L;
        sb = new StringBuilder("xorshift32:");
        for (int i = 0; i < 6; i++) { y ^= y << 13; y ^= y >>> 17; y ^= y << 5; sb.append(' ').append(Integer.toUnsignedString(y)); }
        System.out.println(sb);
        for (long v : new long[] { 0, 1, -1, 0x8000000000000000L, 0x123456789abcdefL, 255 }) {
            System.out.println("v=" + Long.toHexString(v) + " pop=" + popcount(v) + "/" + Long.bitCount(v) + " mix=" + Long.toHexString(mix64(v))
                    + " rev32=" + Integer.toHexString(reverseBits((int) v)) + "/" + Integer.toHexString(Integer.reverse((int) v))
                    + " nlz=" + Long.numberOfLeadingZeros(v) + " ntz=" + Long.numberOfTrailingZeros(v) + " rotl=" + Long.toHexString(Long.rotateLeft(v, 12))
                    + " hi=" + Long.highestOneBit(v) + " sig=" + Long.signum(v) + " bswap=" + Long.toHexString(Long.reverseBytes(v)));
        }
        System.out.println("unsigned: " + Integer.divideUnsigned(-1, 3) + " " + Integer.remainderUnsigned(-7, 5) + " " + Long.compareUnsigned(-1, 1) + " " + Integer.toUnsignedLong(-2)
                + " " + Long.divideUnsigned(-1L, 10) + " " + Integer.parseUnsignedInt("4294967295"));
        int flags = 0;
        for (int bit : new int[] { 0, 3, 5, 31 }) flags |= 1 << bit;
        System.out.println("flags=" + Integer.toBinaryString(flags) + " has3=" + ((flags & (1 << 3)) != 0) + " has4=" + ((flags >> 4 & 1) == 1) + " cleared=" + (flags & ~(1 << 31)));
        long packed = 0;
        for (int i = 0; i < 8; i++) packed |= (long) (i * 37 & 0xff) << (i * 8);
        sb = new StringBuilder("unpacked:");
        for (int i = 0; i < 8; i++) sb.append(' ').append((packed >>> (i * 8)) & 0xff);
        System.out.println(Long.toHexString(packed) + " " + sb);
    }
}
