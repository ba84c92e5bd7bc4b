package dev.pitwall.measurement;

/**
 * The targets in force for an AI system or workflow, and the overrides set on it.
 *
 * @param scope {@code system} or {@code workflow}
 * @param key the system's or workflow's key
 * @param qualityTarget in force
 * @param availabilityTarget in force
 * @param deploymentTarget in force
 * @param roiTarget in force
 * @param overrides what is set on this scope ({@code null} fields inherit)
 */
public record EffectiveTargets(String scope, String key, double qualityTarget, double availabilityTarget,
        double deploymentTarget, double roiTarget, TargetDraft overrides) {
}
