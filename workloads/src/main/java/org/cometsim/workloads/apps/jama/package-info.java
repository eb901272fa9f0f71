/** Jama 1.0.3 decompositions driver; entry {@link org.cometsim.workloads.apps.jama.JamaDriver}. */
package org.cometsim.workloads.apps.jama;
