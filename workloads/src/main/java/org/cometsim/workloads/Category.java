package org.cometsim.workloads;

/** COMET's application categories (OSDI 2012 abstract: image editors, turn-based games, a trip planner, math tools) plus ours. */
public enum Category {
    /** Photo/image filters over int[] ARGB pixels. */
    IMAGE_EDITOR,
    /** Turn-based games with game-tree search. */
    GAME,
    /** Route planning on a road graph. */
    TRIP_PLANNER,
    /** Numerical and number-theoretic tools. */
    MATH,
    /** In-memory compression (byte[]-heavy, stream classes, many monitors). */
    COMPRESSION,
    /** Apps whose point is several guest threads coordinating through monitors. */
    MULTITHREADED
}
