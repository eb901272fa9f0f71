package org.cometsim.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.CodeCache;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.dalvik.load.LoadLimits;
import org.cometsim.dalvik.load.Messages;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.energy.PhoneEnergyModel;
import org.cometsim.scenarios.SimulatedExec;

/**
 * {@code comet exec [--cpu PRESET] -cp CLASSPATH MAIN [ARGS...]}: mirrors
 * {@code java -cp CLASSPATH MAIN ARGS}. Guest output goes to the process's streams; the exit
 * status is the guest's.
 */
final class ExecCommand {
    private ExecCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, null);
    }

    /** {@link #run} with the code cache given ({@code null}: the one the environment asks for). */
    static int run(List<String> args, PrintStream out, PrintStream err, CodeCache cache) {
        String cp = null;
        String cpu = null;
        String energy = null;
        boolean hostLibrary = false; // A/B: JDK collections/builders/Random instead of the guest library
        JitMode jit = null; // null: -Dcomet.jit, else on
        String workload = null;
        String size = "small";
        boolean noCache = false;
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--workload") || a.equals("--size")) {
                if (i + 1 >= args.size()) {
                    throw new CometCli.UsageException(a + " needs a value");
                }
                if (a.equals("--workload")) {
                    workload = args.get(i + 1);
                } else {
                    size = args.get(i + 1);
                }
                i += 2;
            } else if (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path")) {
                if (i + 1 >= args.size()) {
                    throw new CometCli.UsageException(a + " needs a class path");
                }
                cp = args.get(i + 1);
                i += 2;
            } else if (a.equals("--cpu")) {
                if (i + 1 >= args.size()) {
                    throw new CometCli.UsageException("--cpu needs a preset name");
                }
                cpu = args.get(i + 1);
                i += 2;
            } else if (a.equals("--energy")) {
                if (i + 1 >= args.size()) {
                    throw new CometCli.UsageException("--energy needs a preset name");
                }
                energy = args.get(i + 1);
                i += 2;
            } else if (a.equals("--no-cache")) { // as COMET_CACHE=off: the code cache neither read nor written
                noCache = true;
                i++;
            } else if (a.equals("--host-library")) {
                hostLibrary = true;
                i++;
            } else if (a.equals("--jit")) {
                if (i + 1 >= args.size()) {
                    throw new CometCli.UsageException("--jit needs on, off or eager");
                }
                jit = CometCli.jitMode(args.get(i + 1));
                i += 2;
            } else if (a.startsWith("-")) {
                throw new CometCli.UsageException("exec: unknown option " + a);
            } else {
                break;
            }
        }
        String main;
        String[] guestArgs;
        if (workload != null) {
            if (cp != null || i < args.size()) {
                throw new CometCli.UsageException("exec: --workload replaces -cp and MAIN; give one or the other");
            }
            BuiltInWorkloads.Resolved r = BuiltInWorkloads.resolve(workload, size);
            cp = r.classPath();
            main = r.mainClass();
            guestArgs = r.args();
        } else {
            if (cp == null) {
                throw new CometCli.UsageException("exec: -cp CLASSPATH (or --workload NAME) is required");
            }
            if (i >= args.size()) {
                throw new CometCli.UsageException("exec: no main class given");
            }
            main = args.get(i);
            guestArgs = new ArrayList<>(args.subList(i + 1, args.size())).toArray(new String[0]);
        }
        ClassPath classPath;
        try {
            D8Converter d8 = noCache ? new D8Converter(CodeCache.OFF)
                    : cache != null ? new D8Converter(cache) : D8Converter.withDefaultCache();
            classPath = ClassPath.parse(cp, d8, LoadLimits.fromEnvironment(System.getenv()));
        } catch (IllegalArgumentException e) { // a COMET_MAX_*_MB variable that is not a number
            err.println("comet: " + e.getMessage());
            return 2;
        } catch (LoadException e) {
            err.println("comet: " + e.getMessage());
            return 1;
        }
        if (cpu == null && energy != null) {
            throw new CometCli.UsageException("--energy needs --cpu");
        }
        if (cpu != null) {
            int status = runSimulated(classPath, cp, main, guestArgs, cpu, energy, jit, hostLibrary, out, err);
            classPath.saveVerdicts();
            return status;
        }
        Vm vm = new Vm(classPath, new Vm.Options(out, err, System.in, VmClock.wallClock()).withGuestLibrary(!hostLibrary));
        if (jit != null) {
            vm.setJitMode(jit);
        }
        String heapMb = System.getenv("COMET_GUEST_HEAP_MB");
        if (heapMb != null && !heapMb.isBlank()) {
            try {
                vm.setHeapLimit(Math.multiplyExact(Long.parseLong(heapMb.trim()), 1L << 20));
            } catch (IllegalArgumentException | ArithmeticException e) {
                err.println("comet: COMET_GUEST_HEAP_MB must be a positive number of MiB, not '" + Messages.printable(heapMb) + "'");
                return 2;
            }
        }
        vm.setGuestProperty("java.class.path", cp);
        int status;
        try {
            status = vm.runMain(main, guestArgs);
        } catch (VmExit e) {
            status = e.status;
        } catch (VmError e) {
            out.flush();
            err.println("comet: " + Messages.printable(e.getMessage()));
            if (CometCli.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (RuntimeException | Error e) { // LinkageError too: what the guest printed is flushed first
            out.flush();
            err.println("comet: internal error: " + Messages.printable(e.toString()));
            if (CometCli.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        }
        out.flush();
        classPath.saveVerdicts(); // the verifier's passes, for the next run of the same code
        return status;
    }

    /** {@code --cpu}: the run goes through the simulation's event loop (module scenarios). */
    private static int runSimulated(ClassPath classPath, String cp, String main, String[] guestArgs, String cpuPreset,
                                    String energyPreset, JitMode jit, boolean hostLibrary, PrintStream out, PrintStream err) {
        CpuModel cpu;
        try {
            cpu = DeviceModels.cpu(cpuPreset);
        } catch (IllegalArgumentException e) {
            throw new CometCli.UsageException("--cpu: " + e.getMessage() + " (see 'comet presets list')");
        }
        PhoneEnergyModel energy = null;
        if (energyPreset != null) {
            try {
                energy = DeviceModels.energy(energyPreset);
            } catch (IllegalArgumentException e) {
                throw new CometCli.UsageException("--energy: " + e.getMessage() + " (see 'comet presets list')");
            }
        }
        SimulatedExec run = new SimulatedExec(classPath, cp, cpu, energy, out, err, System.in, jit, !hostLibrary);
        int status;
        try {
            status = run.runMain(main, guestArgs);
        } catch (VmError e) {
            out.flush();
            err.println("comet: " + Messages.printable(e.getMessage()));
            if (CometCli.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        } catch (RuntimeException | Error e) {
            out.flush();
            err.println("comet: internal error: " + Messages.printable(e.toString()));
            if (CometCli.debug()) {
                e.printStackTrace(err);
            }
            return 1;
        }
        out.flush();
        SimulatedRunReport.print(run.report(), cpu, energyPreset, err);
        return status;
    }
}
