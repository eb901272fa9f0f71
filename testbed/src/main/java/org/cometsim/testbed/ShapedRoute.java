package org.cometsim.testbed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import org.cometsim.net.LinkModel;
import org.cometsim.network.shaper.LinkShaper;
import org.cometsim.scenarios.spec.Scenario;
import org.cometsim.sim.RandomStreams;

/**
 * The scenario's link between the phone and the server: a {@link LinkShaper} relay applying the
 * very {@link LinkModel} the simulator would build for the scenario and seed (same preset, same
 * named random streams), started when the run opens the route, so the link's time zero (outage
 * windows, Mahimahi traces) is the run's start. Every connection of the run goes through it,
 * reconnections included.
 *
 * <p>Failures: the instants given here are applied by {@link LinkShaper#cut()}, i.e. on the real
 * sockets, both endpoints seeing a reset, at those instants of the shaper's wall-clock time line;
 * the link's outage windows cut and refuse connections as in the simulator.
 */
public final class ShapedRoute implements Route {
    private final LinkModel link;
    private final LinkShaper.Options options;
    private LinkShaper shaper;

    public ShapedRoute(LinkModel link, LinkShaper.Options options) {
        this.link = Objects.requireNonNull(link);
        this.options = Objects.requireNonNull(options);
    }

    /** The scenario's link with the random streams of {@code seed}, cutting at {@code cutAtNanos}. */
    public static ShapedRoute of(Scenario s, long seed, List<Long> cutAtNanos) {
        return new ShapedRoute(s.link().factory().apply(new RandomStreams(seed)),
                LinkShaper.Options.defaults().withCutsAt(cutAtNanos));
    }

    /**
     * A failure moment drawn uniformly in {@code [0, windowNanos)} from {@code seed}: the same
     * seed gives the same moment, so a failing run can be repeated.
     */
    public static long randomMoment(long seed, long windowNanos) {
        if (windowNanos <= 0) {
            throw new IllegalArgumentException("window must be > 0");
        }
        return Math.floorMod(new Random(seed).nextLong(), windowNanos);
    }

    @Override
    public synchronized InetSocketAddress open(InetSocketAddress server) throws IOException {
        if (shaper == null) {
            shaper = LinkShaper.start(server, link, options);
        } else if (!shaper.upstream().equals(server)) {
            throw new IllegalStateException("this route relays to " + shaper.upstream() + ", not " + server);
        }
        return shaper.address();
    }

    /** The relay, once opened (its byte counters and cuts), else null. */
    public synchronized LinkShaper shaper() {
        return shaper;
    }

    @Override
    public synchronized void close() {
        if (shaper != null) {
            shaper.close();
        }
    }
}
