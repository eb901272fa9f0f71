package org.cometsim.guestlib.java.lang;

/**
 * Guest-side {@code java.lang.StringBuilder}: unsynchronized mutable character sequence with the
 * JDK 17 public API, capacity growth and exception messages. State is a plain {@code char[]}.
 */
public final class StringBuilder extends AbstractStringBuilder
        implements java.io.Serializable, Comparable<StringBuilder>, CharSequence {
    private static final long serialVersionUID = 4383685877147921099L;

    public StringBuilder() {
        super();
    }

    public StringBuilder(int capacity) {
        super(capacity);
    }

    public StringBuilder(String str) {
        super(str);
    }

    public StringBuilder(CharSequence seq) {
        super(seq);
    }

    // length() and charAt() are redeclared with real bodies: inherited public methods of the
    // package-private superclass would otherwise be reached through javac's visibility bridges,
    // one extra interpreted call on the hottest accessors.

    @Override
    public int length() {
        return count;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= count) {
            throw indexException(index, count);
        }
        return value[index];
    }

    @Override
    public StringBuilder append(Object obj) {
        appendStr(obj == null ? "null" : obj.toString());
        return this;
    }

    @Override
    public StringBuilder append(String str) {
        if (str == null) {
            appendStr(null);
            return this;
        }
        // Inlined hot path (one guest frame): grow if needed, then one host getChars copy.
        int len = str.length();
        int n = count;
        int newCount = n + len;
        if (newCount - value.length > 0) {
            ensureCapacityInternal(newCount);
        }
        str.getChars(0, len, value, n);
        count = newCount;
        return this;
    }

    @Override
    public StringBuilder append(StringBuffer sb) {
        appendAsb(sb);
        return this;
    }

    @Override
    public StringBuilder append(CharSequence s) {
        appendCs(s);
        return this;
    }

    @Override
    public StringBuilder append(CharSequence s, int start, int end) {
        super.append(s, start, end);
        return this;
    }

    @Override
    public StringBuilder append(char[] str) {
        super.append(str);
        return this;
    }

    @Override
    public StringBuilder append(char[] str, int offset, int len) {
        super.append(str, offset, len);
        return this;
    }

    @Override
    public StringBuilder append(boolean b) {
        super.append(b);
        return this;
    }

    @Override
    public StringBuilder append(char c) {
        int n = count;
        if (n >= value.length) {
            ensureCapacityInternal(n + 1);
        }
        value[n] = c;
        count = n + 1;
        return this;
    }

    @Override
    public StringBuilder append(int i) {
        appendStr(Integer.toString(i));
        return this;
    }

    @Override
    public StringBuilder append(long lng) {
        appendStr(Long.toString(lng));
        return this;
    }

    @Override
    public StringBuilder append(float f) {
        appendStr(Float.toString(f));
        return this;
    }

    @Override
    public StringBuilder append(double d) {
        appendStr(Double.toString(d));
        return this;
    }

    @Override
    public StringBuilder appendCodePoint(int codePoint) {
        super.appendCodePoint(codePoint);
        return this;
    }

    @Override
    public StringBuilder delete(int start, int end) {
        super.delete(start, end);
        return this;
    }

    @Override
    public StringBuilder deleteCharAt(int index) {
        super.deleteCharAt(index);
        return this;
    }

    @Override
    public StringBuilder replace(int start, int end, String str) {
        super.replace(start, end, str);
        return this;
    }

    @Override
    public StringBuilder insert(int index, char[] str, int offset, int len) {
        super.insert(index, str, offset, len);
        return this;
    }

    @Override
    public StringBuilder insert(int offset, Object obj) {
        super.insert(offset, obj);
        return this;
    }

    @Override
    public StringBuilder insert(int offset, String str) {
        super.insert(offset, str);
        return this;
    }

    @Override
    public StringBuilder insert(int offset, char[] str) {
        super.insert(offset, str);
        return this;
    }

    @Override
    public StringBuilder insert(int dstOffset, CharSequence s) {
        super.insert(dstOffset, s);
        return this;
    }

    @Override
    public StringBuilder insert(int dstOffset, CharSequence s, int start, int end) {
        super.insert(dstOffset, s, start, end);
        return this;
    }

    @Override
    public StringBuilder insert(int offset, boolean b) {
        super.insert(offset, b);
        return this;
    }

    @Override
    public StringBuilder insert(int offset, char c) {
        super.insert(offset, c);
        return this;
    }

    @Override
    public StringBuilder insert(int offset, int i) {
        super.insert(offset, i);
        return this;
    }

    @Override
    public StringBuilder insert(int offset, long l) {
        super.insert(offset, l);
        return this;
    }

    @Override
    public StringBuilder insert(int offset, float f) {
        super.insert(offset, f);
        return this;
    }

    @Override
    public StringBuilder insert(int offset, double d) {
        super.insert(offset, d);
        return this;
    }

    @Override
    public StringBuilder reverse() {
        super.reverse();
        return this;
    }

    @Override
    public int indexOf(String str) {
        return super.indexOf(str, 0);
    }

    @Override
    public int indexOf(String str, int fromIndex) {
        return super.indexOf(str, fromIndex);
    }

    @Override
    public int lastIndexOf(String str) {
        return super.lastIndexOf(str, count);
    }

    @Override
    public int lastIndexOf(String str, int fromIndex) {
        return super.lastIndexOf(str, fromIndex);
    }

    @Override
    public int compareTo(StringBuilder another) {
        return super.compareTo(another);
    }

    @Override
    public String toString() {
        return new String(value, 0, count);
    }
}
