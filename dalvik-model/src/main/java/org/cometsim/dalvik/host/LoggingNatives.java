package org.cometsim.dalvik.host;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmWorld;

/**
 * {@code java.util.logging} for guest code. Loggers are the VM's own ({@link VmLogging}: levels,
 * handlers and console output per VM), otherwise the JDK's {@code Logger} code, with two things the
 * bridge cannot do by itself:
 * {@code Logger.getLogger} is caller-sensitive (a public method handle cannot bind it), and a
 * log record's source class and method would be inferred from the host stack (the interpreter's
 * frames). Here the logging calls a guest makes pass the calling guest frame's class and method
 * explicitly, so the console shows what {@code java} shows, and the record's time is the VM's
 * clock. Logging is console output: client-pinned. A guest exception passed as a record's
 * {@code Throwable} stops as unsupported (it is not a host exception the handler could print).
 */
final class LoggingNatives {
    private LoggingNatives() {
    }

    private static final String L = "java.util.logging.Logger";
    private static final Placement PIN = Placement.CLIENT_PINNED;

    static void register(NativeRegistry reg, VmLogging logging, VmWorld world, GuestExceptions exceptions, HostBridge bridge) {
        reg.register(L, "getLogger", "(Ljava/lang/String;)Ljava/util/logging/Logger;", true, PIN, "io",
                (in, t, a) -> {
                    if (a[0] == null) {
                        throw exceptions.npe(t, null);
                    }
                    return logging.logger((String) a[0]);
                });
        reg.register(L, "getLogger", "(Ljava/lang/String;Ljava/lang/String;)Ljava/util/logging/Logger;", true, PIN, "io",
                (in, t, a) -> {
                    throw VmError.unsupported(L + ".getLogger(Ljava/lang/String;Ljava/lang/String;) (resource-bundle loggers)");
                });
        reg.register(L, "getGlobal", "()Ljava/util/logging/Logger;", true, PIN, "io", (in, t, a) -> logging.global());
        reg.register(L, "getAnonymousLogger", "()Ljava/util/logging/Logger;", true, PIN, "io",
                (in, t, a) -> logging.anonymous());
        reg.register(L, "getAnonymousLogger", "(Ljava/lang/String;)Ljava/util/logging/Logger;", true, PIN, "io", (in, t, a) -> {
            throw VmError.unsupported(L + ".getAnonymousLogger(Ljava/lang/String;) (resource-bundle loggers)");
        });
        // A guest's own SimpleFormatter and ConsoleHandler use the VM's format, zone, locale and System.err.
        reg.register("java.util.logging.SimpleFormatter", "<init>", "()V", false, PIN, "io",
                (in, t, a) -> new VmLogging.VmSimpleFormatter(world));
        reg.register("java.util.logging.ConsoleHandler", "<init>", "()V", false, PIN, "io",
                (in, t, a) -> new VmLogging.ConsoleHandler(world));
        // Every logger the guest gets is one of the VM's (VmLogger); the JDK class's name stays for completeness.
        for (String owner : new String[] {L, VmLogging.VmLogger.class.getName()}) {
            registerLoggingCalls(reg, owner, world, bridge);
        }
    }

    private static void registerLoggingCalls(NativeRegistry reg, String owner, VmWorld world, HostBridge bridge) {
        String[][] byLevel = {{"severe", "SEVERE"}, {"warning", "WARNING"}, {"info", "INFO"}, {"config", "CONFIG"},
            {"fine", "FINE"}, {"finer", "FINER"}, {"finest", "FINEST"}};
        for (String[] lv : byLevel) {
            Level level = Level.parse(lv[1]);
            reg.register(owner, lv[0], "(Ljava/lang/String;)V", false, PIN, "io", (in, t, a) -> {
                log(world, t.top, (Logger) a[0], level, (String) a[1], null, null);
                return null;
            });
        }
        reg.register(owner, "log", "(Ljava/util/logging/Level;Ljava/lang/String;)V", false, PIN, "io", (in, t, a) -> {
            log(world, t.top, (Logger) a[0], (Level) a[1], (String) a[2], null, null);
            return null;
        });
        reg.register(owner, "log", "(Ljava/util/logging/Level;Ljava/lang/String;Ljava/lang/Object;)V", false, PIN, "io",
                (in, t, a) -> {
                    log(world, t.top, (Logger) a[0], (Level) a[1], (String) a[2],
                            new Object[] {bridge.toHost(a[3], Object.class)}, null);
                    return null;
                });
        reg.register(owner, "log", "(Ljava/util/logging/Level;Ljava/lang/String;[Ljava/lang/Object;)V", false, PIN, "io",
                (in, t, a) -> {
                    log(world, t.top, (Logger) a[0], (Level) a[1], (String) a[2],
                            (Object[]) bridge.toHost(a[3], Object[].class), null);
                    return null;
                });
        reg.register(owner, "log", "(Ljava/util/logging/Level;Ljava/lang/String;Ljava/lang/Throwable;)V", false, PIN, "io",
                (in, t, a) -> {
                    Logger logger = (Logger) a[0];
                    if (a[3] != null && logger.isLoggable((Level) a[1])) {
                        Object twin = a[3] instanceof GuestObject g ? g.vmData : null;
                        if (!(twin instanceof Throwable)) {
                            throw VmError.unsupported(L + ".log(Level, String, Throwable) with a guest exception");
                        }
                        log(world, t.top, logger, (Level) a[1], (String) a[2], null, (Throwable) twin);
                    } else if (a[3] == null) {
                        log(world, t.top, logger, (Level) a[1], (String) a[2], null, null);
                    }
                    return null;
                });
    }

    /**
     * What {@code Logger.logp} does, with the calling guest frame as the source and the VM's clock
     * as the record's time.
     */
    private static void log(VmWorld world, Frame f, Logger logger, Level level, String msg, Object[] params, Throwable thrown) {
        if (!logger.isLoggable(level)) {
            return;
        }
        LogRecord r = new LogRecord(level, msg);
        r.setSourceClassName(source(f));
        r.setSourceMethodName(method(f));
        r.setParameters(params);
        r.setThrown(thrown);
        r.setLoggerName(logger.getName());
        r.setInstant(world.instant());
        logger.log(r);
    }

    private static String source(Frame f) {
        return f == null ? null : f.method.owner.name;
    }

    private static String method(Frame f) {
        return f == null ? null : f.method.name;
    }
}
