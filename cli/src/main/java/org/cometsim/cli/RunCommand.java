package org.cometsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.CpuPresets;
import org.cometsim.device.energy.EnergyPresets;
import org.cometsim.device.energy.PhoneEnergyModel;
import org.cometsim.net.LinkModels;
import org.cometsim.net.LinkPresets;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.Policies;
import org.cometsim.offload.policy.PolicyContext;
import org.cometsim.scenarios.OffloadRun;

/**
 * {@code comet run}: a program offloaded with COMET in simulated time, beside its local baseline.
 * Parses arguments, hands the run to {@link OffloadRun} (module scenarios), prints a summary and
 * writes the result object ({@code --json}) and the event trace ({@code --trace}).
 */
final class RunCommand {
    private RunCommand() {
    }

    static final String USAGE = String.join("\n",
            "usage: comet run (--workload NAME [--size small|medium|paper] | -cp CLASSPATH MAIN [ARGS...])",
            "                 [--phone PRESET] [--server PRESET] [--link PRESET] [--policy NAME[,NAME...]]",
            "                 [--policy-cp JAR[" + java.io.File.pathSeparator + "JAR...]]",
            "                 [--energy PRESET] [--seed N] [--json FILE] [--trace FILE] [--no-compress]",
            "                 [--jit on|off|eager] [--fail-at TIME[,TIME...]] [--profile FILE] [--time-limit TIME]",
            "--policy maui[:energy|:time], clonecloud, oracle: decided from a profile (comet profile), read from",
            "          --profile FILE, else recorded first by running the program alone on the phone",
            "--policy maui:online[:PERIOD]: MAUI profiling this run as it goes, re-solving every PERIOD of simulated",
            "          time (default 10ms); no profile needed",
            "--policy a,b,c: the local baseline once, then each policy on the same seed, one comparison table;",
            "          --json then writes a JSON array with one comet-run/1 object per policy",
            "--policy class:com.example.MyPolicy[:ARGS] --policy-cp my.jar: a policy of your own (offload/README.md)",
            "--fail-at 500ms: the connection fails at that simulated time (the phone resumes the server's threads",
            "          from the last sync and reconnects with COMET's back-off, 1 s, 2 s, 4 s ...); the link",
            "          preset's outage windows break the connection the same way",
            "--time-limit 600s: stop a run (and its local baseline) that has not ended by that simulated time",
            "defaults: --phone phone-2012-hummingbird-portable --server server-2012-portable --link comet-wifi",
            "          --policy comet --energy aro-captivate --seed 1; policies: " + String.join(", ", Policies.NAMES),
            "");

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (ScenarioRunCommand.isScenario(args)) {
            return ScenarioRunCommand.run(args, out, err); // comet run SCENARIO.yaml (issue #15)
        }
        String phone = "phone-2012-hummingbird-portable";
        String server = "server-2012-portable";
        String link = "comet-wifi";
        String policyName = "comet";
        String energyName = "aro-captivate";
        String workload = null;
        String size = "small";
        String cp = null;
        String json = null;
        String traceFile = null;
        String policyCp = null;
        String profileFile = null;
        long seed = 1;
        long timeLimit = 0;
        boolean compress = true;
        JitMode jit = null;
        List<Long> failAt = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--no-compress")) {
                compress = false;
                i++;
                continue;
            }
            if (a.equals("--help") || a.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (!a.startsWith("-")) {
                break;
            }
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(a + " needs a value");
            }
            String v = args.get(i + 1);
            switch (a) {
                case "--workload" -> workload = v;
                case "--size" -> size = v;
                case "-cp", "-classpath", "--class-path" -> cp = v;
                case "--phone" -> phone = v;
                case "--server" -> server = v;
                case "--link" -> link = v;
                case "--policy" -> policyName = v;
                case "--policy-cp" -> policyCp = v;
                case "--profile" -> profileFile = v;
                case "--energy" -> energyName = v.equals("none") ? null : v;
                case "--json" -> json = v;
                case "--trace" -> traceFile = v;
                case "--jit" -> jit = CometCli.jitMode(v);
                case "--seed" -> {
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new CometCli.UsageException("--seed must be a whole number, not '" + v + "'");
                    }
                }
                case "--fail-at" -> failAt.addAll(failTimes(v));
                case "--time-limit" -> {
                    try {
                        timeLimit = org.cometsim.sim.SimTime.parse(v.trim()).nanos();
                    } catch (IllegalArgumentException e) {
                        timeLimit = -1;
                    }
                    if (timeLimit <= 0) {
                        throw new CometCli.UsageException("--time-limit: '" + v + "' is not a positive time with a unit (e.g. 600s)");
                    }
                }
                default -> throw new CometCli.UsageException("run: unknown option " + a + "\n" + USAGE);
            }
            i += 2;
        }
        GuestProgram program = GuestProgram.choose("run", workload, size, cp, args, i, USAGE);
        cp = program.classPath();
        String main = program.mainClass();
        String[] guestArgs = program.args();
        CpuModel phoneCpu = cpu("--phone", phone);
        CpuModel serverCpu = cpu("--server", server);
        List<OffloadPolicy> policies;
        List<String> specs = List.of(policyName.split(",", -1));
        boolean profiled = specs.stream().anyMatch(org.cometsim.offload.policy.profile.ProfiledPolicies::isProfiled);
        try {
            if (profiled) {
                // Profile-based ones are made once the class path is loaded (they may profile first).
                policies = new ArrayList<>();
                PolicyContext ctx = policyContext(policyCp);
                for (String spec : specs) {
                    policies.add(org.cometsim.offload.policy.profile.ProfiledPolicies.isProfiled(spec) ? null
                            : Policies.byName(spec, ctx));
                }
            } else {
                policies = Policies.list(policyName, policyContext(policyCp));
            }
        } catch (IllegalArgumentException e) {
            err.println("comet: --policy: " + e.getMessage()); // one line: a user policy's class is the usual culprit
            return 2;
        }
        if (!LinkPresets.names().contains(link)) {
            throw new CometCli.UsageException("--link: unknown link preset '" + link + "' (valid: "
                    + String.join(", ", LinkPresets.names()) + ")");
        }
        PhoneEnergyModel energy = null;
        if (energyName != null) {
            if (!EnergyPresets.names().contains(energyName)) {
                throw new CometCli.UsageException("--energy: unknown energy preset '" + energyName + "' (valid: "
                        + String.join(", ", EnergyPresets.names()) + ", none)");
            }
            try {
                energy = DeviceModels.energy(energyName);
            } catch (IllegalArgumentException e) {
                throw new CometCli.UsageException("--energy: " + e.getMessage() + " (see 'comet presets list')");
            }
        }
        ClassPath classPath;
        try {
            classPath = ClassPath.parse(cp, D8Converter.withDefaultCache());
        } catch (LoadException e) {
            err.println("comet: " + e.getMessage());
            return 1;
        }
        if (profiled) {
            org.cometsim.offload.policy.profile.Profile profile = null;
            for (int k = 0; k < specs.size(); k++) {
                if (policies.get(k) == null && org.cometsim.offload.policy.profile.ProfiledPolicies.isOnline(specs.get(k))) {
                    try {
                        policies.set(k, org.cometsim.scenarios.ProfileRun.onlinePolicy(specs.get(k), link, energyName,
                                phoneCpu, serverCpu));
                    } catch (IllegalArgumentException e) {
                        throw new CometCli.UsageException("--policy: " + e.getMessage());
                    }
                } else if (policies.get(k) == null) {
                    if (profile == null) {
                        profile = ProfiledPolicySetup.profile(profileFile, classPath, cp, main, guestArgs, phoneCpu,
                                serverCpu, link, jit, err);
                        if (profile == null) {
                            return 1;
                        }
                    }
                    policies.set(k, ProfiledPolicySetup.policy(specs.get(k), profile, link, energyName, err));
                }
            }
        }
        String linkName = link;
        OffloadRun.Config config = new OffloadRun.Config(classPath, cp, main, guestArgs, phoneCpu, serverCpu,
                sim -> LinkModels.preset(linkName, sim.streams()), OffloadRun.radioFor(link), policies.get(0), energy, seed,
                compress, jit, failAt).withTimeLimit(timeLimit);
        if (policies.size() > 1) {
            return PolicyComparison.run(config, policies, phone, server, link, energyName, json, traceFile, out, err);
        }
        OffloadPolicy policy = policies.get(0);
        OffloadRun.Result r;
        try {
            r = OffloadRun.run(config);
        } catch (VmError e) {
            err.println("comet: " + e.getMessage());
            if (CometCli.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        }
        out.print(r.offload().stdout());
        out.flush();
        printSummary(r, phone, server, link, policy.name(), err);
        if (json != null) {
            write(json, ResultJson.of(r, phone, server, link, policy.name(), energyName, seed, compress));
        }
        if (traceFile != null) {
            write(traceFile, String.join("\n", r.trace()) + (r.trace().isEmpty() ? "" : "\n"));
        }
        return r.offload().status();
    }

    /**
     * What the run's policies are constructed with: user policies' classes from
     * {@code --policy-cp} (a class loader over those jars, child of the simulator's), and
     * attachments policies read (a profile: issue #14; attach it here).
     */
    static PolicyContext policyContext(String policyCp) {
        PolicyContext context = PolicyContext.EMPTY;
        if (policyCp != null) {
            List<java.net.URL> urls = new ArrayList<>();
            for (String part : policyCp.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator), -1)) {
                Path jar = Path.of(part);
                if (!Files.exists(jar)) {
                    throw new CometCli.UsageException("--policy-cp: no such file or directory: " + part);
                }
                try {
                    urls.add(jar.toUri().toURL());
                } catch (java.net.MalformedURLException e) {
                    throw new CometCli.UsageException("--policy-cp: not a path: " + part);
                }
            }
            // Not closed: the policies' classes may load more of their own as the run goes on.
            context = context.withUserClasses(new java.net.URLClassLoader("comet-user-policies",
                    urls.toArray(new java.net.URL[0]), RunCommand.class.getClassLoader()));
        }
        return context;
    }

    /** {@code --fail-at 500ms} or several, {@code --fail-at 1s,2.5s}: instants of simulated time, unit required. */
    static List<Long> failTimes(String v) {
        List<Long> at = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            long ns;
            try {
                ns = org.cometsim.sim.SimTime.parse(part.trim()).nanos();
            } catch (IllegalArgumentException e) {
                throw new CometCli.UsageException("--fail-at: '" + part + "' is not a time with a unit (e.g. 500ms, 2s)");
            }
            if (ns < 0) {
                throw new CometCli.UsageException("--fail-at: '" + part + "' is before the start of the run");
            }
            at.add(ns);
        }
        at.sort(null);
        return at;
    }

    /** A CPU preset by name; an unknown name is a usage error naming the valid ones, like {@code --link}'s. */
    private static CpuModel cpu(String option, String preset) {
        if (!CpuPresets.names().contains(preset)) {
            throw new CometCli.UsageException(option + ": unknown CPU preset '" + preset + "' (valid: "
                    + String.join(", ", CpuPresets.names()) + ")");
        }
        try {
            return DeviceModels.cpu(preset);
        } catch (IllegalArgumentException e) {
            throw new CometCli.UsageException(option + ": " + e.getMessage() + " (see 'comet presets list')");
        }
    }

    static void write(String file, String text) {
        try {
            Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static void printSummary(OffloadRun.Result r, String phone, String server, String link, String policy,
                                     PrintStream err) {
        OffloadMetrics p = r.phone();
        OffloadMetrics s = r.server();
        err.printf(Locale.ROOT, "comet: %s on %s, %s on %s, link %s, policy %s%n", "phone", phone, "server", server, link, policy);
        err.printf(Locale.ROOT, "comet:   local time       %12.6f s%n", r.local().timeNanos() / 1e9);
        err.printf(Locale.ROOT, "comet:   offloaded time   %12.6f s   speed-up %.3fx%n", r.offload().timeNanos() / 1e9, r.speedup());
        err.printf(Locale.ROOT, "comet:   migrations       %d to the server, %d back%n", p.migrationsOut(), s.migrationsOut());
        err.printf(Locale.ROOT, "comet:   syncs            %d phone -> server, %d server -> phone%n", p.syncsSent(), s.syncsSent());
        err.printf(Locale.ROOT, "comet:   bytes on wire    %d up, %d down (messages %d up, %d down; app code %d)%n",
                p.wireBytesSent(), s.wireBytesSent(), p.messageBytesSent(), s.messageBytesSent(), p.dexBytesSent());
        long total = r.offload().instructions();
        err.printf(Locale.ROOT, "comet:   instructions     %d, %.1f%% on the server%n", total,
                total == 0 ? 0.0 : 100.0 * r.serverInstructions() / total);
        err.printf(Locale.ROOT, "comet:   time             phone busy %.6f s, server busy %.6f s, neither %.6f s%n",
                r.phoneBusyNanos() / 1e9, r.serverBusyNanos() / 1e9, r.idleNanos() / 1e9);
        if (p.connectionsLost() > 0) {
            err.printf(Locale.ROOT, "comet:   failures         %d connection(s) lost, %d thread(s) resumed on the phone, %d reconnection(s)%n",
                    p.connectionsLost(), p.threadsRecovered(), p.connections() - 1);
        }
        for (Map.Entry<String, Long> e : s.forcedReturns().entrySet()) {
            err.printf(Locale.ROOT, "comet:   forced return    %6d  %s%n", e.getValue(), e.getKey());
        }
        for (Map.Entry<String, Long> e : p.pinnedByHostState().entrySet()) {
            err.printf(Locale.ROOT, "comet:   pinned by state  %6d  %s%n", e.getValue(), e.getKey());
        }
        if (r.local().energy() != null) {
            err.printf(Locale.ROOT, "comet:   energy           %.4f J local, %.4f J offloaded (cpu %.4f J, radio %.4f J)%n",
                    r.local().energy().totalJoules(), r.offload().energy().totalJoules(), r.offload().energy().cpuJoules(),
                    r.offload().energy().radioJoules());
        }
        boolean same = r.local().stdout().equals(r.offload().stdout());
        err.printf(Locale.ROOT, "comet:   output           %s (sha256 %s)%n", same ? "same as the local run" : "DIFFERS from the local run",
                r.offload().stdoutSha256().substring(0, 16));
    }
}
