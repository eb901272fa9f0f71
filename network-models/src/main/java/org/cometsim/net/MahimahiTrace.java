package org.cometsim.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A Mahimahi packet-delivery trace (model-sources.md §7, key MM: {@code traces/README},
 * {@code man/mm-link.1}, {@code src/frontend/link_queue.cc}).
 *
 * <p>Format, as {@code LinkQueue}'s constructor reads it: one non-negative integer per line,
 * milliseconds since trace start; each line is one opportunity to deliver one packet's worth of
 * bytes; repeated timestamps give several opportunities in the same millisecond. Timestamps must
 * not decrease, there must be at least one, the last must be &gt; 0, and an empty line is an
 * error. When the trace runs out it restarts with the time base advanced by the last timestamp
 * (period = last value). A file holding only {@code 1} is one 1500-byte opportunity per ms,
 * i.e. a constant 12 Mbit/s link.
 */
public final class MahimahiTrace {

    private final String name;
    private final long[] millis;

    private MahimahiTrace(String name, long[] millis) {
        this.name = name;
        this.millis = millis;
    }

    public static MahimahiTrace of(String name, long... millis) {
        return validate(name, millis.clone(), millis.length);
    }

    public static MahimahiTrace parse(String name, Reader reader) throws IOException {
        BufferedReader r = new BufferedReader(reader);
        long[] buf = new long[1024];
        int n = 0;
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isEmpty()) {
                throw new IllegalArgumentException(name + ": invalid empty line " + (n + 1));
            }
            long v;
            try {
                v = Long.parseLong(line.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": line " + (n + 1) + " is not an integer: " + line);
            }
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = v;
        }
        return validate(name, buf, n);
    }

    public static MahimahiTrace read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return parse(file.getFileName().toString(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a trace shipped as a classpath resource, e.g. {@code "traces/synthetic-step.down"}. */
    public static MahimahiTrace resource(String path) {
        InputStream in = MahimahiTrace.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("no trace resource " + path);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.US_ASCII)) {
            return parse(path, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MahimahiTrace validate(String name, long[] buf, int n) {
        if (n == 0) {
            throw new IllegalArgumentException(name + ": no valid timestamps found");
        }
        for (int i = 0; i < n; i++) {
            if (buf[i] < 0) {
                throw new IllegalArgumentException(name + ": negative timestamp at line " + (i + 1));
            }
            if (i > 0 && buf[i] < buf[i - 1]) {
                throw new IllegalArgumentException(name + ": timestamps must be monotonically nondecreasing (line " + (i + 1) + ")");
            }
        }
        if (buf[n - 1] == 0) {
            throw new IllegalArgumentException(name + ": trace must last for a nonzero amount of time");
        }
        return new MahimahiTrace(name, Arrays.copyOf(buf, n));
    }

    public String name() {
        return name;
    }

    /** Number of delivery opportunities per period. */
    public int opportunities() {
        return millis.length;
    }

    /** Timestamp (ms) of opportunity {@code i} within a period. */
    public long millisAt(int i) {
        return millis[i];
    }

    /** The period after which the trace repeats: its last timestamp, in ms. */
    public long periodMillis() {
        return millis[millis.length - 1];
    }

    /** First index whose timestamp is strictly greater than {@code ms}, or {@link #opportunities()}. */
    int firstAfter(long ms) {
        int lo = 0;
        int hi = millis.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (millis[mid] <= ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Average capacity in bit/s with {@code bytesPerOpportunity} per line. */
    public double averageBitsPerSecond(int bytesPerOpportunity) {
        return millis.length * (double) bytesPerOpportunity * 8 / (periodMillis() / 1000.0);
    }
}
