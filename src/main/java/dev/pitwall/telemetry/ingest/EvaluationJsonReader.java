package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.IncomingEvaluation;
import dev.pitwall.telemetry.MalformedBody;
import dev.pitwall.telemetry.ParsedEvaluations;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluation scores posted as a JSON array, for evaluation pipelines that do not speak OTLP:
 * {@code [{"id":"run-7/case-12","time":"…","system":"invoiceiq","workflow":"invoice-exceptions",
 * "name":"accuracy","score":0.98,"label":"pass","event":"<usage event id>"}]}. {@code id},
 * {@code time}, {@code system} and {@code name} are required, and {@code score} or {@code label}.
 * Items are numbered from 1 as lines are.
 */
public final class EvaluationJsonReader {

    private static final JsonMapper JSON = dev.pitwall.platform.web.InputJson.builder().build();

    public ParsedEvaluations read(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw MalformedBody.ofJson(e);
        }
        if (root == null || !root.isArray()) {
            throw new MalformedBody("The body must be a JSON array of evaluation results.");
        }
        List<IncomingEvaluation> evaluations = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        int line = 0;
        for (JsonNode item : root) {
            line++;
            int before = rejections.size();
            String id = text(item, "id", line, rejections, true);
            String system = text(item, "system", line, rejections, true);
            String name = text(item, "name", line, rejections, true);
            Instant time = time(item, line, rejections);
            Double score = null;
            JsonNode scoreNode = item.get("score");
            if (scoreNode != null && !scoreNode.isNull()) {
                if (scoreNode.isNumber()) {
                    score = scoreNode.doubleValue();
                } else {
                    rejections.add(Violation.ofLine(line, "score", "must be a number"));
                }
            }
            String label = text(item, "label", line, rejections, false);
            if (score == null && label == null && rejections.size() == before) {
                rejections.add(Violation.ofLine(line, "score", "a score or a label is required"));
            }
            if (rejections.size() > before) {
                continue;
            }
            evaluations.add(new IncomingEvaluation(line, "api:" + id, time, text(item, "event", line, rejections, false),
                    system, null, text(item, "workflow", line, rejections, false), name, score, label, null));
        }
        return new ParsedEvaluations(evaluations, rejections, 0);
    }

    private static String text(JsonNode item, String field, int line, List<Violation> rejections, boolean required) {
        JsonNode node = item.get(field);
        if (node == null || node.isNull() || node.isString() && node.stringValue().isBlank()) {
            if (required) {
                rejections.add(Violation.ofLine(line, field, "is required"));
            }
            return null;
        }
        if (!node.isString()) {
            rejections.add(Violation.ofLine(line, field, "must be a string"));
            return null;
        }
        String value = node.stringValue().trim();
        if (value.length() > 200) {
            rejections.add(Violation.ofLine(line, field, "at most 200 characters"));
            return null;
        }
        var problem = dev.pitwall.platform.web.TextPolicy.problem(value);
        if (problem.isPresent()) {
            rejections.add(Violation.ofLine(line, field, problem.get()));
            return null;
        }
        return value;
    }

    private static Instant time(JsonNode item, int line, List<Violation> rejections) {
        JsonNode node = item.get("time");
        if (node == null || !node.isString()) {
            rejections.add(Violation.ofLine(line, "time", "is required, as an ISO-8601 instant"));
            return null;
        }
        try {
            Instant time = Instant.parse(node.stringValue());
            var problem = dev.pitwall.platform.web.Dates.problem(time);
            if (problem.isPresent()) {
                rejections.add(Violation.ofLine(line, "time", problem.get()));
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            rejections.add(Violation.ofLine(line, "time", "'" + node.stringValue() + "' is not an ISO-8601 instant"));
            return null;
        }
    }
}
