package org.cometsim.cli;

import java.io.PrintStream;
import java.util.List;

import org.cometsim.device.presets.PresetCatalog;

/** {@code comet presets [list | show NAME]}: the CPU, link and energy presets, with sources and derived figures. */
final class PresetsCommand {
    private PresetsCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("list")) {
            if (args.size() > 1) {
                throw new CometCli.UsageException("presets list takes no arguments");
            }
            out.print(PresetCatalog.listText());
            return 0;
        }
        if (args.get(0).equals("show")) {
            if (args.size() != 2) {
                throw new CometCli.UsageException("usage: comet presets show NAME");
            }
            try {
                out.print(PresetCatalog.show(args.get(1)));
            } catch (IllegalArgumentException e) {
                err.println("comet: " + e.getMessage());
                return 1;
            }
            return 0;
        }
        throw new CometCli.UsageException("presets: unknown subcommand '" + args.get(0) + "' (list or show NAME)");
    }
}
