package org.cometsim.workloads.apps;

/**
 * A 64-bit FNV-1a style running checksum used by every workload to summarise its result in one line.
 * Guest code: no java.* calls except Double.doubleToLongBits in {@link #add(double)}.
 */
public final class Checksum {
    private long h = 0xcbf29ce484222325L;

    /** Mixes in one int. */
    public Checksum add(int v) {
        h = (h ^ (v & 0xffffffffL)) * 0x100000001b3L;
        h ^= h >>> 29;
        return this;
    }

    /** Mixes in one long. */
    public Checksum add(long v) {
        add((int) v);
        return add((int) (v >>> 32));
    }

    /** Mixes in the exact bits of a double. */
    public Checksum add(double d) {
        return add(Double.doubleToLongBits(d));
    }

    /** Mixes in every element of an int array. */
    public Checksum addAll(int[] a) {
        for (int i = 0; i < a.length; i++) {
            add(a[i]);
        }
        return this;
    }

    /** Mixes in every element of a double array. */
    public Checksum addAll(double[] a) {
        for (int i = 0; i < a.length; i++) {
            add(a[i]);
        }
        return this;
    }

    /** Mixes in every element of a byte array. */
    public Checksum addAll(byte[] a, int len) {
        for (int i = 0; i < len; i++) {
            add(a[i]);
        }
        return this;
    }

    public long value() {
        return h;
    }

    /** 16 lower-case hex digits. */
    public String hex() {
        return hex(h);
    }

    /** 16 lower-case hex digits of {@code v} (own formatting: no Long.toHexString needed). */
    public static String hex(long v) {
        char[] c = new char[16];
        for (int i = 15; i >= 0; i--) {
            int d = (int) (v & 15);
            c[i] = (char) (d < 10 ? '0' + d : 'a' + d - 10);
            v >>>= 4;
        }
        return new String(c);
    }
}
