package org.cometsim.dalvik.link;

import org.cometsim.dalvik.hooks.ClassInitGate;
import org.cometsim.dalvik.hooks.MethodEvents;
import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.MethodCode;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmField;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.sched.Scheduler;
import org.cometsim.dalvik.sched.ThreadRunner;
import org.jf.dexlib2.ValueType;
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
 * Class initialisation (JVMS 5.5): superclass and default-method interfaces first, static
 * initial values from the dex, a {@code <clinit>} frame pushed on the initiating thread, other
 * threads blocked until it is done, a failed class erroneous for good
 * ({@code NoClassDefFoundError} afterwards) and a non-{@code Error} from {@code <clinit>} wrapped
 * in {@code ExceptionInInitializerError}.
 */
public final class ClassInitializer {
    public static final int INIT_READY = 0;
    public static final int INIT_PUSHED = 1;
    public static final int INIT_BLOCKED = 2;
    /** The {@code ClassInitGate} refused: the thread migrates and the instruction runs again there. */
    public static final int INIT_MIGRATE = 3;

    /**
     * Classes whose initialisation waits for their superclass's {@code <clinit>}, now running: they
     * become erroneous if it fails (JVMS 5.5 step 7). Per VM; not part of a migration image (a
     * class whose superclass fails after migrating is retried, and then fails, on next use).
     */
    private final java.util.Map<VmClass, java.util.Set<VmClass>> awaitingSuperclass = new java.util.IdentityHashMap<>();
    private final ClassLinker linker;
    private final MemberResolver resolver;
    private final Scheduler scheduler;
    private final ThreadRunner runner;
    private final OffloadHooks hooks;
    private GuestExceptions exceptions;

    public ClassInitializer(ClassLinker linker, MemberResolver resolver, Scheduler scheduler, ThreadRunner runner,
                            OffloadHooks hooks) {
        this.linker = linker;
        this.resolver = resolver;
        this.scheduler = scheduler;
        this.runner = runner;
        this.hooks = hooks;
    }

    public void attach(GuestExceptions exceptions) {
        this.exceptions = exceptions;
    }


    // ------------------------------------------------------------------ initialisation

    /**
     * Makes sure {@code c} is initialised (JVMS 5.5, superclass first). Returns INIT_READY,
     * INIT_PUSHED (a {@code <clinit>} frame is now on top; re-execute the triggering instruction
     * when it returns), INIT_BLOCKED (another thread is initialising it) or INIT_MIGRATE (the
     * {@code ClassInitGate} says its {@code <clinit>} must run on the other endpoint).
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
            ClassInitGate gate = hooks.classInitGate();
            if (gate != null && !gate.mayInitializeHere(t, c)) {
                // An endpoint that may not run the initialiser cannot wait for it either: it runs
                // on the other endpoint, whose end this one would only learn from a push that
                // nothing may send (litmus ClassInitRace: main then joined the waiting thread).
                return INIT_MIGRATE;
            }
            scheduler.blockOnInit(t, c);
            return INIT_BLOCKED;
        }
        if (c.initState == VmClass.INIT_ERROR) {
            // JDK 17: the recorded initialisation error is the cause (JDK-8048190).
            String what = "Could not initialize class " + c.name;
            throw c.initError == null ? exceptions.create(t, "java.lang.NoClassDefFoundError", what)
                    : exceptions.createWithCause(t, "java.lang.NoClassDefFoundError", what, c.initError);
        }
        if (c.superclass != null && c.superclass.initState != VmClass.INIT_DONE) {
            int s;
            try {
                s = ensureInitialized(t, c.superclass);
            } catch (GuestThrowable e) {
                // JVMS 5.5 step 7: the superclass's failure makes this class erroneous too.
                markErroneous(t, c, e.guest);
                throw e;
            }
            if (s == INIT_PUSHED) {
                // The superclass's <clinit> (or its own superclass's) now runs; if it fails, so does c.
                awaitingSuperclass.computeIfAbsent(c.superclass, k -> new java.util.LinkedHashSet<>()).add(c);
            }
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
        VmMethod clinit = c.methods.get("<clinit>()V");
        ClassInitGate gate = hooks.classInitGate();
        if (clinit != null && gate != null && !gate.mayInitializeHere(t, c)) {
            return INIT_MIGRATE;
        }
        c.initState = VmClass.INIT_RUNNING;
        c.initThread = t;
        applyStaticValues(t, c);
        if (clinit == null) {
            finishInit(c);
            return INIT_READY;
        }
        MethodCode code = linker.codeOf(t, clinit);
        Frame nf = new Frame(clinit, code);
        nf.clinitOf = c;
        nf.caller = t.top;
        nf.depth = t.top == null ? 0 : t.top.depth + 1;
        t.top = nf;
        MethodEvents ev = hooks.methodEvents();
        if (ev != null) {
            ev.enter(t, clinit);
        }
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
            if (s == INIT_MIGRATE) {
                // Host frames are in the way: the thread cannot go to the endpoint that may initialise it.
                throw new VmError("unsupported: initialising " + c.name + " from a call out of host code on an endpoint"
                        + " that may not run <clinit> (the thread cannot migrate from inside a host call)");
            }
            // A <clinit> frame was pushed on t: run it as a callback.
            Frame clinitFrame = t.top;
            clinitFrame.base = true;
            t.nestDepth++;
            try {
                while (true) {
                    int st = runner.runSlice(t);
                    if (st == ThreadRunner.BASE_RETURN) {
                        break;
                    }
                    if (st == ThreadRunner.BLOCKED) {
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
            if (c.dsm != null && ev.getValueType() != ValueType.NULL) {
                hooks.barrier().staticWrite(c, f); // a tracked class's statics: before the store, as every write
            }
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
                case ValueType.TYPE: c.staticR[f.slot] = resolver.classForName(t, ((TypeEncodedValue) ev).getValue()); break;
                case ValueType.NULL: break;
                default:
                    throw VmError.unsupported("static initial value of type " + ValueType.getValueTypeName(ev.getValueType())
                            + " for " + f);
            }
        }
    }

    public void finishInit(VmClass c) {
        awaitingSuperclass.remove(c);
        c.initState = VmClass.INIT_DONE;
        c.initThread = null;
        scheduler.initFinished(c);
    }

    /** A {@code <clinit>} threw: mark the class erroneous and wrap non-Errors (JVMS 5.5 step 11). */
    public Object failInit(GuestThread t, VmClass c, Object ex) {
        c.initState = VmClass.INIT_ERROR;
        c.initThread = null;
        scheduler.initFinished(c);
        VmClass errorClass = linker.classForDescriptor("Ljava/lang/Error;");
        Object error = linker.classOf(ex).isSubtypeOf(errorClass) ? ex
                : exceptions.createWithCause(t, "java.lang.ExceptionInInitializerError", null, ex).guest;
        c.initError = recordedError(t, ex); // travels with the class-initialisation state (hooks.ClassInitImage)
        java.util.Set<VmClass> waiting = awaitingSuperclass.remove(c);
        if (waiting != null) {
            for (VmClass sub : waiting) {
                markErroneous(t, sub, error);
            }
        }
        return error;
    }

    /** A subclass whose superclass's initialisation failed with {@code thrown}: erroneous for good. */
    private void markErroneous(GuestThread t, VmClass c, Object thrown) {
        if (c.initState == VmClass.INIT_ERROR || c.initState == VmClass.INIT_DONE) {
            return;
        }
        c.initState = VmClass.INIT_ERROR;
        c.initError = recordedError(t, thrown);
        java.util.Set<VmClass> waiting = awaitingSuperclass.remove(c);
        if (waiting != null) {
            for (VmClass sub : waiting) {
                markErroneous(t, sub, thrown);
            }
        }
    }

    /**
     * What HotSpot records for a failed initialisation (the cause of every later
     * {@code NoClassDefFoundError}): a new {@code ExceptionInInitializerError} whose message names
     * the original exception's class, its detail message (the field, not {@code getMessage()}) and
     * the initialising thread, as {@code java_lang_Throwable::create_initialization_error} writes it.
     */
    private Object recordedError(GuestThread t, Object ex) {
        VmClass cls = linker.classOf(ex);
        Object message = null;
        VmField detail = linker.classForDescriptor("Ljava/lang/Throwable;").fields.get("detailMessage");
        if (ex instanceof GuestObject && detail != null && detail.isRef) {
            message = ((GuestObject) ex).r[detail.slot];
        }
        String text = "Exception " + cls.name + (message instanceof String ? ": " + message : "")
                + " [in thread \"" + t.name + "\"]";
        return exceptions.create(t, "java.lang.ExceptionInInitializerError", text).guest;
    }}
