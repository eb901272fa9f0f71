package org.cometsim.guestlib.java.util.concurrent.atomic;

import java.lang.reflect.Field;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * Guest-side {@code java.util.concurrent.atomic.AtomicIntegerFieldUpdater}: the JDK 17 public API
 * and semantics on reflection ({@link Field#getInt}/{@link Field#setInt}) instead of
 * {@code Unsafe}, so the VM runs it as guest code and every write goes through its write barrier.
 *
 * <p>Atomicity: the implementation's read-modify-write methods and {@code set}/{@code lazySet}
 * are {@code synchronized} on the updater, which is the JDK's contract ("atomicity only with
 * respect to other invocations of compareAndSet and set on the same updater"); {@code get} is a
 * volatile read. The {@code final} update/accumulate methods retry with {@code compareAndSet}
 * like the JDK's, calling the function outside the lock. Two updaters for one field lock
 * separately, so unlike the JDK's they are not atomic with each other (also in the VM: the helper
 * calls inside a read-modify-write return from guest frames, which are safepoints).
 *
 * <p>Deviations: {@code newUpdater} is not caller-sensitive (no access check of the caller against
 * the field, no narrowing of the receiver type for protected fields); a {@code null} class gives
 * the JDK's {@code RuntimeException} wrapping a {@code NullPointerException}, but the helpful NPE
 * message differs.
 */
public abstract class AtomicIntegerFieldUpdater<T> {

    public static <U> AtomicIntegerFieldUpdater<U> newUpdater(Class<U> tclass, String fieldName) {
        return new AtomicIntegerFieldUpdaterImpl<U>(tclass, fieldName);
    }

    protected AtomicIntegerFieldUpdater() {
    }

    public abstract boolean compareAndSet(T obj, int expect, int update);

    public abstract boolean weakCompareAndSet(T obj, int expect, int update);

    public abstract void set(T obj, int newValue);

    public abstract void lazySet(T obj, int newValue);

    public abstract int get(T obj);

    public int getAndSet(T obj, int newValue) {
        int prev;
        do {
            prev = get(obj);
        } while (!compareAndSet(obj, prev, newValue));
        return prev;
    }

    public int getAndIncrement(T obj) {
        return getAndAdd(obj, 1);
    }

    public int getAndDecrement(T obj) {
        return getAndAdd(obj, -1);
    }

    public int getAndAdd(T obj, int delta) {
        int prev;
        do {
            prev = get(obj);
        } while (!compareAndSet(obj, prev, prev + delta));
        return prev;
    }

    public int incrementAndGet(T obj) {
        return addAndGet(obj, 1);
    }

    public int decrementAndGet(T obj) {
        return addAndGet(obj, -1);
    }

    public int addAndGet(T obj, int delta) {
        int prev;
        int next;
        do {
            prev = get(obj);
            next = prev + delta;
        } while (!compareAndSet(obj, prev, next));
        return next;
    }

    public final int getAndUpdate(T obj, IntUnaryOperator updateFunction) {
        int prev;
        int next;
        do {
            prev = get(obj);
            next = updateFunction.applyAsInt(prev);
        } while (!compareAndSet(obj, prev, next));
        return prev;
    }

    public final int updateAndGet(T obj, IntUnaryOperator updateFunction) {
        int prev;
        int next;
        do {
            prev = get(obj);
            next = updateFunction.applyAsInt(prev);
        } while (!compareAndSet(obj, prev, next));
        return next;
    }

    public final int getAndAccumulate(T obj, int x, IntBinaryOperator accumulatorFunction) {
        int prev;
        int next;
        do {
            prev = get(obj);
            next = accumulatorFunction.applyAsInt(prev, x);
        } while (!compareAndSet(obj, prev, next));
        return prev;
    }

    public final int accumulateAndGet(T obj, int x, IntBinaryOperator accumulatorFunction) {
        int prev;
        int next;
        do {
            prev = get(obj);
            next = accumulatorFunction.applyAsInt(prev, x);
        } while (!compareAndSet(obj, prev, next));
        return next;
    }

    /**
     * The updater {@code newUpdater} returns (named like the JDK's): the field through reflection,
     * read-modify-writes under the updater's monitor.
     */
    private static final class AtomicIntegerFieldUpdaterImpl<T> extends AtomicIntegerFieldUpdater<T> {
        private final Class<T> tclass;
        private final Field field;

        AtomicIntegerFieldUpdaterImpl(Class<T> tclass, String fieldName) {
            this.field = FieldUpdaters.checkedField(tclass, fieldName, int.class, "Must be integer type");
            this.tclass = tclass;
        }

        /** The JDK's receiver check: not an instance of the class (or null) is a ClassCastException. */
        private void accessCheck(T obj) {
            if (!tclass.isInstance(obj)) {
                throw new ClassCastException();
            }
        }

        private int read(T obj) {
            try {
                return field.getInt(obj);
            } catch (IllegalAccessException e) {
                throw FieldUpdaters.inaccessible(e);
            }
        }

        private void write(T obj, int value) {
            try {
                field.setInt(obj, value);
            } catch (IllegalAccessException e) {
                throw FieldUpdaters.inaccessible(e);
            }
        }

        @Override
        public synchronized boolean compareAndSet(T obj, int expect, int update) {
            accessCheck(obj);
            if (read(obj) != expect) {
                return false;
            }
            write(obj, update);
            return true;
        }

        @Override
        public boolean weakCompareAndSet(T obj, int expect, int update) {
            return compareAndSet(obj, expect, update);
        }

        @Override
        public synchronized void set(T obj, int newValue) {
            accessCheck(obj);
            write(obj, newValue);
        }

        @Override
        public void lazySet(T obj, int newValue) {
            set(obj, newValue);
        }

        @Override
        public int get(T obj) {
            accessCheck(obj);
            return read(obj);
        }

        @Override
        public synchronized int getAndSet(T obj, int newValue) {
            accessCheck(obj);
            int prev = read(obj);
            write(obj, newValue);
            return prev;
        }

        @Override
        public int getAndIncrement(T obj) {
            return getAndAdd(obj, 1);
        }

        @Override
        public int getAndDecrement(T obj) {
            return getAndAdd(obj, -1);
        }

        @Override
        public synchronized int getAndAdd(T obj, int delta) {
            accessCheck(obj);
            int prev = read(obj);
            write(obj, prev + delta);
            return prev;
        }

        @Override
        public int incrementAndGet(T obj) {
            return addAndGet(obj, 1);
        }

        @Override
        public int decrementAndGet(T obj) {
            return addAndGet(obj, -1);
        }

        @Override
        public synchronized int addAndGet(T obj, int delta) {
            accessCheck(obj);
            int next = read(obj) + delta;
            write(obj, next);
            return next;
        }
    }
}
