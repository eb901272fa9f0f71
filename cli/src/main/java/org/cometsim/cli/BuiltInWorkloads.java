package org.cometsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * The workloads shipped inside the CLI ({@code comet workloads}, {@code comet exec --workload}):
 * their dex files are extracted once per run into a temporary directory.
 */
final class BuiltInWorkloads {
    private BuiltInWorkloads() {
    }

    record Resolved(String classPath, String mainClass, String[] args) {
    }

    static Resolved resolve(String name, String sizeWord) {
        Workload w = OptionValues.workload(name);
        Size size = OptionValues.size(sizeWord);
        try {
            Path dir = Files.createTempDirectory("comet-workload-");
            dir.toFile().deleteOnExit();
            Path[] entries = WorkloadCatalog.extract(w, dir, Kind.DEX);
            for (Path p : entries) {
                p.toFile().deleteOnExit();
            }
            return new Resolved(WorkloadCatalog.classPath(entries), w.mainClass(), w.args(size).toArray(new String[0]));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract workload " + name, e);
        }
    }

    static int list(List<String> args, PrintStream out) {
        if (!args.isEmpty()) {
            throw new CometCli.UsageException("workloads takes no arguments");
        }
        for (Workload w : WorkloadCatalog.all()) {
            out.printf(Locale.ROOT, "%-15s %-14s %s%n", w.name(), w.category(), w.description());
        }
        return 0;
    }
}
