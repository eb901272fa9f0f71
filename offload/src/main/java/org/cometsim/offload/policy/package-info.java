/**
 * The policy API: when a thread moves between the phone and the server. One interface,
 * {@link org.cometsim.offload.policy.OffloadPolicy}; policies chosen by name
 * ({@link org.cometsim.offload.policy.Policies#byName}, {@code --policy name[:args]}), built in or
 * a user's class in a jar ({@code --policy class:com.example.MyPolicy --policy-cp my.jar}).
 *
 * <h2>Where a policy is asked</h2>
 * <ul>
 *   <li><b>Safepoints</b> (always): every {@code safepointInterval}-th safepoint of a thread
 *       (COMET's 1024th: backward branches, returns, throws), on the phone, while the server is
 *       connected and ready and the thread can leave.</li>
 *   <li><b>Method entry and exit</b> (opt-in): a policy whose
 *       {@link org.cometsim.offload.policy.OffloadPolicy#usesMethodPoints} is true names the
 *       {@link org.cometsim.offload.policy.MethodPoint}s it wants
 *       ({@link org.cometsim.offload.policy.OffloadPolicy#evaluatesAt}, asked once per method);
 *       reaching one evaluates at the thread's next safepoint, with
 *       {@link org.cometsim.offload.policy.OffloadPolicy.Decision#point} saying which.</li>
 *   <li><b>On the server</b> (opt-in): with
 *       {@link org.cometsim.offload.policy.OffloadPolicy#decidesOnServer} the server asks too, and
 *       "migrate" there means "go home". Otherwise threads come back only when they must (a
 *       client-pinned native, a class to initialise, a lock the phone owns), as in COMET.</li>
 * </ul>
 *
 * <h2>What a policy sees</h2>
 * Per decision, a {@link org.cometsim.offload.policy.OffloadPolicy.Decision}: the thread (id,
 * its evaluation count), the method it is in and its call depth, the thread's phone time since it
 * last had to be on the phone (its start, a client-pinned native, its return: COMET's
 * {@code now - offUnsafeTime}), the smoothed sync time and its sample count, the link's RTT and
 * RTTVar (RFC 6298) and throughput estimate, the bytes a sync would ship now (estimated from the
 * DSM's dirty set, on demand: {@link org.cometsim.offload.policy.OffloadPolicy.Decision#pendingSyncBytes}),
 * and the phone radio's state ({@link org.cometsim.offload.policy.RadioState}: kind, time since
 * it last carried bytes) when the transport knows it. Per run, at construction, a
 * {@link org.cometsim.offload.policy.PolicyContext}: typed attachments such as a recorded profile
 * ({@code context.get(Profile.class)}). A policy that keeps "the profile so far" itself observes
 * every method entry and exit ({@link org.cometsim.offload.policy.MethodObserver}).
 *
 * <h2>What it decides</h2>
 * {@code migrate(d)}: true moves the thread to the other endpoint now, false leaves it. A
 * migration may still be refused (host frames on the stack, unshippable state: counted in the
 * run's result). {@link org.cometsim.offload.policy.OffloadPolicy#explain} says why, in words, for
 * the trace: every migration decision and a deterministic sample of stays become {@code decision}
 * events with the inputs above (offload/README.md, "Trace events").
 *
 * <h2>Rules</h2>
 * Deterministic (same inputs, same answers: no wall clock, no unseeded randomness, no global
 * state); one instance per run, serving both endpoints ({@code d.onServer()}); cheap (it runs
 * inside the interpreter's safepoint).
 *
 * <h2>Worked example</h2>
 * Offload a thread after it has run 20 ms on the phone, but only while a sync would ship less
 * than what the link carries in one RTT, and never bring it back early:
 * <pre>{@code
 * package com.example;
 *
 * import org.cometsim.offload.policy.OffloadPolicy;
 * import org.cometsim.offload.policy.PolicyContext;
 *
 * public final class CheapSyncPolicy implements OffloadPolicy {
 *     private final long minLocalNanos;
 *
 *     // --policy class:com.example.CheapSyncPolicy:30ms passes "30ms"; without ":30ms", null
 *     public CheapSyncPolicy(String args, PolicyContext context) {
 *         minLocalNanos = args == null ? 20_000_000L : org.cometsim.offload.policy.Policies.parseDuration("min", args);
 *     }
 *
 *     public String name() {
 *         return "cheap-sync";
 *     }
 *
 *     public boolean migrate(Decision d) {
 *         if (d.onServer() || d.localNanos() <= minLocalNanos) {
 *             return false;
 *         }
 *         long perRtt = d.throughputBytesPerSecond() * d.srttNanos() / 1_000_000_000L;
 *         return perRtt == 0 || d.pendingSyncBytes() <= perRtt; // no estimate yet: go
 *     }
 *
 *     public String explain(Decision d) {
 *         return "local " + d.localNanos() + " ns, sync would ship " + d.pendingSyncBytes() + " B";
 *     }
 * }
 * }</pre>
 * Compile it against {@code comet-offload.jar}, jar it, and run
 * {@code comet run --workload mandelbrot --policy class:com.example.CheapSyncPolicy --policy-cp cheap.jar};
 * {@code scenarios/examples/user-policy/} has this example with its build commands.
 *
 * <h2>Built-in policies</h2>
 * {@code never}, {@code always}, {@code comet} ({@link org.cometsim.offload.policy.CometRule}:
 * COMET's code), {@code comet-2rtt} ({@link org.cometsim.offload.policy.TwoRttRule}: the paper's
 * wording), {@code threshold:T} ({@link org.cometsim.offload.policy.ThresholdRule}),
 * {@code pingpong:N} (a DSM stress tool). A policy that can bound the run's completion time
 * (the oracle) implements {@link org.cometsim.offload.policy.CompletionBound} too.
 */
package org.cometsim.offload.policy;
