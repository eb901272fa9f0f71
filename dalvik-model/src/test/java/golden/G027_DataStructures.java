package golden;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** Hand-rolled generic data structures: linked list with iterator, binary search tree, open-addressing hash map, min-heap, ring buffer. */
public class G027_DataStructures {
    static final class MyList<T> implements Iterable<T> {
        private static final class Node<T> { T v; Node<T> next; Node(T v) { this.v = v; } }
        private Node<T> head, tail; private int size;
        void add(T v) { Node<T> n = new Node<>(v); if (head == null) head = tail = n; else { tail.next = n; tail = n; } size++; }
        void reverse() { Node<T> prev = null, cur = head; tail = head; while (cur != null) { Node<T> nx = cur.next; cur.next = prev; prev = cur; cur = nx; } head = prev; }
        public Iterator<T> iterator() {
            return new Iterator<T>() {
                Node<T> cur = head;
                public boolean hasNext() { return cur != null; }
                public T next() { if (cur == null) throw new NoSuchElementException("end of MyList"); T v = cur.v; cur = cur.next; return v; }
            };
        }
        @Override public String toString() { StringBuilder sb = new StringBuilder("["); for (T t : this) sb.append(sb.length() > 1 ? ", " : "").append(t); return sb.append(']').toString(); }
    }
    static final class Bst<K extends Comparable<K>, V> {
        private final class N { K k; V v; N l, r; N(K k, V v) { this.k = k; this.v = v; } }
        private N root; int size;
        void put(K k, V v) { root = put(root, k, v); }
        private N put(N n, K k, V v) { if (n == null) { size++; return new N(k, v); } int c = k.compareTo(n.k); if (c < 0) n.l = put(n.l, k, v); else if (c > 0) n.r = put(n.r, k, v); else n.v = v; return n; }
        V get(K k) { N n = root; while (n != null) { int c = k.compareTo(n.k); if (c == 0) return n.v; n = c < 0 ? n.l : n.r; } return null; }
        int height() { return height(root); }
        private int height(N n) { return n == null ? 0 : 1 + Math.max(height(n.l), height(n.r)); }
        void inorder(N n, StringBuilder sb) { if (n == null) return; inorder(n.l, sb); sb.append(n.k).append('=').append(n.v).append(' '); inorder(n.r, sb); }
        String dump() { StringBuilder sb = new StringBuilder(); inorder(root, sb); return sb.toString().trim(); }
    }
    static final class IntMap {
        private int[] keys = new int[8]; private long[] vals = new long[8]; private boolean[] used = new boolean[8]; int size, probes;
        void put(int k, long v) {
            if (size * 2 >= keys.length) grow();
            int i = slot(k);
            if (!used[i]) { used[i] = true; keys[i] = k; size++; }
            vals[i] = v;
        }
        long get(int k, long dflt) { int i = slot(k); return used[i] ? vals[i] : dflt; }
        private int slot(int k) { int m = keys.length - 1, i = (k * 0x9E3779B9) >>> 16 & m; while (used[i] && keys[i] != k) { i = (i + 1) & m; probes++; } return i; }
        private void grow() {
            int[] ok = keys; long[] ov = vals; boolean[] ou = used;
            keys = new int[ok.length * 2]; vals = new long[ok.length * 2]; used = new boolean[ok.length * 2]; size = 0;
            for (int i = 0; i < ok.length; i++) if (ou[i]) put(ok[i], ov[i]);
        }
    }
    static final class MinHeap {
        private double[] a = new double[4]; private int n;
        void push(double v) { if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2); a[n] = v; int i = n++; while (i > 0 && a[(i - 1) / 2] > a[i]) { double t = a[i]; a[i] = a[(i - 1) / 2]; a[(i - 1) / 2] = t; i = (i - 1) / 2; } }
        double pop() {
            double top = a[0]; a[0] = a[--n]; int i = 0;
            while (true) { int l = 2 * i + 1, r = l + 1, m = i; if (l < n && a[l] < a[m]) m = l; if (r < n && a[r] < a[m]) m = r; if (m == i) break; double t = a[i]; a[i] = a[m]; a[m] = t; i = m; }
            return top;
        }
    }

    public static void main(String[] args) {
        MyList<String> l = new MyList<>();
        for (String s : "one two three four five".split(" ")) l.add(s);
        System.out.println(l + " size " + l.size);
        l.reverse();
        System.out.println("reversed " + l);
        Iterator<String> it = l.iterator();
        while (it.hasNext()) it.next();
        try { it.next(); } catch (NoSuchElementException e) { System.out.println("NSEE: " + e.getMessage()); }
        Bst<String, Integer> t = new Bst<>();
        String[] keys = { "m", "c", "x", "a", "e", "q", "z", "b", "d", "m" };
        for (int i = 0; i < keys.length; i++) t.put(keys[i], i);
        System.out.println("bst " + t.dump() + " size " + t.size + " height " + t.height() + " get(e)=" + t.get("e") + " get(k)=" + t.get("k"));
        IntMap m = new IntMap();
        for (int i = 0; i < 1000; i++) m.put(i * 7919, (long) i * i);
        long s = 0;
        for (int i = 0; i < 1000; i++) s += m.get(i * 7919, -1);
        System.out.println("intmap size " + m.size + " sum " + s + " missing " + m.get(3, -1) + " capacity " + m.keys.length);
        MinHeap h = new MinHeap();
        double[] vs = { 5.5, -1, 3.25, 8, 0, -7.5, 2, 2, 9.75 };
        for (double v : vs) h.push(v);
        StringBuilder sb = new StringBuilder("heap order:");
        for (int i = 0; i < vs.length; i++) sb.append(' ').append(h.pop());
        System.out.println(sb);
        int[] ring = new int[5];
        int w = 0;
        for (int i = 1; i <= 13; i++) ring[w++ % ring.length] = i;
        System.out.println("ring " + java.util.Arrays.toString(ring) + " next-write " + (w % ring.length));
    }
}
