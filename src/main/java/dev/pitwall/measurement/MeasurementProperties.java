package dev.pitwall.measurement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the metric model, under {@code pitwall.measurement.*}.
 *
 * @param windowDays the window W: the days ending on the as-of date that usage figures cover
 * @param qualityTarget the organization's default {@code qualityTarget} (0..1)
 * @param availabilityTarget the default {@code availabilityTarget} (0..1)
 * @param deploymentTarget the default {@code deploymentTarget}, successful deployments per month
 * @param roiTarget the default {@code roiTarget} of capability ROI
 * @param highPerformerRealization the realization at or above which a workflow is a high performer
 * @param highPerformerDepth the adoption depth at or above which a workflow is a high performer
 * @param scorecardCacheTtl how long computed scorecards are served after new usage arrived before
 *     they are recomputed (in the background); operating-model changes recompute at once; 0 turns
 *     the lag off
 * @param scorecardCacheEntries how many computed scorecards (scope × as-of date) are kept
 * @param warmUp whether today's organization scorecard is computed in the background at start, so
 *     that the first reader after a restart does not wait for it
 */
@Validated
@ConfigurationProperties("pitwall.measurement")
public record MeasurementProperties(
        @Min(7) @Max(366) @DefaultValue("28") int windowDays,
        @DecimalMin("0.01") @DecimalMax("1") @DefaultValue("0.9") double qualityTarget,
        @DecimalMin("0.01") @DecimalMax("1") @DefaultValue("0.995") double availabilityTarget,
        @DecimalMin("0.01") @DefaultValue("2") double deploymentTarget,
        @DecimalMin("0.01") @DefaultValue("1.0") double roiTarget,
        @DecimalMin("0") @DefaultValue("0.8") double highPerformerRealization,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.6") double highPerformerDepth,
        @DefaultValue("60s") java.time.Duration scorecardCacheTtl,
        @Min(1) @DefaultValue("512") int scorecardCacheEntries,
        @DefaultValue("true") boolean warmUp) {

    public dev.pitwall.measurement.metrics.Targets targets() {
        return new dev.pitwall.measurement.metrics.Targets(qualityTarget, availabilityTarget, deploymentTarget, roiTarget);
    }
}
