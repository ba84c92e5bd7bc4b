package dev.pitwall.insight.statistics;

import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Ordinary least squares with an intercept (Commons Math), refusing what it cannot estimate: too
 * few observations for the parameters, or columns that are (nearly) linear combinations of others.
 */
public final class LinearModel {

    /** Columns whose design matrix has a condition number above this are treated as collinear. */
    static final double MAX_CONDITION = 1e8;

    private LinearModel() {
    }

    /**
     * A fitted model.
     *
     * @param coefficients the intercept, then one per column
     * @param covariance the estimated covariance matrix of the coefficients: σ² (XᵀX)⁻¹
     * @param rSquared the coefficient of determination
     * @param observations n
     * @param residualDegreesOfFreedom n − (columns + 1)
     */
    public record Fit(double[] coefficients, double[][] covariance, double rSquared, int observations,
            int residualDegreesOfFreedom) {

        public double standardError(int coefficient) {
            return Math.sqrt(covariance[coefficient][coefficient]);
        }

        /** The two-sided 95 % interval of a linear combination Σ wᵢ bᵢ of the coefficients (t distribution). */
        public Interval interval(double[] weights) {
            double estimate = 0;
            double variance = 0;
            for (int i = 0; i < weights.length; i++) {
                estimate += weights[i] * coefficients[i];
                for (int j = 0; j < weights.length; j++) {
                    variance += weights[i] * weights[j] * covariance[i][j];
                }
            }
            double t = new TDistribution(residualDegreesOfFreedom).inverseCumulativeProbability(0.975);
            double half = t * Math.sqrt(Math.max(variance, 0));
            return new Interval(estimate, estimate - half, estimate + half);
        }
    }

    /** An estimate with its 95 % interval. */
    public record Interval(double estimate, double low, double high) {

        /** Whether the interval contains 0: the effect is not distinguishable from noise. */
        public boolean containsZero() {
            return low <= 0 && high >= 0;
        }
    }

    /** The answer: a fit, or why there is none. */
    public record Result(Fit fit, String refusal) {

        public Optional<Fit> fitted() {
            return Optional.ofNullable(fit);
        }
    }

    /**
     * Fits y = b₀ + Σ bⱼ xⱼ. Needs at least columns + 3 observations (one residual degree of
     * freedom is not enough for an interval worth showing), columns that vary and are not collinear.
     */
    public static Result fit(double[] y, double[][] x) {
        int n = y.length;
        int k = n == 0 ? 0 : x[0].length;
        if (n < k + 3) {
            return new Result(null, "too few observations: " + n + " for " + (k + 1) + " parameters (at least "
                    + (k + 3) + " are needed)");
        }
        if (variance(y) == 0) {
            return new Result(null, "the outcome does not vary");
        }
        double[][] design = new double[n][k + 1];
        for (int i = 0; i < n; i++) {
            design[i][0] = 1;
            System.arraycopy(x[i], 0, design[i], 1, k);
        }
        RealMatrix matrix = scaled(new Array2DRowRealMatrix(design, false));
        double condition = new SingularValueDecomposition(matrix).getConditionNumber();
        if (!(condition < MAX_CONDITION)) {
            return new Result(null, "the factors are collinear (one is, or nearly is, a combination of the others), "
                    + "so their effects cannot be told apart");
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] b = ols.estimateRegressionParameters();
        double[][] inverse = ols.estimateRegressionParametersVariance();
        double sigma2 = ols.estimateErrorVariance();
        double[][] covariance = new double[b.length][b.length];
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b.length; j++) {
                covariance[i][j] = sigma2 * inverse[i][j];
            }
        }
        return new Result(new Fit(b, covariance, ols.calculateRSquared(), n, n - b.length), null);
    }

    /** R² of y on the columns (0 without columns); {@code NaN} when the fit is refused. */
    public static double rSquared(double[] y, double[][] x) {
        if (x.length == 0 || x[0].length == 0) {
            return 0;
        }
        return fit(y, x).fitted().map(Fit::rSquared).orElse(Double.NaN);
    }

    /** Columns scaled to unit length, so the condition number measures collinearity, not units. */
    private static RealMatrix scaled(RealMatrix m) {
        RealMatrix copy = m.copy();
        for (int j = 0; j < copy.getColumnDimension(); j++) {
            double norm = copy.getColumnVector(j).getNorm();
            if (norm > 0) {
                copy.setColumnVector(j, copy.getColumnVector(j).mapDivide(norm));
            }
        }
        return copy;
    }

    static double variance(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum;
    }
}
