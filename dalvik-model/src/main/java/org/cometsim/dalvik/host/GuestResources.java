package org.cometsim.dalvik.host;

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

import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmWorld;

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
    private final VmWorld world;
    private final Loader loader;

    /**
     * The resources of the class path the VM was launched with ({@code world}'s launch
     * {@code java.class.path}: guest code setting the property does not change it), read at each lookup.
     */
    public GuestResources(VmWorld world) {
        this.world = world;
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
        String cp = world.launchProperty("java.class.path");
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

    /**
     * The guest application class loader as a host object. Guest calls on it are the natives
     * {@link ClassLoaderNatives} installs; host library code that receives it (a {@code ServiceLoader},
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
