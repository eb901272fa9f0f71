package org.cometsim.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The program a simulating command runs: a built-in workload ({@code --workload NAME [--size S]})
 * or a class path with a main class and its arguments ({@code -cp CP MAIN [ARGS]}), exactly one.
 * Shared by {@code run} and {@code profile}, so both accept and refuse the same forms.
 */
record GuestProgram(String classPath, String mainClass, String[] args) {

    /**
     * @param command the command's name, for messages
     * @param rest the command line; {@code first} indexes the first word after the options
     */
    static GuestProgram choose(String command, String workload, String size, String cp, List<String> rest, int first,
                               String usage) {
        if (workload != null) {
            if (cp != null || first < rest.size()) {
                throw new CometCli.UsageException(command + ": --workload replaces -cp and MAIN; give one or the other");
            }
            BuiltInWorkloads.Resolved r = BuiltInWorkloads.resolve(workload, size);
            return new GuestProgram(r.classPath(), r.mainClass(), r.args());
        }
        if (cp == null || first >= rest.size()) {
            throw new CometCli.UsageException(command + ": --workload NAME or -cp CLASSPATH MAIN is required\n" + usage);
        }
        return new GuestProgram(cp, rest.get(first),
                new ArrayList<>(rest.subList(first + 1, rest.size())).toArray(new String[0]));
    }
}
