package org.cometsim.offload.policy.profile;

/**
 * What a profile-based policy assumes about the run it decides for: the link's cost of a crossing
 * and the phone's power figures. A crossing with b bytes costs {@code X(b) = oneWay + b / β}
 * (policies-reference §5.1: ρ/2 + b/β, with ρ/2 the link's minimum one-way latency and β measured
 * per direction by probing the link model with MAUI's 10 KB probe and a 100 KB one: MAUI itself
 * uses the probe's throughput alone [MAUI §5.3]; separating latency and bandwidth is our
 * refinement). Energy: the phone's CPU draws {@code cpuActiveWatts} while it computes, and the
 * radio {@code radioActiveWatts} while a crossing is in flight (tails and promotions are left out:
 * MAUI's edge cost C_uv is likewise the energy of the transfer alone).
 *
 * @param link the link preset's name
 * @param oneWayNanos the link's minimum one-way latency
 * @param upBytesPerNano phone → server bandwidth β
 * @param downBytesPerNano server → phone bandwidth
 */
public record Environment(String link, long oneWayNanos, double upBytesPerNano, double downBytesPerNano,
                          double cpuActiveWatts, double cpuIdleWatts, double radioActiveWatts) {
    /** X_in: a migration at a call's entry shipping {@code bytes} up. */
    public long inNanos(long bytes) {
        return oneWayNanos + Math.round(bytes / upBytesPerNano);
    }

    /** X_out: the re-integration at its exit shipping {@code bytes} down. */
    public long outNanos(long bytes) {
        return oneWayNanos + Math.round(bytes / downBytesPerNano);
    }

    /** Phone energy of {@code nanos} of radio activity. */
    public double radioJoules(long nanos) {
        return radioActiveWatts * nanos / 1e9;
    }

    /** Phone energy of {@code nanos} of computing. */
    public double cpuJoules(long nanos) {
        return cpuActiveWatts * nanos / 1e9;
    }
}
