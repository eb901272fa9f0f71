package org.cometsim.dalvik.host;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmWorld;

/**
 * {@code java.util.logging} for one VM: its own logger namespace (root, {@code "global"}, named
 * and anonymous loggers, parents by dotted name as the {@code LogManager} assigns them), levels,
 * handlers and console output, none of which another VM or the host JVM sees. The loggers are
 * {@link Logger}s (a subclass the JVM's {@code LogManager} never registers), so guest code calls
 * their ordinary methods ({@code setLevel}, {@code addHandler}, {@code getParent},
 * {@code setUseParentHandlers} ...) through the host bridge.
 *
 * <p>Configuration as {@code java} would read it from the same {@code logging.properties}: the
 * root level ({@code .level}), a logger's level ({@code <name>.level}, when it is made), the
 * console handler's level; the console format from the VM's system property
 * {@code java.util.logging.SimpleFormatter.format}, else the JVM configuration's, else the JDK's
 * default. The root's console handler writes to the VM's {@code System.err} as it is when the
 * first record reaches it (the JDK's {@code ConsoleHandler} takes {@code System.err} when the
 * root's handlers are first used); times, time zone and locale of the output are the VM's.
 *
 * <p>Deviations, each a refusal or a documented difference: the {@code LogManager} itself is
 * refused ({@link GlobalSetters}); loggers with resource bundles are refused; loggers are held
 * strongly (the JVM forgets an unreferenced logger's level when it is collected, a notorious
 * non-determinism); {@code new ConsoleHandler()} in guest code gives a handler of this VM that
 * is a {@code StreamHandler}, not a {@code ConsoleHandler} (the JDK's would capture the host's
 * {@code System.err}); {@code LogRecord} sequence numbers stay the JVM's counter.
 */
public final class VmLogging {
    private final VmWorld world;
    private final Map<String, VmLogger> loggers = new HashMap<>();
    private VmLogger root;

    /** The loggers of the VM whose streams, properties, zone, locale and clock are {@code world}'s. */
    public VmLogging(VmWorld world) {
        this.world = world;
    }

    /** The root logger ({@code Logger.getLogger("")}). */
    public Logger root() {
        if (root == null) {
            root = new VmLogger("");
            root.setLevel(configuredLevel(".level", Level.INFO));
            root.addHandler(new ConsoleHandler(world));
            loggers.put("", root);
        }
        return root;
    }

    /** {@code Logger.getGlobal()} and the field {@code Logger.global}. */
    public Logger global() {
        return logger(Logger.GLOBAL_LOGGER_NAME);
    }

    /** {@code Logger.getLogger(name)}: this VM's logger of that name, made on first use. */
    public Logger logger(String name) {
        root();
        VmLogger l = loggers.get(name);
        if (l != null) {
            return l;
        }
        l = new VmLogger(name);
        Level configured = configuredLevel(name + ".level", null);
        if (configured != null) {
            l.setLevel(configured);
        }
        l.setParent(nearestAncestor(name));
        // Loggers made earlier below this name now inherit from it (the LogManager's re-parenting).
        for (VmLogger other : new ArrayList<>(loggers.values())) {
            if (other.getName().startsWith(name + ".") && other.getParent().getName().length() < name.length()) {
                other.setParent(l);
            }
        }
        loggers.put(name, l);
        return l;
    }

    /** {@code Logger.getAnonymousLogger()}: a fresh unnamed logger under this VM's root. */
    public Logger anonymous() {
        VmLogger l = new VmLogger(null);
        l.setParent(root());
        return l;
    }

    private Logger nearestAncestor(String name) {
        for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
            VmLogger a = loggers.get(name.substring(0, dot));
            if (a != null) {
                return a;
            }
        }
        return root;
    }

    /** A level from the JVM's logging configuration (read only), or {@code otherwise}. */
    private static Level configuredLevel(String key, Level otherwise) {
        String v = LogManager.getLogManager().getProperty(key);
        if (v == null) {
            return otherwise;
        }
        try {
            return Level.parse(v.trim());
        } catch (IllegalArgumentException e) {
            return otherwise; // as the LogManager: a bad level is ignored
        }
    }

    /** A logger of one VM; never registered with the JVM's LogManager. */
    static final class VmLogger extends Logger {
        VmLogger(String name) {
            super(name, null);
        }

        @Override
        public void setResourceBundle(java.util.ResourceBundle bundle) {
            throw VmError.unsupported("java.util.logging.Logger.setResourceBundle(Ljava/util/ResourceBundle;)V "
                    + "(localized loggers read the JVM's default locale)");
        }
    }

    /** The console handler of a VM: its {@code System.err}, its format, flushed after each record. */
    static final class ConsoleHandler extends StreamHandler {
        private final VmWorld world;
        private boolean bound;

        ConsoleHandler(VmWorld world) {
            this.world = world;
            setFormatter(new VmSimpleFormatter(world));
            setLevel(configuredLevel("java.util.logging.ConsoleHandler.level", Level.INFO));
            setErrorManager(new VmErrorManager(world));
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (!bound) {
                setOutputStream(world.err()); // no stream yet, so nothing is closed
                bound = true;
            }
            super.publish(record);
            flush();
            if (getErrorManager() instanceof VmErrorManager m && m.pending != null) {
                VmError e = m.pending;
                m.pending = null;
                throw e;
            }
        }

        /** Flushes only: the stream is the VM's System.err, which stays open (as ConsoleHandler does). */
        @Override
        public synchronized void close() {
            flush();
        }
    }

    /**
     * A handler's error report on the VM's {@code System.err} (the JDK's goes to the host's); a VM
     * error (an unsupported API met while formatting) is kept and rethrown by the handler once the
     * JDK's {@code publish}, which catches everything, has returned: it stops the run.
     */
    static final class VmErrorManager extends java.util.logging.ErrorManager {
        private final VmWorld world;
        private boolean reported;

        VmErrorManager(VmWorld world) {
            this.world = world;
        }

        /** A VM error met inside the handler (which catches everything), rethrown after it returns. */
        private VmError pending;

        @Override
        public synchronized void error(String msg, Exception ex, int code) {
            if (ex instanceof VmError e) {
                pending = e;
                return;
            }
            if (reported) {
                return;
            }
            reported = true;
            String text = "java.util.logging.ErrorManager: " + code;
            world.err().println(msg != null ? text + ": " + msg : text);
            if (ex != null) {
                ex.printStackTrace(world.err());
            }
        }
    }

    /**
     * {@code SimpleFormatter} with the VM's time zone, format locale, localized level names and
     * clock (the record's instant is the VM's when the VM made the record).
     */
    static final class VmSimpleFormatter extends SimpleFormatter {
        private static final String DEFAULT_FORMAT = "%1$tb %1$td, %1$tY %1$tl:%1$tM:%1$tS %1$Tp %2$s%n%4$s: %5$s%6$s%n";
        private static final String FORMAT_KEY = "java.util.logging.SimpleFormatter.format";
        private final VmWorld world;
        private final String format;
        /** Whether the format prints the level name (only then need it be localized). */
        private final boolean printsLevel;

        VmSimpleFormatter(VmWorld world) {
            this.world = world;
            String f = world.property(FORMAT_KEY);
            if (f == null) {
                f = LogManager.getLogManager().getProperty(FORMAT_KEY);
            }
            if (f != null) {
                try {
                    String.format(f, ZonedDateTime.now(world.systemClock(world.zoneId())), "", "", "", "", "");
                } catch (IllegalArgumentException e) {
                    f = null; // the JDK falls back to its default format
                }
            }
            this.format = f != null ? f : DEFAULT_FORMAT;
            // The level is argument 4: named as %4$, or reached by a specifier without an index.
            this.printsLevel = format.contains("%4$") || hasUnindexedSpecifier(format);
        }

        /** A specifier without an argument index ({@code %s}, not {@code %2$s}, {@code %<s}, {@code %n}, {@code %%}). */
        private static boolean hasUnindexedSpecifier(String f) {
            for (int i = f.indexOf('%'); i >= 0 && i + 1 < f.length(); i = f.indexOf('%', i + 2)) {
                char c = f.charAt(i + 1);
                if (c == '%' || c == 'n' || c == '<') {
                    continue;
                }
                int j = i + 1;
                while (j < f.length() && Character.isDigit(f.charAt(j))) {
                    j++;
                }
                if (j == i + 1 || j >= f.length() || f.charAt(j) != '$') {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String format(LogRecord record) {
            ZonedDateTime zdt = ZonedDateTime.ofInstant(record.getInstant(), world.zoneId());
            String source;
            if (record.getSourceClassName() != null) {
                source = record.getSourceClassName();
                if (record.getSourceMethodName() != null) {
                    source += " " + record.getSourceMethodName();
                }
            } else {
                source = record.getLoggerName();
            }
            String message = formatMessage(record);
            String throwable = "";
            if (record.getThrown() != null) {
                StringWriter sw = new StringWriter();
                PrintWriter pw = new PrintWriter(sw);
                pw.println();
                record.getThrown().printStackTrace(pw);
                pw.close();
                throwable = sw.toString();
            }
            String level = printsLevel ? levelName(record.getLevel()) : record.getLevel().getName();
            return String.format(world.locale(Locale.Category.FORMAT), format, zdt, source, record.getLoggerName(),
                    level, message, throwable);
        }

        private String levelName(Level level) {
            Locale vmDefault = world.locale(null);
            if (!vmDefault.equals(Locale.getDefault()) && (ImplicitDefaults.translatesLevels(vmDefault)
                    || ImplicitDefaults.translatesLevels(Locale.getDefault()))) {
                throw VmError.unsupported("java.util.logging level names localized for " + vmDefault + " (the JDK localizes "
                        + "them only with the JVM's default locale, and this VM's differs)");
            }
            return level.getLocalizedName();
        }

        /** {@code Formatter.formatMessage} with the VM's format locale and zone for {0}-style parameters. */
        @Override
        public String formatMessage(LogRecord record) {
            String msg = record.getMessage();
            Object[] parameters = record.getParameters();
            if (msg == null || parameters == null || parameters.length == 0) {
                return msg;
            }
            try {
                int index = -1;
                int fence = msg.length() - 1;
                while ((index = msg.indexOf('{', index + 1)) > -1) {
                    if (index >= fence) {
                        break;
                    }
                    char digit = msg.charAt(index + 1);
                    if (digit >= '0' && digit <= '9') {
                        java.text.MessageFormat mf = new java.text.MessageFormat(msg, world.locale(Locale.Category.FORMAT));
                        for (java.text.Format f : mf.getFormats()) {
                            if (f instanceof java.text.DateFormat df) {
                                df.setTimeZone((java.util.TimeZone) world.zoneRef().clone());
                            }
                        }
                        return mf.format(parameters);
                    }
                }
                return msg;
            } catch (Exception ex) {
                return msg; // as the JDK: a bad pattern prints the raw message
            }
        }
    }
}
