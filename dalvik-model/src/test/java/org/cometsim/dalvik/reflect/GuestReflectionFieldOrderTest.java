package org.cometsim.dalvik.reflect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import com.android.tools.r8.CompilationMode;
import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.load.ClassPath;
import org.cometsim.dalvik.load.D8Converter;
import org.cometsim.dalvik.rt.VmError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Class.getDeclaredFields} order: the dex format keeps fields sorted by name, so the class
 * file's declaration order (HotSpot's answer, visible e.g. in Gson's JSON member order) is used when
 * the class came from a jar on the guest class path; otherwise dex order. The same for the order
 * of an element's annotations ({@code getAnnotations()}), which dex sorts by type: without the
 * class file, two or more stop as unsupported rather than come out in the wrong order.
 */
class GuestReflectionFieldOrderTest {
    @TempDir
    Path tmp;

    private Path jar() throws IOException {
        return jar("FieldOrder", "FieldOrder$Sample");
    }

    private Path jar(String... classNames) throws IOException {
        Path jar = tmp.resolve("fieldorder.jar");
        Path classes = Path.of("target", "test-classes");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String simple : classNames) {
                String name = "reflecttarget/" + simple + ".class";
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(classes.resolve(name)));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Vm vm(Path jar, boolean classPathKnown) throws Exception {
        ClassPath cp = new ClassPath();
        cp.add(jar, new D8Converter(Path.of("target", "d8-cache"), CompilationMode.DEBUG));
        java.io.PrintStream quiet = new java.io.PrintStream(OutputStream.nullOutputStream());
        Vm vm = org.cometsim.dalvik.conformance.Corpus.newVm(cp, quiet, quiet, true);
        if (classPathKnown) {
            vm.setGuestProperty("java.class.path", jar.toString());
        }
        return vm;
    }

    @Test
    void declarationOrderWhenTheClassFileIsOnTheGuestClassPath() throws Exception {
        String hotspot = reflecttarget.FieldOrder.names();
        assertEquals("zeta beta alpha mid omega", hotspot, "HotSpot's own order (the oracle)");
        assertEquals(hotspot, vm(jar(), true).invokeStatic("reflecttarget.FieldOrder", "names", "()Ljava/lang/String;"));
    }

    private Path annotationJar() throws IOException {
        return jar("AnnotationOrder", "AnnotationOrder$Sample", "AnnotationOrder$Zeta", "AnnotationOrder$Alpha",
                "AnnotationOrder$Mid");
    }

    @Test
    void annotationsInClassFileOrderWhenTheClassFileIsOnTheGuestClassPath() throws Exception {
        String hotspot = reflecttarget.AnnotationOrder.names();
        assertEquals("[Mid Zeta Alpha=7] [Zeta Alpha=1] [Alpha=3 Mid Zeta] [Zeta]", hotspot, "HotSpot's own order (the oracle)");
        assertEquals(hotspot, vm(annotationJar(), true).invokeStatic("reflecttarget.AnnotationOrder", "names", "()Ljava/lang/String;"));
    }

    @Test
    void severalAnnotationsWithoutTheClassFileStopAsUnsupported() throws Exception {
        VmError e = assertThrows(VmError.class,
                () -> vm(annotationJar(), false).invokeStatic("reflecttarget.AnnotationOrder", "names", "()Ljava/lang/String;"));
        assertTrue(e.getMessage().contains("several annotations, whose class-file order is not kept in dex"), e.getMessage());
    }

    @Test
    void dexOrderOtherwise() throws Exception {
        // dexlib2 lists static fields, then instance fields, each sorted by name.
        assertEquals("beta alpha mid omega zeta", vm(jar(), false).invokeStatic("reflecttarget.FieldOrder", "names", "()Ljava/lang/String;"));
    }
}
