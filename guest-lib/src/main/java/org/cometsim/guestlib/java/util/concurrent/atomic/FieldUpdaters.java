package org.cometsim.guestlib.java.util.concurrent.atomic;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * What the three field updaters share: {@code newUpdater}'s field lookup and checks, in the JDK
 * 17 order and with its exception types and messages.
 */
final class FieldUpdaters {
    private FieldUpdaters() {
    }

    /**
     * The field {@code fieldName} declared by {@code tclass}, made accessible, after the checks
     * of the JDK's updater constructors: lookup failures (no such field, null arguments) as a
     * {@code RuntimeException} wrapping the cause; a field whose type is not {@code type} as
     * {@code IllegalArgumentException(typeMessage)}; then not volatile; then static
     * ({@code Unsafe.objectFieldOffset}'s message-less IllegalArgumentException). The reference
     * updater checks the type itself, between {@link #lookUp} and {@link #volatileInstanceField}.
     */
    static Field checkedField(Class<?> tclass, String fieldName, Class<?> type, String typeMessage) {
        Field field = lookUp(tclass, fieldName);
        if (field.getType() != type) {
            throw new IllegalArgumentException(typeMessage);
        }
        return volatileInstanceField(field);
    }

    /** {@code tclass.getDeclaredField(fieldName)}, any failure wrapped as the JDK does. */
    static Field lookUp(Class<?> tclass, String fieldName) {
        try {
            return tclass.getDeclaredField(fieldName);
        } catch (Exception ex) {
            throw new RuntimeException(ex);
        }
    }

    /** The volatile and static checks, then {@code setAccessible(true)}. */
    static Field volatileInstanceField(Field field) {
        int modifiers = field.getModifiers();
        if (!Modifier.isVolatile(modifiers)) {
            throw new IllegalArgumentException("Must be volatile type");
        }
        if (Modifier.isStatic(modifiers)) {
            throw new IllegalArgumentException();
        }
        try {
            field.setAccessible(true);
        } catch (RuntimeException ex) {
            throw new RuntimeException(ex);
        }
        return field;
    }

    /** Cannot happen once the field is accessible. */
    static Error inaccessible(IllegalAccessException e) {
        return new InternalError(e);
    }
}
