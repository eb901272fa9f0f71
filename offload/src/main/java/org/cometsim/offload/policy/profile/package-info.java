/**
 * Profile-based policies (issue #14): a recorded run of the program on the phone
 * ({@link org.cometsim.offload.policy.profile.Profile}, written by {@code comet profile}, recorded
 * by {@link org.cometsim.offload.policy.profile.Profiler}) and the policies that decide from it
 * before the run: {@link org.cometsim.offload.policy.profile.MauiPolicy} (MAUI's 0-1 ILP,
 * {@link org.cometsim.offload.policy.profile.MauiSolver}),
 * {@link org.cometsim.offload.policy.profile.CloneCloudPolicy} (offline partitioning,
 * {@link org.cometsim.offload.policy.profile.CloneCloudSolver}) and
 * {@link org.cometsim.offload.policy.profile.OraclePolicy} (the method-boundary bound,
 * {@link org.cometsim.offload.policy.profile.OracleBound}). All three execute their placement
 * through {@link org.cometsim.offload.policy.profile.MethodPlacementPolicy}, at method points.
 * {@link org.cometsim.offload.policy.profile.ProfiledPolicies#create} builds them by name from a
 * profile and the run's {@link org.cometsim.offload.policy.profile.Environment} (link and power).
 * {@link org.cometsim.offload.policy.profile.OnlineMauiPolicy} ({@code maui:online}) needs no
 * prior profile: it records this run's method events on both endpoints and re-solves MAUI's ILP
 * periodically, as the paper runs it ({@link org.cometsim.offload.policy.profile.ProfiledPolicies#createOnline}).
 *
 * <p>Example: {@code comet profile --workload chess --out chess.json}, then
 * {@code comet run --workload chess --policy clonecloud --profile chess.json}.
 */
package org.cometsim.offload.policy.profile;
