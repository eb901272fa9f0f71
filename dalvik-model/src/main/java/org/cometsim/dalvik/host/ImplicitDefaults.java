package org.cometsim.dalvik.host;

import java.text.DateFormat;
import java.text.MessageFormat;
import java.text.SimpleDateFormat;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.function.Predicate;

import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestCalls;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmMethod;
import org.cometsim.dalvik.rt.VmWorld;

/**
 * Host library methods that read a JVM default implicitly (the default locale of some category,
 * the default time zone, or the system clock): {@code String.format(fmt, ...)},
 * {@code "x".toUpperCase()}, {@code new SimpleDateFormat(p)}, {@code Calendar.getInstance()},
 * {@code new Date(0).toString()}, {@code NumberFormat.getInstance()}, {@code new Scanner(in)},
 * {@code LocalDate.now()} ... With the defaults per VM ({@link VmWorld}) these must see the VM's
 * values, and cannot change the JVM's to do so (the other VM would see them). The mechanism, per
 * method (a {@link Rule}):
 * <ol>
 *   <li>While the VM's default that the method reads equals the JVM's, the host method runs as
 *       the bridge would run it (the bridge's own method is called): nothing visible changes.</li>
 *   <li>Once guest code has set a different default, the rule's fix runs instead: the JDK's
 *       explicit overload with the VM's value ({@code String.format(Locale, ...)},
 *       {@code toUpperCase(Locale)}, {@code Calendar.getInstance(TimeZone, Locale)},
 *       {@code DateTimeFormatter.withLocale}, a {@code setTimeZone} on a new {@code DateFormat},
 *       {@code Scanner.useLocale}), or the JDK's algorithm redone with the VM's value where it is
 *       short and public ({@code Date.toString}).</li>
 *   <li>Where the JDK offers no way to pass the value (the deprecated {@code Date} field methods,
 *       {@code ZipEntry} times, methods that lower-case internally), the call stops with the
 *       VM's unsupported-API error naming the default it would have read.</li>
 *   <li>Methods that read the current time ({@code now()}, {@code Clock.system*},
 *       {@code Calendar.getInstance}, {@code new Date()}) always read the VM's clock, the one
 *       {@code System.currentTimeMillis} reads (simulated time under {@code comet exec --cpu}).</li>
 * </ol>
 * Static methods and constructors are natives of their owner (found in the rule table on first
 * lookup, {@link NativeRegistry.Table}); instance methods are found by the class that declares
 * them ({@link #instanceRule}), so a subclass that overrides
 * the method (a {@code java.sql.Timestamp}'s {@code toString}) gets its own rule or none. Every
 * native has the placement and cost class the bridge gives the method it replaces. Which JDK
 * methods read a default is audited from the JDK's bytecode by {@code WorldAuditTest}; the
 * dalvik-model README lists the known gaps (host code that stringifies a {@code Date} inside
 * another host call than those covered here, guest subclasses of these library classes).
 */
final class ImplicitDefaults {
    private final VmWorld world;
    private final HostBridge bridge;
    private final ClassLinker linker;

    ImplicitDefaults(VmWorld world, HostBridge bridge, ClassLinker linker) {
        this.world = world;
        this.bridge = bridge;
        this.linker = linker;
    }

    // ------------------------------------------------------------------ rules

    /** What a method reads, and when that differs between the VM and the JVM. */
    private record Reads(String what, Predicate<Call> differs) {
        Reads or(Reads o) {
            return new Reads(what + " and " + o.what, c -> differs.test(c) || o.differs.test(c));
        }
    }

    private static final Reads LOCALE = new Reads("the JVM's default locale",
            c -> c.world.localeDiffers(null));
    private static final Reads DISPLAY = new Reads("the JVM's default DISPLAY locale",
            c -> c.world.localeDiffers(Locale.Category.DISPLAY));
    private static final Reads FORMAT = new Reads("the JVM's default FORMAT locale",
            c -> c.world.localeDiffers(Locale.Category.FORMAT));
    private static final Reads ZONE = new Reads("the JVM's default time zone", c -> c.world.zoneDiffers());
    private static final Reads FORMAT_ZONE = FORMAT.or(ZONE);
    /** The system clock (and a default): the VM's clock is always used. */
    private static final Reads CLOCK = new Reads("the system clock", c -> true);
    /**
     * Lower- or upper-casing with the default locale ({@code String.toLowerCase()} inside JDK code):
     * only Turkish, Azerbaijani and Lithuanian case differently from the root locale.
     */
    private static final Reads CASE = new Reads("the JVM's default locale (to change case)",
            c -> !caseLanguage(c.world.locale(null)).equals(caseLanguage(Locale.getDefault())));

    private static String caseLanguage(Locale l) {
        String lang = l.getLanguage();
        return lang.equals("tr") || lang.equals("az") || lang.equals("lt") ? lang : "";
    }

    /** The fix when the defaults differ; null: no way to pass the value, refuse. */
    @FunctionalInterface
    private interface Fix {
        Object apply(Call c) throws Throwable;
    }

    /**
     * One method and its fix, with the placement, cost class and element count the host bridge
     * gives the method (worked out once: every VM registers every rule).
     */
    private record Rule(String owner, String name, String desc, Reads reads, Fix fix, org.cometsim.dalvik.rt.Placement placement,
                        org.cometsim.dalvik.rt.HostCost cost) {
        Rule(String owner, String name, String desc, Reads reads, Fix fix) {
            this(owner, name, desc, reads, fix, PlacementRules.placementOf(owner, name), PlacementRules.costClassOf(owner, name));
        }
    }

    /**
     * The rule table, a constant of the class library: filled by this class's static initializer
     * (through {@link #st}, {@link #ctor}, {@link #inst}) and only read afterwards, through the
     * unmodifiable views below. Statics and constructors by owner + key; instance methods by
     * declaring class + key.
     */
    private static final Map<String, Rule> STATIC_TABLE = new HashMap<>();
    private static final Map<String, Rule> INSTANCE_TABLE = new HashMap<>();
    private static final Map<String, Rule> STATIC_RULES = java.util.Collections.unmodifiableMap(STATIC_TABLE);
    private static final Map<String, Rule> INSTANCE_RULES = java.util.Collections.unmodifiableMap(INSTANCE_TABLE);
    /** The classes declaring an instance rule, by key (a quick test before any reflection). */
    private static final Map<String, List<Class<?>>> DECLARER_TABLE = new HashMap<>();
    private static final Map<String, List<Class<?>>> DECLARERS = java.util.Collections.unmodifiableMap(DECLARER_TABLE);

    private static void st(String owner, String name, String desc, Reads reads, Fix fix) {
        Rule r = new Rule(owner, name, desc, reads, fix);
        if (STATIC_TABLE.put(owner + "." + name + desc, r) != null) {
            throw new IllegalStateException("rule twice: " + owner + "." + name + desc);
        }
    }

    private static void ctor(String owner, String desc, Reads reads, Fix fix) {
        st(owner, "<init>", desc, reads, fix);
    }

    private static void inst(String declarer, String name, String desc, Reads reads, Fix fix) {
        Rule r = new Rule(declarer, name, desc, reads, fix);
        if (INSTANCE_TABLE.put(declarer + "." + name + desc, r) != null) {
            throw new IllegalStateException("rule twice: " + declarer + "." + name + desc);
        }
    }

    /** Every method a rule covers, as {@code owner.name(desc)} (for the audit test). */
    static Set<String> coveredMethods() {
        Set<String> out = new HashSet<>(STATIC_RULES.keySet());
        out.addAll(INSTANCE_RULES.keySet());
        return out;
    }

    // ------------------------------------------------------------------ one call

    /** One intercepted call: its arguments (receiver first), and helpers for the fixes. */
    private static final class Call {
        final ImplicitDefaults d;
        final VmWorld world;
        final HostBridge bridge;
        final GuestCalls in;
        final GuestThread t;
        final Object[] a;
        final VmClass owner;
        final Rule rule;
        /** The bridge's method behind the rule, resolved once per VM and receiver class. */
        final VmMethod[] original;

        Call(ImplicitDefaults d, GuestCalls in, GuestThread t, Object[] a, VmClass owner, Rule rule, VmMethod[] original) {
            this.original = original;
            this.d = d;
            this.world = d.world;
            this.bridge = d.bridge;
            this.in = in;
            this.t = t;
            this.a = a;
            this.owner = owner;
            this.rule = rule;
        }

        Locale locale() {
            return world.locale(null);
        }

        Locale display() {
            return world.locale(Locale.Category.DISPLAY);
        }

        Locale format() {
            return world.locale(Locale.Category.FORMAT);
        }

        /** A copy of the VM's default zone, as {@code TimeZone.getDefault()} hands out. */
        TimeZone zone() {
            return (TimeZone) world.zoneRef().clone();
        }

        /** The VM's clock in its default zone. */
        java.time.Clock clock() {
            return world.systemClock(world.zoneId());
        }

        /** The VM's clock in {@code zone} (the JDK's {@code Clock.system(zone)}: null fails). */
        java.time.Clock clock(Object zone) {
            return world.systemClock(java.util.Objects.requireNonNull((ZoneId) zone, "zone"));
        }

        long millis() {
            return world.clock().currentTimeMillis();
        }

        /** Argument {@code i} as the host value of {@code type} the host method would get. */
        <T> T arg(int i, Class<T> type) {
            return type.cast(bridge.toHost(a[i], type));
        }

        /** Argument {@code i} (a guest {@code Object[]}) as host values, as the bridge passes varargs. */
        Object[] varargs(int i) {
            return (Object[]) bridge.toHost(a[i], Object[].class);
        }

        /** The receiver as a host object of {@code type} (a guest subclass: its host peer). */
        <T> T self(Class<T> type) {
            return arg(0, type);
        }

        Object guest(Object hostValue) {
            return bridge.toGuest(hostValue);
        }

        /** The intercepted method run as the host bridge runs it. */
        Object original() throws Throwable {
            VmMethod m = original[0];
            if (m == null) {
                m = d.original(owner, rule);
                original[0] = m;
            }
            return m.nativeImpl.invoke(in, t, a);
        }

        VmError refused() {
            return VmError.unsupported(rule.owner + "." + rule.name + rule.desc + " reads " + rule.reads.what
                    + ", and this VM's differs (set by guest code); the JDK offers no way to pass this VM's value to it");
        }
    }

    private VmMethod original(VmClass owner, Rule rule) {
        VmMethod m;
        if (rule.name.equals("<init>")) {
            m = bridge.hostConstructor(owner, rule.desc);
        } else if (STATIC_RULES.get(rule.owner + "." + rule.name + rule.desc) == rule) {
            m = bridge.hostStatic(owner, rule.name, rule.desc);
        } else {
            m = bridge.hostVirtualOrNull(owner, rule.name, rule.desc);
        }
        if (m == null) {
            throw new VmError("internal error: no host method behind " + owner.name + "." + rule.name + rule.desc);
        }
        return m;
    }

    private Object run(Rule r, VmClass owner, VmMethod[] original, GuestCalls in, GuestThread t, Object[] a) throws Throwable {
        Call c = new Call(this, in, t, a, owner, r, original);
        if (!r.reads.differs.test(c)) {
            return c.original();
        }
        if (r.fix == null) {
            throw c.refused();
        }
        Object res = r.fix.apply(c);
        // Host results cross into the guest as the bridge's would (counted in the host-state report).
        return res instanceof GuestObject || res instanceof org.cometsim.dalvik.rt.GuestArray || res instanceof VmClass
                ? res : c.guest(res);
    }

    /**
     * Makes the static and constructor rules natives of this VM: found in the rule table when the
     * VM first looks one up (a registration per rule would cost every new VM ~30 us).
     */
    void register(NativeRegistry reg) {
        reg.lookUpAlsoIn(this::entry);
    }

    private NativeRegistry.Entry entry(String ownerAndKey) {
        Rule r = STATIC_RULES.get(ownerAndKey);
        if (r == null) {
            return null;
        }
        VmMethod[] original = new VmMethod[1];
        VmClass owner = linker.classForDescriptor(Descriptors.toDescriptor(r.owner));
        return new NativeRegistry.Entry(r.owner, r.name, r.desc, !r.name.equals("<init>"), r.placement, r.cost,
                r.cost == org.cometsim.dalvik.rt.HostCost.MATH ? null : org.cometsim.dalvik.rt.HostCost::longestArgument,
                (in, t, a) -> run(r, owner, original, in, t, a));
    }

    /**
     * The native for instance method {@code key} on host receiver class {@code rc} when the class
     * that declares the method the receiver would run has a rule; else null (the bridge's method).
     */
    VmMethod instanceRule(VmClass rc, String key) {
        List<Class<?>> declarers = DECLARERS.get(key);
        if (declarers == null) {
            return null;
        }
        boolean candidate = false;
        for (Class<?> d : declarers) {
            candidate |= d.isAssignableFrom(rc.host);
        }
        if (!candidate) {
            return null; // most receivers (String.hashCode ...), without reflection
        }
        int paren = key.indexOf('(');
        String name = key.substring(0, paren);
        String desc = key.substring(paren);
        Class<?> declarer = declaringClass(rc.host, name, desc);
        Rule r = declarer == null ? null : INSTANCE_RULES.get(declarer.getName() + "." + key);
        if (r == null) {
            return null;
        }
        VmMethod[] original = new VmMethod[1];
        return WorldStateNatives.bridgeLikeMethod(rc, name, desc, false, (in, t, a) -> run(r, rc, original, in, t, a));
    }

    /** The class declaring the public method {@code name desc} that instances of {@code k} run. */
    private static Class<?> declaringClass(Class<?> k, String name, String desc) {
        java.util.List<String> ps = Descriptors.paramTypes(desc);
        Class<?>[] types = new Class<?>[ps.size()];
        try {
            for (int i = 0; i < types.length; i++) {
                types[i] = hostType(ps.get(i));
            }
            return k.getMethod(name, types).getDeclaringClass();
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null;
        }
    }

    private static Class<?> hostType(String d) throws ClassNotFoundException {
        switch (d.charAt(0)) {
            case 'I': return int.class;
            case 'J': return long.class;
            case 'Z': return boolean.class;
            case 'F': return float.class;
            case 'D': return double.class;
            case 'B': return byte.class;
            case 'C': return char.class;
            case 'S': return short.class;
            case '[': return Class.forName(d.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            default: return Class.forName(Descriptors.toClassName(d), false, ClassLoader.getPlatformClassLoader());
        }
    }

    // ------------------------------------------------------------------ helpers of the fixes

    /** A {@code DateFormat} made with the JVM's zone, moved to the VM's (when it differs). */
    private static Object zoned(Call c, Object dateFormat) {
        if (c.world.zoneDiffers() && dateFormat instanceof DateFormat f) {
            f.setTimeZone(c.zone());
        }
        return dateFormat;
    }

    /** A {@code MessageFormat}'s date and time subformats moved to the VM's zone (when it differs). */
    private static MessageFormat zoned(Call c, MessageFormat m) {
        if (c.world.zoneDiffers()) {
            for (java.text.Format f : m.getFormats()) {
                if (f instanceof DateFormat df) {
                    df.setTimeZone(c.zone());
                }
            }
        }
        return m;
    }

    /** A calendar at the VM clock's current time. */
    private static Calendar now(Call c, Calendar cal) {
        cal.setTimeInMillis(c.millis());
        return cal;
    }

    /** The zone {@code Calendar.getInstance(l)} would use: the locale's "tz" extension, else the VM's default. */
    private static TimeZone zoneFor(Call c, Locale l) {
        return l.getUnicodeLocaleType("tz") != null ? Calendar.getInstance(l).getTimeZone() : c.zone();
    }

    private static final String[] DAYS = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /**
     * {@code Date.toString()} in {@code zone}: the JDK's format, "EEE MMM dd HH:mm:ss zzz yyyy" with
     * English names, the zone's short name (daylight or standard as in effect), the year unpadded.
     */
    static String dateString(long millis, TimeZone zone) {
        GregorianCalendar cal = new GregorianCalendar(zone, Locale.US);
        cal.setTimeInMillis(millis);
        StringBuilder sb = new StringBuilder(28);
        sb.append(DAYS[cal.get(Calendar.DAY_OF_WEEK) - 1]).append(' ').append(MONTHS[cal.get(Calendar.MONTH)]).append(' ');
        twoDigits(sb, cal.get(Calendar.DAY_OF_MONTH)).append(' ');
        twoDigits(sb, cal.get(Calendar.HOUR_OF_DAY)).append(':');
        twoDigits(sb, cal.get(Calendar.MINUTE)).append(':');
        twoDigits(sb, cal.get(Calendar.SECOND)).append(' ');
        sb.append(zone.getDisplayName(cal.get(Calendar.DST_OFFSET) != 0, TimeZone.SHORT, Locale.US));
        return sb.append(' ').append(cal.get(Calendar.YEAR)).toString();
    }

    private static StringBuilder twoDigits(StringBuilder sb, int v) {
        return (v < 10 ? sb.append('0') : sb).append(v);
    }

    /**
     * Whether host formatting of these arguments would read the JVM's default zone: a
     * {@code java.util.Date} printed with {@code %s} ({@code toString}) or {@code %t}, or a
     * {@code long} printed with {@code %t} (the formatter makes a calendar in the default zone).
     */
    private static boolean formatsInDefaultZone(Call c, Object format, Object args) {
        if (!c.world.zoneDiffers() || !(args instanceof org.cometsim.dalvik.rt.GuestArray g)) {
            return false;
        }
        boolean timeConversion = format instanceof String f && f.matches("(?s).*%[^%a-zA-Z]*[tT].*");
        for (Object o : (Object[]) g.data) {
            if (o instanceof Date || (timeConversion && o instanceof Long)) {
                return true;
            }
        }
        return false;
    }

    /** A formatting call that is fine unless a date argument would print in the JVM's zone. */
    private static Object format(Call c, int formatArg, int argsArg, Fix fix) throws Throwable {
        if (formatsInDefaultZone(c, c.a[formatArg], c.a[argsArg])) {
            throw VmError.unsupported(c.rule.owner + "." + c.rule.name + c.rule.desc + " with a java.util.Date argument (or a long "
                    + "printed with %t) reads the JVM's default time zone, and this VM's differs (set by guest code); format a "
                    + "Calendar, a java.time value or a DateFormat's output instead");
        }
        return fix.apply(c);
    }

    /** {@code String.valueOf(o)} as the guest sees it: a host {@code Date} prints in the VM's zone. */
    private static Object stringOf(Call c, Object o) throws Throwable {
        if (o instanceof Date d && c.world.zoneDiffers()) {
            if (d.getClass() != Date.class) {
                throw c.refused();
            }
            return dateString(d.getTime(), c.world.zoneRef());
        }
        return null;
    }

    // ------------------------------------------------------------------ the rules

    private static final String STR = "Ljava/lang/String;";
    private static final String OBJS = "[Ljava/lang/Object;";
    private static final String LOC = "Ljava/util/Locale;";

    static {
        stringsAndFormatting();
        text();
        calendarsAndDates();
        time();
        utilAndIo();
        logging();
        caseMapping();
        for (Rule r : INSTANCE_TABLE.values()) {
            try {
                Class<?> d = Class.forName(r.owner, false, ClassLoader.getPlatformClassLoader());
                DECLARER_TABLE.computeIfAbsent(r.name + r.desc, k -> new java.util.ArrayList<>()).add(d);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("rule for a class the JDK lacks: " + r.owner, e);
            }
        }
    }

    private static void stringsAndFormatting() {
        String s = "java.lang.String";
        st(s, "format", "(" + STR + OBJS + ")" + STR, FORMAT.or(ZONE), c -> format(c, 0, 1,
                x -> String.format(x.format(), (String) x.a[0], x.varargs(1))));
        st(s, "format", "(" + LOC + STR + OBJS + ")" + STR, ZONE, c -> format(c, 1, 2, Call::original));
        inst(s, "formatted", "(" + OBJS + ")" + STR, FORMAT.or(ZONE), c -> format(c, 0, 1,
                x -> String.format(x.format(), (String) x.a[0], x.varargs(1))));
        inst(s, "toLowerCase", "()" + STR, LOCALE, c -> ((String) c.a[0]).toLowerCase(c.locale()));
        inst(s, "toUpperCase", "()" + STR, LOCALE, c -> ((String) c.a[0]).toUpperCase(c.locale()));
        // A host Date handed to the common stringifiers prints in the VM's zone.
        st(s, "valueOf", "(Ljava/lang/Object;)" + STR, ZONE, c -> {
            Object v = stringOf(c, c.a[0]);
            return v != null ? v : c.original();
        });
        String objects = "java.util.Objects";
        st(objects, "toString", "(Ljava/lang/Object;)" + STR, ZONE, c -> {
            Object v = stringOf(c, c.a[0]);
            return v != null ? v : c.original();
        });
        st(objects, "toString", "(Ljava/lang/Object;" + STR + ")" + STR, ZONE, c -> {
            Object v = c.a[0] == null ? null : stringOf(c, c.a[0]);
            return v != null ? v : c.original();
        });
        for (String owner : new String[] {"java.io.PrintStream", "java.io.PrintWriter"}) {
            String self = "L" + owner.replace('.', '/') + ";";
            for (String name : new String[] {"format", "printf"}) {
                inst(owner, name, "(" + STR + OBJS + ")" + self, FORMAT.or(ZONE), c -> format(c, 1, 2, x -> {
                    Object out = x.self(Object.class);
                    if (out instanceof java.io.PrintStream p) {
                        p.format(x.format(), (String) x.a[1], x.varargs(2));
                    } else {
                        ((java.io.PrintWriter) out).format(x.format(), (String) x.a[1], x.varargs(2));
                    }
                    return x.a[0];
                }));
                inst(owner, name, "(" + LOC + STR + OBJS + ")" + self, ZONE, c -> format(c, 2, 3, Call::original));
            }
            for (String name : new String[] {"print", "println"}) {
                inst(owner, name, "(Ljava/lang/Object;)V", ZONE, c -> {
                    Object v = stringOf(c, c.a[1]);
                    if (v == null) {
                        return c.original();
                    }
                    Object out = c.self(Object.class);
                    if (out instanceof java.io.PrintStream p) {
                        if (name.equals("print")) {
                            p.print((String) v);
                        } else {
                            p.println((String) v);
                        }
                    } else if (name.equals("print")) {
                        ((java.io.PrintWriter) out).print((String) v);
                    } else {
                        ((java.io.PrintWriter) out).println((String) v);
                    }
                    return null;
                });
            }
        }
        String fmt = "java.util.Formatter";
        inst(fmt, "format", "(" + STR + OBJS + ")Ljava/util/Formatter;", ZONE, c -> format(c, 1, 2, Call::original));
        inst(fmt, "format", "(" + LOC + STR + OBJS + ")Ljava/util/Formatter;", ZONE, c -> format(c, 2, 3, Call::original));
        ctor(fmt, "()V", FORMAT, c -> new java.util.Formatter(c.format()));
        ctor(fmt, "(Ljava/lang/Appendable;)V", FORMAT,
                c -> new java.util.Formatter(c.arg(1, Appendable.class), c.format()));
        ctor(fmt, "(Ljava/io/PrintStream;)V", FORMAT, c -> new java.util.Formatter(
                (Appendable) java.util.Objects.requireNonNull(c.arg(1, java.io.PrintStream.class)), c.format()));
        ctor(fmt, "(" + STR + ")V", FORMAT, c -> new java.util.Formatter((String) c.a[1],
                java.nio.charset.Charset.defaultCharset().name(), c.format()));
        ctor(fmt, "(" + STR + STR + ")V", FORMAT, c -> new java.util.Formatter((String) c.a[1], (String) c.a[2], c.format()));
        ctor(fmt, "(Ljava/io/File;)V", FORMAT, c -> new java.util.Formatter(c.arg(1, java.io.File.class),
                java.nio.charset.Charset.defaultCharset().name(), c.format()));
        ctor(fmt, "(Ljava/io/File;" + STR + ")V", FORMAT,
                c -> new java.util.Formatter(c.arg(1, java.io.File.class), (String) c.a[2], c.format()));
        ctor(fmt, "(Ljava/io/OutputStream;)V", FORMAT, c -> new java.util.Formatter(c.arg(1, java.io.OutputStream.class),
                java.nio.charset.Charset.defaultCharset().name(), c.format()));
        ctor(fmt, "(Ljava/io/OutputStream;" + STR + ")V", FORMAT,
                c -> new java.util.Formatter(c.arg(1, java.io.OutputStream.class), (String) c.a[2], c.format()));
        String console = "java.io.Console";
        inst(console, "format", "(" + STR + OBJS + ")Ljava/io/Console;", FORMAT_ZONE, null);
        inst(console, "printf", "(" + STR + OBJS + ")Ljava/io/Console;", FORMAT_ZONE, null);
        inst(console, "readLine", "(" + STR + OBJS + ")" + STR, FORMAT_ZONE, null);
        inst(console, "readPassword", "(" + STR + OBJS + ")[C", FORMAT_ZONE, null);
        String arrays = "java.util.Arrays";
        for (String name : new String[] {"toString", "deepToString"}) {
            st(arrays, name, "(" + OBJS + ")" + STR, ZONE, c -> {
                if (c.a[0] != null && containsDate((Object[]) ((org.cometsim.dalvik.rt.GuestArray) c.a[0]).data)) {
                    throw c.refused();
                }
                return c.original();
            });
        }
    }

    /** Whether {@code m} would format a Date argument with a DateFormat it makes at format time. */
    private static boolean unformattedDate(MessageFormat m, Object[] args) {
        if (args == null) {
            return false;
        }
        java.text.Format[] byArgument = m.getFormatsByArgumentIndex();
        for (int i = 0; i < args.length && i < byArgument.length; i++) {
            if (args[i] instanceof Date && byArgument[i] == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsDate(Object[] elements) {
        for (Object e : elements) {
            if (e instanceof Date || (e instanceof Object[] hostInner && containsDate(hostInner))
                    || (e instanceof org.cometsim.dalvik.rt.GuestArray g && g.data instanceof Object[] inner && containsDate(inner))) {
                return true;
            }
        }
        return false;
    }

    private static void text() {
        String bi = "java.text.BreakIterator";
        st(bi, "getCharacterInstance", "()Ljava/text/BreakIterator;", LOCALE,
                c -> java.text.BreakIterator.getCharacterInstance(c.locale()));
        st(bi, "getLineInstance", "()Ljava/text/BreakIterator;", LOCALE, c -> java.text.BreakIterator.getLineInstance(c.locale()));
        st(bi, "getSentenceInstance", "()Ljava/text/BreakIterator;", LOCALE,
                c -> java.text.BreakIterator.getSentenceInstance(c.locale()));
        st(bi, "getWordInstance", "()Ljava/text/BreakIterator;", LOCALE, c -> java.text.BreakIterator.getWordInstance(c.locale()));
        st("java.text.Collator", "getInstance", "()Ljava/text/Collator;", LOCALE, c -> java.text.Collator.getInstance(c.locale()));

        String df = "java.text.DateFormat";
        String dfr = "Ljava/text/DateFormat;";
        st(df, "getInstance", "()" + dfr, FORMAT_ZONE,
                c -> zoned(c, DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, c.format())));
        st(df, "getDateInstance", "()" + dfr, FORMAT_ZONE, c -> zoned(c, DateFormat.getDateInstance(DateFormat.DEFAULT, c.format())));
        st(df, "getDateInstance", "(I)" + dfr, FORMAT_ZONE, c -> zoned(c, DateFormat.getDateInstance((Integer) c.a[0], c.format())));
        st(df, "getTimeInstance", "()" + dfr, FORMAT_ZONE, c -> zoned(c, DateFormat.getTimeInstance(DateFormat.DEFAULT, c.format())));
        st(df, "getTimeInstance", "(I)" + dfr, FORMAT_ZONE, c -> zoned(c, DateFormat.getTimeInstance((Integer) c.a[0], c.format())));
        st(df, "getDateTimeInstance", "()" + dfr, FORMAT_ZONE,
                c -> zoned(c, DateFormat.getDateTimeInstance(DateFormat.DEFAULT, DateFormat.DEFAULT, c.format())));
        st(df, "getDateTimeInstance", "(II)" + dfr, FORMAT_ZONE,
                c -> zoned(c, DateFormat.getDateTimeInstance((Integer) c.a[0], (Integer) c.a[1], c.format())));
        // With a locale they still put the JVM's default zone in their calendar.
        st(df, "getDateInstance", "(I" + LOC + ")" + dfr, ZONE, c -> zoned(c, c.original()));
        st(df, "getTimeInstance", "(I" + LOC + ")" + dfr, ZONE, c -> zoned(c, c.original()));
        st(df, "getDateTimeInstance", "(II" + LOC + ")" + dfr, ZONE, c -> zoned(c, c.original()));

        String sdf = "java.text.SimpleDateFormat";
        ctor(sdf, "()V", FORMAT_ZONE, c -> zoned(c, new SimpleDateFormat(((SimpleDateFormat) DateFormat.getDateTimeInstance(
                DateFormat.SHORT, DateFormat.SHORT, c.format())).toPattern(), c.format())));
        ctor(sdf, "(" + STR + ")V", FORMAT_ZONE, c -> zoned(c, new SimpleDateFormat((String) c.a[1], c.format())));
        ctor(sdf, "(" + STR + LOC + ")V", ZONE, c -> zoned(c, c.original()));
        ctor(sdf, "(" + STR + "Ljava/text/DateFormatSymbols;)V", FORMAT_ZONE, c -> {
            java.text.DateFormatSymbols symbols = c.arg(2, java.text.DateFormatSymbols.class);
            SimpleDateFormat f = new SimpleDateFormat((String) c.a[1], c.format());
            f.setDateFormatSymbols(java.util.Objects.requireNonNull(symbols));
            return zoned(c, f);
        });
        // Parsing a zone name tries the default zone's names first (ambiguous abbreviations).
        Reads zoneNames = new Reads("the JVM's default time zone (to parse zone names)",
                c -> c.world.zoneDiffers() && c.self(Object.class) instanceof SimpleDateFormat f && f.toPattern().contains("z"));
        inst(sdf, "parse", "(" + STR + "Ljava/text/ParsePosition;)Ljava/util/Date;", zoneNames, null);
        inst(df, "parse", "(" + STR + ")Ljava/util/Date;", zoneNames, null);
        inst(df, "parseObject", "(" + STR + "Ljava/text/ParsePosition;)Ljava/lang/Object;", zoneNames, null);
        inst("java.text.Format", "parseObject", "(" + STR + ")Ljava/lang/Object;", zoneNames, null);

        String dfs = "java.text.DateFormatSymbols";
        ctor(dfs, "()V", FORMAT, c -> new java.text.DateFormatSymbols(c.format()));
        st(dfs, "getInstance", "()Ljava/text/DateFormatSymbols;", FORMAT, c -> java.text.DateFormatSymbols.getInstance(c.format()));
        String dec = "java.text.DecimalFormat";
        ctor(dec, "()V", FORMAT, c -> {
            java.text.NumberFormat nf = java.text.NumberFormat.getNumberInstance(c.format());
            if (!(nf instanceof java.text.DecimalFormat)) {
                throw c.refused();
            }
            return nf; // the JDK makes it the same way: the locale's number pattern and symbols
        });
        ctor(dec, "(" + STR + ")V", FORMAT,
                c -> new java.text.DecimalFormat((String) c.a[1], java.text.DecimalFormatSymbols.getInstance(c.format())));
        String dsym = "java.text.DecimalFormatSymbols";
        ctor(dsym, "()V", FORMAT, c -> new java.text.DecimalFormatSymbols(c.format()));
        st(dsym, "getInstance", "()Ljava/text/DecimalFormatSymbols;", FORMAT,
                c -> java.text.DecimalFormatSymbols.getInstance(c.format()));
        inst(dsym, "setInternationalCurrencySymbol", "(" + STR + ")V", DISPLAY, null);

        String mf = "java.text.MessageFormat";
        ctor(mf, "(" + STR + ")V", FORMAT_ZONE, c -> zoned(c, new MessageFormat((String) c.a[1], c.format())));
        ctor(mf, "(" + STR + LOC + ")V", ZONE, c -> zoned(c, (MessageFormat) c.original()));
        // An argument {n} without a format type that is a Date gets a DateFormat made at format time, in the JVM's zone.
        st(mf, "format", "(" + STR + OBJS + ")" + STR, FORMAT_ZONE, c -> {
            Object[] args = c.varargs(1);
            MessageFormat m = zoned(c, new MessageFormat((String) c.a[0], c.format()));
            if (c.world.zoneDiffers() && unformattedDate(m, args)) {
                throw c.refused();
            }
            return m.format(args);
        });
        Reads messageDates = new Reads("the JVM's default time zone (to format a Date argument that has no format type)",
                c -> c.world.zoneDiffers() && c.self(Object.class) instanceof MessageFormat m
                && c.a[1] instanceof org.cometsim.dalvik.rt.GuestArray && unformattedDate(m, c.varargs(1)));
        inst("java.text.Format", "format", "(Ljava/lang/Object;)" + STR, messageDates, null);
        inst(mf, "format", "(" + OBJS + "Ljava/lang/StringBuffer;Ljava/text/FieldPosition;)Ljava/lang/StringBuffer;",
                messageDates, null);

        String nf = "java.text.NumberFormat";
        String nfr = "()Ljava/text/NumberFormat;";
        st(nf, "getInstance", nfr, FORMAT, c -> java.text.NumberFormat.getInstance(c.format()));
        st(nf, "getNumberInstance", nfr, FORMAT, c -> java.text.NumberFormat.getNumberInstance(c.format()));
        st(nf, "getIntegerInstance", nfr, FORMAT, c -> java.text.NumberFormat.getIntegerInstance(c.format()));
        st(nf, "getCurrencyInstance", nfr, FORMAT, c -> java.text.NumberFormat.getCurrencyInstance(c.format()));
        st(nf, "getPercentInstance", nfr, FORMAT, c -> java.text.NumberFormat.getPercentInstance(c.format()));
        st(nf, "getCompactNumberInstance", nfr, FORMAT,
                c -> java.text.NumberFormat.getCompactNumberInstance(c.format(), java.text.NumberFormat.Style.SHORT));
    }

    private static void calendarsAndDates() {
        String cal = "java.util.Calendar";
        String calr = "Ljava/util/Calendar;";
        String tz = "Ljava/util/TimeZone;";
        st(cal, "getInstance", "()" + calr, CLOCK, c -> now(c, Calendar.getInstance(zoneFor(c, c.format()), c.format())));
        st(cal, "getInstance", "(" + LOC + ")" + calr, CLOCK, c -> {
            Locale l = (Locale) c.a[0];
            return now(c, Calendar.getInstance(zoneFor(c, java.util.Objects.requireNonNull(l)), l));
        });
        st(cal, "getInstance", "(" + tz + ")" + calr, CLOCK, c -> now(c, Calendar.getInstance(c.arg(0, TimeZone.class), c.format())));
        st(cal, "getInstance", "(" + tz + LOC + ")" + calr, CLOCK,
                c -> now(c, (Calendar) c.original()));
        inst("java.util.Calendar$Builder", "build", "()" + calr, FORMAT_ZONE, null);

        String gc = "java.util.GregorianCalendar";
        ctor(gc, "()V", CLOCK, c -> now(c, new GregorianCalendar(c.zone(), c.format())));
        ctor(gc, "(" + LOC + ")V", CLOCK, c -> now(c, new GregorianCalendar(c.zone(), (Locale) c.a[1])));
        ctor(gc, "(" + tz + ")V", CLOCK, c -> now(c, new GregorianCalendar(c.arg(1, TimeZone.class), c.format())));
        ctor(gc, "(" + tz + LOC + ")V", CLOCK, c -> now(c, (Calendar) c.original()));
        // Field-by-field constructors: their internal field stamps cannot be rebuilt through the API.
        ctor(gc, "(III)V", FORMAT_ZONE, null);
        ctor(gc, "(IIIII)V", FORMAT_ZONE, null);
        ctor(gc, "(IIIIII)V", FORMAT_ZONE, null);
        st(gc, "from", "(Ljava/time/ZonedDateTime;)Ljava/util/GregorianCalendar;", FORMAT, c -> {
            java.time.ZonedDateTime zdt = (java.time.ZonedDateTime) c.a[0];
            GregorianCalendar g = new GregorianCalendar(TimeZone.getTimeZone(zdt.getZone()), c.format());
            g.setGregorianChange(new Date(Long.MIN_VALUE));
            g.setFirstDayOfWeek(Calendar.MONDAY);
            g.setMinimalDaysInFirstWeek(4);
            try {
                g.setTimeInMillis(Math.addExact(Math.multiplyExact(zdt.toEpochSecond(), 1000),
                        zdt.get(java.time.temporal.ChronoField.MILLI_OF_SECOND)));
            } catch (ArithmeticException ex) {
                throw new IllegalArgumentException(ex);
            }
            return g;
        });

        String date = "java.util.Date";
        ctor(date, "()V", CLOCK, c -> new Date(c.millis()));
        ctor(date, "(III)V", ZONE, null);
        ctor(date, "(IIIII)V", ZONE, null);
        ctor(date, "(IIIIII)V", ZONE, null);
        ctor(date, "(" + STR + ")V", ZONE, null);
        st(date, "parse", "(" + STR + ")J", ZONE, null);
        for (String field : new String[] {"Year", "Month", "Date", "Hours", "Minutes", "Seconds"}) {
            inst(date, "get" + field, "()I", ZONE, null);
            inst(date, "set" + field, "(I)V", ZONE, null);
        }
        inst(date, "getDay", "()I", ZONE, null);
        inst(date, "getTimezoneOffset", "()I", ZONE, null);
        inst(date, "toString", "()" + STR, ZONE, c -> {
            Date d = c.self(Date.class);
            return dateString(d.getTime(), c.world.zoneRef());
        });
        inst(date, "toLocaleString", "()" + STR, FORMAT_ZONE, c -> {
            DateFormat f = DateFormat.getDateTimeInstance(DateFormat.DEFAULT, DateFormat.DEFAULT, c.format());
            f.setTimeZone(c.zone());
            return f.format(c.self(Date.class));
        });
        // java.sql's dates print and convert through the deprecated Date field methods.
        String sqlDate = "java.sql.Date";
        ctor(sqlDate, "(III)V", ZONE, null);
        st(sqlDate, "valueOf", "(" + STR + ")Ljava/sql/Date;", ZONE, null);
        st(sqlDate, "valueOf", "(Ljava/time/LocalDate;)Ljava/sql/Date;", ZONE, null);
        inst(sqlDate, "toString", "()" + STR, ZONE, null);
        inst(sqlDate, "toLocalDate", "()Ljava/time/LocalDate;", ZONE, null);
        String sqlTime = "java.sql.Time";
        ctor(sqlTime, "(III)V", ZONE, null);
        st(sqlTime, "valueOf", "(" + STR + ")Ljava/sql/Time;", ZONE, null);
        st(sqlTime, "valueOf", "(Ljava/time/LocalTime;)Ljava/sql/Time;", ZONE, null);
        inst(sqlTime, "toString", "()" + STR, ZONE, null);
        inst(sqlTime, "toLocalTime", "()Ljava/time/LocalTime;", ZONE, null);
        String ts = "java.sql.Timestamp";
        ctor(ts, "(IIIIIII)V", ZONE, null);
        st(ts, "valueOf", "(" + STR + ")Ljava/sql/Timestamp;", ZONE, null);
        st(ts, "valueOf", "(Ljava/time/LocalDateTime;)Ljava/sql/Timestamp;", ZONE, null);
        inst(ts, "toString", "()" + STR, ZONE, null);
        inst(ts, "toLocalDateTime", "()Ljava/time/LocalDateTime;", ZONE, null);

        String zone = "java.util.TimeZone";
        inst(zone, "getDisplayName", "()" + STR, DISPLAY, c -> c.self(TimeZone.class).getDisplayName(c.display()));
        inst(zone, "getDisplayName", "(ZI)" + STR, DISPLAY,
                c -> c.self(TimeZone.class).getDisplayName((Boolean) c.a[1], (Integer) c.a[2], c.display()));
    }

    private static void time() {
        st("java.time.Clock", "systemDefaultZone", "()Ljava/time/Clock;", CLOCK, c -> c.clock());
        st("java.time.Clock", "systemUTC", "()Ljava/time/Clock;", CLOCK, c -> c.world.systemClock(ZoneOffset.UTC));
        st("java.time.Clock", "system", "(Ljava/time/ZoneId;)Ljava/time/Clock;", CLOCK, c -> c.clock(c.a[0]));
        st("java.time.Instant", "now", "()Ljava/time/Instant;", CLOCK, c -> c.world.instant());
        String[] withNow = {"java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime", "java.time.MonthDay",
            "java.time.OffsetDateTime", "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth",
            "java.time.ZonedDateTime", "java.time.chrono.HijrahDate", "java.time.chrono.JapaneseDate",
            "java.time.chrono.MinguoDate", "java.time.chrono.ThaiBuddhistDate"};
        for (String owner : withNow) {
            String self = "L" + owner.replace('.', '/') + ";";
            java.lang.reflect.Method byClock = nowWithClock(owner);
            st(owner, "now", "()" + self, CLOCK, c -> byClock.invoke(null, c.clock()));
            st(owner, "now", "(Ljava/time/ZoneId;)" + self, CLOCK, c -> byClock.invoke(null, c.clock(c.a[0])));
        }
        String chrono = "java.time.chrono.Chronology";
        String cld = "Ljava/time/chrono/ChronoLocalDate;";
        inst(chrono, "dateNow", "()" + cld, CLOCK, c -> c.self(java.time.chrono.Chronology.class).dateNow(c.clock()));
        inst(chrono, "dateNow", "(Ljava/time/ZoneId;)" + cld, CLOCK,
                c -> c.self(java.time.chrono.Chronology.class).dateNow(c.clock(c.a[1])));
        String[][] chronologies = {{"IsoChronology", "Ljava/time/LocalDate;"}, {"HijrahChronology", "Ljava/time/chrono/HijrahDate;"},
            {"JapaneseChronology", "Ljava/time/chrono/JapaneseDate;"}, {"MinguoChronology", "Ljava/time/chrono/MinguoDate;"},
            {"ThaiBuddhistChronology", "Ljava/time/chrono/ThaiBuddhistDate;"}};
        for (String[] k : chronologies) {
            String owner = "java.time.chrono." + k[0];
            inst(owner, "dateNow", "()" + k[1], CLOCK, c -> c.self(java.time.chrono.Chronology.class).dateNow(c.clock()));
            inst(owner, "dateNow", "(Ljava/time/ZoneId;)" + k[1], CLOCK,
                    c -> c.self(java.time.chrono.Chronology.class).dateNow(c.clock(c.a[1])));
        }
        String dtf = "java.time.format.DateTimeFormatter";
        String dtfr = "Ljava/time/format/DateTimeFormatter;";
        String style = "Ljava/time/format/FormatStyle;";
        Fix withLocale = c -> ((java.time.format.DateTimeFormatter) c.original())
                .withLocale(c.format());
        st(dtf, "ofLocalizedDate", "(" + style + ")" + dtfr, FORMAT, withLocale);
        st(dtf, "ofLocalizedTime", "(" + style + ")" + dtfr, FORMAT, withLocale);
        st(dtf, "ofLocalizedDateTime", "(" + style + ")" + dtfr, FORMAT, withLocale);
        st(dtf, "ofLocalizedDateTime", "(" + style + style + ")" + dtfr, FORMAT, withLocale);
        st(dtf, "ofPattern", "(" + STR + ")" + dtfr, FORMAT, c -> java.time.format.DateTimeFormatter.ofPattern((String) c.a[0], c.format()));
        inst("java.time.format.DateTimeFormatterBuilder", "toFormatter", "()" + dtfr, FORMAT,
                c -> c.self(java.time.format.DateTimeFormatterBuilder.class).toFormatter(c.format()));
        st("java.time.format.DecimalStyle", "ofDefaultLocale", "()Ljava/time/format/DecimalStyle;", FORMAT,
                c -> java.time.format.DecimalStyle.of(c.format()));
    }

    private static java.lang.reflect.Method nowWithClock(String owner) {
        try {
            return Class.forName(owner).getMethod("now", java.time.Clock.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(owner + ".now(Clock)", e);
        }
    }

    private static void utilAndIo() {
        String cur = "java.util.Currency";
        inst(cur, "getSymbol", "()" + STR, DISPLAY, c -> c.self(java.util.Currency.class).getSymbol(c.display()));
        inst(cur, "getDisplayName", "()" + STR, DISPLAY, c -> c.self(java.util.Currency.class).getDisplayName(c.display()));
        String loc = "java.util.Locale";
        inst(loc, "getDisplayCountry", "()" + STR, DISPLAY, c -> ((Locale) c.a[0]).getDisplayCountry(c.display()));
        inst(loc, "getDisplayLanguage", "()" + STR, DISPLAY, c -> ((Locale) c.a[0]).getDisplayLanguage(c.display()));
        inst(loc, "getDisplayName", "()" + STR, DISPLAY, c -> ((Locale) c.a[0]).getDisplayName(c.display()));
        inst(loc, "getDisplayScript", "()" + STR, DISPLAY, c -> ((Locale) c.a[0]).getDisplayScript(c.display()));
        inst(loc, "getDisplayVariant", "()" + STR, DISPLAY, c -> ((Locale) c.a[0]).getDisplayVariant(c.display()));

        // Every Scanner constructor sets the default FORMAT locale (useLocale), as does reset().
        String sc = "java.util.Scanner";
        String[] scannerSources = {"Ljava/io/InputStream;", "Ljava/io/InputStream;" + STR, "Ljava/io/InputStream;Ljava/nio/charset/Charset;",
            "Ljava/io/File;", "Ljava/io/File;" + STR, "Ljava/io/File;Ljava/nio/charset/Charset;", "Ljava/nio/file/Path;",
            "Ljava/nio/file/Path;" + STR, "Ljava/nio/file/Path;Ljava/nio/charset/Charset;", "Ljava/lang/Readable;", STR,
            "Ljava/nio/channels/ReadableByteChannel;", "Ljava/nio/channels/ReadableByteChannel;" + STR,
            "Ljava/nio/channels/ReadableByteChannel;Ljava/nio/charset/Charset;"};
        for (String params : scannerSources) {
            ctor(sc, "(" + params + ")V", FORMAT,
                    c -> ((java.util.Scanner) c.original()).useLocale(c.format()));
        }
        inst(sc, "reset", "()Ljava/util/Scanner;", FORMAT, c -> {
            c.original();
            return c.self(java.util.Scanner.class).useLocale(c.format());
        });

        String rb = "java.util.ResourceBundle";
        String rbr = "Ljava/util/ResourceBundle;";
        String control = "Ljava/util/ResourceBundle$Control;";
        st(rb, "getBundle", "(" + STR + "Ljava/lang/Module;)" + rbr, LOCALE, null);
        st(rb, "getBundle", "(" + STR + LOC + "Ljava/lang/Module;)" + rbr, LOCALE, null);
        st(rb, "getBundle", "(" + STR + control + ")" + rbr, LOCALE, null);
        st(rb, "getBundle", "(" + STR + LOC + control + ")" + rbr, LOCALE, null);
        st(rb, "getBundle", "(" + STR + LOC + "Ljava/lang/ClassLoader;" + control + ")" + rbr, LOCALE, null);
        inst("java.util.ResourceBundle$Control", "getFallbackLocale", "(" + STR + LOC + ")" + LOC, LOCALE, c -> {
            if (c.a[1] == null || c.a[2] == null) {
                throw new NullPointerException();
            }
            return c.a[2].equals(c.locale()) ? null : c.locale();
        });

        // The comment line Properties.store writes is a Date.toString of the current time.
        inst("java.util.Properties", "store", "(Ljava/io/OutputStream;" + STR + ")V", ZONE, null);
        inst("java.util.Properties", "store", "(Ljava/io/Writer;" + STR + ")V", ZONE, null);
        // Date-valued attributes and selector criteria print through Date.toString.
        ctor("java.security.PKCS12Attribute", "([B)V", ZONE, null);
        inst("java.security.cert.X509CertSelector", "toString", "()" + STR, ZONE, null);

        String zip = "java.util.zip.ZipEntry";
        inst(zip, "getTime", "()J", ZONE, null);
        inst(zip, "setTime", "(J)V", ZONE, null);
        inst(zip, "getTimeLocal", "()Ljava/time/LocalDateTime;", ZONE, null);
        inst(zip, "setTimeLocal", "(Ljava/time/LocalDateTime;)V", ZONE, null);
        inst(zip, "setLastModifiedTime", "(Ljava/nio/file/attribute/FileTime;)Ljava/util/zip/ZipEntry;", ZONE, null);
        inst(zip, "getLastModifiedTime", "()Ljava/nio/file/attribute/FileTime;", ZONE, null);
        inst("java.util.zip.ZipOutputStream", "putNextEntry", "(Ljava/util/zip/ZipEntry;)V", ZONE, null);
    }

    private static void logging() {
        // Localized level names exist for these languages only (java.logging's bundles): elsewhere
        // the localized name is the name, whatever the default locale.
        Reads levelNames = new Reads("the JVM's default locale (to localize level names)", c -> c.world.localeDiffers(null)
                && (translatesLevels(c.world.locale(null)) || translatesLevels(Locale.getDefault())));
        inst("java.util.logging.Level", "getLocalizedName", "()" + STR, levelNames, null);
        String lg = "java.util.logging.";
        ctor(lg + "XMLFormatter", "()V", FORMAT_ZONE, null);
        inst(lg + "XMLFormatter", "format", "(Ljava/util/logging/LogRecord;)" + STR, FORMAT_ZONE, null);
        ctor(lg + "FileHandler", "()V", FORMAT_ZONE, null);
        ctor(lg + "FileHandler", "(" + STR + ")V", FORMAT_ZONE, null);
        ctor(lg + "FileHandler", "(" + STR + "Z)V", FORMAT_ZONE, null);
        ctor(lg + "FileHandler", "(" + STR + "II)V", FORMAT_ZONE, null);
        ctor(lg + "FileHandler", "(" + STR + "IIZ)V", FORMAT_ZONE, null);
        ctor(lg + "FileHandler", "(" + STR + "JIZ)V", FORMAT_ZONE, null);
    }

    static boolean translatesLevels(Locale l) {
        return Set.of("de", "es", "fr", "it", "ja", "ko", "sv", "zh").contains(l.getLanguage())
                || (l.getLanguage().equals("pt") && l.getCountry().equals("BR"));
    }

    /**
     * JDK methods that lower- or upper-case a string with the default locale internally (host
     * names, URL schemes, permission actions, key-store types): they differ only when one of the
     * two locales cases like Turkish, Azerbaijani or Lithuanian, and then stop.
     */
    private static void caseMapping() {
        String[][] methods = {
            {"java.io.StreamTokenizer", "nextToken", "()I"},
            {"java.net.HttpCookie", "hashCode", "()I"},
            {"java.net.HttpCookie", "setDomain", "(" + STR + ")V"},
            {"java.net.HttpURLConnection", "getHeaderFieldDate", "(" + STR + "J)J"},
            {"java.net.URLConnection", "getHeaderFieldDate", "(" + STR + "J)J"},
            {"java.net.URLConnection", "getContent", "()Ljava/lang/Object;"},
            {"java.net.URLConnection", "getContent", "([Ljava/lang/Class;)Ljava/lang/Object;"},
            {"java.net.InetSocketAddress", "hashCode", "()I"},
            {"java.net.URL", "hashCode", "()I"},
            {"java.net.SocketPermission", "equals", "(Ljava/lang/Object;)Z"},
            {"java.net.SocketPermission", "hashCode", "()I"},
            {"java.net.SocketPermission", "implies", "(Ljava/security/Permission;)Z"},
        };
        for (String[] m : methods) {
            inst(m[0], m[1], m[2], CASE, null);
        }
        String[][] statics = {
            {"java.net.HttpCookie", "parse", "(" + STR + ")Ljava/util/List;"},
            {"java.security.KeyStore", "getInstance", "(" + STR + ")Ljava/security/KeyStore;"},
            {"java.security.KeyStore", "getInstance", "(" + STR + STR + ")Ljava/security/KeyStore;"},
            {"java.security.KeyStore", "getInstance", "(" + STR + "Ljava/security/Provider;)Ljava/security/KeyStore;"},
            {"java.security.KeyStore", "getInstance", "(Ljava/io/File;[C)Ljava/security/KeyStore;"},
            {"java.security.KeyStore", "getInstance", "(Ljava/io/File;Ljava/security/KeyStore$LoadStoreParameter;)Ljava/security/KeyStore;"},
        };
        for (String[] m : statics) {
            st(m[0], m[1], m[2], CASE, null);
        }
        ctor("java.net.SocketPermission", "(" + STR + STR + ")V", CASE, null);
    }
}
