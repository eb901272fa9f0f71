/**
 * The class library's ground floor: {@code java.*} classes bridged to the host JVM.
 * {@link org.cometsim.dalvik.host.HostBridge} calls host methods through method handles and
 * converts values at the boundary (guest arrays, host views of guest objects, host exceptions);
 * {@link org.cometsim.dalvik.host.HostPeers} gives guest subclasses of library classes a host
 * peer; {@code CallSites} links {@code invoke-custom}; {@link org.cometsim.dalvik.host.Natives}
 * and its companions intercept the JDK methods whose behaviour belongs to the VM (exit, clocks,
 * {@code arraycopy}, reflective arrays, logging, service loading, class loaders);
 * {@link org.cometsim.dalvik.host.GuestResources} is the guest's class loader over its class
 * path; {@link org.cometsim.dalvik.host.PlacementRules} classifies host methods as offloadable or
 * client-pinned. It uses the layers below the class library only: guest exceptions come through
 * {@link org.cometsim.dalvik.rt.GuestExceptions}, host-to-guest calls through
 * {@link org.cometsim.dalvik.rt.GuestCalls}.
 */
package org.cometsim.dalvik.host;
