package org.cometsim.dalvik.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.GuestThread;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmError;
import org.cometsim.dalvik.rt.VmWorld;

/**
 * The natives of the guest's class loaders ({@link GuestResources}): the static
 * {@code ClassLoader} entry points ({@code getSystemClassLoader}, {@code getSystemResource(s)} ...),
 * {@code ResourceBundle.getBundle} (caller-sensitive: the guest's caller has the guest's loader),
 * and the methods guest code calls on the loader object itself. Reading a resource is file I/O
 * on the device: client-pinned and charged as I/O.
 */
final class ClassLoaderNatives {
    private final GuestResources resources;
    private final VmWorld world;
    private final ClassLinker linker;
    private final GuestExceptions exceptions;
    private final HostBridge bridge;

    private ClassLoaderNatives(GuestResources resources, VmWorld world, ClassLinker linker, GuestExceptions exceptions,
                               HostBridge bridge) {
        this.resources = resources;
        this.world = world;
        this.linker = linker;
        this.exceptions = exceptions;
        this.bridge = bridge;
    }

    static void register(NativeRegistry reg, GuestResources resources, VmWorld world, ClassLinker linker,
                         GuestExceptions exceptions, HostBridge bridge) {
        new ClassLoaderNatives(resources, world, linker, exceptions, bridge).register(reg);
    }

    private void register(NativeRegistry reg) {
        GuestResources.Loader loader = resources.loader();
        String cl = "java.lang.ClassLoader";
        Placement pin = Placement.CLIENT_PINNED;
        HostCost io = HostCost.IO;
        reg.register(cl, "getSystemClassLoader", "()Ljava/lang/ClassLoader;", true, pin, io, null, (in, t, a) -> loader);
        reg.register(cl, "getPlatformClassLoader", "()Ljava/lang/ClassLoader;", true, pin, io, null, (in, t, a) -> null);
        reg.register(cl, "getSystemResource", "(Ljava/lang/String;)Ljava/net/URL;", true, pin, io, null,
                (in, t, a) -> resources.url(nonNull(t, a[0])));
        reg.register(cl, "getSystemResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;", true, pin, io, null,
                (in, t, a) -> resources.stream(nonNull(t, a[0])));
        reg.register(cl, "getSystemResources", "(Ljava/lang/String;)Ljava/util/Enumeration;", true, pin, io, null,
                (in, t, a) -> Collections.enumeration(resources.urls(nonNull(t, a[0]))));
        // ResourceBundle.getBundle finds its caller's loader (caller-sensitive): the guest's is ours.
        String rb = "java.util.ResourceBundle";
        reg.register(rb, "getBundle", "(Ljava/lang/String;)Ljava/util/ResourceBundle;", true, pin, io, null,
                (in, t, a) -> bundle(t, a[0], world.locale(null)));
        reg.register(rb, "getBundle", "(Ljava/lang/String;Ljava/util/Locale;)Ljava/util/ResourceBundle;", true, pin, io, null,
                (in, t, a) -> bundle(t, a[0], a[1]));
        reg.register(rb, "getBundle", "(Ljava/lang/String;Ljava/util/Locale;Ljava/lang/ClassLoader;)Ljava/util/ResourceBundle;",
                true, pin, io, null, (in, t, a) -> {
                    if (a[2] == null) {
                        throw exceptions.npe(t, null);
                    }
                    return bundle(t, a[0], a[1]);
                });
        // Methods on the loader object itself (the receiver's class is Loader).
        String self = GuestResources.Loader.class.getName();
        reg.register(self, "getResource", "(Ljava/lang/String;)Ljava/net/URL;", false, pin, io, null,
                (in, t, a) -> resources.url(nonNull(t, a[1])));
        reg.register(self, "getResourceAsStream", "(Ljava/lang/String;)Ljava/io/InputStream;", false, pin, io, null,
                (in, t, a) -> resources.stream(nonNull(t, a[1])));
        reg.register(self, "getResources", "(Ljava/lang/String;)Ljava/util/Enumeration;", false, pin, io, null,
                (in, t, a) -> Collections.enumeration(resources.urls(nonNull(t, a[1]))));
        reg.register(self, "loadClass", "(Ljava/lang/String;)Ljava/lang/Class;", false, Placement.OFFLOADABLE,
                HostCost.DEFAULT, null, (in, t, a) -> {
                    String n = nonNull(t, a[1]);
                    VmClass k;
                    try {
                        k = n.startsWith("[") ? null : linker.classForDescriptor(Descriptors.toDescriptor(n));
                    } catch (ClassLinker.LinkageFailure e) {
                        k = null;
                    }
                    if (k == null || k.isPrimitive()) {
                        throw exceptions.create(t, "java.lang.ClassNotFoundException", n);
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
     * the guest's {@link GuestResources.Loader} (cached per VM with the loader). A class-based
     * bundle the application defines (a {@code ListResourceBundle} subclass) would have to be a
     * host object: it stops as unsupported rather than being silently skipped in favour of a
     * properties file or a MissingResourceException.
     */
    private Object bundle(GuestThread t, Object name, Object locale) {
        String base = nonNull(t, name);
        if (locale == null) {
            throw exceptions.npe(t, null);
        }
        java.util.Locale l = (java.util.Locale) locale;
        java.util.Locale fallback = world.locale(null); // the VM's default, not the JVM's
        java.util.ResourceBundle.Control props = new java.util.ResourceBundle.Control() {
            @Override
            public List<String> getFormats(String baseName) {
                return FORMAT_PROPERTIES;
            }

            @Override
            public java.util.Locale getFallbackLocale(String baseName, java.util.Locale requested) {
                return requested.equals(fallback) ? null : fallback;
            }
        };
        List<java.util.Locale> candidates = new ArrayList<>(props.getCandidateLocales(base, l));
        candidates.addAll(props.getCandidateLocales(base, fallback));
        for (java.util.Locale c : candidates) {
            String bundleName = props.toBundleName(base, c);
            if (linker.hasGuestClass("L" + bundleName.replace('.', '/') + ";")) {
                throw VmError.unsupported("java.util.ResourceBundle.getBundle of class-based bundle "
                        + bundleName + " (a guest ResourceBundle class; properties-file bundles work)");
            }
        }
        try {
            return java.util.ResourceBundle.getBundle(base, l, resources.loader(), props);
        } catch (RuntimeException e) {
            throw new GuestThrowable(bridge.toGuestThrowable(t, e));
        }
    }

    private String nonNull(GuestThread t, Object name) {
        if (name == null) {
            throw exceptions.npe(t, null);
        }
        return (String) name;
    }
}
