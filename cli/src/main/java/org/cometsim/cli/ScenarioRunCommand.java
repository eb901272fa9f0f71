package org.cometsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.scenarios.results.RunRecord;
import org.cometsim.scenarios.results.Summary;
import org.cometsim.scenarios.spec.Scenario;
import org.cometsim.scenarios.spec.ScenarioParser;
import org.cometsim.scenarios.spec.ScenarioRunner;
import org.cometsim.scenarios.yaml.ScenarioException;

/**
 * {@code comet run SCENARIO.yaml [--out DIR]}: the run a scenario file describes (schema in the
 * scenarios module's README), with the same output as the flag form ({@link RunCommand}): the
 * program's stdout, the summary on stderr, and in DIR the comet-run/1 {@code result.json}, the
 * {@code trace.jsonl} and a copy of the scenario.
 */
final class ScenarioRunCommand {
    private ScenarioRunCommand() {
    }

    static final String USAGE = String.join("\n",
            "usage: comet run SCENARIO.yaml [--out DIR] [--json FILE] [--trace FILE]",
            "  runs the scenario (app, phone, server, link, policy, energy, seed, failures: see",
            "  scenarios/README.md) offloaded and alone on the phone; prints the program's output",
            "  and a summary; --out DIR writes DIR/result.json (comet-run/1), DIR/trace.jsonl, charts, report.html and",
            "  DIR/scenario.yaml. With repetitions: N it runs seeds seed .. seed+N-1 and prints the",
            "  speed-up's mean and 95% confidence interval (result.json: the first seed).",
            "example: comet run scenarios/examples/01-first-run.yaml --out out/first",
            "");

    static boolean isScenario(List<String> args) {
        return !args.isEmpty() && (args.get(0).endsWith(".yaml") || args.get(0).endsWith(".yml"));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(USAGE);
            return 0;
        }
        Path file = Path.of(args.get(0));
        String outDir = null;
        String json = null;
        String trace = null;
        for (int i = 1; i < args.size(); i += 2) {
            String a = args.get(i);
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(a + " needs a value\n" + USAGE);
            }
            switch (a) {
                case "--out" -> outDir = args.get(i + 1);
                case "--json" -> json = args.get(i + 1);
                case "--trace" -> trace = args.get(i + 1);
                default -> throw new CometCli.UsageException("run: unknown option " + a
                        + " (a scenario file gives everything else)\n" + USAGE);
            }
        }
        Scenario s;
        try {
            s = ScenarioParser.read(file);
        } catch (ScenarioException e) {
            throw new CometCli.UsageException(e.getMessage());
        }
        try (ScenarioRunner runner = new ScenarioRunner(D8Converter.withDefaultCache())) {
            OffloadRun.Config first;
            try {
                first = runner.config(s, s.seed());
            } catch (ScenarioException e) {
                throw new CometCli.UsageException(e.getMessage());
            }
            OffloadRun.Side local = OffloadRun.runLocal(first);
            double[] speedups = new double[s.repetitions()];
            OffloadRun.Result r0 = null;
            for (int k = 0; k < s.repetitions(); k++) {
                OffloadRun.Config c = k == 0 ? first : runner.config(s, s.seed() + k);
                OffloadRun.Result r = OffloadRun.run(c, local);
                speedups[k] = r.speedup();
                if (k == 0) {
                    r0 = r;
                    out.print(r.offload().stdout());
                    out.flush();
                    RunCommand.printSummary(r, s.phone().label(), s.server().label(), s.link().label(),
                            first.policy().name(), err);
                }
            }
            if (s.repetitions() > 1) {
                Summary.Stat st = Summary.of(speedups);
                err.printf(Locale.ROOT, "comet:   over %d seeds   speed-up mean %.3fx, 95%% CI [%.3f, %.3f], sd %.3f%n",
                        st.n(), st.mean(), st.ciLow(), st.ciHigh(), st.stddev());
            }
            String resultJson = RunRecord.json(r0, new RunRecord.Names(s.phone().label(), s.server().label(),
                    s.link().label(), first.policy().name(), s.energy(), s.seed(), s.compression()));
            String traceText = String.join("\n", r0.trace()) + (r0.trace().isEmpty() ? "" : "\n");
            if (outDir != null) {
                Path dir = Path.of(outDir);
                write(dir.resolve("result.json"), resultJson);
                write(dir.resolve("trace.jsonl"), traceText);
                try {
                    Files.copy(file, dir.resolve("scenario.yaml"), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot copy the scenario to " + dir, e);
                }
                err.println("comet: wrote " + dir.resolve("result.json") + ", " + dir.resolve("trace.jsonl"));
                ReportCommand.buildQuietly(dir, err);
            }
            if (json != null) {
                write(Path.of(json), resultJson);
            }
            if (trace != null) {
                write(Path.of(trace), traceText);
            }
            return r0.offload().status();
        } catch (VmError e) {
            err.println("comet: " + e.getMessage());
            return 1;
        }
    }

    static void write(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
