package org.cometsim.offload.policy;

import java.util.List;

/**
 * The policies chosen by name ({@code --policy}): {@code never} (the local baseline),
 * {@code always} (migrate at the first evaluation), {@code pingpong:N} (a stress tool for the DSM:
 * migrate at every N-th evaluation; with the server sending it back at once, see
 * {@link PingPong#decidesOnServer}) and {@code comet} (COMET's own rule, {@link CometRule}).
 */
public final class Policies {
    private Policies() {
    }

    /** The names {@link #byName} accepts, for error messages. */
    public static final List<String> NAMES = List.of("never", "always", "pingpong:N", "comet");

    /**
     * The policy named {@code name}.
     *
     * @throws IllegalArgumentException naming the valid ones
     */
    public static OffloadPolicy byName(String name) {
        if (name.equals("never")) {
            return simple("never", d -> false);
        }
        if (name.equals("always")) {
            return simple("always", d -> true);
        }
        if (name.equals("comet")) {
            return new CometRule();
        }
        if (name.startsWith("pingpong:")) {
            int n;
            try {
                n = Integer.parseInt(name.substring("pingpong:".length()));
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1) {
                throw new IllegalArgumentException("pingpong:N needs a whole N >= 1, not '" + name + "'");
            }
            int every = n;
            return new PingPong(every);
        }
        throw new IllegalArgumentException("unknown policy '" + name + "' (valid: " + String.join(", ", NAMES) + ")");
    }


    private static OffloadPolicy simple(String name, java.util.function.Predicate<OffloadPolicy.Decision> rule) {
        return new OffloadPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean migrate(Decision d) {
                return rule.test(d);
            }
        };
    }

    /** Migrates the running thread at every N-th evaluation, on either endpoint (both ways). */
    public static final class PingPong implements OffloadPolicy {
        private final int every;

        PingPong(int every) {
            this.every = every;
        }

        public int every() {
            return every;
        }

        @Override
        public String name() {
            return "pingpong:" + every;
        }

        @Override
        public boolean migrate(Decision d) {
            return d.evaluation() % every == 0;
        }

        /** Both ways: the server sends the thread back at its own N-th evaluations. */
        @Override
        public boolean decidesOnServer() {
            return true;
        }
    }
}
