/** SciMark 2.0 driver (fixed-cycle checksum mode and timed mode); entry {@link org.cometsim.workloads.apps.scimark.SciMarkDriver}. */
package org.cometsim.workloads.apps.scimark;
