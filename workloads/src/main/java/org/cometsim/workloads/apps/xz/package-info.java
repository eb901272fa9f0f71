/** XZ for Java in-memory round-trip driver; entry {@link org.cometsim.workloads.apps.xz.XzDriver}. */
package org.cometsim.workloads.apps.xz;
