/**
 * The typed offload interface: what an offload runtime (COMET's DSM and migration, issue #13)
 * installs in a VM and calls on it. Depends only on {@code rt}, {@code code} and {@code load}; the
 * {@code Vm} facade exposes it and hands over its parts through {@link org.cometsim.dalvik.hooks.VmAccess}.
 *
 * <ul>
 *   <li>Offload headers ({@code rt}): {@link org.cometsim.dalvik.rt.ObjectHeader} on objects and
 *       arrays, {@link org.cometsim.dalvik.rt.ClassHeader} on classes,
 *       {@link org.cometsim.dalvik.rt.ThreadHeader} on threads; null = not tracked; the runtime
 *       subclasses them.</li>
 *   <li>{@link org.cometsim.dalvik.hooks.OffloadHooks}: the per-VM holder of the hooks below.</li>
 *   <li>{@link org.cometsim.dalvik.hooks.WriteBarrier}: the one barrier rule (every write path of
 *       a tracked object reports before its store; the no-op {@code NONE} when none is
 *       installed).</li>
 *   <li>{@link org.cometsim.dalvik.hooks.SafepointHandler} (may stop a thread for migration at a
 *       safepoint), {@link org.cometsim.dalvik.hooks.NativeGate} (a native that must run on the
 *       other endpoint stops the thread on its invoke), {@link org.cometsim.dalvik.hooks.MethodEvents}
 *       (method entry and exit, free when nobody subscribes).</li>
 *   <li>Moving state by object id ({@link org.cometsim.dalvik.hooks.ObjectIds}, supplied by the
 *       DSM; {@link org.cometsim.dalvik.hooks.ObjectTable} for one shared heap):
 *       {@link org.cometsim.dalvik.hooks.Migration} detaches and adopts threads
 *       ({@link org.cometsim.dalvik.hooks.ThreadImage}, with
 *       {@link org.cometsim.dalvik.hooks.FrameCapture}'s frames), and captures and rebuilds
 *       monitors ({@link org.cometsim.dalvik.hooks.MonitorImage}) and class-initialisation state
 *       ({@link org.cometsim.dalvik.hooks.ClassInitImage}).</li>
 * </ul>
 */
package org.cometsim.dalvik.hooks;
