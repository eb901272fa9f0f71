/**
 * Phone–server link models: {@link org.cometsim.net.LinkModels} (start here),
 * {@link org.cometsim.net.LinkModel}, {@link org.cometsim.net.ShapedLinkModel},
 * {@link org.cometsim.net.MahimahiTraceLinkModel}, typed units
 * ({@link org.cometsim.net.DataRate}; latencies are {@code SimTime}) and cited YAML presets
 * ({@link org.cometsim.net.LinkPresets}).
 */
package org.cometsim.net;
