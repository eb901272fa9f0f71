package org.cometsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Held-out" third-party jars (not used anywhere else in the repository), run unchanged through
 * {@code comet exec} with their jars on the class path, as a user would: Apache Commons Lang and
 * Math must print exactly what java prints; Gson (heavy reflection on guest classes) must stop
 * with the precise unsupported-API line, never a wrong answer or a host stack trace.
 */
class ThirdPartyJarsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);
    private static Path programs;

    static final Map<String, String> SOURCES = Programs.sources(
            "CommonsMain", """
                    import org.apache.commons.lang3.StringUtils;
                    import org.apache.commons.math3.linear.Array2DRowRealMatrix;
                    import org.apache.commons.math3.linear.EigenDecomposition;
                    import org.apache.commons.math3.linear.LUDecomposition;
                    import org.apache.commons.math3.linear.RealMatrix;
                    import org.apache.commons.math3.random.MersenneTwister;
                    import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
                    import java.util.Arrays;

                    public class CommonsMain {
                        public static void main(String[] args) {
                            System.out.println(StringUtils.capitalize("hello") + " " + StringUtils.reverse("abc") + " "
                                    + StringUtils.join(new int[] {1, 2, 3}, '-') + " " + StringUtils.leftPad("7", 3, '0'));
                            RealMatrix m = new Array2DRowRealMatrix(new double[][] {{4, 1}, {2, 3}});
                            System.out.println(new LUDecomposition(m).getSolver().getInverse());
                            DescriptiveStatistics st = new DescriptiveStatistics();
                            MersenneTwister mt = new MersenneTwister(42);
                            for (int i = 0; i < 1000; i++) {
                                st.addValue(mt.nextGaussian());
                            }
                            System.out.printf("mean %.6f sd %.6f p50 %.6f%n", st.getMean(), st.getStandardDeviation(), st.getPercentile(50));
                            EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(new double[][] {{2, 0}, {0, 3}}));
                            System.out.println(Arrays.toString(ed.getRealEigenvalues()));
                        }
                    }
                    """,
            "GsonMain", """
                    import com.google.gson.Gson;
                    import java.util.ArrayList;
                    import java.util.List;

                    public class GsonMain {
                        static class P {
                            String name = "ann";
                            int age = 31;
                            List<String> tags = new ArrayList<>();
                        }

                        public static void main(String[] args) {
                            System.out.println(new Gson().toJson(new P()));
                        }
                    }
                    """);

    @BeforeAll
    static void compile() {
        Path dir = CliHarness.freshWorkDir("third-party");
        programs = Programs.compileToJar(dir, "programs.jar", SOURCES);
    }

    private static String jarOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String classPath(Class<?>... libs) {
        StringBuilder sb = new StringBuilder(programs.toString());
        for (Class<?> c : libs) {
            sb.append(File.pathSeparator).append(jarOf(c));
        }
        return sb.toString();
    }

    @Test
    void commonsLangAndMathRunLikeJava() {
        String cp = classPath(org.apache.commons.lang3.StringUtils.class, org.apache.commons.math3.linear.RealMatrix.class);
        CliHarness.Result java = CliHarness.java(TIMEOUT, cp, "CommonsMain");
        CliHarness.Result comet = CliHarness.comet(TIMEOUT, "exec", "-cp", cp, "CommonsMain");
        assertEquals(0, java.exitCode(), java.describe());
        assertEquals(java.stdout(), comet.stdout(), comet.describe());
        assertEquals(0, comet.exitCode(), comet.describe());
    }

    @Test
    void gsonStopsWithAPreciseUnsupportedApiError() {
        String cp = classPath(com.google.gson.Gson.class);
        CliHarness.Result java = CliHarness.java(TIMEOUT, cp, "GsonMain");
        assertEquals("{\"name\":\"ann\",\"age\":31,\"tags\":[]}\n", java.stdout(), java.describe());
        CliHarness.Result comet = CliHarness.comet(TIMEOUT, "exec", "-cp", cp, "GsonMain");
        assertEquals(1, comet.exitCode(), comet.describe());
        List<String> err = comet.stderrLines();
        assertEquals(1, err.size(), comet.describe());
        assertTrue(err.get(0).startsWith("comet: unsupported API: "), comet.describe());
        assertFalse(comet.stderr().contains("\tat "), comet.describe());
        assertEquals("", comet.stdout(), "nothing printed before the stop: " + comet.describe());
    }
}
