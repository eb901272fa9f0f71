package org.cometsim.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmExit;
import org.cometsim.device.cpu.CpuModel;
import org.cometsim.device.energy.ActivityTimeline;
import org.cometsim.device.energy.EnergyReport;
import org.cometsim.device.energy.PhoneEnergyModel;
import org.cometsim.device.energy.RadioKind;
import org.cometsim.net.Delivery;
import org.cometsim.net.Direction;
import org.cometsim.net.LinkModel;
import org.cometsim.net.OutageSchedule;
import org.cometsim.net.SimulatedLink;
import org.cometsim.offload.OffloadEndpoint;
import org.cometsim.offload.OffloadMetrics;
import org.cometsim.offload.ReconnectBackoff;
import org.cometsim.offload.Role;
import org.cometsim.offload.policy.OffloadPolicy;
import org.cometsim.sim.Event;
import org.cometsim.sim.Simulation;

/**
 * One program offloaded with COMET, as {@code comet run} runs it: the local baseline (the program
 * alone on the phone, {@link SimulatedExec}) and the offloaded run, in which a phone VM and a
 * server VM, each on its CPU model, advance with a modelled link on one simulation clock
 * ({@link SimulatedEndpoint}), their {@link OffloadEndpoint}s exchanging the protocol's bytes
 * over it ({@link SimulatedTransport}). The result compares the two.
 */
public final class OffloadRun {
    private OffloadRun() {
    }

    /**
     * What to run.
     *
     * @param classPath the app (parsed once, shared by every VM of the run)
     * @param classPathText the app's class path as the user gave it ({@code java.class.path})
     * @param link a link model made for this run's simulation ({@code linkFactory} gets its random streams)
     * @param radio which radio the phone's energy model charges for the link
     * @param energy the phone energy model, or null
     * @param jit null for the default
     * @param failAtNanos instants at which the connection fails (besides the link's outage
     *     windows, each of which breaks it at its start), sorted
     * @param timeLimitNanos the simulated time at which the run stops with
     *     {@link SimulatedTimeLimit.Exceeded} if the program has not ended (0: no limit); the local
     *     baseline has the same bound
     */
    public record Config(ClassPath classPath, String classPathText, String mainClass, String[] args, CpuModel phone,
                         CpuModel server, java.util.function.Function<Simulation, LinkModel> linkFactory, RadioKind radio,
                         OffloadPolicy policy, PhoneEnergyModel energy, long seed, boolean compress, JitMode jit,
                         List<Long> failAtNanos, int trimFloor, long timeLimitNanos) {
        public Config {
            failAtNanos = List.copyOf(failAtNanos);
            if (timeLimitNanos < 0) {
                throw new IllegalArgumentException("a time limit must not be negative: " + timeLimitNanos);
            }
        }

        /** A run without a time limit. */
        public Config(ClassPath classPath, String classPathText, String mainClass, String[] args, CpuModel phone,
                      CpuModel server, java.util.function.Function<Simulation, LinkModel> linkFactory, RadioKind radio,
                      OffloadPolicy policy, PhoneEnergyModel energy, long seed, boolean compress, JitMode jit,
                      List<Long> failAtNanos, int trimFloor) {
            this(classPath, classPathText, mainClass, args, phone, server, linkFactory, radio, policy, energy, seed,
                    compress, jit, failAtNanos, trimFloor, 0);
        }

        /** The same run under another policy. */
        public Config withPolicy(OffloadPolicy p) {
            return new Config(classPath, classPathText, mainClass, args, phone, server, linkFactory, radio, p, energy,
                    seed, compress, jit, failAtNanos, trimFloor, timeLimitNanos);
        }

        /** The same run stopped at {@code nanos} of simulated time (0: never). */
        public Config withTimeLimit(long nanos) {
            return new Config(classPath, classPathText, mainClass, args, phone, server, linkFactory, radio, policy, energy,
                    seed, compress, jit, failAtNanos, trimFloor, nanos);
        }

        /** A run with the phone's default trim threshold ({@link OffloadEndpoint#setTrimFloor}). */
        public Config(ClassPath classPath, String classPathText, String mainClass, String[] args, CpuModel phone,
                      CpuModel server, java.util.function.Function<Simulation, LinkModel> linkFactory, RadioKind radio,
                      OffloadPolicy policy, PhoneEnergyModel energy, long seed, boolean compress, JitMode jit,
                      List<Long> failAtNanos) {
            this(classPath, classPathText, mainClass, args, phone, server, linkFactory, radio, policy, energy, seed,
                    compress, jit, failAtNanos, OffloadEndpoint.DEFAULT_TRIM_FLOOR);
        }

        /** The same run with another trim threshold (0: the phone never trims the tracked set). */
        public Config withTrimFloor(int floor) {
            return new Config(classPath, classPathText, mainClass, args, phone, server, linkFactory, radio, policy, energy,
                    seed, compress, jit, failAtNanos, floor, timeLimitNanos);
        }

        /** A run without injected failures. */
        public Config(ClassPath classPath, String classPathText, String mainClass, String[] args, CpuModel phone,
                      CpuModel server, java.util.function.Function<Simulation, LinkModel> linkFactory, RadioKind radio,
                      OffloadPolicy policy, PhoneEnergyModel energy, long seed, boolean compress, JitMode jit) {
            this(classPath, classPathText, mainClass, args, phone, server, linkFactory, radio, policy, energy, seed,
                    compress, jit, List.of());
        }
    }

    /** One side of a run: what it printed, its status, time and work. */
    public record Side(String stdout, String stderr, int status, long timeNanos, long instructions, EnergyReport energy) {
        public String stdoutSha256() {
            return sha256(stdout);
        }
    }

    /** The run's outcome: the baseline, the offloaded run, and the offload runtime's counts. */
    public record Result(Side local, Side offload, long serverInstructions, long phoneBusyNanos, long serverBusyNanos,
                         long idleNanos, OffloadMetrics phone, OffloadMetrics server, String serverStdout,
                         List<String> trace) {
        public double speedup() {
            return (double) local.timeNanos() / offload.timeNanos();
        }
    }

    /** When the offloaded run starts the program on the phone. */
    public enum ProgramStart {
        /**
         * At once, while the phone connects (COMET: the app runs while the server sets up, and
         * its threads may move once the server's Ready arrives). What every run does by default.
         */
        AT_ONCE,
        /**
         * When the server's Ready reaches the phone: every policy evaluation then happens with the
         * server ready, so they fall at the same instruction counts in every world. For comparing
         * the simulator with the testbed (issue #16), whose server takes real time to set up (make a
         * VM, load the app's code) that the simulator does not charge: at once, the phone would run
         * a host-dependent share of the program before its first evaluation, and a deterministic
         * policy would migrate at other points (pingpong:3 on mandelbrot medium: 3262 migrations
         * simulated vs 2121 measured, a third of the program run before Ready).
         */
        AT_READY
    }

    /** The local baseline, then the offloaded run. */
    public static Result run(Config c) {
        return run(c, runLocal(c));
    }

    /**
     * The offloaded run against a baseline already measured ({@link #runLocal} of a config that
     * differs at most in policy, link, server and failures): sweeps run the baseline once.
     */
    public static Result run(Config c, Side local) {
        return runOffloaded(c, local, ProgramStart.AT_ONCE);
    }

    /** The offloaded run against a baseline, starting the program as {@code start} says. */
    public static Result run(Config c, Side local, ProgramStart start) {
        return runOffloaded(c, local, start);
    }

    /** The program alone on the phone (policy {@code never} without any link). */
    public static Side runLocal(Config c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SimulatedExec exec = new SimulatedExec(c.classPath(), c.classPathText(), c.phone(), c.energy(), ps(out), ps(err),
                InputStream.nullInputStream(), c.jit(), true);
        exec.withTimeLimit(c.timeLimitNanos());
        int status = exec.runMain(c.mainClass(), c.args());
        SimulatedExec.Report r = exec.report();
        return new Side(text(out), text(err), status, r.completionNanos(), r.instructions(), r.energy());
    }

    private static Result runOffloaded(Config c, Side local, ProgramStart start) {
        Simulation sim = new Simulation(c.seed());
        LinkModel model = c.linkFactory().apply(sim);
        SimulatedLink link = new SimulatedLink(sim, model);
        long lookahead = Math.max(1, model.minimumLatencyNanos());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream serverOut = new ByteArrayOutputStream();
        ActivityTimeline phoneActivity = new ActivityTimeline();
        long[] busy = new long[2];
        List<long[]> phoneIntervals = new ArrayList<>();
        List<long[]> serverIntervals = new ArrayList<>();
        Vm phoneVm = newVm(c, c.phone(), ps(out), ps(err), (t, core, s, e) -> {
            phoneActivity.cpuBusy(s, e);
            busy[0] += e - s;
            phoneIntervals.add(new long[] {s, e});
        });
        List<Delivery> deliveries = new ArrayList<>();
        Servers servers = new Servers(c, sim, link, lookahead, serverOut, deliveries, serverIntervals, busy);
        SimulatedTransport up = new SimulatedTransport(link, Direction.UP, deliveries::add);
        up.watchRadio(servers.radio, true);
        OffloadEndpoint phone = new OffloadEndpoint(Role.PHONE, phoneVm, c.policy(), up, c.compress());
        phone.setTrimFloor(c.trimFloor());
        SimulatedEndpoint phoneActor = new SimulatedEndpoint("phone", phoneVm, sim, lookahead);
        phone.attach(phoneActor);
        phoneActor.afterStep(() -> phone.grantPendingLocks(sim.now()));
        phoneActor.onFinished(e -> sim.stop());
        servers.open(phone, up, 0);
        for (long at : failureTimes(c, model)) {
            sim.scheduleAtNanos(at, 0, new ConnectionFails(servers, phone, model.outages()));
        }

        GuestThread[] mainThread = new GuestThread[1];
        if (start == ProgramStart.AT_ONCE) {
            mainThread[0] = phoneVm.launcher().startMain(c.mainClass(), c.args());
        } else {
            servers.afterPhoneReceived = () -> {
                if (mainThread[0] == null && phone.ready()) {
                    phoneVm.scheduler().advanceClockTo(sim.now());
                    mainThread[0] = phoneVm.launcher().startMain(c.mainClass(), c.args());
                    phoneActor.poke();
                }
            };
        }
        phone.connect(c.classPath(), 0);
        SimulatedTimeLimit limit = SimulatedTimeLimit.install(sim, c.timeLimitNanos());
        phoneActor.start();
        servers.current.actor.start();
        sim.run();

        int status;
        RuntimeException failure = phoneActor.failure() != null ? phoneActor.failure() : servers.failure();
        if (failure != null && System.getenv("COMET_DEBUG") != null) {
            List<String> all = new ArrayList<>(phone.metrics().trace());
            all.addAll(servers.metrics.trace());
            all.sort((x, y) -> Long.compare(tOf(x), tOf(y)));
            all.subList(Math.max(0, all.size() - 60), all.size()).forEach(System.err::println);
        }
        if (failure instanceof VmExit exit && phoneActor.failure() == failure) {
            phoneVm.launcher().exit(exit);
            status = exit.status;
        } else if (failure != null) {
            throw failure;
        } else if (!phoneActor.finished() && limit != null && limit.reached()) {
            throw new SimulatedTimeLimit.Exceeded(limit.limitNanos(), "on the phone " + phoneVm.scheduler().describeThreads()
                    + "; on the server " + servers.current.vm.scheduler().describeThreads());
        } else if (mainThread[0] == null) {
            throw new org.cometsim.dalvik.rt.VmError("the server's Ready never reached the phone: the program, to start"
                    + " at Ready, did not start");
        } else if (!phoneActor.finished()) {
            // Nothing more can happen on either side: the whole program is deadlocked.
            throw new org.cometsim.dalvik.rt.VmError("deadlock across the endpoints: on the phone "
                    + phoneVm.scheduler().describeThreads() + "; on the server "
                    + servers.current.vm.scheduler().describeThreads());
        } else {
            status = phoneVm.launcher().finish(mainThread[0]);
        }
        long end = phoneVm.scheduler().simulatedEnd();
        phoneActivity.deliveries(deliveries);
        EnergyReport energy = c.energy() == null ? null : c.energy().evaluate(phoneActivity, c.radio(), end);
        long phoneInstr = instructions(phoneVm);
        long serverInstr = servers.instructions();
        long idle = end - unionLength(phoneIntervals, serverIntervals, end);
        List<String> trace = new ArrayList<>(phone.metrics().trace());
        trace.addAll(servers.metrics.trace());
        sortByTime(trace);
        Side offload = new Side(text(out), text(err), status, end, phoneInstr + serverInstr, energy);
        return new Result(local, offload, serverInstr, busy[0], busy[1], idle, phone.metrics(), servers.metrics,
                text(serverOut), trace);
    }

    /** When the connection fails: the injected instants and the start of every outage window of the link. */
    static List<Long> failureTimes(Config c, LinkModel model) {
        java.util.TreeSet<Long> at = new java.util.TreeSet<>(c.failAtNanos());
        for (OutageSchedule.Window w : model.outages().windows()) {
            at.add(w.startNanos());
        }
        return new ArrayList<>(at);
    }

    /**
     * The server side of a run: one server VM per connection (comet-reference §9: after a failure
     * the server process exits; a reconnection gets a new one, which still has the app's code in
     * its dex cache). Counts and console of all of them add up to one server in the result.
     */
    private static final class Servers {
        final Config c;
        final Simulation sim;
        final SimulatedLink link;
        final long lookahead;
        final ByteArrayOutputStream console;
        final List<Delivery> deliveries;
        final List<long[]> intervals;
        final long[] busy;
        final OffloadMetrics metrics = new OffloadMetrics();
        final java.util.Set<String> dexCache = new java.util.HashSet<>();
        /** The phone's radio as its policy sees it (every transport of the run reports to it). */
        final RadioWatch radio;
        final List<Server> all = new ArrayList<>();
        /** Runs after every message the phone receives ({@link ProgramStart#AT_READY} starts the program there). */
        Runnable afterPhoneReceived = () -> { };
        Server current;
        int failures;

        Servers(Config c, Simulation sim, SimulatedLink link, long lookahead, ByteArrayOutputStream console,
                List<Delivery> deliveries, List<long[]> intervals, long[] busy) {
            this.c = c;
            this.sim = sim;
            this.link = link;
            this.lookahead = lookahead;
            this.console = console;
            this.deliveries = deliveries;
            this.intervals = intervals;
            this.busy = busy;
            this.radio = new RadioWatch(c.radio());
        }

        /** A new server process and connection; the phone's side of it is {@code up}. */
        void open(OffloadEndpoint phone, SimulatedTransport up, long at) {
            // Two streams, as any VM has: the DSM names them (System.out, System.err) by identity.
            Vm vm = newVm(c, c.server(), ps(console), ps(console), (t, core, s, e) -> {
                busy[1] += e - s;
                intervals.add(new long[] {s, e});
            });
            SimulatedTransport down = new SimulatedTransport(link, Direction.DOWN, deliveries::add);
            down.watchRadio(radio, false);
            OffloadEndpoint endpoint = new OffloadEndpoint(Role.SERVER, vm, c.policy(), down, c.compress(), metrics);
            endpoint.useDexCache(dexCache);
            SimulatedEndpoint actor = new SimulatedEndpoint(all.isEmpty() ? "server" : "server#" + (all.size() + 1),
                    vm, sim, lookahead);
            endpoint.attach(actor);
            actor.afterStep(() -> endpoint.grantPendingLocks(sim.now()));
            up.deliverTo(endpoint::receive);
            down.deliverTo(frame -> {
                phone.receive(frame);
                afterPhoneReceived.run();
            });
            current = new Server(vm, endpoint, actor, up, down);
            all.add(current);
        }

        RuntimeException failure() {
            for (Server s : all) {
                if (s.actor.failure() != null) {
                    return s.actor.failure();
                }
            }
            return null;
        }

        long instructions() {
            long n = 0;
            for (Server s : all) {
                n += OffloadRun.instructions(s.vm);
            }
            return n;
        }
    }

    private record Server(Vm vm, OffloadEndpoint endpoint, SimulatedEndpoint actor, SimulatedTransport up,
                          SimulatedTransport down) {
    }

    /**
     * The connection breaks (an injected failure or the start of an outage window): both
     * directions stop carrying bytes, the server stops, the phone recovers; then the phone tries to
     * reconnect with COMET's back-off ({@link ReconnectBackoff}) once the link is up again.
     */
    private record ConnectionFails(Servers servers, OffloadEndpoint phone, OutageSchedule outages) implements Event {
        @Override
        public void fire(Simulation sim) {
            Server s = servers.current;
            if (s == null || s.endpoint().dead()) {
                return; // already down (an outage during a failure's back-off)
            }
            long now = sim.now();
            s.up().fail();
            s.down().fail();
            s.endpoint().connectionLost(now);
            s.actor().stop();
            phone.connectionLost(now);
            servers.current = null;
            sim.scheduleAtNanos(ReconnectBackoff.attemptAt(now, 0), 0, new Reconnect(servers, phone, outages, now, 0));
        }

        @Override
        public String tracePayload() {
            return "connection fails";
        }
    }

    /** One reconnection attempt: it succeeds if the link is up (outside its outage windows). */
    private record Reconnect(Servers servers, OffloadEndpoint phone, OutageSchedule outages, long failedAt, int attempt)
            implements Event {
        @Override
        public void fire(Simulation sim) {
            long now = sim.now();
            if (servers.current != null) {
                return;
            }
            if (outages.nextAvailable(now) != now) {
                sim.scheduleAtNanos(ReconnectBackoff.attemptAt(failedAt, attempt + 1), 0,
                        new Reconnect(servers, phone, outages, failedAt, attempt + 1));
                return;
            }
            SimulatedTransport up = new SimulatedTransport(servers.link, Direction.UP, servers.deliveries::add);
            up.watchRadio(servers.radio, true);
            servers.open(phone, up, now);
            phone.reconnect(up, now);
            servers.current.actor().start();
        }

        @Override
        public String tracePayload() {
            return "reconnect attempt " + attempt;
        }
    }

    private record Timed(long t, String line) {
    }

    /**
     * Sorts trace lines by their time, stably (lines of one instant keep their order), as
     * {@code sort} by {@link #tOf} would, parsing each line's time once instead of at every
     * comparison (a thread-heavy run traces thousands of events).
     */
    static void sortByTime(List<String> trace) {
        List<Timed> timed = new ArrayList<>(trace.size());
        for (String line : trace) {
            timed.add(new Timed(tOf(line), line));
        }
        timed.sort(java.util.Comparator.comparingLong(Timed::t));
        for (int i = 0; i < timed.size(); i++) {
            trace.set(i, timed.get(i).line());
        }
    }

    private static long tOf(String traceLine) {
        int i = traceLine.indexOf(':') + 1;
        return Long.parseLong(traceLine.substring(i, traceLine.indexOf(',', i)));
    }

    private static Vm newVm(Config c, CpuModel cpu, PrintStream out, PrintStream err,
                            org.cometsim.dalvik.sched.Scheduler.SliceListener listener) {
        Vm vm = endpointVm(c, out, err);
        vm.scheduler().setTimeModel(cpu, listener);
        return vm;
    }

    /**
     * A VM for one endpoint of run {@code c}, as both worlds make them (the testbed too): the app's
     * class path, the guest clock on the VM's scheduler, the phone's device figures (cores,
     * memory: the app must see one device wherever it runs), the run's JIT mode and class path
     * property. The caller sets the time model.
     */
    public static Vm endpointVm(Config c, PrintStream out, PrintStream err) {
        Vm[] self = new Vm[1];
        // Both VMs report the phone's figures (cores, memory): the app must see one device wherever it runs.
        Vm vm = new Vm(c.classPath(), new Vm.Options(out, err, InputStream.nullInputStream(),
                SimulatedExec.simulatedClock(() -> self[0].scheduler().now()))
                .withRuntime(SimulatedExec.runtimeFigures(c.phone())));
        self[0] = vm;
        if (c.jit() != null) {
            vm.setJitMode(c.jit());
        }
        vm.setGuestProperty("java.class.path", c.classPathText());
        return vm;
    }

    private static long instructions(Vm vm) {
        long n = 0;
        for (GuestThread t : vm.scheduler().threads()) {
            n += t.totalInstructions();
        }
        return n;
    }

    /** Length of the union of two sets of busy intervals within [0, end]. */
    private static long unionLength(List<long[]> a, List<long[]> b, long end) {
        List<long[]> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort((x, y) -> Long.compare(x[0], y[0]));
        long covered = 0;
        long curS = -1;
        long curE = -1;
        for (long[] iv : all) {
            long s = Math.min(iv[0], end);
            long e = Math.min(iv[1], end);
            if (s > curE) {
                if (curE > curS) {
                    covered += curE - curS;
                }
                curS = s;
                curE = e;
            } else {
                curE = Math.max(curE, e);
            }
        }
        if (curE > curS) {
            covered += curE - curS;
        }
        return covered;
    }

    private static PrintStream ps(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The phone's radio for a link preset name: WiFi, 3G or LTE. */
    public static RadioKind radioFor(String linkName) {
        String n = linkName.toLowerCase(java.util.Locale.ROOT);
        if (n.contains("3g") || n.contains("umts") || n.contains("hspa")) {
            return RadioKind.UMTS_3G;
        }
        if (n.contains("lte")) {
            return RadioKind.LTE;
        }
        return RadioKind.WIFI;
    }
}
