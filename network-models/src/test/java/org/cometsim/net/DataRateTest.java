package org.cometsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DataRateTest {

    @Test
    void parsesDecimalUnits() {
        assertEquals(54e6, DataRate.parse("54Mbps").bitsPerSecond(), 1e-6);
        assertEquals(1.5e6, DataRate.parse("1.5Mbit/s").bitsPerSecond(), 1e-6);
        assertEquals(500e3, DataRate.parse("500kbps").bitsPerSecond(), 1e-6);
        assertEquals(16e6, DataRate.parse("2MB/s").bitsPerSecond(), 1e-6, "bytes are 8 bits");
        assertEquals(1e9, DataRate.parse("1Gbps").bitsPerSecond(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> DataRate.parse("54"));
        assertEquals("1.41Mbps", DataRate.parse("1410kbps").format());
    }

    @Test
    void serialisationTime() {
        assertEquals(8_000_000L, DataRate.parse("1Mbps").nanosFor(1000), "1000 B · 8 / 10^6 bit/s = 8 ms");
        assertEquals(148_149L, DataRate.parse("54Mbps").nanosFor(1000), "8000 / 54e6 s = 148148.1 ns, rounded up");
    }
}
