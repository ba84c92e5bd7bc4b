package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.IngestionTooLarge;
import dev.pitwall.telemetry.MalformedBody;
import dev.pitwall.telemetry.OrgMetricDay;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetryProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GitHub Copilot usage metrics in the shapes GitHub delivers them:
 * <ul>
 *   <li>user-level report records (one user-day each): NDJSON as downloaded, a JSON array, or the
 *       {@code day_totals} / {@code user_totals} wrappers of the reports API;</li>
 *   <li>organization-level daily aggregates: the legacy {@code /orgs/{org}/copilot/metrics} JSON
 *       (closed down by GitHub on 2026-04-02, still in archives) and the {@code day_totals} of
 *       organization and enterprise reports.</li>
 * </ul>
 * A user-day becomes an activity fact (id: day and user), so re-imports add nothing twice. Items
 * are numbered by NDJSON line, or by position across the body (1 = first).
 */
@Component
public class GitHubCopilotReportReader {

    /** The application id a GitHub Copilot AI system carries as telemetry key, by default. */
    public static final String APPLICATION_ID = "github-copilot";
    private static final JsonMapper JSON = dev.pitwall.platform.web.InputJson.builder().build();
    private static final List<String> USER_COUNTS = List.of("user_initiated_interaction_count",
            "code_generation_activity_count", "code_acceptance_activity_count", "loc_suggested_to_add_sum",
            "loc_suggested_to_delete_sum", "loc_added_sum", "loc_deleted_sum");

    private final TelemetryProperties properties;

    GitHubCopilotReportReader(TelemetryProperties properties) {
        this.properties = properties;
    }

    public GitHubCopilotReport readNdjson(byte[] body, String systemKey, String scope) {
        Collector collector = new Collector(systemKey, scope);
        String[] lines = new String(body, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                collector.item(JSON.readTree(lines[i]), i + 1);
            } catch (JacksonException e) {
                collector.userRejections.add(NativeEventsReader.lineFailure(i + 1, e));
            }
        }
        return collector.report();
    }

    public GitHubCopilotReport readJson(byte[] body, String systemKey, String scope) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw MalformedBody.ofJson(e);
        }
        Collector collector = new Collector(systemKey, scope);
        if (root != null && root.isArray()) {
            for (JsonNode element : root) {
                try {
                    collector.item(element, null);
                } catch (JacksonException e) {
                    throw MalformedBody.ofJson(e);
                }
            }
        } else if (root != null && root.isObject()) {
            try {
                collector.item(root, null);
            } catch (JacksonException e) {
                throw MalformedBody.ofJson(e);
            }
        } else {
            throw new MalformedBody("The body must be a GitHub Copilot report: JSON objects or an array of them.");
        }
        return collector.report();
    }

    /** Sorts the items of one body into user days and organization days. */
    private final class Collector {
        private final String systemKey;
        private final String scope;
        private final List<IncomingEvent> userDays = new ArrayList<>();
        private final List<Violation> userRejections = new ArrayList<>();
        private final List<OrgMetricDay> orgDays = new ArrayList<>();
        private final List<Violation> orgRejections = new ArrayList<>();
        private int position;

        Collector(String systemKey, String scope) {
            this.systemKey = systemKey;
            this.scope = scope;
        }

        int next() {
            return ++position;
        }

        /** An item of the body; {@code ndjsonLine} numbers it when the body is NDJSON, else its position. */
        void item(JsonNode node, Integer ndjsonLine) {
            if (node != null && node.isObject() && (node.has("seats") || node.has("download_links"))) {
                int line = ndjsonLine != null ? ndjsonLine : position + 1;
                throw new InvalidInputException("UNSUPPORTED_REPORT", node.has("seats")
                        ? "This is the Copilot seat assignment list, not a usage report; nothing was imported."
                        : "This lists download links of reports; download the reports and import those.",
                        List.of(Violation.ofLine(line, node.has("seats") ? "seats" : "download_links", "is not a usage report")));
            }
            if (node != null && node.isObject() && (node.has("day_totals") || node.has("user_totals"))) {
                LocalDate day = node.hasNonNull("report_day") ? date(node.get("report_day").asString()) : null;
                JsonNode elements = node.has("day_totals") ? node.get("day_totals") : node.get("user_totals");
                String wrapperScope = scopeOf(node);
                for (JsonNode element : elements) {
                    itemWithScope(element, ndjsonLine != null ? ndjsonLine : next(), day, wrapperScope);
                }
                return;
            }
            itemWithScope(node, ndjsonLine != null ? ndjsonLine : next(), null,
                    node != null && node.isObject() ? scopeOf(node) : null);
        }

        private void itemWithScope(JsonNode node, int line, LocalDate reportDay, String wrapperScope) {
            try {
                sortItem(node, line, reportDay, wrapperScope);
            } catch (JacksonException e) {
                // A value of the wrong kind (an object where text belongs) refuses its item only.
                userRejections.add(NativeEventsReader.lineFailure(line, e));
            }
        }

        private void sortItem(JsonNode node, int line, LocalDate reportDay, String wrapperScope) {
            if (node == null || !node.isObject()) {
                userRejections.add(Violation.ofLine(line, null, "must be a JSON object"));
            } else if (node.has("user_login") || node.has("login") || node.has("user_id")) {
                userDay(line, node, reportDay);
            } else if (node.has("date") || node.has("day")) {
                orgDay(line, node, wrapperScope != null ? wrapperScope : scopeOf(node));
            } else {
                userRejections.add(Violation.ofLine(line, null, "is neither a user-day record (user_login, day) nor a "
                        + "daily organization record (date or day)"));
            }
        }

        private void userDay(int line, JsonNode node, LocalDate reportDay) {
            List<Violation> problems = new ArrayList<>(0);
            String login = text(node, "user_login") != null ? text(node, "user_login") : text(node, "login");
            String userId = text(node, "user_id");
            if (login == null && userId == null) {
                problems.add(Violation.ofLine(line, "user_login", "is required"));
            }
            LocalDate day = reportDay;
            if (node.hasNonNull("day")) {
                try {
                    day = LocalDate.parse(node.get("day").asString());
                } catch (DateTimeParseException e) {
                    problems.add(Violation.ofLine(line, "day", "must be a date like 2025-10-01"));
                }
            } else if (day == null) {
                problems.add(Violation.ofLine(line, "day", "is required"));
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("kind", "activity");
            for (String count : USER_COUNTS) {
                JsonNode value = node.get(count);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (!value.isIntegralNumber() || value.longValue() < 0) {
                    problems.add(Violation.ofLine(line, count, "must be a whole number, 0 or more"));
                } else {
                    attributes.put(count, value.longValue());
                }
            }
            for (String flag : List.of("used_chat", "used_agent", "used_cli")) {
                if (node.has(flag) && node.get(flag).isBoolean()) {
                    attributes.put(flag, node.get(flag).booleanValue());
                }
            }
            List<String> features = new ArrayList<>();
            if (node.has("totals_by_feature") && node.get("totals_by_feature").isArray()) {
                node.get("totals_by_feature").forEach(f -> {
                    if (f.hasNonNull("feature")) {
                        features.add(f.get("feature").asString());
                    }
                });
            }
            if (!features.isEmpty()) {
                attributes.put("features", features);
            }
            JsonNode tokens = node.path("totals_by_cli").path("token_usage");
            Long input = tokens.hasNonNull("prompt_tokens_sum") ? tokens.get("prompt_tokens_sum").longValue() : null;
            Long output = tokens.hasNonNull("output_tokens_sum") ? tokens.get("output_tokens_sum").longValue() : null;
            if (!problems.isEmpty()) {
                userRejections.addAll(problems);
                return;
            }
            String who = login != null ? login : "github-user-" + userId;
            userDays.add(new IncomingEvent(line, "github:" + day + ":" + (userId != null ? userId : login),
                    day.atStartOfDay().toInstant(ZoneOffset.UTC), who, systemKey,
                    systemKey == null ? new TelemetryIdentity(null, null, null, null, APPLICATION_ID) : null, null, "code",
                    null, input, output, null, null, false, Outcome.UNKNOWN, attributes));
        }

        private void orgDay(int line, JsonNode node, String itemScope) {
            String dayText = text(node, "date") != null ? text(node, "date") : text(node, "day");
            LocalDate day;
            try {
                day = LocalDate.parse(dayText);
            } catch (DateTimeParseException | NullPointerException e) {
                orgRejections.add(Violation.ofLine(line, "date", "must be a date like 2024-06-24 (was '" + dayText + "')"));
                return;
            }
            Map<String, BigDecimal> metrics = new LinkedHashMap<>();
            for (String key : node.propertyNames()) {
                JsonNode value = node.get(key);
                if (value.isNumber() && !key.endsWith("_id")) {
                    metrics.put(key, value.decimalValue());
                }
            }
            LegacyMetrics.addTotals(node, metrics);
            if (metrics.isEmpty()) {
                orgRejections.add(Violation.ofLine(line, null, "has no figures"));
                return;
            }
            orgDays.add(new OrgMetricDay(line, itemScope != null ? itemScope : scope, day, metrics));
        }

        GitHubCopilotReport report() {
            if (userDays.size() + userRejections.size() + orgDays.size() > properties.maxEventsPerRequest()) {
                throw new IngestionTooLarge("The report has more than " + properties.maxEventsPerRequest()
                        + " records (pitwall.telemetry.max-events-per-request).");
            }
            return new GitHubCopilotReport(new ParsedBatch(userDays, userRejections, 0), orgDays, orgRejections);
        }
    }

    private static String scopeOf(JsonNode node) {
        if (node.hasNonNull("organization_id")) {
            return "org:" + node.get("organization_id").asString();
        }
        if (node.hasNonNull("enterprise_id")) {
            return "enterprise:" + node.get("enterprise_id").asString();
        }
        return null;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("report_day: must be a date", List.of(Violation.ofField("report_day",
                    "must be a date like 2026-04-25")));
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }
}
