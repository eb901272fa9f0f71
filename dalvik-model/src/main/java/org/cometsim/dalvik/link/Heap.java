package org.cometsim.dalvik.link;

import java.lang.reflect.Modifier;

import org.cometsim.dalvik.hooks.OffloadHooks;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClass;

/**
 * Allocation of guest objects and arrays, array initialisation from {@code fill-array-data}, and
 * deterministic identity hashes (of host objects too: {@link HostIdentityHashes}). Objects live in
 * the host heap (the JVM collects them); arrays of a final host component type are typed host
 * arrays so host calls take them as they are.
 */
public final class Heap {
    private final OffloadHooks hooks;
    private GuestExceptions exceptions;
    private int identityHashCount;
    private final HostIdentityHashes hostHashes = new HostIdentityHashes();

    public Heap(OffloadHooks hooks) {
        this.hooks = hooks;
    }

    public void attach(GuestExceptions exceptions) {
        this.exceptions = exceptions;
    }

    // ------------------------------------------------------------------ the guest heap limit

    /**
     * The default guest heap limit: Android's {@code largeHeap} limit on current phones. The
     * simulated device's {@code Runtime.maxMemory()} (an assumed 48 MiB for a 2012 phone) is what
     * the guest is told, not enforced: workloads sized for a server would not fit it.
     */
    public static final long DEFAULT_LIMIT = 512L << 20;

    private long limit = DEFAULT_LIMIT;
    /** Estimated bytes allocated since the last live-size pass. */
    private long allocatedSinceCheck;
    /** The allocation volume that triggers the next pass: up to the limit, at least 1/32 of it. */
    private long nextCheck = DEFAULT_LIMIT;
    private java.util.function.LongSupplier liveBytes;

    /** Connects the live-size pass ({@link LiveHeapSize}) over this VM's threads and classes. */
    public void attachLiveSize(ClassLinker linker, org.cometsim.dalvik.sched.Scheduler scheduler) {
        this.liveBytes = () -> LiveHeapSize.measure(linker, scheduler);
    }

    /** Sets the guest heap limit in bytes (estimated 32-bit Dalvik sizes, see {@link LiveHeapSize}). */
    public void setLimit(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("heap limit must be positive");
        }
        limit = bytes;
        nextCheck = bytes;
        allocatedSinceCheck = 0;
    }

    public long limit() {
        return limit;
    }

    /**
     * What crossing the limit throws instead of the guest's {@code OutOfMemoryError}: a host
     * exception, which ends the slice and the VM's run, never seen by guest code (an offload
     * server's session limit: the session ends and the phone, whose heap the program was written
     * for, recovers its threads; a guest error there would change what the program prints). Null:
     * the guest's error, as on a device.
     */
    public void onLimitExceeded(java.util.function.Supplier<? extends RuntimeException> action) {
        this.overLimit = action;
    }

    private java.util.function.Supplier<? extends RuntimeException> overLimit;

    /**
     * Counts an allocation of {@code bytes}; when the allocations since the last pass could pass
     * the limit, measures what is live and throws the guest's {@code OutOfMemoryError} if this
     * allocation does not fit. One add and one compare on the fast path.
     */
    private void account(GuestThread t, long bytes) {
        allocatedSinceCheck += bytes;
        if (allocatedSinceCheck >= nextCheck || bytes > limit) {
            slowAccount(t, bytes);
        }
    }

    private void slowAccount(GuestThread t, long bytes) {
        long live = bytes > limit || liveBytes == null ? 0 : liveBytes.getAsLong();
        if (bytes > limit || live + bytes > limit) {
            allocatedSinceCheck = 0;
            nextCheck = Math.max(limit - live, limit / 32);
            if (overLimit != null) {
                throw overLimit.get();
            }
            throw outOfMemory(t);
        }
        allocatedSinceCheck = bytes;
        nextCheck = Math.max(limit - live, limit / 32);
    }

    private org.cometsim.dalvik.rt.GuestThrowable outOfMemory(GuestThread t) {
        return exceptions.create(t, "java.lang.OutOfMemoryError", "Java heap space");
    }


    /**
     * Next deterministic identity hash code: a mix of how many hashes this VM has handed out
     * (a counter, not a generator state, so two VMs running one program can agree: the offload
     * runtime moves the count forward to the peer's, {@link #advanceIdentityHashes}).
     */
    public int newIdentityHash() {
        long z = (identityHashCount++ + 0x1000L) * 0x9E3779B97F4A7C15L; // splitmix64's finaliser
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        int h = (int) (z ^ (z >>> 31)) & 0x7fffffff;
        return h == 0 ? 1 : h;
    }

    /** How many identity hashes this VM has handed out (see {@link #newIdentityHash}). */
    public int identityHashCount() {
        return identityHashCount;
    }

    /** Continues the hash sequence from {@code count} if the peer has gone further (never backwards). */
    public void advanceIdentityHashes(int count) {
        if (Integer.compareUnsigned(count, identityHashCount) > 0) {
            identityHashCount = count;
        }
    }

    /**
     * The identity hash of any guest value ({@code Object.hashCode}, {@code System.identityHashCode}):
     * guest objects, arrays and classes get the next deterministic hash on first use, and so do
     * host objects, in this VM's own table (the JVM's identity hashes differ from run to run).
     * A tracked object's new hash is reported to the offload runtime's barrier.
     */
    public int identityHash(Object o) {
        if (o instanceof GuestObject) {
            GuestObject g = (GuestObject) o;
            if (g.hash == 0) {
                g.hash = newIdentityHash();
                if (g.dsm != null) {
                    hooks.barrier().identityHashAssigned(g);
                }
            }
            return g.hash;
        }
        if (o instanceof GuestArray) {
            GuestArray g = (GuestArray) o;
            if (g.hash == 0) {
                g.hash = newIdentityHash();
                if (g.dsm != null) {
                    hooks.barrier().identityHashAssigned(g);
                }
            }
            return g.hash;
        }
        if (o instanceof VmClass) {
            VmClass g = (VmClass) o;
            if (g.hash == 0) {
                g.hash = newIdentityHash();
                hooks.barrier().identityHashAssigned(g); // classes exist on both sides, tracked or not
            }
            return g.hash;
        }
        return hostHashes.hashOf(o, this::newIdentityHash);
    }

    // ------------------------------------------------------------------ allocation

    /** A host object between new-instance and its constructor call. */
    public static final class UninitializedHostObject {
        public final VmClass cls;

        public UninitializedHostObject(VmClass cls) {
            this.cls = cls;
        }
    }

    public Object allocate(GuestThread t, VmClass c) {
        if (c.isInterface() || (c.access & 0x0400) != 0 || c.kind == VmClass.Kind.ARRAY || c.kind == VmClass.Kind.PRIMITIVE) {
            throw exceptions.create(t, "java.lang.InstantiationError", c.name);
        }
        if (c.kind == VmClass.Kind.HOST) {
            account(t, 16);
            return new UninitializedHostObject(c);
        }
        account(t, 8 + 8L * c.instancePrimCount + 4L * c.instanceRefCount);
        return new GuestObject(c);
    }

    public GuestArray newArray(GuestThread t, VmClass arrayClass, int len) {
        if (len < 0) {
            throw exceptions.create(t, "java.lang.NegativeArraySizeException", Integer.toString(len));
        }
        account(t, LiveHeapSize.arrayBytes(arrayClass.primitive, len));
        try {
            return new GuestArray(arrayClass, newArrayData(arrayClass, len), len);
        } catch (OutOfMemoryError e) {
            // The host ran out before the guest limit (a host heap smaller than the limit): still
            // the guest's error, so it can catch it; what it had allocated is garbage now.
            throw outOfMemory(t);
        }
    }

    private static Object newArrayData(VmClass arrayClass, int len) {
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
        return data;
    }

    public void fillArrayData(GuestThread t, GuestArray arr, Object payload) {
        int n = java.lang.reflect.Array.getLength(payload);
        if (n > arr.length) {
            throw exceptions.create(t, "java.lang.ArrayIndexOutOfBoundsException",
                    "Index " + arr.length + " out of bounds for length " + arr.length);
        }
        if (arr.dsm != null) {
            hooks.barrier().arrayWrite(arr, 0, n); // before the store, like every write path
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
    }}
