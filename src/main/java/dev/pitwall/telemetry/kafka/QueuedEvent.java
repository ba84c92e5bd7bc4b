package dev.pitwall.telemetry.kafka;

import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * One accepted event on the write path's topic, as JSON: what the store keeps of it, already
 * resolved to a person, AI system and workflow by the node that acknowledged it. The record's key
 * is {@link #key()}, so a retry of the same event goes to the same partition.
 *
 * @param source the id space ({@code NATIVE}, {@code OTLP})
 * @param batchSource how it arrived
 */
record QueuedEvent(TelemetrySource source, TelemetrySource batchSource, String eventId, Instant time,
        Long personId, String personRef, Long systemId, Long workflowId, Attribution attribution, Long ruleId,
        String operation, String model, Long inputTokens, Long outputTokens, BigDecimal cost, Long latencyMs,
        boolean error, Outcome outcome, Map<String, Object> attributes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    QueuedEvent {
        if (source == null || batchSource == null || eventId == null || time == null || attribution == null
                || outcome == null) {
            throw new IllegalArgumentException("an accepted event needs source, batchSource, eventId, time,"
                    + " attribution and outcome");
        }
    }

    static QueuedEvent of(TelemetrySource source, TelemetrySource batchSource, ResolvedEvent resolved) {
        IncomingEvent e = resolved.event();
        return new QueuedEvent(source, batchSource, e.eventId(), e.time(), resolved.personId(), resolved.personRef(),
                resolved.systemId(), resolved.workflowId(), resolved.attribution(), resolved.ruleId(), e.operation(),
                e.model(), e.inputTokens(), e.outputTokens(), e.cost(), e.latencyMs(), e.error(), e.outcome(),
                e.attributes());
    }

    static QueuedEvent fromJson(String json) {
        return JSON.readValue(json, QueuedEvent.class);
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    String key() {
        return source.name() + ":" + eventId;
    }

    /** Back to what the store writes; {@code line} is the record's place in the writer's batch. */
    ResolvedEvent resolved(int line) {
        IncomingEvent event = new IncomingEvent(line, eventId, time, personRef, null, null, null, operation, model,
                inputTokens, outputTokens, cost, latencyMs, error, outcome, attributes);
        return new ResolvedEvent(event, personId, personRef, systemId, workflowId, attribution, ruleId);
    }
}
