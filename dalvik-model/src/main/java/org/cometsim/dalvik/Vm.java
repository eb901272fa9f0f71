package org.cometsim.dalvik;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.cometsim.dalvik.bridge.GuestResources;
import org.cometsim.dalvik.bridge.HostBridge;
import org.cometsim.dalvik.bridge.LibraryClasses;
import org.cometsim.dalvik.bridge.ModelClasses;
import org.cometsim.dalvik.bridge.Natives;
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
import org.cometsim.dalvik.interp.Interpreter;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.GuestLibrary;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.MethodCode;
import org.cometsim.dalvik.rt.ObjectHeader;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.sched.Monitors;
import org.cometsim.dalvik.sched.Scheduler;
import org.jf.dexlib2.iface.ClassDef;

/**
 * <b>Start here.</b> One Dalvik virtual machine: a class path of dex images, the classes linked
 * from it, guest threads and the interpreter that runs them. Everything mutable hangs off this
 * instance, so two VMs (a COMET phone and server endpoint) coexist in one JVM.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>Loading: {@link ClassPath} reads .dex/.jar/.apk ({@code load} package; jars go through
 *       D8). Classes are linked lazily by descriptor ({@link #classForDescriptor}).</li>
 *   <li>Class kinds ({@link VmClass.Kind}): guest classes from dex; <em>model</em> classes the
 *       VM implements so their instances stay guest objects ({@code Object}, {@code Throwable}
 *       family, {@code Thread}, {@code Enum}, {@code Class}, reflection); <em>host</em> classes
 *       bridged to the JVM ({@link HostBridge}); arrays; primitives. The mutable workhorses
 *       ({@code java.util} collections, {@code StringBuilder}, {@code Random}, the
 *       {@code java.util.concurrent} locks, pools and queues) are guest classes from the guest
 *       library ({@link GuestLibrary}, module {@code guest-lib}), linked under the JDK's names in
 *       place of the host's, so the DSM can track their fields. Class loaders, resources and
 *       packages of the guest class path: {@link GuestResources}.</li>
 *   <li>Execution: {@link Interpreter} runs pre-decoded code ({@link Decoder},
 *       {@link MethodCode}), and hot methods as JVM bytecode
 *       ({@link org.cometsim.dalvik.interp.BaselineCompiler}, {@link #jitMode()}), invisibly to
 *       the guest and the counters; {@link Scheduler} runs green threads deterministically;
 *       {@link Monitors} implements monitors and wait/notify.</li>
 *   <li>The typed offload interface ({@code hooks} package, installed through {@link #hooks()};
 *       what issue #13's runtime builds on):
 *       <ul>
 *         <li>offload headers, null until the runtime tracks something: {@link ObjectHeader} on
 *             objects and arrays ({@code dsm}), {@link org.cometsim.dalvik.rt.ClassHeader} on
 *             classes, {@link org.cometsim.dalvik.rt.ThreadHeader} on threads;</li>
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
 * Use {@link #runMain} to run a program as {@code java} would, or {@link #invokeStatic} to call
 * one method (conformance tests do).
 */
public final class Vm {
    public static final int INIT_READY = ClassInitializer.INIT_READY;
    public static final int INIT_PUSHED = ClassInitializer.INIT_PUSHED;
    public static final int INIT_BLOCKED = ClassInitializer.INIT_BLOCKED;

    /** Configuration of one VM. */
    /**
     * Configuration of one VM.
     *
     * @param guestLibrary run the guest library's {@code java.*} classes (collections,
     *     {@code StringBuilder}, {@code Random}: see {@link GuestLibrary}) as guest code; false bridges
     *     them to the host JVM's classes instead (their state is then not DSM-trackable)
     */
    public record Options(PrintStream out, PrintStream err, InputStream in, VmClock clock, boolean guestLibrary) {
        public Options(PrintStream out, PrintStream err, InputStream in, VmClock clock) {
            this(out, err, in, clock, true);
        }

        public static Options standard() {
            return new Options(System.out, System.err, System.in, VmClock.wallClock());
        }

        public Options withGuestLibrary(boolean on) {
            return new Options(out, err, in, clock, on);
        }
    }

    private final Options options;
    private final OffloadHooks hooks = new OffloadHooks();
    private final NativeRegistry natives = new NativeRegistry();
    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final Heap heap;
    private final Interpreter interpreter;
    private final Scheduler scheduler;
    public final Monitors monitors;
    private final ClassInitializer initializer;
    private final Launcher launcher;
    private final HostBridge bridge;
    private final GuestResources resources;
    private final ModelClasses models;
    private final Migration migration = new Migration(new HookAccess(this));

    public Vm(ClassPath classPath, Options options) {
        this.options = options;
        this.linker = new ClassLinker(classPath, options.guestLibrary() ? GuestLibrary.classPath() : null, natives);
        this.resolver = new MemberResolver(linker, natives);
        this.heap = new Heap(hooks);
        this.interpreter = new Interpreter(hooks);
        this.scheduler = new Scheduler(interpreter, interpreter::safepointInterval, options.clock());
        this.monitors = new Monitors(scheduler);
        this.initializer = new ClassInitializer(linker, resolver, scheduler, interpreter, hooks);
        this.launcher = new Launcher(this);
        this.bridge = new HostBridge(this);
        this.resources = new GuestResources(this);
        this.models = new ModelClasses(this);
        GuestExceptions exceptions = models;
        resolver.attach(new LibraryClasses(models, bridge), exceptions);
        heap.attach(exceptions);
        initializer.attach(exceptions);
        scheduler.setExceptions(exceptions);
        scheduler.setHooks(hooks);
        monitors.setExceptions(exceptions);
        scheduler.setTerminationHandler(t -> models.reportUncaught(t, t.uncaught));
        interpreter.attach(linker, resolver, initializer, heap, exceptions, scheduler, monitors, bridge);
        Natives.registerAll(this, natives);
        linker.attach(new LibraryClasses(models, bridge), exceptions);
    }

    // ------------------------------------------------------------------ parts

    public Options options() {
        return options;
    }

    public PrintStream out() {
        return options.out();
    }

    public PrintStream err() {
        return options.err();
    }

    public VmClock clock() {
        return options.clock();
    }

    /** The hooks an offload runtime installs (write barrier, safepoint handler, native gate, method events). */
    public OffloadHooks hooks() {
        return hooks;
    }

    public ClassLinker linker() {
        return linker;
    }

    public MemberResolver resolver() {
        return resolver;
    }

    public ClassInitializer initializer() {
        return initializer;
    }

    public Heap heap() {
        return heap;
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

    public HostBridge bridge() {
        return bridge;
    }

    public NativeRegistry natives() {
        return natives;
    }

    /** Class loaders and resources of the guest class path. */
    public GuestResources resources() {
        return resources;
    }

    public ModelClasses models() {
        return models;
    }

    /** Makes guest exceptions (the model {@code Throwable}). */
    public GuestExceptions exceptions() {
        return models;
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

    private final Map<String, String> guestProperties = new HashMap<>();

    /** A system property as the guest sees it when it differs from the host's (e.g. java.class.path). */
    public void setGuestProperty(String key, String value) {
        guestProperties.put(key, value);
    }

    public String guestProperty(String key) {
        return guestProperties.get(key);
    }

    // ------------------------------------------------------------------ class-library shortcuts
    // Transitional (TODO(#11): the class library reaches the parts directly): delegates the
    // natives still call through the facade.

    /** The installed write barrier, {@link WriteBarrier#NONE} if none: never null. */
    public WriteBarrier barrier() {
        return hooks.barrier();
    }

    public NativeGate nativeGate() {
        return hooks.nativeGate();
    }

    public VmClass objectClass() {
        return linker.objectClass();
    }

    public VmClass stringClass() {
        return linker.stringClass();
    }

    public VmClass classClass() {
        return linker.classClass();
    }

    /** The class for a descriptor, linking it on first use; null if it does not exist anywhere. */
    public VmClass classForDescriptor(String d) {
        return linker.classForDescriptor(d);
    }

    public VmClass hostClassOf(Class<?> h) {
        return linker.hostClassOf(h);
    }

    /** The class of any guest value. */
    public VmClass classOf(Object v) {
        return linker.classOf(v);
    }

    public boolean hasGuestClass(String descriptor) {
        return linker.hasGuestClass(descriptor);
    }

    public Map<String, ClassDef> guestDefinitions() {
        return linker.guestDefinitions();
    }

    public MethodCode codeOf(GuestThread t, VmMethod m) {
        return linker.codeOf(t, m);
    }

    public VmClass classForName(GuestThread t, String descriptor) {
        return resolver.classForName(t, descriptor);
    }

    public VmMethod findVirtual(GuestThread t, VmClass rc, String key) {
        return resolver.findVirtual(t, rc, key);
    }

    public VmMethod findVirtualOrNull(VmClass rc, String key) {
        return resolver.findVirtualOrNull(rc, key);
    }

    public VmMethod findStaticForLambda(GuestThread t, VmClass owner, String key) {
        return resolver.findStaticForLambda(t, owner, key);
    }

    public int ensureInitialized(GuestThread t, VmClass c) {
        return initializer.ensureInitialized(t, c);
    }

    /** Runs class initialisation to completion from host code (natives, reflection, tests). */
    public void initializeNow(GuestThread t, VmClass c) {
        initializer.initializeNow(t, c);
    }

    public Object allocate(GuestThread t, VmClass c) {
        return heap.allocate(t, c);
    }

    public GuestArray newArray(GuestThread t, VmClass arrayClass, int len) {
        return heap.newArray(t, arrayClass, len);
    }

    public void fillArrayData(GuestThread t, GuestArray arr, Object payload) {
        heap.fillArrayData(t, arr, payload);
    }

    public int newIdentityHash() {
        return heap.newIdentityHash();
    }

    public VmError internal(GuestThread t, String message) {
        return new VmError("internal error: " + message + " (in " + (t.top == null ? "?" : t.top.method.display()) + ")");
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

    /** Creates a guest exception of a {@code java.*} (or guest) class and returns its carrier. */
    public GuestThrowable guestException(GuestThread t, String className, String message) {
        return models.create(t, className, message);
    }

    public GuestThrowable npe(GuestThread t, String message) {
        return models.npe(t, message);
    }
}
