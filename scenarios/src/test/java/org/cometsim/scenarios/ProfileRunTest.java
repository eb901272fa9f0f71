package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.DeviceModels;
import org.cometsim.offload.policy.profile.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code comet profile} records, on purpose-made programs. */
class ProfileRunTest {
    @TempDir
    static Path dir;
    static ClassPath code;

    @BeforeAll
    static void compile() throws Exception {
        code = CompiledTestProgram.compile("profiled", dir);
    }

    static ProfileRun.Result profile(String main, String... args) {
        return profile0(code, main, args);
    }

    static ProfileRun.Result profile0(ClassPath code, String main, String... args) {
        return ProfileRun.profile(code, "profiled.jar", main, args, DeviceModels.cpu("phone-2012-hummingbird-portable"),
                DeviceModels.cpu("server-2012-portable"), List.of("comet-wifi", "comet-3g"), null);
    }

    @Test
    void recordsTimesCallsPinnedSitesAndRoundTripsThroughJson() {
        ProfileRun.Result r = profile("ComputeThenPrint", "300000");
        Profile p = r.profile();
        assertTrue(r.stdout().startsWith("result "), r.stdout());
        Profile.Method compute = p.method("ComputeThenPrint", "compute", "(I)J");
        Profile.Method main = p.method("ComputeThenPrint", "main", "([Ljava/lang/String;)V");
        assertEquals(1, compute.calls());
        assertTrue(compute.phoneSelfNanos() > compute.serverSelfNanos(), "the server is faster");
        assertTrue(compute.phoneSelfNanos() > p.phoneNanos() / 2, "the loop dominates the run");
        assertTrue(!compute.pinnedTransitive(), "compute prints nothing");
        assertTrue(main.pinnedTransitive(), "main prints, through the library");
        assertTrue(!p.pinnedNatives().isEmpty());
        Profile back = Profile.parse(p.toJson());
        assertEquals(p, back);
    }
}
