package org.cometsim.cli;

import java.io.PrintStream;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.VmClock;

final class SimulatedRun {
    static SimulatedRun create(String cpu, String energy) {
        throw new CometCli.UsageException("--cpu: wiring in progress");
    }

    VmClock clock() {
        return null;
    }

    void attach(Vm vm) {
    }

    void report(Vm vm, PrintStream err) {
    }
}
