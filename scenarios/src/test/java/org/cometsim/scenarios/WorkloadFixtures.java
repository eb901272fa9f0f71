package org.cometsim.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.Policies;
import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * The built-in workloads as the offload tests run them: each workload's dex class path (parsed
 * once), what {@code java} prints for it (its jars on the host JVM, in a fresh class loader per run
 * so no static state carries over) and its local baseline on the 2012 phone, each computed once per
 * (workload, size) and kept for the other links and policies of a sweep.
 */
final class WorkloadFixtures {
    static final String PHONE = "phone-2012-hummingbird-portable";
    static final String SERVER = "server-2012-portable";
    static final String ENERGY = "aro-captivate";

    private final Path dir;
    private final Map<String, ClassPath> classPaths = new HashMap<>();
    private final Map<String, String> hostOutputs = new HashMap<>();
    private final Map<String, OffloadRun.Side> baselines = new HashMap<>();

    WorkloadFixtures() {
        try {
            this.dir = Files.createTempDirectory("offload-workloads-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configuration of {@code comet run --workload W --size S --link L --policy P} with the default presets. */
    OffloadRun.Config config(Workload w, Size size, String link, String policy) {
        return config(classPath(w), w.name() + ".dex", w.mainClass(), w.args(size).toArray(new String[0]), link, policy);
    }

    /** {@code comet run -cp CP MAIN ARGS --link L --policy P} with the default presets, seed 1, zlib on. */
    static OffloadRun.Config config(ClassPath cp, String cpText, String main, String[] args, String link, String policy) {
        return new OffloadRun.Config(cp, cpText, main, args, DeviceModels.cpu(PHONE), DeviceModels.cpu(SERVER),
                sim -> LinkModels.preset(link, sim.streams()), OffloadRun.radioFor(link), Policies.byName(policy),
                DeviceModels.energy(ENERGY), 1, true, null);
    }

    /** The offloaded run (the baseline from the cache). */
    OffloadRun.Result run(Workload w, Size size, String link, String policy) {
        OffloadRun.Config c = config(w, size, link, policy);
        return OffloadRun.run(c, baseline(w, size));
    }

    /** The program alone on the phone (it depends on neither link nor policy). */
    OffloadRun.Side baseline(Workload w, Size size) {
        return baselines.computeIfAbsent(w.name() + "/" + size,
                k -> OffloadRun.runLocal(config(w, size, "comet-wifi", "never")));
    }

    ClassPath classPath(Workload w) {
        return classPaths.computeIfAbsent(w.name(), k -> {
            try {
                ClassPath cp = new ClassPath();
                for (Path dex : WorkloadCatalog.extract(w, dir.resolve(w.name() + "-dex"), Kind.DEX)) {
                    cp.addDex(dex.getFileName().toString(), Files.readAllBytes(dex));
                }
                return cp;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (LoadException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** What {@code java -cp <the workload's jars> MAIN ARGS} prints. */
    String hostOutput(Workload w, Size size) {
        return hostOutputs.computeIfAbsent(w.name() + "/" + size, k -> runOnHost(w, size));
    }

    private String runOnHost(Workload w, Size size) {
        try {
            Path[] jars = WorkloadCatalog.extract(w, dir.resolve(w.name() + "-jar"), Kind.JAR);
            URL[] urls = new URL[jars.length];
            for (int i = 0; i < jars.length; i++) {
                urls[i] = jars[i].toUri().toURL();
            }
            return GuestPrograms.hostStdout(urls, w.mainClass(), w.args(size).toArray(new String[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
