package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.IngestionTooLarge;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetryProperties;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns OTLP spans into usage events. A span is a usage event when it carries GenAI attributes
 * ({@code gen_ai.*}); other spans are counted as skipped. Spans are numbered in request order
 * (1 = first span of the first resource), and each rejection names the span's trace and span id.
 */
@Component
public class OtlpSpanReader {

    /** Attributes kept per event beyond those mapped to columns, and the longest text kept. */
    static final int MAX_KEPT_ATTRIBUTES = 64;
    static final int MAX_KEPT_TEXT = 1_000;

    private final TelemetryProperties properties;

    OtlpSpanReader(TelemetryProperties properties) {
        this.properties = properties;
    }

    public ParsedBatch read(ExportTraceServiceRequest request) {
        int spans = 0;
        for (ResourceSpans resource : request.getResourceSpansList()) {
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                spans += scope.getSpansCount();
            }
        }
        if (spans > properties.maxEventsPerRequest()) {
            throw new IngestionTooLarge("The request carries " + spans + " spans, more than "
                    + properties.maxEventsPerRequest() + " (pitwall.telemetry.max-events-per-request).");
        }
        List<IncomingEvent> events = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        int skipped = 0;
        int number = 0;
        for (ResourceSpans resource : request.getResourceSpansList()) {
            Map<String, AnyValue> resourceAttributes = OtlpValues.map(resource.getResource().getAttributesList());
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    number++;
                    Map<String, AnyValue> attributes = OtlpValues.map(span.getAttributesList());
                    if (!isGenAi(attributes)) {
                        skipped++;
                        continue;
                    }
                    SpanEvent read = new SpanEvent(number, span, attributes, resourceAttributes);
                    IncomingEvent event = read.toEvent();
                    if (read.problems.isEmpty()) {
                        events.add(event);
                    } else {
                        rejections.addAll(read.problems);
                    }
                }
            }
        }
        return new ParsedBatch(events, rejections, skipped);
    }

    static boolean isGenAi(Map<String, AnyValue> attributes) {
        for (String key : attributes.keySet()) {
            if (key.startsWith(GenAiAttributes.PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** One GenAI span being read, with what is wrong with it. */
    private static final class SpanEvent {
        private final int number;
        private final Span span;
        private final Map<String, AnyValue> attributes;
        private final Map<String, AnyValue> resource;
        private final String label;
        private final List<Violation> problems = new ArrayList<>(0);

        SpanEvent(int number, Span span, Map<String, AnyValue> attributes, Map<String, AnyValue> resource) {
            this.number = number;
            this.span = span;
            this.attributes = attributes;
            this.resource = resource;
            this.label = "span " + OtlpValues.hex(span.getSpanId()) + " of trace " + OtlpValues.hex(span.getTraceId()) + ": ";
        }

        IncomingEvent toEvent() {
            if (span.getTraceId().size() != 16 || isZero(span.getTraceId().toByteArray())) {
                problem("traceId", "must be 16 bytes and not all zero");
            }
            if (span.getSpanId().size() != 8 || isZero(span.getSpanId().toByteArray())) {
                problem("spanId", "must be 8 bytes and not all zero");
            }
            if (span.getStartTimeUnixNano() == 0) {
                problem("startTimeUnixNano", "is required");
            }
            Long latency = null;
            if (span.getEndTimeUnixNano() != 0 && span.getStartTimeUnixNano() != 0) {
                if (Long.compareUnsigned(span.getEndTimeUnixNano(), span.getStartTimeUnixNano()) < 0) {
                    problem("endTimeUnixNano", "is before startTimeUnixNano");
                } else {
                    latency = (span.getEndTimeUnixNano() - span.getStartTimeUnixNano()) / 1_000_000L;
                }
            }
            String provider = text(GenAiAttributes.PROVIDER);
            String requestModel = text(GenAiAttributes.REQUEST_MODEL);
            String responseModel = text(GenAiAttributes.RESPONSE_MODEL);
            TelemetryIdentity identity = new TelemetryIdentity(OtlpValues.text(resource.get(GenAiAttributes.SERVICE_NAME)),
                    text(GenAiAttributes.AGENT_NAME), provider, requestModel != null ? requestModel : responseModel, null);
            boolean error = span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR
                    || text(GenAiAttributes.ERROR_TYPE) != null;
            return new IncomingEvent(number, OtlpValues.hex(span.getTraceId()) + "-" + OtlpValues.hex(span.getSpanId()),
                    span.getStartTimeUnixNano() == 0 ? null : OtlpValues.instant(span.getStartTimeUnixNano()),
                    textWithResource(GenAiAttributes.PERSON), textWithResource(List.of(GenAiAttributes.SYSTEM)), identity,
                    textWithResource(List.of(GenAiAttributes.WORKFLOW)), text(GenAiAttributes.OPERATION),
                    responseModel != null ? responseModel : requestModel, integer(GenAiAttributes.INPUT_TOKENS),
                    integer(GenAiAttributes.OUTPUT_TOKENS), decimal(GenAiAttributes.COST), latency, error, outcome(),
                    kept());
        }

        private void problem(String field, String reason) {
            problems.add(Violation.ofLine(number, field, label + reason));
        }

        private AnyValue first(List<String> keys) {
            for (String key : keys) {
                AnyValue value = attributes.get(key);
                if (value != null && value.getValueCase() != AnyValue.ValueCase.VALUE_NOT_SET) {
                    return value;
                }
            }
            return null;
        }

        private String keyOf(List<String> keys) {
            for (String key : keys) {
                if (attributes.containsKey(key)) {
                    return key;
                }
            }
            return keys.get(0);
        }

        private String text(List<String> keys) {
            return OtlpValues.text(first(keys));
        }

        /** The span's attribute, else the resource's (e.g. {@code user.id} set once per process). */
        private String textWithResource(List<String> keys) {
            String value = text(keys);
            if (value != null) {
                return value;
            }
            for (String key : keys) {
                String fromResource = OtlpValues.text(resource.get(key));
                if (fromResource != null) {
                    return fromResource;
                }
            }
            return null;
        }

        private Long integer(List<String> keys) {
            try {
                return OtlpValues.integer(first(keys));
            } catch (IllegalArgumentException e) {
                problem(keyOf(keys), e.getMessage());
                return null;
            }
        }

        private BigDecimal decimal(List<String> keys) {
            try {
                return OtlpValues.decimal(first(keys));
            } catch (IllegalArgumentException e) {
                problem(keyOf(keys), e.getMessage());
                return null;
            }
        }

        private Outcome outcome() {
            String text = textWithResource(List.of(GenAiAttributes.OUTCOME));
            if (text == null) {
                return Outcome.UNKNOWN;
            }
            try {
                return Outcome.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(GenAiAttributes.OUTCOME, "must be one of ACCEPTED, EDITED, OVERRIDDEN, REJECTED, UNKNOWN (was '"
                        + text + "')");
                return Outcome.UNKNOWN;
            }
        }

        /** The span's other attributes, without content, bounded in number and length. */
        private Map<String, Object> kept() {
            Map<String, Object> kept = new LinkedHashMap<>();
            kept.put("span.name", span.getName());
            for (Map.Entry<String, AnyValue> entry : attributes.entrySet()) {
                if (kept.size() >= MAX_KEPT_ATTRIBUTES) {
                    break;
                }
                if (GenAiAttributes.CONTENT.contains(entry.getKey()) || GenAiAttributes.MAPPED.contains(entry.getKey())) {
                    continue;
                }
                Object value = OtlpValues.plain(entry.getValue());
                if (value instanceof String text && text.length() > MAX_KEPT_TEXT) {
                    value = text.substring(0, MAX_KEPT_TEXT) + "…";
                }
                if (value != null) {
                    kept.put(entry.getKey(), value);
                }
            }
            return kept;
        }

        private static boolean isZero(byte[] bytes) {
            for (byte b : bytes) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
