package org.cometsim.guestlib.java.security;

import java.security.AccessControlContext;
import java.security.Permission;
import java.security.PrivilegedAction;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;

/**
 * Guest-side {@code java.security.AccessController}: the privileged-action entry points
 * reflection-heavy libraries wrap around {@code setAccessible} or {@code Unsafe} lookups. There is
 * no security manager (as on a default JDK 17), so an action just runs, in the caller's guest
 * thread; a checked exception from a {@code PrivilegedExceptionAction} is wrapped in a
 * {@code PrivilegedActionException} as the JDK does. {@code getContext} and
 * {@code checkPermission} are not provided (the VM reports them as unsupported APIs).
 */
public final class AccessController {
    private AccessController() {
    }

    public static <T> T doPrivileged(PrivilegedAction<T> action) {
        return action.run();
    }

    public static <T> T doPrivilegedWithCombiner(PrivilegedAction<T> action) {
        return action.run();
    }

    public static <T> T doPrivileged(PrivilegedAction<T> action, AccessControlContext context) {
        return action.run();
    }

    public static <T> T doPrivileged(PrivilegedAction<T> action, AccessControlContext context, Permission... perms) {
        return action.run();
    }

    public static <T> T doPrivilegedWithCombiner(PrivilegedAction<T> action, AccessControlContext context,
                                                 Permission... perms) {
        return action.run();
    }

    public static <T> T doPrivileged(PrivilegedExceptionAction<T> action) throws PrivilegedActionException {
        return runWrapped(action);
    }

    public static <T> T doPrivilegedWithCombiner(PrivilegedExceptionAction<T> action) throws PrivilegedActionException {
        return runWrapped(action);
    }

    public static <T> T doPrivileged(PrivilegedExceptionAction<T> action, AccessControlContext context)
            throws PrivilegedActionException {
        return runWrapped(action);
    }

    public static <T> T doPrivileged(PrivilegedExceptionAction<T> action, AccessControlContext context,
                                     Permission... perms) throws PrivilegedActionException {
        return runWrapped(action);
    }

    public static <T> T doPrivilegedWithCombiner(PrivilegedExceptionAction<T> action, AccessControlContext context,
                                                 Permission... perms) throws PrivilegedActionException {
        return runWrapped(action);
    }

    private static <T> T runWrapped(PrivilegedExceptionAction<T> action) throws PrivilegedActionException {
        try {
            return action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PrivilegedActionException(e);
        }
    }
}
