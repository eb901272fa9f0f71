package golden;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Guest values that cross into host library code and back: JDK enums in the guest library's
 * EnumSet/EnumMap, guest arrays stored in host containers (identity and element type must
 * survive), nested host arrays, and resources read through the guest's class loader.
 */
public class G041_HostInterop {
    static final class Cell {
        final int v;

        Cell(int v) {
            this.v = v;
        }
    }

    enum Mine { A, B, C }

    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @interface Param {
        String value();
    }

    record Pair(int left, String right) {
    }

    /** Equal by value, so deep comparisons must call the guest's equals. */
    static final class Eq {
        final int v;

        Eq(int v) {
            this.v = v;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Eq && ((Eq) o).v == v;
        }

        @Override
        public int hashCode() {
            return v;
        }
    }

    static final class Annotated {
        Annotated(@Param("first") int a, long b, @Param("third") String c) {
        }

        static void run(@Param("only") Object o) {
        }
    }

    /** A guest subclass of a JDK class whose subclass made an inherited abstract method final. */
    static final class TickFormat extends java.text.DateFormat {
        @Override
        public StringBuffer format(java.util.Date d, StringBuffer sb, java.text.FieldPosition fp) {
            return sb.append('T').append(d.getTime());
        }

        @Override
        public java.util.Date parse(String s, java.text.ParsePosition pp) {
            pp.setIndex(s.length());
            return new java.util.Date(Long.parseLong(s.substring(1)));
        }
    }

    public static void main(String[] args) throws Exception {
        // JDK enums through the guest library's EnumSet/EnumMap and Class/Enum reflection.
        System.out.println(EnumSet.allOf(TimeUnit.class) + " " + EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        EnumSet<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.SATURDAY);
        System.out.println(weekend + " " + EnumSet.complementOf(weekend).size() + " " + weekend.contains(DayOfWeek.MONDAY));
        Map<RoundingMode, Integer> modes = new EnumMap<>(RoundingMode.class);
        modes.put(RoundingMode.UP, 1);
        modes.put(RoundingMode.CEILING, 2);
        System.out.println(modes + " " + TimeUnit.class.getEnumConstants().length + " " + Enum.valueOf(TimeUnit.class, "HOURS")
                + " " + DayOfWeek.valueOf("FRIDAY").ordinal() + " " + Mine.class.getEnumConstants().length);
        Enum<?> e = TimeUnit.SECONDS;
        System.out.println(e.name() + " " + e.ordinal() + " " + e.getDeclaringClass().getName() + " "
                + TimeUnit.SECONDS.compareTo(TimeUnit.MINUTES) + " " + (e instanceof Comparable));
        try {
            Enum.valueOf(TimeUnit.class, "FORTNIGHTS");
        } catch (IllegalArgumentException ex) {
            System.out.println("valueOf: " + ex.getMessage());
        }

        // A host method returning a String[][]: nested arrays become guest arrays.
        String[][] zones = DateFormatSymbols.getInstance(Locale.US).getZoneStrings();
        boolean la = false;
        for (String[] z : zones) {
            la |= z[0].equals("America/Los_Angeles");
        }
        System.out.println("zones " + (zones.length > 100) + " " + zones[0].length + " " + la);

        // Guest arrays in host containers: identity and element type survive the round trip.
        Cell[] cells = {new Cell(1), new Cell(2)};
        int[] ints = {7, 8, 9};
        ConcurrentHashMap<String, Object> chm = new ConcurrentHashMap<>();
        chm.put("cells", cells);
        chm.put("ints", ints);
        Cell[] back = (Cell[]) chm.get("cells");
        ((int[]) chm.get("ints"))[0] = 70;
        System.out.println("chm " + (back == cells) + " " + back[1].v + " " + (chm.get("ints") == ints) + " " + ints[0]
                + " " + chm.computeIfAbsent("made", k -> new Cell[3]).getClass().getSimpleName());
        AtomicReference<Cell[]> ref = new AtomicReference<>(cells);
        System.out.println("atomic " + (ref.get() == cells) + " " + ref.compareAndSet(cells, new Cell[] {new Cell(5)}) + " " + ref.get()[0].v);
        CopyOnWriteArrayList<Object> cow = new CopyOnWriteArrayList<>();
        cow.add(cells);
        cow.add(ints);
        ConcurrentLinkedQueue<Cell[][]> queue = new ConcurrentLinkedQueue<>();
        Cell[][] grid = {cells, {new Cell(3)}};
        queue.add(grid);
        System.out.println("cow " + (cow.get(0) == cells) + " " + cow.indexOf(ints) + " " + cow.contains(new int[] {70, 8, 9})
                + " queue " + (queue.peek() == grid) + " " + queue.poll()[1][0].v);
        // Host code that casts its generic results back to arrays still gets arrays.
        List<String> words = new ArrayList<>(List.of("pear", "fig", "apple"));
        String[] sorted = words.stream().sorted().toArray(String[]::new);
        Map<Integer, Long> byLength = words.stream().collect(Collectors.groupingBy(String::length, Collectors.counting()));
        System.out.println(Arrays.toString(sorted) + " " + byLength);

        // Host collections and streams filling arrays of a guest element type.
        Cell[] fromList = List.of(new Cell(4), new Cell(5)).toArray(new Cell[0]);
        Cell[] fromAsList = Arrays.asList(cells).toArray(new Cell[5]);
        Cell[] fromKeys = new java.util.concurrent.ConcurrentSkipListMap<Integer, Cell>(Map.of(1, new Cell(9))).values()
                .toArray(new Cell[0]);
        Cell[] fromStream = List.of(new Cell(6), new Cell(7)).stream().toArray(Cell[]::new);
        int[][] rows = java.util.stream.Stream.of(new int[] {1, 2}, new int[] {3}).toArray(int[][]::new);
        System.out.println("typed toArray: " + fromList.getClass().getSimpleName() + fromList[1].v + " "
                + fromAsList.length + (fromAsList[2] == null) + fromAsList[0].v + " " + fromKeys[0].v + " "
                + fromStream.getClass().getSimpleName() + fromStream.length + " " + rows.length + rows[0][1]);
        try {
            Object[] wrong = List.of("s").toArray(new Cell[0]);
            System.out.println("no store check " + wrong.length);
        } catch (ArrayStoreException ex) {
            System.out.println("store check: " + ex.getClass().getSimpleName());
        }
        Object[] deepA = {new Eq(1), new int[] {2}, new Object[] {new Eq(3)}};
        Object[] deepB = {new Eq(1), new int[] {2}, new Object[] {new Eq(3)}};
        System.out.println("deepEquals: " + java.util.Objects.deepEquals(deepA, deepB) + " "
                + java.util.Objects.deepEquals(deepA, new Object[] {new Eq(1), new int[] {2}, new Object[] {new Eq(4)}})
                + " " + Arrays.deepEquals(deepA, deepB) + " " + java.util.Objects.equals(deepA, deepB));
        java.text.DateFormat tick = new TickFormat();
        System.out.println("format subclass: " + tick.format(new java.util.Date(42)) + " " + tick.parse("T7").getTime()
                + " " + Integer.class.asSubclass(Number.class).getSimpleName() + " " + Cell.class.getPackageName()
                + " " + int[].class.getPackageName());
        try {
            String.class.asSubclass(Number.class);
        } catch (ClassCastException ex) {
            System.out.println("asSubclass: " + ex.getMessage());
        }

        java.lang.annotation.Annotation[][] pa = Annotated.class.getDeclaredConstructor(int.class, long.class, String.class)
                .getParameterAnnotations();
        System.out.println("parameter annotations: " + pa.length + " " + pa[0].length + pa[1].length + pa[2].length + " "
                + ((Param) pa[2][0]).value() + " " + pa[0][0] + " "
                + ((Param) Annotated.class.getDeclaredMethod("run", Object.class).getParameterAnnotations()[0][0]).value()
                + " " + String.class.getMethod("indexOf", int.class).getParameterAnnotations()[0].length);

        System.out.println("package: " + G041_HostInterop.class.getPackage().getName() + " "
                + G041_HostInterop.class.getPackage().getImplementationVersion() + " " + String.class.getPackage()
                + " " + java.util.ArrayList.class.getPackage().getName() + " " + int[].class.getPackage()
                + " " + (Cell.class.getPackage() == G041_HostInterop.class.getPackage()));
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("golden.interop");
        log.fine("not shown at the default level");
        log.log(java.util.logging.Level.FINER, "nor this {0}", 1);
        System.out.println("logger: " + log.getName() + " " + log.isLoggable(java.util.logging.Level.INFO) + " "
                + log.isLoggable(java.util.logging.Level.FINE) + " " + (log == java.util.logging.Logger.getLogger("golden.interop")));
        System.out.println("record: " + Pair.class.isRecord() + " " + Pair.class.getSuperclass().getName() + " "
                + new Pair(1, "r") + " " + new Pair(1, "r").equals(new Pair(1, "r")));

        // Resources of the application, read through its class loader.
        ClassLoader loader = G041_HostInterop.class.getClassLoader();
        System.out.println("loader " + (loader != null) + " " + (String.class.getClassLoader() == null)
                + " " + (Thread.currentThread().getContextClassLoader() != null));
        try (InputStream in = loader.getResourceAsStream("golden/G041-resource.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            System.out.println("resource: " + r.readLine());
        }
        try (InputStream in = G041_HostInterop.class.getResourceAsStream("G041-resource.txt")) {
            System.out.println("relative: " + new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")[1]);
        }
        System.out.println("system " + (ClassLoader.getSystemResourceAsStream("golden/G041-resource.txt") != null)
                + " missing " + (loader.getResource("golden/no-such-file") == null)
                + " url " + G041_HostInterop.class.getResource("/golden/G041-resource.txt").getPath().endsWith("golden/G041-resource.txt"));
        java.util.ResourceBundle fr = java.util.ResourceBundle.getBundle("golden.G041Messages", Locale.FRENCH);
        java.util.ResourceBundle root = java.util.ResourceBundle.getBundle("golden.G041Messages", Locale.ROOT);
        System.out.println("bundle: " + fr.getString("greeting") + " " + fr.getString("farewell") + " " + root.getString("greeting")
                + " " + fr.getLocale() + " " + new java.util.TreeSet<>(fr.keySet()));
        try {
            java.util.ResourceBundle.getBundle("golden.NoSuchBundle");
        } catch (java.util.MissingResourceException mre) {
            System.out.println("missing bundle: " + mre.getClassName() + " " + mre.getKey().isEmpty());
        }
        try {
            java.security.AccessController.doPrivileged((java.security.PrivilegedExceptionAction<Object>) () -> {
                throw new java.io.IOException("denied");
            });
        } catch (java.security.PrivilegedActionException pae) {
            System.out.println("privileged: " + pae.getException());
        }
        System.out.println("privileged ok: " + java.security.AccessController.doPrivileged(
                (java.security.PrivilegedAction<String>) () -> "ran"));
        try {
            loader.loadClass("golden.NoSuchClass");
        } catch (ClassNotFoundException ex) {
            System.out.println("loadClass: " + ex.getMessage() + " " + (loader.loadClass("golden.G041_HostInterop") == G041_HostInterop.class));
        }
    }
}
