package org.cometsim.dalvik.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TimeZone;
import java.util.logging.Level;
import java.util.logging.LogManager;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.rt.RuntimeFigures;
import org.cometsim.dalvik.rt.VmClock;
import org.cometsim.dalvik.rt.VmError;
import org.junit.jupiter.api.Test;

/**
 * Two VMs in one JVM (a COMET phone and server endpoint) each set system properties, the default
 * locale and time zone and a logger's level, interleaved, and print what they see, including
 * what reads those defaults implicitly (String.format, toUpperCase, Date.toString, NumberFormat,
 * SimpleDateFormat, Calendar, java.time). Neither sees the other's, and the host JVM's globals are
 * unchanged afterwards. Expected values come from the JDK's explicit-locale and explicit-zone APIs,
 * which read no default.
 */
class WorldStateTest {
    private static final String TARGET = "hooktarget.WorldState";
    private static final String CONFIGURE = "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V";
    private static final Locale TURKISH = new Locale("tr", "TR");
    /** A language java.util.logging has no translated level names for (so the console can print them). */
    private static final Locale DUTCH = new Locale("nl", "NL");

    /** The host JVM's globals the guests could have touched. */
    private record HostWorld(Locale locale, Locale display, Locale format, TimeZone zone, Properties properties,
                             Level rootLevel, boolean hasWorldLogger, PrintStream out, PrintStream err) {
        static HostWorld now() {
            LogManager lm = LogManager.getLogManager();
            return new HostWorld(Locale.getDefault(), Locale.getDefault(Locale.Category.DISPLAY),
                    Locale.getDefault(Locale.Category.FORMAT), TimeZone.getDefault(), (Properties) System.getProperties().clone(),
                    lm.getLogger("").getLevel(), lm.getLogger("comet.world") != null, System.out, System.err);
        }
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }

    private static String expected(String endpoint, Locale l, String zone, String dateString, String level, boolean fine) {
        SimpleDateFormat weekday = new SimpleDateFormat("EEEE HH:mm", l);
        weekday.setTimeZone(TimeZone.getTimeZone(zone));
        String local = java.time.LocalDateTime.ofInstant(java.time.Instant.EPOCH, java.time.ZoneId.of(zone)).toString();
        return String.join("|", endpoint, l + "/" + l + "/" + l, zone, String.format(l, "%,d %.2f", 1234567, 3.5),
                "title".toUpperCase(l), dateString, level, Boolean.toString(fine), NumberFormat.getInstance(l).format(1234.5),
                zone, weekday.format(new Date(0)), zone, local);
    }

    @Test
    void twoVmsKeepTheirOwnPropertiesLocaleTimeZoneAndLoggers() throws Exception {
        HostWorld before = HostWorld.now();
        assumeFalse(List.of("tr", "nl").contains(before.locale().getLanguage()), "the host's own locale is one the VMs set");
        ByteArrayOutputStream phoneErr = new ByteArrayOutputStream();
        ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
        Vm phone = Corpus.newVm(Corpus.capture(new ByteArrayOutputStream()), Corpus.capture(phoneErr));
        Vm server = Corpus.newVm(Corpus.capture(new ByteArrayOutputStream()), Corpus.capture(serverErr));

        phone.invokeStatic(TARGET, "configure", CONFIGURE, "phone", "tr", "TR", "Asia/Tokyo", "FINE");
        // The server has not set anything yet: it sees the host's defaults and none of the phone's.
        String serverFresh = (String) server.invokeStatic(TARGET, "describe", "()Ljava/lang/String;");
        List<String> fresh = List.of(serverFresh.split("\\|"));
        assertEquals("null", fresh.get(0), serverFresh);
        assertEquals(before.locale() + "/" + before.format() + "/" + before.display(), fresh.get(1));
        assertEquals(before.zone().getID(), fresh.get(2));
        assertEquals("title".toUpperCase(before.locale()), fresh.get(4));
        assertEquals(new Date(0).toString(), fresh.get(5), "the host's own Date.toString in its default zone");

        server.invokeStatic(TARGET, "configure", CONFIGURE, "server", "nl", "NL", "America/New_York", "WARNING");
        String phoneSees = (String) phone.invokeStatic(TARGET, "describe", "()Ljava/lang/String;");
        String serverSees = (String) server.invokeStatic(TARGET, "describe", "()Ljava/lang/String;");
        assertEquals(expected("phone", TURKISH, "Asia/Tokyo", "Thu Jan 01 09:00:00 JST 1970", "FINE", true), phoneSees);
        assertEquals(expected("server", DUTCH, "America/New_York", "Wed Dec 31 19:00:00 EST 1969", "WARNING", false),
                serverSees);
        assertTrue(phoneSees.contains("TİTLE"), phoneSees); // the Turkish dotted capital I

        // Clearing and resetting in one VM leaves the other as it was.
        assertEquals("null|UTC", phone.invokeStatic(TARGET, "clearAndReset", "()Ljava/lang/String;"));
        assertEquals(serverSees, server.invokeStatic(TARGET, "describe", "()Ljava/lang/String;"));

        // Each VM's console handler writes to that VM's System.err.
        phone.invokeStatic(TARGET, "log", "(Ljava/lang/String;)V", "hello from the phone");
        server.invokeStatic(TARGET, "log", "(Ljava/lang/String;)V", "hello from the server");
        assertTrue(text(phoneErr).contains("hello from the phone"), text(phoneErr));
        assertFalse(text(phoneErr).contains("server"), text(phoneErr));
        assertTrue(text(serverErr).contains("hello from the server"), text(serverErr));
        assertFalse(text(serverErr).contains("phone"), text(serverErr));

        HostWorld after = HostWorld.now();
        assertEquals(before.locale(), after.locale());
        assertEquals(before.display(), after.display());
        assertEquals(before.format(), after.format());
        assertEquals(before.zone(), after.zone());
        assertEquals(before.properties(), after.properties());
        assertNull(System.getProperty("comet.endpoint"));
        assertEquals(before.rootLevel(), after.rootLevel());
        assertFalse(after.hasWorldLogger(), "a guest logger reached the JVM's LogManager");
        assertSame(before.out(), after.out());
        assertSame(before.err(), after.err());
    }

    /**
     * The JDK localizes level names only with the JVM's default locale: a VM whose default has
     * translated names (French) that differs from the JVM's cannot print them, and says so
     * instead of printing English ones; a format without the level still works.
     */
    @Test
    void loggingLocalizedLevelNamesForAnotherLocaleStopsPrecisely() throws Exception {
        assumeFalse(Locale.getDefault().getLanguage().equals("fr"), "the host's own locale is French");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Vm vm = Corpus.newVm(Corpus.capture(new ByteArrayOutputStream()), Corpus.capture(err));
        vm.invokeStatic(TARGET, "configure", CONFIGURE, "phone", "fr", "FR", "UTC", "INFO");
        VmError e = assertThrows(VmError.class, () -> vm.invokeStatic(TARGET, "log", "(Ljava/lang/String;)V", "bonjour"));
        assertTrue(e.getMessage().startsWith("unsupported API: java.util.logging level names localized for fr_FR"), e.getMessage());

        Vm plain = Corpus.newVm(Corpus.capture(new ByteArrayOutputStream()), Corpus.capture(err));
        plain.setGuestProperty("java.util.logging.SimpleFormatter.format", "[%5$s]%n");
        plain.invokeStatic(TARGET, "configure", CONFIGURE, "phone", "fr", "FR", "UTC", "INFO");
        plain.invokeStatic(TARGET, "log", "(Ljava/lang/String;)V", "bonjour");
        assertEquals("[bonjour]" + System.lineSeparator(), text(err));
    }

    @Test
    void aHashMapKeyedByAJdkEnumIteratesInTheSameOrderInEveryFreshVm() throws Exception {
        String first = (String) Corpus.newVm(System.out, System.err).invokeStatic(TARGET, "enumOrder", "()Ljava/lang/String;");
        String second = (String) Corpus.newVm(System.out, System.err).invokeStatic(TARGET, "enumOrder", "()Ljava/lang/String;");
        assertEquals(first, second);
        String[] parts = first.split("\\| ");
        assertEquals(parts[0], parts[1], "two passes over one map");
        assertFalse(first.contains("!"), "hashCode of a JDK enum constant is its identity hash: " + first);
    }

    @Test
    void jvmGlobalSettersAndDefaultReadersWithoutAnOverloadStopPrecisely() throws Exception {
        String[] expected = {
            "unsupported API: java.lang.System.setSecurityManager(Ljava/lang/SecurityManager;)V (the security manager is JVM-wide)",
            "unsupported API: java.net.URL.setURLStreamHandlerFactory(Ljava/net/URLStreamHandlerFactory;)V (a JVM-wide networking",
            "unsupported API: java.lang.Runtime.loadLibrary(Ljava/lang/String;)V (loads a native library into the host JVM)",
            "unsupported API: java.util.logging.LogManager.getLogManager()Ljava/util/logging/LogManager; (the LogManager is JVM-wide",
            "unsupported API: java.net.URLConnection.setDefaultUseCaches(Z)V (a JVM-wide networking default",
            "unsupported API: java.lang.String.format(Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String; with a java.util.Date",
            "unsupported API: java.util.Date.getHours()I reads the JVM's default time zone, and this VM's differs",
        };
        assumeFalse(TimeZone.getDefault().getID().equals("Asia/Tokyo"), "the host's own zone is the one the guest sets");
        for (int k = 0; k < expected.length; k++) {
            Vm vm = Corpus.newVm(System.out, System.err);
            int which = k;
            VmError e = assertThrows(VmError.class, () -> vm.invokeStatic(TARGET, "refused", "(I)Ljava/lang/String;", which));
            assertTrue(e.getMessage().startsWith(expected[k]), e.getMessage());
        }
    }

    @Test
    void hostHashesOfJdkEnumsAreTheVmsAndRepeatInFreshVms() throws Exception {
        String first = (String) Corpus.newVm(System.out, System.err).invokeStatic(TARGET, "hostHashes", "()Ljava/lang/String;");
        String second = (String) Corpus.newVm(System.out, System.err).invokeStatic(TARGET, "hostHashes", "()Ljava/lang/String;");
        assertEquals(first, second);
        assertTrue(first.endsWith(" SystemClock[Z]"), first);
    }

    @Test
    void runtimeReportsTheSimulatedDeviceDeterministically() throws Exception {
        String phone = (String) newVm(RuntimeFigures.PHONE_2012).invokeStatic(TARGET, "runtime", "()Ljava/lang/String;");
        String again = (String) newVm(RuntimeFigures.PHONE_2012).invokeStatic(TARGET, "runtime", "()Ljava/lang/String;");
        assertEquals(phone, again, "freeMemory depends on the VM's own allocations only");
        String[] f = phone.split(" ");
        assertEquals("1", f[0]);
        assertEquals(48L << 20, Long.parseLong(f[1]));
        assertEquals(16L << 20, Long.parseLong(f[2]));
        long free = Long.parseLong(f[3]);
        assertTrue(free <= (16L << 20) && free >= (2L << 20), phone);

        RuntimeFigures server = new RuntimeFigures(8, 4L << 30, 1L << 30);
        String[] s = ((String) newVm(server).invokeStatic(TARGET, "runtime", "()Ljava/lang/String;")).split(" ");
        assertEquals(List.of("8", Long.toString(4L << 30), Long.toString(1L << 30)), List.of(s[0], s[1], s[2]));
    }

    private static Vm newVm(RuntimeFigures figures) throws Exception {
        ClassPath cp = new ClassPath();
        cp.addDex("corpus.dex", Corpus.dex());
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new Vm(cp, new Vm.Options(sink, sink, System.in, VmClock.wallClock()).withRuntime(figures));
    }

    @Test
    void dateStringIsTheJdksDateToString() {
        TimeZone host = TimeZone.getDefault();
        long[] instants = {0, -1, 1, 86_399_999L, -62_135_769_600_000L, -12_219_292_800_001L, 253_402_300_799_999L,
            1_711_846_799_000L, 1_711_846_800_000L, 1_729_987_200_000L, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2};
        for (long t : instants) {
            assertEquals(new Date(t).toString(), ImplicitDefaults.dateString(t, host), "at " + t);
        }
        // Other zones (the JDK's toString cannot be asked without changing the JVM's default):
        // the same text as the JDK's pattern for years of four digits.
        for (String id : new String[] {"Asia/Tokyo", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "UTC"}) {
            SimpleDateFormat f = new SimpleDateFormat("EEE MMM dd HH:mm:ss zzz yyyy", Locale.US);
            f.setTimeZone(TimeZone.getTimeZone(id));
            for (long t : new long[] {0, 1_711_846_800_000L, 1_720_000_000_000L, 1_735_689_600_000L}) {
                assertEquals(f.format(new Date(t)), ImplicitDefaults.dateString(t, TimeZone.getTimeZone(id)), id + " at " + t);
            }
        }
    }
}
