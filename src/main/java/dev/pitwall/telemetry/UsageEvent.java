package dev.pitwall.telemetry;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored usage event.
 *
 * @param id the event's id within its source
 * @param source where it came from
 * @param time when it happened
 * @param personId the person, when known
 * @param personRef the reference the source gave (email, external id, anonymized hash)
 * @param systemKey the AI system, when known
 * @param workflowKey the workflow it is attributed to, or {@code null} (unaligned)
 * @param operation the operation
 * @param model the model
 * @param inputTokens tokens in
 * @param outputTokens tokens out
 * @param cost cost
 * @param latencyMs latency
 * @param error whether it failed
 * @param outcome what the person did with the output
 * @param attributes the other attributes, as JSON
 * @param attribution how the workflow was decided
 * @param ruleId the rule that decided it, for {@code RULE}
 * @param batchId the batch it arrived in
 * @param ingestedAt when it was stored
 */
public record UsageEvent(String id, TelemetrySource source, Instant time, Long personId, String personRef,
        String systemKey, String workflowKey, String operation, String model, Long inputTokens, Long outputTokens,
        BigDecimal cost, Long latencyMs, boolean error, Outcome outcome, @JsonRawValue String attributes,
        Attribution attribution, Long ruleId, long batchId, Instant ingestedAt) {
}
