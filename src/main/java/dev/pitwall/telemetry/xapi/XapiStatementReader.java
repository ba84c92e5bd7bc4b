package dev.pitwall.telemetry.xapi;

import dev.pitwall.people.LearningStatus;
import dev.pitwall.platform.digest.Sha256;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.telemetry.MalformedBody;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and checks xAPI 1.0.3 statements (one, or an array). A request is all or nothing, as an
 * LRS stores a batch: any invalid statement refuses the request, naming the statement (1 = first)
 * and the property.
 */
final class XapiStatementReader {

    static final String SKILL_EXTENSION = "https://pitwall.dev/xapi/extensions/skill";
    static final String WORKFLOW_EXTENSION = "https://pitwall.dev/xapi/extensions/workflow";
    private static final Map<String, LearningStatus> VERBS = Map.of(
            "http://adlnet.gov/expapi/verbs/completed", LearningStatus.COMPLETED,
            "http://adlnet.gov/expapi/verbs/passed", LearningStatus.PASSED,
            "http://adlnet.gov/expapi/verbs/failed", LearningStatus.FAILED);
    private static final JsonMapper JSON = dev.pitwall.platform.web.InputJson.builder().build();
    /** Sorted keys: the digest does not depend on the order a client wrote properties in. */
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    private XapiStatementReader() {
    }

    static List<XapiStatement> read(byte[] body, int maxStatements) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw MalformedBody.ofJson(e);
        }
        List<JsonNode> statements = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(statements::add);
        } else if (root != null && root.isObject()) {
            statements.add(root);
        } else {
            throw new MalformedBody("The body must be an xAPI statement or an array of statements.");
        }
        if (statements.isEmpty()) {
            throw new InvalidInputException("NO_STATEMENTS", "The array holds no statement.", List.of());
        }
        if (statements.size() > maxStatements) {
            throw new dev.pitwall.telemetry.IngestionTooLarge("The request carries " + statements.size()
                    + " statements, more than " + maxStatements + ".");
        }
        List<XapiStatement> read = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            read.add(statement(i + 1, statements.get(i), problems));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("XAPI_INVALID", problems.size() + " problem(s) in the statements; "
                    + "nothing was stored.", problems);
        }
        return read;
    }

    private static XapiStatement statement(int number, JsonNode node, List<Violation> problems) {
        if (!node.isObject()) {
            problems.add(Violation.ofLine(number, null, "must be a JSON object"));
            return null;
        }
        ObjectNode statement = ((ObjectNode) node).deepCopy();
        String id = text(statement, "id");
        if (id == null) {
            id = UUID.randomUUID().toString();
            statement.put("id", id);
        } else if (!isUuid(id)) {
            problems.add(Violation.ofLine(number, "id", "must be a UUID"));
        }
        JsonNode actor = statement.get("actor");
        String email = null;
        String account = null;
        if (actor == null || !actor.isObject()) {
            problems.add(Violation.ofLine(number, "actor", "is required"));
        } else {
            long ifis = IFIS.stream().filter(actor::hasNonNull).count();
            boolean group = "Group".equals(text(actor, "objectType"));
            if (ifis > 1 || (ifis == 0 && !group)) {
                problems.add(Violation.ofLine(number, "actor", "must have exactly one of mbox, mbox_sha1sum, openid, account"));
            }
            String mbox = text(actor, "mbox");
            if (mbox != null) {
                if (!mbox.startsWith("mailto:") || !mbox.contains("@")) {
                    problems.add(Violation.ofLine(number, "actor.mbox", "must be mailto:address"));
                } else {
                    email = mbox.substring("mailto:".length()).trim().toLowerCase(java.util.Locale.ROOT);
                }
            }
            JsonNode accountNode = actor.get("account");
            if (accountNode != null) {
                account = text(accountNode, "name");
                if (account == null || text(accountNode, "homePage") == null) {
                    problems.add(Violation.ofLine(number, "actor.account", "needs homePage and name"));
                }
            }
        }
        String verb = text(statement.path("verb"), "id");
        if (verb == null) {
            problems.add(Violation.ofLine(number, "verb.id", "is required"));
        }
        JsonNode object = statement.get("object");
        if (object == null || !object.isObject()) {
            problems.add(Violation.ofLine(number, "object", "is required"));
        } else if ((text(object, "objectType") == null || "Activity".equals(text(object, "objectType")))
                && text(object, "id") == null) {
            problems.add(Violation.ofLine(number, "object.id", "is required"));
        }
        Instant timestamp = null;
        String time = text(statement, "timestamp");
        if (time != null) {
            try {
                timestamp = OffsetDateTime.parse(time).toInstant();
            } catch (DateTimeParseException e) {
                problems.add(Violation.ofLine(number, "timestamp", "must be an ISO 8601 timestamp with offset"));
            }
        }
        BigDecimal score = score(number, statement.path("result").path("score"), problems);
        JsonNode extensions = statement.path("context").path("extensions");
        String course = object == null ? null : course(object);
        return new XapiStatement(number, id, digest(statement), statement.toString(), verb == null ? "" : verb,
                verb == null ? null : VERBS.get(verb), email, account, course, score, timestamp,
                text(extensions, SKILL_EXTENSION), text(extensions, WORKFLOW_EXTENSION));
    }

    /** Scaled (−1..1) as a percentage, else raw within min..max, else raw when it is already 0..100. */
    private static BigDecimal score(int number, JsonNode score, List<Violation> problems) {
        if (score.isMissingNode() || score.isNull()) {
            return null;
        }
        // xAPI 1.0.3, 4.1.5.1: each of these is a JSON number; "NaN" or "0.5" as text is not a score.
        for (String part : List.of("scaled", "raw", "min", "max")) {
            JsonNode value = score.get(part);
            if (value != null && !value.isNull() && !value.isNumber()) {
                problems.add(Violation.ofLine(number, "result.score." + part, "must be a number"));
                return null;
            }
        }
        JsonNode scaled = score.get("scaled");
        if (scaled != null && scaled.isNumber()) {
            if (scaled.doubleValue() < -1 || scaled.doubleValue() > 1) {
                problems.add(Violation.ofLine(number, "result.score.scaled", "must be between -1 and 1"));
                return null;
            }
            return scaled.decimalValue().max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
        }
        JsonNode raw = score.get("raw");
        JsonNode min = score.get("min");
        JsonNode max = score.get("max");
        if (raw != null && raw.isNumber() && max != null && max.isNumber()) {
            double low = min != null && min.isNumber() ? min.doubleValue() : 0;
            if (max.doubleValue() <= low || raw.doubleValue() < low || raw.doubleValue() > max.doubleValue()) {
                problems.add(Violation.ofLine(number, "result.score.raw", "must lie between min and max"));
                return null;
            }
            return BigDecimal.valueOf((raw.doubleValue() - low) / (max.doubleValue() - low) * 100).setScale(2, RoundingMode.HALF_UP);
        }
        if (raw != null && raw.isNumber() && raw.doubleValue() >= 0 && raw.doubleValue() <= 100) {
            return raw.decimalValue();
        }
        return null;
    }

    private static String course(JsonNode object) {
        JsonNode names = object.path("definition").path("name");
        for (String language : List.of("en-US", "en-GB", "en")) {
            if (names.path(language).isString()) {
                return truncate(names.get(language).asString());
            }
        }
        Iterator<JsonNode> any = names.values().iterator();
        while (any.hasNext()) {
            JsonNode name = any.next();
            if (name.isString()) {
                return truncate(name.asString());
            }
        }
        String id = text(object, "id");
        return id == null ? null : truncate(id);
    }

    private static String truncate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300);
    }

    /** The digest of the statement without what an LRS sets itself (stored, authority, version). */
    private static String digest(ObjectNode statement) {
        ObjectNode content = statement.deepCopy();
        content.remove(List.of("stored", "authority", "version"));
        Object canonical = CANONICAL.treeToValue(content, Object.class);
        return Sha256.hex(CANONICAL.writeValueAsString(canonical));
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value == null || value.isNull() || !value.isValueNode() || value.asString().isBlank() ? null
                : value.asString().trim();
    }
}
