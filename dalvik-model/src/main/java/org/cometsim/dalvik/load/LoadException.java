package org.cometsim.dalvik.load;

/**
 * A class-path entry that cannot be loaded; the message names the file and what is wrong, on one
 * line, control characters escaped ({@link Messages#printable}).
 */
public final class LoadException extends Exception {
    public LoadException(String message) {
        super(Messages.printable(message));
    }

    public LoadException(String message, Throwable cause) {
        super(Messages.printable(message), cause);
    }
}
