package org.cometsim.guestlib.java.util;

import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Queue;

/**
 * Guest-side skeletal {@code java.util.AbstractQueue}: add/remove/element in terms of
 * offer/poll/peek, with the JDK 17 exceptions ("Queue full", self-addAll rejection).
 */
public abstract class AbstractQueue<E> extends AbstractCollection<E> implements Queue<E> {

    protected AbstractQueue() {
    }

    @Override
    public boolean add(E e) {
        if (offer(e)) {
            return true;
        }
        throw new IllegalStateException("Queue full");
    }

    @Override
    public E remove() {
        E x = poll();
        if (x != null) {
            return x;
        }
        throw new NoSuchElementException();
    }

    @Override
    public E element() {
        E x = peek();
        if (x != null) {
            return x;
        }
        throw new NoSuchElementException();
    }

    @Override
    public void clear() {
        while (poll() != null) {
            // drain
        }
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        if (c == null) {
            throw new NullPointerException();
        }
        if (c == this) {
            throw new IllegalArgumentException();
        }
        boolean modified = false;
        for (Iterator<? extends E> it = c.iterator(); it.hasNext();) {
            if (add(it.next())) {
                modified = true;
            }
        }
        return modified;
    }
}
