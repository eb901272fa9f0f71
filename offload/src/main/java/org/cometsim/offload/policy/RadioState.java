package org.cometsim.offload.policy;

/**
 * What the phone's endpoint knows of its radio at a decision: which radio carries the link and
 * how long ago it last carried bytes (either direction). The power state follows from the kind's
 * state machine (device-models' {@code WifiPowerParams}, {@code UmtsRrcParams}, {@code LteRrcParams}):
 * a 3G radio idle for less than its DCH tail is still in DCH, so a sync now costs no promotion.
 *
 * @param kind {@code wifi}, {@code 3g} or {@code lte}
 * @param idleNanos time since the radio last sent or received bytes of this connection;
 *     {@link Long#MAX_VALUE} if it never has
 */
public record RadioState(String kind, long idleNanos) {
    /** Whether the radio has carried bytes within the last {@code nanos}. */
    public boolean activeWithin(long nanos) {
        return idleNanos <= nanos;
    }
}
