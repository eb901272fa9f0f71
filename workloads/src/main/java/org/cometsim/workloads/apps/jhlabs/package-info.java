/** JH Labs image filters via int[] entry points (no BufferedImage); entry {@link org.cometsim.workloads.apps.jhlabs.FiltersDriver}. */
package org.cometsim.workloads.apps.jhlabs;
