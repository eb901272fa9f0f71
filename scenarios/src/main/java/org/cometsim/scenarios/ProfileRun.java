package org.cometsim.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.DeviceModels;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.energy.EnergyPreset;
import org.cometsim.device.energy.RadioKind;
import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;
import org.cometsim.net.LinkModel;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.profile.Environment;
import org.cometsim.offload.policy.profile.Profile;
import org.cometsim.offload.policy.profile.ProfiledPolicies;
import org.cometsim.offload.policy.profile.Profiler;
import org.cometsim.sim.Simulation;

/**
 * {@code comet profile}: the program alone on the phone in simulation ({@link SimulatedExec}) with
 * a {@link Profiler} on its VM's method events and native calls, giving a {@link Profile}; and the
 * {@link Environment} a profile-based policy assumes for a link preset.
 */
public final class ProfileRun {
    private ProfileRun() {
    }

    /** The profile and what the profiled run printed (the local run's output). */
    public record Result(Profile profile, String stdout, String stderr, int status) {
    }

    /**
     * Profiles {@code mainClass} on {@code phone}, pricing its work on {@code server} too, with the
     * oracle bounds for each of {@code linkPresets}.
     */
    public static Result profile(ClassPath classPath, String classPathText, String mainClass, String[] args, CpuModel phone,
                                 CpuModel server, List<String> linkPresets, JitMode jit) {
        List<Profiler.OracleLink> links = new ArrayList<>();
        for (String l : linkPresets) {
            links.add(new Profiler.OracleLink(l, oneWayNanos(l)));
        }
        Profiler profiler = new Profiler(phone, server, links);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SimulatedExec exec = new SimulatedExec(classPath, classPathText, phone, null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                InputStream.nullInputStream(), jit, true);
        exec.vm().hooks().setMethodEvents(profiler);
        exec.vm().setNativeGate(profiler);
        int status = exec.runMain(mainClass, args);
        Profile p = profiler.finish(mainClass, phone.name(), server.name(), exec.report().completionNanos());
        return new Result(p, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status);
    }

    /**
     * A fresh profile-based policy ({@code maui}, {@code clonecloud}, {@code oracle}) solved from
     * {@code profile} for {@code linkPreset}. The solver needs power figures even when the run
     * reports no energy ({@code energyName} null or {@code "none"}): then the default preset's.
     *
     * @throws IllegalArgumentException one line, for a bad policy spec
     */
    public static OffloadPolicy policy(String spec, Profile profile, String linkPreset, String energyName) {
        String energy = energyName == null || energyName.equals("none") ? "aro-captivate" : energyName;
        return ProfiledPolicies.create(spec, profile, environment(linkPreset, DeviceModels.energy(energy).preset()));
    }

    /**
     * {@code maui:online[:PERIOD]}: MAUI profiling this run itself, for {@code linkPreset}; the
     * speed ratio it prices the other side's time with is the CPU models' mean time per instruction
     * under the default instruction mix ({@code InstructionMix.DEFAULT}), phone over server.
     */
    public static OffloadPolicy onlinePolicy(String spec, String linkPreset, String energyName, CpuModel phone,
                                             CpuModel server) {
        String energy = energyName == null || energyName.equals("none") ? "aro-captivate" : energyName;
        double ratio = phone.averageNanosPerInstruction(org.cometsim.device.cpu.InstructionMix.DEFAULT)
                / server.averageNanosPerInstruction(org.cometsim.device.cpu.InstructionMix.DEFAULT);
        return ProfiledPolicies.createOnline(spec, environment(linkPreset, DeviceModels.energy(energy).preset()), ratio);
    }

    /** The link preset's minimum one-way latency (every crossing sends at least one message). */
    public static long oneWayNanos(String linkPreset) {
        return LinkModels.preset(linkPreset, new Simulation(0).streams()).minimumLatencyNanos();
    }

    /**
     * The environment for {@code linkPreset} and the energy preset: latency as {@link #oneWayNanos},
     * bandwidth per direction from a 10 KB and a 100 KB probe on fresh copies of the link model
     * (seed 0), power from the preset (radio: Wi-Fi's active power, or 3G's DCH / LTE's connected power).
     */
    public static Environment environment(String linkPreset, EnergyPreset energy) {
        double up = bandwidth(linkPreset, Direction.UP);
        double down = bandwidth(linkPreset, Direction.DOWN);
        double cpuActive = energy == null ? 0 : energy.cpu().activeWatts();
        double cpuIdle = energy == null ? 0 : energy.cpu().idleWatts();
        double radio = 0;
        if (energy != null) {
            RadioKind kind = OffloadRun.radioFor(linkPreset);
            if (kind == RadioKind.UMTS_3G && energy.umts() != null) {
                radio = energy.umts().dchWatts();
            } else if (kind == RadioKind.WIFI && energy.wifi() != null) {
                radio = energy.wifi().activeWatts();
            } else if (energy.wifi() != null) {
                radio = energy.wifi().activeWatts();
            }
        }
        return new Environment(linkPreset, oneWayNanos(linkPreset), up, down, cpuActive, cpuIdle, radio);
    }

    private static double bandwidth(String linkPreset, Direction dir) {
        long small = probe(linkPreset, dir, 10_240);
        long large = probe(linkPreset, dir, 102_400);
        long dt = Math.max(1, large - small);
        return (102_400 - 10_240) / (double) dt;
    }

    private static long probe(String linkPreset, Direction dir, long bytes) {
        LinkModel m = LinkModels.preset(linkPreset, new Simulation(0).streams());
        Delivery d = m.send(dir, 0, bytes);
        return d.deliveredNanos() - d.submittedNanos();
    }
}
