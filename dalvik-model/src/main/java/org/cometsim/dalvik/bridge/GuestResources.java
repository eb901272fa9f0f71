package org.cometsim.dalvik.bridge;

import org.cometsim.dalvik.link.NativeRegistry;

import org.cometsim.dalvik.rt.Placement;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.VmClass;

/**
 * Class loaders and resources as the guest sees them. Guest application classes answer
 * {@code getClassLoader()} with this VM's {@link Loader}, whose resources are the files and jar
 * entries of the guest's {@code java.class.path} (what {@code java -cp} would find), not the
 * host's; library classes answer {@code null}, the bootstrap loader, as on the JVM. Reading a
 * resource is file I/O on the device, so every entry point is client-pinned and charged as I/O.
 * A resource crosses into the guest as a host {@code InputStream} over its bytes (counted in the
 * host-state report like any host object).
 */
public final class GuestResources {
    private final Vm vm;
    private final Loader loader;

    public GuestResources(Vm vm) {
        this.vm = vm;
        this.loader = new Loader(this);
    }

    /** The loader of guest application classes (one per VM). */
    public Loader loader() {
        return loader;
    }

    /** The class loader {@code Class.getClassLoader()} returns for {@code k}: null for library classes. */
    public Loader loaderOf(VmClass k) {
        while (k.isArray()) {
            k = k.component;
        }
        if (k.isPrimitive() || k.kind != VmClass.Kind.GUEST || k.replacesHost != null || k.name.startsWith("java.")) {
            return null;
        }
        return loader;
    }

    /**
     * {@code Class.getPackage()} of an application class: a {@code Package} of the VM's loader
     * carrying the specification/implementation attributes of the manifest of the jar that holds
     * the class (as the JVM's application loader does; libraries print their version from it).
     */
    public Package packageOf(VmClass k) {
        while (k.isArray()) {
            k = k.component;
        }
        int dot = k.name.lastIndexOf('.');
        String pkg = dot < 0 ? "" : k.name.substring(0, dot);
        String classFile = k.name.replace('.', '/') + ".class";
        java.util.jar.Manifest manifest = null;
        for (File e : entries()) {
            if (!e.isFile()) {
                continue;
            }
            try (java.util.jar.JarFile j = new java.util.jar.JarFile(e)) {
                if (j.getEntry(classFile) != null) {
                    manifest = j.getManifest();
                    break;
                }
            } catch (IOException ex) {
                // not a jar: no manifest
            }
        }
        return loader.packageOf(pkg, manifest);
    }

    /** {@code k.getResource(name)} / {@code getResourceAsStream}: a relative name is under k's package. */
    public String absoluteName(VmClass k, String name) {
        if (name.startsWith("/")) {
            return name.substring(1);
        }
        while (k.isArray()) {
            k = k.component;
        }
        int dot = k.name.lastIndexOf('.');
        return dot < 0 ? name : k.name.substring(0, dot).replace('.', '/') + "/" + name;
    }

    /** The guest class path entries (jars, zips, apks, directories). */
    private List<File> entries() {
        String cp = vm.guestProperty("java.class.path");
        List<File> out = new ArrayList<>();
        if (cp != null) {
            for (String e : cp.split(File.pathSeparator)) {
                if (!e.isEmpty()) {
                    out.add(new File(e));
                }
            }
        }
        return out;
    }

    /** Every URL of resource {@code name} on the guest class path, in class-path order. */
    public List<URL> urls(String name) {
        List<URL> out = new ArrayList<>();
        if (name == null || name.startsWith("/")) {
            return out; // ClassLoader names are absolute without a leading slash, as on the JVM
        }
        for (File e : entries()) {
            try {
                if (e.isDirectory()) {
                    File f = new File(e, name);
                    if (f.isFile()) {
                        out.add(f.toURI().toURL());
                    }
                } else if (e.isFile()) {
                    try (ZipFile z = new ZipFile(e)) {
                        ZipEntry ze = z.getEntry(name);
                        if (ze != null && !ze.isDirectory()) {
                            out.add(new URL("jar:" + e.toURI() + "!/" + name));
                        }
                    }
                }
            } catch (IOException ex) {
                // an unreadable class-path entry holds no resources, as for java's class loader
            }
        }
        return out;
    }

    public URL url(String name) {
        List<URL> all = urls(name);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The bytes of resource {@code name} as a stream, or null when the class path has none. */
    public InputStream stream(String name) {
        if (name == null || name.startsWith("/")) {
            return null;
        }
        for (File e : entries()) {
            try {
                if (e.isDirectory()) {
                    File f = new File(e, name);
                    if (f.isFile()) {
                        return new ByteArrayInputStream(Files.readAllBytes(f.toPath()));
                    }
                } else if (e.isFile()) {
                    try (ZipFile z = new ZipFile(e)) {
                        ZipEntry ze = z.getEntry(name);
                        if (ze != null && !ze.isDirectory()) {
                            try (InputStream in = z.getInputStream(ze)) {
                                return new ByteArrayInputStream(in.readAllBytes());
                            }
                        }
                    }
                }
            } catch (IOException ex) {
                // as above
            }
        }
        return null;
    }

    /** Registers the static {@code ClassLoader} entry points and the loader's own methods. */
    void register(NativeRegistry reg) {
        String cl = "java.lang.ClassLoader";
        Placement pin = Placement.CLIENT_PINNED;
        HostCost io = HostCost.IO;
        reg.register(cl, "getSystemClassLoader", "()Ljava/lang/ClassLoader;", true, pin, io, null, (in, t, a) -> loader);
        reg.register(cl, "getPlatformClassLoader", "()Ljava/lang/ClassLoader;", true, pin, io, null, (in, t, a) -> null);
        reg.register(cl, "getSystemResource", "(Ljava/lang/String;)Ljava/net/URL;", true, pin, io, null,
                (in, t, a) -> url(nonNull(t, a[0])));
        reg.register(cl, "getSystemResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;", true, pin, io, null,
                (in, t, a) -> stream(nonNull(t, a[0])));
        reg.register(cl, "getSystemResources", "(Ljava/lang/String;)Ljava/util/Enumeration;", true, pin, io, null,
                (in, t, a) -> Collections.enumeration(urls(nonNull(t, a[0]))));
        // ResourceBundle.getBundle finds its caller's loader (caller-sensitive): the guest's is ours.
        String rb = "java.util.ResourceBundle";
        reg.register(rb, "getBundle", "(Ljava/lang/String;)Ljava/util/ResourceBundle;", true, pin, io, null,
                (in, t, a) -> bundle(t, a[0], java.util.Locale.getDefault()));
        reg.register(rb, "getBundle", "(Ljava/lang/String;Ljava/util/Locale;)Ljava/util/ResourceBundle;", true, pin, io, null,
                (in, t, a) -> bundle(t, a[0], a[1]));
        reg.register(rb, "getBundle", "(Ljava/lang/String;Ljava/util/Locale;Ljava/lang/ClassLoader;)Ljava/util/ResourceBundle;",
                true, pin, io, null, (in, t, a) -> {
                    if (a[2] == null) {
                        throw vm.npe(t, null);
                    }
                    return bundle(t, a[0], a[1]);
                });
        // Methods on the loader object itself (the receiver's class is Loader).
        String self = Loader.class.getName();
        reg.register(self, "getResource", "(Ljava/lang/String;)Ljava/net/URL;", false, pin, io, null,
                (in, t, a) -> url(nonNull(t, a[1])));
        reg.register(self, "getResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;", false, pin, io, null,
                (in, t, a) -> stream(nonNull(t, a[1])));
        reg.register(self, "getResources", "(Ljava/lang/String;)Ljava/util/Enumeration;", false, pin, io, null,
                (in, t, a) -> Collections.enumeration(urls(nonNull(t, a[1]))));
        reg.register(self, "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;", false, Placement.OFFLOADABLE,
                HostCost.DEFAULT, null, (in, t, a) -> {
                    String n = nonNull(t, a[1]);
                    VmClass k;
                    try {
                        k = n.startsWith("[") ? null : vm.classForDescriptor(org.cometsim.dalvik.rt.Descriptors.toDescriptor(n));
                    } catch (org.cometsim.dalvik.link.ClassLinker.LinkageFailure e) {
                        k = null;
                    }
                    if (k == null || k.isPrimitive()) {
                        throw vm.guestException(t, "java.lang.ClassNotFoundException", n);
                    }
                    return k;
                });
        reg.register(self, "getParent", "()Ljava/lang/ClassLoader;", false, Placement.OFFLOADABLE, HostCost.DEFAULT, null,
                (in, t, a) -> null);
        reg.register(self, "toString", "()Ljava/lang/String;", false, Placement.OFFLOADABLE, HostCost.DEFAULT, null,
                (in, t, a) -> loader.toString());
    }

    /**
     * A properties-file bundle of the guest class path, loaded by the host's ResourceBundle through
     * {@link Loader} (cached per VM with the loader). A class-based bundle the application defines
     * (a {@code ListResourceBundle} subclass) would have to be a host object: it stops as unsupported
     * rather than being silently skipped in favour of a properties file or a MissingResourceException.
     */
    private Object bundle(org.cometsim.dalvik.rt.GuestThread t, Object name, Object locale) {
        String base = nonNull(t, name);
        if (locale == null) {
            throw vm.npe(t, null);
        }
        java.util.Locale l = (java.util.Locale) locale;
        java.util.ResourceBundle.Control props = java.util.ResourceBundle.Control.getControl(
                java.util.ResourceBundle.Control.FORMAT_PROPERTIES);
        List<java.util.Locale> candidates = new ArrayList<>(props.getCandidateLocales(base, l));
        candidates.addAll(props.getCandidateLocales(base, java.util.Locale.getDefault()));
        for (java.util.Locale c : candidates) {
            String bundleName = props.toBundleName(base, c);
            if (vm.hasGuestClass("L" + bundleName.replace('.', '/') + ";")) {
                throw org.cometsim.dalvik.rt.VmError.unsupported("java.util.ResourceBundle.getBundle of class-based bundle "
                        + bundleName + " (a guest ResourceBundle class; properties-file bundles work)");
            }
        }
        try {
            return java.util.ResourceBundle.getBundle(base, l, loader, props);
        } catch (RuntimeException e) {
            throw new org.cometsim.dalvik.rt.GuestThrowable(vm.bridge().toGuestThrowable(t, e));
        }
    }

    private String nonNull(org.cometsim.dalvik.rt.GuestThread t, Object name) {
        if (name == null) {
            throw vm.npe(t, null);
        }
        return (String) name;
    }

    /**
     * The guest application class loader as a host object. Guest calls on it are the natives
     * {@link #register} installs; host library code that receives it (a {@code ServiceLoader},
     * a {@code ResourceBundle}) sees the same resources through these overrides. It defines no
     * classes: host code asking it to load one gets a ClassNotFoundException, since host code
     * cannot use guest classes.
     */
    public static final class Loader extends ClassLoader {
        private final GuestResources resources;

        Loader(GuestResources resources) {
            super("app", null);
            this.resources = resources;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            throw new ClassNotFoundException(name + " (host code cannot load guest classes)");
        }

        /** The package of an application class, defined once with its jar manifest's attributes. */
        synchronized Package packageOf(String name, java.util.jar.Manifest manifest) {
            Package p = getDefinedPackage(name);
            if (p != null) {
                return p;
            }
            if (manifest == null) {
                return definePackage(name, null, null, null, null, null, null, null);
            }
            java.util.jar.Attributes main = manifest.getMainAttributes();
            java.util.jar.Attributes own = manifest.getAttributes(name.replace('.', '/') + "/");
            return definePackage(name, attr(own, main, java.util.jar.Attributes.Name.SPECIFICATION_TITLE),
                    attr(own, main, java.util.jar.Attributes.Name.SPECIFICATION_VERSION),
                    attr(own, main, java.util.jar.Attributes.Name.SPECIFICATION_VENDOR),
                    attr(own, main, java.util.jar.Attributes.Name.IMPLEMENTATION_TITLE),
                    attr(own, main, java.util.jar.Attributes.Name.IMPLEMENTATION_VERSION),
                    attr(own, main, java.util.jar.Attributes.Name.IMPLEMENTATION_VENDOR), null);
        }

        private static String attr(java.util.jar.Attributes own, java.util.jar.Attributes main, java.util.jar.Attributes.Name n) {
            String v = own == null ? null : own.getValue(n);
            return v != null ? v : main.getValue(n);
        }

        @Override
        public URL getResource(String name) {
            return resources.url(name);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            return resources.stream(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) {
            return Collections.enumeration(resources.urls(name));
        }

        @Override
        public String toString() {
            return "comet guest class loader (java.class.path)";
        }
    }
}
