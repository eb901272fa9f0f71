package org.cometsim.dalvik.sched;

import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;

/**
 * The guest's {@code Runtime.addShutdownHook} registrations: unstarted {@code Thread} objects,
 * in registration order, with the JDK's checks. The natives of {@code Runtime} register and
 * remove hooks; the launcher takes them once, when the program ends, and runs them.
 */
public final class ShutdownHooks {
    private final GuestExceptions exceptions;
    private final List<GuestObject> hooks = new ArrayList<>();
    private boolean shuttingDown;

    public ShutdownHooks(GuestExceptions exceptions) {
        this.exceptions = exceptions;
    }

    /** {@code Runtime.addShutdownHook}: the hook thread starts when the program ends. */
    public void add(GuestThread caller, GuestObject hookThread) {
        if (shuttingDown) {
            throw exceptions.create(caller, "java.lang.IllegalStateException", "Shutdown in progress");
        }
        if (hooks.contains(hookThread)) {
            throw exceptions.create(caller, "java.lang.IllegalArgumentException", "Hook previously registered");
        }
        hooks.add(hookThread);
    }

    /** {@code Runtime.removeShutdownHook}: true if {@code hookThread} was registered. */
    public boolean remove(GuestThread caller, GuestObject hookThread) {
        if (shuttingDown) {
            throw exceptions.create(caller, "java.lang.IllegalStateException", "Shutdown in progress");
        }
        return hooks.remove(hookThread);
    }

    /**
     * Starts the shutdown (once) and returns the hooks to run; empty if there are none or the
     * shutdown has already begun. From then on registrations fail as in the JDK.
     */
    public List<GuestObject> beginShutdown() {
        if (shuttingDown || hooks.isEmpty()) {
            return List.of();
        }
        shuttingDown = true;
        return List.copyOf(hooks);
    }
}
