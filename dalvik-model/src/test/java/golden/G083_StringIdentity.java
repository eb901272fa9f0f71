package golden;

/**
 * String identity (issue #12): literals are one object per content across classes, constant
 * expressions fold into literals, intern() of an equal string built at run time is the literal,
 * strings from String.valueOf(null) and concatenation with null intern to their literals.
 * (Whether intern() of a fresh string with no literal yet returns that very string depends on
 * HotSpot resolving literals lazily: a documented gap, see ConformanceGapsTest.)
 */
public class G083_StringIdentity {
    static final String C = "hello";
    static final String FOLDED = "hel" + "lo";

    static String other() {
        return G080_SuperThroughLibrary.class == null ? null : "hello";
    }

    public static void main(String[] args) {
        String lit = "hello";
        String built = new StringBuilder("hel").append("lo").toString();
        System.out.println((lit == built) + " " + (lit == built.intern()) + " " + (C == lit) + " " + (FOLDED == lit)
                + " " + (built.intern() == built.intern()) + " " + (other() == lit));
        String half = "hel";
        String runtime = half + "lo";
        System.out.println((runtime == lit) + " " + (runtime.intern() == lit) + " " + runtime.equals(lit));
        String s = String.valueOf((Object) null);
        System.out.println(s + " " + (s.intern() == "null") + " " + ("a" + null) + " " + (("a" + null).intern() == "anull"));
        String e = "";
        System.out.println((e == new String("").intern()) + " " + ("" + "" == e) + " " + (e == String.valueOf(new char[0]).intern()));
        System.out.println(String.class.getName().intern() == "java.lang.String");
        System.out.println(Integer.toString(5).intern() == "5");
        String copy = new String(lit);
        System.out.println((copy == lit) + " " + (copy.intern() == lit) + " " + (copy.toString() == copy) + " " + (lit.substring(0) == lit));
        System.out.println((lit.concat("") == lit) + " " + (lit.trim() == lit) + " " + (lit.strip() == lit) + " " + (lit.replace('z', 'q') == lit));
    }
}
