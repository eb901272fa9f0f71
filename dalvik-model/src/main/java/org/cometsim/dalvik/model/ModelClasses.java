package org.cometsim.dalvik.model;

import java.util.Set;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.host.GuestResources;
import org.cometsim.dalvik.host.HostBridge;
import org.cometsim.dalvik.link.ClassInitializer;
import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.Heap;
import org.cometsim.dalvik.link.MemberResolver;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.reflect.GuestReflection;
import org.cometsim.dalvik.reflect.GuestTypes;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.rt.VmWorld;
import org.cometsim.dalvik.sched.Monitors;
import org.cometsim.dalvik.sched.Scheduler;

/**
 * The registry of model classes: {@code java.*} classes the VM implements itself so that their
 * instances are guest objects with real fields the DSM can track, and so that their behaviour
 * (threads, locks, stack traces, reflection) is the VM's. Java PathFinder's model classes are the
 * precedent. Each has one class here holding its natives ({@link ObjectModel},
 * {@link ClassModel}, {@link ThrowableModel} with every mirrored host exception class,
 * {@link ThreadModel}, {@link EnumModel}, and for reflection {@link AccessibleObjectModel},
 * {@link ExecutableModel}, {@link MethodModel}, {@link ConstructorModel}, {@link FieldModel},
 * {@link RecordComponentModel}, {@link UnsafeModel}); the four generic {@code Type}
 * implementations are reflection's own values ({@link GuestTypes}). The linker asks the registry
 * for a model class by name ({@link #define}, then {@link #complete} once it is registered).
 *
 * <p>The model {@code Throwable} is also the VM's maker of guest exceptions ({@link #exceptions}).
 */
public final class ModelClasses {
    /** Every model class, by name. */
    public static final Set<String> NAMES = Set.of("java.lang.Object", "java.lang.Class", "java.lang.Throwable",
            "java.lang.Thread", "java.lang.Enum", "java.lang.reflect.AccessibleObject", "java.lang.reflect.Executable",
            "java.lang.reflect.Method", "java.lang.reflect.Constructor", "java.lang.reflect.Field",
            "java.lang.reflect.RecordComponent", "sun.misc.Unsafe", GuestTypes.PTYPE, GuestTypes.TVAR,
            GuestTypes.WILDCARD, GuestTypes.GARRAY);

    private final ThrowableModel throwables;
    private final ObjectModel objects;
    private final ThreadModel threads;
    private final EnumModel enums;
    private final GuestReflection reflection;
    private final AccessibleObjectModel accessible;
    private final ExecutableModel executables;
    private final MethodModel methods;
    private final ConstructorModel constructors;
    private final FieldModel fields;
    private final RecordComponentModel recordComponents;
    private final UnsafeModel unsafe;
    private final ClassModel classes;
    private final HostBridge bridge;

    private final ClassLinker linker;
    private final OffloadHooks hooks;
    /**
     * The model classes of one VM, over its parts. {@code calls} runs guest code from natives that
     * are not handed one (an uncaught exception's handler, an enum's {@code values()}).
     */
    public ModelClasses(ClassLinker linker, MemberResolver resolver, ClassInitializer initializer, Heap heap,
                        NativeRegistry natives, Scheduler scheduler, Monitors monitors, OffloadHooks hooks,
                        VmWorld world, GuestCalls calls, HostBridge bridge, GuestResources resources) {
        this.bridge = bridge;
        this.linker = linker;
        this.hooks = hooks;
        this.throwables = new ThrowableModel(linker, hooks, world, calls, bridge);
        GuestExceptions exceptions = throwables;
        this.objects = new ObjectModel(linker, heap, monitors, exceptions);
        this.threads = new ThreadModel(linker, resolver, scheduler, monitors, hooks, world, calls, resources, throwables);
        this.enums = new EnumModel(linker, initializer, heap, exceptions, calls, bridge, hooks);
        this.reflection = new GuestReflection(linker, resolver, initializer, heap, exceptions, calls, bridge, world);
        this.accessible = new AccessibleObjectModel(linker, exceptions, hooks, reflection);
        this.executables = new ExecutableModel(linker, reflection);
        this.methods = new MethodModel(linker, resolver, initializer, exceptions, hooks, bridge, reflection, accessible);
        this.constructors = new ConstructorModel(linker, initializer, heap, natives, bridge, reflection, accessible, throwables);
        this.fields = new FieldModel(linker, resolver, initializer, exceptions, hooks, reflection, accessible);
        this.recordComponents = new RecordComponentModel(linker, resolver, exceptions, reflection);
        this.unsafe = new UnsafeModel(linker, initializer, exceptions);
        this.classes = new ClassModel(linker, initializer, exceptions, resources, reflection, enums, accessible, constructors);
    }

    /** Makes guest exceptions (the model {@code Throwable}). */
    public GuestExceptions exceptions() {
        return throwables;
    }

    /** The {@code Thread} model: the threads the VM starts itself, and uncaught-exception reports. */
    public ThreadModel threads() {
        return threads;
    }

    /** Registers the intercepts of library classes that only the model classes can answer ({@code EnumSet}, {@code EnumMap}). */
    public void registerIntercepts(NativeRegistry reg) {
        new GuestEnumCollections(enums, throwables, bridge).register(reg);
        ThreadLocalNatives.register(linker, hooks, reg);
        AtomicNatives.register(linker, hooks, reg);
    }

    /** Creates the model class {@code name}, or returns null if it is not a model class. */
    public VmClass define(String name, String desc) {
        if (!NAMES.contains(name)) {
            return null;
        }
        VmClass c = new VmClass(VmClass.Kind.MODEL, name, desc);
        c.access = 0x0001;
        c.initState = VmClass.INIT_DONE;
        try {
            c.host = Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        if (name.equals("java.lang.Enum")) {
            c.access |= 0x0400;
        }
        return c;
    }

    /** Fills a freshly registered model class (its superclass may be linked now). */
    public void complete(VmClass c) {
        switch (c.name) {
            case "java.lang.Object" -> objects.complete(c);
            case "java.lang.Class" -> classes.complete(c);
            case "java.lang.Throwable" -> throwables.complete(c);
            case "java.lang.Thread" -> threads.complete(c);
            case "java.lang.Enum" -> enums.complete(c);
            case "java.lang.reflect.Field" -> fields.complete(c);
            default -> {
                // The other reflection classes declare the JDK's modifiers.
                c.access = c.host.getModifiers() & 0xffff;
                switch (c.name) {
                    case "java.lang.reflect.AccessibleObject" -> accessible.complete(c);
                    case "java.lang.reflect.Executable" -> executables.complete(c);
                    case "java.lang.reflect.Method" -> methods.complete(c);
                    case "java.lang.reflect.Constructor" -> constructors.complete(c);
                    case "java.lang.reflect.RecordComponent" -> recordComponents.complete(c);
                    case "sun.misc.Unsafe" -> unsafe.complete(c);
                    default -> reflection.types().complete(c);
                }
            }
        }
    }

    /** A model class mirroring the host exception class {@code host} (same name and superclass chain). */
    VmClass mirrorThrowable(String name, String desc, Class<?> host) {
        return throwables.mirrorThrowable(name, desc, host);
    }

    /** A direct (constructor) method of a model class the model does not declare, or null. */
    VmMethod directMethod(VmClass owner, String name, String desc) {
        return throwables.directMethod(owner, name, desc);
    }

    /** An accessor a host exception's twin answers for a mirrored exception class, or null. */
    VmMethod throwableAccessor(VmClass receiver, String key) {
        return throwables.throwableAccessor(receiver, key);
    }

    /** {@code clone()} on any array. */
    VmMethod arrayClone() {
        return objects.arrayClone();
    }
}
