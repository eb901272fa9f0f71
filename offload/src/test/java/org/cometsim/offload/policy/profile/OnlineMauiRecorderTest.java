package org.cometsim.offload.policy.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cometsim.offload.policy.MethodId;
import org.junit.jupiter.api.Test;

/**
 * The online recorder behind {@code maui:online}: self times per side, the thread's logical stack
 * across moves (endpoint-relative depths), caller edges, and "came home without being asked".
 */
class OnlineMauiRecorderTest {
    static final MethodId MAIN = new MethodId("A", "main", "([Ljava/lang/String;)V");
    static final MethodId WORK = new MethodId("A", "work", "()V");
    static final MethodId LEAF = new MethodId("A", "leaf", "()I");
    static final MethodId PRINT = new MethodId("A", "print", "()V");

    static Map<String, Profile.Method> byName(Profile p) {
        return p.methods().stream().collect(Collectors.toMap(Profile.Method::name, Function.identity()));
    }

    @Test
    void selfTimeGoesToTheTopMethodOnTheSideItRan() {
        OnlineMauiPolicy.Recorder r = new OnlineMauiPolicy.Recorder();
        r.entered(1, MAIN, 1, 0, false);
        r.entered(1, WORK, 2, 10, false); // main ran 10 ns
        r.entered(1, LEAF, 3, 40, false); // work ran 30 ns
        r.exited(1, LEAF, 3, 45, false, false); // leaf 5 ns
        r.exited(1, WORK, 2, 65, false, false); // work 20 more ns
        Map<String, Profile.Method> m = byName(r.snapshot(4.0));
        assertEquals(10, m.get("main").phoneSelfNanos());
        assertEquals(50, m.get("work").phoneSelfNanos());
        assertEquals(Math.round(50 / 4.0), m.get("work").serverSelfNanos()); // priced by the ratio: not seen on the server
        assertEquals(5, m.get("leaf").phoneSelfNanos());
        assertTrue(r.snapshot(4.0).edges().contains(new Profile.Edge(-1, 0, 1)), "main starts the thread");
        assertTrue(r.snapshot(4.0).edges().contains(new Profile.Edge(1, 2, 1)), "work calls leaf");
    }

    @Test
    void theLogicalStackSurvivesAMoveWithEndpointRelativeDepths() {
        OnlineMauiPolicy.Recorder r = new OnlineMauiPolicy.Recorder();
        r.entered(1, MAIN, 1, 0, false);
        r.entered(1, WORK, 2, 10, false);
        r.entered(1, LEAF, 3, 20, false);
        // The thread moves with its top two frames (work, leaf): the server counts them 1 and 2.
        r.exited(1, LEAF, 2, 1_000, true, false); // interval across the move: charged to nobody
        r.entered(1, LEAF, 2, 1_010, true); // work calls leaf again, on the server (work ran 10 ns there)
        boolean[] remote = new boolean[4];
        remote[1] = true; // work
        assertEquals(1, r.outermostRemote(1, remote), "work is still on the thread's stack");
        Map<String, Profile.Method> m = byName(r.snapshot(4.0));
        assertEquals(10, m.get("work").phoneSelfNanos() - 10 * 4, "phone 10 ns measured, plus server 10 ns x 4");
        assertEquals(10 + Math.round(10 / 4.0), m.get("work").serverSelfNanos());
        assertEquals(2, m.get("leaf").calls());
        assertTrue(r.snapshot(4.0).edges().contains(new Profile.Edge(1, 2, 2)), "both calls of leaf come from work");
        r.exited(1, LEAF, 2, 1_020, true, false);
        r.exited(1, WORK, 1, 1_030, true, false);
        assertEquals(-1, r.outermostRemote(1, remote), "work returned");
    }

    @Test
    void aThreadComingHomeUnaskedAgainAndAgainMarksItsMethodNotRemoteable() {
        OnlineMauiPolicy.Recorder r = new OnlineMauiPolicy.Recorder();
        r.entered(1, MAIN, 1, 0, false);
        r.entered(1, WORK, 2, 10, false);
        long t = 100;
        for (int k = 0; k < OnlineMauiPolicy.PINNED_AFTER; k++) {
            assertFalse(byName(r.snapshot(2.0)).getOrDefault("print", m0()).pinnedSelf(), "after " + k + " returns");
            r.entered(1, PRINT, 1, t, true); // on the server: work (depth 1 there) calls print
            r.exited(1, PRINT, 2, t + 100, false, false); // home without the policy asking: a pinned native
            t += 1_000;
        }
        assertTrue(byName(r.snapshot(2.0)).get("print").pinnedSelf());
        assertFalse(byName(r.snapshot(2.0)).get("work").pinnedSelf());

        OnlineMauiPolicy.Recorder asked = new OnlineMauiPolicy.Recorder();
        asked.entered(1, MAIN, 1, 0, false);
        asked.entered(1, WORK, 2, 10, false);
        t = 100;
        for (int k = 0; k < OnlineMauiPolicy.PINNED_AFTER; k++) {
            asked.entered(1, PRINT, 1, t, true);
            asked.policyReturned(1);
            asked.exited(1, PRINT, 2, t + 100, false, false);
            t += 1_000;
        }
        assertFalse(byName(asked.snapshot(2.0)).get("print").pinnedSelf(), "the policy sent it home");
    }

    private static Profile.Method m0() {
        return new Profile.Method(0, "", "", "", 0, 0, 0, 0, 0, 0, 0, false, false, false);
    }

    @Test
    void specsAndPeriods() {
        Environment env = new Environment("comet-wifi", 5_000_000, 6.52e-3, 6.52e-3, 0.548, 0.1, 0.403);
        assertFalse(ProfiledPolicies.needsProfile("maui:online"));
        assertFalse(ProfiledPolicies.needsProfile("maui:online:250ms"));
        assertTrue(ProfiledPolicies.needsProfile("maui"));
        assertTrue(ProfiledPolicies.isProfiled("maui:online"));
        assertEquals("maui:online:250ms", ProfiledPolicies.createOnline("maui:online:250ms", env, 16).name());
        assertThrows(IllegalArgumentException.class, () -> ProfiledPolicies.createOnline("maui:online:soon", env, 16));
        assertThrows(IllegalArgumentException.class, () -> ProfiledPolicies.createOnline("maui:online:0ms", env, 16));
        assertThrows(IllegalArgumentException.class, () -> ProfiledPolicies.create("maui:online", null, env));
    }
}
