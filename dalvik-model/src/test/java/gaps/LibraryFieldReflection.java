package gaps;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Reflection on public fields of JDK classes stops as an unsupported API. */
public class LibraryFieldReflection {
    public static void main(String[] args) throws Exception {
        System.out.println(Integer.class.getField("MAX_VALUE").get(null));
        Field f = Long.class.getField("MIN_VALUE");
        System.out.println(f.getName() + " " + f.getType() + " " + f.getLong(null) + " " + Modifier.toString(f.getModifiers()));
        System.out.println(Math.class.getField("PI").getDouble(null));
    }
}
