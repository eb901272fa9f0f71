package org.cometsim.dalvik.hooks;

/**
 * The hooks an offload runtime installs in one VM, in one place: the {@link WriteBarrier} every
 * write path of a tracked object calls before its store ({@link WriteBarrier#NONE}, a no-op,
 * until one is installed: callers never test it for null), the {@link SafepointHandler}
 * consulted at safepoint slow paths, the {@link NativeGate} asked before a native runs, the
 * {@link MonitorGate} and {@link VolatileGate} asked before a tracked object's lock or volatile
 * state is used, and the {@link MethodEvents} told about method entries and exits. Apart from the barrier nothing is
 * installed by default, and each hook then costs its caller one load and one null test.
 */
public final class OffloadHooks {
    private WriteBarrier barrier = WriteBarrier.NONE;
    private SafepointHandler safepointHandler;
    private NativeGate nativeGate;
    private MethodEvents methodEvents;
    private ClassInitGate classInitGate;
    private MonitorGate monitorGate;
    private VolatileGate volatileGate;

    /** The installed barrier, or {@link WriteBarrier#NONE}: never null. */
    public WriteBarrier barrier() {
        return barrier;
    }

    /** Installs {@code b} ({@code null} restores the no-op barrier). */
    public void setWriteBarrier(WriteBarrier b) {
        this.barrier = b == null ? WriteBarrier.NONE : b;
    }

    /** The safepoint handler, or null. */
    public SafepointHandler safepointHandler() {
        return safepointHandler;
    }

    public void setSafepointHandler(SafepointHandler h) {
        this.safepointHandler = h;
    }

    /** The native gate, or null (every native may run here). */
    public NativeGate nativeGate() {
        return nativeGate;
    }

    public void setNativeGate(NativeGate g) {
        this.nativeGate = g;
    }

    /** The method-event subscriber, or null (nobody listens: no events are made). */
    public MethodEvents methodEvents() {
        return methodEvents;
    }

    /** Subscribes {@code e} to method entries and exits ({@code null} unsubscribes). */
    public void setMethodEvents(MethodEvents e) {
        this.methodEvents = e;
    }

    /** The class-initialisation gate, or null (every {@code <clinit>} may run here). */
    public ClassInitGate classInitGate() {
        return classInitGate;
    }

    public void setClassInitGate(ClassInitGate g) {
        this.classInitGate = g;
    }

    /** The monitor gate asked before entering a tracked object's monitor, or null. */
    public MonitorGate monitorGate() {
        return monitorGate;
    }

    public void setMonitorGate(MonitorGate g) {
        this.monitorGate = g;
    }

    /** The volatile gate asked before a tracked object's volatile state is accessed, or null. */
    public VolatileGate volatileGate() {
        return volatileGate;
    }

    /** Installs {@code g} (before the VM runs guest code: see {@link VolatileGate}); null removes it. */
    public void setVolatileGate(VolatileGate g) {
        this.volatileGate = g;
    }
}
