package org.cometsim.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A discrete-event simulation: a clock, a pending-event list and the random streams of one
 * scenario. Start here when reading this module.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li><b>Time</b> is {@link SimTime}, a {@code long} nanosecond count; {@link #now()} is the
 *       raw clock, {@link #time()} the typed one.</li>
 *   <li><b>Events</b> implement {@link Event}: records carrying typed fields, whose
 *       {@link Event#fire} runs when the clock reaches them. {@link KernelEvent.Action} wraps a
 *       labelled callback for quick use.</li>
 *   <li><b>Ordering</b> is delegated to an {@link EventList} (default
 *       {@link QuaternaryHeapEventList}) with the tie-break rule time → priority → FIFO.</li>
 *   <li><b>Randomness</b> comes only from {@link #streams()}: one named SSJ {@code MRG32k3a}
 *       stream per stochastic source, derived from the scenario seed and the name.</li>
 *   <li><b>Observation</b> goes through {@link SimListener}s; {@link EventTraceHash} is the
 *       listener the determinism tests use.</li>
 * </ul>
 *
 * <h2>Instance, not global</h2>
 * There is no static simulator (unlike SSJ's {@code Simulator.defaultSimulator}); two
 * simulations in one JVM share nothing, which lets tests and replications run side by side.
 * A simulation is confined to one thread.
 *
 * <h2>Example</h2>
 * <pre>{@code
 * Simulation sim = new Simulation(42);
 * sim.schedule(SimTime.parse("20ms"), "ping", () -> System.out.println(sim.time()));
 * sim.run();   // prints 20ms
 * }</pre>
 */
public final class Simulation {

    private final long seed;
    private final EventList<Event> events;
    private final RandomStreams streams;
    private final List<SimListener> listeners = new ArrayList<>();
    private final Set<Long> cancelled = new HashSet<>();
    private long clock;
    private long executed;
    private boolean stopped;
    private boolean running;

    /** A simulation with the default event list and streams seeded by {@code seed}. */
    public Simulation(long seed) {
        this(seed, new QuaternaryHeapEventList<>());
    }

    public Simulation(long seed, EventList<Event> events) {
        this.seed = seed;
        this.events = Objects.requireNonNull(events, "events");
        this.streams = new RandomStreams(seed);
    }

    public long seed() {
        return seed;
    }

    /** Current simulated time in nanoseconds. */
    public long now() {
        return clock;
    }

    /** Current simulated time. */
    public SimTime time() {
        return new SimTime(clock);
    }

    public RandomStreams streams() {
        return streams;
    }

    /** Number of events fired so far (cancelled ones excluded). */
    public long executedEvents() {
        return executed;
    }

    /**
     * Time of the earliest pending event, or {@code Long.MAX_VALUE} if none: how far an actor may
     * run ahead without overtaking anything already scheduled (cancelled events are skipped).
     */
    public long nextEventNanos() {
        while (!events.isEmpty()) {
            if (!cancelled.isEmpty() && cancelled.remove(events.firstSequence())) {
                events.removeFirst();
                continue;
            }
            return events.firstTime();
        }
        return Long.MAX_VALUE;
    }

    /** Number of entries in the event list, including cancelled ones not yet skipped. */
    public int pendingEvents() {
        return events.size();
    }

    public void addListener(SimListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(SimListener listener) {
        listeners.remove(listener);
    }

    /** Schedules {@code event} after {@code delay} with priority 0; returns a cancel handle. */
    public long schedule(SimTime delay, Event event) {
        return scheduleAtNanos(addDelay(delay.nanos()), 0, event);
    }

    public long schedule(SimTime delay, int priority, Event event) {
        return scheduleAtNanos(addDelay(delay.nanos()), priority, event);
    }

    /** Schedules a labelled callback; the label is what the trace hash sees. */
    public long schedule(SimTime delay, String label, Runnable body) {
        return scheduleAtNanos(addDelay(delay.nanos()), 0, new KernelEvent.Action(label, body));
    }

    public long scheduleAt(SimTime at, Event event) {
        return scheduleAtNanos(at.nanos(), 0, event);
    }

    public long scheduleAt(SimTime at, int priority, Event event) {
        return scheduleAtNanos(at.nanos(), priority, event);
    }

    /** Primitive form used by models on hot paths. */
    public long scheduleInNanos(long delayNanos, int priority, Event event) {
        return scheduleAtNanos(addDelay(delayNanos), priority, event);
    }

    /**
     * Schedules at an absolute time.
     *
     * @throws IllegalArgumentException if {@code atNanos} is before {@link #now()}: an event in
     *     the past would silently reorder causality.
     */
    public long scheduleAtNanos(long atNanos, int priority, Event event) {
        Objects.requireNonNull(event, "event");
        if (atNanos < clock) {
            throw new IllegalArgumentException("event in the past: at " + SimTime.format(atNanos)
                    + " < now " + SimTime.format(clock) + ": " + event);
        }
        return events.add(atNanos, priority, event);
    }

    private long addDelay(long delayNanos) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay: " + SimTime.format(delayNanos));
        }
        return Math.addExact(clock, delayNanos);
    }

    /**
     * Cancels a pending event by the handle its {@code schedule} call returned. The entry stays
     * in the list and is skipped when it reaches the front (lazy deletion keeps the heap simple).
     * Cancelling an event that already fired has no effect.
     */
    public void cancel(long handle) {
        cancelled.add(handle);
    }

    /** Makes {@link #run}/{@link #runUntil} return after the event being fired. */
    public void stop() {
        stopped = true;
    }

    public boolean isStopped() {
        return stopped;
    }

    /** Fires events until none is left or {@link #stop()} is called. */
    public void run() {
        runUntilNanos(Long.MAX_VALUE);
    }

    /**
     * Fires every event with time ≤ {@code end}, then sets the clock to {@code end} (unless
     * stopped earlier), so a following {@code schedule} counts from {@code end}.
     */
    public void runUntil(SimTime end) {
        runUntilNanos(end.nanos());
    }

    private void runUntilNanos(long end) {
        if (running) {
            throw new IllegalStateException("run() called from inside an event");
        }
        running = true;
        stopped = false;
        try {
            while (!stopped && !events.isEmpty() && events.firstTime() <= end) {
                long t = events.firstTime();
                if (!cancelled.isEmpty() && cancelled.remove(events.firstSequence())) {
                    events.removeFirst();
                    continue;
                }
                Event e = events.removeFirst();
                clock = t;
                for (int i = 0; i < listeners.size(); i++) {
                    listeners.get(i).beforeEvent(t, e);
                }
                e.fire(this);
                executed++;
                for (int i = 0; i < listeners.size(); i++) {
                    listeners.get(i).afterEvent(t, e);
                }
            }
            if (!stopped && end != Long.MAX_VALUE && end > clock) {
                clock = end;
            }
        } finally {
            running = false;
        }
        for (SimListener l : listeners) {
            l.onRunEnd(clock);
        }
    }
}
