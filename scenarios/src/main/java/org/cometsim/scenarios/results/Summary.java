package org.cometsim.scenarios.results;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Replication statistics of a sweep (table {@code summary}): for every combination of the axes
 * other than the seed, each metric's mean, standard deviation, 95 % confidence interval of the
 * mean (Student t with n - 1 degrees of freedom) and geometric mean, over the finished points.
 */
public final class Summary {
    private Summary() {
    }

    /** The metrics summarised, columns of {@code points}. */
    public static final List<String> METRICS = List.of("speedup", "offload_time_s", "local_time_s", "energy_j_total",
            "energy_local_j_total", "bytes_up", "bytes_down");

    /** One group's statistics for one metric. */
    public record Stat(int n, double mean, double stddev, double ciLow, double ciHigh, Double geomean) {
    }

    /** Statistics of {@code values} (at least one). */
    public static Stat of(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        boolean positive = true;
        double logSum = 0;
        for (double v : values) {
            s.addValue(v);
            positive &= v > 0;
            logSum += v > 0 ? Math.log(v) : 0;
        }
        int n = values.length;
        double mean = s.getMean();
        double sd = n > 1 ? s.getStandardDeviation() : 0.0;
        double half = 0.0;
        if (n > 1) {
            half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        }
        return new Stat(n, mean, sd, mean - half, mean + half, positive ? Math.exp(logSum / n) : null);
    }

    /** Recomputes table {@code summary} of {@code store} from its points. */
    public static void rewrite(ResultsStore store) {
        List<String> groups = new ArrayList<>(store.axisColumns());
        groups.remove("axis_seed");
        try {
            List<Object[]> rows = store.okRows(groups, METRICS);
            Map<List<String>, List<Object[]>> byGroup = new LinkedHashMap<>();
            for (Object[] r : rows) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < groups.size(); i++) {
                    key.add((String) r[i]);
                }
                byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            List<Object[]> out = new ArrayList<>();
            for (Map.Entry<List<String>, List<Object[]>> e : byGroup.entrySet()) {
                for (int m = 0; m < METRICS.size(); m++) {
                    int col = groups.size() + m;
                    double[] vals = e.getValue().stream().filter(r -> r[col] != null).mapToDouble(r -> (Double) r[col]).toArray();
                    if (vals.length == 0) {
                        continue;
                    }
                    Stat s = of(vals);
                    Object[] row = Arrays.copyOf(e.getKey().toArray(), groups.size() + 7);
                    row[groups.size()] = METRICS.get(m);
                    row[groups.size() + 1] = s.n();
                    row[groups.size() + 2] = s.mean();
                    row[groups.size() + 3] = s.stddev();
                    row[groups.size() + 4] = s.ciLow();
                    row[groups.size() + 5] = s.ciHigh();
                    row[groups.size() + 6] = s.geomean();
                    out.add(row);
                }
            }
            store.writeSummary(groups, out);
        } catch (SQLException e) {
            throw new IllegalStateException(store.file() + ": cannot write the summary: " + ResultsStore.oneLine(e), e);
        }
    }

    /** One group of {@link #table}: the axis labels (seed excluded) and the metric's statistics. */
    public record Line(List<String> labels, Stat stat) {
    }

    /** The groups' statistics for one metric, in point order (what {@code comet sweep} prints). */
    public static List<Line> table(ResultsStore store, String metric) {
        List<String> groups = new ArrayList<>(store.axisColumns());
        groups.remove("axis_seed");
        try {
            Map<List<String>, List<Double>> byGroup = new LinkedHashMap<>();
            for (Object[] r : store.okRows(groups, List.of(metric))) {
                List<String> key = new ArrayList<>();
                for (int i = 0; i < groups.size(); i++) {
                    key.add((String) r[i]);
                }
                if (r[groups.size()] != null) {
                    byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add((Double) r[groups.size()]);
                }
            }
            List<Line> out = new ArrayList<>();
            byGroup.forEach((k, v) -> out.add(new Line(k, of(v.stream().mapToDouble(Double::doubleValue).toArray()))));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(store.file() + ": " + ResultsStore.oneLine(e), e);
        }
    }
}
