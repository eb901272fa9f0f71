package org.cometsim.dalvik.load;

/** A class-path entry that cannot be loaded; the message names the file and what is wrong. */
public final class LoadException extends Exception {
    public LoadException(String message) {
        super(message);
    }

    public LoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
