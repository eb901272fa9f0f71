package golden;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Records and their reflection: components in declaration order (dex sorts fields by name, so
 * these come from the class file), types, generic types, accessors invoked reflectively,
 * toString/equals/hashCode of the records themselves, and getRecordComponents of a non-record.
 */
public class G046_Records {
    record Point(int y, int x) {
    }

    record Named<T>(String zeta, List<T> alpha, Map<String, int[]> middle, double[] values, Point where) {
    }

    record Empty() {
    }

    static String describe(Class<?> c) throws Exception {
        StringBuilder sb = new StringBuilder(c.getSimpleName()).append(" record=").append(c.isRecord());
        RecordComponent[] rcs = c.getRecordComponents();
        if (rcs == null) {
            return sb.append(" components=null").toString();
        }
        sb.append(" components=").append(rcs.length);
        for (RecordComponent rc : rcs) {
            sb.append("\n  ").append(rc).append(" | ").append(rc.getName()).append(" : ").append(rc.getType().getName())
                    .append(" : ").append(rc.getGenericType().getTypeName())
                    .append(" | accessor ").append(rc.getAccessor().getName())
                    .append(" | declared by ").append(rc.getDeclaringRecord().getSimpleName())
                    .append(" | annotations ").append(rc.getAnnotations().length);
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        System.out.println(describe(Point.class));
        System.out.println(describe(Named.class));
        System.out.println(describe(Empty.class));
        System.out.println(describe(G046_Records.class));
        Point p = new Point(3, 4);
        System.out.println(p + " " + p.equals(new Point(3, 4)) + " " + (p.hashCode() == new Point(3, 4).hashCode()));
        Named<String> n = new Named<>("z", List.of("a", "b"), Map.of("k", new int[] {1}), new double[] {1.5}, p);
        StringBuilder values = new StringBuilder();
        for (RecordComponent rc : Named.class.getRecordComponents()) {
            Method m = rc.getAccessor();
            Object v = m.invoke(n);
            values.append(rc.getName()).append('=')
                    .append(v instanceof double[] ? Arrays.toString((double[]) v)
                            : v instanceof Map ? ((Map<?, ?>) v).keySet().toString() : String.valueOf(v))
                    .append(' ');
        }
        System.out.println(values.toString().trim());
        System.out.println(new Empty() + " " + new Empty().equals(new Empty()));
    }
}
