package org.cometsim.device.presets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cometsim.dalvik.rt.OpcodeClass;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.cpu.CpuPreset;
import org.cometsim.device.cpu.CpuPresets;
import org.cometsim.device.cpu.InstructionMix;
import org.cometsim.device.energy.ActivityTimeline;
import org.cometsim.device.energy.EnergyPreset;
import org.cometsim.device.energy.EnergyPresets;
import org.cometsim.device.energy.EnergyReport;
import org.cometsim.device.energy.PhoneEnergyModel;
import org.cometsim.device.energy.PowerInterval;
import org.cometsim.device.energy.RadioKind;
import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;
import org.cometsim.net.LinkModel;
import org.cometsim.net.LinkModels;
import org.cometsim.net.LinkPreset;
import org.cometsim.net.LinkPresets;
import org.cometsim.sim.RandomStreams;
import org.cometsim.sim.SimTime;

/**
 * Every shipped preset — links (network-models), CPUs and energy — for {@code comet presets
 * list} and {@code comet presets show NAME}.
 *
 * <p>Both methods are side-effect free: they read classpath resources and run fresh model
 * instances (seed 0), printing nothing. Preset names are unique across kinds (tested).
 *
 * <p>Derived figures in {@link #show} are computed by running the models, not by a separate
 * formula, so they show what a simulation will actually use:
 * <ul>
 *   <li>links: time to deliver 1 KB, 100 KB and 1 MB (10^3, 10^5, 10^6 bytes of payload) each
 *       way, each as the only message on an idle link at time 0;</li>
 *   <li>CPUs: time for 10^9 instructions of {@link InstructionMix#DEFAULT} (the documented
 *       "average" mix), ns per instruction on that mix and on Linpack's loop, and the
 *       Linpack MFLOPS that implies;</li>
 *   <li>energy: joules for a 1 MB download from idle, including promotion and tail (energy
 *       spent in the idle state after the tail is excluded), on each radio, timed by the
 *       preset's reference link.</li>
 * </ul>
 */
public final class PresetCatalog {

    static final long[] SIZES = {1_000, 100_000, 1_000_000};

    private PresetCatalog() {}

    /** All presets: links, then CPUs, then energy, each in index order. */
    public static List<PresetInfo> list() {
        List<PresetInfo> out = new ArrayList<>();
        for (String n : LinkPresets.names()) {
            out.add(new PresetInfo(PresetKind.LINK, n, LinkPresets.load(n).description()));
        }
        for (String n : CpuPresets.names()) {
            out.add(new PresetInfo(PresetKind.CPU, n, CpuPresets.load(n).description()));
        }
        for (String n : EnergyPresets.names()) {
            out.add(new PresetInfo(PresetKind.ENERGY, n, EnergyPresets.load(n).description()));
        }
        return out;
    }

    /** {@link #list()} as aligned text lines ("kind  name  description"). */
    public static String listText() {
        StringBuilder b = new StringBuilder();
        for (PresetInfo p : list()) {
            b.append(String.format(Locale.ROOT, "%-7s %-32s %s%n", p.kind().label(), p.name(), p.description()));
        }
        return b.toString();
    }

    /**
     * Printable description of preset {@code name}: its YAML, its sources and derived figures.
     *
     * @throws IllegalArgumentException if no preset has that name
     */
    public static String show(String name) {
        if (LinkPresets.names().contains(name)) {
            return showLink(LinkPresets.load(name));
        }
        if (CpuPresets.names().contains(name)) {
            return showCpu(CpuPresets.load(name));
        }
        if (EnergyPresets.names().contains(name)) {
            return showEnergy(EnergyPresets.load(name));
        }
        throw new IllegalArgumentException("no preset named '" + name + "'; see presets list");
    }

    private static StringBuilder header(PresetKind kind, String name, String description, String yaml,
            Map<String, String> sources) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(kind.label()).append(" preset ").append(name).append('\n');
        b.append(description).append("\n\n## YAML\n").append(yaml);
        if (!yaml.endsWith("\n")) {
            b.append('\n');
        }
        b.append("\n## Sources (keys refer to docs/model-sources.md)\n");
        sources.forEach((k, v) -> b.append("  ").append(k).append(": ").append(v).append('\n'));
        b.append("\n## Derived figures\n");
        return b;
    }

    /** Delivery time of one message of {@code bytes} on a fresh, idle link. */
    static long deliveryNanos(LinkPreset p, Direction d, long bytes) {
        LinkModel m = LinkModels.create(p.spec(), new RandomStreams(0));
        return m.send(d, 0, bytes).deliveredNanos();
    }

    static String showLink(LinkPreset p) {
        StringBuilder b = header(PresetKind.LINK, p.name(), p.description(), p.yaml(), p.sources());
        b.append("Delivery time of one message on an idle link (simulated, seed 0):\n");
        b.append(String.format(Locale.ROOT, "  %-10s %14s %14s%n", "payload", "up", "down"));
        for (long s : SIZES) {
            b.append(String.format(Locale.ROOT, "  %-10s %14s %14s%n", sizeLabel(s),
                    SimTime.format(deliveryNanos(p, Direction.UP, s)),
                    SimTime.format(deliveryNanos(p, Direction.DOWN, s))));
        }
        return b.toString();
    }

    static String showCpu(CpuPreset p) {
        StringBuilder b = header(PresetKind.CPU, p.name(), p.description(), p.yaml(), p.sources());
        CpuModel m = p.model();
        long billion = m.nanosFor(InstructionMix.DEFAULT.counts(1_000_000_000L));
        double avg = m.averageNanosPerInstruction(InstructionMix.DEFAULT);
        double linpack = m.averageNanosPerInstruction(InstructionMix.LINPACK_DAXPY);
        b.append(String.format(Locale.ROOT, "10^9 average instructions (%s): %s on one core%n",
                InstructionMix.DEFAULT.name(), SimTime.format(billion)));
        b.append(String.format(Locale.ROOT, "  mean %.3f ns/instruction on the default mix%n", avg));
        b.append(String.format(Locale.ROOT,
                "  mean %.3f ns/instruction on Linpack's daxpy loop -> %.2f MFLOPS (2 flops per 10 instructions)%n",
                linpack, 200.0 / linpack));
        b.append(String.format(Locale.ROOT, "  cores: %d%n", m.cores()));
        b.append("Default mix (fraction of instructions):\n");
        for (OpcodeClass c : OpcodeClass.values()) {
            double f = InstructionMix.DEFAULT.fraction(c);
            if (f > 0) {
                b.append(String.format(Locale.ROOT, "  %-13s %6.2f %%  x %8.3f ns%n", c, 100 * f, m.nanosPerInstruction(c)));
            }
        }
        return b.toString();
    }

    /** Energy report for a 1 MB download from idle on {@code radio}. */
    static EnergyReport oneMegabyteDownload(EnergyPreset p, RadioKind radio) {
        LinkModel link = LinkModels.preset(p.referenceLinks().get(radio), new RandomStreams(0));
        Delivery d = link.send(Direction.DOWN, 0, 1_000_000);
        ActivityTimeline t = new ActivityTimeline().deliveries(List.of(d));
        long horizon = d.deliveredNanos() + SimTime.parse("60s").nanos(); // longer than any tail
        return new PhoneEnergyModel(p).evaluate(t, radio, horizon);
    }

    static double activeJoules(EnergyReport r) {
        double j = 0;
        for (PowerInterval i : r.radioTimeline().intervals()) {
            if (!i.state().equals("IDLE")) {
                j += i.joules();
            }
        }
        return j;
    }

    static String showEnergy(EnergyPreset p) {
        StringBuilder b = header(PresetKind.ENERGY, p.name(), p.description(), p.yaml(), p.sources());
        b.append(String.format(Locale.ROOT, "LTE derived powers: short DRX %.4f W, long DRX %.4f W, idle %.5f W%n",
                p.lte().shortDrxWatts(), p.lte().longDrxWatts(), p.lte().idleWatts()));
        b.append("1 MB download from idle (radio energy incl. promotion and tail, idle-state energy excluded):\n");
        for (RadioKind k : RadioKind.values()) {
            EnergyReport r = oneMegabyteDownload(p, k);
            b.append(String.format(Locale.ROOT, "  %-8s via %-14s %8.3f J  (promotion delay %s)%n", k,
                    p.referenceLinks().get(k), activeJoules(r), SimTime.format(r.radioTimeline().promotionDelayNanos())));
            for (PowerInterval i : r.radioTimeline().intervals()) {
                if (!i.state().equals("IDLE")) {
                    b.append("      ").append(i).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static String sizeLabel(long bytes) {
        return bytes >= 1_000_000 ? bytes / 1_000_000 + " MB" : bytes >= 1_000 ? bytes / 1_000 + " KB" : bytes + " B";
    }
}
