package org.cometsim.scenarios.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.load.LoadException;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.offload.policy.Policies;
import org.cometsim.offload.policy.profile.Profile;
import org.cometsim.offload.policy.profile.ProfiledPolicies;
import org.cometsim.scenarios.ProfileRun;
import org.cometsim.scenarios.OffloadRun;
import org.cometsim.workloads.Kind;
import org.cometsim.workloads.Size;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;

/**
 * Turns {@link Scenario}s into {@link OffloadRun.Config}s. One runner per command: it parses each
 * app's class path once and shares it between every run of that app (a {@code ClassPath} is safe
 * to share between threads: its class table is built under a lock and parsed classes are
 * published through a concurrent map). Holds no other state; nothing static.
 */
public final class ScenarioRunner implements AutoCloseable {
    private final ConcurrentHashMap<String, Loaded> classPaths = new ConcurrentHashMap<>();
    /** Profiles for the profile-based policies (maui, clonecloud, oracle), one per app, CPUs, link and JIT mode. */
    private final ConcurrentHashMap<String, Profile> profiles = new ConcurrentHashMap<>();
    private final D8Converter d8;

    public ScenarioRunner(D8Converter d8) {
        this.d8 = d8;
    }

    /** A parsed app: class path, its text as {@code java.class.path}, main class and arguments. */
    public record Loaded(ClassPath classPath, String classPathText, String mainClass, String[] args) {
    }

    /** The config of one run of {@code s} with its own seed. */
    public OffloadRun.Config config(Scenario s, long seed) {
        Loaded app = load(s.app());
        Scenario.Link link = s.link();
        return new OffloadRun.Config(app.classPath(), app.classPathText(), app.mainClass(), app.args().clone(),
                s.phone().model(), s.server().model(), sim -> link.factory().apply(sim.streams()), link.radio(),
                policy(s, app), s.energyModel(), seed, s.compression(), s.jit(), s.failAtNanos())
                .withTimeLimit(s.timeLimitNanos());
    }

    /**
     * A fresh policy for one run. The profile-based ones ({@code maui}, {@code clonecloud},
     * {@code oracle}) are solved from a profile recorded once per app, CPUs, link and JIT mode by
     * one local run (as {@code comet run} does without {@code --profile}); their link figures come
     * from the link preset, so they need a preset link.
     */
    private OffloadPolicy policy(Scenario s, Loaded app) {
        if (!ProfiledPolicies.isProfiled(s.policy())) {
            return Policies.byName(s.policy());
        }
        String link = s.link().label();
        try {
            ProfileRun.oneWayNanos(link);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("policy " + s.policy() + " needs a link preset (its solver and the"
                    + " oracle use the preset's figures); the scenario's link is " + link);
        }
        if (ProfiledPolicies.isOnline(s.policy())) {
            return ProfileRun.onlinePolicy(s.policy(), link, s.energy(), s.phone().model(), s.server().model());
        }
        String key = s.app() + "|" + s.phone().source() + "|" + s.server().source() + "|" + link + "|" + s.jit();
        Profile profile = profiles.computeIfAbsent(key, k -> ProfileRun.profile(app.classPath(), app.classPathText(),
                app.mainClass(), app.args().clone(), s.phone().model(), s.server().model(), List.of(link), s.jit()).profile());
        return ProfileRun.policy(s.policy(), profile, link, s.energy());
    }

    /**
     * What the local baseline of {@code s} depends on ({@link OffloadRun#runLocal}: the app, the
     * phone's CPU, the energy model, the JIT mode); points with the same key share one baseline.
     */
    public static String baselineKey(Scenario s) {
        return s.app() + "|" + s.phone().source() + "|" + s.energy() + "|" + s.jit();
    }

    /** The app's class path, parsed once per runner. */
    public Loaded load(Scenario.App app) {
        String key = app.toString();
        Loaded l = classPaths.get(key);
        if (l != null) {
            return l;
        }
        return classPaths.computeIfAbsent(key, k -> parse(app));
    }

    private Loaded parse(Scenario.App app) {
        try {
            if (app instanceof Scenario.Workload w) {
                // Straight from the workloads jar, each dex named by its file name alone: the names
                // travel on the wire (dex origins, java.class.path), so a temporary directory's
                // random name would change a run's byte counts from one run to the next.
                Workload wl = WorkloadCatalog.get(w.workload());
                ClassPath cp = new ClassPath();
                List<String> names = new java.util.ArrayList<>();
                for (String r : WorkloadCatalog.resources(wl, Kind.DEX)) {
                    String name = r.substring(r.lastIndexOf('/') + 1);
                    try (java.io.InputStream in = WorkloadCatalog.open(r)) {
                        cp.addDex(name, in.readAllBytes());
                    }
                    names.add(name);
                }
                return new Loaded(cp, String.join(java.io.File.pathSeparator, names), wl.mainClass(),
                        wl.args(Size.valueOf(w.size().toUpperCase(Locale.ROOT))).toArray(new String[0]));
            }
            Scenario.Program p = (Scenario.Program) app;
            String cp = p.classPath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
            return new Loaded(ClassPath.parse(cp, d8), cp, p.mainClass(), p.args().toArray(new String[0]));
        } catch (LoadException e) {
            throw new org.cometsim.scenarios.yaml.ScenarioException("app " + app.label() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Nothing to release today (workloads are read from the jar); kept so callers scope a runner. */
    @Override
    public void close() {
    }
}
