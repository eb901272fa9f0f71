package org.cometsim.guestlib.java.util;

import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Guest-side {@code java.util.EnumMap}: values in an {@code Object[]} indexed by key ordinal, a
 * private sentinel standing for a null value, views in ordinal order with the JDK 17's weakly
 * consistent (never fail-fast) iterators, results and exception messages.
 * Deviations: fields are not transient (no writeObject), so the serial form is not the JDK's;
 * toString, forEach and getOrDefault read the slots directly where the JDK goes through the
 * overridable entrySet()/get()/containsKey(), which only a subclass overriding those could notice.
 */
public class EnumMap<K extends Enum<K>, V> extends AbstractMap<K, V> implements java.io.Serializable, Cloneable {
    private static final long serialVersionUID = 458661240069192865L;

    /** Stored in {@link #vals} for a key mapped to null (a null slot means "no mapping"). */
    static final Object NULL = new NullValue();

    /** The enum class of the keys (never a constant-specific class body). */
    final Class<K> keyType;
    /** All constants of {@link #keyType} by ordinal; shared by copies, never modified. */
    final K[] keyUniverse;
    /** Value (or {@link #NULL}) of each key by ordinal; null where the key is absent. */
    Object[] vals;
    int size;
    transient Set<Map.Entry<K, V>> entrySet;

    /** The null-value sentinel: hash code 0, like the JDK's, so entry hash codes agree. */
    static final class NullValue implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return "java.util.EnumMap.NULL";
        }
    }

    static Object maskNull(Object value) {
        return value == null ? NULL : value;
    }

    @SuppressWarnings("unchecked")
    static <V> V unmaskNull(Object value) {
        return value == NULL ? null : (V) value;
    }

    public EnumMap(Class<K> keyType) {
        this.keyType = keyType;
        keyUniverse = keyType.getEnumConstants();
        vals = new Object[keyUniverse.length];
    }

    public EnumMap(EnumMap<K, ? extends V> m) {
        keyType = m.keyType;
        keyUniverse = m.keyUniverse;
        vals = m.vals.clone();
        size = m.size;
    }

    public EnumMap(Map<K, ? extends V> m) {
        if (m instanceof EnumMap) {
            EnumMap<K, ? extends V> em = (EnumMap<K, ? extends V>) m;
            keyType = em.keyType;
            keyUniverse = em.keyUniverse;
            vals = em.vals.clone();
            size = em.size;
        } else {
            if (m.isEmpty()) {
                throw new IllegalArgumentException("Specified map is empty");
            }
            keyType = m.keySet().iterator().next().getDeclaringClass();
            keyUniverse = keyType.getEnumConstants();
            vals = new Object[keyUniverse.length];
            putAll(m);
        }
    }

    // ---------------------------------------------------------------- queries

    @Override
    public int size() {
        return size;
    }

    /** Asks {@code value.equals(slot)} for every slot, empty ones included, like the JDK. */
    @Override
    public boolean containsValue(Object value) {
        Object v = maskNull(value);
        Object[] vs = vals;
        for (int i = 0; i < vs.length; i++) {
            if (v.equals(vs[i])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean containsKey(Object key) {
        if (!(key instanceof Enum)) {
            return false;
        }
        Enum<?> k = (Enum<?>) key;
        return k.getDeclaringClass() == keyType && vals[k.ordinal()] != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (!(key instanceof Enum)) {
            return null;
        }
        Enum<?> k = (Enum<?>) key;
        if (k.getDeclaringClass() != keyType) {
            return null;
        }
        Object v = vals[k.ordinal()];
        return v == NULL ? null : (V) v;
    }

    /** Same result as the Map default: the value if the key is mapped (even to null), else the default. */
    @Override
    @SuppressWarnings("unchecked")
    public V getOrDefault(Object key, V defaultValue) {
        if (!(key instanceof Enum)) {
            return defaultValue;
        }
        Enum<?> k = (Enum<?>) key;
        if (k.getDeclaringClass() != keyType) {
            return defaultValue;
        }
        Object v = vals[k.ordinal()];
        if (v == null) {
            return defaultValue;
        }
        return v == NULL ? null : (V) v;
    }

    /** Whether {@code key} is a constant of the key type (null and foreign objects are not). */
    boolean isValidKey(Object key) {
        return key instanceof Enum && ((Enum<?>) key).getDeclaringClass() == keyType;
    }

    // ---------------------------------------------------------------- updates

    /**
     * ClassCastException "class X != class Y" (X the key's runtime class) for a key of another enum
     * type, NullPointerException for null, as the JDK. getDeclaringClass() is equivalent to the JDK's
     * "class or superclass is keyType" test because keyType is always a real enum class.
     */
    final void typeCheck(K key) {
        if (key.getDeclaringClass() != keyType) {
            throw new ClassCastException(String.valueOf(key.getClass()).concat(" != ").concat(String.valueOf(keyType)));
        }
    }

    @Override
    public V put(K key, V value) {
        typeCheck(key);
        int i = key.ordinal();
        Object[] vs = vals;
        Object old = vs[i];
        vs[i] = value == null ? NULL : value;
        if (old == null) {
            size++;
        }
        return unmaskNull(old);
    }

    /** Same as the Map default (get, then put while the current value is null or absent). */
    @Override
    public V putIfAbsent(K key, V value) {
        if (isValidKey(key)) {
            Object old = vals[key.ordinal()];
            if (old != null && old != NULL) {
                return unmaskNull(old);
            }
        }
        return put(key, value);
    }

    @Override
    public V remove(Object key) {
        if (!(key instanceof Enum)) {
            return null;
        }
        Enum<?> k = (Enum<?>) key;
        if (k.getDeclaringClass() != keyType) {
            return null;
        }
        int i = k.ordinal();
        Object[] vs = vals;
        Object old = vs[i];
        if (old != null) {
            vs[i] = null;
            size--;
        }
        return unmaskNull(old);
    }

    boolean containsMapping(Object key, Object value) {
        return isValidKey(key) && maskNull(value).equals(vals[((Enum<?>) key).ordinal()]);
    }

    boolean removeMapping(Object key, Object value) {
        if (!isValidKey(key)) {
            return false;
        }
        int i = ((Enum<?>) key).ordinal();
        if (maskNull(value).equals(vals[i])) {
            vals[i] = null;
            size--;
            return true;
        }
        return false;
    }

    /**
     * From another EnumMap: copies its slots directly (ClassCastException "class X != class Y"
     * naming both key types if it is a non-empty map of another key type); otherwise entry by entry.
     */
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        if (!(m instanceof EnumMap)) {
            super.putAll(m);
            return;
        }
        EnumMap<?, ?> em = (EnumMap<?, ?>) m;
        if (em.keyType != keyType) {
            if (em.isEmpty()) {
                return;
            }
            throw new ClassCastException(String.valueOf(em.keyType).concat(" != ").concat(String.valueOf(keyType)));
        }
        Object[] vs = vals;
        Object[] theirs = em.vals;
        int n = size;
        for (int i = 0; i < vs.length; i++) {
            Object v = theirs[i];
            if (v != null) {
                if (vs[i] == null) {
                    n++;
                }
                vs[i] = v;
            }
        }
        size = n;
    }

    @Override
    public void clear() {
        Arrays.fill(vals, null);
        size = 0;
    }

    /** Ordinal order; sees every change made by the action to keys not yet visited (like the default). */
    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        Object[] vs = vals;
        K[] ks = keyUniverse;
        for (int i = 0; i < vs.length; i++) {
            Object v = vs[i];
            if (v != null) {
                action.accept(ks[i], unmaskNull(v));
            }
        }
    }

    // ---------------------------------------------------------------- views

    @Override
    public Set<K> keySet() {
        Set<K> ks = keySet;
        if (ks == null) {
            ks = new KeySet();
            keySet = ks;
        }
        return ks;
    }

    @Override
    public Collection<V> values() {
        Collection<V> vs = values;
        if (vs == null) {
            vs = new Values();
            values = vs;
        }
        return vs;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        Set<Map.Entry<K, V>> es = entrySet;
        if (es == null) {
            es = new EntrySet();
            entrySet = es;
        }
        return es;
    }

    final class KeySet extends AbstractSet<K> {
        KeySet() {
        }

        @Override
        public Iterator<K> iterator() {
            return new KeyIterator();
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return containsKey(o);
        }

        @Override
        public boolean remove(Object o) {
            int oldSize = size;
            EnumMap.this.remove(o);
            return size != oldSize;
        }

        @Override
        public void clear() {
            EnumMap.this.clear();
        }
    }

    final class Values extends AbstractCollection<V> {
        Values() {
        }

        @Override
        public Iterator<V> iterator() {
            return new ValueIterator();
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean contains(Object o) {
            return containsValue(o);
        }

        /** Removes the first (lowest ordinal) mapping to the value. */
        @Override
        public boolean remove(Object o) {
            Object v = maskNull(o);
            Object[] vs = vals;
            for (int i = 0; i < vs.length; i++) {
                if (v.equals(vs[i])) {
                    vs[i] = null;
                    size--;
                    return true;
                }
            }
            return false;
        }

        @Override
        public void clear() {
            EnumMap.this.clear();
        }
    }

    final class EntrySet extends AbstractSet<Map.Entry<K, V>> {
        EntrySet() {
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() {
            return new EntryIterator();
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return containsMapping(e.getKey(), e.getValue());
        }

        @Override
        public boolean remove(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return removeMapping(e.getKey(), e.getValue());
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void clear() {
            EnumMap.this.clear();
        }

        /** Detached SimpleEntry copies, like the JDK. */
        @Override
        public Object[] toArray() {
            return fillEntryArray(new Object[size]);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T[] toArray(T[] a) {
            int n = size;
            if (a.length < n) {
                // a fresh array of a's component type; every slot is overwritten below
                a = Arrays.copyOf(a, n);
            }
            if (a.length > n) {
                a[n] = null;
            }
            return (T[]) fillEntryArray(a);
        }

        private Object[] fillEntryArray(Object[] a) {
            Object[] vs = vals;
            K[] ks = keyUniverse;
            int j = 0;
            for (int i = 0; i < vs.length; i++) {
                Object v = vs[i];
                if (v != null) {
                    a[j++] = new SimpleEntry<K, V>(ks[i], EnumMap.<V>unmaskNull(v));
                }
            }
            return a;
        }
    }

    /**
     * Weakly consistent, like the JDK's: hasNext() skips to the next present key at the time of the
     * call; never throws ConcurrentModificationException.
     */
    abstract class EnumMapIterator<T> implements Iterator<T> {
        /** Next slot to look at. */
        int index;
        /** Slot of the last element returned, -1 when remove() is not allowed. */
        int lastReturnedIndex = -1;

        EnumMapIterator() {
        }

        @Override
        public boolean hasNext() {
            Object[] vs = vals;
            int i = index;
            while (i < vs.length && vs[i] == null) {
                i++;
            }
            index = i;
            return i != vs.length;
        }

        /** Removes the mapping at the last returned slot unless it is already gone. */
        @Override
        public void remove() {
            int i = lastReturnedIndex;
            if (i < 0) {
                throw new IllegalStateException();
            }
            Object[] vs = vals;
            if (vs[i] != null) {
                vs[i] = null;
                size--;
            }
            lastReturnedIndex = -1;
        }
    }

    final class KeyIterator extends EnumMapIterator<K> {
        KeyIterator() {
        }

        @Override
        public K next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int i = index;
            lastReturnedIndex = i;
            index = i + 1;
            return keyUniverse[i];
        }
    }

    final class ValueIterator extends EnumMapIterator<V> {
        ValueIterator() {
        }

        @Override
        @SuppressWarnings("unchecked")
        public V next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int i = index;
            lastReturnedIndex = i;
            index = i + 1;
            Object v = vals[i];
            return v == NULL ? null : (V) v;
        }
    }

    final class EntryIterator extends EnumMapIterator<Map.Entry<K, V>> {
        Entry lastReturnedEntry;

        EntryIterator() {
        }

        @Override
        public Map.Entry<K, V> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int i = index;
            index = i + 1;
            Entry e = new Entry(i);
            lastReturnedEntry = e;
            return e;
        }

        /** Also invalidates the entry: using it afterwards throws IllegalStateException("Entry was removed"). */
        @Override
        public void remove() {
            Entry e = lastReturnedEntry;
            lastReturnedIndex = e == null ? -1 : e.index;
            super.remove();
            e.index = -1;
            lastReturnedEntry = null;
        }

        /**
         * A live view of one slot, as the JDK's: it reads and writes the slot, even after the key
         * was removed from the map by other means (a setValue then stores a value without counting
         * it in size(), exactly like the JDK).
         */
        final class Entry implements Map.Entry<K, V> {
            /** The slot, -1 once removed through the iterator. */
            int index;

            Entry(int index) {
                this.index = index;
            }

            @Override
            public K getKey() {
                checkIndexForEntryUse();
                return keyUniverse[index];
            }

            @Override
            public V getValue() {
                checkIndexForEntryUse();
                return unmaskNull(vals[index]);
            }

            @Override
            public V setValue(V value) {
                checkIndexForEntryUse();
                Object[] vs = vals;
                V old = unmaskNull(vs[index]);
                vs[index] = maskNull(value);
                return old;
            }

            @Override
            public boolean equals(Object o) {
                if (index < 0) {
                    return o == this;
                }
                if (!(o instanceof Map.Entry)) {
                    return false;
                }
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
                V ourValue = unmaskNull(vals[index]);
                Object hisValue = e.getValue();
                return e.getKey() == keyUniverse[index]
                        && (ourValue == hisValue || (ourValue != null && ourValue.equals(hisValue)));
            }

            /** Throws NullPointerException if the slot was emptied by other means, like the JDK. */
            @Override
            public int hashCode() {
                if (index < 0) {
                    return super.hashCode();
                }
                return keyUniverse[index].hashCode() ^ vals[index].hashCode();
            }

            @Override
            public String toString() {
                if (index < 0) {
                    return super.toString();
                }
                return entryToString(keyUniverse[index], unmaskNull(vals[index]));
            }

            private void checkIndexForEntryUse() {
                if (index < 0) {
                    throw new IllegalStateException("Entry was removed");
                }
            }
        }
    }

    // ---------------------------------------------------------------- Object

    /**
     * Against another EnumMap: slot by slot (two empty maps of different key types are equal);
     * otherwise by lookups in {@code o}, whose exceptions propagate (the JDK does not catch them).
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o instanceof EnumMap) {
            return equals((EnumMap<?, ?>) o);
        }
        if (!(o instanceof Map)) {
            return false;
        }
        Map<?, ?> m = (Map<?, ?>) o;
        if (size != m.size()) {
            return false;
        }
        Object[] vs = vals;
        K[] ks = keyUniverse;
        for (int i = 0; i < vs.length; i++) {
            Object v = vs[i];
            if (v != null) {
                K key = ks[i];
                if (v == NULL) {
                    if (!(m.get(key) == null && m.containsKey(key))) {
                        return false;
                    }
                } else if (!v.equals(m.get(key))) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean equals(EnumMap<?, ?> em) {
        if (em.size != size) {
            return false;
        }
        if (em.keyType != keyType) {
            return size == 0;
        }
        Object[] vs = vals;
        Object[] theirs = em.vals;
        for (int i = 0; i < vs.length; i++) {
            Object ours = vs[i];
            Object his = theirs[i];
            if (his != ours && (his == null || !his.equals(ours))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        Object[] vs = vals;
        K[] ks = keyUniverse;
        int h = 0;
        for (int i = 0; i < vs.length; i++) {
            Object v = vs[i];
            if (v != null) {
                h += ks[i].hashCode() ^ v.hashCode();
            }
        }
        return h;
    }

    /** "{A=1, B=2}" in ordinal order; a value that is this map prints as "(this Map)". */
    @Override
    public String toString() {
        Object[] vs = vals;
        K[] ks = keyUniverse;
        org.cometsim.guestlib.java.lang.StringBuilder sb = null;
        for (int i = 0; i < vs.length; i++) {
            Object v = vs[i];
            if (v != null) {
                if (sb == null) {
                    sb = new org.cometsim.guestlib.java.lang.StringBuilder();
                    sb.append('{');
                } else {
                    sb.append(',').append(' ');
                }
                sb.append(String.valueOf(ks[i])).append('=');
                if (v == this) {
                    sb.append("(this Map)");
                } else {
                    sb.append(v == NULL ? "null" : String.valueOf(v));
                }
            }
        }
        return sb == null ? "{}" : sb.append('}').toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    public EnumMap<K, V> clone() {
        EnumMap<K, V> result;
        try {
            result = (EnumMap<K, V>) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
        result.vals = result.vals.clone();
        result.entrySet = null;
        return result;
    }
}
