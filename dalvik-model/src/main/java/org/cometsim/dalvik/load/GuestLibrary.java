package org.cometsim.dalvik.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.ClassDef;

/**
 * The guest library: {@code java.*} classes the VM runs as guest code instead of bridging them
 * to the host JVM, so that their state (fields, arrays) is guest state the DSM can track per field:
 * the collections and their iterators, {@code StringBuilder}/{@code StringBuffer}, {@code Random}.
 * They are written in module {@code guest-lib} (package {@code org.cometsim.guestlib.java.*}),
 * dexed at build time and renamed into {@code java.*} ({@code GuestLibDexer}); this class loads
 * that dex from the class path.
 *
 * <p>The parsed image is immutable and shared by every VM in the JVM (it is read-only data, like
 * the JDK's own classes); each VM links its own {@code VmClass}es from it.
 */
public final class GuestLibrary {
    /** Class-path resource written by the guest-lib build. */
    public static final String RESOURCE = org.cometsim.guestlib.GuestLib.DEX_RESOURCE;

    private GuestLibrary() {
    }

    private static final class Holder {
        static final Map<String, ClassDef> DEFS = load();
    }

    /** Class definitions by type descriptor ({@code Ljava/util/ArrayList;} ...). */
    public static Map<String, ClassDef> definitions() {
        return Holder.DEFS;
    }

    private static Map<String, ClassDef> load() {
        try (InputStream in = GuestLibrary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("guest library " + RESOURCE
                        + " is missing from the class path (build module guest-lib)");
            }
            byte[] bytes = in.readAllBytes();
            DexBackedDexFile dex = new DexBackedDexFile(Opcodes.forApi(24), bytes);
            Map<String, ClassDef> defs = new HashMap<>();
            for (DexBackedClassDef def : dex.getClasses()) {
                if (!def.getType().startsWith("Ljava/")) {
                    throw new IllegalStateException("guest library class outside java.*: " + def.getType());
                }
                defs.put(def.getType(), def);
            }
            return Collections.unmodifiableMap(defs);
        } catch (IOException e) {
            throw new UncheckedIOException("reading guest library " + RESOURCE, e);
        }
    }
}
