package org.cometsim.dalvik.rt;

/**
 * Makes guest exceptions: instances of the guest's {@code Throwable} classes with a message and a
 * stack trace taken from the throwing thread's frames. Everything below the class library raises
 * guest exceptions through this (the model {@code Throwable} implements it), so no layer needs to
 * know how a {@code Throwable} is laid out.
 */
public interface GuestExceptions {
    /**
     * A new exception of class {@code className} ({@code java.lang.IllegalStateException}, or a
     * guest class) with {@code message} (may be null), thrown by {@code t} at its current frame;
     * the caller throws the returned carrier.
     */
    GuestThrowable create(GuestThread t, String className, String message);

    /** As {@link #create}, with {@code cause} (a guest throwable) as its cause. */
    GuestThrowable createWithCause(GuestThread t, String className, String message, Object cause);

    /**
     * As {@link #create}, of a class already at hand rather than named: a host exception crossing
     * into the guest becomes one of its class as the VM sees it (a mirrored {@code java.*} class,
     * or the host class of one outside {@code java.*}). Its cause is left unset, as by a
     * constructor that takes none.
     */
    GuestThrowable create(GuestThread t, VmClass c, String message);

    /** As {@link #create(GuestThread, VmClass, String)}, with {@code cause} (a guest throwable) as its cause. */
    GuestThrowable createWithCause(GuestThread t, VmClass c, String message, Object cause);

    default GuestThrowable npe(GuestThread t, String message) {
        return create(t, "java.lang.NullPointerException", message);
    }

    default GuestThrowable illegalMonitorState(GuestThread t) {
        return create(t, "java.lang.IllegalMonitorStateException", "current thread is not owner");
    }

    default GuestThrowable interrupted(GuestThread t, String message) {
        return create(t, "java.lang.InterruptedException", message);
    }
}
