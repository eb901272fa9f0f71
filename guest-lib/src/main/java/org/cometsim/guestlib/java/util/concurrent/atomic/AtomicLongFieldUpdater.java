package org.cometsim.guestlib.java.util.concurrent.atomic;

import java.lang.reflect.Field;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;

/**
 * Guest-side {@code java.util.concurrent.atomic.AtomicLongFieldUpdater}: the JDK 17 public API
 * and semantics on reflection ({@link Field#getLong}/{@link Field#setLong}) instead of
 * {@code Unsafe}, so the VM runs it as guest code and every write goes through its write barrier.
 *
 * <p>Atomicity: the implementation's read-modify-write methods and {@code set}/{@code lazySet}
 * are {@code synchronized} on the updater, which is the JDK's contract ("atomicity only with
 * respect to other invocations of compareAndSet and set on the same updater"); {@code get} is a
 * volatile read. The {@code final} update/accumulate methods retry with {@code compareAndSet}
 * like the JDK's, calling the function outside the lock.
 *
 * <p>Deviations: {@code newUpdater} is not caller-sensitive (no access check of the caller against
 * the field, no narrowing of the receiver type for protected fields); a {@code null} class gives
 * the JDK's {@code RuntimeException} wrapping a {@code NullPointerException}, but the helpful NPE
 * message differs.
 */
public abstract class AtomicLongFieldUpdater<T> {

    public static <U> AtomicLongFieldUpdater<U> newUpdater(Class<U> tclass, String fieldName) {
        return new CASUpdater<U>(tclass, fieldName);
    }

    protected AtomicLongFieldUpdater() {
    }

    public abstract boolean compareAndSet(T obj, long expect, long update);

    public abstract boolean weakCompareAndSet(T obj, long expect, long update);

    public abstract void set(T obj, long newValue);

    public abstract void lazySet(T obj, long newValue);

    public abstract long get(T obj);

    public long getAndSet(T obj, long newValue) {
        long prev;
        do {
            prev = get(obj);
        } while (!compareAndSet(obj, prev, newValue));
        return prev;
    }

    public long getAndIncrement(T obj) {
        return getAndAdd(obj, 1);
    }

    public long getAndDecrement(T obj) {
        return getAndAdd(obj, -1);
    }

    public long getAndAdd(T obj, long delta) {
        long prev;
        do {
            prev = get(obj);
        } while (!compareAndSet(obj, prev, prev + delta));
        return prev;
    }

    public long incrementAndGet(T obj) {
        return addAndGet(obj, 1);
    }

    public long decrementAndGet(T obj) {
        return addAndGet(obj, -1);
    }

    public long addAndGet(T obj, long delta) {
        long prev;
        long next;
        do {
            prev = get(obj);
            next = prev + delta;
        } while (!compareAndSet(obj, prev, next));
        return next;
    }

    public final long getAndUpdate(T obj, LongUnaryOperator updateFunction) {
        long prev;
        long next;
        do {
            prev = get(obj);
            next = updateFunction.applyAsLong(prev);
        } while (!compareAndSet(obj, prev, next));
        return prev;
    }

    public final long updateAndGet(T obj, LongUnaryOperator updateFunction) {
        long prev;
        long next;
        do {
            prev = get(obj);
            next = updateFunction.applyAsLong(prev);
        } while (!compareAndSet(obj, prev, next));
        return next;
    }

    public final long getAndAccumulate(T obj, long x, LongBinaryOperator accumulatorFunction) {
        long prev;
        long next;
        do {
            prev = get(obj);
            next = accumulatorFunction.applyAsLong(prev, x);
        } while (!compareAndSet(obj, prev, next));
        return prev;
    }

    public final long accumulateAndGet(T obj, long x, LongBinaryOperator accumulatorFunction) {
        long prev;
        long next;
        do {
            prev = get(obj);
            next = accumulatorFunction.applyAsLong(prev, x);
        } while (!compareAndSet(obj, prev, next));
        return next;
    }

    /**
     * The updater {@code newUpdater} returns, named like the one the JDK returns on 64-bit hosts
     * (its {@code CASUpdater}; it has a {@code LockedUpdater} too): the field through reflection,
     * read-modify-writes under the updater's monitor, so long updates are atomic on any host.
     */
    private static final class CASUpdater<T> extends AtomicLongFieldUpdater<T> {
        private final Class<T> tclass;
        private final Field field;

        CASUpdater(Class<T> tclass, String fieldName) {
            this.field = FieldUpdaters.checkedField(tclass, fieldName, long.class, "Must be long type");
            this.tclass = tclass;
        }

        /** The JDK's receiver check: not an instance of the class (or null) is a ClassCastException. */
        private void accessCheck(T obj) {
            if (!tclass.isInstance(obj)) {
                throw new ClassCastException();
            }
        }

        private long read(T obj) {
            try {
                return field.getLong(obj);
            } catch (IllegalAccessException e) {
                throw FieldUpdaters.inaccessible(e);
            }
        }

        private void write(T obj, long value) {
            try {
                field.setLong(obj, value);
            } catch (IllegalAccessException e) {
                throw FieldUpdaters.inaccessible(e);
            }
        }

        @Override
        public synchronized boolean compareAndSet(T obj, long expect, long update) {
            accessCheck(obj);
            if (read(obj) != expect) {
                return false;
            }
            write(obj, update);
            return true;
        }

        @Override
        public boolean weakCompareAndSet(T obj, long expect, long update) {
            return compareAndSet(obj, expect, update);
        }

        @Override
        public synchronized void set(T obj, long newValue) {
            accessCheck(obj);
            write(obj, newValue);
        }

        @Override
        public void lazySet(T obj, long newValue) {
            set(obj, newValue);
        }

        @Override
        public long get(T obj) {
            accessCheck(obj);
            return read(obj);
        }

        @Override
        public synchronized long getAndSet(T obj, long newValue) {
            accessCheck(obj);
            long prev = read(obj);
            write(obj, newValue);
            return prev;
        }

        @Override
        public long getAndIncrement(T obj) {
            return getAndAdd(obj, 1);
        }

        @Override
        public long getAndDecrement(T obj) {
            return getAndAdd(obj, -1);
        }

        @Override
        public synchronized long getAndAdd(T obj, long delta) {
            accessCheck(obj);
            long prev = read(obj);
            write(obj, prev + delta);
            return prev;
        }

        @Override
        public long incrementAndGet(T obj) {
            return addAndGet(obj, 1);
        }

        @Override
        public long decrementAndGet(T obj) {
            return addAndGet(obj, -1);
        }

        @Override
        public synchronized long addAndGet(T obj, long delta) {
            accessCheck(obj);
            long next = read(obj) + delta;
            write(obj, next);
            return next;
        }
    }
}
