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
    private static final List<String> FLAGS = List.of("used_chat", "used_agent", "used_cli", "used_copilot_coding_agent",
            "used_copilot_cloud_agent");

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
        private final List<GitHubTeamMembership> memberships = new ArrayList<>();
        private final List<Violation> membershipRejections = new ArrayList<>();
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
            } else if (node.has("team_id")) {
                membership(line, node, reportDay, wrapperScope != null ? wrapperScope : scopeOf(node));
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
            textLeaves(node, null, line, problems);
            wholeNumber(node, "user_id", line, problems);
            JsonNode cliTotals = node.path("totals_by_cli");
            for (String count : List.of("session_count", "request_count", "prompt_count")) {
                JsonNode value = cliTotals.get(count);
                if (value != null && !value.isNull() && (!value.isIntegralNumber() || value.longValue() < 0)) {
                    problems.add(Violation.ofLine(line, "totals_by_cli." + count, "must be a whole number, 0 or more"));
                }
            }
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
            for (String flag : FLAGS) {
                if (node.has(flag) && node.get(flag).isBoolean()) {
                    attributes.put(flag, node.get(flag).booleanValue());
                }
            }
            adoptionPhase(line, node.get("ai_adoption_phase"), attributes, problems);
            JsonNode credits = node.get("ai_credits_used");
            if (credits != null && !credits.isNull()) {
                if (!credits.isNumber() || credits.doubleValue() < 0) {
                    problems.add(Violation.ofLine(line, "ai_credits_used", "must be a number, 0 or more"));
                } else {
                    attributes.put("ai_credits_used", credits.decimalValue());
                }
            }
            JsonNode cli = node.path("totals_by_cli");
            for (String count : List.of("session_count", "request_count", "prompt_count")) {
                if (cli.path(count).isIntegralNumber() && cli.get(count).longValue() >= 0) {
                    attributes.put("cli_" + count, cli.get(count).longValue());
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
            // Which editors, languages and models the day used; the model with the most code
            // generation is the fact's model.
            putNames(attributes, "ides", node.path("totals_by_ide"), "ide");
            putNames(attributes, "languages", node.path("totals_by_language_feature"), "language");
            Map<String, Long> byModel = new LinkedHashMap<>();
            for (String breakdown : List.of("totals_by_model_feature", "totals_by_language_model")) {
                for (JsonNode element : node.path(breakdown)) {
                    if (element.path("model").isString() && !element.get("model").asString().isBlank()) {
                        byModel.merge(element.get("model").asString(),
                                Math.max(0, element.path("code_generation_activity_count").asLong(0)), Long::sum);
                    }
                }
            }
            if (!byModel.isEmpty()) {
                attributes.put("models", List.copyOf(byModel.keySet()));
            }
            String model = byModel.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .filter(m -> m.length() <= 200).orElse(null);
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
                    model, input, output, null, null, false, Outcome.UNKNOWN, attributes));
        }

        /**
         * A row of the user-teams report: one (user, team) pair of a day. Rows that cannot be read
         * refuse the file (see {@link GitHubCopilotReport#membershipRejections()}).
         */
        private void membership(int line, JsonNode node, LocalDate reportDay, String itemScope) {
            List<Violation> problems = new ArrayList<>(0);
            textLeaves(node, null, line, problems);
            wholeNumber(node, "user_id", line, problems);
            wholeNumber(node, "team_id", line, problems);
            String teamId = text(node, "team_id");
            String slug = text(node, "slug") != null ? text(node, "slug") : text(node, "team_slug");
            String login = text(node, "user_login") != null ? text(node, "user_login") : text(node, "login");
            String userId = text(node, "user_id");
            if (teamId == null || teamId.length() > 40) {
                problems.add(Violation.ofLine(line, "team_id", teamId == null ? "is required" : "must be at most 40 characters"));
            }
            if (slug == null || slug.length() > 200) {
                problems.add(Violation.ofLine(line, "slug", slug == null ? "is required" : "must be at most 200 characters"));
            }
            if (login == null && userId == null) {
                problems.add(Violation.ofLine(line, "user_login", "is required (or user_id)"));
            } else if ((login != null && login.length() > 200) || (userId != null && userId.length() > 40)) {
                problems.add(Violation.ofLine(line, login != null && login.length() > 200 ? "user_login" : "user_id",
                        "is too long"));
            }
            LocalDate day = reportDay;
            if (node.hasNonNull("day")) {
                try {
                    day = LocalDate.parse(node.get("day").asString());
                } catch (DateTimeParseException e) {
                    problems.add(Violation.ofLine(line, "day", "must be a date like 2026-05-07"));
                }
            } else if (day == null) {
                problems.add(Violation.ofLine(line, "day", "is required"));
            }
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            if (day != null && (day.isAfter(today.plusDays(1)) || day.getYear() < 2000)) {
                problems.add(Violation.ofLine(line, "day", day.isAfter(today) ? "is in the future" : "must be 2000 or later"));
            }
            String memberScope = itemScope != null ? itemScope : scope;
            if (memberScope != null && memberScope.length() > 200) {
                problems.add(Violation.ofLine(line, node.has("enterprise_id") && !node.has("organization_id")
                        ? "enterprise_id" : "organization_id", "is too long (GitHub ids are short numbers)"));
            }
            if (!problems.isEmpty()) {
                membershipRejections.addAll(problems);
                return;
            }
            memberships.add(new GitHubTeamMembership(line, itemScope != null ? itemScope : scope, day, teamId, slug,
                    userId, login));
        }

        /** GitHub's AI adoption phase of the user: 0 no cohort, 1 code first, 2 agent first, 3 multi-agent, … */
        private void adoptionPhase(int line, JsonNode phase, Map<String, Object> attributes, List<Violation> problems) {
            if (phase == null || phase.isNull()) {
                return;
            }
            JsonNode number = phase.isObject() ? phase.get("phase_number") : phase;
            // 0–3 today; GitHub versions the classification, so later phases are kept as they come.
            if (number == null || !number.isIntegralNumber() || number.longValue() < 0 || number.longValue() > 99) {
                problems.add(Violation.ofLine(line, "ai_adoption_phase.phase_number",
                        "must be a whole number from 0 to 99 (GitHub's phases are 0 to 3)"));
                return;
            }
            attributes.put("ai_adoption_phase", number.intValue());
            if (phase.isObject() && phase.hasNonNull("version")) {
                String version = phase.get("version").asString();
                attributes.put("ai_adoption_phase_version", version.length() > 20 ? version.substring(0, 20) : version);
            }
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
            String dayScope = itemScope != null ? itemScope : scope;
            if (dayScope != null && dayScope.length() > 200) {
                orgRejections.add(Violation.ofLine(line, node.has("enterprise_id") && !node.has("organization_id")
                        ? "enterprise_id" : "organization_id", "is too long (GitHub ids are short numbers)"));
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
            ReportMetrics.addNested(node, metrics);
            if (metrics.isEmpty()) {
                orgRejections.add(Violation.ofLine(line, null, "has no figures"));
                return;
            }
            orgDays.add(new OrgMetricDay(line, itemScope != null ? itemScope : scope, day, metrics));
        }

        GitHubCopilotReport report() {
            if (userDays.size() + userRejections.size() + orgDays.size() + memberships.size()
                    > properties.maxEventsPerRequest()) {
                throw new IngestionTooLarge("The report has more than " + properties.maxEventsPerRequest()
                        + " records (pitwall.telemetry.max-events-per-request).");
            }
            return new GitHubCopilotReport(new ParsedBatch(userDays, userRejections, 0), orgDays, orgRejections,
                    memberships, membershipRejections);
        }
    }

    /** The distinct names under {@code key} of a breakdown's elements, as a list attribute. */
    private static void putNames(Map<String, Object> attributes, String attribute, JsonNode breakdown, String key) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (JsonNode element : breakdown) {
            if (element.path(key).isString() && !element.get(key).asString().isBlank()) {
                names.add(element.get(key).asString());
            }
        }
        if (!names.isEmpty()) {
            attributes.put(attribute, List.copyOf(names));
        }
    }

    /** Every text anywhere in the record must be acceptable text (platform.web.TextPolicy), named by its path. */
    private static void textLeaves(JsonNode node, String path, int line, List<Violation> problems) {
        if (node.isString()) {
            dev.pitwall.platform.web.TextPolicy.problem(node.asString())
                    .ifPresent(reason -> problems.add(Violation.ofLine(line, path, reason)));
        } else if (node.isObject()) {
            for (String key : node.propertyNames()) {
                textLeaves(node.get(key), path == null ? key : path + "." + key, line, problems);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                textLeaves(element, path, line, problems);
            }
        }
    }

    /** An id GitHub gives as a number: a whole number, or its digits as text. */
    private static void wholeNumber(JsonNode node, String field, int line, List<Violation> problems) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull() && !value.isIntegralNumber()
                && !(value.isString() && value.asString().matches("\\d{1,30}"))) {
            problems.add(Violation.ofLine(line, field, "must be a whole number (GitHub's id)"));
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
