package org.cometsim.workloads.apps.calibrate;

/** A small object for the field, invoke, allocation and type-check calibration kernels. Guest code. */
final class Cell {
    int f0;
    int f1;
    int f2;
    int f3;
    int f4;
    int f5;
    int f6;
    int f7;

    Cell(int v) {
        f0 = v;
    }

    int get() {
        return f0;
    }
}
