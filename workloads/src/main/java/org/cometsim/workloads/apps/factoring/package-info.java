/** Integer factoring with Pollard-Brent rho; entry {@link org.cometsim.workloads.apps.factoring.Factoring}. */
package org.cometsim.workloads.apps.factoring;
