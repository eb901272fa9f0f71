package org.cometsim.dalvik.model;

import static org.cometsim.dalvik.model.ModelMembers.field;
import static org.cometsim.dalvik.model.ModelMembers.nat;
import static org.cometsim.dalvik.model.ModelMembers.writePrim;
import static org.cometsim.dalvik.model.ModelMembers.writeRef;

import java.io.PrintStream;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.host.GuestResources;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.Frames;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.NativeImpl;
import org.cometsim.dalvik.rt.ThreadState;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.rt.VmWorld;
import org.cometsim.dalvik.sched.Monitors;
import org.cometsim.dalvik.sched.Scheduler;

/**
 * {@code java.lang.Thread}: a guest object whose {@code vmData} is its {@link GuestThread} once
 * started. {@code start}, {@code join}, {@code sleep}, {@code interrupt} and {@code yield} go to the
 * VM's {@link Scheduler} (green threads; a blocking native returns {@link NativeImpl#BLOCK} and is
 * re-executed when the thread is woken, {@code blockPhase} telling it why). It also makes the
 * threads the VM starts itself (main, entry points, shutdown hooks) and reports an uncaught
 * exception as the JDK does.
 */
public final class ThreadModel {
    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final Scheduler scheduler;
    private final Monitors monitors;
    private final GuestExceptions exceptions;
    private final OffloadHooks hooks;
    private final VmWorld world;
    private final GuestCalls calls;
    private final GuestResources resources;
    private final ThrowableModel throwables;
    private VmField thName;
    private VmField thPriority;
    private VmField thDaemon;
    private VmField thTarget;
    private VmField thHandler;
    private VmField thStarted;
    private Object defaultUncaughtHandler;

    ThreadModel(ClassLinker linker, MemberResolver resolver, Scheduler scheduler, Monitors monitors, OffloadHooks hooks,
                VmWorld world, GuestCalls calls, GuestResources resources, ThrowableModel throwables) {
        this.linker = linker;
        this.resolver = resolver;
        this.scheduler = scheduler;
        this.monitors = monitors;
        this.exceptions = throwables;
        this.hooks = hooks;
        this.world = world;
        this.calls = calls;
        this.resources = resources;
        this.throwables = throwables;
    }

    // ------------------------------------------------------------------ Thread

    void complete(VmClass c) {
        c.superclass = linker.classForDescriptor("Ljava/lang/Object;");
        c.interfaces = new VmClass[] {linker.classForDescriptor("Ljava/lang/Runnable;")};
        thName = field(c, "name", "Ljava/lang/String;");
        thPriority = field(c, "priority", "I");
        thDaemon = field(c, "daemon", "Z");
        thTarget = field(c, "target", "Ljava/lang/Runnable;");
        thHandler = field(c, "uncaughtExceptionHandler", "Ljava/lang/Thread$UncaughtExceptionHandler;");
        thStarted = field(c, "started", "Z");
        // The guest library's ThreadLocal keeps each thread's values here (ThreadLocalNatives).
        field(c, ThreadLocalNatives.LOCALS_FIELD, "Ljava/lang/ThreadLocal$ThreadLocalMap;");
        field(c, ThreadLocalNatives.INHERITABLE_FIELD, "Ljava/lang/ThreadLocal$ThreadLocalMap;");
        String[][] inits = {
            {"()V", "-", "-"}, {"(Ljava/lang/Runnable;)V", "1", "-"}, {"(Ljava/lang/Runnable;Ljava/lang/String;)V", "1", "2"},
            {"(Ljava/lang/String;)V", "-", "1"}, {"(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;)V", "2", "-"},
            {"(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;Ljava/lang/String;)V", "2", "3"},
            {"(Ljava/lang/ThreadGroup;Ljava/lang/String;)V", "-", "2"},
            {"(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;Ljava/lang/String;J)V", "2", "3"},
            {"(Ljava/lang/ThreadGroup;Ljava/lang/Runnable;Ljava/lang/String;JZ)V", "2", "3"}};
        for (String[] init : inits) {
            int targetArg = init[1].equals("-") ? -1 : Integer.parseInt(init[1]);
            int nameArg = init[2].equals("-") ? -1 : Integer.parseInt(init[2]);
            nat(c, "<init>", init[0], false, (in, t, a) -> {
                GuestObject g = (GuestObject) a[0];
                String name;
                if (nameArg >= 0) {
                    if (a[nameArg] == null) {
                        throw exceptions.npe(t, "'name' is null");
                    }
                    name = (String) a[nameArg];
                } else {
                    name = "Thread-" + scheduler.nextAnonymousThreadNumber();
                }
                writeRef(hooks, g, thName, name);
                writeRef(hooks, g, thTarget, targetArg >= 0 ? a[targetArg] : null);
                writePrim(hooks, g, thPriority, 5);
                writePrim(hooks, g, thDaemon, t.daemon ? 1 : 0);
                boolean inheritThreadLocals = !init[0].endsWith("JZ)V") || (Boolean) a[5];
                return inheritThreadLocals ? ThreadLocalNatives.inheritedBy(linker, t, g) : null;
            });
        }
        nat(c, "start", "()V", false, (in, t, a) -> {
            startThread(t, (GuestObject) a[0]);
            return null;
        });
        nat(c, "run", "()V", false, (in, t, a) -> {
            Object target = ((GuestObject) a[0]).r[thTarget.slot];
            if (target == null) {
                return null;
            }
            return new NativeImpl.TailCall(resolver.findVirtual(t, linker.classOf(target), "run()V"), new Object[] {target});
        });
        NativeImpl join = (in, t, a) -> {
            GuestThread target = (GuestThread) ((GuestObject) a[0]).vmData;
            long millis = a.length > 1 ? (Long) a[1] : 0;
            if (millis < 0) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", "timeout value is negative");
            }
            int phase = t.blockPhase;
            if (phase == Scheduler.PHASE_INTERRUPTED) {
                t.blockPhase = 0;
                t.interrupted = false;
                throw exceptions.create(t, "java.lang.InterruptedException", null);
            }
            if (phase == Scheduler.PHASE_WOKEN || phase == Scheduler.PHASE_TIMED_OUT) {
                t.blockPhase = 0;
                return null;
            }
            if (t.interrupted) {
                t.interrupted = false;
                throw exceptions.create(t, "java.lang.InterruptedException", null);
            }
            if (target == null || target.state == ThreadState.TERMINATED || target == t) {
                if (target == t && millis == 0) {
                    scheduler.blockOnJoin(t, target, 0); // joining oneself waits forever, as in the JDK
                    return NativeImpl.BLOCK;
                }
                return null;
            }
            scheduler.blockOnJoin(t, target, millis);
            return NativeImpl.BLOCK;
        };
        nat(c, "join", "()V", false, join);
        nat(c, "join", "(J)V", false, join);
        NativeImpl sleep = (in, t, a) -> {
            long millis = (Long) a[0];
            int phase = t.blockPhase;
            if (phase == Scheduler.PHASE_TIMED_OUT || phase == Scheduler.PHASE_WOKEN) {
                t.blockPhase = 0;
                return null;
            }
            if (phase == Scheduler.PHASE_INTERRUPTED || t.interrupted) {
                t.blockPhase = 0;
                t.interrupted = false;
                throw exceptions.create(t, "java.lang.InterruptedException", "sleep interrupted");
            }
            if (millis < 0) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", "timeout value is negative");
            }
            long nanos = millis * 1_000_000L + (a.length > 1 ? (Integer) a[1] : 0);
            if (nanos == 0) {
                t.safepointBudget = 0;
                return null;
            }
            scheduler.sleep(t, nanos);
            return NativeImpl.BLOCK;
        };
        nat(c, "sleep", "(J)V", true, sleep);
        nat(c, "sleep", "(JI)V", true, sleep);
        nat(c, "yield", "()V", true, (in, t, a) -> {
            t.safepointBudget = 0; // yield at the next safepoint
            return null;
        });
        nat(c, "onSpinWait", "()V", true, (in, t, a) -> {
            t.safepointBudget = 0;
            return null;
        });
        nat(c, "currentThread", "()Ljava/lang/Thread;", true, (in, t, a) -> t.threadObject);
        // The host's answer would hand host Thread objects (none of them the guest's threads) to
        // the guest: a precise stop until guest threads' traces are collected (issue #12).
        nat(c, "getAllStackTraces", "()Ljava/util/Map;", true, (in, t, a) -> {
            throw VmError.unsupported("java.lang.Thread.getAllStackTraces()");
        });
        // Every guest thread's context loader is the application loader (no setter: guest code
        // cannot define loaders, so setContextClassLoader stays an unsupported API).
        nat(c, "getContextClassLoader", "()Ljava/lang/ClassLoader;", false, (in, t, a) -> resources.loader());
        nat(c, "interrupt", "()V", false, (in, t, a) -> {
            GuestThread target = (GuestThread) ((GuestObject) a[0]).vmData;
            if (target != null) {
                if (target.state == ThreadState.TERMINATED) {
                    target.interrupted = true; // the JDK keeps the flag on a dead thread too
                } else {
                    scheduler.interrupt(target);
                }
            }
            return null;
        });
        nat(c, "isInterrupted", "()Z", false, (in, t, a) -> {
            GuestThread target = (GuestThread) ((GuestObject) a[0]).vmData;
            return target != null && target.interrupted;
        });
        nat(c, "interrupted", "()Z", true, (in, t, a) -> {
            boolean was = t.interrupted;
            t.interrupted = false;
            return was;
        });
        nat(c, "getName", "()Ljava/lang/String;", false, (in, t, a) -> ((GuestObject) a[0]).r[thName.slot]);
        nat(c, "setName", "(Ljava/lang/String;)V", false, (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, "name cannot be null");
            }
            GuestObject g = (GuestObject) a[0];
            writeRef(hooks, g, thName, a[1]);
            if (g.vmData != null) {
                ((GuestThread) g.vmData).name = (String) a[1];
            }
            return null;
        });
        nat(c, "getId", "()J", false, (in, t, a) -> {
            GuestThread gt = (GuestThread) ((GuestObject) a[0]).vmData;
            return gt == null ? 0L : (long) gt.id;
        });
        nat(c, "isAlive", "()Z", false, (in, t, a) -> {
            GuestThread gt = (GuestThread) ((GuestObject) a[0]).vmData;
            return gt != null && gt.state != ThreadState.TERMINATED;
        });
        nat(c, "setDaemon", "(Z)V", false, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            GuestThread gt = (GuestThread) g.vmData;
            if (gt != null && gt.state != ThreadState.TERMINATED) {
                throw exceptions.create(t, "java.lang.IllegalThreadStateException", null);
            }
            writePrim(hooks, g, thDaemon, (Boolean) a[1] ? 1 : 0);
            return null;
        });
        nat(c, "isDaemon", "()Z", false, (in, t, a) -> ((GuestObject) a[0]).p[thDaemon.slot] != 0);
        nat(c, "setPriority", "(I)V", false, (in, t, a) -> {
            int p = (Integer) a[1];
            if (p < 1 || p > 10) {
                throw exceptions.create(t, "java.lang.IllegalArgumentException", null);
            }
            writePrim(hooks, (GuestObject) a[0], thPriority, p);
            return null;
        });
        nat(c, "getPriority", "()I", false, (in, t, a) -> (int) ((GuestObject) a[0]).p[thPriority.slot]);
        nat(c, "holdsLock", "(Ljava/lang/Object;)Z", true, (in, t, a) -> {
            if (a[0] == null) {
                throw exceptions.npe(t, null);
            }
            return monitors.holds(t, a[0]);
        });
        nat(c, "getState", "()Ljava/lang/Thread$State;", false, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            GuestThread gt = (GuestThread) g.vmData;
            if (gt == null) {
                return Thread.State.NEW;
            }
            return Thread.State.valueOf(gt.state.name());
        });
        nat(c, "toString", "()Ljava/lang/String;", false, (in, t, a) -> {
            GuestObject g = (GuestObject) a[0];
            return "Thread[" + g.r[thName.slot] + "," + g.p[thPriority.slot] + ",main]";
        });
        nat(c, "setUncaughtExceptionHandler", "(Ljava/lang/Thread$UncaughtExceptionHandler;)V", false, (in, t, a) -> {
            writeRef(hooks, (GuestObject) a[0], thHandler, a[1]);
            return null;
        });
        nat(c, "getUncaughtExceptionHandler", "()Ljava/lang/Thread$UncaughtExceptionHandler;", false,
                (in, t, a) -> ((GuestObject) a[0]).r[thHandler.slot]);
        nat(c, "setDefaultUncaughtExceptionHandler", "(Ljava/lang/Thread$UncaughtExceptionHandler;)V", true, (in, t, a) -> {
            defaultUncaughtHandler = a[0];
            return null;
        });
        nat(c, "getDefaultUncaughtExceptionHandler", "()Ljava/lang/Thread$UncaughtExceptionHandler;", true,
                (in, t, a) -> defaultUncaughtHandler);
    }

    /** Starts a shutdown-hook thread (it must not have been started). */
    public GuestThread startHook(GuestThread starter, GuestObject g) {
        return startThread(starter, g);
    }

    private GuestThread startThread(GuestThread t, GuestObject g) {
        if (g.p[thStarted.slot] != 0) {
            throw exceptions.create(t, "java.lang.IllegalThreadStateException", null);
        }
        writePrim(hooks, g, thStarted, 1);
        GuestThread nt = scheduler.newThread((String) g.r[thName.slot], g);
        nt.daemon = g.p[thDaemon.slot] != 0;
        g.vmData = nt;
        VmMethod run = resolver.findVirtual(t, g.cls, "run()V");
        Object receiver = g;
        if (run.nativeImpl != null) {
            // Thread.run() itself: start directly in the target's run().
            Object target = g.r[thTarget.slot];
            if (target == null) {
                nt.state = ThreadState.TERMINATED;
                return nt;
            }
            run = resolver.findVirtual(t, linker.classOf(target), "run()V");
            receiver = target;
            if (run.nativeImpl != null) {
                throw VmError.unsupported("starting a thread whose Runnable is a host object (" + linker.classOf(target).name + ")");
            }
        }
        Frame f = Frames.withArgs(run, linker.codeOf(t, run), new Object[] {receiver});
        scheduler.start(nt, f);
        return nt;
    }

    /** The main thread, with its guest {@code Thread} object. */
    public GuestThread createMainThread() {
        return createStartedThread("main");
    }

    /** A runnable thread with a guest {@code Thread} object, for the VM's own entry points. */
    public GuestThread createStartedThread(String name) {
        VmClass threadClass = linker.classForDescriptor("Ljava/lang/Thread;");
        GuestObject g = new GuestObject(threadClass);
        g.r[thName.slot] = name;
        g.p[thPriority.slot] = 5;
        g.p[thStarted.slot] = 1;
        GuestThread t = scheduler.newThread(name, g);
        g.vmData = t;
        t.state = ThreadState.RUNNABLE;
        return t;
    }

    /** The JDK's default handling of an uncaught exception: a handler if set, else print it. */
    public void reportUncaught(GuestThread t, Object ex) {
        Object handler = t.threadObject == null ? null : t.threadObject.r[thHandler.slot];
        if (handler == null) {
            handler = defaultUncaughtHandler;
        }
        GuestThread saved = t;
        // As on the JVM, the thread's frames are gone when its uncaught exception is dispatched:
        // the handler and toString/getCause run on an empty stack (not 20,000 frames deep after
        // a StackOverflowError, where each of those calls overflowed again).
        t.top = null;
        try {
            if (handler != null) {
                VmMethod m = resolver.findVirtual(t, linker.classOf(handler), "uncaughtException(Ljava/lang/Thread;Ljava/lang/Throwable;)V");
                calls.callGuest(t, m, handler, t.threadObject, ex);
                return;
            }
            world.outOrLaunch().flush();
            PrintStream err = world.errOrLaunch(); // the guest's System.err (System.setErr is per VM)
            err.print("Exception in thread \"" + t.name + "\" ");
            throwables.printStackTrace(t, (GuestObject) ex, err::print);
            err.flush();
        } catch (GuestThrowable e) {
            // As in the JDK, an exception thrown while reporting is ignored.
        } catch (VmExit e) {
            throw e;
        } finally {
            t.top = null;
            t.state = saved.state;
        }
    }
}
