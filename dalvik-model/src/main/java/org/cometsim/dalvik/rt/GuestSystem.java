package org.cometsim.dalvik.rt;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@code java.lang.System} shows one VM's guest: its standard streams, its clock, and the
 * system properties whose values differ from the host's (today {@code java.class.path}, the
 * guest's {@code -cp}, where resources and class-file metadata are read). Each VM has its own, so
 * two VMs in one JVM never write through, read or set each other's (nor the host's).
 */
public final class GuestSystem {
    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final VmClock clock;
    private final Map<String, String> properties = new HashMap<>();

    public GuestSystem(PrintStream out, PrintStream err, InputStream in, VmClock clock) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.clock = clock;
    }

    /** {@code System.out}. */
    public PrintStream out() {
        return out;
    }

    /** {@code System.err}. */
    public PrintStream err() {
        return err;
    }

    /** {@code System.in}. */
    public InputStream in() {
        return in;
    }

    /** {@code System.currentTimeMillis} and {@code System.nanoTime}. */
    public VmClock clock() {
        return clock;
    }

    /** Sets a property as the guest sees it, in place of the host's. */
    public void setProperty(String key, String value) {
        properties.put(key, value);
    }

    /** The guest's own value of property {@code key}, or null where the guest sees the host's. */
    public String property(String key) {
        return properties.get(key);
    }
}
