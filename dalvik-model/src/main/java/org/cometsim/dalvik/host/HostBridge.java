package org.cometsim.dalvik.host;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.hooks.WriteBarrier;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.Links;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.rt.VmWorld;
import org.cometsim.dalvik.sched.Scheduler;

/**
 * The bridge to host library classes: resolves {@code java.*} methods to method handles (once
 * per method and receiver class), converts values at the boundary, and lets host code call back
 * into guest code.
 *
 * <ul>
 *   <li>Guest → host: guest arrays pass their backing host array (converted copies only when the
 *       host wants a narrower element type, copied back after the call); guest objects pass as a
 *       {@link Proxy} ("host view") implementing the host interfaces of their class plus
 *       {@link GuestBacked}; a guest {@code Class} passes as the host class it mirrors.</li>
 *   <li>Host → guest: host arrays are wrapped, host views are unwrapped, host {@code Class}
 *       objects become VM classes, host exceptions become guest exceptions of the mirrored class
 *       with the same message and cause.</li>
 *   <li>Callbacks: a host view's methods ({@code toString}, {@code equals}, {@code compare},
 *       {@code run} ...) run the guest implementation in a nested interpreter loop; host
 *       interface default methods the guest did not override run on the host.</li>
 * </ul>
 * Host calls that may write an array they were given report it whole to the write barrier, before the call.
 */
public final class HostBridge {
    private ReferenceProcessing references;

    /**
     * Host classes whose methods never keep a reference to an argument (they read it, format it,
     * compare it, or return it), {@code Arrays.asList} excepted: a guest object or array passed to
     * them has not escaped ({@link GuestObject#escaped}). Everything else may keep what it gets.
     */
    private static final Set<String> NEVER_KEEP_ARGUMENTS = Set.of("java.lang.String", "java.lang.Math",
            "java.lang.StrictMath", "java.util.Objects", "java.util.Arrays", "java.io.PrintStream", "java.lang.Integer",
            "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean",
            "java.lang.Float", "java.lang.Double");
    /** Set while the arguments of a call to one of {@link #NEVER_KEEP_ARGUMENTS} are converted. */
    private boolean convertingForPureCall;

    /** The VM's {@code gc()}: the reachability pass that clears weak references ({@link ReferenceProcessing}). */
    int collectWeakReferences() {
        if (references == null) {
            references = new ReferenceProcessing(linker, scheduler, hooks);
        }
        return references.collect();
    }

    /** Implemented by every host view of a guest object. */
    public interface GuestBacked {
        Object guestObject();
    }

    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final Heap heap;
    private final Scheduler scheduler;
    private final OffloadHooks hooks;
    private final VmWorld world;
    private final VmLogging logging;
    private final GuestCalls calls;
    private GuestExceptions exceptions;
    private CallSites callSites;
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();

    /**
     * A host method or constructor the bridge found, with the handle it calls: spread over an
     * {@code Object[]}, generic types. Immutable JDK objects from pure lookups, so one per
     * (class, kind, name, descriptor) in the JVM ({@link #TARGETS}).
     */
    private record HostTarget(Class<?>[] params, Class<?> ret, MethodHandle spread) {
        static HostTarget of(MethodHandle mh, Class<?>[] params, Class<?> ret) {
            MethodHandle fixed = mh.asFixedArity(); // varargs handles would re-collect our array argument
            return new HostTarget(params, ret, fixed.asType(fixed.type().generic()).asSpreader(Object[].class, params.length));
        }
    }

    private static final HostTarget ABSENT = new HostTarget(null, null, null);

    /**
     * Host targets by class, then by kind + name + descriptor: a memo of pure lookups, shared by
     * every VM in the JVM, not VM state. A fresh VM per run (sweeps, {@code comet bench})
     * otherwise searched {@code getMethods()} and built new spread handles for every host method
     * it called, and each new handle kept HotSpot compiling.
     */
    private static final ClassValue<ConcurrentHashMap<String, HostTarget>> TARGETS = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, HostTarget> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private final HostPeers peers;

    /**
     * The bridge of one VM. {@code calls} runs host-to-guest callbacks (a host view's methods, a
     * peer's overrides) on the thread the scheduler is running.
     */
    public HostBridge(ClassLinker linker, MemberResolver resolver, Heap heap, Scheduler scheduler, OffloadHooks hooks,
                      VmWorld world, VmLogging logging, GuestCalls calls) {
        this.linker = linker;
        this.resolver = resolver;
        this.heap = heap;
        this.scheduler = scheduler;
        this.hooks = hooks;
        this.world = world;
        this.logging = logging;
        this.calls = calls;
        this.peers = new HostPeers(this, scheduler, calls);
    }

    /**
     * Connects the maker of guest exceptions: the model {@code Throwable}, which itself mirrors
     * host exception classes through this bridge, so it is made second (once, while the VM is
     * assembled, before any guest code runs).
     */
    public void attach(GuestExceptions exceptions) {
        this.exceptions = exceptions;
        this.callSites = new CallSites(linker, resolver, heap, exceptions, this);
    }

    public HostPeers peers() {
        return peers;
    }

    /** A VmMethod calling {@code mh} (receiver first for instance methods) with value conversion. */
    public VmMethod wrapHandle(VmClass owner, String name, String desc, MethodHandle mh) {
        return wrap(owner, name, desc, false, HostTarget.of(mh, mh.type().parameterArray(), mh.type().returnType()));
    }

    // ------------------------------------------------------------------ method resolution

    public VmMethod hostStatic(VmClass owner, String name, String desc) {
        VmMethod m = hostStaticOrNull(owner, name, desc);
        if (m == null) {
            throw VmError.unsupported(owner.name + "." + name + desc);
        }
        return m;
    }

    public VmMethod hostStaticOrNull(VmClass owner, String name, String desc) {
        String jvmGlobal = GlobalSetters.refusal(owner.host, name, desc, true);
        if (jvmGlobal != null) {
            throw VmError.unsupported(jvmGlobal); // a setter of JVM-wide state; before the lookup: some are caller-sensitive
        }
        HostTarget target = TARGETS.get(owner.host).computeIfAbsent("static " + name + desc, k -> {
            Method hm = findMethod(owner.host, name, desc, true);
            if (hm == null) {
                return ABSENT;
            }
            try {
                MethodHandle mh = LOOKUP.findStatic(owner.host, name, MethodType.methodType(hm.getReturnType(), hm.getParameterTypes()));
                return HostTarget.of(mh, hm.getParameterTypes(), hm.getReturnType());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                throw VmError.unsupported(owner.name + "." + name + desc + " (" + e.getClass().getSimpleName() + ")");
            }
        });
        return target == ABSENT ? null : wrap(owner, name, desc, true, target);
    }

    public VmMethod hostConstructor(VmClass owner, String desc) {
        HostTarget target = TARGETS.get(owner.host).computeIfAbsent("new " + desc, k -> {
            List<String> ps = Descriptors.paramTypes(desc);
            for (java.lang.reflect.Constructor<?> c : owner.host.getConstructors()) {
                if (matches(c.getParameterTypes(), ps)) {
                    try {
                        MethodHandle mh = LOOKUP.findConstructor(owner.host, MethodType.methodType(void.class, c.getParameterTypes()));
                        // The receiver slot carries the placeholder from new-instance; drop it.
                        MethodHandle withReceiver = MethodHandles.dropArguments(mh, 0, Object.class);
                        Class<?>[] params = new Class<?>[c.getParameterTypes().length + 1];
                        params[0] = Object.class;
                        System.arraycopy(c.getParameterTypes(), 0, params, 1, c.getParameterTypes().length);
                        return HostTarget.of(withReceiver, params, owner.host);
                    } catch (ReflectiveOperationException | IllegalArgumentException e) {
                        throw VmError.unsupported(owner.name + ".<init>" + desc + " (" + e.getClass().getSimpleName() + ")");
                    }
                }
            }
            return ABSENT;
        });
        if (target == ABSENT) {
            throw VmError.unsupported(owner.name + ".<init>" + desc);
        }
        return wrap(owner, "<init>", desc, false, target);
    }

    /** Virtual call on a host receiver of class {@code rc}, through a public owner type. */
    public VmMethod hostVirtual(VmClass rc, VmClass linkOwner, String name, String desc) {
        VmMethod m = null;
        VmMethod intercepted = interceptedVirtual(rc, name, desc);
        if (intercepted != null) {
            return intercepted;
        }
        if (linkOwner.host != null && isPublicApi(linkOwner.host) && linkOwner.host.isAssignableFrom(rc.host)) {
            m = virtualVia(rc, linkOwner.host, name, desc);
        }
        if (m == null) {
            m = hostVirtualOrNull(rc, name, desc);
        }
        if (m == null) {
            throw VmError.unsupported(rc.name + "." + name + desc);
        }
        return m;
    }

    public VmMethod hostVirtualOrNull(VmClass rc, String name, String desc) {
        VmMethod intercepted = interceptedVirtual(rc, name, desc);
        if (intercepted != null) {
            return intercepted;
        }
        // Search the receiver class and its supertypes for a public, exported declaring type.
        List<Class<?>> order = new ArrayList<>();
        collectSupertypes(rc.host, order);
        order.add(Object.class);
        for (Class<?> k : order) {
            if (isPublicApi(k)) {
                VmMethod m = virtualVia(rc, k, name, desc);
                if (m != null) {
                    return m;
                }
            }
        }
        return null;
    }

    /** A virtual host method the VM does itself whatever the link's owner type: collections' toArray(T[]). */
    private VmMethod interceptedVirtual(VmClass rc, String name, String desc) {
        return name.equals("toArray") && desc.equals("([Ljava/lang/Object;)[Ljava/lang/Object;")
                && java.util.Collection.class.isAssignableFrom(rc.host) ? collectionToTypedArray(rc) : null;
    }

    /**
     * {@code toArray(T[])} of a host collection: the host would allocate a bigger array from
     * {@code a.getClass()}, which for a guest {@code Foo[]} is {@code Object[]} (the guest array's
     * backing type), and the result would lose its type. The VM fills the guest array itself, or
     * allocates one of the argument's guest type, with the JDK's null terminator and store check.
     */
    private VmMethod collectionToTypedArray(VmClass rc) {
        VmMethod m = new VmMethod(rc, "toArray", "([Ljava/lang/Object;)[Ljava/lang/Object;", 0x0001 | 0x0100);
        m.nativeImpl = (in, t, a) -> {
            if (a[1] == null) {
                throw exceptions.npe(t, null);
            }
            GuestArray target = (GuestArray) a[1];
            Object recv = a[0] instanceof GuestObject g ? g.hostView : a[0]; // a guest subclass: its host peer
            Object[] elems = ((java.util.Collection<?>) recv).toArray();
            int n = elems.length;
            GuestArray out = n <= target.length ? target : heap.newArray(t, target.type, n);
            if (out.dsm != null) {
                hooks.barrier().arrayWrittenWhole(out); // before the stores below
            }
            Object[] data = (Object[]) out.data;
            for (int i = 0; i < n; i++) {
                Object g = toGuest(elems[i]);
                if (g != null && !linker.classOf(g).isSubtypeOf(out.type.component)) {
                    throw exceptions.create(t, "java.lang.ArrayStoreException", "arraycopy: element type mismatch: can not cast"
                            + " one of the elements of java.lang.Object[] to the type of the destination array, "
                            + out.type.component.name);
                }
                data[i] = g;
            }
            if (n < out.length) {
                data[n] = null;
            }
            return out;
        };
        m.placement = PlacementRules.placementOf(rc.name, "toArray");
        m.costClass = PlacementRules.costClassOf(rc.name, "toArray");
        m.elements = HostCost::longestArgument;
        return m;
    }

    /**
     * A default method of a host interface, called on a guest object that implements the
     * interface without overriding it: runs the host default method on the object's host view.
     */
    public VmMethod hostInterfaceDefault(VmClass iface, String name, String desc) {
        Method hm = findMethod(iface.host, name, desc, false);
        if (hm == null || !hm.isDefault()) {
            return null;
        }
        return virtualVia(iface, iface.host, name, desc);
    }

    private VmMethod virtualVia(VmClass rc, Class<?> refc, String requested, String desc) {
        String name = requested;
        // A parallel stream would run guest lambdas on the JDK's common pool, i.e. on host threads:
        // here it is its sequential twin, a valid execution of any stream pipeline (results equal
        // the JVM's for every program whose result does not hang on thread timing; isParallel()
        // answers false).
        if (name.equals("parallel") && desc.startsWith("()") && java.util.stream.BaseStream.class.isAssignableFrom(refc)) {
            name = "sequential";
        } else if (name.equals("parallelStream") && desc.equals("()Ljava/util/stream/Stream;")
                && java.util.Collection.class.isAssignableFrom(refc)) {
            name = "stream";
        }
        return virtualViaNamed(rc, refc, name, desc);
    }

    private VmMethod virtualViaNamed(VmClass rc, Class<?> refc, String name, String desc) {
        String jvmGlobal = rc.host == null ? null : GlobalSetters.refusal(rc.host, name, desc, false);
        if (jvmGlobal != null) {
            throw VmError.unsupported(jvmGlobal); // a setter of JVM-wide state; before the lookup: some are caller-sensitive
        }
        HostTarget target = TARGETS.get(refc).computeIfAbsent("virtual " + name + desc, k -> {
            Method hm = findMethod(refc, name, desc, false);
            if (hm == null) {
                return ABSENT;
            }
            try {
                MethodHandle mh = LOOKUP.findVirtual(refc, name, MethodType.methodType(hm.getReturnType(), hm.getParameterTypes()));
                Class<?>[] params = new Class<?>[hm.getParameterTypes().length + 1];
                params[0] = refc;
                System.arraycopy(hm.getParameterTypes(), 0, params, 1, hm.getParameterTypes().length);
                return HostTarget.of(mh, params, hm.getReturnType());
            } catch (ReflectiveOperationException | IllegalArgumentException e) {
                return ABSENT;
            }
        });
        return target == ABSENT ? null : wrap(rc, name, desc, false, target);
    }

    private static void collectSupertypes(Class<?> k, List<Class<?>> out) {
        if (k == null || out.contains(k)) {
            return;
        }
        out.add(k);
        collectSupertypes(k.getSuperclass(), out);
        for (Class<?> i : k.getInterfaces()) {
            collectSupertypes(i, out);
        }
    }

    private static boolean isPublicApi(Class<?> k) {
        return Modifier.isPublic(k.getModifiers()) && k.getModule().isExported(k.getPackageName())
                && (k.getEnclosingClass() == null || isPublicApi(k.getEnclosingClass()));
    }

    private static Method findMethod(Class<?> k, String name, String desc, boolean wantStatic) {
        List<String> ps = Descriptors.paramTypes(desc);
        String ret = Descriptors.returnType(desc);
        Method paramMatch = null;
        List<Method> candidates = new ArrayList<>(List.of(k.getMethods()));
        if (k.isInterface()) {
            candidates.addAll(List.of(Object.class.getMethods()));
        }
        for (Method m : candidates) {
            if (!m.getName().equals(name) || Modifier.isStatic(m.getModifiers()) != wantStatic
                    || !matches(m.getParameterTypes(), ps)) {
                continue;
            }
            if (Descriptors.of(m.getReturnType()).equals(ret)) {
                return m;
            }
            paramMatch = m;
        }
        if (paramMatch != null) {
            return paramMatch;
        }
        // A receiver whose class differs from the declared owner (an intercepted factory returned a
        // look-alike, e.g. a TreeMap for EnumMap): accept parameters that widen to the host's.
        for (Method m : candidates) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == wantStatic && widens(ps, m.getParameterTypes())) {
                return m;
            }
        }
        return null;
    }

    private static boolean widens(List<String> descs, Class<?>[] types) {
        if (types.length != descs.size()) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            String d = descs.get(i);
            if (types[i].isPrimitive() || d.length() == 1) {
                if (!Descriptors.of(types[i]).equals(d)) {
                    return false;
                }
                continue;
            }
            if (types[i] == Object.class) {
                continue;
            }
            try {
                Class<?> k = Class.forName(Descriptors.toClassName(d), false, ClassLoader.getPlatformClassLoader());
                if (!types[i].isAssignableFrom(k)) {
                    return false;
                }
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Class<?>[] types, List<String> descs) {
        if (types.length != descs.size()) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            if (!Descriptors.of(types[i]).equals(descs.get(i))) {
                return false;
            }
        }
        return true;
    }

    private VmMethod wrap(VmClass owner, String name, String desc, boolean isStatic, HostTarget target) {
        Class<?>[] params = target.params();
        Class<?> ret = target.ret();
        String hazard = owner.host == null ? null : PlacementRules.threadingHazard(owner.host, name);
        if (hazard == null && params.length > 0 && !isStatic && params[0] != null) {
            hazard = PlacementRules.threadingHazard(params[0], name);
        }
        if (hazard != null) {
            throw VmError.unsupported(owner.name + "." + name + desc + " (" + hazard + ")");
        }
        VmMethod m = new VmMethod(owner, name, desc, 0x0001 | 0x0100 | (isStatic ? 0x0008 : 0));
        MethodHandle spread = target.spread();
        boolean anyArray = false;
        for (Class<?> p : params) {
            anyArray |= p.isArray() || p == Object.class;
        }
        final boolean mayWriteArrays = anyArray;
        boolean allPrimitive = true;
        for (Class<?> p : params) {
            allPrimitive &= p.isPrimitive() || p == String.class;
        }
        if (allPrimitive && (ret.isPrimitive() || ret == String.class)) {
            // Math.sqrt, String.charAt ...: no value conversion either way (the hot case).
            m.nativeImpl = (in, t, args) -> (Object) spread.invokeExact(args);
            m.placement = PlacementRules.placementOf(owner.name, name);
            m.costClass = PlacementRules.costClassOf(owner.name, name);
            m.elements = m.costClass == HostCost.MATH ? null : HostCost::longestArgument;
            return m;
        }
        final boolean pure = NEVER_KEEP_ARGUMENTS.contains(owner.name)
                && !(owner.name.equals("java.util.Arrays") && name.equals("asList"));
        m.nativeImpl = (in, t, args) -> {
            Object[] converted = null;
            BuilderCopy builders = null;
            WriteBarrier barrier = hooks.barrier();
            for (int i = 0; i < params.length; i++) {
                Object a = args[i];
                if (a != null && !params[i].isPrimitive()) {
                    if (barrier != WriteBarrier.NONE && !(a instanceof GuestObject) && !(a instanceof GuestArray)
                            && !(a instanceof String)) {
                        barrier.hostObjectMayChange(a); // host state the DSM may track (issue #13 item 3)
                    }
                    Object h;
                    if (a instanceof GuestObject g && (params[i] == StringBuffer.class || params[i] == StringBuilder.class)
                            && g.cls.replacesHost == params[i]) { // the builders are final classes
                        // A guest-library builder where the host wants its own (DecimalFormat.format(
                        // double, StringBuffer, FieldPosition)): copy in, call, copy the text back.
                        builders = new BuilderCopy(g, params[i], (String) in.callVirtual(t, g, "toString",
                                "()Ljava/lang/String;"), builders);
                        h = builders.host;
                    } else if (a instanceof GuestObject g && params[i] == java.util.Random.class && isGuestRandom(g.cls)) {
                        // new BigInteger(bits, rnd), Collections.shuffle(list, rnd): a host Random
                        // drawing from the guest's, so the results are the JVM's (issue #12).
                        h = new GuestRandomView(in, t, g);
                    } else {
                        convertingForPureCall = pure;
                        try {
                            h = toHost(a, params[i]);
                        } finally {
                            convertingForPureCall = false;
                        }
                    }
                    if (h != null && !params[i].isInstance(h)) {
                        // A guest object whose host view cannot be the class the host method wants
                        // (a guest-library java.util.Random passed to new BigInteger(int, Random)):
                        // stop precisely instead of letting the host throw a ClassCastException.
                        throw VmError.unsupported(owner.name + "." + name + desc + " with a guest "
                                + linker.classOf(a).name + " argument (the host method needs its own "
                                + params[i].getName() + ")");
                    }
                    if (h != a) {
                        if (converted == null) {
                            converted = args.clone();
                        }
                        args[i] = h;
                    }
                }
            }
            if (converted != null && mayWriteArrays) {
                reportArrayArguments(converted);
            }
            Object res = (Object) spread.invokeExact(args);
            if (converted != null && mayWriteArrays) {
                copyBack(converted, args);
            }
            for (BuilderCopy b = builders; b != null; b = b.next) {
                String after = b.host.toString();
                if (!after.equals(b.before)) {
                    in.callVirtual(t, b.guest, "setLength", "(I)V", 0);
                    in.callVirtual(t, b.guest, "append", "(Ljava/lang/String;)L" + b.type.getName().replace('.', '/') + ";", after);
                }
                if (res == b.host) {
                    res = b.guest;
                }
            }
            return toGuest(res);
        };
        m.placement = PlacementRules.placementOf(owner.name, name);
        m.costClass = PlacementRules.costClassOf(owner.name, name);
        m.elements = m.costClass == HostCost.MATH ? null : HostCost::longestArgument;
        return m;
    }

    /** A guest builder passed to a host method as a host builder of the same text (copied back after). */
    private static final class BuilderCopy {
        final GuestObject guest;
        final Class<?> type;
        final String before;
        final Appendable host;
        final BuilderCopy next;

        BuilderCopy(GuestObject guest, Class<?> type, String before, BuilderCopy next) {
            this.guest = guest;
            this.type = type;
            this.before = before;
            this.host = type == StringBuffer.class ? new StringBuffer(before) : new StringBuilder(before);
            this.next = next;
        }
    }

    /** Before a host call that may write the guest arrays it is given: each tracked one, whole. */
    private void reportArrayArguments(Object[] guestArgs) {
        for (Object a : guestArgs) {
            if (a instanceof GuestArray ga && ga.dsm != null) {
                hooks.barrier().arrayWrittenWhole(ga);
            }
        }
    }

    /** After a host call, copy converted array arguments back (reported before the call). */
    private void copyBack(Object[] guestArgs, Object[] hostArgs) {
        for (int i = 0; i < guestArgs.length; i++) {
            if (guestArgs[i] instanceof GuestArray) {
                GuestArray ga = (GuestArray) guestArgs[i];
                if (hostArgs[i] != ga.data && hostArgs[i] instanceof Object[] && ga.data instanceof Object[]) {
                    Object[] src = (Object[]) hostArgs[i];
                    Object[] dst = (Object[]) ga.data;
                    for (int k = 0; k < dst.length; k++) {
                        dst[k] = toGuest(src[k]);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------------ value conversion

    /**
     * A guest value as the host type {@code type} expects it. Where the host's declared type is
     * exactly {@code Object} (a generic container's element, {@code AtomicReference.set}, a
     * callback's erased result such as a {@code toArray(Foo[]::new)} generator's), a guest array
     * crosses as its backing array itself, unconverted: the host stores or fills it but does not
     * look inside as a typed array, and its identity must stay the same on every crossing (D8's
     * backport of {@code AtomicReference.compareAndSet} loops while {@code get() == expected}).
     * It is remembered ({@link #knownArrays}), so the guest gets back the same array, or at least
     * its element type. Array-typed positions get a host array with host views of guest elements.
     */
    public Object toHost(Object v, Class<?> type) {
        if (v instanceof GuestArray ga) {
            Object h = type == Object.class ? ga.data : unwrapArray(ga, type);
            knownArrays.put(h, new KnownArray(ga.type, new java.lang.ref.WeakReference<>(ga)));
            if (h == ga.data && !convertingForPureCall) {
                ga.escaped = true; // the host may keep it (GuestArray.escaped)
            }
            return h;
        }
        return toHostValue(v, type);
    }

    /**
     * The guest type and (while the guest holds it) the guest array of a host array the guest has
     * seen. A guest array of a guest or interface element type ({@code Foo[]}, {@code int[][]}) is an
     * {@code Object[]} underneath, so the type must be remembered beside it; keys are weak and values
     * do not reach the key, so nothing is kept alive. A new wrapper over the same data cannot be told
     * apart from the old one once the guest has dropped it.
     */
    private record KnownArray(VmClass type, java.lang.ref.WeakReference<GuestArray> wrapper) {
    }

    private final java.util.WeakHashMap<Object, KnownArray> knownArrays = new java.util.WeakHashMap<>();

    /** A guest value as a host value of {@code type}; guest arrays always as host arrays, nested ones converted too. */
    public Object toHostValue(Object v, Class<?> type) {
        if (v == null) {
            return null;
        }
        if (v instanceof GuestArray) {
            return unwrapArray((GuestArray) v, type);
        }
        if (v instanceof GuestObject) {
            return hostView((GuestObject) v);
        }
        if (v instanceof VmClass) {
            VmClass c = (VmClass) v;
            if (c.host != null && (c.kind != VmClass.Kind.MODEL || type == Class.class)) {
                return c.host;
            }
            if (type != Object.class) {
                // Class, reflect.Type, GenericDeclaration ...: host reflection cannot see guest classes.
                throw VmError.unsupported("passing guest class " + c.name + " to a host library method expecting "
                        + type.getName());
            }
            return classView(c);
        }
        return v;
    }

    private Object unwrapArray(GuestArray a, Class<?> type) {
        Object d = a.data;
        if (!(d instanceof Object[])) {
            a.escaped |= !convertingForPureCall; // handed over itself (see toHost)
            return d;
        }
        Object[] src = (Object[]) d;
        boolean needs = false;
        for (Object e : src) {
            if (e instanceof GuestObject || e instanceof GuestArray || e instanceof VmClass) {
                needs = true;
                break;
            }
        }
        if (!needs && type.isInstance(d)) {
            a.escaped |= !convertingForPureCall;
            return d;
        }
        Class<?> comp = type.isArray() ? type.getComponentType() : Object.class;
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(comp, src.length);
        for (int k = 0; k < src.length; k++) {
            out[k] = toHostValue(src[k], comp);
        }
        return out;
    }

    /** A host value as the guest sees it. */
    public Object toGuest(Object h) {
        if (h == null) {
            return null;
        }
        if (h instanceof GuestBacked) {
            return ((GuestBacked) h).guestObject();
        }
        if (h instanceof Class) {
            return linker.hostClassOf((Class<?>) h);
        }
        Class<?> k = h.getClass();
        if (k.isArray()) {
            KnownArray known = knownArrays.get(h);
            GuestArray same = known == null ? null : known.wrapper().get();
            if (same != null && same.data != h) {
                return same; // h is a converted copy of same's data handed to the host
            }
            Object data = h;
            if (h instanceof Object[] src && needsGuestElements(src)) {
                // Elements the guest sees differently (nested arrays, classes, guest-backed views)
                // are converted. A host Object[] is converted in place, keeping its identity; any
                // other reference array (String[][] from getZoneStrings(), Type[]) could not hold
                // a GuestArray or VmClass, so the guest gets an Object[] copy, which is how guest
                // arrays of non-final element types are represented anyway (Heap.newArray).
                Object[] dst = k == Object[].class ? src : new Object[src.length];
                for (int i = 0; i < src.length; i++) {
                    Object e = src[i];
                    dst[i] = guestSeesDifferently(e) ? toGuest(e) : e;
                }
                data = dst;
            }
            if (same != null && data == h) {
                return same;
            }
            GuestArray ga = new GuestArray(known != null ? known.type() : linker.hostClassOf(k), data,
                    java.lang.reflect.Array.getLength(h));
            if (data == h) {
                knownArrays.put(h, new KnownArray(ga.type, new java.lang.ref.WeakReference<>(ga)));
            }
            return ga;
        }
        if (h instanceof Throwable) {
            return toGuestThrowable(scheduler.current(), (Throwable) h);
        }
        if (!(h instanceof String) && !(h instanceof Number)) {
            noteHostObject(k);
        }
        return h;
    }

    private static boolean needsGuestElements(Object[] src) {
        for (Object e : src) {
            if (guestSeesDifferently(e)) {
                return true;
            }
        }
        return false;
    }

    /** A host array element that becomes something else for the guest: a view, a class, an array. */
    private static boolean guestSeesDifferently(Object e) {
        return e instanceof GuestBacked || e instanceof Class || (e != null && e.getClass().isArray());
    }

    /** Host objects of mutable classes handed to guest code, per class (see {@link #hostStateReport}). */
    private final Map<Class<?>, long[]> hostState = new HashMap<>();
    private final Map<Class<?>, Boolean> immutable = new HashMap<>();

    private void noteHostObject(Class<?> k) {
        Boolean imm = immutable.get(k);
        if (imm == null) {
            imm = isImmutableValueClass(k);
            immutable.put(k, imm);
        }
        if (!imm) {
            hostState.computeIfAbsent(k, x -> new long[1])[0]++;
        }
    }

    /** Value classes whose instances cannot change, so the DSM may copy them by value. */
    private static boolean isImmutableValueClass(Class<?> k) {
        String n = k.getName();
        return k == Boolean.class || k == Character.class || k.isEnum() || (k.getSuperclass() != null && k.getSuperclass().isEnum())
                || n.startsWith("java.util.ImmutableCollections$") || n.startsWith("java.time.")
                || k == java.util.Optional.class || k == java.util.regex.Pattern.class || k == java.util.Locale.class
                || java.nio.charset.Charset.class.isAssignableFrom(k) || k == java.math.MathContext.class;
    }

    /**
     * Host objects of mutable library classes that host calls handed to guest code in this VM
     * (a host-made {@code ArrayList}, a {@code Matcher}, a stream, {@code System.out} ...), by class
     * name, with how many times one crossed into the guest. Their state lives in the host heap, so
     * the DSM cannot track it per field: design principle 3 wants it counted and reported, and
     * {@code comet exec --cpu} prints it. Immutable values (strings, boxes, immutable
     * collections, enums) are not listed.
     */
    public java.util.SortedMap<String, Long> hostStateReport() {
        java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
        hostState.forEach((k, v) -> out.merge(k.getName(), v[0], Long::sum));
        return out;
    }

    /** The host view of a guest object (cached, so identity is preserved across calls). */
    public Object hostView(GuestObject g) {
        g.escaped |= !convertingForPureCall;
        Object v = g.hostView;
        if (v != null) {
            return v;
        }
        Set<Class<?>> ifaces = new LinkedHashSet<>();
        collectHostInterfaces(g.cls, ifaces);
        ifaces.add(GuestBacked.class);
        v = Proxy.newProxyInstance(HostBridge.class.getClassLoader(), ifaces.toArray(new Class<?>[0]), new GuestHandler(g));
        g.hostView = v;
        return v;
    }

    private Object classView(VmClass c) {
        if (c.hostView == null) {
            c.hostView = new ClassView(c);
        }
        return c.hostView;
    }

    /** A guest class handed to host code as a plain Object (printing, collections); unwrapped on return. */
    private static final class ClassView implements GuestBacked {
        private final VmClass c;

        ClassView(VmClass c) {
            this.c = c;
        }

        @Override
        public Object guestObject() {
            return c;
        }

        @Override
        public String toString() {
            return c.toString();
        }
    }

    private static void collectHostInterfaces(VmClass c, Set<Class<?>> out) {
        for (VmClass k = c; k != null; k = k.superclass) {
            for (VmClass i : k.interfaces) {
                if (i.kind == VmClass.Kind.HOST) {
                    if (Modifier.isPublic(i.host.getModifiers())) {
                        out.add(i.host);
                    }
                } else {
                    collectHostInterfaces(i, out);
                }
            }
        }
    }

    private final class GuestHandler implements InvocationHandler {
        private final GuestObject g;

        GuestHandler(GuestObject g) {
            this.g = g;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == GuestBacked.class) {
                return g;
            }
            String key = method.getName() + Descriptors.methodDescriptor(method.getParameterTypes(), method.getReturnType());
            VmMethod m = resolver.findVirtualOrNull(g.cls, key);
            if (m == null || (m.owner.kind == VmClass.Kind.HOST && m.nativeImpl != null && method.isDefault())) {
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                throw VmError.unsupported("host library called " + method + " on guest object of class " + g.cls.name
                        + ", which does not implement it");
            }
            GuestThread t = scheduler.current();
            if (t == null) {
                throw new VmError("internal error: host callback outside a guest thread");
            }
            int n = args == null ? 0 : args.length;
            Object[] gargs = new Object[n + 1];
            gargs[0] = g;
            for (int i = 0; i < n; i++) {
                gargs[i + 1] = method.getParameterTypes()[i].isPrimitive() ? args[i] : toGuest(args[i]);
            }
            Object res = calls.callGuest(t, m, gargs);
            Class<?> rt = method.getReturnType();
            if (rt == void.class) {
                return null;
            }
            return rt.isPrimitive() ? res : toHost(res, rt);
        }
    }

    // ------------------------------------------------------------------ fields

    public void staticGet(GuestThread t, Links.FieldLink fl, Frame f, int reg) {
        Object hostValue;
        String owner = Descriptors.toClassName(fl.owner);
        if (owner.equals("java.lang.System")) {
            switch (fl.name) {
                case "out": hostValue = world.out(); break;
                case "err": hostValue = world.err(); break;
                case "in": hostValue = world.in(); break;
                default: hostValue = readStatic(owner, fl); break;
            }
        } else if (owner.equals("java.util.logging.Logger") && fl.name.equals("global")) {
            hostValue = logging.global(); // this VM's "global" logger, not the JVM's
        } else {
            hostValue = readStatic(owner, fl);
        }
        store(f, reg, fl.type.charAt(0), hostValue);
    }

    private Object readStatic(String owner, Links.FieldLink fl) {
        try {
            VmClass c = linker.classForDescriptor(fl.owner);
            java.lang.reflect.Field field = c.host.getField(fl.name);
            if (!Modifier.isStatic(field.getModifiers())) {
                throw VmError.unsupported("field " + owner + "." + fl.name + " is not static");
            }
            if (!Modifier.isFinal(field.getModifiers())) {
                throw VmError.unsupported("mutable static field " + owner + "." + fl.name);
            }
            return field.get(null);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw VmError.unsupported("static field " + owner + "." + fl.name);
        }
    }

    public void fieldGet(GuestThread t, Links.FieldLink fl, Object obj, Frame f, int reg) {
        if (obj instanceof GuestObject && ((GuestObject) obj).hostView != null && ((GuestObject) obj).cls.hostBase != null) {
            try {
                store(f, reg, fl.type.charAt(0), peers.getField(((GuestObject) obj).hostView, fl.name));
            } catch (Throwable e) {
                throw VmError.unsupported("field " + fl + " of library class " + ((GuestObject) obj).cls.hostBase.name);
            }
            return;
        }
        try {
            java.lang.reflect.Field field = obj.getClass().getField(fl.name);
            store(f, reg, fl.type.charAt(0), field.get(obj));
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw VmError.unsupported("field " + fl + " of host object " + obj.getClass().getName());
        }
    }

    public void fieldPut(GuestThread t, Links.FieldLink fl, Object obj, Frame f, int reg) {
        if (!(obj instanceof GuestObject) || ((GuestObject) obj).cls.hostBase == null || ((GuestObject) obj).hostView == null) {
            throw VmError.unsupported("writing field " + fl + " of a host library object");
        }
        char k = fl.type.charAt(0);
        Object v;
        switch (k) {
            case 'L': v = toHost(f.o[reg], Object.class); break;
            case '[': v = toHostValue(f.o[reg], Object.class); break;
            case 'Z': v = ((int) f.r[reg]) != 0; break;
            case 'B': v = (byte) f.r[reg]; break;
            case 'C': v = (char) f.r[reg]; break;
            case 'S': v = (short) f.r[reg]; break;
            case 'I': v = (int) f.r[reg]; break;
            case 'J': v = f.r[reg]; break;
            case 'F': v = Float.intBitsToFloat((int) f.r[reg]); break;
            default: v = Double.longBitsToDouble(f.r[reg]); break;
        }
        try {
            peers.setField(((GuestObject) obj).hostView, fl.name, v);
        } catch (VmError e) {
            throw e;
        } catch (Throwable e) {
            throw VmError.unsupported("field " + fl + " of library class " + ((GuestObject) obj).cls.hostBase.name);
        }
    }

    private void store(Frame f, int reg, char kind, Object v) {
        if (kind == 'L' || kind == '[') {
            f.o[reg] = toGuest(v);
            f.r[reg] = 0;
            return;
        }
        long w;
        switch (kind) {
            case 'Z': w = ((Boolean) v) ? 1 : 0; break;
            case 'C': w = (Character) v; break;
            case 'F': w = Float.floatToRawIntBits((Float) v); break;
            case 'D': w = Double.doubleToRawLongBits((Double) v); break;
            default: w = ((Number) v).longValue(); break;
        }
        f.r[reg] = w;
        f.o[reg] = null;
        if (kind == 'J' || kind == 'D') {
            f.r[reg + 1] = w >> 32;
            f.o[reg + 1] = null;
        }
    }

    /** The guest library's java.util.Random or a guest subclass of it. */
    private static boolean isGuestRandom(VmClass c) {
        for (VmClass k = c; k != null; k = k.superclass) {
            if (k.replacesHost == java.util.Random.class) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ exceptions

    /** A host exception as a guest exception of the mirrored class, with message and cause. */
    public GuestObject toGuestThrowable(GuestThread t, Throwable e) {
        if (e instanceof GuestThrowable) {
            return ((GuestThrowable) e).guest;
        }
        if (e instanceof VmExit) {
            throw (VmExit) e;
        }
        if (e instanceof VmError) {
            throw (VmError) e;
        }
        if ((e instanceof UndeclaredThrowableException || e instanceof InvocationTargetException) && e.getCause() != null) {
            return toGuestThrowable(t, e.getCause());
        }
        if (e instanceof java.io.NotSerializableException && e.getMessage() != null
                && e.getMessage().startsWith("org.cometsim.")) {
            // Host serialization reached a guest object's host view: the guest must not see the
            // bridge's class; Java serialization of guest objects is not supported (issue #12).
            throw VmError.unsupported("Java serialization of guest objects (ObjectOutputStream.writeObject)");
        }
        VmClass c = linker.hostClassOf(e.getClass());
        Throwable cause = e.getCause();
        GuestObject g = cause != null && cause != e
                ? exceptions.createWithCause(t, c, e.getMessage(), toGuestThrowable(t, cause)).guest
                : exceptions.create(t, c, e.getMessage()).guest;
        g.vmData = e; // its class's own state (MissingResourceException.getKey ...): ThrowableModel.throwableAccessor
        return g;
    }

    // ------------------------------------------------------------------ invoke-custom

    public VmMethod linkCallSite(GuestThread t, Links.CallSiteLink site) {
        if (site.target == null) {
            site.target = callSites.link(t, site.site);
        }
        return (VmMethod) site.target;
    }
}
