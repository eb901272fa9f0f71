package org.cometsim.dalvik.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.android.tools.r8.CompilationMode;
import org.cometsim.dalvik.Vm;
import org.cometsim.dalvik.interp.JitMode;
import org.cometsim.dalvik.rt.Descriptors;
import org.cometsim.dalvik.rt.GuestArray;
import org.cometsim.dalvik.rt.GuestObject;
import org.cometsim.dalvik.rt.GuestThrowable;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Per-opcode-family differential tests (after Graal's JTT): every {@code test*} method of every
 * class in package {@code jtt} runs on the host JVM and in the interpreter with the same
 * arguments; results (or thrown exception class and message) must be equal. Conventions are in
 * {@code jtt/package-info.java}. Executed opcodes are recorded for {@link OpcodeCoverageTest}.
 */
class JttConformanceTest {

    @TestFactory
    Stream<DynamicNode> jttFamilies() throws Exception {
        List<String> classes = new ArrayList<>();
        try (Stream<Path> walk = Files.list(Corpus.testClasses().resolve("jtt"))) {
            walk.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Jtt_") && n.endsWith(".class") && !n.contains("$"))
                    .sorted()
                    .forEach(n -> classes.add("jtt." + n.substring(0, n.length() - 6)));
        }
        assertTrue(classes.size() >= 20, "the jtt corpus is missing: " + classes);
        List<DynamicNode> nodes = new ArrayList<>();
        // Both D8 modes: release is what shipped apps use, debug is what comet exec makes of jars;
        // each interpreted only, and with every method compiled on first entry (BaselineCompiler).
        for (JitMode jit : List.of(JitMode.OFF, JitMode.EAGER)) {
            for (CompilationMode mode : CompilationMode.values()) {
                List<DynamicNode> family = new ArrayList<>();
                for (String cn : classes) {
                    family.add(familyTests(mode, jit, cn));
                }
                nodes.add(DynamicContainer.dynamicContainer("D8 " + mode + (jit == JitMode.OFF ? ", interpreted" : ", compiled"), family));
            }
        }
        // Dynamic tests run in order, so this one sees the counters of every family above.
        nodes.add(DynamicTest.dynamicTest("every classic opcode was executed", OpcodeCoverageTest::assertAllClassicOpcodesExecuted));
        return nodes.stream();
    }

    private DynamicContainer familyTests(CompilationMode mode, JitMode jit, String className) throws Exception {
        // A fresh class loader per family and mode: host-side static state starts fresh, like the VM's.
        java.net.URLClassLoader loader = new java.net.URLClassLoader(
                new java.net.URL[] {Corpus.testClasses().toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> host = Class.forName(className, true, loader);
        // One VM per family, like one JVM class-init history per family on the host side.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Vm vm = Corpus.newVm(mode, Corpus.capture(out), Corpus.capture(out));
        vm.setJitMode(jit);
        List<DynamicTest> tests = new ArrayList<>();
        Method[] methods = host.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName).thenComparing(m -> m.getParameterCount()));
        for (Method m : methods) {
            if (!m.getName().startsWith("test") || !Modifier.isStatic(m.getModifiers()) || !Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            for (Object[] row : rowsFor(host, m)) {
                String name = m.getName() + Arrays.deepToString(row);
                tests.add(DynamicTest.dynamicTest(name.length() > 120 ? name.substring(0, 120) + "..." : name,
                        () -> compare(vm, m, row)));
            }
        }
        assertTrue(!tests.isEmpty(), className + " has no runnable tests");
        return DynamicContainer.dynamicContainer(className, tests);
    }

    private static List<Object[]> rowsFor(Class<?> host, Method m) throws IllegalAccessException {
        if (m.getParameterCount() == 0) {
            return List.<Object[]>of(new Object[0]);
        }
        Object[][] rows;
        try {
            Field f = host.getField("ARGS_" + m.getName());
            rows = (Object[][]) f.get(null);
        } catch (NoSuchFieldException e) {
            try {
                rows = (Object[][]) host.getField("ARGS").get(null);
            } catch (NoSuchFieldException e2) {
                return List.of();
            }
        }
        List<Object[]> out = new ArrayList<>();
        for (Object[] row : rows) {
            if (fits(m.getParameterTypes(), row)) {
                out.add(row);
            }
        }
        return out;
    }

    private static boolean fits(Class<?>[] types, Object[] row) {
        if (types.length != row.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            Object v = row[i];
            if (t.isPrimitive()) {
                if (v == null || boxOf(t) != v.getClass()) {
                    return false;
                }
            } else if (v != null && !t.isInstance(v)) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> boxOf(Class<?> p) {
        if (p == int.class) return Integer.class;
        if (p == long.class) return Long.class;
        if (p == float.class) return Float.class;
        if (p == double.class) return Double.class;
        if (p == boolean.class) return Boolean.class;
        if (p == byte.class) return Byte.class;
        if (p == char.class) return Character.class;
        return Short.class;
    }

    /**
     * Library uses the VM does not support yet: they must stop with the precise unsupported-API
     * error (never a wrong answer). Each entry names the issue that will remove it.
     */
    private static final java.util.Map<String, String> KNOWN_UNSUPPORTED = java.util.Map.of();

    private static void compare(Vm vm, Method m, Object[] row) throws Exception {
        String gap = KNOWN_UNSUPPORTED.get(m.getDeclaringClass().getName() + "." + m.getName());
        if (gap != null) {
            String desc = Descriptors.methodDescriptor(m.getParameterTypes(), m.getReturnType());
            Object[] args = deepCopy(row);
            org.cometsim.dalvik.rt.VmError e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.cometsim.dalvik.rt.VmError.class, () -> vm.invokeStatic(m.getDeclaringClass().getName(), m.getName(), desc, args));
            assertTrue(e.getMessage().startsWith(gap), e.getMessage());
            return;
        }
        Object expected;
        String expectedEx = null;
        try {
            expected = m.invoke(null, deepCopy(row));
        } catch (InvocationTargetException e) {
            expected = null;
            Throwable c = e.getCause();
            expectedEx = c.getClass().getName() + ": " + c.getMessage();
        }
        Object actual;
        String actualEx = null;
        String desc = Descriptors.methodDescriptor(m.getParameterTypes(), m.getReturnType());
        Object[] guestArgs = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            guestArgs[i] = vm.bridge().toGuest(deepCopy(row)[i]);
        }
        try {
            actual = vm.invokeStatic(m.getDeclaringClass().getName(), m.getName(), desc, guestArgs);
        } catch (GuestThrowable e) {
            actual = null;
            GuestObject g = e.guest;
            Object msg = vm.interpreter().callVirtual(vm.launcher().mainThread(), g, "getMessage", "()Ljava/lang/String;");
            actualEx = g.cls.name + ": " + msg;
        } finally {
            OpcodeCoverageTest.record(vm);
        }
        assertEquals(expectedEx, actualEx, "exception");
        if (expectedEx == null) {
            Object exp = expected;
            Object act = toHost(vm, actual);
            assertTrue(same(exp, act), () -> "expected " + show(exp) + " but was " + show(act));
        }
    }

    private static Object[] deepCopy(Object[] row) {
        Object[] c = row.clone();
        for (int i = 0; i < c.length; i++) {
            Object v = c[i];
            if (v != null && v.getClass().isArray()) {
                c[i] = copyArray(v);
            }
        }
        return c;
    }

    private static Object copyArray(Object a) {
        int n = java.lang.reflect.Array.getLength(a);
        Object c = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            Object e = java.lang.reflect.Array.get(a, i);
            java.lang.reflect.Array.set(c, i, e != null && e.getClass().isArray() ? copyArray(e) : e);
        }
        return c;
    }

    private static Object toHost(Vm vm, Object v) {
        if (v instanceof GuestArray) {
            GuestArray g = (GuestArray) v;
            if (g.data instanceof Object[]) {
                Object[] src = (Object[]) g.data;
                Object[] out = new Object[src.length];
                for (int i = 0; i < src.length; i++) {
                    out[i] = toHost(vm, src[i]);
                }
                return out;
            }
            return g.data;
        }
        if (v instanceof GuestObject) {
            return vm.interpreter().callVirtual(vm.launcher().mainThread(), v, "toString", "()Ljava/lang/String;");
        }
        return v;
    }

    private static boolean same(Object expected, Object actual) {
        if (expected != null && expected.getClass().isArray()) {
            if (actual == null || !actual.getClass().isArray()) {
                return false;
            }
            return Objects.deepEquals(normalize(expected), normalize(actual));
        }
        if (expected != null && !(expected instanceof Number || expected instanceof String || expected instanceof Boolean
                || expected instanceof Character)) {
            return Objects.equals(String.valueOf(expected), String.valueOf(actual));
        }
        return Objects.equals(expected, actual);
    }

    private static Object normalize(Object a) {
        if (a instanceof Object[]) {
            Object[] src = (Object[]) a;
            Object[] out = new Object[src.length];
            for (int i = 0; i < src.length; i++) {
                Object e = src[i];
                out[i] = e != null && e.getClass().isArray() ? normalize(e)
                        : e == null || e instanceof Number || e instanceof String || e instanceof Boolean || e instanceof Character
                        ? e : String.valueOf(e);
            }
            return out;
        }
        return a;
    }

    private static String show(Object o) {
        if (o != null && o.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {o});
        }
        return o + (o == null ? "" : " (" + o.getClass().getSimpleName() + ")");
    }
}
