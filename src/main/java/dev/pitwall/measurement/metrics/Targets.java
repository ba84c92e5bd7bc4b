package dev.pitwall.measurement.metrics;

/**
 * The targets the indices divide by: organization defaults ({@code qualityTarget} 0.9,
 * {@code availabilityTarget} 0.995, {@code deploymentTarget} 2 per month, {@code roiTarget} 1.0),
 * each overridable per AI system or workflow.
 */
public record Targets(double quality, double availability, double deploymentsPerMonth, double roi) {

    public Targets {
        if (quality <= 0 || availability <= 0 || deploymentsPerMonth <= 0 || roi <= 0) {
            throw new IllegalArgumentException("targets must be positive");
        }
    }

    /** These targets with any non-null overrides applied. */
    public Targets with(Double quality, Double availability, Double deploymentsPerMonth, Double roi) {
        return new Targets(quality == null ? this.quality : quality,
                availability == null ? this.availability : availability,
                deploymentsPerMonth == null ? this.deploymentsPerMonth : deploymentsPerMonth, roi == null ? this.roi : roi);
    }
}
