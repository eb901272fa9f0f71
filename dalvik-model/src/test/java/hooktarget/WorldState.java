package hooktarget;

import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Guest code that sets and reads what is JVM-global on a JVM (properties, default locale and
 * time zone, a logger's level) and what reads it implicitly; {@code WorldStateTest} runs it in two
 * VMs in one JVM, interleaved.
 */
public class WorldState {
    /** Kept so the logger (and its level) cannot be collected between calls, as on a JVM. */
    static Logger logger;

    public static void configure(String endpoint, String language, String country, String zone, String level) {
        System.setProperty("comet.endpoint", endpoint);
        Locale.setDefault(new Locale(language, country));
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        logger = Logger.getLogger("comet.world");
        logger.setLevel(Level.parse(level));
    }

    public static String describe() {
        Logger l = Logger.getLogger("comet.world");
        return String.join("|",
                System.getProperty("comet.endpoint"),
                Locale.getDefault() + "/" + Locale.getDefault(Locale.Category.FORMAT) + "/" + Locale.getDefault(Locale.Category.DISPLAY),
                TimeZone.getDefault().getID(),
                String.format("%,d %.2f", 1234567, 3.5),
                "title".toUpperCase(),
                new Date(0).toString(),
                String.valueOf(l.getLevel()),
                String.valueOf(l.isLoggable(Level.FINE)),
                NumberFormat.getInstance().format(1234.5),
                ZoneId.systemDefault().toString(),
                new SimpleDateFormat("EEEE HH:mm").format(new Date(0)),
                Calendar.getInstance().getTimeZone().getID(),
                LocalDateTime.ofInstant(Instant.EPOCH, ZoneId.systemDefault()).toString());
    }

    /** Clears the property and resets the time zone to the one derived from user.timezone. */
    public static String clearAndReset() {
        System.clearProperty("comet.endpoint");
        System.setProperty("user.timezone", "UTC");
        TimeZone.setDefault(null);
        return System.getProperty("comet.endpoint") + "|" + TimeZone.getDefault().getID();
    }

    public static void log(String message) {
        Logger.getLogger("comet.world").warning(message);
    }

    /** Iteration order of a guest HashMap keyed by JDK enum constants, and their identity hashes. */
    public static String enumOrder() {
        Map<TimeUnit, Integer> m = new HashMap<>();
        for (TimeUnit u : TimeUnit.values()) {
            m.put(u, u.ordinal());
        }
        StringBuilder sb = new StringBuilder();
        for (int pass = 0; pass < 2; pass++) {
            for (TimeUnit u : m.keySet()) {
                sb.append(u).append(' ');
            }
            sb.append("| ");
        }
        for (TimeUnit u : TimeUnit.values()) {
            sb.append(System.identityHashCode(u)).append(u.hashCode() == System.identityHashCode(u) ? "=" : "!").append(' ');
        }
        return sb.toString();
    }

    /** One call that must stop with the unsupported-API error; returns only if it did not. */
    public static String refused(int which) throws Exception {
        switch (which) {
            case 0: System.setSecurityManager(null); break;
            case 1: java.net.URL.setURLStreamHandlerFactory(null); break;
            case 2: Runtime.getRuntime().loadLibrary("nothing"); break;
            case 3: java.util.logging.LogManager.getLogManager(); break;
            case 4: new java.io.File(".").toURI().toURL().openConnection().setDefaultUseCaches(false); break;
            case 5:
                TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
                return String.format("%s", new Date(0));
            case 6:
                TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
                return String.valueOf(new Date(0).getHours());
            default: break;
        }
        return "no refusal";
    }

    /** Hashes computed on the host from JDK enum constants, and what prints the VM's clock. */
    public static String hostHashes() {
        return java.util.Objects.hash(TimeUnit.SECONDS, "x", 3) + " " + java.util.Arrays.hashCode(new Object[] {TimeUnit.DAYS})
                + " " + java.util.Objects.hashCode(TimeUnit.HOURS) + " " + java.time.Clock.systemUTC();
    }

    public static String runtime() {
        Runtime r = Runtime.getRuntime();
        Object[] garbage = new Object[100];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new int[i];
        }
        return r.availableProcessors() + " " + r.maxMemory() + " " + r.totalMemory() + " " + r.freeMemory();
    }
}
