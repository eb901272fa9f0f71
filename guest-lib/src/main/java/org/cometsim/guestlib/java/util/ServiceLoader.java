package org.cometsim.guestlib.java.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ConcurrentModificationException;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.cometsim.guestlib.java.lang.StringBuilder;

/**
 * {@code java.util.ServiceLoader} for guest code: providers of a service listed in the
 * {@code META-INF/services/<binary name of the service>} files of a class loader's resources
 * (the guest {@code java.class.path} in the VM), as JDK 17 finds providers on the class path.
 *
 * <p>Behaviour follows the JDK's documentation and is checked against the JDK's class
 * ({@code ServiceLoaderDifferentialTest}): configuration files are read from
 * {@code loader.getResources(...)} in order, UTF-8, one fully qualified class name per line,
 * {@code #} starts a comment, whitespace is trimmed, a name listed twice (in any file) counts once;
 * a file is parsed whole when the lookup reaches it, so a syntax error fails that file. Providers
 * are located lazily as an iterator or stream advances ({@code Class.forName(name, false, loader)},
 * subtype check, public no-arg constructor); an error found while locating is reported by the
 * following {@code next()} (the {@code hasNext()} before it answers true), with the JDK's
 * {@link ServiceConfigurationError} messages. Iterators share the providers instantiated so far
 * (in instantiation order) until {@link #reload()}; streams likewise share the {@link Provider}s
 * located so far, and {@link Provider#get()} makes a new instance each time. An iterator or
 * stream made before a {@code reload()} throws {@link ConcurrentModificationException}.
 *
 * <p>Service types of the JDK itself (their class loader is the bootstrap loader, null): the
 * JDK's own providers (from its modules) come first, as on the JVM. In the VM they come from
 * the native {@link #jdkProviders}, which asks the host JDK's {@code ServiceLoader} (providers of
 * the JDK's own modules only) and hands over the provider instances as host objects (a stream's
 * {@code get()} returns that same instance every time). On a plain JVM (the differential tests)
 * the native is not bound, so a JDK service type throws {@link UnsatisfiedLinkError} there.
 *
 * <p>Not provided: the module-layer variants ({@code load(ModuleLayer, Class)}), providers in
 * named modules and their static {@code provider()} factory methods, the caller-module
 * {@code uses} check. {@link #loadInstalled} finds the JDK's providers only.
 */
public final class ServiceLoader<S> implements Iterable<S> {

    /** A located provider: its class, and a new instance on each {@link #get()}. */
    public static interface Provider<S> extends Supplier<S> {
        Class<? extends S> type();

        @Override
        S get();
    }

    private static final String PREFIX = "META-INF/services/";

    private final Class<S> service;
    /** Loader of the configuration files and provider classes; null: no class-path lookup. */
    private final ClassLoader loader;

    /** Providers instantiated by iterators so far, in instantiation order. */
    private ArrayList<S> instantiated = new ArrayList<>();
    private Lookup iteratorLookup;
    /** Providers located by streams so far, in location order. */
    private ArrayList<Provider<S>> located = new ArrayList<>();
    private Lookup streamLookup;
    private int reloadCount;

    private ServiceLoader(Class<S> service, ClassLoader loader) {
        this.service = service;
        this.loader = loader;
    }

    /** Providers of {@code service} visible to the thread context class loader (else the system class loader). */
    public static <S> ServiceLoader<S> load(Class<S> service) {
        return load(service, Thread.currentThread().getContextClassLoader());
    }

    /** Providers of {@code service} visible to {@code loader}; null means the system class loader. */
    public static <S> ServiceLoader<S> load(Class<S> service, ClassLoader loader) {
        Objects.requireNonNull(service);
        return new ServiceLoader<>(service, loader != null ? loader : ClassLoader.getSystemClassLoader());
    }

    /**
     * Installed providers only: {@code load(service, ClassLoader.getPlatformClassLoader())}. In
     * the VM the platform loader is null (it has no resources of its own), so only the JDK's
     * providers of a JDK service type are found.
     */
    public static <S> ServiceLoader<S> loadInstalled(Class<S> service) {
        Objects.requireNonNull(service);
        return new ServiceLoader<>(service, ClassLoader.getPlatformClassLoader());
    }

    /**
     * The host JDK's providers of a JDK service type (instances, in the JDK's order), registered
     * by the VM: those of the JDK's modules visible to the system class loader, or with
     * {@code installed} only those of the platform loader's ({@link #loadInstalled}).
     */
    private static native Object[] jdkProviders(Class<?> service, boolean installed);

    /**
     * A lazy iterator over the providers: first those instantiated by earlier iterators, then
     * the remaining ones, located and instantiated as it advances.
     */
    @Override
    public Iterator<S> iterator() {
        if (iteratorLookup == null) {
            iteratorLookup = new Lookup();
        }
        return new ProviderIterator();
    }

    /** A lazy stream of the providers ({@link Provider#type()} without instantiating). */
    public Stream<Provider<S>> stream() {
        if (streamLookup == null) {
            streamLookup = new Lookup();
        }
        return StreamSupport.stream(new ProviderSpliterator(), false);
    }

    /** The first provider the iterator yields (instantiated), or empty. */
    public Optional<S> findFirst() {
        Iterator<S> it = iterator();
        if (it.hasNext()) {
            return Optional.of(it.next());
        }
        return Optional.empty();
    }

    /** Forgets every located and instantiated provider; iterators and streams made before fail. */
    public void reload() {
        instantiated = new ArrayList<>();
        located = new ArrayList<>();
        iteratorLookup = null;
        streamLookup = null;
        reloadCount++;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("java.util.ServiceLoader[").append(service.getName()).append(']');
        return sb.toString();
    }

    private ServiceConfigurationError error(String detail, Throwable cause) {
        return error(service, detail, cause);
    }

    /** The JDK's form: {@code <service name>: <detail>}. */
    static ServiceConfigurationError error(Class<?> service, String detail, Throwable cause) {
        StringBuilder sb = new StringBuilder();
        sb.append(service.getName()).append(": ").append(detail);
        return cause == null ? new ServiceConfigurationError(sb.toString())
                : new ServiceConfigurationError(sb.toString(), cause);
    }

    private static String concat(String a, String b) {
        StringBuilder sb = new StringBuilder();
        sb.append(a).append(b);
        return sb.toString();
    }

    /**
     * A provider: a class on the class path (a new instance per {@link #get()}), or a JDK
     * provider instance. Equal when of the same service and type.
     */
    private static final class ProviderImpl<S> implements Provider<S> {
        private final Class<S> service;
        private final Class<? extends S> type;
        private final Constructor<? extends S> ctor;
        private final S instance;

        ProviderImpl(Class<S> service, Class<? extends S> type, Constructor<? extends S> ctor, S instance) {
            this.service = service;
            this.type = type;
            this.ctor = ctor;
            this.instance = instance;
        }

        @Override
        public Class<? extends S> type() {
            return type;
        }

        @Override
        public S get() {
            if (instance != null) {
                return instance;
            }
            Throwable cause;
            if (!Modifier.isPublic(type.getModifiers())) {
                // The JDK's reflective access check (from java.base) refuses a non-public class.
                StringBuilder sb = new StringBuilder();
                sb.append("class java.util.ServiceLoader$ProviderImpl (in module java.base) cannot access a member of class ")
                        .append(type.getName()).append(" with modifiers \"public\"");
                cause = new IllegalAccessException(sb.toString());
            } else {
                try {
                    return service.cast(ctor.newInstance());
                } catch (InvocationTargetException e) {
                    cause = e.getCause();
                } catch (Throwable e) {
                    cause = e;
                }
            }
            StringBuilder sb = new StringBuilder();
            sb.append("Provider ").append(type.getName()).append(" could not be instantiated");
            throw error(service, sb.toString(), cause);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof ProviderImpl)) {
                return false;
            }
            ProviderImpl<?> that = (ProviderImpl<?>) o;
            return that.service == service && that.type == type;
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, type, null);
        }
    }

    /**
     * Locates providers one at a time: the JDK's providers of a JDK service type, then the names
     * in each configuration file of the loader, skipping names seen before. An error found while
     * locating is kept and thrown by the next {@link #next()}.
     */
    private final class Lookup {
        private Object[] jdk;
        private int jdkIndex;
        private Enumeration<URL> configs;
        private ArrayList<String> names;
        private int nameIndex;
        private final HashSet<String> seen = new HashSet<>();
        private ProviderImpl<S> next;
        private ServiceConfigurationError nextError;

        boolean hasNext() {
            if (next != null || nextError != null) {
                return true;
            }
            try {
                next = locate();
            } catch (ServiceConfigurationError e) {
                nextError = e;
                return true;
            }
            return next != null;
        }

        ProviderImpl<S> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ServiceConfigurationError e = nextError;
            if (e != null) {
                nextError = null;
                throw e;
            }
            ProviderImpl<S> p = next;
            next = null;
            return p;
        }

        @SuppressWarnings("unchecked")
        private ProviderImpl<S> locate() {
            if (jdk == null) {
                jdk = service.getClassLoader() == null
                        ? jdkProviders(service, loader == null || loader == ClassLoader.getPlatformClassLoader())
                        : new Object[0];
            }
            if (jdkIndex < jdk.length) {
                S p = service.cast(jdk[jdkIndex++]);
                return new ProviderImpl<>(service, (Class<? extends S>) p.getClass(), null, p);
            }
            if (loader == null) {
                return null;
            }
            while (names == null || nameIndex >= names.size()) {
                if (configs == null) {
                    try {
                        configs = loader.getResources(concat(PREFIX, service.getName()));
                    } catch (IOException e) {
                        throw error("Error locating configuration files", e);
                    }
                }
                if (!configs.hasMoreElements()) {
                    return null;
                }
                names = null;
                nameIndex = 0;
                names = parse(configs.nextElement());
            }
            return classPathProvider(names.get(nameIndex++));
        }

        /** The new names of one configuration file (the whole file, so a syntax error fails it). */
        private ArrayList<String> parse(URL url) {
            ArrayList<String> out = new ArrayList<>();
            try (InputStream in = url.openStream();
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                int lineNo = 0;
                String line;
                while ((line = r.readLine()) != null) {
                    lineNo++;
                    int hash = line.indexOf('#');
                    if (hash >= 0) {
                        line = line.substring(0, hash);
                    }
                    line = line.trim();
                    if (line.isEmpty()) {
                        continue;
                    }
                    if (line.indexOf(' ') >= 0 || line.indexOf('\t') >= 0) {
                        throw syntax(url, lineNo, "Illegal configuration-file syntax");
                    }
                    int cp = line.codePointAt(0);
                    if (!Character.isJavaIdentifierStart(cp)) {
                        throw syntax(url, lineNo, concat("Illegal provider-class name: ", line));
                    }
                    for (int i = Character.charCount(cp); i < line.length(); i += Character.charCount(cp)) {
                        cp = line.codePointAt(i);
                        if (!Character.isJavaIdentifierPart(cp) && cp != '.') {
                            throw syntax(url, lineNo, concat("Illegal provider-class name: ", line));
                        }
                    }
                    if (seen.add(line)) {
                        out.add(line);
                    }
                }
            } catch (IOException e) {
                throw error("Error accessing configuration file", e);
            }
            return out;
        }

        private ServiceConfigurationError syntax(URL url, int lineNo, String detail) {
            StringBuilder sb = new StringBuilder();
            sb.append(url.toString()).append(':').append(lineNo).append(": ").append(detail);
            return error(sb.toString(), null);
        }

        @SuppressWarnings("unchecked")
        private ProviderImpl<S> classPathProvider(String name) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException e) {
                StringBuilder sb = new StringBuilder();
                sb.append("Provider ").append(name).append(" not found");
                throw error(sb.toString(), null);
            }
            if (!service.isAssignableFrom(c)) {
                throw error(concat(c.getName(), " not a subtype"), null);
            }
            Constructor<?> ctor;
            try {
                ctor = c.getConstructor();
            } catch (NoSuchMethodException e) {
                throw error(concat(c.getName(), " Unable to get public no-arg constructor"), e);
            }
            return new ProviderImpl<>(service, (Class<? extends S>) c, (Constructor<? extends S>) ctor, null);
        }
    }

    private final class ProviderIterator implements Iterator<S> {
        private final int expectedReloads = reloadCount;
        private int index;

        private void checkReload() {
            if (reloadCount != expectedReloads) {
                throw new ConcurrentModificationException();
            }
        }

        @Override
        public boolean hasNext() {
            checkReload();
            return index < instantiated.size() || iteratorLookup.hasNext();
        }

        @Override
        public S next() {
            checkReload();
            S s;
            if (index < instantiated.size()) {
                s = instantiated.get(index);
            } else {
                s = iteratorLookup.next().get();
                instantiated.add(s);
            }
            index++;
            return s;
        }
    }

    private final class ProviderSpliterator implements Spliterator<Provider<S>> {
        private final int expectedReloads = reloadCount;
        private int index;

        @Override
        public boolean tryAdvance(Consumer<? super Provider<S>> action) {
            if (reloadCount != expectedReloads) {
                throw new ConcurrentModificationException();
            }
            Provider<S> p;
            if (index < located.size()) {
                p = located.get(index);
            } else if (streamLookup.hasNext()) {
                p = streamLookup.next();
                located.add(p);
            } else {
                return false;
            }
            index++;
            action.accept(p);
            return true;
        }

        @Override
        public Spliterator<Provider<S>> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }

        @Override
        public int characteristics() {
            return Spliterator.ORDERED | Spliterator.NONNULL;
        }
    }
}
