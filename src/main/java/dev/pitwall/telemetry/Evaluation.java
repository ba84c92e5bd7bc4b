package dev.pitwall.telemetry;

import java.time.Instant;

/**
 * A stored evaluation score of an AI system.
 *
 * @param id unique id (see {@link IncomingEvaluation#evaluationId()})
 * @param time when it was evaluated
 * @param systemKey the AI system evaluated
 * @param workflowKey the workflow of the evaluated operation, when known
 * @param eventRef the evaluated operation's usage event id, when known
 * @param name what was evaluated
 * @param scoreValue numeric score, or {@code null}
 * @param scoreLabel label, or {@code null}
 * @param responseId the evaluated response
 * @param batchId the batch it arrived in
 */
public record Evaluation(String id, Instant time, String systemKey, String workflowKey, String eventRef, String name,
        Double scoreValue, String scoreLabel, String responseId, long batchId) {
}
