package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of a native usage event, typed strictly: a value of the wrong type, or a field the
 * schema does not have (usually a misspelling), rejects the event with the field's name.
 */
final class NativeEventFields {

    static final Set<String> FIELDS = Set.of("id", "time", "person", "system", "workflow", "operation", "model",
            "inputTokens", "outputTokens", "cost", "latencyMs", "error", "outcome", "attributes");
    private static final JsonMapper JSON = dev.pitwall.platform.web.InputJson.builder().build();

    private NativeEventFields() {
    }

    /** Adds the event read from {@code node}, or why it cannot be read, to the lists. */
    static void toEvent(JsonNode node, int line, List<IncomingEvent> events, List<Violation> rejections) {
        if (node == null || !node.isObject()) {
            rejections.add(Violation.ofLine(line, null, "must be a JSON object"));
            return;
        }
        List<Violation> problems = new ArrayList<>(0);
        for (String name : node.propertyNames()) {
            if (!FIELDS.contains(name)) {
                problems.add(Violation.ofLine(line, name, "is not a field of a usage event"));
            }
        }
        Fields f = new Fields(node, line, problems);
        IncomingEvent event = new IncomingEvent(line, f.id(), f.time(), f.text("person"), f.text("system"), null,
                f.text("workflow"), f.text("operation"), f.text("model"), f.integer("inputTokens"),
                f.integer("outputTokens"), f.decimal("cost"), f.integer("latencyMs"), f.bool("error"), f.outcome(),
                f.attributes());
        if (problems.isEmpty()) {
            events.add(event);
        } else {
            rejections.addAll(problems);
        }
    }

    /** Typed reads of one object's fields, collecting what is wrong. */
    private record Fields(JsonNode node, int line, List<Violation> problems) {

        private JsonNode value(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        private void wrong(String name, String reason) {
            problems.add(Violation.ofLine(line, name, reason));
        }

        String id() {
            JsonNode value = value("id");
            if (value != null && value.isIntegralNumber()) {
                return value.asString();
            }
            return text("id");
        }

        String text(String name) {
            JsonNode value = value(name);
            if (value == null) {
                return null;
            }
            if (!value.isString()) {
                wrong(name, "must be a string");
                return null;
            }
            String text = value.stringValue().trim();
            return text.isEmpty() ? null : text;
        }

        Instant time() {
            String text = text("time");
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                wrong("time", "must be an ISO-8601 timestamp with offset, e.g. 2026-11-25T09:30:00Z (was '" + text + "')");
                return null;
            }
        }

        Long integer(String name) {
            JsonNode value = value(name);
            if (value == null) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                wrong(name, "must be a whole number");
                return null;
            }
            return value.longValue();
        }

        BigDecimal decimal(String name) {
            JsonNode value = value(name);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                wrong(name, "must be a number");
                return null;
            }
            return value.decimalValue();
        }

        boolean bool(String name) {
            JsonNode value = value(name);
            if (value == null) {
                return false;
            }
            if (!value.isBoolean()) {
                wrong(name, "must be true or false");
                return false;
            }
            return value.booleanValue();
        }

        Outcome outcome() {
            String text = text("outcome");
            if (text == null) {
                return Outcome.UNKNOWN;
            }
            try {
                return Outcome.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                wrong("outcome", "must be one of ACCEPTED, EDITED, OVERRIDDEN, REJECTED, UNKNOWN (was '" + text + "')");
                return Outcome.UNKNOWN;
            }
        }

        Map<String, Object> attributes() {
            JsonNode value = value("attributes");
            if (value == null) {
                return Map.of();
            }
            if (!value.isObject()) {
                wrong("attributes", "must be a JSON object");
                return Map.of();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = JSON.convertValue(value, Map.class);
            return map;
        }
    }
}
