package dev.pitwall.insight.statistics;

/**
 * An interrupted time series by segmented regression: yₜ = b₀ + b₁ t + b₂ Dₜ + b₃ (t − t₀) Dₜ + εₜ,
 * where t counts the periods, t₀ is the first period with AI (Dₜ = 1 from it on). b₂ is the change
 * of level at go-live, b₃ the change of slope; the effect h periods after go-live is b₂ + b₃ h, with
 * its 95 % interval from the coefficients' covariance (t distribution, n − 4 degrees of freedom).
 * Assumes independent errors and a linear trend on each side (docs/insight.md).
 */
public final class SegmentedRegression {

    /** Periods needed on each side of go-live. */
    public static final int MIN_PER_SIDE = 4;

    private SegmentedRegression() {
    }

    /**
     * The estimate.
     *
     * @param levelChange b₂ with its interval
     * @param slopeChange b₃ with its interval
     * @param effectAtLatest b₂ + b₃ h at the latest period, with its interval
     * @param periodsBefore periods before go-live
     * @param periodsAfter periods from go-live on
     */
    public record Estimate(LinearModel.Interval levelChange, LinearModel.Interval slopeChange,
            LinearModel.Interval effectAtLatest, int periodsBefore, int periodsAfter) {
    }

    /** The answer: an estimate, or why there is none. */
    public record Result(Estimate estimate, String refusal) {
    }

    /**
     * @param values one value per period, in order
     * @param firstWithAi the index of the first period with AI
     */
    public static Result estimate(double[] values, int firstWithAi) {
        int before = Math.max(0, Math.min(firstWithAi, values.length));
        int after = values.length - before;
        if (before < MIN_PER_SIDE || after < MIN_PER_SIDE) {
            return new Result(null, "needs at least " + MIN_PER_SIDE + " periods measured before the AI go-live and "
                    + MIN_PER_SIDE + " from it on; has " + before + " before and " + after + " after");
        }
        double[][] x = new double[values.length][3];
        for (int t = 0; t < values.length; t++) {
            boolean ai = t >= firstWithAi;
            x[t][0] = t;
            x[t][1] = ai ? 1 : 0;
            x[t][2] = ai ? t - firstWithAi : 0;
        }
        LinearModel.Result fit = LinearModel.fit(values, x);
        if (fit.fit() == null) {
            return new Result(null, fit.refusal());
        }
        int h = values.length - 1 - firstWithAi;
        LinearModel.Fit f = fit.fit();
        return new Result(new Estimate(f.interval(new double[] {0, 0, 1, 0}), f.interval(new double[] {0, 0, 0, 1}),
                f.interval(new double[] {0, 0, 1, h}), before, after), null);
    }
}
