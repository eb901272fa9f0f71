package org.cometsim.dalvik.rt;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TimeZone;

/**
 * The part of the Java world that is JVM-global on a real JVM but belongs to one VM here: the
 * standard streams, the clock, system properties, the default locales and time zone, and the
 * {@code Runtime} figures of the simulated device. Two VMs in one JVM (a COMET phone and server
 * endpoint) each have their own, and no guest call changes the host JVM's globals. Guest code
 * reaches it only through the class library's natives ({@code host.WorldStateNatives},
 * {@code host.ImplicitDefaults}, {@code host.Natives}); the class library keeps the rest of the
 * VM's share of the world next to the code that uses it: its loggers ({@code host.VmLogging},
 * over this world's streams, properties, zone and clock) and the identity hashes of host objects
 * ({@code link.Heap}, with every other identity hash).
 *
 * <p>Initial values: the properties are a copy of the host JVM's, taken when the VM is made, plus
 * the VM's launch settings ({@link #setLaunchProperty}, e.g. {@code java.class.path}); the
 * default locales are the JVM's at that moment; the default time zone, as on the JVM, is derived
 * from the {@code user.timezone} property the first time it is read (and again after
 * {@code TimeZone.setDefault(null)}), falling back to the JVM's default zone. Confined to the
 * VM's host thread like the rest of the VM's state.
 */
public final class VmWorld {
    private final VmClock clock;
    private final RuntimeFigures runtime;
    /** The streams the VM was launched with: where the VM writes while guest code has set System.out/err to null. */
    private final PrintStream launchOut;
    private final PrintStream launchErr;
    private PrintStream out;
    private PrintStream err;
    private InputStream in;
    /** The JVM's properties when the VM was made. */
    private final Properties hostAtLaunch;
    /** Launch settings that differ from the host's (java.class.path: the guest's -cp). */
    private final Map<String, String> launchSettings = new HashMap<>();
    /** The guest's System.getProperties(): null until guest code first needs it. */
    private Properties properties;
    private Locale locale;
    private Locale displayLocale;
    private Locale formatLocale;
    /** Null until first read, and after {@code TimeZone.setDefault(null)}: derived from user.timezone. */
    private TimeZone zone;
    /** The zone user.timezone named when last peeked at (TimeZone.getTimeZone is not cheap). */
    private TimeZone peeked;
    private String peekedId;

    public VmWorld(PrintStream out, PrintStream err, InputStream in, VmClock clock, RuntimeFigures runtime) {
        this.launchOut = out;
        this.launchErr = err;
        this.out = out;
        this.err = err;
        this.in = in;
        this.clock = clock;
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.hostAtLaunch = (Properties) System.getProperties().clone();
        this.locale = Locale.getDefault();
        this.displayLocale = Locale.getDefault(Locale.Category.DISPLAY);
        this.formatLocale = Locale.getDefault(Locale.Category.FORMAT);
    }

    // ------------------------------------------------------------------ standard streams

    /** {@code System.out} as guest code sees it (null after {@code System.setOut(null)}, as on the JVM). */
    public PrintStream out() {
        return out;
    }

    /** {@code System.err} as guest code sees it. */
    public PrintStream err() {
        return err;
    }

    /** {@code System.in}. */
    public InputStream in() {
        return in;
    }

    /** {@code System.setOut} (null is allowed, as on the JVM: the guest's next use fails). */
    public void setOut(PrintStream s) {
        out = s;
    }

    public void setErr(PrintStream s) {
        err = s;
    }

    public void setIn(InputStream s) {
        in = s;
    }

    /**
     * Where the VM itself writes the program's output (its flush at exit): the guest's
     * {@code System.out}, or the launch stream while guest code has set it to null.
     */
    public PrintStream outOrLaunch() {
        return out != null ? out : launchOut;
    }

    /** Where the VM prints uncaught exceptions: the guest's {@code System.err}, as {@link #outOrLaunch}. */
    public PrintStream errOrLaunch() {
        return err != null ? err : launchErr;
    }

    // ------------------------------------------------------------------ clocks

    /** {@code System.currentTimeMillis} and {@code System.nanoTime}. */
    public VmClock clock() {
        return clock;
    }

    /** The current instant on the VM's clock, for {@code java.time} ({@code Instant.now()} ...). */
    public Instant instant() {
        return clock.instant();
    }

    /** {@code Clock.system(zone)} for guest code: a {@code java.time.Clock} reading the VM's clock. */
    public Clock systemClock(ZoneId zone) {
        return new GuestClock(this, zone);
    }

    /**
     * {@code Clock.systemUTC()}, {@code systemDefaultZone()} and {@code system(zone)} for guest code:
     * the VM's clock (simulated under {@code comet exec --cpu}), printing as the JDK's system clock.
     */
    static final class GuestClock extends Clock {
        private final VmWorld world;
        private final ZoneId zone;

        GuestClock(VmWorld world, ZoneId zone) {
            this.world = world;
            this.zone = Objects.requireNonNull(zone, "zone");
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return z.equals(zone) ? this : new GuestClock(world, z);
        }

        @Override
        public Instant instant() {
            return world.instant();
        }

        @Override
        public long millis() {
            return world.clock.currentTimeMillis();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GuestClock c && c.world == world && c.zone.equals(zone);
        }

        @Override
        public int hashCode() {
            return zone.hashCode() + 1;
        }

        @Override
        public String toString() {
            return "SystemClock[" + zone + "]";
        }
    }

    // ------------------------------------------------------------------ system properties

    /**
     * A launch setting of the guest's system properties that differs from the host's (e.g.
     * {@code java.class.path}, the guest's {@code -cp}): part of the initial properties.
     */
    public void setLaunchProperty(String key, String value) {
        launchSettings.put(key, value);
        if (properties != null) {
            properties.setProperty(key, value);
        }
    }

    /**
     * The launch setting of {@code key}, or null where the VM was launched with the host's value.
     * It stays what it was at launch whatever guest code sets, as the JVM's class loader keeps its
     * launch class path.
     */
    public String launchProperty(String key) {
        return launchSettings.get(key);
    }

    /** The properties as launched: the host's when the VM was made, with the launch settings. */
    private Properties launchProperties() {
        Properties p = (Properties) hostAtLaunch.clone();
        p.putAll(launchSettings);
        return p;
    }

    /**
     * The guest's {@code System.getProperties()}: this VM's own object, copied from the launch
     * properties when guest code first needs it (most runs never do: no copy then).
     */
    public Properties properties() {
        if (properties == null) {
            properties = launchProperties();
        }
        return properties;
    }

    /** {@code System.setProperties(p)}; null goes back to the properties as launched. */
    public void setProperties(Properties p) {
        properties = p != null ? p : launchProperties();
    }

    public String property(String key) {
        return properties().getProperty(key);
    }

    /**
     * {@code System.lineSeparator()}: fixed at launch, as the JVM reads {@code line.separator}
     * once at startup (a later {@code setProperty} does not change it). The VM's output streams
     * are host {@code PrintStream}s, which end lines with the host's separator.
     */
    public String lineSeparator() {
        String s = launchSettings.get("line.separator");
        return s != null ? s : hostAtLaunch.getProperty("line.separator", "\n");
    }

    // ------------------------------------------------------------------ locales and time zone

    /** {@code Locale.getDefault()} (category null) or {@code Locale.getDefault(category)}. */
    public Locale locale(Locale.Category category) {
        if (category == null) {
            return locale;
        }
        return category == Locale.Category.DISPLAY ? displayLocale : formatLocale;
    }

    /** {@code Locale.setDefault(l)}: the plain default and both categories, as the JDK does. */
    public void setLocale(Locale l) {
        displayLocale = l;
        formatLocale = l;
        locale = l;
    }

    public void setLocale(Locale.Category category, Locale l) {
        if (category == Locale.Category.DISPLAY) {
            displayLocale = l;
        } else {
            formatLocale = l;
        }
    }

    /** Whether this VM's default locale of {@code category} (null: the plain default) is not the JVM's. */
    public boolean localeDiffers(Locale.Category category) {
        Locale jvm = category == null ? Locale.getDefault() : Locale.getDefault(category);
        return !locale(category).equals(jvm);
    }

    /**
     * The default time zone object itself (the JDK's {@code getDefaultRef}); {@code TimeZone.getDefault()}
     * hands out clones. Derived from {@code user.timezone} when unset, which is then set to its ID.
     */
    public TimeZone zoneRef() {
        TimeZone z = zone;
        if (z == null) {
            z = derivedZone();
            properties().setProperty("user.timezone", z.getID());
            zone = z;
        }
        return z;
    }

    /** The zone {@code user.timezone} names (the JVM's default if unset or empty). */
    private TimeZone derivedZone() {
        String id = properties().getProperty("user.timezone");
        return id == null || id.isEmpty() ? TimeZone.getDefault() : TimeZone.getTimeZone(id);
    }

    /** {@code TimeZone.setDefault(z)}; null makes the next read derive it from user.timezone again. */
    public void setZone(TimeZone z) {
        zone = z;
    }

    public ZoneId zoneId() {
        return zoneRef().toZoneId();
    }

    /** Whether this VM's default time zone is not the JVM's. */
    public boolean zoneDiffers() {
        // Not zoneRef(): a method that merely might read the zone must not fix it (and user.timezone)
        // before the JDK would, so a later System.setProperty("user.timezone", ...) still counts.
        TimeZone z = zone;
        if (z == null) {
            String id = properties().getProperty("user.timezone");
            if (!Objects.equals(id, peekedId) || peeked == null) {
                peeked = derivedZone();
                peekedId = id;
            }
            z = peeked;
        }
        return !z.equals(TimeZone.getDefault());
    }

    // ------------------------------------------------------------------ Runtime figures

    /** What {@code java.lang.Runtime} reports: the simulated device. */
    public RuntimeFigures runtime() {
        return runtime;
    }
}
