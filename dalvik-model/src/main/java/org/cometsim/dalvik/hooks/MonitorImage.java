package org.cometsim.dalvik.hooks;

import java.util.List;

/**
 * A guest monitor captured on one VM ({@link Migration#captureMonitor}) and rebuilt on another
 * ({@link Migration#rebuildMonitor}): COMET hands a lock's ownership over this way
 * (comet-reference §7: the owner side answers {@code LOCK} with its waiter count and a sync).
 * Threads are named by thread id (a DSM pairs the ids of the two endpoints), objects by
 * {@link ObjectIds}.
 *
 * @param objectId the object whose monitor it is
 * @param ownerThreadId id of the owning thread, or 0 if the monitor is free
 * @param count the owner's recursion count (0 if free)
 * @param waiterThreadIds threads in its wait set ({@code Object.wait}), in notification order
 */
public record MonitorImage(long objectId, int ownerThreadId, int count, List<Integer> waiterThreadIds) {
    public MonitorImage {
        waiterThreadIds = List.copyOf(waiterThreadIds);
    }
}
