package dev.pitwall.measurement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * Targets that override the organization's defaults for one AI system or workflow; a {@code null}
 * keeps the default.
 *
 * @param qualityTarget quality the technical index aims for (0..1]
 * @param availabilityTarget availability it aims for (0..1]
 * @param deploymentTarget successful deployments per month it aims for (at most 1,000)
 * @param roiTarget capability ROI the workforce index aims for (at most 1,000,000)
 */
public record TargetDraft(@DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double qualityTarget,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double availabilityTarget,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") Double deploymentTarget,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000") Double roiTarget) {
}
