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

    public static final List<String> NAMES = List.of("maui[:energy|:time]", "clonecloud", "oracle");

    /** Whether {@code spec} names a policy of this family (then {@link #create} needs a profile). */
    public static boolean isProfiled(String spec) {
        String base = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        return base.equals("maui") || base.equals("clonecloud") || base.equals("oracle");
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
                throw new IllegalArgumentException("unknown profile-based policy '" + spec + "' (valid: "
                        + String.join(", ", NAMES) + ")");
        }
    }
}
