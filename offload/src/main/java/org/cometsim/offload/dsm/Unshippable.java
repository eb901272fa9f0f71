package org.cometsim.offload.dsm;

/**
 * A push reached state the DSM cannot ship (a mutable host object such as a host-made collection,
 * an object holding VM-internal data): the push is abandoned and the thread that wanted to move
 * stays where it is, with the reason recorded in the run's metrics (principle 3: nothing mutable
 * hides from the DSM; what cannot be tracked is counted and reported).
 */
public final class Unshippable extends RuntimeException {
    /** What could not be shipped, e.g. {@code java.util.ArrayList (host object)}. */
    public final String what;

    public Unshippable(String what) {
        super("cannot ship " + what, null, false, false);
        this.what = what;
    }
}
