package org.cometsim.offload.policy.profile;

import java.util.Locale;

/**
 * {@code oracle}: the best completion time any placement at method boundaries can achieve for
 * this run ({@link OracleBound}: the segment dynamic program of policies-reference §5.4 over the
 * recorded run, crossings charged at the link's minimum one-way latency), reported as
 * {@link #completionBoundNanos}; exact as a bound ({@link #boundIsExact}) when the run is
 * single-threaded, approximate otherwise.
 *
 * <p>As a policy it replays the optimum as far as a method-granularity runtime can: the nested
 * optimum (each invocation on one side apart from its callees) projected onto methods (a method
 * runs remotely if the optimum puts it on the server, from a caller on the phone, for most of its
 * phone time), executed as {@link MethodPlacementPolicy}. The replay is not the optimum itself:
 * the optimum may place different invocations of one method differently and assumes every
 * crossing costs only the latency, so the replay's own time is normally above the bound, which is
 * the point of a bound.
 */
public final class OraclePolicy extends MethodPlacementPolicy implements org.cometsim.offload.policy.CompletionBound {
    private final OracleBound bound;

    private OraclePolicy(Profile p, OracleBound bound) {
        this(of("oracle", p, bound.remoteMethods()), bound);
    }

    private OraclePolicy(MethodPlacementPolicy placement, OracleBound bound) {
        super("oracle", placement.offloaded(), placement.returning());
        this.bound = bound;
    }

    /** @throws IllegalArgumentException if the profile has no bound for {@code link} */
    public static OraclePolicy of(Profile profile, String link) {
        OracleBound b = profile.oracle(link);
        if (b == null) {
            throw new IllegalArgumentException("oracle: the profile has no bound for link " + link
                    + " (record it with comet profile --link " + link + ")");
        }
        return new OraclePolicy(profile, b);
    }

    public OracleBound bound() {
        return bound;
    }

    /** The lower bound on the completion time of any method-boundary placement (segment oracle). */
    @Override
    public long completionBoundNanos() {
        return bound.segmentNanos();
    }

    /** Whether the bound holds as stated (single-threaded run); otherwise it is approximate. */
    @Override
    public boolean boundIsExact() {
        return bound.singleThreaded();
    }

    public String summary() {
        return String.format(Locale.ROOT, "oracle (%s): bound %.6f s (nested %.6f s) over %d segments, %s; replays %s",
                bound.link(), bound.segmentNanos() / 1e9, bound.nestedNanos() / 1e9, bound.segments(),
                bound.singleThreaded() ? "single-threaded: a bound" : "multithreaded: approximate", offloaded());
    }
}
