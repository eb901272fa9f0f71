package jtt;

/** String concatenation (desugared to StringBuilder), StringBuilder ops, boxing/unboxing, Integer cache identity, String.format basics. */
public final class Jtt_Strings {
    public static final Object[][] ARGS = { {0}, {1}, {-128}, {127}, {128}, {-129}, {1000}, {Integer.MIN_VALUE} };
    public static final Object[][] ARGS_testStringOps = { {"hello"}, {""}, {"Hello World"}, {"  padded  "}, {"a,b,,c"}, {"\u00e9t\u00e9"} };

    public static String testConcat(int k) {
        char c = 'x'; long l = k * 10000000000L; double d = k / 4.0; float f = k / 3f; boolean b = k > 0; Object n = null; byte by = (byte) k;
        short sh = (short) k; int[] none = null;
        return "k=" + k + " c=" + c + " l=" + l + " d=" + d + " f=" + f + " b=" + b + " n=" + n + " by=" + by + " sh=" + sh + " none=" + none + " ch+int=" + (c + 1) + 'y' + 1 + 2;
    }

    public static String testStringBuilder(int k) {
        StringBuilder sb = new StringBuilder("start");
        sb.append(k).append('-').append(3.5).append(true).append(7L).append((Object) null).append(new char[] { 'a', 'b' });
        sb.insert(0, "[").append(']');
        sb.reverse();
        sb.setCharAt(0, '#');
        sb.deleteCharAt(1);
        sb.replace(0, 2, "RE");
        return sb.toString() + "|" + sb.length() + "|" + sb.indexOf("t") + "|" + sb.charAt(3);
    }

    @SuppressWarnings("removal")
    public static String testBoxingCache(int k) {
        Integer a = k, b = k;                     // Integer.valueOf: cached in -128..127
        Long la = (long) k, lb = (long) k;
        Character ca = (char) (k & 0x7f), cb = (char) (k & 0x7f);
        Boolean ba = k > 0, bb = k > 0;
        Short sa = (short) k, sb2 = (short) k;
        Byte ya = (byte) k, yb = (byte) k;
        return (a == b) + " " + a.equals(b) + " " + (la == lb) + " " + (ca == cb) + " " + (ba == bb) + " " + (sa == sb2) + " " + (ya == yb)
                + " " + (new Integer(k) == a);
    }

    public static long testUnboxing(int k) {
        Integer i = k; Long l = (long) k; Double d = (double) k; Float f = (float) k; Short s = (short) k; Byte b = (byte) k; Character c = (char) k; Boolean z = k > 0;
        long sum = i + l + d.longValue() + f.intValue() + s + b + c + (z ? 1 : 0);
        Integer boxed = null;
        try { sum += boxed; } catch (NullPointerException e) { sum ^= 0x5555; }
        return sum;
    }

    public static String testEqualsHash(int k) {
        String a = "abc" + k, b = new String(a), c = String.valueOf(new char[] { 'a', 'b', 'c' }) + k;
        return a.equals(b) + " " + (a == b) + " " + (a.hashCode() == c.hashCode()) + " " + a.hashCode() + " " + (a.intern() == b.intern())
                + " " + Integer.valueOf(k).hashCode() + " " + Long.valueOf(k * 3000000000L).hashCode() + " " + Double.valueOf(k).hashCode()
                + " " + Boolean.hashCode(k > 0) + " " + Character.valueOf('q').hashCode() + " " + "".hashCode();
    }

    public static String testFormat(int k) {
        return String.format("%d|%5d|%-5d|%05d|%x|%X|%o|%s|%c|%b|%.3f|%10.2f|%e|%%|%n", k, k, k, k, k, k, k, "s", 'c', k > 0, k / 7.0, k * 1.5, k * 1000.0)
                + String.format("%s and %s", "a", null) + String.format("%08.3f", -3.14159) + String.format("%,d", k * 1000L);
    }

    public static String testStringOps(String s) {
        return s.length() + "|" + s.toUpperCase() + "|" + s.toLowerCase() + "|" + s.trim() + "|" + s.indexOf('l') + "|" + s.lastIndexOf("l") + "|"
                + s.replace('l', 'L') + "|" + s.contains("lo") + "|" + s.startsWith("He") + "|" + s.endsWith("d") + "|" + String.join(";", s.split(","))
                + "|" + s.isEmpty() + "|" + (s.isEmpty() ? "" : s.substring(1)) + "|" + s.compareTo("hello") + "|" + s.equalsIgnoreCase("HELLO")
                + "|" + s.repeat(2) + "|" + s.strip() + "|" + s.chars().sum() + "|" + String.valueOf(s.toCharArray(), 0, Math.min(2, s.length()));
    }

    public static String testNumberParsing(int k) {
        String s = Integer.toString(k);
        return Integer.parseInt(s) + " " + Integer.toHexString(k) + " " + Integer.toBinaryString(k & 0xff) + " " + Long.toString(k, 36) + " "
                + Double.parseDouble("1.5e" + (k & 7)) + " " + Integer.valueOf(s) + " " + Integer.MAX_VALUE + " " + Character.isDigit(s.charAt(s.length() - 1))
                + " " + Integer.bitCount(k) + " " + Integer.reverse(k) + " " + Long.numberOfTrailingZeros(k) + " " + Integer.compare(k, 0) + " " + Math.abs(k);
    }

    public static String testDoubleToString(int k) {
        double[] ds = { k, k / 10.0, k * 1e10, k * 1e-10, 1.0 / 3, 100.0, 1e7, 1e-3, 1e-4, 0.1 + 0.2 };
        StringBuilder sb = new StringBuilder();
        for (double d : ds) sb.append(d).append(' ').append((float) d).append(' ');
        return sb.toString();
    }

    public static String testCharOps(int k) {
        char c = (char) ('a' + Math.floorMod(k, 26));
        return "" + Character.toUpperCase(c) + Character.isLetter(c) + Character.getNumericValue('7') + (char) (c + 1) + (int) c + Character.toString(c + 2);
    }

    public static String testSwitchOnStringBuilt(int k) {
        String s = new StringBuilder("ke").append('y').append(k % 3).toString();
        switch (s) { case "key0": return "zero"; case "key1": return "one"; default: return "other:" + s; }
    }
}
