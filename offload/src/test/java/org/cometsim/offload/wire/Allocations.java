package org.cometsim.offload.wire;

import java.lang.management.ManagementFactory;

/**
 * Bytes the current thread allocates while running something (HotSpot's per-thread counter): how
 * a test can tell that a decoder sized an array from a hostile count without running out of memory
 * first. Not a timing: the count depends only on what the code allocates.
 */
final class Allocations {
    private Allocations() {
    }

    private static final com.sun.management.ThreadMXBean BEAN = bean();

    private static com.sun.management.ThreadMXBean bean() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
                && b.isThreadAllocatedMemorySupported()) {
            b.setThreadAllocatedMemoryEnabled(true);
            return b;
        }
        return null;
    }

    /** Whether this JVM counts allocations per thread. */
    static boolean supported() {
        return BEAN != null;
    }

    /** Bytes allocated so far by the current thread (0 if not {@link #supported()}). */
    static long current() {
        return BEAN == null ? 0 : BEAN.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
