package org.cometsim.offload.policy;

import java.math.BigDecimal;

/** Durations as policies name and explain them: the largest unit that shows them exactly ({@code 50ms}, {@code 1.5s}). */
final class Durations {
    private Durations() {
    }

    static String format(long nanos) {
        String[] units = {"s", "ms", "us"};
        long[] scale = {1_000_000_000L, 1_000_000L, 1_000L};
        for (int i = 0; i < units.length; i++) {
            if (Math.abs(nanos) >= scale[i]) {
                return new BigDecimal(nanos).divide(new BigDecimal(scale[i])).stripTrailingZeros().toPlainString() + units[i];
            }
        }
        return nanos + "ns";
    }
}
