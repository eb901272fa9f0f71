package org.cometsim.dalvik.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cometsim.dalvik.conformance.Corpus;
import org.cometsim.dalvik.load.GuestLibrary;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;
import org.jf.dexlib2.iface.ClassDef;
import org.junit.jupiter.api.Test;

/**
 * No false positives: every class the project ships as guest code (the guest library, the golden
 * corpus in both D8 modes) passes the verifier. The workloads, validation's programs and
 * third-party jars are swept by {@code comet bench-verify} (cli module).
 */
class VerifierCorpusTest {
    private static List<String> failures(Iterable<? extends ClassDef> classes) {
        List<String> out = new ArrayList<>();
        for (ClassDef c : classes) {
            String f = Verifier.verify(c, Verifier.dexVersionOf(c));
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void guestLibraryVerifies() {
        var defs = GuestLibrary.definitions().values();
        assertTrue(defs.size() > 100, "guest library has classes");
        assertEquals(List.of(), failures(defs));
    }

    @Test
    void goldenCorpusVerifiesInBothModes() throws Exception {
        for (com.android.tools.r8.CompilationMode mode : com.android.tools.r8.CompilationMode.values()) {
            byte[] dex = Corpus.dex(mode);
            DexBackedDexFile f = new DexBackedDexFile(Opcodes.forDexVersion(37), dex);
            assertTrue(f.getClasses().size() > 50);
            assertEquals(List.of(), failures(f.getClasses()), "mode " + mode);
        }
    }
}
