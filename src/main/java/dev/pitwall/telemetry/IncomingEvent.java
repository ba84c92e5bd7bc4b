package dev.pitwall.telemetry;

import dev.pitwall.portfolio.TelemetryIdentity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One usage event as a source delivered it, before people, systems and workflows are resolved.
 *
 * @param line where it was in the request (line of NDJSON, element of an array, span number)
 * @param eventId the id unique within the source (retries with the same id are duplicates)
 * @param time when it happened
 * @param person the person's email or external id, or an anonymized reference; may be {@code null}
 * @param systemKey the AI system's key when the source names it
 * @param identity what telemetry says about the system, when the source does not name it
 * @param workflowKey the workflow when the source names it
 * @param operation e.g. {@code chat}, {@code embeddings}, {@code invoke_agent}
 * @param model the model used
 * @param inputTokens tokens in
 * @param outputTokens tokens out
 * @param cost in the organization's currency
 * @param latencyMs how long it took
 * @param error whether it failed
 * @param outcome what the person did with the output
 * @param attributes anything else, kept as JSON
 */
public record IncomingEvent(int line, String eventId, Instant time, String person, String systemKey,
        TelemetryIdentity identity, String workflowKey, String operation, String model, Long inputTokens,
        Long outputTokens, BigDecimal cost, Long latencyMs, boolean error, Outcome outcome,
        Map<String, Object> attributes) {

    /**
     * The day (UTC) it happened, or {@code null} without a time: the day it is counted on, part of
     * its identity (source, id, day) and the month whose partition holds it.
     */
    public java.time.LocalDate day() {
        return time == null ? null : time.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
