package org.cometsim.net;

import java.util.Objects;
import org.cometsim.sim.SimTime;

/**
 * Parameters of a {@link MahimahiTraceLinkModel}.
 *
 * @param name instance name
 * @param uplinkTrace classpath resource of the uplink ({@code .up}) trace
 * @param downlinkTrace classpath resource of the downlink ({@code .down}) trace
 * @param delay fixed one-way delay added after the trace link ({@code mm-delay})
 * @param opportunityBytes bytes per trace line (1500 per Mahimahi's docs, 1504 in its code)
 * @param framing packetisation of messages
 */
public record MahimahiLinkSpec(
        String name,
        String uplinkTrace,
        String downlinkTrace,
        SimTime delay,
        int opportunityBytes,
        TcpFraming framing) implements LinkSpec {

    public MahimahiLinkSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(uplinkTrace);
        Objects.requireNonNull(downlinkTrace);
        Objects.requireNonNull(delay);
        Objects.requireNonNull(framing);
        if (opportunityBytes <= 0) {
            throw new IllegalArgumentException("opportunityBytes must be > 0");
        }
    }
}
