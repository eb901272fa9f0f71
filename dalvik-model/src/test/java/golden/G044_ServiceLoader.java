package golden;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * java.util.ServiceLoader (the guest library's in the VM) with providers of guest services listed
 * in test resources META-INF/services/golden.G044_ServiceLoader$*: order, comments, duplicates,
 * lazy instantiation and caching, findFirst, stream, reload, the error cases with the JDK's
 * ServiceConfigurationError messages; and JDK service types, whose providers come from the JDK's
 * own modules (the VM's native jdkProviders).
 */
public class G044_ServiceLoader {
    public interface Shape {
        String name();

        int corners();
    }

    public interface Checked {
    }

    public interface Missing {
    }

    public interface Illegal {
    }

    public interface Built {
    }

    static int made;

    public static class Square implements Shape, Checked, Missing, Illegal, Built {
        public Square() {
            made++;
        }

        public String name() {
            return "square";
        }

        public int corners() {
            return 4;
        }
    }

    public static class Circle implements Shape, Checked {
        public Circle() {
            made++;
        }

        public String name() {
            return "circle";
        }

        public int corners() {
            return 0;
        }
    }

    public static class Triangle implements Shape {
        public Triangle() {
            made++;
        }

        public String name() {
            return "triangle";
        }

        public int corners() {
            return 3;
        }
    }

    public static class NotAShape {
    }

    public static class NeedsArgument implements Built {
        public NeedsArgument(int n) {
        }
    }

    public static class Refusing implements Built {
        public Refusing() {
            throw new IllegalStateException("no shapes today");
        }
    }

    /** Exception class and message (with the configuration file's URL made portable), and the cause. */
    static String describe(Throwable t, Class<?> service) {
        String msg = String.valueOf(t.getMessage());
        URL url = G044_ServiceLoader.class.getClassLoader().getResource("META-INF/services/" + service.getName());
        if (url != null) {
            msg = msg.replace(url.toString(), "<config file>");
        }
        String s = t.getClass().getName() + ": " + msg;
        if (t.getCause() != null) {
            s += " (cause " + t.getCause().getClass().getName() + ": " + t.getCause().getMessage() + ")";
        }
        return s;
    }

    static void walk(Class<?> service) {
        ServiceLoader<?> sl = ServiceLoader.load(service);
        System.out.println(sl);
        Iterator<?> it = sl.iterator();
        for (int i = 0; i < 8; i++) {
            if (!it.hasNext()) {
                System.out.println("  end");
                break;
            }
            try {
                System.out.println("  next " + it.next().getClass().getSimpleName());
            } catch (Throwable t) {
                System.out.println("  next threw " + describe(t, service));
            }
        }
        sl.reload();
        try {
            System.out.println("  stream " + sl.stream().map(p -> p.type().getSimpleName()).collect(Collectors.toList()));
        } catch (Throwable t) {
            System.out.println("  stream threw " + describe(t, service));
        }
    }

    static <T> List<String> sortedClassNames(Iterable<T> providers) {
        List<String> names = new ArrayList<>();
        for (T p : providers) {
            names.add(p.getClass().getName());
        }
        Collections.sort(names);
        return names;
    }

    public static void main(String[] args) {
        ServiceLoader<Shape> shapes = ServiceLoader.load(Shape.class);
        System.out.println(shapes);
        System.out.println("made before iterating " + made);
        List<Shape> first = new ArrayList<>();
        for (Shape s : shapes) {
            first.add(s);
            System.out.println(s.getClass().getSimpleName() + " " + s.name() + " " + s.corners() + " made " + made);
        }
        List<Shape> second = new ArrayList<>();
        shapes.forEach(second::add);
        boolean same = first.size() == second.size();
        for (int i = 0; same && i < first.size(); i++) {
            same = first.get(i) == second.get(i);
        }
        System.out.println("second iteration same instances " + same + " made " + made);
        System.out.println("findFirst " + shapes.findFirst().map(Shape::name).orElse("none")
                + " cached " + (shapes.findFirst().get() == first.get(0)));
        List<ServiceLoader.Provider<Shape>> providers = shapes.stream().collect(Collectors.toList());
        System.out.println("stream types " + providers.stream().map(p -> p.type().getSimpleName()).collect(Collectors.toList())
                + " made " + made);
        Shape fresh = providers.get(0).get();
        System.out.println("Provider.get " + fresh.name() + " new instance " + (fresh != first.get(0)) + " made " + made);
        System.out.println("stream providers cached " + (shapes.stream().findFirst().get() == providers.get(0)));
        System.out.println("corners " + shapes.stream().map(ServiceLoader.Provider::get).mapToInt(Shape::corners).sum());
        Iterator<Shape> stale = shapes.iterator();
        shapes.reload();
        try {
            stale.hasNext();
            System.out.println("stale iterator went on");
        } catch (RuntimeException e) {
            System.out.println("stale iterator " + e.getClass().getName());
        }
        Shape again = shapes.iterator().next();
        System.out.println("after reload " + again.name() + " new instance " + (again != first.get(0)) + " made " + made);
        Iterator<Shape> done = shapes.iterator();
        while (done.hasNext()) {
            done.next();
        }
        try {
            done.next();
        } catch (RuntimeException e) {
            System.out.println("past the end " + e.getClass().getName());
        }
        System.out.println("explicit loader " + sortedClassNames(ServiceLoader.load(Shape.class, G044_ServiceLoader.class.getClassLoader()))
                .size() + " null loader " + ServiceLoader.load(Shape.class, null).stream().count()
                + " installed " + ServiceLoader.loadInstalled(Shape.class).findFirst().isPresent());
        try {
            ServiceLoader.load(null);
        } catch (NullPointerException e) {
            System.out.println("load(null) " + e.getClass().getName());
        }

        walk(Checked.class);
        walk(Missing.class);
        walk(Illegal.class);
        walk(Built.class);

        // JDK service types: the JDK's own providers.
        Class<?>[] jdkServices = {java.nio.charset.spi.CharsetProvider.class, java.nio.file.spi.FileSystemProvider.class,
            java.util.spi.ToolProvider.class};
        for (Class<?> service : jdkServices) {
            List<String> all = sortedClassNames(ServiceLoader.load(service));
            List<String> installed = sortedClassNames(ServiceLoader.loadInstalled(service));
            List<String> types = ServiceLoader.load(service).stream().map(p -> p.type().getName()).sorted()
                    .collect(Collectors.toList());
            System.out.println(service.getSimpleName() + " " + all.size() + " " + all + " installed " + installed.size()
                    + " stream types equal " + types.equals(all));
        }
        List<String> schemes = new ArrayList<>();
        for (java.nio.file.spi.FileSystemProvider p : ServiceLoader.load(java.nio.file.spi.FileSystemProvider.class)) {
            schemes.add(p.getScheme());
        }
        Collections.sort(schemes);
        System.out.println("file system schemes " + schemes);
        java.nio.charset.spi.CharsetProvider charsets =
                ServiceLoader.load(java.nio.charset.spi.CharsetProvider.class).findFirst().orElse(null);
        System.out.println("extended charset " + (charsets == null ? "none" : String.valueOf(charsets.charsetForName("IBM1364"))));
    }
}
