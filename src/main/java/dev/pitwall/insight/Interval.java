package dev.pitwall.insight;

/**
 * An estimate with its 95 % interval.
 *
 * @param estimate the point estimate
 * @param low the lower bound
 * @param high the upper bound
 */
public record Interval(double estimate, double low, double high) {

    /** Whether 0 lies within the interval: the effect is not yet distinguishable from noise. */
    public boolean containsZero() {
        return low <= 0 && high >= 0;
    }

    /** This interval multiplied by {@code factor} (bounds reordered when it is negative). */
    public Interval times(double factor) {
        double a = low * factor;
        double b = high * factor;
        return new Interval(estimate * factor, Math.min(a, b), Math.max(a, b));
    }
}
