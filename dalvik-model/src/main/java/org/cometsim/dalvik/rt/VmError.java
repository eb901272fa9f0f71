package org.cometsim.dalvik.rt;

/**
 * A fatal, non-guest error with a one-line message for the user: an unsupported API, a
 * deadlock, a corrupt class file met while running. The VM stops; the CLI prints
 * {@code comet: <message>} and exits with status 1.
 */
public class VmError extends RuntimeException {
    public VmError(String message) {
        super(message);
    }

    public VmError(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code unsupported API: java.util.Foo.bar(I)V} */
    public static VmError unsupported(String what) {
        return new VmError("unsupported API: " + what);
    }
}
