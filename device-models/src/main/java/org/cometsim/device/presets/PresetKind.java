package org.cometsim.device.presets;

/** The three kinds of preset the catalog knows. */
public enum PresetKind {
    LINK,
    CPU,
    ENERGY;

    /** Lower-case label for printing ("link", "cpu", "energy"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
