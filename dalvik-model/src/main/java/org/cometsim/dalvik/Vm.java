package org.cometsim.dalvik;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cometsim.dalvik.bridge.GuestResources;
import org.cometsim.dalvik.bridge.HostBridge;
import org.cometsim.dalvik.bridge.ModelClasses;
import org.cometsim.dalvik.bridge.NativeRegistry;
import org.cometsim.dalvik.bridge.Natives;
import org.cometsim.dalvik.hooks.NativeGate;
import org.cometsim.dalvik.hooks.SafepointHandler;
import org.cometsim.dalvik.hooks.WriteBarrier;
import org.cometsim.dalvik.rt.CodeTemplate;
import org.cometsim.dalvik.interp.Decoder;
import org.cometsim.dalvik.interp.Interpreter;
import org.cometsim.dalvik.rt.LinkTable;
import org.cometsim.dalvik.rt.Links;
import org.cometsim.dalvik.rt.MethodCode;
import org.cometsim.dalvik.rt.Opcodes;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.GuestLibrary;
import org.cometsim.dalvik.load.ParsedClass;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.Monitors;
import org.cometsim.dalvik.rt.Scheduler;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.jf.dexlib2.ValueType;
import org.jf.dexlib2.iface.ClassDef;
import org.jf.dexlib2.iface.value.BooleanEncodedValue;
import org.jf.dexlib2.iface.value.ByteEncodedValue;
import org.jf.dexlib2.iface.value.CharEncodedValue;
import org.jf.dexlib2.iface.value.DoubleEncodedValue;
import org.jf.dexlib2.iface.value.EncodedValue;
import org.jf.dexlib2.iface.value.FloatEncodedValue;
import org.jf.dexlib2.iface.value.IntEncodedValue;
import org.jf.dexlib2.iface.value.LongEncodedValue;
import org.jf.dexlib2.iface.value.ShortEncodedValue;
import org.jf.dexlib2.iface.value.StringEncodedValue;
import org.jf.dexlib2.iface.value.TypeEncodedValue;

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
 *   <li>Hooks for the offload runtime ({@code hooks} package): {@link WriteBarrier} on every
 *       write path of tracked objects, {@link SafepointHandler} at safepoints, {@link NativeGate}
 *       before natives, per-opcode counters in {@link GuestThread#opCounts}, and frame capture
 *       and rebuild in {@link org.cometsim.dalvik.hooks.FrameCapture}.</li>
 * </ul>
 * Use {@link #runMain} to run a program as {@code java} would, or {@link #invokeStatic} to call
 * one method (conformance tests do).
 */
public final class Vm {
    public static final int INIT_READY = 0;
    public static final int INIT_PUSHED = 1;
    public static final int INIT_BLOCKED = 2;

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
    private final ClassPath classPath;
    /** Guest-library classes ({@code java.*} run as guest code), shadowing the host's; or null. */
    private final ClassPath library;
    private final Map<String, VmClass> classes = new HashMap<>();
    private final Map<Class<?>, VmClass> hostClassCache = new HashMap<>();
    private final LinkTable linkTable = new LinkTable();
    private final Decoder decoder = new Decoder(linkTable);
    private final Interpreter interpreter = new Interpreter(this);
    public final Monitors monitors = new Monitors(this);
    private final Scheduler scheduler = new Scheduler(this);
    private final HostBridge bridge = new HostBridge(this);
    private final NativeRegistry natives = new NativeRegistry();
    private final GuestResources resources = new GuestResources(this);
    private final ModelClasses models;

    private WriteBarrier barrier;
    private SafepointHandler safepointHandler;
    private NativeGate nativeGate;
    private int safepointInterval = 1024;
    private org.cometsim.dalvik.interp.JitMode jitMode = org.cometsim.dalvik.interp.JitMode.fromSystemProperty();
    private int nextIdentityHash = 0x1000;
    private long instructionLimit = Long.MAX_VALUE;

    private final VmClass objectClass;
    private final VmClass stringClass;
    private final VmClass classClass;

    public Vm(ClassPath classPath, Options options) {
        this.options = options;
        this.classPath = classPath;
        this.library = options.guestLibrary() ? GuestLibrary.classPath() : null;
        this.models = new ModelClasses(this);
        Natives.registerAll(this, natives);
        this.objectClass = classForDescriptor("Ljava/lang/Object;");
        this.stringClass = classForDescriptor("Ljava/lang/String;");
        this.classClass = classForDescriptor("Ljava/lang/Class;");
    }

    // ------------------------------------------------------------------ accessors

    public Options options() {
        return options;
    }

    public PrintStream out() {
        return options.out();
    }

    public PrintStream err() {
        return options.err();
    }

    public Interpreter interpreter() {
        return interpreter;
    }

    public Scheduler scheduler() {
        return scheduler;
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

    public VmClock clock() {
        return options.clock();
    }

    public VmClass objectClass() {
        return objectClass;
    }

    public VmClass stringClass() {
        return stringClass;
    }

    public VmClass classClass() {
        return classClass;
    }

    public WriteBarrier barrier() {
        return barrier;
    }

    public void setWriteBarrier(WriteBarrier b) {
        this.barrier = b;
    }

    public SafepointHandler safepointHandler() {
        return safepointHandler;
    }

    public void setSafepointHandler(SafepointHandler h) {
        this.safepointHandler = h;
    }

    public NativeGate nativeGate() {
        return nativeGate;
    }

    public void setNativeGate(NativeGate g) {
        this.nativeGate = g;
    }

    public int safepointInterval() {
        return safepointInterval;
    }

    /** Whether hot guest methods run as compiled code (default from {@code -Dcomet.jit}, else ON). */
    public org.cometsim.dalvik.interp.JitMode jitMode() {
        return jitMode;
    }

    public void setJitMode(org.cometsim.dalvik.interp.JitMode mode) {
        this.jitMode = java.util.Objects.requireNonNull(mode);
    }

    /** How many safepoints a thread passes between two calls of the safepoint handler (COMET: 1024). */
    public void setSafepointInterval(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("safepoint interval must be >= 1");
        }
        this.safepointInterval = n;
    }

    /**
     * Stops the run with a {@link VmError} once the guest has executed more than {@code limit}
     * instructions in all (checked at safepoint slow paths): a guard for tests and sweeps.
     */
    public void setInstructionLimit(long limit) {
        this.instructionLimit = limit;
    }

    /** Called at safepoint slow paths. */
    public void checkInstructionLimit() {
        if (instructionLimit != Long.MAX_VALUE && scheduler.executedSoFar() > instructionLimit) {
            throw new VmError("instruction limit of " + instructionLimit + " exceeded");
        }
    }

    public boolean hasGuestClass(String descriptor) {
        return classPath.defines(descriptor);
    }

    /** The dex class definitions on the class path (descriptor → definition), for tools. */
    public Map<String, ClassDef> guestDefinitions() {
        return classPath.definitions();
    }

    private final Map<String, String> guestProperties = new HashMap<>();

    /** A system property as the guest sees it when it differs from the host's (e.g. java.class.path). */
    public void setGuestProperty(String key, String value) {
        guestProperties.put(key, value);
    }

    public String guestProperty(String key) {
        return guestProperties.get(key);
    }

    /** Next deterministic identity hash code. */
    public int newIdentityHash() {
        int h = nextIdentityHash;
        nextIdentityHash = h * 0x41C64E6D + 12345 & 0x7fffffff; // LCG: deterministic, spread out
        if (nextIdentityHash == 0) {
            nextIdentityHash = 1;
        }
        return h;
    }

    // ------------------------------------------------------------------ running

    /**
     * Runs {@code mainClass.main(args)} as {@code java} would and returns the exit status: the
     * {@code System.exit} code, 1 if the main thread ended with an uncaught exception, else 0.
     */
    public int runMain(String mainClass, String[] args) {
        return scheduler.runMain(mainClass, args);
    }

    /**
     * Calls a static method on a fresh thread and runs all threads until it returns. Arguments
     * and result are boxed by kind (see {@link org.cometsim.dalvik.rt.NativeImpl}). A guest
     * exception escapes as {@link GuestThrowable}.
     */
    public Object invokeStatic(String className, String name, String desc, Object... args) {
        return scheduler.invokeStatic(className, name, desc, args);
    }

    // ------------------------------------------------------------------ classes

    /** Thrown (host side) when a class cannot be found or linked; turned into a guest error. */
    public static final class LinkageFailure extends RuntimeException {
        public final String guestError;

        public LinkageFailure(String guestError, String message) {
            super(message, null, false, false);
            this.guestError = guestError;
        }
    }

    /** The class for a descriptor, linking it on first use; null if it does not exist anywhere. */
    public VmClass classForDescriptor(String d) {
        VmClass c = classes.get(d);
        if (c != null) {
            return c;
        }
        char k = d.charAt(0);
        if (k == '[') {
            VmClass comp = classForDescriptor(d.substring(1));
            if (comp == null) {
                return null;
            }
            c = new VmClass(VmClass.Kind.ARRAY, d.replace('/', '.'), d);
            c.component = comp;
            c.primitive = comp.kind == VmClass.Kind.PRIMITIVE ? comp.primitive : 'L';
            c.superclass = classForDescriptor("Ljava/lang/Object;");
            c.access = 0x0001 | 0x0010 | 0x0400;
            c.interfaces = new VmClass[] {classForDescriptor("Ljava/lang/Cloneable;"),
                    classForDescriptor("Ljava/io/Serializable;")};
            c.initState = VmClass.INIT_DONE;
            classes.put(d, c);
            return c;
        }
        if (k != 'L') {
            if (d.length() != 1 || "IJFDZBCSV".indexOf(k) < 0) {
                return null;
            }
            c = new VmClass(VmClass.Kind.PRIMITIVE, Descriptors.primitiveName(k), d);
            c.primitive = k;
            c.host = primitiveHost(k);
            c.access = 0x0001 | 0x0010 | 0x0400;
            c.initState = VmClass.INIT_DONE;
            classes.put(d, c);
            return c;
        }
        ParsedClass def = classPath.parsedClass(d);
        if (def != null && !d.startsWith("Ljava/")) {
            return linkGuest(d, def);
        }
        ParsedClass lib = library != null ? library.parsedClass(d) : GuestLibrary.linkedWhenOff(d);
        if (lib != null) {
            // A guest-library class: guest code under the JDK's name, in place of the host's class.
            c = linkGuest(d, lib);
            c.replacesHost = findHostClass(c.name);
            return c;
        }
        String name = Descriptors.toClassName(d);
        c = models.define(name, d);
        if (c != null) {
            classes.put(d, c);
            models.complete(c);
            return c;
        }
        Class<?> host = findHostClass(name);
        if (host != null) {
            if (Throwable.class.isAssignableFrom(host)) {
                c = models.mirrorThrowable(name, d, host);
                classes.put(d, c);
                return c;
            }
            c = newHostClass(host);
            classes.put(d, c);
            return c;
        }
        if (def != null) {
            // A dex that defines a java.* class the host lacks: treat it as guest code.
            return linkGuest(d, def);
        }
        return null;
    }

    /** The VM class for a host class (String, ArrayList$Itr, int[], ...). */
    public VmClass hostClassOf(Class<?> h) {
        VmClass c = hostClassCache.get(h);
        if (c != null) {
            return c;
        }
        c = classForDescriptor(Descriptors.of(h));
        if (c != null && c.kind == VmClass.Kind.GUEST && c.replacesHost == h) {
            // A host object of a class the guest library replaces (a java.util.ArrayList made by
            // host code, e.g. Collectors.toList()): it keeps its host class, which the guest sees as
            // a subtype of the guest-library class of the same name (VmClass.isSubtypeOf).
            return newHostClass(h);
        }
        if (c == null) {
            // Non-public or hidden host classes (lambdas, inner iterators) still need a class for dispatch.
            c = new VmClass(VmClass.Kind.HOST, h.getName(), Descriptors.of(h));
            c.host = h;
            c.access = h.getModifiers() & 0xffff;
            c.initState = VmClass.INIT_DONE;
            if (h.getSuperclass() != null) {
                c.superclass = hostClassOf(h.getSuperclass());
            }
        }
        hostClassCache.put(h, c);
        return c;
    }

    /** A HOST class for a public host class, with its supertypes (registered in the host-class cache). */
    private VmClass newHostClass(Class<?> host) {
        VmClass c = new VmClass(VmClass.Kind.HOST, host.getName(), Descriptors.of(host));
        c.host = host;
        c.access = host.getModifiers() & 0xffff;
        c.initState = VmClass.INIT_DONE;
        hostClassCache.put(host, c);
        Class<?> sup = host.getSuperclass();
        if (sup != null) {
            c.superclass = hostClassOf(sup);
        }
        List<VmClass> ifs = new ArrayList<>();
        for (Class<?> i : host.getInterfaces()) {
            ifs.add(hostClassOf(i));
        }
        c.interfaces = ifs.toArray(new VmClass[0]);
        return c;
    }

    private static Class<?> primitiveHost(char k) {
        switch (k) {
            case 'I': return int.class;
            case 'J': return long.class;
            case 'F': return float.class;
            case 'D': return double.class;
            case 'Z': return boolean.class;
            case 'B': return byte.class;
            case 'C': return char.class;
            case 'S': return short.class;
            default: return void.class;
        }
    }

    /** Host classes the guest may use: the Java platform's own public API. */
    private static Class<?> findHostClass(String name) {
        if (!(name.startsWith("java.") || name.startsWith("javax."))) {
            return null;
        }
        try {
            return Class.forName(name, false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private VmClass linkGuest(String d, ParsedClass def) {
        VmClass c = new VmClass(VmClass.Kind.GUEST, Descriptors.toClassName(d), d);
        c.definition = def.definition;
        c.access = def.access;
        c.sourceFile = def.sourceFile;
        classes.put(d, c);
        try {
            if (def.superclass != null) {
                VmClass sup = classForDescriptor(def.superclass);
                if (sup == null) {
                    throw new LinkageFailure("java.lang.NoClassDefFoundError",
                            Descriptors.toClassName(def.superclass).replace('.', '/'));
                }
                if (sup.kind == VmClass.Kind.HOST) {
                    if (!org.cometsim.dalvik.bridge.HostPeers.canExtend(sup.host)) {
                        throw VmError.unsupported("class " + c.name + " extends library class " + sup.name
                                + ", which cannot be subclassed from guest code");
                    }
                    c.hostBase = sup;
                } else if (sup.hostBase != null) {
                    c.hostBase = sup.hostBase;
                }
                c.superclass = sup;
            }
            List<VmClass> ifs = new ArrayList<>();
            for (String i : def.interfaces) {
                VmClass ic = classForDescriptor(i);
                if (ic == null) {
                    throw new LinkageFailure("java.lang.NoClassDefFoundError", Descriptors.toClassName(i).replace('.', '/'));
                }
                ifs.add(ic);
            }
            c.interfaces = ifs.toArray(new VmClass[0]);
            layoutFields(c, def);
            for (ParsedClass.ParsedMethod m : def.methods) {
                VmMethod vm = new VmMethod(c, m.name, m.desc, m.access, m.params, m.returnKind);
                if (m.implementation != null) {
                    vm.codeSource = m;
                } else if ((m.access & 0x0100) != 0) { // ACC_NATIVE
                    natives.bindGuestNative(vm);
                }
                c.methods.put(vm.key(), vm);
            }
        } catch (RuntimeException e) {
            classes.remove(d);
            throw e;
        }
        return c;
    }

    private void layoutFields(VmClass c, ParsedClass def) {
        VmClass sup = c.superclass;
        int prim = sup == null ? 0 : sup.instancePrimCount;
        int ref = sup == null ? 0 : sup.instanceRefCount;
        int idx = sup == null ? 0 : sup.instanceFieldCount;
        for (ParsedClass.ParsedField f : def.instanceFields) {
            VmField vf = new VmField(c, f.name(), f.type(), f.access());
            vf.slot = vf.isRef ? ref++ : prim++;
            vf.index = idx++;
            c.fields.put(vf.name, vf);
        }
        c.instancePrimCount = prim;
        c.instanceRefCount = ref;
        c.instanceFieldCount = idx;
        int sp = 0;
        int sr = 0;
        List<VmField> statics = new ArrayList<>();
        for (ParsedClass.ParsedField f : def.staticFields) {
            VmField vf = new VmField(c, f.name(), f.type(), f.access());
            vf.slot = vf.isRef ? sr++ : sp++;
            vf.index = statics.size();
            vf.initialValue = f.initialValue();
            statics.add(vf);
            c.fields.put(vf.name, vf);
        }
        c.staticP = new long[sp];
        c.staticR = new Object[sr];
        c.staticFields = statics.toArray(new VmField[0]);
    }

    /** Resolves a type link, raising the guest's NoClassDefFoundError if the class is missing. */
    public VmClass resolveClass(GuestThread t, Links.TypeLink tl) {
        VmClass c = tl.resolved;
        if (c != null) {
            return c;
        }
        try {
            c = classForDescriptor(tl.descriptor);
        } catch (LinkageFailure e) {
            throw guestException(t, e.guestError, e.getMessage());
        }
        if (c == null) {
            throw noClass(t, tl.descriptor);
        }
        tl.resolved = c;
        return c;
    }

    /** Like {@link #resolveClass} but returns null instead of throwing (catch clauses). */
    public VmClass tryResolveClass(Links.TypeLink tl) {
        if (tl.resolved != null) {
            return tl.resolved;
        }
        try {
            VmClass c = classForDescriptor(tl.descriptor);
            tl.resolved = c;
            return c;
        } catch (RuntimeException e) {
            return null;
        }
    }

    public VmClass classForName(GuestThread t, String descriptor) {
        try {
            VmClass c = classForDescriptor(descriptor);
            if (c == null) {
                throw noClass(t, descriptor);
            }
            return c;
        } catch (LinkageFailure e) {
            throw guestException(t, e.guestError, e.getMessage());
        }
    }

    private RuntimeException noClass(GuestThread t, String descriptor) {
        String name = Descriptors.toClassName(descriptor);
        if (name.startsWith("android.") || name.startsWith("dalvik.") || name.startsWith("com.android.")) {
            return VmError.unsupported("class " + name + " (Android framework APIs are not available)");
        }
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("sun.") || name.startsWith("jdk.")) {
            return VmError.unsupported("class " + name + " is not available to guest code");
        }
        return guestException(t, "java.lang.NoClassDefFoundError", name.replace('.', '/'));
    }

    /** The class of any guest value (never null for non-null values). */
    public VmClass classOf(Object v) {
        if (v instanceof GuestObject) {
            return ((GuestObject) v).cls;
        }
        if (v instanceof String) {
            return stringClass;
        }
        if (v instanceof GuestArray) {
            return ((GuestArray) v).type;
        }
        if (v instanceof VmClass) {
            return classClass;
        }
        return hostClassOf(v.getClass());
    }

    // ------------------------------------------------------------------ initialisation

    /**
     * Makes sure {@code c} is initialised (JVMS 5.5, superclass first). Returns INIT_READY,
     * INIT_PUSHED (a {@code <clinit>} frame is now on top; re-execute the triggering instruction
     * when it returns) or INIT_BLOCKED (another thread is initialising it).
     */
    public int ensureInitialized(GuestThread t, VmClass c) {
        if (c.initState == VmClass.INIT_DONE) {
            return INIT_READY;
        }
        if (c.kind != VmClass.Kind.GUEST) {
            c.initState = VmClass.INIT_DONE;
            return INIT_READY;
        }
        if (c.initState == VmClass.INIT_RUNNING) {
            if (c.initThread == t) {
                return INIT_READY;
            }
            scheduler.blockOnInit(t, c);
            return INIT_BLOCKED;
        }
        if (c.initState == VmClass.INIT_ERROR) {
            throw guestException(t, "java.lang.NoClassDefFoundError", "Could not initialize class " + c.name);
        }
        if (c.superclass != null && c.superclass.initState != VmClass.INIT_DONE) {
            int s = ensureInitialized(t, c.superclass);
            if (s != INIT_READY) {
                return s;
            }
        }
        if (!c.isInterface()) {
            // JVMS 5.5 step 7: superinterfaces that declare default methods are initialised too.
            for (VmClass i : c.interfaces) {
                int s = initDefaultInterfaces(t, i);
                if (s != INIT_READY) {
                    return s;
                }
            }
        }
        c.initState = VmClass.INIT_RUNNING;
        c.initThread = t;
        applyStaticValues(t, c);
        VmMethod clinit = c.methods.get("<clinit>()V");
        if (clinit == null) {
            finishInit(c);
            return INIT_READY;
        }
        MethodCode code = codeOf(t, clinit);
        Frame nf = new Frame(clinit, code);
        nf.clinitOf = c;
        nf.caller = t.top;
        nf.depth = t.top == null ? 0 : t.top.depth + 1;
        t.top = nf;
        return INIT_PUSHED;
    }

    private int initDefaultInterfaces(GuestThread t, VmClass i) {
        if (i.kind != VmClass.Kind.GUEST || i.initState == VmClass.INIT_DONE) {
            return INIT_READY;
        }
        for (VmClass s : i.interfaces) {
            int r = initDefaultInterfaces(t, s);
            if (r != INIT_READY) {
                return r;
            }
        }
        boolean hasDefault = false;
        for (VmMethod m : i.methods.values()) {
            if (!m.isStatic && (m.access & 0x0400) == 0 && !m.name.startsWith("<")) {
                hasDefault = true;
                break;
            }
        }
        return hasDefault ? ensureInitialized(t, i) : INIT_READY;
    }

    /** Runs class initialisation to completion from host code (natives, reflection, tests). */
    public void initializeNow(GuestThread t, VmClass c) {
        while (c.initState != VmClass.INIT_DONE) {
            if (c.initState == VmClass.INIT_RUNNING && c.initThread == t) {
                return;
            }
            int s = ensureInitialized(t, c);
            if (s == INIT_READY) {
                return;
            }
            if (s == INIT_BLOCKED) {
                scheduler.runOthersUntilRunnable(t);
                continue;
            }
            // A <clinit> frame was pushed on t: run it as a callback.
            Frame clinitFrame = t.top;
            clinitFrame.base = true;
            t.nestDepth++;
            try {
                while (true) {
                    int st = interpreter.run(t);
                    if (st == Interpreter.BASE_RETURN) {
                        break;
                    }
                    if (st == Interpreter.BLOCKED) {
                        scheduler.runOthersUntilRunnable(t);
                    }
                }
            } finally {
                t.nestDepth--;
            }
        }
    }

    private void applyStaticValues(GuestThread t, VmClass c) {
        for (VmField f : c.staticFields) {
            Object iv = f.initialValue;
            if (iv == null) {
                continue;
            }
            EncodedValue ev = (EncodedValue) iv;
            switch (ev.getValueType()) {
                case ValueType.BOOLEAN: c.staticP[f.slot] = ((BooleanEncodedValue) ev).getValue() ? 1 : 0; break;
                case ValueType.BYTE: c.staticP[f.slot] = ((ByteEncodedValue) ev).getValue(); break;
                case ValueType.SHORT: c.staticP[f.slot] = ((ShortEncodedValue) ev).getValue(); break;
                case ValueType.CHAR: c.staticP[f.slot] = ((CharEncodedValue) ev).getValue(); break;
                case ValueType.INT: c.staticP[f.slot] = ((IntEncodedValue) ev).getValue(); break;
                case ValueType.LONG: c.staticP[f.slot] = ((LongEncodedValue) ev).getValue(); break;
                case ValueType.FLOAT: c.staticP[f.slot] = Float.floatToRawIntBits(((FloatEncodedValue) ev).getValue()); break;
                case ValueType.DOUBLE: c.staticP[f.slot] = Double.doubleToRawLongBits(((DoubleEncodedValue) ev).getValue()); break;
                case ValueType.STRING: c.staticR[f.slot] = ((StringEncodedValue) ev).getValue().intern(); break;
                case ValueType.TYPE: c.staticR[f.slot] = classForName(t, ((TypeEncodedValue) ev).getValue()); break;
                case ValueType.NULL: break;
                default:
                    throw VmError.unsupported("static initial value of type " + ValueType.getValueTypeName(ev.getValueType())
                            + " for " + f);
            }
        }
    }

    public void finishInit(VmClass c) {
        c.initState = VmClass.INIT_DONE;
        c.initThread = null;
        scheduler.initFinished(c);
    }

    /** A {@code <clinit>} threw: mark the class erroneous and wrap non-Errors (JVMS 5.5 step 11). */
    public Object failInit(GuestThread t, VmClass c, Object ex) {
        c.initState = VmClass.INIT_ERROR;
        c.initThread = null;
        scheduler.initFinished(c);
        VmClass errorClass = classForDescriptor("Ljava/lang/Error;");
        if (classOf(ex).isSubtypeOf(errorClass)) {
            return ex;
        }
        GuestObject wrapped = models.newThrowable(t, classForDescriptor("Ljava/lang/ExceptionInInitializerError;"), null);
        models.setCause(wrapped, ex);
        return wrapped;
    }

    // ------------------------------------------------------------------ members

    /** Bytecode of a method, decoded on first use. */
    public MethodCode codeOf(GuestThread t, VmMethod m) {
        MethodCode code = m.code;
        if (code != null) {
            return code;
        }
        if (m.codeSource == null) {
            if ((m.access & 0x0400) != 0) {
                throw guestException(t, "java.lang.AbstractMethodError", m.display());
            }
            throw VmError.unsupported("method without code: " + m.display());
        }
        ParsedClass.ParsedMethod pm = (ParsedClass.ParsedMethod) m.codeSource;
        try {
            // decoded once per class path (shared by every VM made from it), linked per VM
            CodeTemplate template = (CodeTemplate) pm.decoded();
            if (template == null) {
                template = Decoder.template(pm.implementation, m.argWords);
                pm.decoded(template);
            }
            code = decoder.instantiate(template);
        } catch (RuntimeException e) {
            throw new VmError("corrupt code in " + m.display() + ": " + e.getMessage(), e);
        }
        m.code = code;
        m.codeSource = null;
        return code;
    }

    public VmField resolveInstanceField(GuestThread t, Links.FieldLink fl, Object obj) {
        if (obj == null) {
            throw npe(t, "Cannot access field \"" + fl.name + "\" because value is null");
        }
        VmField f = fl.resolved;
        if (f == null) {
            VmClass owner = resolveClass(t, linkTable.type(fl.owner));
            if (owner.kind == VmClass.Kind.HOST) {
                return null;
            }
            f = owner.findField(fl.name);
            if (f == null && owner.hostBase != null) {
                return null; // a field of the library superclass, on the host peer
            }
            if (f == null || f.isStatic) {
                throw guestException(t, f == null ? "java.lang.NoSuchFieldError" : "java.lang.IncompatibleClassChangeError",
                        f == null ? fl.name : "Expected non-static field " + owner.name + "." + fl.name);
            }
            fl.resolved = f;
        }
        if (!(obj instanceof GuestObject)) {
            return null;
        }
        return f;
    }

    /** Resolves a static field; null for fields of host classes (read through the bridge). */
    public VmField resolveStaticField(GuestThread t, Links.FieldLink fl) {
        VmClass owner = resolveClass(t, linkTable.type(fl.owner));
        if (owner.kind == VmClass.Kind.HOST) {
            return null;
        }
        VmField f = owner.findField(fl.name);
        if (f == null) {
            if (owner.kind == VmClass.Kind.MODEL && owner.host != null) {
                return null; // e.g. a constant of a model class's host counterpart
            }
            throw guestException(t, "java.lang.NoSuchFieldError", fl.name);
        }
        if (!f.isStatic) {
            throw guestException(t, "java.lang.IncompatibleClassChangeError", "Expected static field " + owner.name + "." + fl.name);
        }
        fl.resolved = f;
        return f;
    }

    public void hostStaticGet(GuestThread t, Links.FieldLink fl, Frame f, int reg) {
        bridge.staticGet(t, fl, f, reg);
    }

    public void hostFieldGet(GuestThread t, Links.FieldLink fl, Object obj, Frame f, int reg) {
        bridge.fieldGet(t, fl, obj, f, reg);
    }

    public void hostFieldPut(GuestThread t, Links.FieldLink fl, Object obj, Frame f, int reg) {
        bridge.fieldPut(t, fl, obj, f, reg);
    }

    public VmMethod resolveStatic(GuestThread t, Links.MethodLink ml) {
        VmClass owner = resolveClass(t, linkTable.type(ml.owner));
        VmMethod m = null;
        if (owner.kind == VmClass.Kind.HOST) {
            m = natives.lookup(owner.name, ml.key);
            if (m == null) {
                m = bridge.hostStatic(owner, ml.name, ml.desc);
            }
        } else {
            for (VmClass c = owner; c != null && m == null; c = c.superclass) {
                VmMethod d = c.methods.get(ml.key);
                if (d != null && d.isStatic) {
                    m = d;
                }
                if (c.kind == VmClass.Kind.MODEL && m == null && c.host != null) {
                    m = natives.lookup(c.name, ml.key);
                    if (m == null && !c.name.equals("java.lang.Object")) {
                        m = bridge.hostStaticOrNull(c, ml.name, ml.desc);
                    }
                }
            }
            if (m == null && owner.isInterface()) {
                m = owner.methods.get(ml.key);
            }
        }
        if (m == null) {
            throw noSuchMethod(t, owner, ml.key);
        }
        ml.resolved = m;
        return m;
    }

    /** A static method by name and descriptor (lambda targets). */
    public VmMethod findStaticForLambda(GuestThread t, VmClass owner, String key) {
        int paren = key.indexOf('(');
        return resolveStatic(t, linkTable.method(owner.descriptor, key.substring(0, paren), key.substring(paren)));
    }

    public VmMethod resolveDirect(GuestThread t, Links.MethodLink ml) {
        VmClass owner = resolveClass(t, linkTable.type(ml.owner));
        VmMethod m;
        if (owner.kind == VmClass.Kind.HOST) {
            m = natives.lookup(owner.name, ml.key);
            if (m == null) {
                if (!ml.name.equals("<init>")) {
                    throw VmError.unsupported("private method " + owner.name + "." + ml.key);
                }
                try {
                    m = bridge.hostConstructor(owner, ml.desc);
                } catch (VmError e) {
                    // Not public: still reachable as super(...) from a guest subclass (its host peer
                    // calls it); a direct 'new' of it fails with the same precise error.
                    VmMethod ctor = new VmMethod(owner, "<init>", ml.desc, 0x0004 | 0x0100);
                    ctor.nativeImpl = (in, th, a) -> {
                        throw e;
                    };
                    m = ctor;
                }
            }
        } else {
            m = owner.methods.get(ml.key);
            if (m == null && owner.kind == VmClass.Kind.MODEL) {
                m = models.directMethod(owner, ml.name, ml.desc);
            }
            if (m == null) {
                // Private interface methods and nest-mates may be reached through invoke-direct too.
                m = findVirtualOrNull(owner, ml.key);
            }
        }
        if (m == null) {
            throw noSuchMethod(t, owner, ml.key);
        }
        ml.resolved = m;
        return m;
    }

    public VmMethod resolveSuper(GuestThread t, Links.MethodLink ml, VmClass current) {
        VmClass owner = resolveClass(t, linkTable.type(ml.owner));
        if (owner.kind == VmClass.Kind.HOST && current.hostBase != null) {
            // super.m() into the library: its own implementation, not re-dispatched to the guest.
            VmMethod m = bridge.peers().superMethod(current.hostBase, ml.name, ml.desc);
            if (m == null) {
                throw guestException(t, "java.lang.AbstractMethodError", owner.name + "." + ml.key);
            }
            ml.resolved = m;
            return m;
        }
        VmMethod m = findVirtualOrNull(owner, ml.key);
        if (m == null) {
            throw noSuchMethod(t, owner, ml.key);
        }
        ml.resolved = m;
        return m;
    }

    /** Virtual/interface dispatch on a receiver class (cached per class). */
    public VmMethod findVirtual(GuestThread t, VmClass rc, Links.MethodLink ml) {
        VmMethod m = rc.vtable.get(ml.key);
        if (m != null) {
            return m;
        }
        if (rc.kind == VmClass.Kind.HOST) {
            m = receiverNative(rc, ml.key);
            if (m == null) {
                VmClass owner = resolveClass(t, linkTable.type(ml.owner));
                m = bridge.hostVirtual(rc, owner, ml.name, ml.desc);
            }
            rc.vtable.put(ml.key, m);
            return m;
        }
        return findVirtual(t, rc, ml.key);
    }

    /**
     * The error for a method {@code key} that {@code owner} lacks: a JDK method the guest library's
     * version of a class does not (yet) provide is an unsupported API, not the program's error.
     */
    private RuntimeException noSuchMethod(GuestThread t, VmClass owner, String key) {
        String missing = guestLibraryGap(owner, key);
        if (missing != null) {
            return VmError.unsupported(missing);
        }
        return guestException(t, "java.lang.NoSuchMethodError", owner.name + "." + key);
    }

    /** "Class.key (...)" if a guest-library class in owner's chain replaces a JDK class that has key. */
    private static String guestLibraryGap(VmClass owner, String key) {
        String name = key.substring(0, key.indexOf('('));
        String desc = key.substring(key.indexOf('('));
        for (VmClass c = owner; c != null; c = c.superclass) {
            Class<?> h = c.replacesHost;
            if (h == null) {
                continue;
            }
            boolean found = false;
            if (name.equals("<init>")) {
                for (java.lang.reflect.Constructor<?> k : h.getConstructors()) {
                    found |= Descriptors.methodDescriptor(k.getParameterTypes(), void.class).equals(desc);
                }
            } else {
                for (java.lang.reflect.Method hm : h.getMethods()) {
                    found |= hm.getName().equals(name)
                            && Descriptors.methodDescriptor(hm.getParameterTypes(), hm.getReturnType()).equals(desc);
                }
            }
            if (found) {
                return c.name + "." + key + " (the guest library's " + c.name
                        + " does not provide it; comet exec --host-library runs the JDK's class instead)";
            }
        }
        return null;
    }

    public VmMethod findVirtual(GuestThread t, VmClass rc, String key) {
        VmMethod m = findVirtualOrNull(rc, key);
        if (m == null) {
            String missing = guestLibraryGap(rc, key);
            if (missing != null) {
                throw VmError.unsupported(missing);
            }
            VmMethod accessor = models.throwableAccessor(rc, key);
            if (accessor != null) {
                rc.vtable.put(key, accessor);
                return accessor;
            }
            // A library method the model classes do not provide is an unsupported API, not a guest error.
            for (VmClass c = rc; c != null; c = c.superclass) {
                if (c.kind == VmClass.Kind.MODEL && c.host != null) {
                    String name = key.substring(0, key.indexOf('('));
                    for (java.lang.reflect.Method hm : c.host.getMethods()) {
                        if (hm.getName().equals(name)) {
                            throw VmError.unsupported(c.name + "." + key);
                        }
                    }
                }
            }
            throw guestException(t, "java.lang.AbstractMethodError", rc.name + "." + key);
        }
        return m;
    }

    /**
     * Intercepts for a method called on a host (library) object: the receiver class's own, then
     * the {@code Object} ones (getClass, wait, notify) every host receiver needs.
     */
    private VmMethod receiverNative(VmClass hostClass, String key) {
        VmMethod m = natives.lookup(hostClass.name, key);
        return m != null ? m : natives.lookup("java.lang.Object", key);
    }

    /** Dispatch lookup: the class chain, then default methods of interfaces; null if none. */
    public VmMethod findVirtualOrNull(VmClass rc, String key) {
        VmMethod m = rc.vtable.get(key);
        if (m != null) {
            return m;
        }
        if (rc.kind == VmClass.Kind.ARRAY) {
            m = key.equals("clone()Ljava/lang/Object;") ? models.arrayClone() : findVirtualOrNull(objectClass, key);
        } else if (rc.kind == VmClass.Kind.HOST) {
            m = receiverNative(rc, key);
            if (m == null) {
                int paren = key.indexOf('(');
                m = bridge.hostVirtualOrNull(rc, key.substring(0, paren), key.substring(paren));
            }
        } else {
            for (VmClass c = rc; c != null && m == null; c = c.superclass) {
                VmMethod d = c.methods.get(key);
                if (d != null && !d.isStatic && !d.name.equals("<init>")) {
                    m = d;
                } else if (c.kind == VmClass.Kind.HOST) {
                    // A guest class extending a library class: inherited methods run on the host peer.
                    m = receiverNative(c, key);
                    if (m == null) {
                        int paren = key.indexOf('(');
                        m = bridge.hostVirtualOrNull(c, key.substring(0, paren), key.substring(paren));
                    }
                    break;
                }
            }
            if (m == null || m.isAbstract()) {
                VmMethod def = findDefault(rc, key);
                if (def != null) {
                    m = def;
                }
            }
        }
        if (m != null) {
            rc.vtable.put(key, m);
        }
        return m;
    }

    private VmMethod findDefault(VmClass rc, String key) {
        for (VmClass c = rc; c != null; c = c.superclass) {
            for (VmClass i : c.interfaces) {
                VmMethod m = findInInterface(i, key);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    private VmMethod findInInterface(VmClass i, String key) {
        if (i.kind == VmClass.Kind.HOST) {
            int paren = key.indexOf('(');
            return bridge.hostInterfaceDefault(i, key.substring(0, paren), key.substring(paren));
        }
        VmMethod m = i.methods.get(key);
        if (m != null && !m.isStatic && !m.isAbstract()) {
            return m;
        }
        for (VmClass s : i.interfaces) {
            VmMethod d = findInInterface(s, key);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    public String displayMethodRef(Links.MethodLink ml) {
        String owner = Descriptors.toClassName(ml.owner);
        owner = owner.substring(owner.lastIndexOf('.') + 1);
        StringBuilder sb = new StringBuilder(owner).append('.').append(ml.name).append('(');
        List<String> ps = Descriptors.paramTypes(ml.desc);
        for (int k = 0; k < ps.size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            String n = Descriptors.toClassName(ps.get(k));
            sb.append(n.startsWith("[") ? n : n.substring(n.lastIndexOf('.') + 1));
        }
        return sb.append(')').toString();
    }

    // ------------------------------------------------------------------ allocation

    /** A host object between new-instance and its constructor call. */
    public static final class UninitializedHostObject {
        public final VmClass cls;

        UninitializedHostObject(VmClass cls) {
            this.cls = cls;
        }
    }

    public Object allocate(GuestThread t, VmClass c) {
        if (c.isInterface() || (c.access & 0x0400) != 0 || c.kind == VmClass.Kind.ARRAY || c.kind == VmClass.Kind.PRIMITIVE) {
            throw guestException(t, "java.lang.InstantiationError", c.name);
        }
        if (c.kind == VmClass.Kind.HOST) {
            return new UninitializedHostObject(c);
        }
        return new GuestObject(c);
    }

    public GuestArray newArray(GuestThread t, VmClass arrayClass, int len) {
        if (len < 0) {
            throw guestException(t, "java.lang.NegativeArraySizeException", Integer.toString(len));
        }
        Object data;
        switch (arrayClass.primitive) {
            case 'I': data = new int[len]; break;
            case 'J': data = new long[len]; break;
            case 'F': data = new float[len]; break;
            case 'D': data = new double[len]; break;
            case 'Z': data = new boolean[len]; break;
            case 'B': data = new byte[len]; break;
            case 'C': data = new char[len]; break;
            case 'S': data = new short[len]; break;
            default: {
                VmClass comp = arrayClass.component;
                // Final host component types (String, Integer ...) get a typed host array so host
                // calls can take it as is; anything a guest object could be stored into stays Object[].
                if (comp.kind == VmClass.Kind.HOST && Modifier.isFinal(comp.host.getModifiers())) {
                    data = java.lang.reflect.Array.newInstance(comp.host, len);
                } else {
                    data = new Object[len];
                }
            }
        }
        return new GuestArray(arrayClass, data, len);
    }

    public void fillArrayData(GuestThread t, GuestArray arr, Object payload) {
        int n = java.lang.reflect.Array.getLength(payload);
        if (n > arr.length) {
            throw guestException(t, "java.lang.ArrayIndexOutOfBoundsException",
                    "Index " + arr.length + " out of bounds for length " + arr.length);
        }
        Object d = arr.data;
        if (payload instanceof byte[]) {
            byte[] p = (byte[]) payload;
            if (d instanceof boolean[]) {
                for (int k = 0; k < n; k++) {
                    ((boolean[]) d)[k] = p[k] != 0;
                }
            } else {
                System.arraycopy(p, 0, d, 0, n);
            }
        } else if (payload instanceof short[]) {
            short[] p = (short[]) payload;
            if (d instanceof char[]) {
                for (int k = 0; k < n; k++) {
                    ((char[]) d)[k] = (char) p[k];
                }
            } else {
                System.arraycopy(p, 0, d, 0, n);
            }
        } else if (payload instanceof int[]) {
            int[] p = (int[]) payload;
            if (d instanceof float[]) {
                for (int k = 0; k < n; k++) {
                    ((float[]) d)[k] = Float.intBitsToFloat(p[k]);
                }
            } else {
                System.arraycopy(p, 0, d, 0, n);
            }
        } else {
            long[] p = (long[]) payload;
            if (d instanceof double[]) {
                for (int k = 0; k < n; k++) {
                    ((double[]) d)[k] = Double.longBitsToDouble(p[k]);
                }
            } else {
                System.arraycopy(p, 0, d, 0, n);
            }
        }
        if (arr.dsm != null && barrier != null) {
            barrier.arrayWrite(arr, 0, n);
        }
    }

    // ------------------------------------------------------------------ exceptions

    /** Creates a guest exception of a {@code java.*} (or guest) class and returns its carrier. */
    public GuestThrowable guestException(GuestThread t, String className, String message) {
        VmClass c = classForDescriptor(Descriptors.toDescriptor(className));
        if (c == null) {
            throw new VmError("internal error: no exception class " + className);
        }
        return new GuestThrowable(models.newThrowable(t, c, message));
    }

    public GuestThrowable npe(GuestThread t, String message) {
        return guestException(t, "java.lang.NullPointerException", message);
    }

    public GuestThrowable arithmetic(GuestThread t) {
        return guestException(t, "java.lang.ArithmeticException", "/ by zero");
    }

    /** ClassCastException with HotSpot's message format. */
    public GuestThrowable classCast(GuestThread t, VmClass from, VmClass to) {
        String msg = "class " + from.name + " cannot be cast to class " + to.name + " (" + where(from, to) + ")";
        return guestException(t, "java.lang.ClassCastException", msg);
    }

    private static String where(VmClass a, VmClass b) {
        String wa = moduleOf(a);
        String wb = moduleOf(b);
        if (wa.equals(wb)) {
            return a.name + " and " + b.name + " are in " + wa;
        }
        return a.name + " is in " + wa + "; " + b.name + " is in " + wb;
    }

    private static String moduleOf(VmClass c) {
        VmClass e = c;
        while (e.kind == VmClass.Kind.ARRAY) {
            e = e.component;
        }
        if (e.kind == VmClass.Kind.GUEST) {
            return "unnamed module of loader 'app'";
        }
        if (e.host != null && e.host.getModule().isNamed()) {
            return "module " + e.host.getModule().getName() + " of loader 'bootstrap'";
        }
        return "module java.base of loader 'bootstrap'";
    }

    public VmError internal(GuestThread t, String message) {
        return new VmError("internal error: " + message + " (in " + (t.top == null ? "?" : t.top.method.display()) + ")");
    }

    public VmError unsupportedInstruction(GuestThread t, int op, Object link) {
        String what = link instanceof Links.OpaqueLink ? ((Links.OpaqueLink) link).description : String.valueOf(link);
        return VmError.unsupported(Opcodes.name(op) + " " + what + " in " + (t.top == null ? "?" : t.top.method.display())
                + " (java.lang.invoke method handles are not supported; compile with desugaring on)");
    }

    /**
     * The message of an array index fault, from the faulting aget/aput itself: HotSpot throws a
     * preallocated exception without a message once compiled code has thrown the same implicit
     * exception often (OmitStackTraceInFastThrow), so the host exception's message may be null.
     */
    private static String indexOutOfBoundsMessage(GuestThread t, RuntimeException e) {
        org.cometsim.dalvik.rt.Frame f = t.top;
        if (f != null) {
            int i = f.pc << 2;
            int[] code = f.code.insns;
            int op = i >= 0 && i < code.length ? code[i] : -1;
            if (op >= 0x44 && op <= 0x51 && f.o[code[i + 2]] instanceof GuestArray) {
                return "Index " + (int) f.r[code[i + 3]] + " out of bounds for length "
                        + ((GuestArray) f.o[code[i + 2]]).length;
            }
        }
        return e.getMessage();
    }

    /** Maps a host fault raised inside the interpreter loop to the guest exception Java would raise. */
    public Object translateHostFault(GuestThread t, RuntimeException e) {
        if (e instanceof NullPointerException) {
            return models.newThrowable(t, classForDescriptor("Ljava/lang/NullPointerException;"), null);
        }
        if (e instanceof ArrayIndexOutOfBoundsException) {
            return models.newThrowable(t, classForDescriptor("Ljava/lang/ArrayIndexOutOfBoundsException;"),
                    indexOutOfBoundsMessage(t, e));
        }
        if (e instanceof ClassCastException) {
            throw new VmError("internal error: " + e.getMessage() + " in " + (t.top == null ? "?" : t.top.method.display()), e);
        }
        throw e;
    }
}
