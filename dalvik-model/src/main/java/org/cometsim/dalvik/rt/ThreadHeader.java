package org.cometsim.dalvik.rt;

/**
 * The offload runtime's per-thread state ({@link GuestThread#offload}); null for a VM with no
 * offload runtime. The VM never reads it. Moving a thread goes through
 * {@code hooks.Migration} (detach and adopt), not through this header.
 *
 * <p>What COMET keeps per thread (comet-reference §1, §5), the model for a subclass: whether the
 * thread runs on this endpoint ({@code offLocal}) and whether it ever left
 * ({@code offLocalOnly}), its migration counter (the parked side reloads its top frame when it
 * changes), the break-frame depth recorded when it left, the "protected" flag (never migrate),
 * the time since it last had to be local (the scheduler's input), its most recently released
 * locks (the 16-entry lock handoff list), and its paired thread on the other endpoint (same
 * thread id) with that thread's message stream.
 */
public class ThreadHeader {
}
