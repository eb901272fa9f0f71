package org.cometsim.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SimTimeTest {

    @Test
    void parsesUnits() {
        assertEquals(20_000_000L, SimTime.parse("20ms").nanos());
        assertEquals(1_500_000_000L, SimTime.parse("1.5s").nanos());
        assertEquals(250_000L, SimTime.parse("250us").nanos());
        assertEquals(250_000L, SimTime.parse("250µs").nanos());
        assertEquals(7L, SimTime.parse("7ns").nanos());
        assertEquals(180_000_000_000L, SimTime.parse("3min").nanos());
        assertEquals(0L, SimTime.parse("0ms").nanos());
        assertEquals(2_000_000L, SimTime.parse(" 2 ms ").nanos());
    }

    @Test
    void rejectsBareNumbersAndUnknownUnits() {
        assertThrows(IllegalArgumentException.class, () -> SimTime.parse("20"));
        assertThrows(IllegalArgumentException.class, () -> SimTime.parse("20 days"));
    }

    @Test
    void formatRoundTrips() {
        for (long n : new long[] {0, 7, 1_000, 20_000_000, 1_500_000_000L, 8_438_860_800L, 123_456_789}) {
            String s = SimTime.format(n);
            assertEquals(n, SimTime.parse(s).nanos(), s);
        }
        assertEquals("20ms", SimTime.parse("20ms").format());
        assertEquals("1.5s", SimTime.parse("1.5s").format());
    }
}
