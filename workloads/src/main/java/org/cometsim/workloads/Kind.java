package org.cometsim.workloads;

/** Which form of a workload's code to use: D8 output for the interpreter, or plain jars for the host JVM. */
public enum Kind {
    /** {@code workloads/NAME.dex} (plus {@code NAME-2.dex} ... if D8 split it). */
    DEX,
    /** {@code workloads/jars/NAME.jar}. */
    JAR
}
