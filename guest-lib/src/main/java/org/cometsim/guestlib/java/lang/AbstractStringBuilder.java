package org.cometsim.guestlib.java.lang;

import java.util.Arrays;

/**
 * Guest-side common base of {@link StringBuilder} and {@link StringBuffer} (becomes
 * {@code java.lang.AbstractStringBuilder} in the VM): a plain {@code char[]} plus a count, so the
 * DSM can track the state; no compact-strings representation. Observable behaviour (contents,
 * {@code capacity()} growth, exception types and messages) follows JDK 17.
 */
abstract class AbstractStringBuilder implements Appendable, CharSequence {

    /** Character storage; {@code value.length} is the capacity. */
    char[] value;

    /** Number of characters in use. */
    int count;

    private static final char[] NULL_CHARS = {'n', 'u', 'l', 'l'};
    private static final char[] TRUE_CHARS = {'t', 'r', 'u', 'e'};
    private static final char[] FALSE_CHARS = {'f', 'a', 'l', 's', 'e'};

    /** Largest array length the JDK prefers to allocate (ArraysSupport.SOFT_MAX_ARRAY_LENGTH). */
    private static final int SOFT_MAX = Integer.MAX_VALUE - 8;

    AbstractStringBuilder() {
        value = new char[16];
    }

    AbstractStringBuilder(int capacity) {
        value = new char[capacity];
    }

    AbstractStringBuilder(String str) {
        int len = str.length();
        // Same capacity as the JDK: length + 16, saturating near Integer.MAX_VALUE.
        value = new char[len < Integer.MAX_VALUE - 16 ? len + 16 : Integer.MAX_VALUE];
        str.getChars(0, len, value, 0);
        count = len;
    }

    AbstractStringBuilder(CharSequence seq) {
        int len = seq.length();
        if (len < 0) {
            throw new NegativeArraySizeException(msg("Negative length: ", len));
        }
        value = new char[len < Integer.MAX_VALUE - 16 ? len + 16 : Integer.MAX_VALUE];
        appendCs(seq);
    }

    // ---------------------------------------------------------------- capacity

    @Override
    public int length() {
        return count;
    }

    public int capacity() {
        return value.length;
    }

    public void ensureCapacity(int minimumCapacity) {
        if (minimumCapacity > 0) {
            ensureCapacityInternal(minimumCapacity);
        }
    }

    /** Grows {@code value} if needed, with the JDK's growth policy. */
    final void ensureCapacityInternal(int minimumCapacity) {
        // Overflow-conscious, like the JDK: a negative minimum means "too large".
        if (minimumCapacity - value.length > 0) {
            value = Arrays.copyOf(value, newCapacity(minimumCapacity));
        }
    }

    /** JDK growth: max(minimum, old * 2 + 2), clamped the way ArraysSupport.newLength does. */
    private int newCapacity(int minCapacity) {
        int oldLength = value.length;
        int minGrowth = minCapacity - oldLength;
        int prefGrowth = oldLength + 2;
        int newLength = (minGrowth > prefGrowth ? minGrowth : prefGrowth) + oldLength;
        if (newLength > 0 && newLength <= SOFT_MAX) {
            return newLength;
        }
        int minLength = oldLength + minGrowth;
        if (minLength < 0) {
            throw new OutOfMemoryError(new StringBuilder("Required array length ").append(oldLength)
                    .append(" + ").append(minGrowth).append(" is too large").toString());
        }
        if (minLength == Integer.MAX_VALUE) {
            throw new OutOfMemoryError("Required length exceeds implementation limit");
        }
        return minLength <= SOFT_MAX ? SOFT_MAX : minLength;
    }

    public void trimToSize() {
        if (count < value.length) {
            value = Arrays.copyOf(value, count);
        }
    }

    public void setLength(int newLength) {
        if (newLength < 0) {
            throw new StringIndexOutOfBoundsException(newLength);
        }
        ensureCapacityInternal(newLength);
        if (count < newLength) {
            Arrays.fill(value, count, newLength, '\0');
        }
        count = newLength;
    }

    // ---------------------------------------------------------------- access

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= count) {
            throw indexException(index, count);
        }
        return value[index];
    }

    public int codePointAt(int index) {
        int n = count;
        if (index < 0 || index >= n) {
            throw indexException(index, n);
        }
        char[] v = value;
        char c1 = v[index];
        if (Character.isHighSurrogate(c1) && index + 1 < n) {
            char c2 = v[index + 1];
            if (Character.isLowSurrogate(c2)) {
                return Character.toCodePoint(c1, c2);
            }
        }
        return c1;
    }

    public int codePointBefore(int index) {
        int i = index - 1;
        if (i < 0 || i >= count) {
            throw new StringIndexOutOfBoundsException(index);
        }
        char[] v = value;
        char c2 = v[i];
        if (Character.isLowSurrogate(c2) && i > 0) {
            char c1 = v[i - 1];
            if (Character.isHighSurrogate(c1)) {
                return Character.toCodePoint(c1, c2);
            }
        }
        return c2;
    }

    public int codePointCount(int beginIndex, int endIndex) {
        if (beginIndex < 0 || endIndex > count || beginIndex > endIndex) {
            throw new IndexOutOfBoundsException();
        }
        char[] v = value;
        int n = endIndex - beginIndex;
        for (int i = beginIndex; i < endIndex - 1; i++) {
            if (Character.isHighSurrogate(v[i]) && Character.isLowSurrogate(v[i + 1])) {
                n--;
                i++;
            }
        }
        return n;
    }

    public int offsetByCodePoints(int index, int codePointOffset) {
        if (index < 0 || index > count) {
            throw new IndexOutOfBoundsException();
        }
        char[] v = value;
        int x = index;
        if (codePointOffset >= 0) {
            int limit = count;
            int i = 0;
            for (; x < limit && i < codePointOffset; i++) {
                if (Character.isHighSurrogate(v[x++]) && x < limit && Character.isLowSurrogate(v[x])) {
                    x++;
                }
            }
            if (i < codePointOffset) {
                throw new IndexOutOfBoundsException();
            }
        } else {
            int i = codePointOffset;
            for (; x > 0 && i < 0; i++) {
                if (Character.isLowSurrogate(v[--x]) && x > 0 && Character.isHighSurrogate(v[x - 1])) {
                    x--;
                }
            }
            if (i < 0) {
                throw new IndexOutOfBoundsException();
            }
        }
        return x;
    }

    public void getChars(int srcBegin, int srcEnd, char[] dst, int dstBegin) {
        checkRangeSIOOBE(srcBegin, srcEnd, count);
        int n = srcEnd - srcBegin;
        checkRange(dstBegin, dstBegin + n, dst.length);
        System.arraycopy(value, srcBegin, dst, dstBegin, n);
    }

    public void setCharAt(int index, char ch) {
        if (index < 0 || index >= count) {
            throw indexException(index, count);
        }
        value[index] = ch;
    }

    // ---------------------------------------------------------------- append

    public AbstractStringBuilder append(Object obj) {
        return appendStr(obj == null ? "null" : obj.toString());
    }

    public AbstractStringBuilder append(String str) {
        return appendStr(str);
    }

    public AbstractStringBuilder append(StringBuffer sb) {
        return appendAsb(sb);
    }

    @Override
    public AbstractStringBuilder append(CharSequence s) {
        return appendCs(s);
    }

    @Override
    public AbstractStringBuilder append(CharSequence s, int start, int end) {
        if (s == null) {
            s = "null";
        }
        checkRange(start, end, s.length());
        int len = end - start;
        int c = count;
        ensureCapacityInternal(c + len);
        if (s instanceof String) {
            ((String) s).getChars(start, end, value, c);
        } else if (s instanceof AbstractStringBuilder) {
            System.arraycopy(((AbstractStringBuilder) s).value, start, value, c, len);
        } else {
            char[] v = value;
            for (int i = start; i < end; i++) {
                v[c++] = s.charAt(i);
            }
        }
        count += len;
        return this;
    }

    public AbstractStringBuilder append(char[] str) {
        int len = str.length;
        ensureCapacityInternal(count + len);
        System.arraycopy(str, 0, value, count, len);
        count += len;
        return this;
    }

    public AbstractStringBuilder append(char[] str, int offset, int len) {
        int end = offset + len;
        checkRange(offset, end, str.length);
        ensureCapacityInternal(count + len);
        System.arraycopy(str, offset, value, count, len);
        count += len;
        return this;
    }

    public AbstractStringBuilder append(boolean b) {
        return appendChars(b ? TRUE_CHARS : FALSE_CHARS);
    }

    @Override
    public AbstractStringBuilder append(char c) {
        int n = count;
        if (n >= value.length) {
            ensureCapacityInternal(n + 1);
        }
        value[n] = c;
        count = n + 1;
        return this;
    }

    public AbstractStringBuilder append(int i) {
        return appendStr(Integer.toString(i));
    }

    public AbstractStringBuilder append(long l) {
        return appendStr(Long.toString(l));
    }

    public AbstractStringBuilder append(float f) {
        return appendStr(Float.toString(f));
    }

    public AbstractStringBuilder append(double d) {
        return appendStr(Double.toString(d));
    }

    public AbstractStringBuilder appendCodePoint(int codePoint) {
        if (Character.isBmpCodePoint(codePoint)) {
            return append((char) codePoint);
        }
        // Character.toChars throws the JDK's IllegalArgumentException for invalid code points.
        return append(Character.toChars(codePoint));
    }

    /** Appends a non-null-checked string ("null" for null), the hot path of all appends. */
    final AbstractStringBuilder appendStr(String str) {
        if (str == null) {
            return appendChars(NULL_CHARS);
        }
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

    final AbstractStringBuilder appendCs(CharSequence s) {
        if (s == null) {
            return appendChars(NULL_CHARS);
        }
        if (s instanceof String) {
            return appendStr((String) s);
        }
        if (s instanceof AbstractStringBuilder) {
            return appendAsb((AbstractStringBuilder) s);
        }
        return append(s, 0, s.length());
    }

    final AbstractStringBuilder appendAsb(AbstractStringBuilder asb) {
        if (asb == null) {
            return appendChars(NULL_CHARS);
        }
        int len = asb.length();
        ensureCapacityInternal(count + len);
        // Read asb.value after growing: asb may be this builder.
        System.arraycopy(asb.value, 0, value, count, len);
        count += len;
        return this;
    }

    private AbstractStringBuilder appendChars(char[] chars) {
        int len = chars.length;
        ensureCapacityInternal(count + len);
        System.arraycopy(chars, 0, value, count, len);
        count += len;
        return this;
    }

    // ---------------------------------------------------------------- removal / replacement

    public AbstractStringBuilder delete(int start, int end) {
        int n = count;
        if (end > n) {
            end = n;
        }
        checkRangeSIOOBE(start, end, n);
        int len = end - start;
        if (len > 0) {
            System.arraycopy(value, end, value, start, n - end);
            count = n - len;
        }
        return this;
    }

    public AbstractStringBuilder deleteCharAt(int index) {
        int n = count;
        if (index < 0 || index >= n) {
            throw indexException(index, n);
        }
        System.arraycopy(value, index + 1, value, index, n - index - 1);
        count = n - 1;
        return this;
    }

    public AbstractStringBuilder replace(int start, int end, String str) {
        int n = count;
        if (end > n) {
            end = n;
        }
        checkRangeSIOOBE(start, end, n);
        int len = str.length();
        int newCount = n + len - (end - start);
        ensureCapacityInternal(newCount);
        System.arraycopy(value, end, value, start + len, n - end);
        str.getChars(0, len, value, start);
        count = newCount;
        return this;
    }

    public String substring(int start) {
        return substring(start, count);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return substring(start, end);
    }

    public String substring(int start, int end) {
        checkRangeSIOOBE(start, end, count);
        return new String(value, start, end - start);
    }

    // ---------------------------------------------------------------- insert

    public AbstractStringBuilder insert(int index, char[] str, int offset, int len) {
        checkOffset(index, count);
        checkRangeSIOOBE(offset, offset + len, str.length);
        ensureCapacityInternal(count + len);
        shift(index, len);
        System.arraycopy(str, offset, value, index, len);
        count += len;
        return this;
    }

    public AbstractStringBuilder insert(int offset, Object obj) {
        return insert(offset, obj == null ? "null" : obj.toString());
    }

    public AbstractStringBuilder insert(int offset, String str) {
        checkOffset(offset, count);
        if (str == null) {
            str = "null";
        }
        int len = str.length();
        ensureCapacityInternal(count + len);
        shift(offset, len);
        str.getChars(0, len, value, offset);
        count += len;
        return this;
    }

    public AbstractStringBuilder insert(int offset, char[] str) {
        checkOffset(offset, count);
        int len = str.length;
        ensureCapacityInternal(count + len);
        shift(offset, len);
        System.arraycopy(str, 0, value, offset, len);
        count += len;
        return this;
    }

    public AbstractStringBuilder insert(int dstOffset, CharSequence s) {
        if (s == null) {
            s = "null";
        }
        if (s instanceof String) {
            return insert(dstOffset, (String) s);
        }
        return insert(dstOffset, s, 0, s.length());
    }

    public AbstractStringBuilder insert(int dstOffset, CharSequence s, int start, int end) {
        if (s == null) {
            s = "null";
        }
        checkOffset(dstOffset, count);
        checkRange(start, end, s.length());
        int len = end - start;
        ensureCapacityInternal(count + len);
        shift(dstOffset, len);
        count += len;
        if (s instanceof String) {
            ((String) s).getChars(start, end, value, dstOffset);
        } else {
            // Character by character after the shift, like the JDK (observable when s is this builder).
            char[] v = value;
            for (int i = start, j = dstOffset; i < end; i++, j++) {
                v[j] = s.charAt(i);
            }
        }
        return this;
    }

    public AbstractStringBuilder insert(int offset, boolean b) {
        return insert(offset, b ? "true" : "false");
    }

    public AbstractStringBuilder insert(int offset, char c) {
        checkOffset(offset, count);
        ensureCapacityInternal(count + 1);
        shift(offset, 1);
        value[offset] = c;
        count += 1;
        return this;
    }

    public AbstractStringBuilder insert(int offset, int i) {
        return insert(offset, Integer.toString(i));
    }

    public AbstractStringBuilder insert(int offset, long l) {
        return insert(offset, Long.toString(l));
    }

    public AbstractStringBuilder insert(int offset, float f) {
        return insert(offset, Float.toString(f));
    }

    public AbstractStringBuilder insert(int offset, double d) {
        return insert(offset, Double.toString(d));
    }

    /** Moves value[offset, count) right by n (capacity already ensured). */
    private void shift(int offset, int n) {
        System.arraycopy(value, offset, value, offset + n, count - offset);
    }

    // ---------------------------------------------------------------- search

    public int indexOf(String str) {
        return indexOf(str, 0);
    }

    public int indexOf(String str, int fromIndex) {
        char[] v = value;
        int n = count;
        int tlen = str.length();
        if (fromIndex < 0) {
            fromIndex = 0;
        }
        if (fromIndex >= n) {
            return tlen == 0 ? n : -1;
        }
        if (tlen == 0) {
            return fromIndex;
        }
        char first = str.charAt(0);
        int max = n - tlen;
        for (int i = fromIndex; i <= max; i++) {
            if (v[i] != first) {
                continue;
            }
            int j = 1;
            while (j < tlen && v[i + j] == str.charAt(j)) {
                j++;
            }
            if (j == tlen) {
                return i;
            }
        }
        return -1;
    }

    public int lastIndexOf(String str) {
        return lastIndexOf(str, count);
    }

    public int lastIndexOf(String str, int fromIndex) {
        char[] v = value;
        int tlen = str.length();
        int rightmost = count - tlen;
        if (fromIndex > rightmost) {
            fromIndex = rightmost;
        }
        if (fromIndex < 0) {
            return -1;
        }
        if (tlen == 0) {
            return fromIndex;
        }
        char first = str.charAt(0);
        for (int i = fromIndex; i >= 0; i--) {
            if (v[i] != first) {
                continue;
            }
            int j = 1;
            while (j < tlen && v[i + j] == str.charAt(j)) {
                j++;
            }
            if (j == tlen) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- misc

    public AbstractStringBuilder reverse() {
        char[] v = value;
        int n = count;
        boolean surrogates = false;
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            char a = v[i];
            char b = v[j];
            v[i] = b;
            v[j] = a;
            if (Character.isSurrogate(a) || Character.isSurrogate(b)) {
                surrogates = true;
            }
        }
        if (n > 0 && (n & 1) == 1 && Character.isSurrogate(v[n >> 1])) {
            surrogates = true;
        }
        if (surrogates) {
            // Valid pairs were reversed to (low, high); put them back in (high, low) order.
            for (int i = 0; i < n - 1; i++) {
                char lo = v[i];
                if (Character.isLowSurrogate(lo)) {
                    char hi = v[i + 1];
                    if (Character.isHighSurrogate(hi)) {
                        v[i] = hi;
                        v[i + 1] = lo;
                        i++;
                    }
                }
            }
        }
        return this;
    }

    /** Lexicographic comparison of the char contents (JDK: first char difference, else length difference). */
    int compareTo(AbstractStringBuilder another) {
        if (this == another) {
            return 0;
        }
        char[] v1 = value;
        char[] v2 = another.value;
        int n1 = count;
        int n2 = another.count;
        int lim = n1 < n2 ? n1 : n2;
        for (int i = 0; i < lim; i++) {
            char c1 = v1[i];
            char c2 = v2[i];
            if (c1 != c2) {
                return c1 - c2;
            }
        }
        return n1 - n2;
    }

    @Override
    public abstract String toString();

    // ---------------------------------------------------------------- checks (JDK 17 messages)

    static StringIndexOutOfBoundsException indexException(int index, int length) {
        return new StringIndexOutOfBoundsException(new StringBuilder("index ").append(index)
                .append(", length ").append(length).toString());
    }

    static void checkOffset(int offset, int length) {
        if (offset < 0 || offset > length) {
            throw new StringIndexOutOfBoundsException(new StringBuilder("offset ").append(offset)
                    .append(", length ").append(length).toString());
        }
    }

    static void checkRangeSIOOBE(int start, int end, int length) {
        if (start < 0 || start > end || end > length) {
            throw new StringIndexOutOfBoundsException(rangeMessage(start, end, length));
        }
    }

    static void checkRange(int start, int end, int length) {
        if (start < 0 || start > end || end > length) {
            throw new IndexOutOfBoundsException(rangeMessage(start, end, length));
        }
    }

    private static String rangeMessage(int start, int end, int length) {
        return new StringBuilder("start ").append(start).append(", end ").append(end)
                .append(", length ").append(length).toString();
    }

    private static String msg(String prefix, int n) {
        return new StringBuilder(prefix).append(n).toString();
    }
}
