package hooktarget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Guest code whose library objects (collections, builders, Random) must be guest state. */
public class LibraryState {
    public static Object[] make() {
        return new Object[] {new ArrayList<String>(), new HashMap<String, Integer>(), new StringBuilder(), new Random(42)};
    }

    @SuppressWarnings("unchecked")
    public static void mutate(Object[] parts) {
        ((ArrayList<String>) parts[0]).add("a");
        ((HashMap<String, Integer>) parts[1]).put("k", 1);
        ((StringBuilder) parts[2]).append("xyz");
        ((Random) parts[3]).nextInt();
    }

    static final ThreadLocal<List<String>> PER_THREAD = new ThreadLocal<>();

    public static Thread currentThread() {
        return Thread.currentThread();
    }

    /** Gives the calling thread its value of a ThreadLocal, then changes that value. */
    public static String setThreadLocal() {
        List<String> mine = new ArrayList<>();
        PER_THREAD.set(mine);
        mine.add("x");
        return PER_THREAD.get() == mine ? "same" : "different";
    }

    /** A java.util.ArrayList made by host code, seen by guest code as an ArrayList. */
    public static String hostMadeList() {
        List<Integer> l = Stream.of(3, 1, 2).collect(Collectors.toList());
        ArrayList<Integer> a = (ArrayList<Integer>) l;
        a.add(4);
        return (l instanceof ArrayList) + " " + a + " " + a.size();
    }

    public static String describe() {
        StringBuilder sb = new StringBuilder();
        List<String> l = new ArrayList<>(List.of("b", "a"));
        java.util.Collections.sort(l);
        HashMap<String, List<String>> m = new HashMap<>();
        m.computeIfAbsent("x", k -> new ArrayList<>()).add("y");
        sb.append(l).append(' ').append(m).append(' ').append(new Random(7).nextInt(100));
        return sb.toString();
    }

    /** Library randomness: a seeded shuffle must match java; Math.random() must be reproducible. */
    public static String randomness() {
        List<Integer> a = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        java.util.Collections.shuffle(a, new Random(5));
        java.util.LinkedList<Integer> b = new java.util.LinkedList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        java.util.Collections.shuffle(b, new Random(9)); // not RandomAccess, 5+ elements: array path
        return a + " " + b;
    }

    public static String unseeded() {
        List<Integer> a = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        java.util.Collections.shuffle(a);
        return a + " " + Math.random() + " " + Math.random() + " " + new Random().nextInt();
    }

    /** A JDK method the guest library's Executors lacks (a callable of a PrivilegedAction). */
    public static String missingLibraryMethod() {
        java.security.PrivilegedAction<String> action = () -> "privileged";
        return String.valueOf(java.util.concurrent.Executors.callable(action));
    }

    /** Guest builders handed to host methods that need the JDK's own builder classes. */

    public static String buildersToHost() {
        StringBuilder sb = new StringBuilder("abc");
        StringBuffer buf = new StringBuffer("x=");
        StringBuffer same = new java.text.DecimalFormat("0.00").format(3.14159, buf, new java.text.FieldPosition(0));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("a").matcher("banana");
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "o");
        }
        m.appendTail(out);
        return new String(sb) + " " + "x=3.14".contentEquals(buf) + " " + (same == buf) + " " + buf + " " + out;
    }
}
