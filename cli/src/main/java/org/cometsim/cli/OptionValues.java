package org.cometsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * Option values several subcommands take ({@code --workloads}, {@code --size}, {@code --repeat}),
 * parsed once with one wording of their errors.
 */
final class OptionValues {
    private OptionValues() {
    }

    /** A built-in workload by name. */
    static Workload workload(String name) {
        try {
            return WorkloadCatalog.get(name.trim());
        } catch (NoSuchElementException e) {
            throw new CometCli.UsageException("no built-in workload '" + name + "' (see 'comet workloads')");
        }
    }

    /** {@code a,b,c}: built-in workloads by name. */
    static List<Workload> workloads(String csv) {
        List<Workload> out = new ArrayList<>();
        for (String name : csv.split(",")) {
            out.add(workload(name));
        }
        return out;
    }

    /** {@code small}, {@code medium} or {@code paper}. */
    static Size size(String word) {
        try {
            return Size.valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CometCli.UsageException("--size must be small, medium or paper");
        }
    }

    /** A whole number of at least 1 for {@code option}. */
    static int positive(String option, String v) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new CometCli.UsageException(option + " must be a whole number, not '" + v + "'");
        }
        if (n < 1) {
            throw new CometCli.UsageException(option + " must be at least 1");
        }
        return n;
    }
}
