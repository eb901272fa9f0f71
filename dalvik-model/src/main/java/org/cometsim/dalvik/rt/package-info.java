/**
 * Runtime data and the bottom-level contracts: classes and their members, guest objects, arrays,
 * threads, frames and monitors, the code model, natives ({@code NativeImpl}), host-to-guest calls
 * ({@code GuestCalls}), guest exceptions ({@code GuestExceptions}) and the VM's own share of what is
 * JVM-global on a JVM ({@code VmWorld}: standard streams, clock, system properties, default locale
 * and time zone, {@code RuntimeFigures}). It imports nothing else of the module.
 */
package org.cometsim.dalvik.rt;
