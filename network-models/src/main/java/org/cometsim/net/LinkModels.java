package org.cometsim.net;

import org.cometsim.sim.RandomStreams;

/**
 * Start here: the network-models module in one page.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>{@link LinkModel} — the interface: {@code send(direction, submitNanos, bytes)} →
 *       {@link Delivery}. Two implementations:
 *       <ul>
 *         <li>{@link ShapedLinkModel} (latency, per-direction {@link DataRate}, jitter, loss with
 *             RTO retransmission, {@link OutageSchedule}, {@link TcpFraming}); its Javadoc lists
 *             exactly which TCP effects are modelled;</li>
 *         <li>{@link MahimahiTraceLinkModel} replaying {@link MahimahiTrace} files exactly as
 *             Mahimahi's {@code mm-link} does.</li>
 *       </ul></li>
 *   <li>{@link SimulatedLink} — schedules deliveries as events on a {@code Simulation}.</li>
 *   <li>{@link LinkPresets} — cited presets in {@code src/main/resources/presets/links/}:
 *       802.11g and 802.11n WiFi, 3G (HSPA), LTE, comet-wifi/comet-3g, and two synthetic trace
 *       links.</li>
 * </ul>
 *
 * <h2>Example</h2>
 * <pre>{@code
 * LinkModel wifi = LinkModels.preset("wifi-80211g", new RandomStreams(1));
 * Delivery d = wifi.send(Direction.UP, 0, 100_000);
 * }</pre>
 *
 * <p>Stateless factory; holds no state of its own.
 */
public final class LinkModels {

    private LinkModels() {}

    /** A fresh model for the named preset. */
    public static LinkModel preset(String name, RandomStreams streams) {
        return create(LinkPresets.load(name).spec(), streams);
    }

    /** A fresh model for {@code spec}; stochastic parts draw from {@code streams}. */
    public static LinkModel create(LinkSpec spec, RandomStreams streams) {
        if (spec instanceof ShapedLinkConfig c) {
            return new ShapedLinkModel(c, streams);
        }
        MahimahiLinkSpec m = (MahimahiLinkSpec) spec; // sealed: the only other kind
        return new MahimahiTraceLinkModel(m.name(),
                MahimahiTrace.resource(m.uplinkTrace()), MahimahiTrace.resource(m.downlinkTrace()),
                m.delay(), m.framing(), m.opportunityBytes(), 0);
    }
}
