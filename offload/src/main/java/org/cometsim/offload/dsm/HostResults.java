package org.cometsim.offload.dsm;

import java.util.IdentityHashMap;

import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.VmClass;
import org.cometsim.dalvik.rt.VmMethod;

/**
 * Host objects the server must not make (issue #13 item 3). A thread on the server has to return
 * to the phone sooner or later (a client-pinned native, the end of the program), and it cannot
 * take a host object without a codec back: pinning is only possible on the phone. So the server
 * does not run a host method or constructor whose result is of a concrete mutable host class
 * without a codec ({@code Pattern.matcher}, {@code new ConcurrentHashMap}): the thread returns
 * first (a forced return, with the class in the reason), the phone makes the object, and the thread
 * stays there while it holds it (pinned by state). Decided from the declared type, once per method.
 */
public final class HostResults {
    private final Vm vm;
    private final IdentityHashMap<VmMethod, String> refusals = new IdentityHashMap<>();
    private static final String NONE = ""; // cached "may run"

    public HostResults(Vm vm) {
        this.vm = vm;
    }

    /** Why the server may not run host method {@code m} (the class it would make), or null. */
    public String refusal(VmMethod m) {
        if (m.owner == null || m.owner.kind != VmClass.Kind.HOST) {
            return null;
        }
        String why = refusals.get(m);
        if (why == null) {
            why = compute(m);
            refusals.put(m, why == null ? NONE : why);
        }
        return why == null || why.isEmpty() ? null : why;
    }

    /**
     * As {@link #refusal(VmMethod)}, for a call with arguments {@code args} (receiver first, may be
     * null): a library constructor run as a guest object's {@code super(...)} builds its host peer,
     * which may run here if its state ships beside the guest object ({@link HostPeerState#refusal}).
     */
    public String refusal(VmMethod m, Object[] args) {
        if (args != null && args.length > 0 && args[0] instanceof org.cometsim.dalvik.rt.GuestObject g
                && m.name.equals("<init>") && m.owner != null && m.owner.kind == VmClass.Kind.HOST) {
            return HostPeerState.refusal(g);
        }
        return refusal(m);
    }

    private String compute(VmMethod m) {
        Class<?> made;
        if (m.name.equals("<init>")) {
            made = m.owner.host;
        } else {
            String ret = Descriptors.returnType(m.desc);
            if (!ret.startsWith("L")) {
                return null; // primitives, void, arrays (guest arrays on both sides)
            }
            made = hostClass(Descriptors.toClassName(ret));
        }
        return made == null || shippable(made) ? null : made.getName();
    }

    /**
     * The JDK class of that name, without linking anything in the VM (the gate runs inside a call),
     * or null: not a JDK class, or one the guest library replaces (its instances ship per field).
     */
    private Class<?> hostClass(String name) {
        if (!name.startsWith("java.") && !name.startsWith("javax.")) {
            return null;
        }
        try {
            Class<?> k = Class.forName(name, false, ClassLoader.getPlatformClassLoader());
            return vm.linker().isGuestLibraryClass(name) ? null : k;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Whether objects declared as {@code k} are shipped (values, codecs) or may be (interfaces, supertypes of codec'd classes). */
    static boolean shippable(Class<?> k) {
        if (k.isInterface() || k == Object.class || k.isEnum() || Enum.class.isAssignableFrom(k) || k == String.class
                || Number.class.isAssignableFrom(k) && k.getName().startsWith("java.") || k == Boolean.class
                || k == Character.class || Throwable.class.isAssignableFrom(k) || k == Class.class
                || k == Thread.class || k.getName().startsWith("java.lang.reflect.")) {
            return true; // atomics and adders are Numbers with codecs; other Numbers are values
        }
        for (String name : HostCodecs.classNames()) {
            try {
                if (k.isAssignableFrom(Class.forName(name, false, HostResults.class.getClassLoader()))) {
                    return true; // a codec'd class or its supertype (MessageDigest, InputStream)
                }
            } catch (ClassNotFoundException e) {
                // a codec of a class this loader does not see: not this one
            }
        }
        return false;
    }
}
