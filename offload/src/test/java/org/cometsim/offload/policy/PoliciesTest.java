package org.cometsim.offload.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Names and arguments ({@code name:args}), and the simple rules' decisions on hand-made inputs. */
class PoliciesTest {
    private static final long MS = 1_000_000L;

    /** A periodic phone evaluation after {@code localMs} of phone time on a link of SRTT {@code srttMs}. */
    private static OffloadPolicy.Decision phone(double localMs, double srttMs) {
        return new OffloadPolicy.Decision(1, 1, 0, (long) (localMs * MS), 0, 0, (long) (srttMs * MS), 0);
    }

    @Test
    void namesAndArguments() {
        assertEquals("never", Policies.byName("never").name());
        assertEquals("comet", Policies.byName("comet").name());
        assertEquals("comet-2rtt", Policies.byName("comet-2rtt").name());
        assertEquals("pingpong:3", Policies.byName("pingpong:3").name());
        // A threshold keeps its unit in its name, shown in the largest unit that is exact.
        assertEquals("threshold:50ms", Policies.byName("threshold:50ms").name());
        assertEquals("threshold:50ms", Policies.byName("threshold:0.05s").name());
        assertEquals("threshold:1.5s", Policies.byName("threshold:1500ms").name());
        assertEquals(250_000L, ((ThresholdRule) Policies.byName("threshold:250us")).thresholdNanos());
        List<OffloadPolicy> list = Policies.list("never, comet,threshold:20ms", PolicyContext.EMPTY);
        assertEquals(List.of("never", "comet", "threshold:20ms"), list.stream().map(OffloadPolicy::name).toList());
    }

    @Test
    void badNamesAndArgumentsSayWhatIsWrongInOneLine() {
        for (String bad : new String[] {"threshold", "threshold:50", "threshold:-5ms", "threshold:fast", "comet:3",
                "pingpong:0", "nosuch", "class:"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Policies.byName(bad), bad);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Policies.list("never,,comet", PolicyContext.EMPTY));
    }

    /**
     * threshold:50ms migrates strictly after 50 ms of phone time (COMET's {@code okTime >
     * threshold}), never from the server (it does not decide there), whatever the link.
     */
    @Test
    void thresholdMigratesStrictlyAfterT() {
        OffloadPolicy p = Policies.byName("threshold:50ms");
        assertFalse(p.migrate(phone(49.999, 10)));
        assertFalse(p.migrate(phone(50, 10)), "exactly T: not yet");
        assertTrue(p.migrate(phone(50.001, 10)));
        assertTrue(p.migrate(phone(50.001, 500)), "the link does not matter");
        assertFalse(p.migrate(new OffloadPolicy.Decision(1, 1, 0, 0, 0, 0, 0, 0, true, null)), "on the server: stay");
        assertEquals("local 50.001ms > T 50ms", p.explain(phone(50.001, 10)));
    }

    /**
     * comet-2rtt: threshold 2 × SRTT. On comet-wifi (5 ms one way, no jitter) SRTT is 10 ms, so
     * 20 ms; on comet-3g (100 ms one way) 200 ms, so 400 ms. Sync samples and RTTVar play no part
     * (unlike comet, whose threshold with no sync sample yet is RTT + RTTVar).
     */
    @Test
    void twoRttUsesTwiceTheSmoothedRtt() {
        OffloadPolicy p = Policies.byName("comet-2rtt");
        assertFalse(p.migrate(phone(20, 10)));
        assertTrue(p.migrate(phone(20.001, 10)));
        assertFalse(p.migrate(phone(399, 200)));
        assertTrue(p.migrate(phone(401, 200)));
        // Where comet and comet-2rtt differ: no sync sample, SRTT 10 ms, RTTVar 5 ms. comet's
        // threshold is RTT + RTTVar = 15 ms, comet-2rtt's 20 ms: at 17 ms only comet migrates.
        OffloadPolicy.Decision d = new OffloadPolicy.Decision(1, 1, 0, 17 * MS, 0, 0, 10 * MS, 5 * MS);
        assertTrue(Policies.byName("comet").migrate(d));
        assertFalse(p.migrate(d));
        // After more than 10 syncs of 300 ms each, comet waits 300 ms; comet-2rtt still 20 ms.
        OffloadPolicy.Decision warm = new OffloadPolicy.Decision(1, 1, 0, 100 * MS, 300 * MS, 11, 10 * MS, 5 * MS);
        assertFalse(Policies.byName("comet").migrate(warm));
        assertTrue(p.migrate(warm));
    }

    @Test
    void userPolicyFromTheContextsClassLoader() {
        OffloadPolicy p = Policies.byName("class:" + Fixed.class.getName() + ":yes", PolicyContext.EMPTY);
        assertInstanceOf(Fixed.class, p);
        assertTrue(p.migrate(phone(0, 0)));
        assertFalse(Policies.byName("class:" + Fixed.class.getName(), PolicyContext.EMPTY).migrate(phone(0, 0)));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Policies.byName("class:com.example.Missing", PolicyContext.EMPTY));
        assertEquals("policy class com.example.Missing not found on the policy class path (--policy-cp)",
                missing.getMessage());
        IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                () -> Policies.byName("class:java.lang.String", PolicyContext.EMPTY));
        assertEquals("policy class java.lang.String does not implement org.cometsim.offload.policy.OffloadPolicy",
                wrongType.getMessage());
    }

    @Test
    void contextCarriesTypedAttachments() {
        PolicyContext c = PolicyContext.EMPTY.with(StringBuilder.class, new StringBuilder("profile"));
        assertEquals("profile", c.get(StringBuilder.class).toString());
        assertEquals(null, PolicyContext.EMPTY.get(StringBuilder.class), "immutable: EMPTY stays empty");
    }

    /** A user policy with the (String, PolicyContext) constructor: "yes" migrates always. */
    public static final class Fixed implements OffloadPolicy {
        private final boolean yes;

        public Fixed(String args, PolicyContext context) {
            this.yes = "yes".equals(args);
        }

        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public boolean migrate(Decision d) {
            return yes;
        }
    }
}
