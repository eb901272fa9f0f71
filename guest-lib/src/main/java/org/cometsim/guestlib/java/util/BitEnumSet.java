package org.cometsim.guestlib.java.util;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one concrete {@link EnumSet}: a {@code long[]} bit vector indexed by ordinal (bit
 * {@code o & 63} of word {@code o >>> 6}) plus a size counter, for any number of constants. It
 * behaves like the JDK's RegularEnumSet for up to 64 constants and like JumboEnumSet above,
 * including their iterators, which snapshot one word at a time (the only word, for small enums).
 */
final class BitEnumSet<E extends Enum<E>> extends EnumSet<E> {
    private static final long serialVersionUID = 3411599620347842686L;

    /** The bit vector; at least one word, so an enum without constants needs no special case. */
    long[] elements;
    int size;

    BitEnumSet(Class<E> elementType, Enum<?>[] universe) {
        super(elementType, universe);
        int words = (universe.length + 63) >>> 6;
        elements = new long[words == 0 ? 1 : words];
    }

    /**
     * Whether the JDK would represent this set by a JumboEnumSet: its bulk-operation fast paths only
     * apply between two sets of the same JDK class, which matters for one exception message.
     */
    boolean jumbo() {
        return universe.length > 64;
    }

    @Override
    void addRange(E from, E to) {
        int lo = from.ordinal();
        int hi = to.ordinal();
        int loWord = lo >>> 6;
        int hiWord = hi >>> 6;
        long[] es = elements;
        if (loWord == hiWord) {
            es[loWord] = (-1L >>> (lo - hi - 1)) << lo;
        } else {
            es[loWord] = -1L << lo;
            for (int i = loWord + 1; i < hiWord; i++) {
                es[i] = -1L;
            }
            es[hiWord] = -1L >>> (63 - hi);
        }
        size = hi - lo + 1;
    }

    @Override
    void addAll() {
        int n = universe.length;
        if (n != 0) {
            long[] es = elements;
            int last = es.length - 1;
            for (int i = 0; i < last; i++) {
                es[i] = -1L;
            }
            es[last] = -1L >>> -n;
            size = n;
        }
    }

    @Override
    void complement() {
        int n = universe.length;
        if (n != 0) {
            long[] es = elements;
            int last = es.length - 1;
            for (int i = 0; i < last; i++) {
                es[i] = ~es[i];
            }
            es[last] = ~es[last] & (-1L >>> -n);
            size = n - size;
        }
    }

    @Override
    public Iterator<E> iterator() {
        return new EnumSetIterator();
    }

    /**
     * Like the JDK's: the word being walked is a snapshot taken when the iterator reaches it (word 0
     * at creation), so changes to that word after it was read are not seen; remove() clears the bit
     * of the last element returned.
     */
    final class EnumSetIterator implements Iterator<E> {
        int unseenIndex;
        long unseen;
        int lastReturnedIndex;
        long lastReturned;

        EnumSetIterator() {
            unseen = elements[0];
        }

        @Override
        public boolean hasNext() {
            if (unseen != 0) {
                return true;
            }
            long[] es = elements;
            int last = es.length - 1;
            int i = unseenIndex;
            if (i >= last) {
                return false;
            }
            long u = 0;
            while (u == 0 && i < last) {
                u = es[++i];
            }
            unseenIndex = i;
            unseen = u;
            return u != 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            long u = unseen;
            long bit = u & -u;
            lastReturned = bit;
            lastReturnedIndex = unseenIndex;
            unseen = u - bit;
            return (E) universe[(unseenIndex << 6) + Long.numberOfTrailingZeros(bit)];
        }

        @Override
        public void remove() {
            long bit = lastReturned;
            if (bit == 0) {
                throw new IllegalStateException();
            }
            long[] es = elements;
            long w = es[lastReturnedIndex];
            if ((w & bit) != 0) {
                es[lastReturnedIndex] = w & ~bit;
                size--;
            }
            lastReturned = 0;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public boolean contains(Object o) {
        if (!(o instanceof Enum)) {
            return false;
        }
        Enum<?> e = (Enum<?>) o;
        if (e.getDeclaringClass() != elementType) {
            return false;
        }
        int ord = e.ordinal();
        return (elements[ord >>> 6] & (1L << ord)) != 0;
    }

    @Override
    public boolean add(E e) {
        typeCheck(e);
        int ord = e.ordinal();
        long[] es = elements;
        int i = ord >>> 6;
        long w = es[i];
        long bit = 1L << ord;
        if ((w & bit) != 0) {
            return false;
        }
        es[i] = w | bit;
        size++;
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof Enum)) {
            return false;
        }
        Enum<?> e = (Enum<?>) o;
        if (e.getDeclaringClass() != elementType) {
            return false;
        }
        int ord = e.ordinal();
        long[] es = elements;
        int i = ord >>> 6;
        long w = es[i];
        long bit = 1L << ord;
        if ((w & bit) == 0) {
            return false;
        }
        es[i] = w & ~bit;
        size--;
        return true;
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        if (!(c instanceof BitEnumSet)) {
            return super.containsAll(c);
        }
        BitEnumSet<?> other = (BitEnumSet<?>) c;
        if (other.elementType != elementType) {
            return other.isEmpty();
        }
        long[] es = elements;
        long[] os = other.elements;
        for (int i = 0; i < es.length; i++) {
            if ((os[i] & ~es[i]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean addAll(Collection<? extends E> c) {
        if (!(c instanceof BitEnumSet)) {
            return super.addAll(c);
        }
        BitEnumSet<?> other = (BitEnumSet<?>) c;
        if (other.elementType != elementType) {
            if (other.isEmpty()) {
                return false;
            }
            if (other.jumbo() != jumbo()) {
                // the JDK adds element by element here: the message names the first element's class
                typeCheck((E) other.iterator().next());
            }
            throw new ClassCastException(
                    String.valueOf(other.elementType).concat(" != ").concat(String.valueOf(elementType)));
        }
        long[] es = elements;
        long[] os = other.elements;
        int added = 0;
        for (int i = 0; i < es.length; i++) {
            long w = es[i];
            long nw = w | os[i];
            if (nw != w) {
                es[i] = nw;
                added += Long.bitCount(nw ^ w);
            }
        }
        size += added;
        return added != 0;
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        if (!(c instanceof BitEnumSet)) {
            return super.removeAll(c);
        }
        BitEnumSet<?> other = (BitEnumSet<?>) c;
        if (other.elementType != elementType) {
            return false;
        }
        long[] es = elements;
        long[] os = other.elements;
        int removed = 0;
        for (int i = 0; i < es.length; i++) {
            long w = es[i];
            long nw = w & ~os[i];
            if (nw != w) {
                es[i] = nw;
                removed += Long.bitCount(nw ^ w);
            }
        }
        size -= removed;
        return removed != 0;
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        if (!(c instanceof BitEnumSet)) {
            return super.retainAll(c);
        }
        BitEnumSet<?> other = (BitEnumSet<?>) c;
        if (other.elementType != elementType) {
            boolean changed = size != 0;
            clear();
            return changed;
        }
        long[] es = elements;
        long[] os = other.elements;
        int removed = 0;
        for (int i = 0; i < es.length; i++) {
            long w = es[i];
            long nw = w & os[i];
            if (nw != w) {
                es[i] = nw;
                removed += Long.bitCount(nw ^ w);
            }
        }
        size -= removed;
        return removed != 0;
    }

    @Override
    public void clear() {
        Arrays.fill(elements, 0L);
        size = 0;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BitEnumSet)) {
            return super.equals(o);
        }
        BitEnumSet<?> other = (BitEnumSet<?>) o;
        if (other.elementType != elementType) {
            return size == 0 && other.size == 0;
        }
        return Arrays.equals(elements, other.elements);
    }

    @Override
    public int hashCode() {
        long[] es = elements;
        Enum<?>[] u = universe;
        int h = 0;
        for (int i = 0; i < es.length; i++) {
            long w = es[i];
            int base = i << 6;
            while (w != 0) {
                long bit = w & -w;
                w -= bit;
                h += u[base + Long.numberOfTrailingZeros(bit)].hashCode();
            }
        }
        return h;
    }

    @Override
    public Object[] toArray() {
        Object[] r = new Object[size];
        long[] es = elements;
        Enum<?>[] u = universe;
        int j = 0;
        for (int i = 0; i < es.length; i++) {
            long w = es[i];
            int base = i << 6;
            while (w != 0) {
                long bit = w & -w;
                w -= bit;
                r[j++] = u[base + Long.numberOfTrailingZeros(bit)];
            }
        }
        return r;
    }

    /** Same visiting order and snapshot points as iterating with {@link EnumSetIterator}. */
    @Override
    @SuppressWarnings("unchecked")
    public void forEach(Consumer<? super E> action) {
        Objects.requireNonNull(action);
        long[] es = elements;
        Enum<?>[] u = universe;
        for (int i = 0; i < es.length; i++) {
            long w = es[i];
            int base = i << 6;
            while (w != 0) {
                long bit = w & -w;
                w -= bit;
                action.accept((E) u[base + Long.numberOfTrailingZeros(bit)]);
            }
        }
    }

    @Override
    public String toString() {
        if (size == 0) {
            return "[]";
        }
        org.cometsim.guestlib.java.lang.StringBuilder sb = new org.cometsim.guestlib.java.lang.StringBuilder();
        sb.append('[');
        long[] es = elements;
        Enum<?>[] u = universe;
        boolean first = true;
        for (int i = 0; i < es.length; i++) {
            long w = es[i];
            int base = i << 6;
            while (w != 0) {
                long bit = w & -w;
                w -= bit;
                if (!first) {
                    sb.append(',').append(' ');
                }
                first = false;
                sb.append(String.valueOf(u[base + Long.numberOfTrailingZeros(bit)]));
            }
        }
        return sb.append(']').toString();
    }

    @Override
    public EnumSet<E> clone() {
        BitEnumSet<E> result = (BitEnumSet<E>) super.clone();
        result.elements = elements.clone();
        return result;
    }
}
