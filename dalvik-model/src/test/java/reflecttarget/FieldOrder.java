package reflecttarget;

import java.lang.reflect.Field;

/** Guest code for {@code GuestReflectionFieldOrderTest}: declared fields whose order is not name order. */
public class FieldOrder {
    public static class Sample {
        int zeta;
        static String beta = "b";
        long alpha;
        Object mid;
        private final int omega = 1;
    }

    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (Field f : Sample.class.getDeclaredFields()) {
            sb.append(sb.length() == 0 ? "" : " ").append(f.getName());
        }
        return sb.toString();
    }
}
