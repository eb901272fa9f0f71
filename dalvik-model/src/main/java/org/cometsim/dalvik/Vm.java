package org.cometsim.dalvik;

import java.util.function.IntFunction;

import java.io.InputStream;
import java.io.PrintStream;

import org.cometsim.dalvik.hooks.ClassInitImage;
import org.cometsim.dalvik.hooks.MethodEvents;
import org.cometsim.dalvik.hooks.Migration;
import org.cometsim.dalvik.hooks.MonitorImage;
import org.cometsim.dalvik.hooks.NativeGate;
import org.cometsim.dalvik.hooks.ObjectIds;
import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.hooks.SafepointHandler;
import org.cometsim.dalvik.hooks.ThreadImage;
import org.cometsim.dalvik.hooks.WriteBarrier;
import org.cometsim.dalvik.host.GuestResources;
import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.host.Natives;
import org.cometsim.dalvik.host.VmLogging;
import org.cometsim.dalvik.interp.Interpreter;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.GuestLibrary;
import org.cometsim.dalvik.model.LibraryClasses;
import org.cometsim.dalvik.model.ModelClasses;
import org.cometsim.dalvik.reflect.GuestReflection;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.RuntimeFigures;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmWorld;
import org.cometsim.dalvik.sched.Monitors;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.dalvik.sched.ShutdownHooks;

/**
 * <b>Start here.</b> One Dalvik virtual machine: a class path of dex images, the classes linked
 * from it, guest threads and the interpreter that runs them. Everything mutable hangs off this
 * instance, so two VMs (a COMET phone and server endpoint) coexist in one JVM. This class only
 * assembles the parts and offers what tools, tests and the offload runtime use; the parts do the
 * work, each package using only those below it:
 * {@code rt < code < load < hooks < sched < link < host < reflect < model < interp < Vm, Launcher}.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>Runtime data ({@code rt}): {@link VmClass} and its members, guest objects, arrays,
 *       threads and frames, and the contracts the layers above fulfil ({@link GuestExceptions},
 *       {@link org.cometsim.dalvik.rt.GuestCalls}); the VM's own share of what is JVM-global on a
 *       JVM ({@link VmWorld}: standard streams, clock, system properties, default locale and
 *       time zone, {@code Runtime} figures; {@link #world()}).</li>
 *   <li>Loading ({@code load}): {@link ClassPath} reads .dex/.jar/.apk (jars go through D8);
 *       {@code code} decodes each method once per class path.</li>
 *   <li>Threads ({@code sched}): the {@link Scheduler} runs green threads deterministically on
 *       simulated cores; {@link Monitors} implements monitors and wait/notify.</li>
 *   <li>Linking ({@code link}): {@link #linker()} finds and links classes by descriptor and lays
 *       out their fields, {@link #resolver()} resolves symbolic references and dispatches,
 *       {@link #initializer()} runs class initialisation, {@link #heap()} allocates, and
 *       {@link #natives()} holds the natives and intercepts.</li>
 *   <li>The class library, in three packages. {@code host}: {@code java.*} classes bridged to
 *       the JVM ({@link HostBridge}: method handles, value conversion, callbacks; host peers of
 *       guest subclasses; {@code invoke-custom}), the JDK intercepts ({@link Natives}) and the
 *       guest class loader ({@link GuestResources}). {@code reflect}: reflection over guest and
 *       library classes ({@link GuestReflection}). {@code model}: the classes the VM implements
 *       itself so their instances stay guest objects ({@code Object}, {@code Class}, the
 *       {@code Throwable} family, {@code Thread}, {@code Enum}, reflection), one file each,
 *       registered by {@link ModelClasses}. The mutable workhorses ({@code java.util}
 *       collections, {@code StringBuilder}, {@code Random}, the {@code java.util.concurrent}
 *       locks, pools and queues) are guest classes of the guest library ({@link GuestLibrary},
 *       module {@code guest-lib}), linked under the JDK's names in place of the host's, so the
 *       DSM can track their fields.</li>
 *   <li>Execution ({@code interp}): {@link Interpreter} runs pre-decoded code, and hot methods as
 *       JVM bytecode ({@link org.cometsim.dalvik.interp.BaselineCompiler}, {@link #jitMode()}),
 *       invisibly to the guest and the counters.</li>
 *   <li>The typed offload interface ({@code hooks} package, installed through {@link #hooks()};
 *       what issue #13's runtime builds on):
 *       <ul>
 *         <li>offload headers, null until the runtime tracks something:
 *             {@link org.cometsim.dalvik.rt.ObjectHeader} on objects and arrays ({@code dsm}),
 *             {@link org.cometsim.dalvik.rt.ClassHeader} on classes,
 *             {@link org.cometsim.dalvik.rt.ThreadHeader} on threads;</li>
 *         <li>one barrier rule: every write path of a tracked object calls the
 *             {@link WriteBarrier} before its store ({@link WriteBarrier#NONE} when none is
 *             installed; the list of write paths is in its Javadoc);</li>
 *         <li>{@link SafepointHandler} at safepoints (may stop a thread for migration),
 *             {@link NativeGate} before natives, {@link MethodEvents} at method entry and exit
 *             (free when nobody subscribes), per-opcode counters in {@link GuestThread#opCounts};</li>
 *         <li>moving state between two VMs by object id ({@link ObjectIds}, the DSM's mapping):
 *             {@link #detach}/{@link #adopt} a thread ({@link ThreadImage}: frames, held monitors,
 *             wait state, pending exception), {@link #captureMonitor}/{@link #rebuildMonitor},
 *             {@link #captureClassInit}/{@link #rebuildClassInit} ({@link Migration}).</li>
 *       </ul></li>
 * </ul>
 * Use {@link #runMain} to run a program as {@code java} would, {@link #invokeStatic} to call one
 * method (conformance tests do), or the {@link #launcher()} and {@link #scheduler()} to drive the
 * threads from a discrete-event simulation.
 */
public final class Vm {
    /**
     * Configuration of one VM.
     *
     * @param guestLibrary run the guest library's {@code java.*} classes (collections,
     *     {@code StringBuilder}, {@code Random}: see {@link GuestLibrary}) as guest code; false bridges
     *     them to the host JVM's classes instead (their state is then not DSM-trackable)
     * @param runtime what {@code java.lang.Runtime} reports (processors, memory): the simulated
     *     device; default {@link RuntimeFigures#PHONE_2012}
     */
    public record Options(PrintStream out, PrintStream err, InputStream in, VmClock clock, boolean guestLibrary,
                          RuntimeFigures runtime) {
        public Options {
            java.util.Objects.requireNonNull(runtime, "runtime");
        }

        public Options(PrintStream out, PrintStream err, InputStream in, VmClock clock) {
            this(out, err, in, clock, true);
        }

        public Options(PrintStream out, PrintStream err, InputStream in, VmClock clock, boolean guestLibrary) {
            this(out, err, in, clock, guestLibrary, RuntimeFigures.PHONE_2012);
        }

        public static Options standard() {
            return new Options(System.out, System.err, System.in, VmClock.wallClock());
        }

        public Options withGuestLibrary(boolean on) {
            return new Options(out, err, in, clock, on, runtime);
        }

        public Options withRuntime(RuntimeFigures figures) {
            return new Options(out, err, in, clock, guestLibrary, figures);
        }
    }

    private final Options options;
    private final VmWorld world;
    private final OffloadHooks hooks = new OffloadHooks();
    private final NativeRegistry natives = new NativeRegistry();
    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final Heap heap;
    private final Interpreter interpreter;
    private final Scheduler scheduler;
    public final Monitors monitors;
    private final ClassInitializer initializer;
    private final HostBridge bridge;
    private final ModelClasses models;
    private final Launcher launcher;
    private final Migration migration = new Migration(new HookAccess(this));

    public Vm(ClassPath classPath, Options options) {
        this.options = options;
        this.world = new VmWorld(options.out(), options.err(), options.in(), options.clock(), options.runtime());
        this.linker = new ClassLinker(classPath, options.guestLibrary() ? GuestLibrary.classPath() : null, natives);
        this.resolver = new MemberResolver(linker, natives);
        this.heap = new Heap(hooks);
        this.interpreter = new Interpreter(hooks);
        this.scheduler = new Scheduler(interpreter, interpreter::safepointInterval, options.clock());
        this.monitors = new Monitors(scheduler);
        this.initializer = new ClassInitializer(linker, resolver, scheduler, interpreter, hooks);
        scheduler.setHooks(hooks);
        monitors.setHooks(hooks);
        // The class library: the host bridge, then the model classes over it. The model Throwable
        // makes every guest exception, so the parts below it are handed it last.
        VmLogging logging = new VmLogging(world);
        this.bridge = new HostBridge(linker, resolver, heap, scheduler, hooks, world, logging, interpreter);
        GuestResources resources = new GuestResources(world);
        this.models = new ModelClasses(linker, resolver, initializer, heap, natives, scheduler, monitors, hooks, world,
                interpreter, bridge, resources);
        GuestExceptions exceptions = models.exceptions();
        LibraryClasses library = new LibraryClasses(models, bridge);
        bridge.attach(exceptions);
        resolver.attach(library, exceptions);
        heap.attach(exceptions);
        heap.attachLiveSize(linker, scheduler);
        initializer.attach(exceptions);
        scheduler.setExceptions(exceptions);
        monitors.setExceptions(exceptions);
        scheduler.setTerminationHandler(t -> models.threads().reportUncaught(t, t.uncaught));
        interpreter.attach(linker, resolver, initializer, heap, exceptions, scheduler, monitors, bridge);
        ShutdownHooks shutdownHooks = new ShutdownHooks(exceptions);
        new Natives(linker, initializer, heap, monitors, exceptions, hooks, world, logging, scheduler, shutdownHooks, bridge,
                resources).register(natives);
        models.registerIntercepts(natives);
        this.launcher = new Launcher(linker, initializer, heap, scheduler, interpreter, models.threads(), shutdownHooks, hooks,
                world);
        linker.attach(library, exceptions);
    }

    // ------------------------------------------------------------------ parts

    public Options options() {
        return options;
    }

    /** The hooks an offload runtime installs (write barrier, safepoint handler, native gate, method events). */
    public OffloadHooks hooks() {
        return hooks;
    }

    /** Classes by descriptor, linked on first use; each method's code. */
    public ClassLinker linker() {
        return linker;
    }

    /** Symbolic references and dispatch. */
    public MemberResolver resolver() {
        return resolver;
    }

    /** Class initialisation. */
    public ClassInitializer initializer() {
        return initializer;
    }

    /** Allocation and identity hashes. */
    public Heap heap() {
        return heap;
    }

    /**
     * This VM's own share of what is JVM-global on a JVM: standard streams, clock, system
     * properties, default locale and time zone, {@code Runtime} figures.
     */
    public VmWorld world() {
        return world;
    }

    /** The natives and intercepts, each with its placement and cost class. */
    public NativeRegistry natives() {
        return natives;
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The program's life: main thread, entry points, shutdown hooks. */
    public Launcher launcher() {
        return launcher;
    }

    /** Host classes, and the host state the guest has been handed ({@link HostBridge#hostStateReport}). */
    public HostBridge bridge() {
        return bridge;
    }

    /** The model classes ({@code Object}, {@code Class}, {@code Throwable}, {@code Thread} ...). */
    public ModelClasses models() {
        return models;
    }

    /** Makes guest exceptions (the model {@code Throwable}). */
    public GuestExceptions exceptions() {
        return models.exceptions();
    }

    // ------------------------------------------------------------------ settings

    /** Whether hot guest methods run as compiled code (default from {@code -Dcomet.jit}, else ON). */
    public JitMode jitMode() {
        return interpreter.jitMode();
    }

    public void setJitMode(JitMode mode) {
        interpreter.setJitMode(mode);
    }

    public int safepointInterval() {
        return interpreter.safepointInterval();
    }

    /** How many safepoints a thread passes between two calls of the safepoint handler (COMET: 1024). */
    public void setSafepointInterval(int n) {
        interpreter.setSafepointInterval(n);
    }

    /** Stops the run with a {@link VmError} once the guest has executed more than {@code limit} instructions. */
    /**
     * The guest heap limit in bytes (default {@link Heap#DEFAULT_LIMIT}): a guest whose live data
     * would pass it gets {@code java.lang.OutOfMemoryError: Java heap space}, as on a JVM, and the
     * VM goes on. Sizes are estimated as on a 32-bit Dalvik heap.
     */
    public void setHeapLimit(long bytes) {
        heap.setLimit(bytes);
    }

    public void setInstructionLimit(long limit) {
        interpreter.setInstructionLimit(limit);
    }

    public void setWriteBarrier(WriteBarrier b) {
        hooks.setWriteBarrier(b);
    }

    public void setSafepointHandler(SafepointHandler h) {
        hooks.setSafepointHandler(h);
    }

    public void setNativeGate(NativeGate g) {
        hooks.setNativeGate(g);
    }

    /**
     * A launch setting of the guest's system properties that differs from the host's (e.g.
     * java.class.path): part of the VM's initial properties ({@link VmWorld#setLaunchProperty}).
     * {@link #guestProperty} keeps answering the launch value even after guest code changes the
     * property, as the JVM's class loader keeps its launch class path.
     */
    public void setGuestProperty(String key, String value) {
        world.setLaunchProperty(key, value);
    }

    /** The launch setting of {@code key}, or null where the VM was launched with the host's value. */
    public String guestProperty(String key) {
        return world.launchProperty(key);
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs {@code mainClass.main(args)} as {@code java} would and returns the exit status: the
     * {@code System.exit} code, 1 if the main thread ended with an uncaught exception, else 0.
     */
    public int runMain(String mainClass, String[] args) {
        return launcher.runMain(mainClass, args);
    }

    /**
     * Calls a static method on a fresh thread and runs all threads until it returns. Arguments
     * and result are boxed by kind (see {@link org.cometsim.dalvik.rt.NativeImpl}). A guest
     * exception escapes as {@link GuestThrowable}.
     */
    public Object invokeStatic(String className, String name, String desc, Object... args) {
        return launcher.invokeStatic(className, name, desc, args);
    }


    /** The monitor of {@code obj} if it ever had one, else null (the offload runtime's lock checks). */
    public org.cometsim.dalvik.rt.Monitor monitorIfAny(Object obj) {
        return monitors.existing(obj);
    }

    /** Subscribes {@code e} to method entries and exits ({@code null} unsubscribes). */
    public void setMethodEvents(MethodEvents e) {
        hooks.setMethodEvents(e);
    }

    // ------------------------------------------------------------------ moving state between VMs

    /** Why {@code t} cannot be {@link #detach}ed now, or null if it can. */
    public String detachRefusal(GuestThread t) {
        return migration.refusal(t);
    }

    /**
     * Captures thread {@code t} of this VM (stopped for migration, preempted or blocked) and takes
     * it out of scheduling: its frames, monitors, wait state and pending exception, objects named
     * through {@code ids}. See {@link Migration#detach}.
     *
     * @throws IllegalStateException with the reason if it cannot leave now ({@link #detachRefusal})
     */
    public ThreadImage detach(GuestThread t, ObjectIds ids) {
        return migration.detach(t, ids);
    }

    /** Captures {@code t} where it is (a recovery checkpoint); see {@link Migration#snapshot}. */
    public ThreadImage snapshot(GuestThread t, ObjectIds ids) {
        return migration.snapshot(t, ids);
    }

    /** Why {@code t} cannot be {@link #snapshot}ed now, or null. */
    public String snapshotRefusal(GuestThread t) {
        return migration.snapshotRefusal(t);
    }

    /** Rebuilds a detached thread on this VM as a new thread, runnable (or waiting again) from {@code atNanos}. */
    public GuestThread adopt(ThreadImage image, ObjectIds ids, long atNanos) {
        return migration.adopt(image, ids, atNanos, null);
    }

    /** As {@link #adopt(ThreadImage, ObjectIds, long)}, into {@code paired}, a thread of this VM with no frames. */
    public GuestThread adopt(ThreadImage image, ObjectIds ids, long atNanos, GuestThread paired) {
        return migration.adopt(image, ids, atNanos, paired);
    }

    /** The monitor of {@code obj}: owner thread id, recursion count, waiting threads. */
    public MonitorImage captureMonitor(Object obj, ObjectIds ids) {
        return migration.captureMonitor(obj, ids);
    }

    /** Gives a monitor of this VM a captured owner and count; {@code threads} maps thread ids to this VM's threads. */
    public void rebuildMonitor(MonitorImage image, ObjectIds ids, IntFunction<GuestThread> threads) {
        migration.rebuildMonitor(image, ids, threads);
    }

    /** Class {@code c}'s initialisation state (state, initialising thread, error). */
    public ClassInitImage captureClassInit(VmClass c, ObjectIds ids) {
        return migration.captureClassInit(c, ids);
    }

    /** Gives a class of this VM a captured initialisation state; {@code threads} maps thread ids to this VM's threads. */
    public void rebuildClassInit(ClassInitImage image, ObjectIds ids, IntFunction<GuestThread> threads) {
        migration.rebuildClassInit(image, ids, threads);
    }

    /** This VM's thread with id {@code id}, or null (thread ids are 1, 2, ... in creation order). */
    public GuestThread threadById(int id) {
        java.util.List<GuestThread> all = scheduler.threads();
        return id >= 1 && id <= all.size() ? all.get(id - 1) : null;
    }

}
