package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.Policies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weak references behave the same offloaded as locally and as on the JVM (issue #13 item 2): the
 * guest library's references are ordinary guest objects the DSM ships, {@code System.gc()} runs
 * on the phone, and its reachability pass decides there, with every thread home.
 */
class WeakReferencesOffloadTest {
    @TempDir
    static Path dir;
    private static ClassPath code;

    @BeforeAll
    static void compile() throws Exception {
        code = CompiledTestProgram.compile("weakrefs", dir);
    }

    static OffloadRun.Config config(String policy) {
        return new OffloadRun.Config(code, "weakrefs.jar", "WeakRefs", new String[0],
                DeviceModels.cpu("phone-2012-hummingbird-portable"), DeviceModels.cpu("server-2012-portable"),
                sim -> LinkModels.preset("comet-wifi", sim.streams()), OffloadRun.radioFor("comet-wifi"),
                Policies.byName(policy), null, 1, true, null);
    }

    @Test
    void sameAsLocallyAndOnTheJvm() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                dir.resolve("weakrefs").resolve("classes").toString(), "WeakRefs").redirectErrorStream(true).start();
        String java = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), java);
        OffloadRun.Side local = OffloadRun.runLocal(config("never"));
        assertEquals(java, local.stdout());
        for (String policy : new String[] {"pingpong:1", "always"}) {
            OffloadRun.Result r = OffloadRun.run(config(policy), local);
            assertEquals(java, r.offload().stdout(), policy);
            assertTrue(r.phone().migrationsOut() >= 2, policy + " offloads: " + r.phone().migrationsOut());
            assertTrue(r.server().forcedReturns().keySet().stream().anyMatch(k -> k.contains("gc")),
                    policy + ": gc() ran on the phone: " + r.server().forcedReturns());
            assertTrue(r.phone().pinnedByHostState().isEmpty(), "no reference pins a thread: " + r.phone().pinnedByHostState());
        }
    }
}
