/**
 * Device models: start with {@link org.cometsim.device.DeviceModels}; CPU speed and guest
 * scheduling in {@code cpu}, phone energy in {@code energy}, the preset catalog in
 * {@code presets}.
 */
package org.cometsim.device;
