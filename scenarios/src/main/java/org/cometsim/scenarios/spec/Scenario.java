package org.cometsim.scenarios.spec;

import java.nio.file.Path;
import java.util.List;

import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.energy.PhoneEnergyModel;
import org.cometsim.device.energy.RadioKind;
import org.cometsim.net.LinkModel;
import org.cometsim.sim.RandomStreams;

/**
 * One scenario, checked and resolved from its YAML ({@link ScenarioParser}; schema in the module's
 * README): everything {@link org.cometsim.scenarios.OffloadRun} needs except the parsed class path,
 * which {@link ScenarioRunner} shares between the points of a sweep.
 *
 * @param name the scenario's {@code name:} (or the file's base name)
 * @param app what runs
 * @param phone the phone's CPU, {@code server} the server's
 * @param link the link and the phone's radio
 * @param policy the policy's name as {@code Policies.byName} takes it
 * @param energy the energy preset's name, or null for none
 * @param energyModel its model, or null
 * @param repetitions how many seeds {@code comet run} runs (seed, seed + 1, ...)
 * @param jit null for the default
 * @param failAtNanos instants at which the connection fails, sorted
 * @param timeLimitNanos simulated time at which a run that has not ended stops with an error (0: none)
 * @param canonical the resolved scenario in a canonical text form: its hash names a sweep point
 */
public record Scenario(String name, App app, Cpu phone, Cpu server, Link link, String policy, String energy,
                       PhoneEnergyModel energyModel, long seed, int repetitions, boolean compression, JitMode jit,
                       List<Long> failAtNanos, long timeLimitNanos, String canonical) {
    public Scenario {
        failAtNanos = List.copyOf(failAtNanos);
    }

    /** The program: a built-in workload at a size, or a class path of jar/dex/apk files with a main class. */
    public sealed interface App permits Workload, Program {
        /** The name that appears in results: the workload's, or the main class. */
        String label();

        /** The size word for a workload, null for a program. */
        String size();
    }

    public record Workload(String workload, String size) implements App {
        @Override
        public String label() {
            return workload;
        }
    }

    public record Program(List<Path> classPath, String mainClass, List<String> args) implements App {
        public Program {
            classPath = List.copyOf(classPath);
            args = List.copyOf(args);
        }

        @Override
        public String label() {
            return mainClass;
        }

        @Override
        public String size() {
            return null;
        }
    }

    /**
     * A CPU model, the name results give it (the preset's name), and where it came from
     * ({@code preset:NAME} or {@code file:PATH}: two files may name their presets alike).
     */
    public record Cpu(String label, CpuModel model, String source) {
    }

    /**
     * A link: the name results give it, a factory for a fresh model per simulation (its random
     * streams come from the run's seed), and the phone's radio for the energy model.
     */
    public record Link(String label, java.util.function.Function<RandomStreams, LinkModel> factory, RadioKind radio) {
    }
}
