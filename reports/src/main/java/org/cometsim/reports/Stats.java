package org.cometsim.reports;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/** Means, geometric means and confidence intervals over replications. */
public final class Stats {
    private Stats() {
    }

    /** Geometric mean of positive values (NaN values skipped); NaN if none. */
    public static double geometricMean(List<Double> values) {
        double logSum = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            if (v <= 0) {
                throw new IllegalArgumentException("geometric mean of a non-positive value " + v);
            }
            logSum += Math.log(v);
            n++;
        }
        return n == 0 ? Double.NaN : Math.exp(logSum / n);
    }

    public static double mean(List<Double> values) {
        double s = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                s += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * Half-width of the two-sided confidence interval of the mean (Student's t, sample standard
     * deviation); 0 for fewer than two values, where no interval can be given.
     */
    public static double ciHalfWidth(List<Double> values, double level) {
        List<Double> v = values.stream().filter(x -> !Double.isNaN(x)).toList();
        int n = v.size();
        if (n < 2) {
            return 0;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.5 + level / 2);
        return t * sd / Math.sqrt(n);
    }
}
