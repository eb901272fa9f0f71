package org.cometsim.workloads.apps.tripplanner;

/**
 * Binary min-heap of (key, node) pairs in two parallel int arrays, with lazy deletion: the planners push
 * a node again when its distance improves and skip stale entries on pop. Capacity is fixed up front.
 */
final class MinHeap {
    private final int[] keys;
    private final int[] vals;
    private int size;

    MinHeap(int capacity) {
        keys = new int[capacity];
        vals = new int[capacity];
    }

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(int key, int val) {
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            vals[i] = vals[parent];
            i = parent;
        }
        keys[i] = key;
        vals[i] = val;
    }

    int topKey() {
        return keys[0];
    }

    /** Removes the minimum and returns its value (node). */
    int pop() {
        int result = vals[0];
        int key = keys[--size];
        int val = vals[size];
        int i = 0;
        int half = size >> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (key <= keys[child]) {
                break;
            }
            keys[i] = keys[child];
            vals[i] = vals[child];
            i = child;
        }
        keys[i] = key;
        vals[i] = val;
        return result;
    }
}
