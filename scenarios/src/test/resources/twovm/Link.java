package twovm;

/** A message channel to the other endpoint; its natives are the test's, over a simulated link. */
public final class Link {
    private Link() {
    }

    /** Sends {@code payload} to the other endpoint (returns at once). */
    public static native void send(byte[] payload);

    /** Blocks until a message from the other endpoint arrives, and returns it. */
    public static native byte[] receive();
}
