package org.cometsim.guestlib.java.util;

import java.util.Collection;
import java.util.Iterator;

/**
 * Guest-side {@code java.util.EnumSet}: the JDK 17 static factories over one bit-vector
 * implementation ({@link BitEnumSet}) for any number of constants, with the JDK's results,
 * iteration order, iterator snapshot semantics and exception messages.
 * Deviations: every set is a {@code java.util.BitEnumSet} (the JDK uses RegularEnumSet up to 64
 * constants and JumboEnumSet above), so {@code getClass()} differs; no serialization proxy, so the
 * serial form is not the JDK's.
 */
public abstract class EnumSet<E extends Enum<E>> extends AbstractSet<E> implements Cloneable, java.io.Serializable {
    private static final long serialVersionUID = 1009687484059888093L;

    /** The enum class of the elements (never a constant-specific class body). */
    final Class<E> elementType;
    /** All constants of {@link #elementType} by ordinal; shared by copies, never modified. */
    final Enum<?>[] universe;

    EnumSet(Class<E> elementType, Enum<?>[] universe) {
        this.elementType = elementType;
        this.universe = universe;
    }

    public static <E extends Enum<E>> EnumSet<E> noneOf(Class<E> elementType) {
        Enum<?>[] universe = elementType.getEnumConstants();
        if (universe == null) {
            throw new ClassCastException(String.valueOf(elementType).concat(" not an enum"));
        }
        return new BitEnumSet<E>(elementType, universe);
    }

    public static <E extends Enum<E>> EnumSet<E> allOf(Class<E> elementType) {
        EnumSet<E> result = noneOf(elementType);
        result.addAll();
        return result;
    }

    /** Adds every constant of the element type. */
    abstract void addAll();

    public static <E extends Enum<E>> EnumSet<E> copyOf(EnumSet<E> s) {
        return s.clone();
    }

    public static <E extends Enum<E>> EnumSet<E> copyOf(Collection<E> c) {
        if (c instanceof EnumSet) {
            return ((EnumSet<E>) c).clone();
        }
        if (c.isEmpty()) {
            throw new IllegalArgumentException("Collection is empty");
        }
        Iterator<E> i = c.iterator();
        EnumSet<E> result = of(i.next());
        while (i.hasNext()) {
            result.add(i.next());
        }
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> complementOf(EnumSet<E> s) {
        EnumSet<E> result = copyOf(s);
        result.complement();
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e) {
        EnumSet<E> result = noneOf(e.getDeclaringClass());
        result.add(e);
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2) {
        EnumSet<E> result = noneOf(e1.getDeclaringClass());
        result.add(e1);
        result.add(e2);
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2, E e3) {
        EnumSet<E> result = noneOf(e1.getDeclaringClass());
        result.add(e1);
        result.add(e2);
        result.add(e3);
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2, E e3, E e4) {
        EnumSet<E> result = noneOf(e1.getDeclaringClass());
        result.add(e1);
        result.add(e2);
        result.add(e3);
        result.add(e4);
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> of(E e1, E e2, E e3, E e4, E e5) {
        EnumSet<E> result = noneOf(e1.getDeclaringClass());
        result.add(e1);
        result.add(e2);
        result.add(e3);
        result.add(e4);
        result.add(e5);
        return result;
    }

    @SafeVarargs
    public static <E extends Enum<E>> EnumSet<E> of(E first, E... rest) {
        EnumSet<E> result = noneOf(first.getDeclaringClass());
        result.add(first);
        for (int i = 0; i < rest.length; i++) {
            result.add(rest[i]);
        }
        return result;
    }

    public static <E extends Enum<E>> EnumSet<E> range(E from, E to) {
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException(String.valueOf(from).concat(" > ").concat(String.valueOf(to)));
        }
        EnumSet<E> result = noneOf(from.getDeclaringClass());
        result.addRange(from, to);
        return result;
    }

    /** Adds the constants from {@code from} to {@code to} inclusive (from <= to) to an empty set. */
    abstract void addRange(E from, E to);

    /** Shallow copy (the subclass copies its bit vector). */
    @Override
    @SuppressWarnings("unchecked")
    public EnumSet<E> clone() {
        try {
            return (EnumSet<E>) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    /** Replaces the contents by their complement within the universe. */
    abstract void complement();

    /**
     * Throws the JDK's ClassCastException ("class X != class Y", X the element's runtime class) for
     * an element of another enum type, NullPointerException for null. getDeclaringClass() equals the
     * JDK's "class or superclass is elementType" test because elementType is always a real enum class.
     */
    final void typeCheck(E e) {
        if (e.getDeclaringClass() != elementType) {
            throw new ClassCastException(String.valueOf(e.getClass()).concat(" != ").concat(String.valueOf(elementType)));
        }
    }
}
