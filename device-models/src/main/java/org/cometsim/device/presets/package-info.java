/**
 * The preset catalog behind {@code comet presets list|show}:
 * {@link org.cometsim.device.presets.PresetCatalog}.
 */
package org.cometsim.device.presets;
