package org.cometsim.offload.wire;

/**
 * Bytes that are not a valid message of the protocol (truncated, oversized, an unknown tag, a
 * value out of range): the connection is unusable and is closed. Never a crash or a hang.
 */
public final class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }
}
