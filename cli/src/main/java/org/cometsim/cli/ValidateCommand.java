package org.cometsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cometsim.bench.harness.CalibrationRunner;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.CpuPresets;
import org.cometsim.device.cpu.calibration.CalibratedPreset;
import org.cometsim.device.cpu.calibration.CalibrationFit;
import org.cometsim.device.cpu.calibration.CalibrationMeasurement;
import org.cometsim.net.Direction;
import org.cometsim.network.shaper.LinkShaper;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.spec.Scenario;
import org.cometsim.scenarios.spec.ScenarioParser;
import org.cometsim.scenarios.spec.ScenarioRunner;
import org.cometsim.scenarios.yaml.ScenarioException;
import org.cometsim.testbed.Emulation;
import org.cometsim.testbed.ServerProcess;
import org.cometsim.testbed.ShapedRoute;
import org.cometsim.testbed.WallClockDriver;

/**
 * {@code comet validate [SCENARIO...] [--out DIR] [--cpu PRESET.yaml] [--calibrate-seconds S]}
 * (issue #16 item 4): each scenario simulated and emulated, both worlds with this host's calibrated
 * CPU preset for phone and server and the testbed unpaced (both VMs run at this host's real speed,
 * which the calibrated preset must predict), and {@code DIR/validation.csv} comparing them
 * ({@link ValidationTable}), and {@code DIR/report.html} with its chart ({@link ValidationReport}).
 * {@link #SCOPE} says what the comparison validates and what it does not; it is printed, written
 * beside the CSV and shown on the page.
 */
final class ValidateCommand {
    private ValidateCommand() {
    }

    static final String USAGE = String.join("\n",
            "usage: comet validate [SCENARIO.yaml...] [--out DIR] [--cpu PRESET.yaml] [--calibrate-seconds S]",
            "  runs each scenario in the simulator and in the testbed (a 'comet serve' child process on",
            "  loopback, the phone here, the scenario's link applied by the link shaper), both with this",
            "  host's calibrated CPU preset for phone and server (--cpu, e.g. from 'comet calibrate'; else",
            "  calibrated now by thread CPU time for S seconds, default 5) and the testbed unpaced, and writes",
            "  DIR/validation.csv (default DIR: comet-validate), DIR/SCOPE.txt and DIR/report.html (with the",
            "  predicted-vs-measured chart in DIR/charts). Without scenarios:",
            "  mandelbrot medium over comet-wifi and comet-3g under always and comet.",
            "");

    /** What the comparison does and does not validate (printed, and written as SCOPE.txt). */
    static final String SCOPE = String.join("\n",
            "What validation.csv validates",
            "  The same program, policy, link and seed run in the simulator (modelled CPU, link and clock)",
            "  and in the testbed (two OS processes, real TCP through the link shaper, the wall clock).",
            "  Both use this host's calibrated CPU preset for phone and server, and the testbed runs",
            "  unpaced, so the simulated time is a prediction of the measured one. In both worlds the program",
            "  starts when the server's Ready reaches the phone (not at once, as COMET starts it): the real",
            "  server's set-up (its VM, the app's code loaded) takes time the simulator does not charge, and",
            "  the phone would run a host-dependent share of the program before a policy is first asked. The",
            "  times still run from the connection's start, so the set-up's real cost is in the error.",
            "  The relative error",
            "  measures: the calibrated CPU model (instruction costs of this interpreter on this host),",
            "  the protocol's real costs (encoding, compression, dex shipping, handshake), the endpoints'",
            "  scheduling on real threads, and OS overheads (sockets, timers, the JVM).",
            "What it does not validate",
            "  Link physics: the shaper applies the simulator's own link model to the byte stream, so a",
            "  WiFi or 3G preset is compared with itself (only the relay's own delay and chunking show).",
            "  The host's load: the preset is calibrated by the thread CPU time the interpreter got (comet",
            "  calibrate --clock cpu), so it predicts the time on an otherwise idle host; measured_s is the",
            "  testbed's wall time (measured_wall_s) less the time the host's other processes kept the two VMs'",
            "  threads off the cores while they had work (each driver thread's wall time neither asleep nor",
            "  on a CPU). What stays in: waits for the network and for the other side, the protocol's work,",
            "  the JVM's. Approximate where both sides compute at once, and a late wake-up counts as waiting.",
            "  A 2012 phone's speed: both worlds run at this host's speed (the presets' claims about 2012",
            "  hardware rest on model-sources.md, not on this comparison). Energy: not measured.",
            "  Policies whose decisions follow measured times (comet) may decide differently in the two",
            "  worlds; their bytes are reported, equality is expected only for always and pingpong:N.",
            "");

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        List<Path> files = new ArrayList<>();
        Path outDir = Path.of("comet-validate");
        Path cpuFile = null;
        double seconds = 5;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                files.add(Path.of(a));
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(a + " needs a value\n" + USAGE);
            }
            String v = args.get(++i);
            switch (a) {
                case "--out" -> outDir = Path.of(v);
                case "--cpu" -> cpuFile = Path.of(v);
                case "--calibrate-seconds" -> {
                    try {
                        seconds = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        seconds = -1;
                    }
                    if (!(seconds > 0) || !Double.isFinite(seconds)) {
                        throw new CometCli.UsageException("--calibrate-seconds must be a positive number");
                    }
                }
                default -> throw new CometCli.UsageException("validate: unknown option " + a + "\n" + USAGE);
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        try {
            if (files.isEmpty()) {
                scenarios.addAll(defaultScenarios(outDir));
            }
            for (Path f : files) {
                scenarios.add(ScenarioParser.read(f));
            }
        } catch (ScenarioException e) {
            throw new CometCli.UsageException(e.getMessage());
        } catch (IOException e) {
            err.println("comet: validate: " + e.getMessage());
            return 1;
        }
        try {
            Files.createDirectories(outDir);
            if (cpuFile == null) {
                cpuFile = outDir.resolve("host-calibrated.yaml");
                err.printf(Locale.ROOT, "comet: calibrating this host for %.0f s (comet calibrate --clock cpu) ...%n",
                        seconds);
                // Thread CPU time, not wall time: what the interpreter costs when it runs, whatever else the host
                // runs meanwhile (see SCOPE: on a loaded host the wall-clock fit depends on the moment).
                CalibrationMeasurement m = CalibrationRunner.run(seconds, true, line -> { });
                CalibratedPreset.of("host-" + CalibrationRunner.hostName() + "-calibrated", m,
                        CalibrationFit.fit(m.samples())).write(cpuFile);
                err.println("comet: wrote " + cpuFile);
            }
            CpuModel cpu = CpuPresets.read(cpuFile).model();
            List<ValidationTable.Row> rows = new ArrayList<>();
            try (ScenarioRunner runner = new ScenarioRunner(D8Converter.withDefaultCache());
                 // One server for all scenarios keeps its JVM warm; bytes still compare, since each emulated
                 // run has a dex cache of its own on it (Emulation's dex_cache_scope) and ships the app's
                 // code once, as each simulated run does.
                 ServerProcess server = ServerProcess.start(List.of("--unpaced", "--server-cpu", cpuFile.toString()))) {
                // One untimed run first: the server process and this JVM compile the interpreter's hot
                // paths during it, which would otherwise be charged to the first scenario's measurement.
                err.println("comet: warm-up run (not measured) ...");
                validate(runner, scenarios.get(0), cpu, server);
                for (Scenario s : scenarios) {
                    ValidationTable.Row row = validate(runner, s, cpu, server);
                    rows.add(row);
                    err.printf(Locale.ROOT, "comet: %-24s %-12s %-8s simulated %9.4f s, measured %9.4f s (wall %9.4f s),"
                                    + " error %+7.1f%%, bytes %s%n", s.name(), s.link().label(), row.policy(),
                            row.simulated().timeNanos() / 1e9, row.measured().timeNanos() / 1e9,
                            row.measuredWallNanos() / 1e9, 100 * row.relativeError(), row.bytesEqual() ? "equal" : "differ");
                }
            }
            ScenarioRunCommand.write(outDir.resolve("validation.csv"), ValidationTable.csv(rows));
            ScenarioRunCommand.write(outDir.resolve("SCOPE.txt"), SCOPE);
            Path page = ValidationReport.write(outDir, rows, java.util.Map.of("CPU preset (phone and server)",
                    cpuFile.toString()));
            out.printf(Locale.ROOT, "%d scenario(s), median |relative error| %.1f%% (target 10%%, goal 5%%), largest %.1f%%%n",
                    rows.size(), 100 * ValidationTable.medianAbsoluteError(rows), 100 * ValidationTable.maxAbsoluteError(rows));
            out.print(SCOPE);
            err.println("comet: wrote " + outDir.resolve("validation.csv") + ", " + outDir.resolve("SCOPE.txt") + ", " + page);
            boolean outputsEqual = rows.stream().allMatch(ValidationTable.Row::outputEqual);
            return outputsEqual ? 0 : 1;
        } catch (IOException e) {
            err.println("comet: validate: " + e.getMessage());
            return 1;
        }
    }

    /** One scenario in both worlds, with {@code cpu} for phone and server. */
    static ValidationTable.Row validate(ScenarioRunner runner, Scenario s, CpuModel cpu, ServerProcess server)
            throws IOException {
        // Both worlds start the program at the server's Ready (OffloadRun.ProgramStart.AT_READY): the testbed's
        // server takes real time to set up, which the simulator does not charge, and a deterministic policy would
        // otherwise decide at other points in the two worlds.
        OffloadRun.Config simConfig = withCpu(runner.config(s, s.seed()), cpu);
        OffloadRun.Result sim = OffloadRun.run(simConfig, OffloadRun.runLocal(simConfig), OffloadRun.ProgramStart.AT_READY);
        OffloadRun.Config emulated = withCpu(runner.config(s, s.seed()), cpu); // a fresh policy object
        ShapedRoute route = ShapedRoute.of(s, s.seed(), s.failAtNanos());
        Emulation.Outcome o = Emulation.run(new Emulation.Setup(emulated, server.address(), server.token(), false, route,
                WallClockDriver.Pacing.UNPACED, List.of()).startingAt(OffloadRun.ProgramStart.AT_READY));
        LinkShaper shaper = route.shaper();
        ValidationTable.Side simulated = side(sim.offload(), sim.phone(), sim.server().wireBytesSent(), sim.server());
        // The server's counts come from its report; the phone's received bytes are the same wire bytes.
        // The measured time less the time other processes took the two VMs' threads off the cores (the preset is
        // calibrated by thread CPU time: it predicts an unloaded host); the wall time is kept beside it.
        long wall = o.offload().timeNanos();
        long measuredNanos = Math.max(1, wall - o.phoneStolenNanos() - o.serverStolenNanos());
        OffloadRun.Side run = o.offload();
        ValidationTable.Side measured = side(new OffloadRun.Side(run.stdout(), run.stderr(), run.status(), measuredNanos,
                run.instructions(), run.energy()), o.phone(), o.phone().wireBytesReceived(), o.server());
        return new ValidationTable.Row(s.name(), s.app().label(), s.link().label(), emulated.policy().name(), simulated, measured,
                shaper == null ? -1 : shaper.bytes(Direction.UP), shaper == null ? -1 : shaper.bytes(Direction.DOWN), wall);
    }

    private static ValidationTable.Side side(OffloadRun.Side run, OffloadMetrics phone, long bytesDown, OffloadMetrics server) {
        return new ValidationTable.Side(run.timeNanos(), phone.wireBytesSent(), bytesDown,
                phone.migrationsOut(), phone.syncsSent() + server.syncsSent(), run.stdoutSha256());
    }

    static OffloadRun.Config withCpu(OffloadRun.Config c, CpuModel cpu) {
        return new OffloadRun.Config(c.classPath(), c.classPathText(), c.mainClass(), c.args(), cpu, cpu, c.linkFactory(),
                c.radio(), c.policy(), c.energy(), c.seed(), c.compress(), c.jit(), c.failAtNanos(), c.trimFloor());
    }

    /**
     * mandelbrot medium × {comet-wifi, comet-3g} × {always, comet}, as scenario files in {@code dir}:
     * about a second of work at this host's speed, long beside the set-up (small ends in a tenth of one,
     * of which the real server's set-up would be most).
     */
    private static List<Scenario> defaultScenarios(Path dir) throws IOException {
        Path d = dir.resolve("scenarios");
        Files.createDirectories(d);
        List<Scenario> out = new ArrayList<>();
        for (String link : List.of("comet-wifi", "comet-3g")) {
            for (String policy : List.of("always", "comet")) {
                String name = "mandelbrot-" + link + "-" + policy;
                Path f = d.resolve(name + ".yaml");
                Files.writeString(f, String.join("\n", "name: " + name, "app: {workload: mandelbrot, size: medium}",
                        "link: " + link, "policy: " + policy, "energy: none", "seed: 1", ""));
                out.add(ScenarioParser.read(f));
            }
        }
        return out;
    }
}
