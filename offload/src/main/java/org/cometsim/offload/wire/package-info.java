/**
 * The wire format: typed messages ({@link org.cometsim.offload.wire.Message}), the one codec
 * ({@link org.cometsim.offload.wire.WireCodec}), per-thread framing with optional zlib
 * ({@link org.cometsim.offload.wire.Framing}); byte by byte in the module's {@code PROTOCOL.md}.
 */
package org.cometsim.offload.wire;
