package org.cometsim.device.presets;

/** One line of {@link PresetCatalog#list()}. */
public record PresetInfo(PresetKind kind, String name, String description) {}
