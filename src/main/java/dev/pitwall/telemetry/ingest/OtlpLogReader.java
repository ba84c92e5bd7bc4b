package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.digest.Sha256;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.telemetry.IncomingEvaluation;
import dev.pitwall.telemetry.IngestionTooLarge;
import dev.pitwall.telemetry.ParsedEvaluations;
import dev.pitwall.telemetry.TelemetryProperties;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reads {@code gen_ai.evaluation.result} events from OTLP logs (the event name in the record's
 * {@code event_name}, or in an {@code event.name} attribute from older SDKs). Other log records are
 * counted as skipped. Records are numbered in request order.
 */
@Component
public class OtlpLogReader {

    private final TelemetryProperties properties;

    OtlpLogReader(TelemetryProperties properties) {
        this.properties = properties;
    }

    public ParsedEvaluations read(ExportLogsServiceRequest request) {
        int records = 0;
        for (ResourceLogs resource : request.getResourceLogsList()) {
            for (ScopeLogs scope : resource.getScopeLogsList()) {
                records += scope.getLogRecordsCount();
            }
        }
        if (records > properties.maxEventsPerRequest()) {
            throw new IngestionTooLarge("The request carries " + records + " log records, more than "
                    + properties.maxEventsPerRequest() + " (pitwall.telemetry.max-events-per-request).");
        }
        List<IncomingEvaluation> evaluations = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        int skipped = 0;
        int number = 0;
        for (ResourceLogs resource : request.getResourceLogsList()) {
            Map<String, AnyValue> resourceAttributes = OtlpValues.map(resource.getResource().getAttributesList());
            for (ScopeLogs scope : resource.getScopeLogsList()) {
                for (LogRecord record : scope.getLogRecordsList()) {
                    number++;
                    Map<String, AnyValue> attributes = OtlpValues.map(record.getAttributesList());
                    if (!isEvaluation(record, attributes)) {
                        skipped++;
                        continue;
                    }
                    List<Violation> problems = new ArrayList<>(0);
                    IncomingEvaluation evaluation = evaluation(number, record, attributes, resourceAttributes, problems);
                    if (problems.isEmpty()) {
                        evaluations.add(evaluation);
                    } else {
                        rejections.addAll(problems);
                    }
                }
            }
        }
        return new ParsedEvaluations(evaluations, rejections, skipped);
    }

    private static boolean isEvaluation(LogRecord record, Map<String, AnyValue> attributes) {
        return GenAiAttributes.EVALUATION_EVENT.equals(record.getEventName())
                || GenAiAttributes.EVALUATION_EVENT.equals(OtlpValues.text(attributes.get("event.name")));
    }

    private static IncomingEvaluation evaluation(int number, LogRecord record, Map<String, AnyValue> attributes,
            Map<String, AnyValue> resource, List<Violation> problems) {
        String name = OtlpValues.text(attributes.get(GenAiAttributes.EVALUATION_NAME));
        if (name == null) {
            problems.add(Violation.ofLine(number, GenAiAttributes.EVALUATION_NAME, "is required"));
        }
        Double score = null;
        try {
            BigDecimal value = OtlpValues.decimal(attributes.get(GenAiAttributes.EVALUATION_SCORE_VALUE));
            score = value == null ? null : value.doubleValue();
        } catch (IllegalArgumentException e) {
            problems.add(Violation.ofLine(number, GenAiAttributes.EVALUATION_SCORE_VALUE, e.getMessage()));
        }
        String label = OtlpValues.text(attributes.get(GenAiAttributes.EVALUATION_SCORE_LABEL));
        if (score == null && label == null && problems.isEmpty()) {
            problems.add(Violation.ofLine(number, GenAiAttributes.EVALUATION_SCORE_VALUE,
                    "a score value or a score label is required"));
        }
        long nanos = record.getTimeUnixNano() != 0 ? record.getTimeUnixNano() : record.getObservedTimeUnixNano();
        if (nanos == 0) {
            problems.add(Violation.ofLine(number, "timeUnixNano", "is required (or observedTimeUnixNano)"));
        }
        boolean linked = record.getTraceId().size() == 16 && record.getSpanId().size() == 8;
        String eventRef = linked ? OtlpValues.hex(record.getTraceId()) + "-" + OtlpValues.hex(record.getSpanId()) : null;
        String id = eventRef != null && name != null ? eventRef + "-" + truncate(name, 130) : digest(record);
        String provider = first(attributes, resource, GenAiAttributes.PROVIDER);
        String model = first(attributes, resource, GenAiAttributes.REQUEST_MODEL);
        TelemetryIdentity identity = new TelemetryIdentity(OtlpValues.text(resource.get(GenAiAttributes.SERVICE_NAME)),
                first(attributes, resource, GenAiAttributes.AGENT_NAME), provider, model, null);
        return new IncomingEvaluation(number, id, nanos == 0 ? null : OtlpValues.instant(nanos), eventRef,
                first(attributes, resource, List.of(GenAiAttributes.SYSTEM)), identity,
                first(attributes, resource, List.of(GenAiAttributes.WORKFLOW)), name == null ? null : truncate(name, 200),
                score, label == null ? null : truncate(label, 200),
                OtlpValues.text(attributes.get("gen_ai.response.id")));
    }

    private static String first(Map<String, AnyValue> attributes, Map<String, AnyValue> resource, List<String> keys) {
        for (String key : keys) {
            String value = OtlpValues.text(attributes.get(key));
            if (value != null) {
                return value;
            }
        }
        for (String key : keys) {
            String value = OtlpValues.text(resource.get(key));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** A record without a span is identified by its content: a retry of the same record is the same. */
    private static String digest(LogRecord record) {
        return "sha256-" + Sha256.hex(record.toByteArray());
    }
}
