package golden;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * System properties as guest code sets and reads them (per VM under comet: the JVM's are not
 * touched): set/get/clear with the JDK's return values and errors, the Properties object itself,
 * the readers Integer.getInteger, Long.getLong, Boolean.getBoolean, setProperties(p) and (null),
 * lineSeparator fixed at startup; System.setOut; Runtime figures only as relations (their values
 * are the device's, not the host's, so they are not printed).
 */
public class G060_SystemProperties {
    public static void main(String[] args) {
        System.out.println("unset: " + System.getProperty("comet.g060") + " " + System.getProperty("comet.g060", "dflt"));
        System.out.println("set returns: " + System.setProperty("comet.g060", "one"));
        System.out.println("set again returns: " + System.setProperty("comet.g060", "two"));
        System.out.println("get: " + System.getProperty("comet.g060") + " " + System.getProperty("comet.g060", "dflt"));
        Properties p = System.getProperties();
        System.out.println("object: " + p.getProperty("comet.g060") + " " + (p == System.getProperties()));
        p.setProperty("comet.g060.viaObject", "three");
        System.out.println("via object: " + System.getProperty("comet.g060.viaObject"));
        System.out.println("clear returns: " + System.clearProperty("comet.g060") + " then " + System.getProperty("comet.g060"));

        System.setProperty("comet.int", "0x10");
        System.setProperty("comet.long", "-077");
        System.setProperty("comet.bool", "TRUE");
        System.setProperty("comet.bad", "x1");
        System.out.println("getInteger: " + Integer.getInteger("comet.int") + " " + Integer.getInteger("comet.bad") + " "
                + Integer.getInteger("comet.bad", 7) + " " + Integer.getInteger("comet.none", Integer.valueOf(8)) + " "
                + Integer.getInteger("") + " " + Integer.getInteger(null));
        System.out.println("getLong: " + Long.getLong("comet.long") + " " + Long.getLong("comet.none", 5L) + " "
                + Long.getLong("comet.bad", Long.valueOf(6)));
        System.out.println("getBoolean: " + Boolean.getBoolean("comet.bool") + " " + Boolean.getBoolean("comet.bad") + " "
                + Boolean.getBoolean(null) + " " + Boolean.getBoolean(""));

        try {
            System.getProperty(null);
        } catch (NullPointerException e) {
            System.out.println("NPE " + e.getMessage());
        }
        try {
            System.getProperty("");
        } catch (IllegalArgumentException e) {
            System.out.println("IAE " + e.getMessage());
        }
        try {
            System.setProperty("comet.k", null);
        } catch (NullPointerException e) {
            System.out.println("NPE for a null value");
        }
        try {
            System.clearProperty("");
        } catch (IllegalArgumentException e) {
            System.out.println("IAE " + e.getMessage());
        }

        String sep = System.lineSeparator();
        System.setProperty("line.separator", "XX");
        System.out.println("lineSeparator unchanged: " + sep.equals(System.lineSeparator()) + ", property now "
                + System.getProperty("line.separator"));

        Properties mine = new Properties();
        mine.setProperty("only", "this");
        System.setProperties(mine);
        System.out.println("replaced: " + (System.getProperties() == mine) + " " + System.getProperty("only") + " "
                + System.getProperty("java.version") + " " + System.getProperty("comet.int"));
        System.setProperties(null);
        System.out.println("reset: " + (System.getProperty("java.version") != null) + " " + System.getProperty("only") + " "
                + System.getProperty("comet.int") + " " + System.getProperty("line.separator").equals(sep));

        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.out.println("into the buffer");
        System.setOut(original);
        System.out.println("setOut: [" + captured.toString(StandardCharsets.UTF_8).trim() + "] " + (System.out == original));

        Runtime r = Runtime.getRuntime();
        System.out.println("runtime: " + (r.availableProcessors() >= 1) + " " + (r.maxMemory() >= r.totalMemory()) + " "
                + (r.totalMemory() >= r.freeMemory()) + " " + (r.freeMemory() > 0) + " " + (r == Runtime.getRuntime()));
    }
}
