package org.cometsim.guestlib.java.util.concurrent.atomic;

import java.lang.reflect.Field;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Guest-side {@code java.util.concurrent.atomic.AtomicReferenceFieldUpdater}: the JDK 17 public
 * API and semantics on reflection ({@link Field#get}/{@link Field#set}) instead of {@code Unsafe};
 * see {@link AtomicIntegerFieldUpdater} for the locking and the deviations. {@code compareAndSet}
 * compares by identity ({@code ==}), as the JDK's.
 */
public abstract class AtomicReferenceFieldUpdater<T, V> {

    public static <U, W> AtomicReferenceFieldUpdater<U, W> newUpdater(Class<U> tclass, Class<W> vclass,
            String fieldName) {
        return new AtomicReferenceFieldUpdaterImpl<U, W>(tclass, vclass, fieldName);
    }

    protected AtomicReferenceFieldUpdater() {
    }

    public abstract boolean compareAndSet(T obj, V expect, V update);

    public abstract boolean weakCompareAndSet(T obj, V expect, V update);

    public abstract void set(T obj, V newValue);

    public abstract void lazySet(T obj, V newValue);

    public abstract V get(T obj);

    public V getAndSet(T obj, V newValue) {
        V prev;
        do {
            prev = get(obj);
        } while (!compareAndSet(obj, prev, newValue));
        return prev;
    }

    public final V getAndUpdate(T obj, UnaryOperator<V> updateFunction) {
        V prev;
        V next;
        do {
            prev = get(obj);
            next = updateFunction.apply(prev);
        } while (!compareAndSet(obj, prev, next));
        return prev;
    }

    public final V updateAndGet(T obj, UnaryOperator<V> updateFunction) {
        V prev;
        V next;
        do {
            prev = get(obj);
            next = updateFunction.apply(prev);
        } while (!compareAndSet(obj, prev, next));
        return next;
    }

    public final V getAndAccumulate(T obj, V x, BinaryOperator<V> accumulatorFunction) {
        V prev;
        V next;
        do {
            prev = get(obj);
            next = accumulatorFunction.apply(prev, x);
        } while (!compareAndSet(obj, prev, next));
        return prev;
    }

    public final V accumulateAndGet(T obj, V x, BinaryOperator<V> accumulatorFunction) {
        V prev;
        V next;
        do {
            prev = get(obj);
            next = accumulatorFunction.apply(prev, x);
        } while (!compareAndSet(obj, prev, next));
        return next;
    }

    /**
     * The updater {@code newUpdater} returns (named like the JDK's): the field through reflection,
     * writes under the updater's monitor, new values checked against the value class.
     */
    private static final class AtomicReferenceFieldUpdaterImpl<T, V> extends AtomicReferenceFieldUpdater<T, V> {
        private final Class<T> tclass;
        private final Class<V> vclass;
        private final Field field;

        AtomicReferenceFieldUpdaterImpl(Class<T> tclass, Class<V> vclass, String fieldName) {
            Field f = FieldUpdaters.lookUp(tclass, fieldName);
            if (vclass != f.getType()) {
                throw new ClassCastException();
            }
            if (vclass.isPrimitive()) {
                throw new IllegalArgumentException("Must be reference type");
            }
            this.field = FieldUpdaters.volatileInstanceField(f);
            this.tclass = tclass;
            this.vclass = vclass;
        }

        /** The JDK's receiver check: not an instance of the class (or null) is a ClassCastException. */
        private void accessCheck(T obj) {
            if (!tclass.isInstance(obj)) {
                throw new ClassCastException();
            }
        }

        /** The JDK's value check (new values only): not an instance of the field's type. */
        private void valueCheck(V v) {
            if (v != null && !vclass.isInstance(v)) {
                throw new ClassCastException();
            }
        }

        @SuppressWarnings("unchecked")
        private V read(T obj) {
            try {
                return (V) field.get(obj);
            } catch (IllegalAccessException e) {
                throw FieldUpdaters.inaccessible(e);
            }
        }

        private void write(T obj, V value) {
            try {
                field.set(obj, value);
            } catch (IllegalAccessException e) {
                throw FieldUpdaters.inaccessible(e);
            }
        }

        @Override
        public synchronized boolean compareAndSet(T obj, V expect, V update) {
            accessCheck(obj);
            valueCheck(update);
            if (read(obj) != expect) {
                return false;
            }
            write(obj, update);
            return true;
        }

        @Override
        public boolean weakCompareAndSet(T obj, V expect, V update) {
            return compareAndSet(obj, expect, update);
        }

        @Override
        public synchronized void set(T obj, V newValue) {
            accessCheck(obj);
            valueCheck(newValue);
            write(obj, newValue);
        }

        @Override
        public void lazySet(T obj, V newValue) {
            set(obj, newValue);
        }

        @Override
        public V get(T obj) {
            accessCheck(obj);
            return read(obj);
        }

        @Override
        public synchronized V getAndSet(T obj, V newValue) {
            accessCheck(obj);
            valueCheck(newValue);
            V prev = read(obj);
            write(obj, newValue);
            return prev;
        }
    }
}
