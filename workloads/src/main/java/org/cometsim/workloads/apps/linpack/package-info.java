/** Linpack-style dense LU solve; entry {@link org.cometsim.workloads.apps.linpack.Linpack}. */
package org.cometsim.workloads.apps.linpack;
