package org.cometsim.device.cpu;

import java.util.Map;

/**
 * A CPU preset as loaded from YAML.
 *
 * @param name preset name
 * @param description one line
 * @param model the CPU model it defines
 * @param sources citation per key
 * @param yaml the file text, comments (derivations) included
 */
public record CpuPreset(String name, String description, CpuModel model, Map<String, String> sources, String yaml) {}
