package golden;

import java.util.Locale;

/** Strings, StringBuilder, boxing caches, String.format, character handling. */
public class G008_StringsBoxing {
    public static void main(String[] args) {
        String s = "The quick brown fox jumps over the lazy dog";
        System.out.println(s.length() + " " + s.toUpperCase(Locale.ROOT) + " " + s.indexOf("fox") + " " + s.lastIndexOf('o') + " " + s.charAt(4));
        String[] words = s.split(" ");
        StringBuilder acr = new StringBuilder();
        for (String w : words) acr.append(Character.toUpperCase(w.charAt(0)));
        System.out.println("acronym " + acr + " reversed " + new StringBuilder(s).reverse() + " words " + words.length);
        System.out.println(String.join("|", words) + " " + s.replace("o", "0") + " " + s.replaceAll("[aeiou]", "*") + " " + s.matches(".*fox.*"));
        System.out.println("compare " + "apple".compareTo("banana") + " " + "b".compareTo("a") + " " + "abc".compareTo("abcd") + " " + "ABC".equalsIgnoreCase("abc"));
        String a = "hel", b = "lo", c = a + b, lit = "hello";
        System.out.println("identity " + (c == lit) + " " + (c.intern() == lit) + " " + c.equals(lit) + " hash " + lit.hashCode() + " " + "".hashCode());
        Integer i1 = 127, i2 = 127, i3 = 128, i4 = 128;
        Long l1 = 127L, l2 = 127L, l3 = 128L, l4 = 128L;
        System.out.println("cache " + (i1 == i2) + " " + (i3 == i4) + " " + i3.equals(i4) + " " + (l1 == l2) + " " + (l3 == l4) + " " + (i3.intValue() == i4));
        int sum = 0;
        java.util.List<Integer> list = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) list.add(i * i);
        for (int v : list) sum += v;
        Object o = sum;
        System.out.println("unboxed sum " + sum + " boxed type " + o.getClass().getSimpleName() + " " + (o instanceof Integer) + " " + ((Integer) o + 1));
        System.out.println(String.format("|%6.2f|%-8s|%08X|%+d|%,d|%s|%c|%b|%e|%10.3e|", Math.PI, "left", 0xBEEF, 42, 1234567890, null, 'z', true, 12345.678, 0.000123));
        System.out.println(String.format("%3$s %1$s %2$s", "a", "b", "c") + " " + String.format("%5s|%-5s|", "ab", "cd") + String.format("%.0f %.1f %.2f", 2.5, 0.05, 1.005));
        StringBuilder sb = new StringBuilder();
        for (char ch = 'a'; ch <= 'z'; ch += 3) sb.append(ch).append((int) ch).append(',');
        sb.setLength(sb.length() - 1);
        System.out.println(sb + " cap>=len " + (sb.capacity() >= sb.length()));
        String uni = "na\u00efve \u65e5\u672c \ud83d\ude00!";
        System.out.println("unicode len=" + uni.length() + " cps=" + uni.codePointCount(0, uni.length()) + " upper=" + uni.toUpperCase(Locale.ROOT) + " cp=" + uni.codePointAt(9));
        char[] cs = { 'd', 'a', 'c', 'b' };
        java.util.Arrays.sort(cs);
        System.out.println(new String(cs) + String.valueOf(3.0f) + String.valueOf(true) + String.valueOf((Object) null) + Integer.toString(255, 16) + Long.toBinaryString(10));
        System.out.println(Integer.parseInt("-123") + Integer.valueOf("77") + Double.parseDouble("1e3") + " " + Boolean.parseBoolean("TRUE") + " " + Integer.parseInt("7fffffff", 16));
        for (String bad : new String[] { "12a", "", "99999999999", " 5" }) {
            try { System.out.println(Integer.parseInt(bad)); } catch (NumberFormatException e) { System.out.println("NFE: " + e.getMessage()); }
        }
        String text = "";
        for (int i = 0; i < 5; i++) text += i + ",";
        System.out.println(text + " " + "a,b,,c,".split(",").length + " " + "  trim me ".trim() + "|" + "x".repeat(3) + " " + "Mississippi".chars().filter(ch -> ch == 's').count());
    }
}
