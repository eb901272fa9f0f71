package org.cometsim.dalvik.host;

import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.cometsim.dalvik.link.ClassLinker;
import org.cometsim.dalvik.link.NativeRegistry;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestExceptions;
import org.cometsim.dalvik.rt.HostCost;
import org.cometsim.dalvik.rt.Placement;
import org.cometsim.dalvik.rt.VmClass;

/**
 * The native behind the guest library's {@code java.util.ServiceLoader} (module {@code guest-lib})
 * for service types of the JDK itself ({@code java.nio.charset.spi.CharsetProvider},
 * {@code java.nio.file.spi.FileSystemProvider}, {@code java.util.spi.ToolProvider} ...): the JDK
 * lists its own modules' providers first, and those are host classes only the host can find.
 * {@code jdkProviders(Class, boolean installed)} asks the host JDK's {@code ServiceLoader} and hands
 * the provider instances to the guest as host objects, in the JDK's order:
 * <ul>
 *   <li>{@code installed} ({@code ServiceLoader.loadInstalled}): with the platform class loader,
 *       which sees the JDK modules defined to the bootstrap and platform loaders only;</li>
 *   <li>otherwise with the system class loader, keeping only providers in the JDK's own
 *       (system) modules: JDK modules defined to the application loader ({@code jdk.compiler}'s
 *       {@code ToolProvider}) count, as for a guest on {@code java}; comet-sim's own jars on the
 *       host class path do not (the guest's class path is searched by the guest code).</li>
 * </ul>
 * Only the kept providers are instantiated. Client-pinned like the rest of service and resource lookup.
 */
final class ServiceLoaderNatives {
    private ServiceLoaderNatives() {
    }

    /** Names of the modules of the JDK's run-time image. */
    private static final class JdkModules {
        static final java.util.Set<String> MODULES = names();

        private static java.util.Set<String> names() {
            java.util.Set<String> out = new java.util.HashSet<>();
            ModuleFinder.ofSystem().findAll().forEach(r -> out.add(r.descriptor().name()));
            return out;
        }
    }

    static void register(NativeRegistry reg, ClassLinker linker, GuestExceptions exceptions, HostBridge bridge) {
        reg.register("java.util.ServiceLoader", "jdkProviders", "(Ljava/lang/Class;Z)[Ljava/lang/Object;", true,
                Placement.CLIENT_PINNED, HostCost.IO, null, (in, t, a) -> {
                    if (a[0] == null) {
                        throw exceptions.npe(t, null);
                    }
                    VmClass k = (VmClass) a[0];
                    Class<?> host = k.host != null ? k.host : k.replacesHost;
                    List<Object> found = new ArrayList<>();
                    if (host != null && k.kind != VmClass.Kind.ARRAY && k.kind != VmClass.Kind.PRIMITIVE) {
                        if ((Boolean) a[1]) {
                            for (Object p : ServiceLoader.load(host, ClassLoader.getPlatformClassLoader())) {
                                found.add(bridge.toGuest(p));
                            }
                        } else {
                            ServiceLoader.load(host, ClassLoader.getSystemClassLoader()).stream()
                                    .filter(p -> isJdk(p.type().getModule()))
                                    .forEach(p -> found.add(bridge.toGuest(p.get())));
                        }
                    }
                    Object[] out = found.toArray();
                    return new GuestArray(linker.hostClassOf(Object[].class), out, out.length);
                });
    }

    private static boolean isJdk(Module m) {
        return m.isNamed() && m.getLayer() == ModuleLayer.boot() && JdkModules.MODULES.contains(m.getName());
    }
}
