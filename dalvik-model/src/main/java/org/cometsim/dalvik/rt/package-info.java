/**
 * Runtime data and the bottom-level contracts: classes and their members, guest objects, arrays,
 * threads, frames and monitors, the code model, natives ({@code NativeImpl}), host-to-guest calls
 * ({@code GuestCalls}), guest exceptions ({@code GuestExceptions}) and what {@code java.lang.System}
 * shows the guest ({@code GuestSystem}). It imports nothing else of the module.
 */
package org.cometsim.dalvik.rt;
