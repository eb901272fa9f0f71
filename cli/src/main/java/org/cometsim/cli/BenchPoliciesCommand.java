package org.cometsim.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.Policies;
import org.cometsim.offload.policy.profile.Environment;
import org.cometsim.offload.policy.profile.Profile;
import org.cometsim.offload.policy.profile.ProfiledPolicies;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.ProfileRun;

/**
 * {@code comet bench-policies}: how fast the simulator runs under profile-based policies against
 * {@code never} (issue #14's performance note). For each policy, the offloaded run is repeated and
 * its host CPU time (this thread's, so other load on the machine matters less) measured; the
 * figure is simulated phone-seconds per CPU-second, where the phone-seconds are the local
 * baseline's simulated time (the same program's work, whichever side ran it). The profile and the
 * solves happen once before and are reported on their own.
 *
 * <p>A policy that migrates simulates two VMs and a link, so its rate differs from {@code never}'s
 * for reasons that are not the policy's cost. The decision cost alone is measured by running each
 * policy a second time as a {@link DecisionsOnly}: the same evaluations at the same points (method
 * events subscribed, every decision computed and traced as the policy would), but every answer
 * "stay", so the run is {@code never}'s run plus exactly the policy's work. Its rate against
 * {@code never}'s is the figure issue #14's target (within 10 %) is about.
 */
final class BenchPoliciesCommand {
    private BenchPoliciesCommand() {
    }

    static final String USAGE = "usage: comet bench-policies [--workload NAME] [--size S] [--link L] [--repeat N] "
            + "[--policies never,maui,clonecloud]\n";

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String workload = "mandelbrot";
        String size = "small";
        String link = "comet-wifi";
        int repeat = 5;
        List<String> policies = List.of("never", "maui", "clonecloud");
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(args.get(i) + " needs a value\n" + USAGE);
            }
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "--workload" -> workload = v;
                case "--size" -> size = v;
                case "--link" -> link = v;
                case "--repeat" -> repeat = Integer.parseInt(v);
                case "--policies" -> policies = Arrays.asList(v.split(","));
                default -> throw new CometCli.UsageException("bench-policies: unknown option " + args.get(i) + "\n" + USAGE);
            }
        }
        BuiltInWorkloads.Resolved w = BuiltInWorkloads.resolve(workload, size);
        ClassPath cp;
        try {
            cp = ClassPath.parse(w.classPath(), D8Converter.withDefaultCache());
        } catch (LoadException e) {
            err.println("comet: " + e.getMessage());
            return 1;
        }
        CpuModel phone = DeviceModels.cpu("phone-2012-hummingbird-portable");
        CpuModel server = DeviceModels.cpu("server-2012-portable");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        Profile profile = ProfileRun.profile(cp, w.classPath(), w.mainClass(), w.args(), phone, server, List.of(link), null)
                .profile();
        long t1 = mx.getCurrentThreadCpuTime();
        Environment env = ProfileRun.environment(link, DeviceModels.energy("aro-captivate").preset());
        String linkName = link;
        OffloadRun.Config base = new OffloadRun.Config(cp, w.classPath(), w.mainClass(), w.args(), phone, server,
                sim -> LinkModels.preset(linkName, sim.streams()), OffloadRun.radioFor(link), Policies.byName("never"), null,
                1, true, null);
        OffloadRun.Side local = OffloadRun.runLocal(base);
        out.printf(Locale.ROOT, "workload %s (%s), link %s: local %.6f simulated s; profile run %.3f CPU s%n", workload, size,
                link, local.timeNanos() / 1e9, (t1 - t0) / 1e9);
        // Warm the host JIT on the interpreter before any timed run, so the first policy measured
        // (never, usually) does not pay for it.
        for (int k = 0; k < Math.max(2, repeat); k++) {
            OffloadRun.run(base, local);
        }
        double neverRate = 0;
        for (String spec : policies) {
            java.util.function.Supplier<OffloadPolicy> make = () -> !ProfiledPolicies.isProfiled(spec)
                    ? Policies.byName(spec) : ProfiledPolicies.isOnline(spec)
                    ? ProfileRun.onlinePolicy(spec, linkName, "aro-captivate", phone, server)
                    : ProfiledPolicies.create(spec, profile, env);
            long s0 = mx.getCurrentThreadCpuTime();
            make.get(); // the solve alone, timed once
            long solve = mx.getCurrentThreadCpuTime() - s0;
            Timed full = timed(mx, base, local, repeat, make);
            double rate = (local.timeNanos() / 1e9) / (full.medianCpuNanos / 1e9);
            if (spec.equals("never")) {
                neverRate = rate;
            }
            out.printf(Locale.ROOT, "  %-11s median %.3f CPU s over %d runs: %.3f phone-s per CPU-s%s; run %.6f s, %d migrations, solve %.1f ms%n",
                    spec, full.medianCpuNanos / 1e9, repeat, rate,
                    neverRate > 0 && !spec.equals("never") ? String.format(Locale.ROOT, " (%.3f of never)", rate / neverRate) : "",
                    full.last.offload().timeNanos() / 1e9, full.last.phone().migrationsOut(), solve / 1e6);
            if (!spec.equals("never") && neverRate > 0) {
                // The same policy deciding at the same points but never moving: its cost alone.
                DecisionsOnly[] lastDry = new DecisionsOnly[1];
                Timed dry = timed(mx, base, local, repeat, () -> lastDry[0] = new DecisionsOnly(make.get()));
                if (dry.last.phone().migrationsOut() != 0) {
                    throw new IllegalStateException("a decisions-only run migrated");
                }
                double dryRate = (local.timeNanos() / 1e9) / (dry.medianCpuNanos / 1e9);
                out.printf(Locale.ROOT, "  %-11s decisions only (same evaluations, never moves): median %.3f CPU s: %.3f phone-s per CPU-s (%.3f of never), %d evaluations%n",
                        "", dry.medianCpuNanos / 1e9, dryRate, dryRate / neverRate, lastDry[0].evaluations);
            }
        }
        return 0;
    }

    private record Timed(long medianCpuNanos, OffloadRun.Result last) {
    }

    /** {@code repeat + 1} runs, each with a fresh policy; the first warms the JIT; the median of the rest's CPU time. */
    private static Timed timed(ThreadMXBean mx, OffloadRun.Config base, OffloadRun.Side local, int repeat,
                               java.util.function.Supplier<? extends OffloadPolicy> make) {
        List<Long> cpu = new ArrayList<>();
        OffloadRun.Result r = null;
        for (int k = 0; k < repeat + 1; k++) {
            OffloadRun.Config c = base.withPolicy(make.get());
            long a = mx.getCurrentThreadCpuTime();
            r = OffloadRun.run(c, local);
            long b = mx.getCurrentThreadCpuTime();
            if (k > 0) {
                cpu.add(b - a);
            }
        }
        cpu.sort(null);
        return new Timed(cpu.get(cpu.size() / 2), r);
    }

    /**
     * {@code policy} evaluated wherever it asks to be, every answer computed (and explained), but
     * always "stay": what deciding costs, without the cost of what it decides.
     */
    static final class DecisionsOnly implements OffloadPolicy {
        private final OffloadPolicy policy;
        long evaluations;

        DecisionsOnly(OffloadPolicy policy) {
            this.policy = policy;
        }

        @Override
        public String name() {
            return policy.name();
        }

        @Override
        public boolean migrate(Decision d) {
            evaluations++;
            policy.migrate(d);
            return false;
        }

        @Override
        public String explain(Decision d) {
            return policy.explain(d);
        }

        @Override
        public boolean decidesOnServer() {
            return policy.decidesOnServer();
        }

        @Override
        public boolean usesMethodPoints() {
            return policy.usesMethodPoints();
        }

        @Override
        public boolean evaluatesAt(org.cometsim.offload.policy.MethodPoint point) {
            return policy.evaluatesAt(point);
        }

        @Override
        public org.cometsim.offload.policy.MethodObserver methodObserver() {
            return policy.methodObserver();
        }
    }
}
