package org.cometsim.guestlib.java.util;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Guest-side skeletal {@code java.util.AbstractMap}: every operation is expressed through
 * {@link #entrySet()}, with JDK 17 {@code equals}/{@code hashCode}/{@code toString}, and the
 * {@link SimpleEntry}/{@link SimpleImmutableEntry} entry classes.
 */
public abstract class AbstractMap<K, V> implements Map<K, V> {

    /** Cached key view; package-private so HashMap/TreeMap can cache their own view here (like the JDK). */
    transient Set<K> keySet;
    /** Cached values view (see {@link #keySet}). */
    transient Collection<V> values;

    protected AbstractMap() {
    }

    @Override
    public int size() {
        return entrySet().size();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public boolean containsValue(Object value) {
        Iterator<Map.Entry<K, V>> it = entrySet().iterator();
        if (value == null) {
            while (it.hasNext()) {
                if (it.next().getValue() == null) {
                    return true;
                }
            }
        } else {
            while (it.hasNext()) {
                if (value.equals(it.next().getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean containsKey(Object key) {
        Iterator<Map.Entry<K, V>> it = entrySet().iterator();
        if (key == null) {
            while (it.hasNext()) {
                if (it.next().getKey() == null) {
                    return true;
                }
            }
        } else {
            while (it.hasNext()) {
                if (key.equals(it.next().getKey())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public V get(Object key) {
        Iterator<Map.Entry<K, V>> it = entrySet().iterator();
        if (key == null) {
            while (it.hasNext()) {
                Map.Entry<K, V> e = it.next();
                if (e.getKey() == null) {
                    return e.getValue();
                }
            }
        } else {
            while (it.hasNext()) {
                Map.Entry<K, V> e = it.next();
                if (key.equals(e.getKey())) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    @Override
    public V put(K key, V value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public V remove(Object key) {
        Iterator<Map.Entry<K, V>> it = entrySet().iterator();
        Map.Entry<K, V> found = null;
        if (key == null) {
            while (found == null && it.hasNext()) {
                Map.Entry<K, V> e = it.next();
                if (e.getKey() == null) {
                    found = e;
                }
            }
        } else {
            while (found == null && it.hasNext()) {
                Map.Entry<K, V> e = it.next();
                if (key.equals(e.getKey())) {
                    found = e;
                }
            }
        }
        V old = null;
        if (found != null) {
            old = found.getValue();
            it.remove();
        }
        return old;
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        for (Iterator<? extends Map.Entry<? extends K, ? extends V>> it = m.entrySet().iterator(); it.hasNext();) {
            Map.Entry<? extends K, ? extends V> e = it.next();
            put(e.getKey(), e.getValue());
        }
    }

    @Override
    public void clear() {
        entrySet().clear();
    }

    @Override
    public Set<K> keySet() {
        Set<K> ks = keySet;
        if (ks == null) {
            ks = new KeyView();
            keySet = ks;
        }
        return ks;
    }

    @Override
    public Collection<V> values() {
        Collection<V> vs = values;
        if (vs == null) {
            vs = new ValueView();
            values = vs;
        }
        return vs;
    }

    @Override
    public abstract Set<Map.Entry<K, V>> entrySet();

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Map)) {
            return false;
        }
        Map<?, ?> m = (Map<?, ?>) o;
        if (m.size() != size()) {
            return false;
        }
        try {
            for (Iterator<Map.Entry<K, V>> it = entrySet().iterator(); it.hasNext();) {
                Map.Entry<K, V> e = it.next();
                K key = e.getKey();
                V value = e.getValue();
                if (value == null) {
                    if (!(m.get(key) == null && m.containsKey(key))) {
                        return false;
                    }
                } else if (!value.equals(m.get(key))) {
                    return false;
                }
            }
        } catch (ClassCastException | NullPointerException unused) {
            // the other map rejects one of our keys: not equal (JDK contract)
            return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Iterator<Map.Entry<K, V>> it = entrySet().iterator(); it.hasNext();) {
            h += it.next().hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        Iterator<Map.Entry<K, V>> it = entrySet().iterator();
        if (!it.hasNext()) {
            return "{}";
        }
        org.cometsim.guestlib.java.lang.StringBuilder sb = new org.cometsim.guestlib.java.lang.StringBuilder();
        sb.append('{');
        for (;;) {
            Map.Entry<K, V> e = it.next();
            K key = e.getKey();
            V value = e.getValue();
            if (key == this) {
                sb.append("(this Map)");
            } else {
                sb.append(String.valueOf(key));
            }
            sb.append('=');
            if (value == this) {
                sb.append("(this Map)");
            } else {
                sb.append(String.valueOf(value));
            }
            if (!it.hasNext()) {
                return sb.append('}').toString();
            }
            sb.append(',').append(' ');
        }
    }

    @Override
    protected Object clone() throws CloneNotSupportedException {
        AbstractMap<?, ?> result = (AbstractMap<?, ?>) super.clone();
        // the clone must not share (or see through) this map's cached views
        result.keySet = null;
        result.values = null;
        return result;
    }

    /** "k=v" of an entry, shared by the entry classes of this package. */
    static String entryToString(Object key, Object value) {
        return new org.cometsim.guestlib.java.lang.StringBuilder().append(String.valueOf(key)).append('=')
                .append(String.valueOf(value)).toString();
    }

    /** Null-safe equality with the receiver on the left, as the JDK's entry classes use it. */
    static boolean eq(Object o1, Object o2) {
        return o1 == null ? o2 == null : o1.equals(o2);
    }

    /** Key view of the skeletal map, driven by the entry-set iterator. */
    private final class KeyView extends AbstractSet<K> {
        @Override
        public Iterator<K> iterator() {
            return new KeyIterator<K, V>(entrySet().iterator());
        }

        @Override
        public int size() {
            return AbstractMap.this.size();
        }

        @Override
        public boolean isEmpty() {
            return AbstractMap.this.isEmpty();
        }

        @Override
        public void clear() {
            AbstractMap.this.clear();
        }

        @Override
        public boolean contains(Object k) {
            return AbstractMap.this.containsKey(k);
        }
    }

    /** Values view of the skeletal map, driven by the entry-set iterator. */
    private final class ValueView extends AbstractCollection<V> {
        @Override
        public Iterator<V> iterator() {
            return new ValueIterator<K, V>(entrySet().iterator());
        }

        @Override
        public int size() {
            return AbstractMap.this.size();
        }

        @Override
        public boolean isEmpty() {
            return AbstractMap.this.isEmpty();
        }

        @Override
        public void clear() {
            AbstractMap.this.clear();
        }

        @Override
        public boolean contains(Object v) {
            return AbstractMap.this.containsValue(v);
        }
    }

    private static final class KeyIterator<K, V> implements Iterator<K> {
        private final Iterator<Map.Entry<K, V>> i;

        KeyIterator(Iterator<Map.Entry<K, V>> i) {
            this.i = i;
        }

        @Override
        public boolean hasNext() {
            return i.hasNext();
        }

        @Override
        public K next() {
            return i.next().getKey();
        }

        @Override
        public void remove() {
            i.remove();
        }
    }

    private static final class ValueIterator<K, V> implements Iterator<V> {
        private final Iterator<Map.Entry<K, V>> i;

        ValueIterator(Iterator<Map.Entry<K, V>> i) {
            this.i = i;
        }

        @Override
        public boolean hasNext() {
            return i.hasNext();
        }

        @Override
        public V next() {
            return i.next().getValue();
        }

        @Override
        public void remove() {
            i.remove();
        }
    }

    /**
     * Guest-side {@code AbstractMap.SimpleEntry}: a mutable key/value pair with the
     * {@code Map.Entry} equals/hashCode contract and "k=v" toString.
     */
    public static class SimpleEntry<K, V> implements Map.Entry<K, V>, java.io.Serializable {
        private static final long serialVersionUID = -8499721149061103585L;

        private final K key;
        private V value;

        public SimpleEntry(K key, V value) {
            this.key = key;
            this.value = value;
        }

        public SimpleEntry(Map.Entry<? extends K, ? extends V> entry) {
            this.key = entry.getKey();
            this.value = entry.getValue();
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public V getValue() {
            return value;
        }

        @Override
        public V setValue(V value) {
            V old = this.value;
            this.value = value;
            return old;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return eq(key, e.getKey()) && eq(value, e.getValue());
        }

        @Override
        public int hashCode() {
            return (key == null ? 0 : key.hashCode()) ^ (value == null ? 0 : value.hashCode());
        }

        @Override
        public String toString() {
            return entryToString(key, value);
        }
    }

    /**
     * Guest-side {@code AbstractMap.SimpleImmutableEntry}: like {@link SimpleEntry} but
     * {@code setValue} throws {@code UnsupportedOperationException}.
     */
    public static class SimpleImmutableEntry<K, V> implements Map.Entry<K, V>, java.io.Serializable {
        private static final long serialVersionUID = 7138329143949025153L;

        private final K key;
        private final V value;

        public SimpleImmutableEntry(K key, V value) {
            this.key = key;
            this.value = value;
        }

        public SimpleImmutableEntry(Map.Entry<? extends K, ? extends V> entry) {
            this.key = entry.getKey();
            this.value = entry.getValue();
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public V getValue() {
            return value;
        }

        @Override
        public V setValue(V value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return eq(key, e.getKey()) && eq(value, e.getValue());
        }

        @Override
        public int hashCode() {
            return (key == null ? 0 : key.hashCode()) ^ (value == null ? 0 : value.hashCode());
        }

        @Override
        public String toString() {
            return entryToString(key, value);
        }
    }
}
