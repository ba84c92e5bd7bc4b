package dev.pitwall.insight.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.util.CombinatoricsUtils;

/**
 * The Shapley decomposition of R² over groups of factors: each group's share of the explained
 * variance is its marginal contribution to R², averaged over every order in which the groups can
 * enter the model (Lindeman, Merenda and Gold's, or Grömping's "LMG" measure, for groups). The
 * shares add up to the full model's R². Intervals come from a seeded bootstrap over observations.
 */
public final class ShapleyR2 {

    private ShapleyR2() {
    }

    /** A group of factors: its name and its columns, one row per observation. */
    public record Group(String name, double[][] columns) {

        int width() {
            return columns.length == 0 ? 0 : columns[0].length;
        }
    }

    /**
     * The decomposition.
     *
     * @param rSquared the full model's R²
     * @param contributions each group's Shapley value, in the order of the groups; they sum to R²
     * @param low the 2.5th bootstrap percentile of each contribution
     * @param high the 97.5th
     * @param resamples bootstrap resamples that could be fitted
     */
    public record Decomposition(double rSquared, double[] contributions, double[] low, double[] high, int resamples) {
    }

    /** The answer: a decomposition, or why there is none. */
    public record Result(Decomposition decomposition, String refusal) {
    }

    /** Shapley values of the groups on these observations (no interval). {@code null} when a fit is refused. */
    public static double[] contributions(double[] y, List<Group> groups) {
        int g = groups.size();
        double[] r2 = new double[1 << g];
        for (int subset = 1; subset < r2.length; subset++) {
            r2[subset] = LinearModel.rSquared(y, columns(groups, subset, y.length));
            if (Double.isNaN(r2[subset])) {
                return null;
            }
        }
        double[] phi = new double[g];
        for (int j = 0; j < g; j++) {
            for (int subset = 0; subset < r2.length; subset++) {
                if ((subset & (1 << j)) != 0) {
                    continue;
                }
                int s = Integer.bitCount(subset);
                double weight = 1.0 / (g * CombinatoricsUtils.binomialCoefficientDouble(g - 1, s));
                phi[j] += weight * (r2[subset | (1 << j)] - r2[subset]);
            }
        }
        return phi;
    }

    /**
     * The decomposition with bootstrap 95 % intervals from {@code resamples} resamples drawn with
     * {@code seed} (the same seed gives the same intervals). Refuses with the reason when the full
     * model cannot be fitted (too few observations, collinear factors).
     */
    public static Result decompose(double[] y, List<Group> groups, int resamples, long seed) {
        LinearModel.Result full = LinearModel.fit(y, columns(groups, (1 << groups.size()) - 1, y.length));
        if (full.fit() == null) {
            return new Result(null, full.refusal());
        }
        double[] phi = contributions(y, groups);
        if (phi == null) {
            return new Result(null, "a subset of the factors cannot be fitted on its own");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> draws = new ArrayList<>();
        int n = y.length;
        for (int b = 0; b < resamples; b++) {
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = random.nextInt(n);
            }
            double[] yb = new double[n];
            for (int i = 0; i < n; i++) {
                yb[i] = y[rows[i]];
            }
            List<Group> gb = groups.stream().map(gr -> new Group(gr.name(), pick(gr.columns(), rows))).toList();
            double[] c = contributions(yb, gb);
            if (c != null) {
                draws.add(c);
            }
        }
        double[] low = new double[groups.size()];
        double[] high = new double[groups.size()];
        Percentile percentile = new Percentile();
        for (int j = 0; j < groups.size(); j++) {
            int jj = j;
            double[] values = draws.stream().mapToDouble(d -> d[jj]).toArray();
            low[j] = values.length == 0 ? Double.NaN : percentile.evaluate(values, 2.5);
            high[j] = values.length == 0 ? Double.NaN : percentile.evaluate(values, 97.5);
        }
        return new Result(new Decomposition(full.fit().rSquared(), phi, low, high, draws.size()), null);
    }

    private static double[][] pick(double[][] columns, int[] rows) {
        double[][] picked = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = columns[rows[i]];
        }
        return picked;
    }

    /** The columns of the groups in {@code subset} (a bit per group), side by side. */
    static double[][] columns(List<Group> groups, int subset, int n) {
        int width = 0;
        for (int j = 0; j < groups.size(); j++) {
            if ((subset & (1 << j)) != 0) {
                width += groups.get(j).width();
            }
        }
        double[][] x = new double[n][width];
        int at = 0;
        for (int j = 0; j < groups.size(); j++) {
            if ((subset & (1 << j)) == 0) {
                continue;
            }
            Group group = groups.get(j);
            for (int i = 0; i < n; i++) {
                System.arraycopy(group.columns()[i], 0, x[i], at, group.width());
            }
            at += group.width();
        }
        return x;
    }

    static String describe(double[] values) {
        return Arrays.toString(values);
    }
}
