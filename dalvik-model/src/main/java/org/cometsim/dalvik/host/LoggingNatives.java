package org.cometsim.dalvik.host;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.Frame;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmError;

/**
 * {@code java.util.logging} for guest code. The JDK's loggers are used as they are (levels,
 * handlers, the console format), with two things the bridge cannot do by itself:
 * {@code Logger.getLogger} is caller-sensitive (a public method handle cannot bind it), and a
 * log record's source class and method would be inferred from the host stack (the interpreter's
 * frames). Here the logging calls a guest makes pass the calling guest frame's class and method
 * explicitly ({@code logp}), so the console shows what {@code java} shows. Logging is console
 * output: client-pinned. A guest exception passed as a record's {@code Throwable} stops as
 * unsupported (it is not a host exception the handler could print).
 */
final class LoggingNatives {
    private LoggingNatives() {
    }

    private static final String L = "java.util.logging.Logger";
    private static final Placement PIN = Placement.CLIENT_PINNED;

    static void register(NativeRegistry reg, GuestExceptions exceptions, HostBridge bridge) {
        reg.register(L, "getLogger", "(Ljava/lang/String;)Ljava/util/logging/Logger;", true, PIN, "io",
                (in, t, a) -> {
                    if (a[0] == null) {
                        throw exceptions.npe(t, null);
                    }
                    return Logger.getLogger((String) a[0]);
                });
        reg.register(L, "getLogger", "(Ljava/lang/String;Ljava/lang/String;)Ljava/util/logging/Logger;", true, PIN, "io",
                (in, t, a) -> {
                    throw VmError.unsupported(L + ".getLogger(Ljava/lang/String;Ljava/lang/String;) (resource-bundle loggers)");
                });
        String[][] byLevel = {{"severe", "SEVERE"}, {"warning", "WARNING"}, {"info", "INFO"}, {"config", "CONFIG"},
            {"fine", "FINE"}, {"finer", "FINER"}, {"finest", "FINEST"}};
        for (String[] lv : byLevel) {
            Level level = Level.parse(lv[1]);
            reg.register(L, lv[0], "(Ljava/lang/String;)V", false, PIN, "io", (in, t, a) -> {
                Frame f = t.top;
                ((Logger) a[0]).logp(level, source(f), method(f), (String) a[1]);
                return null;
            });
        }
        reg.register(L, "log", "(Ljava/util/logging/Level;Ljava/lang/String;)V", false, PIN, "io", (in, t, a) -> {
            Frame f = t.top;
            ((Logger) a[0]).logp((Level) a[1], source(f), method(f), (String) a[2]);
            return null;
        });
        reg.register(L, "log", "(Ljava/util/logging/Level;Ljava/lang/String;Ljava/lang/Object;)V", false, PIN, "io",
                (in, t, a) -> {
                    Frame f = t.top;
                    ((Logger) a[0]).logp((Level) a[1], source(f), method(f), (String) a[2], bridge.toHost(a[3], Object.class));
                    return null;
                });
        reg.register(L, "log", "(Ljava/util/logging/Level;Ljava/lang/String;[Ljava/lang/Object;)V", false, PIN, "io",
                (in, t, a) -> {
                    Frame f = t.top;
                    ((Logger) a[0]).logp((Level) a[1], source(f), method(f), (String) a[2],
                            (Object[]) bridge.toHost(a[3], Object[].class));
                    return null;
                });
        reg.register(L, "log", "(Ljava/util/logging/Level;Ljava/lang/String;Ljava/lang/Throwable;)V", false, PIN, "io",
                (in, t, a) -> {
                    Frame f = t.top;
                    Logger logger = (Logger) a[0];
                    if (a[3] != null && logger.isLoggable((Level) a[1])) {
                        Object twin = a[3] instanceof GuestObject g ? g.vmData : null;
                        if (!(twin instanceof Throwable)) {
                            throw VmError.unsupported(L + ".log(Level, String, Throwable) with a guest exception");
                        }
                        logger.logp((Level) a[1], source(f), method(f), (String) a[2], (Throwable) twin);
                    }
                    return null;
                });
    }

    private static String source(Frame f) {
        return f == null ? null : f.method.owner.name;
    }

    private static String method(Frame f) {
        return f == null ? null : f.method.name;
    }
}
