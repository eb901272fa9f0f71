package org.cometsim.offload.policy.profile;

import java.util.Locale;

/**
 * {@code maui} / {@code maui:energy} / {@code maui:time}: method-granularity offloading chosen by
 * MAUI's 0-1 ILP over the profiled call graph.
 *
 * <p><b>Source.</b> E. Cuervo et al., "MAUI: Making Smartphones Last Longer with Code Offload",
 * MobiSys 2010 (read in full, policies-reference §1): program, device and network profiles feed
 * a 0-1 ILP over the annotated call graph [§6]; control and state move only at the entry and exit
 * of remoteable methods [§4.1.4]; one thread offloads [§4.1.4].
 *
 * <p><b>Kept.</b> The ILP of {@link MauiSolver} as the paper writes it: vertex costs T^l, T^r,
 * E^l; edge costs B_uv, C_uv charged only when caller and callee run on different sides;
 * remoteable flags; MAUI's energy objective with the latency constraint L = 1.05 × all-local time
 * ({@code maui}, {@code maui:energy}); a remote method migrates at its entry and returns at its exit.
 *
 * <p><b>Changed.</b>
 * <ul>
 *   <li>The profile is a prior run of the same program ({@code comet profile}, or one made just
 *       before the run), not MAUI's online profile of this run's earlier calls [§5.2]; the ILP is
 *       solved once, before the run, not re-solved periodically during it [§3]. With a
 *       deterministic simulator the prior run is exactly what this run's profile would converge to.</li>
 *   <li>State bytes are our reachable-closure estimate ({@link Profile}), not XML sizes; crossings
 *       cost X(b) = one-way latency + b/β per direction from probing the link model (MAUI: the
 *       throughput of a 10 KB probe alone [§5.3]).</li>
 *   <li>Energy is CPU active power × phone time and radio active power × transfer time from our
 *       energy preset, not a Monsoon-fitted model [§5.1]; tails are left out, as in MAUI's C_uv.</li>
 *   <li>Remoteable is decided, not annotated: every method except the entry method and methods
 *       whose own code calls a client-pinned native (MAUI's developers mark methods [§4]).</li>
 *   <li>{@code maui:time} (minimise the latency) is our extension; MAUI optimises energy only.</li>
 *   <li>The solver is ours (MAUI names none): exact minimum cuts inside a branch and bound
 *       ({@link MauiSolver}).</li>
 *   <li>Execution: see {@link MethodPlacementPolicy} (the move happens at the next safepoint; a
 *       local callee of a remote method is not sent back).</li>
 * </ul>
 */
public final class MauiPolicy extends MethodPlacementPolicy {
    private final MauiSolver.Solution solution;

    private MauiPolicy(String name, MethodPlacementPolicy placement, MauiSolver.Solution solution) {
        super(name, placement.offloaded(), placement.returning());
        this.solution = solution;
    }

    public static MauiPolicy solve(Profile profile, Environment env, MauiSolver.Objective objective) {
        MauiSolver.Solution s = new MauiSolver(profile, env).solve(objective);
        String name = objective == MauiSolver.Objective.TIME ? "maui:time" : "maui";
        return new MauiPolicy(name, MethodPlacementPolicy.of(name, profile, s.remote()), s);
    }

    /** What the solver decided and predicted. */
    public MauiSolver.Solution solution() {
        return solution;
    }

    /** One line for logs: the remote methods and the prediction. */
    public String summary() {
        return String.format(Locale.ROOT, "%s: %d remote method(s) %s, predicted %.6f s, %.4f J, %s", name(),
                solution.remote().size(), offloaded(), solution.timeNanos() / 1e9, solution.energyJoules(),
                solution.exact() ? "optimal" : "best found in " + solution.nodes() + " nodes");
    }
}
