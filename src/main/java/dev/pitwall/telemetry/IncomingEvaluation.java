package dev.pitwall.telemetry;

import dev.pitwall.portfolio.TelemetryIdentity;
import java.time.Instant;

/**
 * One evaluation result as delivered ({@code gen_ai.evaluation.result}), before its AI system is resolved.
 *
 * @param line the log record's position in the request (1 = first)
 * @param evaluationId unique: the evaluated operation's trace and span with the evaluation's name,
 *     or a digest of the record when it has no span
 * @param time when it was evaluated
 * @param eventRef the evaluated operation ({@code traceId-spanId}), the id of its usage event
 * @param systemKey the AI system when named ({@code pitwall.system})
 * @param identity what the telemetry says about the system
 * @param workflowKey the workflow when named ({@code pitwall.workflow})
 * @param name what was evaluated, e.g. {@code relevance}
 * @param scoreValue the score, when numeric
 * @param scoreLabel the label, e.g. {@code pass}
 * @param responseId the evaluated response's id
 */
public record IncomingEvaluation(int line, String evaluationId, Instant time, String eventRef, String systemKey,
        TelemetryIdentity identity, String workflowKey, String name, Double scoreValue, String scoreLabel,
        String responseId) {
}
