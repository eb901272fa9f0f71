package org.cometsim.offload.policy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies chosen by name ({@code --policy}), each {@code name} or {@code name:args}:
 * <ul>
 *   <li>{@code never}: the local baseline (no thread ever moves);</li>
 *   <li>{@code always}: migrate at the first evaluation;</li>
 *   <li>{@code comet}: COMET's own rule as its code implements it ({@link CometRule});</li>
 *   <li>{@code comet-2rtt}: the paper's wording, offload after twice the RTT ({@link TwoRttRule});</li>
 *   <li>{@code threshold:T}: offload a thread after T of phone time, T with a unit
 *       ({@code threshold:50ms}; {@link ThresholdRule});</li>
 *   <li>{@code pingpong:N}: a stress tool for the DSM: migrate at every N-th evaluation, on both
 *       endpoints ({@link PingPong#decidesOnServer});</li>
 *   <li>{@code class:NAME} or {@code class:NAME:ARGS}: a user policy, a class implementing
 *       {@link OffloadPolicy} loaded from {@link PolicyContext#userClasses} ({@code --policy-cp});
 *       see {@link #userPolicy}.</li>
 * </ul>
 * A list ({@code a,b,c}) names several, for comparisons ({@link #list}): arguments never contain
 * commas.
 */
public final class Policies {
    private Policies() {
    }

    /** The names {@link #byName} accepts, for error messages. */
    public static final List<String> NAMES = List.of("never", "always", "comet", "comet-2rtt", "threshold:T",
            "pingpong:N", "class:NAME[:ARGS]");

    /** The policy named {@code spec}, with no attachments. */
    public static OffloadPolicy byName(String spec) {
        return byName(spec, PolicyContext.EMPTY);
    }

    /**
     * The policy {@code spec} names ({@code name} or {@code name:args}), constructed with {@code context}.
     *
     * @throws IllegalArgumentException one line naming what is wrong (an unknown name, bad
     *     arguments, a user class that is missing or does not implement {@link OffloadPolicy})
     */
    public static OffloadPolicy byName(String spec, PolicyContext context) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String args = colon < 0 ? null : spec.substring(colon + 1);
        switch (name) {
            case "never":
                noArgs(spec, args);
                return simple("never", d -> false);
            case "always":
                noArgs(spec, args);
                return simple("always", d -> true);
            case "comet":
                noArgs(spec, args);
                return new CometRule();
            case "comet-2rtt":
                noArgs(spec, args);
                return new TwoRttRule();
            case "threshold":
                if (args == null || args.isEmpty()) {
                    throw new IllegalArgumentException("threshold:T needs a time with a unit, e.g. threshold:50ms");
                }
                return new ThresholdRule(parseDuration("threshold:T", args));
            case "pingpong":
                return new PingPong(pingpongEvery(spec, args));
            case "class":
                if (args == null || args.isEmpty()) {
                    throw new IllegalArgumentException("class:NAME needs a class name, e.g. class:com.example.MyPolicy");
                }
                int c2 = args.indexOf(':');
                return userPolicy(c2 < 0 ? args : args.substring(0, c2), c2 < 0 ? null : args.substring(c2 + 1), context);
            default:
                throw new IllegalArgumentException("unknown policy '" + spec + "' (valid: " + String.join(", ", NAMES) + ")");
        }
    }

    /** The policies of a comma-separated list ({@code never,comet,threshold:50ms}), in order. */
    public static List<OffloadPolicy> list(String specs, PolicyContext context) {
        List<OffloadPolicy> all = new ArrayList<>();
        for (String s : specs.split(",", -1)) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("empty policy name in '" + specs + "'");
            }
            all.add(byName(s.trim(), context));
        }
        return all;
    }

    /**
     * A user policy: class {@code className} from {@code context.userClasses()}, a public class
     * implementing {@link OffloadPolicy} with a public constructor taking, tried in this order,
     * {@code (String args, PolicyContext context)}, {@code (String args)}, or (no arguments given
     * only) {@code ()}. {@code args} is what followed {@code class:NAME:}, or null.
     *
     * @throws IllegalArgumentException one line: the class is missing, is not an
     *     {@link OffloadPolicy}, has no usable constructor, or its constructor threw
     */
    public static OffloadPolicy userPolicy(String className, String args, PolicyContext context) {
        Class<?> cls;
        try {
            cls = Class.forName(className, false, context.userClasses());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("policy class " + className + " not found on the policy class path"
                    + " (--policy-cp)" + (e instanceof LinkageError ? ": " + e : ""));
        }
        if (!OffloadPolicy.class.isAssignableFrom(cls)) {
            throw new IllegalArgumentException("policy class " + className + " does not implement "
                    + OffloadPolicy.class.getName());
        }
        try {
            Object p;
            Constructor<?> k = constructor(cls, String.class, PolicyContext.class);
            if (k != null) {
                p = k.newInstance(args, context);
            } else if ((k = constructor(cls, String.class)) != null) {
                p = k.newInstance(args);
            } else if (args == null && (k = constructor(cls)) != null) {
                p = k.newInstance();
            } else {
                throw new IllegalArgumentException("policy class " + className + " has no public constructor (String,"
                        + " PolicyContext), (String)" + (args == null ? " or ()" : " for its arguments '" + args + "'"));
            }
            return (OffloadPolicy) p;
        } catch (InvocationTargetException e) {
            Throwable why = e.getCause();
            throw new IllegalArgumentException("policy class " + className + " refused its arguments: " + why, why);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("policy class " + className + " cannot be constructed: " + e, e);
        }
    }

    private static Constructor<?> constructor(Class<?> cls, Class<?>... params) {
        try {
            return cls.getConstructor(params);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * A duration with a unit: {@code 50ms}, {@code 1.5s}, {@code 200us}, {@code 700ns}; in
     * nanoseconds (rounded down), never negative.
     *
     * @param what the argument's name for the error message
     */
    public static long parseDuration(String what, String text) {
        String t = text.trim();
        String[][] units = {{"ns", "1"}, {"us", "1000"}, {"µs", "1000"}, {"ms", "1000000"}, {"s", "1000000000"}};
        for (String[] u : units) {
            if (t.endsWith(u[0]) && !(u[0].equals("s") && (t.endsWith("ns") || t.endsWith("us") || t.endsWith("ms")
                    || t.endsWith("µs")))) {
                try {
                    BigDecimal n = new BigDecimal(t.substring(0, t.length() - u[0].length()).trim())
                            .multiply(new BigDecimal(u[1]));
                    if (n.signum() < 0) {
                        break;
                    }
                    return n.longValue();
                } catch (NumberFormatException | ArithmeticException e) {
                    break;
                }
            }
        }
        throw new IllegalArgumentException(what + ": '" + text + "' is not a time with a unit (ns, us, ms, s), e.g. 50ms");
    }

    private static void noArgs(String spec, String args) {
        if (args != null) {
            throw new IllegalArgumentException("policy '" + spec + "' takes no arguments");
        }
    }

    private static int pingpongEvery(String spec, String args) {
        int n;
        try {
            n = args == null ? -1 : Integer.parseInt(args);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1) {
            throw new IllegalArgumentException("pingpong:N needs a whole N >= 1, not '" + spec + "'");
        }
        return n;
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

        @Override
        public String explain(Decision d) {
            return "evaluation " + d.evaluation() + (d.evaluation() % every == 0 ? " is" : " is not") + " a multiple of " + every;
        }

        /** Both ways: the server sends the thread back at its own N-th evaluations. */
        @Override
        public boolean decidesOnServer() {
            return true;
        }
    }
}
