package org.cometsim.cli;

import java.io.PrintStream;
import java.util.List;

final class PresetsCommand {
    static int run(List<String> args, PrintStream out, PrintStream err) {
        throw new CometCli.UsageException("presets: wiring in progress");
    }
}
