package org.cometsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.net.LinkPresets;
import org.cometsim.offload.policy.profile.OracleBound;
import org.cometsim.offload.policy.profile.Profile;
import org.cometsim.scenarios.ProfileRun;

/**
 * {@code comet profile}: runs the program alone on the phone in simulation with method events
 * on and writes its {@link Profile} ({@code comet-profile/1} JSON, documented there), which
 * {@code comet run --policy maui|clonecloud|oracle --profile FILE} reads.
 */
final class ProfileCommand {
    private ProfileCommand() {
    }

    static final String USAGE = String.join("\n",
            "usage: comet profile (--workload NAME [--size small|medium|paper] | -cp CLASSPATH MAIN [ARGS...])",
            "                     [--phone PRESET] [--server PRESET] [--link PRESET[,PRESET...]] [--jit on|off|eager]",
            "                     --out FILE",
            "records per method: calls, phone self/inclusive time, server time (the same work priced on the",
            "server's CPU preset), call edges, the state a migration at its entry would ship (estimate),",
            "client-pinned native sites; and the method-boundary oracle bound for each link",
            "(default links: comet-wifi, comet-3g, plus those given)",
            "");

    static int run(List<String> args, PrintStream out, PrintStream err) {
        String phone = "phone-2012-hummingbird-portable";
        String server = "server-2012-portable";
        List<String> links = new ArrayList<>(List.of("comet-wifi", "comet-3g"));
        String workload = null;
        String size = "small";
        String cp = null;
        String outFile = null;
        JitMode jit = null;
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
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
                case "--link" -> {
                    for (String l : v.split(",")) {
                        if (!LinkPresets.names().contains(l)) {
                            throw new CometCli.UsageException("--link: unknown link preset '" + l + "' (valid: "
                                    + String.join(", ", LinkPresets.names()) + ")");
                        }
                        if (!links.contains(l)) {
                            links.add(l);
                        }
                    }
                }
                case "--out" -> outFile = v;
                case "--jit" -> jit = CometCli.jitMode(v);
                default -> throw new CometCli.UsageException("profile: unknown option " + a + "\n" + USAGE);
            }
            i += 2;
        }
        if (outFile == null) {
            throw new CometCli.UsageException("profile: --out FILE is required\n" + USAGE);
        }
        GuestProgram program = GuestProgram.choose("profile", workload, size, cp, args, i, USAGE);
        cp = program.classPath();
        String main = program.mainClass();
        String[] guestArgs = program.args();
        CpuModel phoneCpu = cpu("--phone", phone);
        CpuModel serverCpu = cpu("--server", server);
        ClassPath classPath;
        try {
            classPath = ClassPath.parse(cp, D8Converter.withDefaultCache());
        } catch (LoadException e) {
            err.println("comet: " + e.getMessage());
            return 1;
        }
        ProfileRun.Result r;
        try {
            r = ProfileRun.profile(classPath, cp, main, guestArgs, phoneCpu, serverCpu, links, jit);
        } catch (VmError e) {
            err.println("comet: " + e.getMessage());
            return 1;
        }
        out.print(r.stdout());
        out.flush();
        try {
            r.profile().write(Path.of(outFile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outFile, e);
        }
        printSummary(r.profile(), outFile, err);
        return r.status();
    }

    static void printSummary(Profile p, String file, PrintStream err) {
        err.printf(Locale.ROOT, "comet: profile of %s on %s (server priced on %s): %d methods, %d thread(s), %.6f s -> %s%n",
                p.program(), p.phoneCpu(), p.serverCpu(), p.methods().size(), p.threads(), p.completionNanos() / 1e9, file);
        List<Profile.Method> top = new ArrayList<>(p.methods());
        top.sort(Comparator.comparingLong(Profile.Method::phoneSelfNanos).reversed().thenComparing(Profile.Method::id));
        for (Profile.Method m : top.subList(0, Math.min(8, top.size()))) {
            err.printf(Locale.ROOT, "comet:   %10.6f s self %10d calls %9d B state%s  %s%n", m.phoneSelfNanos() / 1e9,
                    m.calls(), m.stateBytes(), m.pinnedSelf() ? " pinned" : m.pinnedTransitive() ? " pins " : "       ",
                    m.signature());
        }
        for (OracleBound o : p.oracles()) {
            err.printf(Locale.ROOT, "comet:   oracle %-12s %.6f s (nested %.6f s)%s%n", o.link(), o.segmentNanos() / 1e9,
                    o.nestedNanos() / 1e9, o.singleThreaded() ? "" : ", approximate (multithreaded)");
        }
    }

    private static CpuModel cpu(String option, String preset) {
        try {
            return DeviceModels.cpu(preset);
        } catch (IllegalArgumentException e) {
            throw new CometCli.UsageException(option + ": " + e.getMessage() + " (see 'comet presets list')");
        }
    }
}
