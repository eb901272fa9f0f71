package org.cometsim.dalvik.load;

import java.util.Map;

/**
 * Bounds on what a {@link ClassPath} reads, so a hostile class path (a symlink to a huge file, a
 * zip bomb, many copies of a big apk) ends in a one-line {@link LoadException} instead of a host
 * {@code OutOfMemoryError}. The defaults are far above any phone app: the largest real apks
 * (~150 MB, ~20 dex files of ~10 MB each) use a fraction of them.
 *
 * <p>Configurable with environment variables, in MiB: {@code COMET_MAX_INPUT_MB} (one class-path
 * file as stored on disk), {@code COMET_MAX_ENTRY_MB} (one archive entry once inflated: a
 * {@code classes*.dex} or a {@code .class}), {@code COMET_MAX_INFLATED_MB} (all entries read out
 * of one archive), {@code COMET_MAX_CLASSPATH_MB} (all dex and class bytes the class path holds).
 *
 * @param maxInputBytes        one class-path file as stored (default 1 GiB)
 * @param maxEntryBytes        one archive entry once inflated (default 256 MiB)
 * @param maxInflatedBytes     all entries inflated from one archive (default 512 MiB)
 * @param maxClassPathBytes    all dex/class bytes read for the whole class path (default 768 MiB)
 */
public record LoadLimits(long maxInputBytes, long maxEntryBytes, long maxInflatedBytes, long maxClassPathBytes) {
    private static final long MIB = 1L << 20;

    public static final LoadLimits DEFAULT = new LoadLimits(1024 * MIB, 256 * MIB, 512 * MIB, 768 * MIB);

    public LoadLimits {
        if (maxInputBytes <= 0 || maxEntryBytes <= 0 || maxInflatedBytes <= 0 || maxClassPathBytes <= 0) {
            throw new IllegalArgumentException("load limits must be positive");
        }
    }

    /** The defaults with any {@code COMET_MAX_*_MB} variable of {@code env} applied. */
    public static LoadLimits fromEnvironment(Map<String, String> env) {
        return new LoadLimits(
                mib(env, "COMET_MAX_INPUT_MB", DEFAULT.maxInputBytes),
                mib(env, "COMET_MAX_ENTRY_MB", DEFAULT.maxEntryBytes),
                mib(env, "COMET_MAX_INFLATED_MB", DEFAULT.maxInflatedBytes),
                mib(env, "COMET_MAX_CLASSPATH_MB", DEFAULT.maxClassPathBytes));
    }

    private static long mib(Map<String, String> env, String name, long dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n <= 0 || n > (Long.MAX_VALUE >> 20)) {
                throw new NumberFormatException();
            }
            return n * MIB;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number of MiB, not '" + Messages.printable(v) + "'");
        }
    }

    static String mib(long bytes) {
        return bytes % MIB == 0 ? (bytes / MIB) + " MiB" : bytes + " bytes";
    }
}
