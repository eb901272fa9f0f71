package org.cometsim.workloads;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One runnable guest program.
 *
 * @param name        catalog key, e.g. {@code "tripplanner"}
 * @param category    COMET category
 * @param mainClass   binary name of the class with {@code public static void main(String[])}
 * @param libraries   class path entries in order, as library names ({@code "comet-apps"}, {@code "scimark"},
 *                    ...); {@link WorkloadCatalog#resources} maps them to dex or jar resources
 * @param args        program arguments per size (the size word is always first)
 * @param ignoreLines null if every output line is deterministic; otherwise a regex: output lines matching it
 *                    entirely vary between runs and must be ignored when comparing outputs
 * @param threads     guest threads alive at the same time, including main
 * @param description one line for tables and reports
 */
public record Workload(String name, Category category, String mainClass, List<String> libraries,
                       Map<Size, List<String>> args, String ignoreLines, int threads, String description) {

    public Workload {
        Objects.requireNonNull(name);
        Objects.requireNonNull(category);
        Objects.requireNonNull(mainClass);
        libraries = List.copyOf(libraries);
        args = Map.copyOf(args);
        for (Size s : Size.values()) {
            if (!args.containsKey(s)) {
                throw new IllegalArgumentException(name + ": no args for " + s);
            }
        }
        if (threads < 1) {
            throw new IllegalArgumentException(name + ": threads must be >= 1");
        }
    }

    /** Program arguments for a size. */
    public List<String> args(Size size) {
        return args.get(size);
    }

    /** True if two runs with the same arguments print exactly the same output. */
    public boolean deterministic() {
        return ignoreLines == null;
    }

    /** True if this output line varies between runs (see {@link #ignoreLines()}). */
    public boolean ignores(String line) {
        return ignoreLines != null && Pattern.compile(ignoreLines).matcher(line).matches();
    }

    /** The output with ignored lines removed and line ends normalised to \n: the part to compare. */
    public String comparableOutput(String output) {
        StringBuilder sb = new StringBuilder();
        for (String line : output.split("\r?\n", -1)) {
            if (!ignores(line)) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }
}
