/**
 * Migration policies behind one interface ({@link org.cometsim.offload.policy.OffloadPolicy}),
 * chosen by name ({@link org.cometsim.offload.policy.Policies#byName}); COMET's own rule is
 * {@link org.cometsim.offload.policy.CometRule}.
 */
package org.cometsim.offload.policy;
