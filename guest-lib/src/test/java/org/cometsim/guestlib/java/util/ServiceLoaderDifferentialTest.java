package org.cometsim.guestlib.java.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our ServiceLoader vs JDK 17's java.util.ServiceLoader, both given the same class loader: the
 * configuration files are test resources under two roots ({@code serviceloader/root1},
 * {@code root2}, through one URLClassLoader) and on the test class path itself. Every scenario
 * is run against both and written as a transcript (provider classes, which results are the same
 * instance, exception classes and messages with their causes); the transcripts must be equal.
 */
class ServiceLoaderDifferentialTest {

    // ---- the services and providers the configuration files name ----

    public interface Greeter {
        String greet();
    }

    public interface NotSubtype {
    }

    public interface MissingClass {
    }

    public interface IllegalName {
    }

    public interface Construction {
    }

    public interface Unlisted {
    }

    public static class English implements Greeter, NotSubtype, MissingClass, IllegalName, Construction {
        @Override
        public String greet() {
            return "hello";
        }
    }

    public static class French implements Greeter {
        @Override
        public String greet() {
            return "bonjour";
        }
    }

    public static class German implements Greeter, NotSubtype, MissingClass, IllegalName, Construction {
        @Override
        public String greet() {
            return "hallo";
        }
    }

    /** Counts its instances, so the runs can compare how often providers are instantiated. */
    public static class Counting implements Greeter {
        static int made;

        public Counting() {
            made++;
        }

        @Override
        public String greet() {
            return "#" + made;
        }
    }

    public static class NotAGreeter {
    }

    public static class NoDefaultCtor implements Construction {
        public NoDefaultCtor(int x) {
        }
    }

    static class Hidden implements Construction {
        public Hidden() {
        }
    }

    public static class Failing implements Construction {
        public Failing() {
            throw new IllegalStateException("provider refuses");
        }
    }

    public abstract static class AbstractGreeter implements Construction {
        public AbstractGreeter() {
        }
    }

    // ---- the two implementations behind one face ----

    /** What a scenario may do with a service loader, for either implementation. */
    private interface Api {
        Iterator<?> iterator();

        Stream<?> stream();

        Optional<?> findFirst();

        void reload();

        Class<?> type(Object provider);

        Object get(Object provider);

        String text();
    }

    private static Api jdk(java.util.ServiceLoader<?> s) {
        return new Api() {
            public Iterator<?> iterator() {
                return s.iterator();
            }

            public Stream<?> stream() {
                return s.stream();
            }

            public Optional<?> findFirst() {
                return s.findFirst();
            }

            public void reload() {
                s.reload();
            }

            public Class<?> type(Object p) {
                return ((java.util.ServiceLoader.Provider<?>) p).type();
            }

            public Object get(Object p) {
                return ((Supplier<?>) p).get();
            }

            public String text() {
                return s.toString();
            }
        };
    }

    private static Api ours(ServiceLoader<?> s) {
        return new Api() {
            public Iterator<?> iterator() {
                return s.iterator();
            }

            public Stream<?> stream() {
                return s.stream();
            }

            public Optional<?> findFirst() {
                return s.findFirst();
            }

            public void reload() {
                s.reload();
            }

            public Class<?> type(Object p) {
                return ((ServiceLoader.Provider<?>) p).type();
            }

            public Object get(Object p) {
                return ((Supplier<?>) p).get();
            }

            public String text() {
                return s.toString();
            }
        };
    }

    /** A transcript: objects are named by class and the order in which this run first saw them. */
    private static final class Log {
        final List<String> lines = new java.util.ArrayList<>();
        private final java.util.IdentityHashMap<Object, Integer> ids = new java.util.IdentityHashMap<>();

        void add(String s) {
            lines.add(s);
        }

        String name(Object o) {
            if (o == null) {
                return "null";
            }
            Integer id = ids.get(o);
            if (id == null) {
                id = ids.size();
                ids.put(o, id);
            }
            return o.getClass().getSimpleName() + "#" + id;
        }

        static String error(Throwable t) {
            String s = t.getClass().getName() + ": " + t.getMessage();
            if (t.getCause() != null) {
                s += " / cause " + t.getCause().getClass().getName() + ": " + t.getCause().getMessage();
            }
            return s;
        }

        void iterate(String label, Iterator<?> it, int steps) {
            for (int i = 0; i < steps; i++) {
                try {
                    boolean h = it.hasNext();
                    add(label + " hasNext " + h);
                    if (!h) {
                        return;
                    }
                } catch (Throwable t) {
                    add(label + " hasNext threw " + error(t));
                    return;
                }
                try {
                    add(label + " next " + name(it.next()));
                } catch (Throwable t) {
                    add(label + " next threw " + error(t));
                }
            }
        }

        void stream(String label, Api api, boolean get) {
            try {
                api.stream().forEach(p -> {
                    add(label + " provider " + name(p) + " type " + api.type(p).getSimpleName());
                    if (get) {
                        try {
                            add(label + " get " + name(api.get(p)));
                        } catch (Throwable t) {
                            add(label + " get threw " + error(t));
                        }
                    }
                });
                add(label + " end");
            } catch (Throwable t) {
                add(label + " threw " + error(t));
            }
        }
    }

    private static ClassLoader roots() {
        ClassLoader test = ServiceLoaderDifferentialTest.class.getClassLoader();
        return new URLClassLoader(new URL[]{test.getResource("serviceloader/root1/"), test.getResource("serviceloader/root2/")},
                test);
    }

    private static <S> void same(Class<S> service, ClassLoader loader, Function<Api, List<String>> scenario) {
        Counting.made = 0;
        List<String> expected = scenario.apply(jdk(java.util.ServiceLoader.load(service, loader)));
        expected.add("Counting made " + Counting.made);
        Counting.made = 0;
        List<String> actual = scenario.apply(ours(ServiceLoader.load(service, loader)));
        actual.add("Counting made " + Counting.made);
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    // ---- scenarios ----

    @Test
    void iterationOrderCachingStreamsAndReload() {
        same(Greeter.class, roots(), api -> {
            Log log = new Log();
            log.add(api.text());
            log.iterate("first", api.iterator(), 10);
            log.iterate("second", api.iterator(), 10); // the same instances again
            log.add("findFirst " + log.name(api.findFirst().orElse(null)));
            log.stream("stream1", api, true); // new instances from get()
            log.stream("stream2", api, false); // the same Provider objects
            for (Iterator<?> it = api.iterator(); it.hasNext();) {
                log.add("greet " + ((Greeter) it.next()).greet());
            }
            api.reload();
            log.iterate("after reload", api.iterator(), 10);
            log.add("findFirst " + log.name(api.findFirst().orElse(null)));
            return log.lines;
        });
    }

    @Test
    void interleavedIteratorsShareOneLookup() {
        for (Class<?> service : List.of(Greeter.class, Construction.class, MissingClass.class)) {
            same(service, roots(), api -> {
                Log log = new Log();
                Iterator<?> a = api.iterator();
                Iterator<?> b = api.iterator();
                log.iterate("a", a, 1);
                log.iterate("b", b, 2);
                log.iterate("a", a, 3);
                log.iterate("c", api.iterator(), 10);
                log.iterate("b", b, 10);
                log.iterate("a", a, 10);
                log.stream("s", api, false);
                return log.lines;
            });
        }
    }

    @Test
    void streamBeforeIterator() {
        same(Greeter.class, roots(), api -> {
            Log log = new Log();
            Iterator<?> s = api.stream().iterator();
            log.add("first provider type " + api.type(s.next()).getSimpleName());
            log.iterate("it", api.iterator(), 10);
            log.stream("stream", api, true);
            return log.lines;
        });
    }

    @ParameterizedTest
    @ValueSource(classes = {NotSubtype.class, MissingClass.class, IllegalName.class, Construction.class, Unlisted.class})
    void errorCases(Class<?> service) {
        same(service, roots(), api -> {
            Log log = new Log();
            log.add(api.text());
            log.iterate("it", api.iterator(), 12);
            log.iterate("again", api.iterator(), 12);
            try {
                log.add("findFirst " + log.name(api.findFirst().orElse(null)));
            } catch (Throwable t) {
                log.add("findFirst threw " + Log.error(t));
            }
            api.reload();
            log.stream("stream", api, true);
            log.stream("stream again", api, true);
            api.reload();
            try {
                log.add("findFirst " + log.name(api.findFirst().orElse(null)));
            } catch (Throwable t) {
                log.add("findFirst threw " + Log.error(t));
            }
            return log.lines;
        });
    }

    @Test
    void iteratorAndStreamFailAfterReload() {
        same(Greeter.class, roots(), api -> {
            Log log = new Log();
            Iterator<?> it = api.iterator();
            log.add("next " + log.name(it.next()));
            Stream<?> st = api.stream();
            api.reload();
            log.iterate("stale", it, 2);
            try {
                log.add("count " + st.count());
            } catch (Throwable t) {
                log.add("stream threw " + Log.error(t));
            }
            Iterator<?> fresh = api.iterator();
            log.iterate("fresh", fresh, 10);
            try {
                fresh.next();
            } catch (Throwable t) {
                log.add("past the end " + Log.error(t));
            }
            try {
                fresh.remove();
            } catch (Throwable t) {
                log.add("remove " + Log.error(t));
            }
            return log.lines;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "a..b", "a.1b", "ab.", ".ab", "a-b", "a$b", "\u00e9t\u00e9.x", "a\tb", "a b", "ab;",
        "a.b;c", "a/b", "x#y z", "\ud835\udc00bc", "a\ud835\udfcec"})
    void illegalNames(String name, @TempDir Path dir) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(IllegalName.class.getName()),
                English.class.getName() + "\n" + name + "\n" + German.class.getName() + "\n", StandardCharsets.UTF_8);
        ClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader());
        same(IllegalName.class, loader, api -> {
            Log log = new Log();
            log.iterate("it", api.iterator(), 5);
            return log.lines;
        });
    }

    /** A loader whose configuration files cannot be listed, opened, read or closed (the file says "aaa"). */
    private static ClassLoader broken(String how) {
        java.net.URLStreamHandler handler = new java.net.URLStreamHandler() {
            @Override
            protected java.net.URLConnection openConnection(URL u) throws IOException {
                if (how.equals("open")) {
                    throw new IOException("cannot open " + u);
                }
                return new java.net.URLConnection(u) {
                    @Override
                    public void connect() {
                    }

                    @Override
                    public java.io.InputStream getInputStream() {
                        return new java.io.InputStream() {
                            private int left = 3;

                            @Override
                            public int read() throws IOException {
                                if (left-- > 0) {
                                    return 'a';
                                }
                                if (how.equals("close")) {
                                    return -1;
                                }
                                throw new IOException("cannot read");
                            }

                            @Override
                            public void close() throws IOException {
                                if (how.equals("close")) {
                                    throw new IOException("cannot close");
                                }
                            }
                        };
                    }
                };
            }
        };
        return new ClassLoader(ServiceLoaderDifferentialTest.class.getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                if (how.equals("list")) {
                    throw new IOException("cannot list " + name);
                }
                return java.util.Collections.enumeration(List.of(new URL("test", "host", 1, "/" + name, handler)));
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "open", "read", "close"})
    void ioErrors(String how) {
        same(Greeter.class, broken(how), api -> {
            Log log = new Log();
            log.iterate("it", api.iterator(), 3);
            log.stream("stream", api, false);
            return log.lines;
        });
    }

    @Test
    void defaultLoaders() {
        Function<Api, List<String>> all = api -> {
            Log log = new Log();
            log.add(api.text());
            log.iterate("it", api.iterator(), 5);
            log.stream("stream", api, false);
            return log.lines;
        };
        ClassLoader tccl = Thread.currentThread().getContextClassLoader();
        List<String> jdkCtx = all.apply(jdk(java.util.ServiceLoader.load(Greeter.class)));
        List<String> oursCtx = all.apply(ours(ServiceLoader.load(Greeter.class)));
        assertEquals(jdkCtx, oursCtx);
        assertTrue(oursCtx.contains("it next German#0"), oursCtx.toString());
        assertEquals(all.apply(jdk(java.util.ServiceLoader.load(Greeter.class, null))),
                all.apply(ours(ServiceLoader.load(Greeter.class, null))));
        assertEquals(all.apply(jdk(java.util.ServiceLoader.loadInstalled(Greeter.class))),
                all.apply(ours(ServiceLoader.loadInstalled(Greeter.class))));
        // The context class loader is the one the two-argument form is given.
        Thread.currentThread().setContextClassLoader(roots());
        try {
            assertEquals(all.apply(jdk(java.util.ServiceLoader.load(Greeter.class))),
                    all.apply(ours(ServiceLoader.load(Greeter.class))));
        } finally {
            Thread.currentThread().setContextClassLoader(tccl);
        }
        // null service
        String jdkNull = null;
        String oursNull = null;
        try {
            java.util.ServiceLoader.load(null);
        } catch (Throwable t) {
            jdkNull = Log.error(t);
        }
        try {
            ServiceLoader.load(null);
        } catch (Throwable t) {
            oursNull = Log.error(t);
        }
        assertEquals(jdkNull, oursNull);
        try {
            java.util.ServiceLoader.load(null, roots());
        } catch (Throwable t) {
            jdkNull = Log.error(t);
        }
        try {
            ServiceLoader.load(null, roots());
        } catch (Throwable t) {
            oursNull = Log.error(t);
        }
        assertEquals(jdkNull, oursNull);
    }

    @Test
    void providersEqualAcrossStreamsAndHashLikeTheJdk() {
        ClassLoader loader = roots();
        List<?> jdkProviders = java.util.ServiceLoader.load(Greeter.class, loader).stream().toList();
        ServiceLoader<Greeter> sl = ServiceLoader.load(Greeter.class, loader);
        List<ServiceLoader.Provider<Greeter>> ourProviders = sl.stream().toList();
        assertEquals(jdkProviders.size(), ourProviders.size());
        for (int i = 0; i < ourProviders.size(); i++) {
            ServiceLoader.Provider<Greeter> p = ourProviders.get(i);
            assertEquals(((java.util.ServiceLoader.Provider<?>) jdkProviders.get(i)).type(), p.type());
            assertEquals(jdkProviders.get(i).hashCode(), p.hashCode());
            assertTrue(p.equals(p));
            assertNotEquals(p.get(), p.get());
        }
        assertFalse(ourProviders.get(0).equals(ourProviders.get(1)));
        ServiceLoader<Greeter> other = ServiceLoader.load(Greeter.class, loader);
        assertEquals(ourProviders.get(0), other.stream().findFirst().orElseThrow());
        assertTrue(ourProviders.get(0).getClass().getName().endsWith("ServiceLoader$ProviderImpl"));
    }
}
