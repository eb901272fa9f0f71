package org.cometsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.device.DeviceModels;
import org.cometsim.net.LinkModels;
import org.cometsim.offload.policy.Policies;
import org.cometsim.workloads.Workload;
import org.cometsim.workloads.WorkloadCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Host library objects the guest holds are shipped by codec (issue #13 item 3, dsm.HostCodecs):
 * a program changing a {@code ByteArrayOutputStream}, the atomics, a {@code MessageDigest}, a
 * {@code ByteArrayInputStream} under a {@code DataInputStream} ... on both sides while its thread
 * goes back and forth prints what {@code java} prints, and its thread is never pinned; the xz and
 * jhlabs workloads, pinned by a host object before, offload under {@code always}.
 */
class HostStateShippingTest {
    @TempDir
    static Path dir;
    private static ClassPath code;
    private static String javaOutput;
    private static ClassPath pinCode;
    private static String pinJavaOutput;
    private static ClassPath peerCode;
    private static String peerJavaOutput;
    private static ClassPath peerPinCode;
    private static String peerPinJavaOutput;

    @BeforeAll
    static void compile() throws Exception {
        code = CompiledTestProgram.compile("hoststate", dir);
        javaOutput = runJava(dir.resolve("hoststate").resolve("classes"), "HostState");
        pinCode = CompiledTestProgram.compile("hostpin", dir);
        pinJavaOutput = runJava(dir.resolve("hostpin").resolve("classes"), "HostPin");
        peerCode = CompiledTestProgram.compile("hostpeer", dir);
        peerJavaOutput = runJava(dir.resolve("hostpeer").resolve("classes"), "HostPeer");
        peerPinCode = CompiledTestProgram.compile("hostpeerpin", dir);
        peerPinJavaOutput = runJava(dir.resolve("hostpeerpin").resolve("classes"), "HostPeerPin");
    }

    private static String runJava(Path classes, String main) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes.toString(), main).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private static OffloadRun.Result run(ClassPath cp, String main, String[] args, String policy) {
        return OffloadRun.run(new OffloadRun.Config(cp, "app.jar", main, args,
                DeviceModels.cpu("phone-2012-hummingbird-portable"), DeviceModels.cpu("server-2012-portable"),
                sim -> LinkModels.preset("comet-wifi", sim.streams()), OffloadRun.radioFor("comet-wifi"),
                Policies.byName(policy), null, 1, true, null, List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"always", "pingpong:1", "pingpong:7"})
    void mutatedOnBothSidesPrintsWhatJavaPrints(String policy) {
        OffloadRun.Result r = run(code, "HostState", new String[0], policy);
        assertEquals(javaOutput, r.local().stdout(), "local == java");
        assertEquals(javaOutput, r.offload().stdout(), "offloaded == java");
        assertEquals(Map.of(), r.phone().pinnedByHostState(), "nothing pinned the thread");
        assertTrue(r.phone().migrationsOut() >= 12, "the thread went to the server every round: " + r.phone().migrationsOut());
        assertTrue(r.serverInstructions() > 0);
    }

    /**
     * Guest FilterInputStream, FilterOutputStream, Reader and Writer subclasses (the library
     * fields in their host peers: in, out, lock, the Writer's private buffer; dsm.HostPeerState)
     * used on both sides, a host DataInputStream reading through the guest stream, the guest
     * replacing {@code in}: prints what java prints, never pinned.
     */
    @ParameterizedTest
    @ValueSource(strings = {"always", "pingpong:1"})
    void guestSubclassesOfHostStreamsShipTheirPeerState(String policy) {
        OffloadRun.Result r = run(peerCode, "HostPeer", new String[0], policy);
        assertEquals(peerJavaOutput, r.local().stdout(), "local == java");
        assertEquals(peerJavaOutput, r.offload().stdout(), "offloaded == java");
        assertEquals(Map.of(), r.phone().pinnedByHostState(), "nothing pinned the thread");
        if (policy.startsWith("pingpong")) {
            assertTrue(r.phone().migrationsOut() >= 14, "the thread went to the server every round: " + r.phone().migrationsOut());
        }
        assertTrue(r.serverInstructions() > 0);
    }

    /**
     * A guest BufferedInputStream subclass (the library's protected byte[] buffer is in its host
     * peer, and the guest may share it: not shipped by value) made on the phone ("early": before the
     * server is ready; "late": the thread is on the server, which returns it rather than build the
     * peer): it pins the thread there, with the class and field as the reason; output stays java's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"early", "late"})
    void aPeerStateThatCannotShipPinsWithItsReason(String when) {
        OffloadRun.Result r = run(peerPinCode, "HostPeerPin", new String[] {when}, "always");
        assertEquals(peerPinJavaOutput, r.local().stdout());
        assertEquals(peerPinJavaOutput, r.offload().stdout());
        assertEquals(java.util.Set.of("a guest HostPeerPin$Peeking extending java.io.BufferedInputStream"
                + " (state in its host peer: buf)"), r.phone().pinnedByHostState().keySet());
        if (when.equals("late")) {
            assertTrue(r.phone().migrationsOut() >= 1, "the warm-up ran on the server");
        }
    }

    /**
     * A Matcher (no codec) held across guest work: the server never makes one (the thread returns
     * first, with the reason), and on the phone it pins the thread, with the class as the reason.
     */
    @ParameterizedTest
    @ValueSource(strings = {"always", "pingpong:7"})
    void aHostObjectWithoutCodecPinsWithItsReason(String policy) {
        OffloadRun.Result r = run(pinCode, "HostPin", new String[0], policy);
        assertEquals(pinJavaOutput, r.local().stdout());
        assertEquals(pinJavaOutput, r.offload().stdout());
        assertEquals(Map.of("java.util.regex.Matcher (host object)", 1L), r.phone().pinnedByHostState());
        assertTrue(r.phone().migrationsOut() >= 1, "it offloaded before the matcher was made");
        if (policy.equals("always")) {
            assertEquals(1L, r.server().forcedReturns().get("host object without a codec java.util.regex.Matcher"),
                    r.server().forcedReturns().toString());
        }
    }

    @Test
    void jhlabsOffloadsUnderAlways() {
        OffloadRun.Result r = runWorkload("jhlabs");
        assertEquals(Map.of(), r.phone().pinnedByHostState(), "no longer pinned by java.awt.image.Kernel");
        assertTrue(r.phone().migrationsOut() >= 1);
        assertTrue(r.serverInstructions() * 2 > r.local().instructions(), "most instructions ran on the server");
    }

    /**
     * xz's ByteArrayOutputStream, ByteArrayInputStream, DataInputStream and SHA-256 digest ship, and
     * so does its decompressor's CountingInputStream, a guest FilterInputStream subclass whose
     * library field ({@code in}) lives in a host peer (shipped beside it, rebuilt on the receiver):
     * nothing pins the thread.
     */
    @Test
    void xzOffloadsUnderAlways() {
        OffloadRun.Result r = runWorkload("xz");
        assertTrue(r.phone().migrationsOut() >= 1);
        assertTrue(r.serverInstructions() * 3 > r.local().instructions(), "a good part ran on the server");
        assertEquals(Map.of(), r.phone().pinnedByHostState(), "nothing pinned the thread");
    }

    private static OffloadRun.Result runWorkload(String name) {
        Workload w = WorkloadCatalog.get(name);
        OffloadRun.Result r = OffloadRun.run(FailureRecoveryTest.config(w, "always", "comet-wifi", List.of()));
        assertEquals(r.local().stdout(), r.offload().stdout());
        return r;
    }
}
