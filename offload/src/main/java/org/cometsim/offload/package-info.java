/**
 * COMET's offload runtime: two endpoints (phone and server), each bound to its VM, that keep their
 * heaps consistent and move threads between them. Start at {@link org.cometsim.offload.OffloadEndpoint};
 * the module README maps the packages, {@code PROTOCOL.md} describes the wire format.
 */
package org.cometsim.offload;
