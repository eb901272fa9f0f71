package org.cometsim.offload.policy.profile;

import java.util.Locale;

/**
 * {@code clonecloud}: offline partitioning at method boundaries. The thread migrates at the
 * entry of each chosen method and is re-integrated at its exit.
 *
 * <p><b>Source.</b> B.-G. Chun, S. Ihm, P. Maniatis, M. Naik, A. Patti, "CloneCloud: Elastic
 * Execution between Mobile Device and Cloud", EuroSys 2011 [ABSTRACT read: automatic partitioning
 * by static analysis and dynamic profiling, optimising execution time or energy for a given
 * network; a thread migrates at a chosen point, runs there for the rest of the partition and is
 * re-integrated]. The partitioning problem itself is policies-reference §5.3's reconstruction,
 * UNVERIFIED against the paper's §3 (which could not be read): see {@link CloneCloudSolver}.
 *
 * <p><b>Kept.</b> Migration and re-integration points at method entry and exit; an offline solve
 * per network condition (one per link preset, as the paper's partition database keyed by network
 * is looked up at launch); the constraints said to come from its static analyser: methods with a
 * client-pinned native below them stay local (machine-pinned), no nested migration, and (ours,
 * from the reconstruction) no migration point at recursive methods; the time objective.
 *
 * <p><b>Changed.</b> Profiles come from one simulated run ({@code comet profile}) on the phone,
 * with server times priced from the same instruction counts (the paper runs on both devices, over
 * several inputs); the solver is our exact branch and bound over the independent-set form (the
 * paper's solver package is not known); the energy objective is not offered; "methods sharing
 * native state stay together" has no counterpart (our natives keep no per-method state). Execution
 * as {@link MethodPlacementPolicy}.
 */
public final class CloneCloudPolicy extends MethodPlacementPolicy {
    private final CloneCloudSolver.Solution solution;

    private CloneCloudPolicy(Profile p, CloneCloudSolver.Solution s) {
        super("clonecloud", signatures(p, s), signatures(p, s));
        this.solution = s;
    }

    private static java.util.Set<String> signatures(Profile p, CloneCloudSolver.Solution s) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (int id : s.migrationPoints()) {
            out.add(p.methods().get(id).signature());
        }
        return out;
    }

    public static CloneCloudPolicy solve(Profile profile, Environment env) {
        return new CloneCloudPolicy(profile, new CloneCloudSolver(profile, env).solve());
    }

    public CloneCloudSolver.Solution solution() {
        return solution;
    }

    public String summary() {
        return String.format(Locale.ROOT, "clonecloud: migration points %s, predicted %.6f s, %s", offloaded(),
                solution.predictedNanos() / 1e9, solution.exact() ? "optimal" : "best found in " + solution.nodes() + " nodes");
    }
}
