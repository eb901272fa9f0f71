package org.cometsim.dalvik;

import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.model.ThreadModel;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.Frames;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.rt.VmWorld;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.dalvik.sched.ShutdownHooks;

/**
 * A program's life in one VM, as the {@code java} launcher and the JVM's shutdown sequence see
 * it: the main thread and its class's initialisation, entry points for tools and tests (a static
 * call, a spawned thread), and shutdown hooks (registered by {@code Runtime.addShutdownHook} in
 * {@link ShutdownHooks}), which run when {@code main} returns, when the last non-daemon thread
 * ends, and on {@code System.exit} (not on {@code Runtime.halt}).
 *
 * <p>It only prepares threads and asks the {@link Scheduler} to run them; a discrete-event driver
 * uses {@link #startMain} and drives the scheduler itself, then calls {@link #finish}.
 */
public final class Launcher {
    private final ClassLinker linker;
    private final ClassInitializer initializer;
    private final Heap heap;
    private final Scheduler scheduler;
    private final GuestCalls calls;
    private final ThreadModel threads;
    private final ShutdownHooks shutdownHooks;
    private final OffloadHooks hooks;
    private final VmWorld world;
    private GuestThread mainThread;

    /** {@code world}: its {@code System.out} (the guest's current one) is flushed when the program ends. */
    Launcher(ClassLinker linker, ClassInitializer initializer, Heap heap, Scheduler scheduler, GuestCalls calls,
             ThreadModel threads, ShutdownHooks shutdownHooks, OffloadHooks hooks, VmWorld world) {
        this.hooks = hooks;
        this.linker = linker;
        this.initializer = initializer;
        this.heap = heap;
        this.scheduler = scheduler;
        this.calls = calls;
        this.threads = threads;
        this.shutdownHooks = shutdownHooks;
        this.world = world;
    }

    public GuestThread mainThread() {
        return mainThread;
    }

    /** Runs {@code mainClass.main(args)} to the end of the program; returns the exit status. */
    public int runMain(String mainClass, String[] args) {
        GuestThread t = startMain(mainClass, args);
        try {
            scheduler.runToCompletion();
        } catch (VmExit e) {
            exit(e);
            throw e;
        }
        return finish(t);
    }

    /**
     * Creates the main thread with its frame for {@code main(args)} and starts initialising the
     * main class (the launcher does so first; a {@code <clinit>} frame goes on top of main's).
     * The scheduler then runs it like any thread.
     */
    public GuestThread startMain(String mainClass, String[] args) {
        String desc = Descriptors.toDescriptor(mainClass);
        VmClass c;
        try {
            c = linker.classForDescriptor(desc);
        } catch (ClassLinker.LinkageFailure e) {
            if ("java.lang.VerifyError".equals(e.guestError)) {
                // before any guest code runs: one line naming the file, the class and the method
                String origin = linker.originOf(desc);
                throw new MainClassError((origin != null ? origin + ": " : "") + "main class " + mainClass
                        + " failed verification: " + e.getMessage());
            }
            throw new MainClassError("could not load main class " + mainClass + ": " + e.guestError + ": " + e.getMessage());
        }
        if (c == null || c.kind != VmClass.Kind.GUEST) {
            throw new MainClassError("could not find or load main class " + mainClass);
        }
        VmMethod main = c.methods.get("main([Ljava/lang/String;)V");
        if (main == null || !main.isStatic || (main.access & 0x0001) == 0) {
            throw new MainClassError("main method not found in class " + mainClass
                    + ", please define the main method as: public static void main(String[] args)");
        }
        GuestThread t = threads.createMainThread();
        mainThread = t;
        VmClass stringArray = linker.classForDescriptor("[Ljava/lang/String;");
        GuestArray argv = heap.newArray(t, stringArray, args.length);
        for (int i = 0; i < args.length; i++) {
            ((Object[]) argv.data)[i] = args[i];
        }
        Frame f = Frames.withArgs(main, linker.codeOf(t, main), new Object[] {argv});
        scheduler.start(t, f);
        try {
            int s = initializer.ensureInitialized(t, c);
            if (s == ClassInitializer.INIT_BLOCKED) {
                throw new VmError("internal error: main class initialisation blocked");
            }
        } catch (GuestThrowable e) {
            t.top = null;
            org.cometsim.dalvik.hooks.MethodEvents ev = hooks.methodEvents();
            if (ev != null) {
                ev.exit(t, main, true); // main's frame (entered when the thread started) never runs
            }
            t.uncaught = e.guest;
            try {
                scheduler.terminate(t);
            } catch (VmExit exit) {
                scheduler.stopForExit(t); // exit in the uncaught-exception handler
                throw exit;
            }
        }
        return t;
    }

    /**
     * After the scheduler has run every non-daemon thread to its end: runs the shutdown hooks and
     * flushes the guest's output. Returns the exit status as {@code java} would: 1 if the main
     * thread ended with an uncaught exception, else 0.
     */
    public int finish(GuestThread main) {
        try {
            runShutdownHooks();
        } finally {
            world.outOrLaunch().flush();
        }
        return main.uncaught != null ? 1 : 0;
    }

    /** {@code System.exit} / {@code Runtime.exit} ended the program: the JVM runs the hooks first. */
    public void exit(VmExit e) {
        if (!e.halt) {
            runShutdownHooks();
        }
        world.outOrLaunch().flush();
    }

    /**
     * Calls a static method on the main thread (a fresh one if the program has none) and runs all
     * threads until it returns. Arguments and result are boxed by kind.
     */
    public Object invokeStatic(String className, String name, String desc, Object[] args) {
        VmClass c = linker.classForDescriptor(Descriptors.toDescriptor(className));
        if (c == null) {
            throw new MainClassError("no class " + className);
        }
        VmMethod m = c.methods.get(name + desc);
        if (m == null || !m.isStatic) {
            throw new MainClassError("no static method " + className + "." + name + desc);
        }
        GuestThread t = mainThread != null && mainThread.state != ThreadState.TERMINATED && mainThread.top == null
                ? mainThread : threads.createMainThread();
        mainThread = t;
        scheduler.enter(t);
        try {
            initializer.initializeNow(t, c);
            return calls.callGuest(t, m, args);
        } finally {
            scheduler.leave(t);
        }
    }

    /**
     * Creates a runnable thread whose first frame is {@code m(args)} (args boxed by kind). Unlike
     * {@link #invokeStatic} the frame is an ordinary bottom frame, so the thread can be preempted,
     * stopped for migration and captured; its result is left in {@code retP/retR}.
     */
    public GuestThread spawn(String name, VmMethod m, Object... args) {
        GuestThread t = threads.createStartedThread(name);
        Frame f = Frames.withArgs(m, linker.codeOf(t, m), args);
        scheduler.start(t, f);
        return t;
    }

    /** Runs every thread until no non-daemon thread is alive (or a deadlock is reported). */
    public void runAll() {
        try {
            scheduler.runToCompletion();
        } finally {
            world.outOrLaunch().flush();
        }
    }

    /** Runs the registered hooks ({@code Runtime.addShutdownHook}) to completion, as the JVM does on exit (once). */
    private void runShutdownHooks() {
        List<GuestObject> registered = shutdownHooks.beginShutdown();
        if (registered.isEmpty()) {
            return;
        }
        scheduler.beginShutdown();
        GuestThread starter = mainThread;
        List<GuestThread> hooks = new ArrayList<>();
        for (GuestObject hook : registered) {
            hooks.add(threads.startHook(starter, hook));
        }
        while (true) {
            try {
                scheduler.runUntilEnded(hooks);
                return;
            } catch (VmExit e) {
                if (e.halt) {
                    throw e;
                }
                // Another exit while the hooks run: its caller is stopped (Scheduler.stopForExit), the hooks go on.
            }
        }
    }

    /** No main class or no main method: the launcher's error, not a guest exception. */
    public static final class MainClassError extends VmError {
        public MainClassError(String message) {
            super(message);
        }
    }
}
