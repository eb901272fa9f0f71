package org.cometsim.guestlib.java.util;

import java.util.Collection;
import java.util.Iterator;
import java.util.ListIterator;
import java.util.NoSuchElementException;

/**
 * Guest-side skeletal {@code java.util.AbstractSequentialList}: positional operations go through
 * {@link #listIterator(int)}, as in JDK 17 (including the "Index: i" message when the iterator runs out).
 */
public abstract class AbstractSequentialList<E> extends AbstractList<E> {

    protected AbstractSequentialList() {
    }

    @Override
    public E get(int index) {
        try {
            return listIterator(index).next();
        } catch (NoSuchElementException exc) {
            throw new IndexOutOfBoundsException(indexMsg(index));
        }
    }

    @Override
    public E set(int index, E element) {
        try {
            ListIterator<E> e = listIterator(index);
            E oldVal = e.next();
            e.set(element);
            return oldVal;
        } catch (NoSuchElementException exc) {
            throw new IndexOutOfBoundsException(indexMsg(index));
        }
    }

    @Override
    public void add(int index, E element) {
        try {
            listIterator(index).add(element);
        } catch (NoSuchElementException exc) {
            throw new IndexOutOfBoundsException(indexMsg(index));
        }
    }

    @Override
    public E remove(int index) {
        try {
            ListIterator<E> e = listIterator(index);
            E outCast = e.next();
            e.remove();
            return outCast;
        } catch (NoSuchElementException exc) {
            throw new IndexOutOfBoundsException(indexMsg(index));
        }
    }

    @Override
    public boolean addAll(int index, Collection<? extends E> c) {
        try {
            boolean modified = false;
            ListIterator<E> e1 = listIterator(index);
            for (Iterator<? extends E> it = c.iterator(); it.hasNext();) {
                e1.add(it.next());
                modified = true;
            }
            return modified;
        } catch (NoSuchElementException exc) {
            throw new IndexOutOfBoundsException(indexMsg(index));
        }
    }

    @Override
    public Iterator<E> iterator() {
        return listIterator();
    }

    @Override
    public abstract ListIterator<E> listIterator(int index);

    private static String indexMsg(int index) {
        return "Index: ".concat(String.valueOf(index));
    }
}
