package org.cometsim.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Held-out" third-party jars (not used anywhere else in the repository), run unchanged through
 * {@code comet exec} with their jars on the class path, as a user would: Apache Commons Lang and
 * Math, and Gson (heavy reflection on guest classes: fields in declaration order, constructors,
 * generic types through {@code TypeToken}, {@code sun.misc.Unsafe} for a class without a no-arg
 * constructor), must print exactly what java prints.
 */
class ThirdPartyJarsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(600); // a hang guard, not a speed check: generous so host load never fails it
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
                    import com.google.gson.reflect.TypeToken;
                    import java.util.ArrayList;
                    import java.util.List;
                    import java.util.Map;

                    public class GsonMain {
                        static class P {
                            String name = "ann";
                            int age = 31;
                            List<String> tags = new ArrayList<>();
                        }

                        enum Kind { SMALL, LARGE }

                        static class Point {
                            final int x;
                            final int y;
                            Kind kind = Kind.SMALL;

                            Point(int x, int y) { // no no-arg constructor: Gson allocates through Unsafe
                                this.x = x;
                                this.y = y;
                            }
                        }

                        public static void main(String[] args) {
                            Gson gson = new Gson(); // lenient fromJson: single-quoted JSON strings
                            System.out.println(gson.toJson(new P()));
                            P p = gson.fromJson("{'name':'bo','age':4,'tags':['x','y']}", P.class);
                            System.out.println(p.name + " " + p.age + " " + p.tags);
                            List<Point> pts = gson.fromJson("[{'x':1,'y':2,'kind':'LARGE'},{'x':3,'y':4}]",
                                    new TypeToken<List<Point>>() { }.getType());
                            System.out.println(pts.size() + " " + pts.get(0).x + " " + pts.get(0).kind + " " + pts.get(1).y
                                    + " " + pts.get(1).kind + " " + gson.toJson(pts));
                            Map<String, List<Double>> m = gson.fromJson("{'a':[1.5,2],'b':[]}",
                                    new TypeToken<Map<String, List<Double>>>() { }.getType());
                            System.out.println(m + " " + gson.toJson(m));
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
    void gsonRunsLikeJava() {
        String cp = classPath(com.google.gson.Gson.class);
        CliHarness.Result java = CliHarness.java(TIMEOUT, cp, "GsonMain");
        assertEquals(0, java.exitCode(), java.describe());
        // Field order is declaration order (HotSpot's), not the dex format's name order.
        assertTrue(java.stdout().startsWith("{\"name\":\"ann\",\"age\":31,\"tags\":[]}\n"), java.describe());
        CliHarness.Result comet = CliHarness.comet(TIMEOUT, "exec", "-cp", cp, "GsonMain");
        assertEquals(java.stdout(), comet.stdout(), comet.describe());
        assertEquals(0, comet.exitCode(), comet.describe());
        assertFalse(comet.stderr().contains("\tat "), comet.describe());
    }
}
