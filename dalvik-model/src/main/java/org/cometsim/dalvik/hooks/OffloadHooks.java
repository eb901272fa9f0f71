package org.cometsim.dalvik.hooks;

/**
 * The hooks an offload runtime installs in one VM, in one place: the {@link WriteBarrier} every
 * write path of a tracked object calls before its store (a no-op until one is installed), the
 * {@link SafepointHandler} consulted at safepoint slow paths, and the {@link NativeGate} asked
 * before a native runs. Nothing is installed by default, and each hook then costs its caller one
 * load and, at most, one null test.
 */
public final class OffloadHooks {
    private WriteBarrier barrier = WriteBarrier.NONE;
    private SafepointHandler safepointHandler;
    private NativeGate nativeGate;

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
}
