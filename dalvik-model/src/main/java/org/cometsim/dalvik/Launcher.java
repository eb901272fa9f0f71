package org.cometsim.dalvik;

import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.sched.Scheduler;

/**
 * A program's life in one VM, as the {@code java} launcher and the JVM's shutdown sequence see
 * it: the main thread and its class's initialisation, entry points for tools and tests (a static
 * call, a spawned thread), and shutdown hooks, which run when {@code main} returns, when the last
 * non-daemon thread ends, and on {@code System.exit} (not on {@code Runtime.halt}).
 *
 * <p>It only prepares threads and asks the {@link Scheduler} to run them; a discrete-event driver
 * uses {@link #startMain} and drives the scheduler itself, then calls {@link #finish}.
 */
public final class Launcher {
    private final Vm vm;
    private GuestThread mainThread;
    private final List<GuestObject> shutdownHooks = new ArrayList<>();
    private boolean shuttingDown;

    Launcher(Vm vm) {
        this.vm = vm;
    }

    public GuestThread mainThread() {
        return mainThread;
    }

    /** Runs {@code mainClass.main(args)} to the end of the program; returns the exit status. */
    public int runMain(String mainClass, String[] args) {
        GuestThread t = startMain(mainClass, args);
        try {
            vm.scheduler().runToCompletion();
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
            c = vm.classForDescriptor(desc);
        } catch (org.cometsim.dalvik.link.ClassLinker.LinkageFailure e) {
            throw new MainClassError("could not load main class " + mainClass + ": " + e.getMessage());
        }
        if (c == null || c.kind != VmClass.Kind.GUEST) {
            throw new MainClassError("could not find or load main class " + mainClass);
        }
        VmMethod main = c.methods.get("main([Ljava/lang/String;)V");
        if (main == null || !main.isStatic || (main.access & 0x0001) == 0) {
            throw new MainClassError("main method not found in class " + mainClass
                    + ", please define the main method as: public static void main(String[] args)");
        }
        GuestThread t = vm.models().createMainThread();
        mainThread = t;
        VmClass stringArray = vm.classForDescriptor("[Ljava/lang/String;");
        GuestArray argv = vm.newArray(t, stringArray, args.length);
        for (int i = 0; i < args.length; i++) {
            ((Object[]) argv.data)[i] = args[i];
        }
        Frame f = vm.interpreter().newFrameWithArgs(main, vm.codeOf(t, main), new Object[] {argv});
        vm.scheduler().start(t, f);
        try {
            int s = vm.ensureInitialized(t, c);
            if (s == Vm.INIT_BLOCKED) {
                throw new VmError("internal error: main class initialisation blocked");
            }
        } catch (GuestThrowable e) {
            t.top = null;
            org.cometsim.dalvik.hooks.MethodEvents ev = vm.hooks().methodEvents();
            if (ev != null) {
                ev.exit(t, main, true); // main's frame (entered when the thread started) never runs
            }
            t.uncaught = e.guest;
            vm.scheduler().terminate(t);
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
            vm.out().flush();
        }
        return main.uncaught != null ? 1 : 0;
    }

    /** {@code System.exit} / {@code Runtime.exit} ended the program: the JVM runs the hooks first. */
    public void exit(VmExit e) {
        if (!e.halt) {
            runShutdownHooks();
        }
        vm.out().flush();
    }

    /**
     * Calls a static method on the main thread (a fresh one if the program has none) and runs all
     * threads until it returns. Arguments and result are boxed by kind.
     */
    public Object invokeStatic(String className, String name, String desc, Object[] args) {
        VmClass c = vm.classForDescriptor(Descriptors.toDescriptor(className));
        if (c == null) {
            throw new MainClassError("no class " + className);
        }
        VmMethod m = c.methods.get(name + desc);
        if (m == null || !m.isStatic) {
            throw new MainClassError("no static method " + className + "." + name + desc);
        }
        GuestThread t = mainThread != null && mainThread.state != ThreadState.TERMINATED && mainThread.top == null
                ? mainThread : vm.models().createMainThread();
        mainThread = t;
        Scheduler s = vm.scheduler();
        s.enter(t);
        try {
            vm.initializeNow(t, c);
            return vm.interpreter().callGuest(t, m, args);
        } finally {
            s.leave(t);
        }
    }

    /**
     * Creates a runnable thread whose first frame is {@code m(args)} (args boxed by kind). Unlike
     * {@link #invokeStatic} the frame is an ordinary bottom frame, so the thread can be preempted,
     * stopped for migration and captured; its result is left in {@code retP/retR}.
     */
    public GuestThread spawn(String name, VmMethod m, Object... args) {
        GuestThread t = vm.models().createStartedThread(name);
        Frame f = vm.interpreter().newFrameWithArgs(m, vm.codeOf(t, m), args);
        vm.scheduler().start(t, f);
        return t;
    }

    /** Runs every thread until no non-daemon thread is alive (or a deadlock is reported). */
    public void runAll() {
        try {
            vm.scheduler().runToCompletion();
        } finally {
            vm.out().flush();
        }
    }

    /** {@code Runtime.addShutdownHook}: the hook thread starts when the program ends. */
    public void addShutdownHook(GuestThread caller, GuestObject hookThread) {
        if (shuttingDown) {
            throw vm.guestException(caller, "java.lang.IllegalStateException", "Shutdown in progress");
        }
        if (shutdownHooks.contains(hookThread)) {
            throw vm.guestException(caller, "java.lang.IllegalArgumentException", "Hook previously registered");
        }
        shutdownHooks.add(hookThread);
    }

    public boolean removeShutdownHook(GuestThread caller, GuestObject hookThread) {
        if (shuttingDown) {
            throw vm.guestException(caller, "java.lang.IllegalStateException", "Shutdown in progress");
        }
        return shutdownHooks.remove(hookThread);
    }

    /** Runs the registered hooks to completion, as the JVM does on exit (once). */
    private void runShutdownHooks() {
        if (shuttingDown || shutdownHooks.isEmpty()) {
            return;
        }
        shuttingDown = true;
        GuestThread starter = mainThread;
        List<GuestThread> hooks = new ArrayList<>();
        for (GuestObject hook : shutdownHooks) {
            hooks.add(vm.models().startHook(starter, hook));
        }
        try {
            vm.scheduler().runOnly(hooks);
        } catch (VmExit e) {
            // System.exit inside a hook: the JVM would block forever; we stop running hooks.
        }
    }

    /** No main class or no main method: the launcher's error, not a guest exception. */
    public static final class MainClassError extends VmError {
        public MainClassError(String message) {
            super(message);
        }
    }
}
