package org.cometsim.workloads;

/**
 * The size knob every workload takes as its first argument. SMALL runs well under 0.5 s on the host JVM
 * (so interpreted tests stay fast), MEDIUM is roughly 10x SMALL, PAPER is meant for experiments (tens of
 * seconds when interpreted).
 */
public enum Size {
    SMALL, MEDIUM, PAPER;

    /** The command-line spelling: small, medium, paper. */
    public String arg() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
