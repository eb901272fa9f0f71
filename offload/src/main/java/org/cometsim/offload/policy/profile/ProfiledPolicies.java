package org.cometsim.offload.policy.profile;

import java.util.List;

import org.cometsim.offload.policy.OffloadPolicy;

/**
 * The profile-based policies by name: {@code maui} (= {@code maui:energy}), {@code maui:time},
 * {@code clonecloud}, {@code oracle}. Each needs the run's {@link Profile} (recorded beforehand by
 * {@code comet profile}, or by the runner just before the run when none is given) and the
 * {@link Environment} of the run's link.
 */
public final class ProfiledPolicies {
    private ProfiledPolicies() {
    }

    public static final List<String> NAMES = List.of("maui[:energy|:time]", "maui:online[:PERIOD]", "clonecloud", "oracle");

    /** Whether {@code spec} names a policy of this family (then {@link #create} needs a profile). */
    public static boolean isProfiled(String spec) {
        String base = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        return base.equals("maui") || base.equals("clonecloud") || base.equals("oracle");
    }

    /**
     * Whether {@code spec} needs a recorded profile before the run: all of this family except
     * {@code maui:online}, which profiles the run itself ({@link #createOnline}).
     */
    public static boolean needsProfile(String spec) {
        return isProfiled(spec) && !isOnline(spec);
    }

    /** Whether {@code spec} is {@code maui:online} or {@code maui:online:PERIOD}. */
    public static boolean isOnline(String spec) {
        return spec.equals("maui:online") || spec.startsWith("maui:online:");
    }

    /**
     * {@code maui:online[:PERIOD]} ({@link OnlineMauiPolicy}): needs no profile, only the link's
     * environment and how many times longer the phone takes than the server for the same work.
     *
     * @throws IllegalArgumentException for a bad period
     */
    public static OffloadPolicy createOnline(String spec, Environment env, double phoneOverServer) {
        if (!isOnline(spec)) {
            throw new IllegalArgumentException("not maui:online: " + spec);
        }
        long period = spec.equals("maui:online") ? OnlineMauiPolicy.DEFAULT_PERIOD_NANOS
                : org.cometsim.offload.policy.Policies.parseDuration("maui:online:PERIOD", spec.substring("maui:online:".length()));
        return new OnlineMauiPolicy(spec, env, phoneOverServer, period);
    }

    /** @throws IllegalArgumentException for an unknown name or argument, or a profile without the link's oracle */
    public static OffloadPolicy create(String spec, Profile profile, Environment env) {
        switch (spec) {
            case "maui", "maui:energy":
                return MauiPolicy.solve(profile, env, MauiSolver.Objective.ENERGY);
            case "maui:time":
                return MauiPolicy.solve(profile, env, MauiSolver.Objective.TIME);
            case "clonecloud":
                return CloneCloudPolicy.solve(profile, env);
            case "oracle":
                return OraclePolicy.of(profile, env.link());
            default:
                if (isOnline(spec)) {
                    throw new IllegalArgumentException(spec + " profiles the run itself: use createOnline");
                }
                throw new IllegalArgumentException("unknown profile-based policy '" + spec + "' (valid: "
                        + String.join(", ", NAMES) + ")");
        }
    }
}
