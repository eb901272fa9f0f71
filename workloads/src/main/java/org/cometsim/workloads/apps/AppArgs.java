package org.cometsim.workloads.apps;

/**
 * Argument helpers shared by all workload apps: the size knob ({@code small}, {@code medium}, {@code paper})
 * is always the first argument; an optional second argument is app-specific (mode or thread count).
 * Guest code: uses only String.equals and Integer.parseInt.
 */
public final class AppArgs {
    public static final int SMALL = 0;
    public static final int MEDIUM = 1;
    public static final int PAPER = 2;

    private AppArgs() {
    }

    /** Returns SMALL/MEDIUM/PAPER from {@code args[0]} (SMALL when absent). */
    public static int size(String[] args) {
        if (args.length == 0) {
            return SMALL;
        }
        String s = args[0];
        if (s.equals("small")) {
            return SMALL;
        }
        if (s.equals("medium")) {
            return MEDIUM;
        }
        if (s.equals("paper")) {
            return PAPER;
        }
        throw new IllegalArgumentException("size must be small, medium or paper: " + s);
    }

    /** Name of a size level. */
    public static String sizeName(int size) {
        return size == SMALL ? "small" : size == MEDIUM ? "medium" : "paper";
    }

    /** Picks one of three values by size level. */
    public static int pick(int size, int small, int medium, int paper) {
        return size == SMALL ? small : size == MEDIUM ? medium : paper;
    }

    /** {@code args[index]} as an int, or {@code dflt} when absent. */
    public static int intArg(String[] args, int index, int dflt) {
        return args.length > index ? Integer.parseInt(args[index]) : dflt;
    }

    /** {@code args[index]}, or {@code dflt} when absent. */
    public static String stringArg(String[] args, int index, String dflt) {
        return args.length > index ? args[index] : dflt;
    }
}
