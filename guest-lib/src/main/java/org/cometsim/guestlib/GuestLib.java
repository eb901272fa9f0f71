package org.cometsim.guestlib;

/**
 * Start here: the guest library, {@code java.*} classes that the Dalvik VM runs as <em>guest
 * code</em> instead of bridging them to the host JVM.
 *
 * <p><b>Why.</b> A guest program's mutable workhorses (collections and their iterators,
 * {@code StringBuilder}/{@code StringBuffer}, {@code Random}) hold most of its heap state. If they
 * were host JVM objects, COMET's distributed shared memory could not see inside them: it tracks
 * guest objects field by field (design principle 3). Written as guest code, an {@code ArrayList}
 * is a guest object with an {@code int size} field and a guest {@code Object[]}, and every write
 * goes through the VM's write barrier like the app's own code.
 *
 * <p><b>How.</b>
 * <ol>
 *   <li>The classes are ordinary Java sources in {@code org.cometsim.guestlib.java.util} and
 *       {@code org.cometsim.guestlib.java.lang} (javac will not compile a {@code java.*} package,
 *       and the host tests compare them side by side with the JDK's classes).</li>
 *   <li>At build time {@link org.cometsim.guestlib.build.GuestLibDexer} runs D8 over them and
 *       strips the {@link #PACKAGE_PREFIX} from every type, so
 *       {@code org.cometsim.guestlib.java.util.ArrayList} becomes {@code java.util.ArrayList}; the
 *       dex is packaged as the resource {@link #DEX_RESOURCE}.</li>
 *   <li>The VM ({@code org.cometsim.dalvik.load.GuestLibrary}) links these definitions in place
 *       of the host classes of the same names. Interfaces ({@code List}, {@code Map},
 *       {@code Comparator} ...), immutable values ({@code String}, boxes) and pure utilities
 *       ({@code Math}, {@code Arrays}, {@code Objects}) stay host classes.</li>
 * </ol>
 *
 * <p><b>Rules for library sources</b> (so the rename is sound and the code is fast when
 * interpreted): only our own classes by simple name, JDK interfaces and immutable/utility classes
 * otherwise; no string {@code +} (it would compile to the JDK's StringBuilder), no lambdas, no
 * boxing on hot paths; override the interface default methods the JDK class overrides (a default
 * method left to the host runs as host code calling back into the guest, which is slower and cannot
 * migrate). Behaviour, iteration order and exception messages equal JDK 17's; the differential
 * tests in {@code src/test} check that against the JDK on seeded random operation sequences.
 */
public final class GuestLib {
    /** Internal-form prefix stripped from every type at dex time. */
    public static final String PACKAGE_PREFIX = "org/cometsim/guestlib/";
    /** Class-path resource holding the renamed dex. */
    public static final String DEX_RESOURCE = "/org/cometsim/guestlib/guestlib.dex";

    private GuestLib() {
    }
}
