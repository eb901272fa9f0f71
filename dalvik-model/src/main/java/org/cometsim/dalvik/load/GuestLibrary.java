package org.cometsim.dalvik.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.jf.dexlib2.iface.ClassDef;

/**
 * The guest library: {@code java.*} classes the VM runs as guest code instead of bridging them
 * to the host JVM, so that their state (fields, arrays) is guest state the DSM can track per field:
 * the collections and their iterators, {@code StringBuilder}/{@code StringBuffer}, {@code Random},
 * {@code ThreadLocal} (per guest thread; linked even with the library off, see {@link #linkedWhenOff}).
 * They are written in module {@code guest-lib} (package {@code org.cometsim.guestlib.java.*}),
 * dexed at build time and renamed into {@code java.*} ({@code GuestLibDexer}); this class loads
 * that dex from the class path.
 *
 * <p>The parsed image is immutable and shared by every VM in the JVM (it is read-only data, like
 * the JDK's own classes, plus the per-method cache of decoded code {@link ParsedClass} keeps);
 * each VM links its own {@code VmClass}es from it.
 */
public final class GuestLibrary {
    /** Class-path resource written by the guest-lib build. */
    public static final String RESOURCE = org.cometsim.guestlib.GuestLib.DEX_RESOURCE;

    private GuestLibrary() {
    }

    private static final class Holder {
        static final ClassPath CLASSES = load();
    }

    /**
     * The library's classes as a class path of their own ({@code Ljava/util/ArrayList;} ...):
     * parsed once per JVM, and each class read out once ({@link ClassPath#parsedClass}).
     */
    public static ClassPath classPath() {
        return Holder.CLASSES;
    }

    /**
     * Library classes the VM links even with the guest library off ({@code --host-library}):
     * their host versions would not only be untracked but wrong. The JDK's {@code ThreadLocal}
     * keys its values by host thread, and every guest thread of a VM runs on one.
     */
    private static final Set<String> LINKED_WHEN_OFF = Set.of("Ljava/lang/ThreadLocal;",
            "Ljava/lang/ThreadLocal$ThreadLocalMap;", "Ljava/lang/ThreadLocal$SuppliedThreadLocal;",
            "Ljava/lang/InheritableThreadLocal;");

    /** The library's class {@code descriptor} if it is linked with the library off, else null. */
    public static ParsedClass linkedWhenOff(String descriptor) {
        return LINKED_WHEN_OFF.contains(descriptor) ? classPath().parsedClass(descriptor) : null;
    }

    /** Class definitions by type descriptor ({@code Ljava/util/ArrayList;} ...). */
    public static Map<String, ClassDef> definitions() {
        return Holder.CLASSES.definitions();
    }

    private static ClassPath load() {
        try (InputStream in = GuestLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("guest library " + RESOURCE
                        + " is missing from the class path (build module guest-lib)");
            }
            ClassPath cp = new ClassPath();
            cp.addTrustedDex("guest library " + RESOURCE, in.readAllBytes());
            for (String d : cp.definitions().keySet()) {
                if (!d.startsWith("Ljava/")) {
                    throw new IllegalStateException("guest library class outside java.*: " + d);
                }
            }
            return cp;
        } catch (LoadException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading guest library " + RESOURCE, e);
        }
    }
}
