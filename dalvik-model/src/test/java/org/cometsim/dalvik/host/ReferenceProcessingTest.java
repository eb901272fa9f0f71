package org.cometsim.dalvik.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cometsim.dalvik.conformance.Corpus;
import org.junit.jupiter.api.Test;

/**
 * {@code System.gc()}'s weak-reference pass ({@link ReferenceProcessing}) against the JVM: golden
 * program G052 prints what {@code java} prints (it is also part of the golden corpus; here on its
 * own so a change to the pass is checked in seconds).
 */
class ReferenceProcessingTest {
    @Test
    void weakReferencesAsOnTheJvm() throws Exception {
        check("golden.G052_WeakReferences");
    }

    @Test
    void weakHashMapAsOnTheJvm() throws Exception {
        check("golden.G053_WeakHashMap");
    }

    private static void check(String main) throws Exception {
        Corpus.Run expected = Corpus.runOnJvm(main);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        org.cometsim.dalvik.Vm vm = Corpus.newVm(Corpus.capture(out), Corpus.capture(err));
        int status = vm.runMain(main, new String[0]);
        assertEquals(expected.out(), out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString());
        assertEquals(expected.status(), status);
    }
}
