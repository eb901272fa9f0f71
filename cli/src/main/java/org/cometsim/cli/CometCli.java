package org.cometsim.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

/**
 * <b>Start here.</b> The {@code comet} command: argument parsing and wiring only. Each
 * subcommand lives in its own class ({@link ExecCommand}, ...). Exit status: what the guest
 * program asked for under {@code exec}; 2 for usage errors; 1 for other errors, reported as one
 * line {@code comet: <what is wrong>} (set {@code COMET_DEBUG=1} for host stack traces).
 */
public final class CometCli {
    static final String USAGE = String.join("\n",
            "usage: comet <command> [options]",
            "",
            "commands:",
            "  exec [--cpu PRESET] [--energy PRESET] [--host-library] [--no-cache] [--jit on|off|eager]",
            "       -cp CLASSPATH MAIN [ARGS...]",
            "                        run MAIN from a class path of .dex, .jar and .apk files,",
            "                        as 'java -cp CLASSPATH MAIN ARGS' would; with --cpu, in",
            "                        simulated time on that CPU model (report on stderr);",
            "                        --host-library: use the host JDK's collections, builders and",
            "                        Random instead of the guest library (faster, not DSM-trackable);",
            "                        --jit: hot guest methods as JVM bytecode (on, the default), none",
            "                        (off), or every method (eager); output, instruction counts and",
            "                        simulated time are the same in every mode",
            "  exec [--cpu PRESET] [--energy PRESET] --workload NAME [--size small|medium|paper]",
            "                        run a built-in workload",
            "  run (--workload NAME | -cp CLASSPATH MAIN [ARGS]) [--phone P] [--server S] [--link L]",
            "      [--policy P[,P...]] [--policy-cp JAR] [--energy E] [--seed N] [--json F] [--trace F]",
            "                        offload the program with COMET in simulated time, beside its",
            "                        local baseline: speed-up, migrations, syncs, bytes, energy;",
            "                        P: comet, comet-2rtt, threshold:T, never, always, pingpong:N,",
            "                        class:NAME (yours, from --policy-cp); several: one table",
            "  run SCENARIO.yaml [--out DIR]",
            "                        the run a YAML scenario describes (scenarios/README.md);",
            "                        DIR gets result.json (comet-run/1), trace.jsonl",
            "  serve --token-file F [--port P] [--tls] [--max-clients N]",
            "                        the offload server as its own process (testbed, issue #16)",
            "  emulate SCENARIO.yaml [--server HOST:PORT --token-file F] [--out DIR]",
            "                        the scenario on real processes and TCP, on the wall clock",
            "  validate [SCENARIO.yaml...] [--out DIR] [--cpu PRESET.yaml]",
            "                        simulator vs testbed (unpaced, calibrated): DIR/validation.csv",
            "  sweep SWEEP.yaml [--out DIR] [--jobs N] [--shard i/n]",
            "                        every point of a sweep (base scenario x axes), in parallel,",
            "                        stored in DIR/results.duckdb as each finishes (a rerun",
            "                        resumes); results.csv, summary.csv (mean, 95% CI over seeds)",
            "  merge --out DIR SHARD...",
            "                        join the results of a sweep's shards",
            "  bench-sweep [--sample N] [--jobs N]",
            "                        time the 1000-point sweep of issue #15 (or a sample of it)",
            "  demo [--size small|medium|paper] [--out DIR] [--jobs N]",
            "                        the paper's headline experiment: every built-in workload",
            "                        over comet-wifi and comet-3g, offloaded vs local, in parallel;",
            "                        speed-up table with geometric means beside the paper's 2.88x",
            "                        (WiFi) / 1.27x (3G), charts and report.html in ./comet-out",
            "  report DIR            rebuild charts and report.html from stored results: a run",
            "                        directory (result.json, trace.jsonl) or a sweep directory",
            "                        (results.csv)",
            "  profile (--workload NAME | -cp CLASSPATH MAIN [ARGS]) [--phone P] [--server S] [--link L,...]",
            "      --out FILE        record the program's per-method profile (comet-profile/1 JSON) for",
            "                        the maui, clonecloud and oracle policies (comet run --profile FILE)",
            "  bench-policies [--workload NAME] [--link L] [--repeat N] [--policies never,maui,clonecloud]",
            "                        simulated phone-seconds per host CPU-second under each policy",
            "  workloads             list the built-in workloads",
            "  bench [--size S] [--workloads a,b] [--repeat N] [--json FILE] [--jit on|off|eager]",
            "                        interpreter vs host JVM speed per workload (same run): the",
            "                        time of main() alone, warm and on the first run, each side in",
            "                        its own child JVM; the interpreter with per-opcode counters on,",
            "                        no write barrier installed and no object tracked; JVM start-up,",
            "                        D8, dex parsing and Vm creation are not timed",
            "  bench --cold [--repeat N] [--cache both|warm|cold|off] [--cds auto|on|off] [--only a,b]",
            "                        whole-process wall time of comet exec vs java (workloads and",
            "                        the cold-programs library programs), paired and interleaved",
            "  bench-simtime [--workload NAME] [--size S] [--cpu PRESET] [--pairs N]",
            "                        host CPU time of a run in simulated time (exec --cpu, through",
            "                        the event loop) against the same run without it, paired runs",
            "                        (default mandelbrot, medium, 5 pairs; target: median <= 1.15x)",
            "  bench-verify [--workloads a,b] [--size S] [--repeat N] [FILE...]",
            "                        bytecode verifier cost per workload (verify vs load and run",
            "                        time) and a sweep of every class in the FILEs for rejections",
            "  bench-offload [--workloads a,b] [--size S] [--repeat N]",
            "                        offload runtime figures per workload, each a ratio measured",
            "                        in the same run (medians of N repeats, default 3): wire bytes",
            "                        vs raw dirty payload (target <= 1.1), simulated phone-seconds",
            "                        per wall- and CPU-second, and the phone's host CPU time with",
            "                        the DSM active vs a plain run (target <= 1.5x)",
            "  bench-simspeed [--size S] [--workloads a,b] [--repeat N] [--json FILE]",
            "                        simulated phone-seconds per host wall- and CPU-second per",
            "                        workload (default medium), local on the 2012 phone and",
            "                        offloaded (comet over comet-wifi), whole runs in one JVM",
            "                        (JVM start-up excluded), peak heap; target >= 10 per row",
            "  calibrate [--out FILE] [--name NAME] [--seconds S] [--clock wall|cpu]",
            "                        measure this host's interpreter speed per opcode class and",
            "                        write a CPU preset (default host-calibrated.yaml)",
            "  presets [list | show NAME]",
            "                        list or show CPU, link and energy presets",
            "  help                  this text",
            "");

    private CometCli() {
    }

    /** {@code --jit}'s value. */
    static org.cometsim.dalvik.interp.JitMode jitMode(String v) {
        try {
            return org.cometsim.dalvik.interp.JitMode.valueOf(v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--jit must be on, off or eager, not '" + v + "'");
        }
    }

    public static void main(String[] args) {
        // Charts are drawn off-screen (demo, report): never ask for a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        PrintStream out = processStream(FileDescriptor.out, "sun.stdout.encoding", null);
        PrintStream err = processStream(FileDescriptor.err, "sun.stderr.encoding", out);
        int status;
        try {
            status = run(Arrays.asList(args), out, err);
        } catch (UsageException e) {
            err.println("comet: " + e.getMessage());
            err.println("run 'comet help' for usage");
            status = 2;
        }
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs a command line; returns the exit status. Streams are the guest's stdout and stderr too. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (cmd) {
            case "exec":
                return ExecCommand.run(rest, out, err);
            case "presets":
                return PresetsCommand.run(rest, out, err);
            case "workloads":
                return BuiltInWorkloads.list(rest, out);
            case "bench":
                return BenchCommand.run(rest, out, err);
            case "calibrate":
                return CalibrateCommand.run(rest, out, err);
            case "run":
                return RunCommand.run(rest, out, err);
            case "demo":
                return DemoCommand.run(rest, out, err);
            case "report":
                return ReportCommand.run(rest, out, err);
            case "profile":
                return ProfileCommand.run(rest, out, err);
            case "bench-policies":
                return BenchPoliciesCommand.run(rest, out, err);
            case "bench-simtime":
                return BenchSimTimeCommand.run(rest, out, err);
            case "sweep":
                return SweepCommand.run(rest, out, err);
            case "merge":
                return MergeCommand.run(rest, out, err);
            case "bench-sweep":
                try {
                    return BenchSweepCommand.run(rest, out, err);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            case "bench-offload":
                return BenchOffloadCommand.run(rest, out, err);
            case "bench-simspeed":
                return BenchSimSpeedCommand.run(rest, out, err);
            case "serve":
                return org.cometsim.testbed.ServeCommand.run(rest, out, err);
            case "emulate":
                return org.cometsim.testbed.EmulateCommand.run(rest, out, err);
            case "validate":
                return ValidateCommand.run(rest, out, err);
            case "bench-verify":
                return BenchVerifyCommand.run(rest, out, err);
            case "help":
            case "-h":
            case "--help":
                out.print(USAGE);
                return 0;
            default:
                throw new UsageException("unknown command '" + cmd + "'");
        }
    }

    /** A command-line mistake: exit status 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    static boolean debug() {
        return System.getenv("COMET_DEBUG") != null;
    }

    /**
     * The process's stdout/stderr with the encoding {@code java} would use for System.out, so the
     * guest's bytes match. stdout is buffered; stderr flushes stdout first to keep their order.
     */
    private static PrintStream processStream(FileDescriptor fd, String encodingProperty, PrintStream flushFirst) {
        String enc = System.getProperty(encodingProperty);
        Charset cs = enc != null && Charset.isSupported(enc) ? Charset.forName(enc) : Charset.defaultCharset();
        OutputStream raw = new FileOutputStream(fd);
        if (flushFirst == null) {
            return new PrintStream(new BufferedOutputStream(raw, 1 << 16), false, cs);
        }
        OutputStream ordered = new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                flushFirst.flush();
                raw.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                flushFirst.flush();
                raw.write(b, off, len);
            }
        };
        return new PrintStream(ordered, true, cs);
    }

    static void unused() throws UnsupportedEncodingException {
        // keeps the checked-exception import meaningful for older compilers
    }
}
