package org.cometsim.device.energy;

import java.util.Map;

/**
 * A phone power preset as loaded from {@code presets/energy/<name>.yaml}.
 *
 * @param referenceLinks link preset per radio used by the catalog to time a reference
 *     transfer (e.g. UMTS_3G → "3g-hspa")
 * @param sources citation per key
 * @param yaml the file text, comments included
 */
public record EnergyPreset(
        String name,
        String description,
        UmtsRrcParams umts,
        LteRrcParams lte,
        WifiPowerParams wifi,
        CpuPowerParams cpu,
        Map<RadioKind, String> referenceLinks,
        Map<String, String> sources,
        String yaml) {}
