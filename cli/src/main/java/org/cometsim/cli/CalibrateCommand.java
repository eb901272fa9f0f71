package org.cometsim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cometsim.bench.harness.CalibrationRunner;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.device.cpu.calibration.CalibratedPreset;
import org.cometsim.device.cpu.calibration.CalibrationFit;
import org.cometsim.device.cpu.calibration.CalibrationMeasurement;
import org.cometsim.device.cpu.calibration.KernelSample;

/**
 * {@code comet calibrate [--out FILE] [--name NAME] [--seconds S] [--clock wall|cpu]} (issue #4):
 * measures how fast this host's comet-sim interpreter runs each {@link OpcodeClass} and writes a
 * CPU preset for comparing simulated and measured runs. Parsing and printing only: the kernels
 * are run by {@link CalibrationRunner} (module benchmarks), the costs fitted by
 * {@link CalibrationFit} and the preset written by {@link CalibratedPreset} (module
 * device-models, where the method is described).
 */
final class CalibrateCommand {
    private CalibrateCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Path outFile = Path.of("host-calibrated.yaml");
        String name = null;
        double seconds = 20;
        boolean cpuClock = false;
        for (int i = 0; i < args.size(); i += 2) {
            String a = args.get(i);
            if (!a.equals("--out") && !a.equals("--name") && !a.equals("--seconds") && !a.equals("--clock")) {
                throw new CometCli.UsageException("calibrate: unknown option '" + a
                        + "' (usage: comet calibrate [--out FILE] [--name NAME] [--seconds S] [--clock wall|cpu])");
            }
            if (i + 1 >= args.size()) {
                throw new CometCli.UsageException(a + " needs a value");
            }
            String v = args.get(i + 1);
            switch (a) {
                case "--out" -> outFile = Path.of(v);
                case "--name" -> name = v;
                case "--clock" -> {
                    if (!v.equals("wall") && !v.equals("cpu")) {
                        throw new CometCli.UsageException("--clock must be wall or cpu");
                    }
                    cpuClock = v.equals("cpu");
                }
                default -> {
                    try {
                        seconds = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        seconds = -1;
                    }
                    if (!(seconds > 0) || !Double.isFinite(seconds)) {
                        throw new CometCli.UsageException("--seconds must be a positive number");
                    }
                }
            }
        }
        if (name == null) {
            name = "host-" + CalibrationRunner.hostName() + "-calibrated";
        }

        CalibrationMeasurement m = CalibrationRunner.run(seconds, cpuClock, err::println);
        CalibrationFit fit = CalibrationFit.fit(m.samples());
        CalibratedPreset.of(name, m, fit).write(outFile);

        printTables(out, m, fit);
        out.printf(Locale.ROOT, "wrote %s (preset '%s', cores: 1)%n", outFile, name);
        return 0;
    }

    static void printTables(PrintStream out, CalibrationMeasurement m, CalibrationFit fit) {
        int classes = CalibrationFit.CLASSES;
        int host = CalibrationFit.HOST;
        long[] perClass = new long[classes];
        long instr = 0;
        for (KernelSample s : m.samples()) {
            for (int c = 0; c < classes; c++) {
                perClass[c] += s.classCounts()[c];
            }
            instr += s.instructions();
        }
        out.printf(Locale.ROOT, "%-13s %12s  %-9s %s%n", "class", "ns/instr", "executed", "status");
        for (OpcodeClass c : OpcodeClass.values()) {
            int i = c.ordinal();
            out.printf(Locale.ROOT, "%-13s %12.3f  %8.2f%% %s%n", c.name(), fit.nanos()[i],
                    instr == 0 ? 0 : 100.0 * perClass[i] / instr, fit.status()[i].text);
        }
        out.printf(Locale.ROOT, "%-13s %12.3f  %9s %s%n", "host call", fit.nanos()[host], "",
                (fit.status()[host] == CalibrationFit.Status.MEASURED ? "measured"
                        : fit.status()[host] == CalibrationFit.Status.AT_ZERO ? "fit hit the x>=0 bound: 0"
                        : "not measured: 0")
                        + " (per call, beyond its INVOKE; written as hostCalls.default.perCall)");
        out.println();
        out.printf(Locale.ROOT, "%-12s %-17s %11s %9s %13s %9s %9s%n", "kernel", "targets", "iterations", "ms",
                "instructions", "ns/instr", "fit err");
        for (int k = 0; k < m.samples().size(); k++) {
            KernelSample s = m.samples().get(k);
            out.printf(Locale.ROOT, "%-12s %-17s %11d %9.1f %13d %9.3f %+8.2f%%%n", s.kernel(), s.targets(),
                    s.iterations(), s.nanos() / 1e6, s.instructions(), (double) s.nanos() / s.instructions(),
                    100 * fit.residuals()[k]);
        }
        out.printf(Locale.ROOT, "fit: rms relative error %.2f%%, max %.2f%% over %d kernels; count-weighted mean"
                + " %.3f ns/instr%n", 100 * fit.rmsResidual(), 100 * fit.maxResidual(), m.samples().size(),
                fit.meanNanos());
    }
}
