package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Microsoft 365 Copilot usage user detail, as the admin center exports it (Graph v1.0 CSV) or as
 * the Graph beta API returns it (JSON, {@code value[]}). Each per-app last-activity date becomes an
 * activity fact: one usage event for that person, app and day, whose id is made of the three, so
 * importing this week's report again, or next week's, adds only days not seen before. The overall
 * "Last Activity Date" is the latest of the apps' and is not counted again. Reports with
 * concealed names carry a hash instead of the user principal name: those facts are kept for an
 * unattributed user. The user count summary (enabled and active users per app) is stored as the
 * tenant's daily figures, scope {@code tenant:D<period>}.
 */
@Component
public class M365CopilotReportReader {

    /** The application id a Microsoft 365 Copilot AI system carries as telemetry key, by default. */
    public static final String APPLICATION_ID = "microsoft-365-copilot";
    private static final String CSV_SUFFIX = "_last_activity_date";
    private static final String JSON_SUFFIX = "LastActivityDate";
    private static final Map<String, String> APP_NAMES = Map.of("copilotchat", "Copilot Chat", "microsoftteams", "Teams",
            "word", "Word", "excel", "Excel", "powerpoint", "PowerPoint", "outlook", "Outlook", "onenote", "OneNote",
            "loop", "Loop");
    private static final JsonMapper JSON = dev.pitwall.platform.web.InputJson.builder().build();

    private final TelemetryProperties properties;

    M365CopilotReportReader(TelemetryProperties properties) {
        this.properties = properties;
    }

    /**
     * The admin center / Graph v1.0 CSV (lines numbered as in the file, 1 = header): the usage user
     * detail, or the user count summary (recognized by its "… Enabled Users" columns).
     */
    public M365CopilotReport readCsv(byte[] body, String systemKey) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.lines().findFirst().map(l -> l.toLowerCase(Locale.ROOT).contains("enabled users")).orElse(false)) {
            return summaryCsv(text);
        }
        CsvDocument csv = CsvDocument.parse(text, List.of(List.of("user_principal_name"), List.of("last_activity_date")),
                null);
        List<String> appColumns = csv.columns().stream()
                .filter(c -> c.endsWith(CSV_SUFFIX) && !c.equals("last_activity_date")).toList();
        if (appColumns.isEmpty()) {
            throw new InvalidInputException("CSV_INVALID", "The header has no per-app last-activity column "
                    + "(e.g. 'Word Copilot Last Activity Date'); nothing was imported.",
                    List.of(Violation.ofLine(1, "word_copilot_last_activity_date", "required column is missing")));
        }
        checkCount(csv.rows().size());
        List<IncomingEvent> events = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        for (CsvRow row : csv.rows()) {
            if (row.get(CsvDocument.EXTRA_VALUES) != null) {
                rejections.add(Violation.ofLine(row.line(), null, "has more values than the header has columns"));
                continue;
            }
            Map<String, String> dates = new LinkedHashMap<>();
            for (String column : appColumns) {
                dates.put(appName(column.substring(0, column.length() - CSV_SUFFIX.length())), row.get(column));
            }
            facts(row.line(), row.get("user_principal_name"), row.get("report_refresh_date"), dates, systemKey, events,
                    rejections);
        }
        return new M365CopilotReport(new ParsedBatch(events, rejections, 0), List.of(), List.of(), csv.rows().size());
    }

    /** The user count summary CSV: per refresh date and period, enabled and active users per app. */
    private M365CopilotReport summaryCsv(String text) {
        CsvDocument csv = CsvDocument.parse(text, List.of(List.of("report_refresh_date"), List.of("report_period")), null);
        checkCount(csv.rows().size());
        List<OrgMetricDay> days = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        for (CsvRow row : csv.rows()) {
            Map<String, java.math.BigDecimal> metrics = new LinkedHashMap<>();
            boolean valid = true;
            for (String column : csv.columns()) {
                String value = row.get(column);
                if (column.equals("report_refresh_date") || value == null) {
                    continue;
                }
                try {
                    metrics.put(column.equals("report_period") ? "report_period_days" : column, new java.math.BigDecimal(value));
                } catch (NumberFormatException e) {
                    rejections.add(Violation.ofLine(row.line(), column, "must be a number (was '" + value + "')"));
                    valid = false;
                }
            }
            summaryDay(row.line(), row.get("report_refresh_date"), metrics, valid, days, rejections);
        }
        return new M365CopilotReport(new ParsedBatch(List.of(), List.of(), 0), days, rejections, csv.rows().size());
    }

    private static void summaryDay(int line, String refreshDate, Map<String, java.math.BigDecimal> metrics, boolean valid,
            List<OrgMetricDay> days, List<Violation> rejections) {
        LocalDate day;
        try {
            day = LocalDate.parse(refreshDate == null ? "" : refreshDate.trim());
        } catch (DateTimeParseException e) {
            rejections.add(Violation.ofLine(line, "report_refresh_date", "must be a date like 2026-11-24"));
            return;
        }
        java.math.BigDecimal period = metrics.get("report_period_days");
        if (valid && period != null) {
            days.add(new OrgMetricDay(line, "tenant:D" + period.toPlainString(), day, metrics));
        } else if (valid) {
            rejections.add(Violation.ofLine(line, "report_period", "is required"));
        }
    }

    /**
     * The Graph beta JSON ({@code {"value": [...]}}, or an array of the same records), records
     * numbered from 1: the usage user detail, or the user count summary ({@code adoptionByProduct}).
     */
    public M365CopilotReport readJson(byte[] body, String systemKey) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw MalformedBody.ofJson(e);
        }
        JsonNode records = root != null && root.isObject() ? root.get("value") : root;
        if (records == null || !records.isArray()) {
            throw new MalformedBody("The body must be the usage user detail report: an object with a 'value' array "
                    + "of user records (or that array).");
        }
        checkCount(records.size());
        if (records.size() > 0 && records.get(0).has("adoptionByProduct")) {
            return summaryJson(records);
        }
        List<IncomingEvent> events = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        int number = 0;
        for (JsonNode record : records) {
            number++;
            if (!record.isObject()) {
                rejections.add(Violation.ofLine(number, null, "must be a JSON object"));
                continue;
            }
            Map<String, String> dates = new LinkedHashMap<>();
            for (String key : record.propertyNames()) {
                if (key.endsWith(JSON_SUFFIX) && !key.equals("lastActivityDate")) {
                    JsonNode value = record.get(key);
                    dates.put(appName(key.substring(0, key.length() - JSON_SUFFIX.length())),
                            value == null || value.isNull() || !value.isValueNode() ? null : value.asString());
                }
            }
            String container = null;
            for (String key : record.propertyNames()) {
                if (record.get(key).isContainer() && (key.endsWith(JSON_SUFFIX) || key.equals("userPrincipalName")
                        || key.equals("reportRefreshDate"))) {
                    container = key;
                }
            }
            if (container != null) {
                rejections.add(Violation.ofLine(number, container, "must be text, not an object or a list"));
                continue;
            }
            facts(number, text(record, "userPrincipalName"), text(record, "reportRefreshDate"), dates, systemKey, events,
                    rejections);
        }
        return new M365CopilotReport(new ParsedBatch(events, rejections, 0), List.of(), List.of(), records.size());
    }

    /** The user count summary JSON: each {@code adoptionByProduct} entry is one period of one refresh date. */
    private static M365CopilotReport summaryJson(JsonNode records) {
        List<OrgMetricDay> days = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        int number = 0;
        for (JsonNode record : records) {
            for (JsonNode period : record.path("adoptionByProduct")) {
                number++;
                Map<String, java.math.BigDecimal> metrics = new LinkedHashMap<>();
                for (String key : period.propertyNames()) {
                    if (period.get(key).isNumber()) {
                        metrics.put(key.equals("reportPeriod") ? "report_period_days" : snake(key),
                                period.get(key).decimalValue());
                    }
                }
                summaryDay(number, text(record, "reportRefreshDate"), metrics, true, days, rejections);
            }
        }
        return new M365CopilotReport(new ParsedBatch(List.of(), List.of(), 0), days, rejections, number);
    }

    /** {@code powerPointActiveUsers} becomes {@code powerpoint_active_users}, as the CSV's column. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replace("power_point", "powerpoint").replace("one_note", "onenote");
    }

    private static void facts(int line, String user, String refreshDate, Map<String, String> dates, String systemKey,
            List<IncomingEvent> events, List<Violation> rejections) {
        if (user == null || user.isBlank()) {
            rejections.add(Violation.ofLine(line, "user_principal_name", "is required"));
            return;
        }
        if (refreshDate != null && !refreshDate.isBlank() && !isDate(refreshDate)) {
            rejections.add(Violation.ofLine(line, "report_refresh_date", "must be a date like 2026-11-24 (was '"
                    + refreshDate + "')"));
            return;
        }
        String person = user.trim();
        String personKey = person.toLowerCase(Locale.ROOT);
        TelemetryIdentity identity = new TelemetryIdentity(null, null, null, null, APPLICATION_ID);
        List<IncomingEvent> facts = new ArrayList<>();
        for (Map.Entry<String, String> entry : dates.entrySet()) {
            String value = entry.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                rejections.add(Violation.ofLine(line, entry.getKey(), "must be a date like 2026-11-24 (was '" + value + "')"));
                return;
            }
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("kind", "activity");
            attributes.put("app", entry.getKey());
            if (refreshDate != null) {
                attributes.put("reportRefreshDate", refreshDate);
            }
            facts.add(new IncomingEvent(line, "m365:" + entry.getKey() + ":" + day + ":" + personKey, day.atStartOfDay()
                    .toInstant(ZoneOffset.UTC), person, systemKey, systemKey == null ? identity : null, null, entry.getKey(),
                    null, null, null, null, null, false, Outcome.UNKNOWN, attributes));
        }
        events.addAll(facts);
    }

    /** A date between 1900 and 2999, as the report writes it. */
    private static boolean isDate(String text) {
        try {
            return dev.pitwall.platform.web.Dates.problem(LocalDate.parse(text.trim())).isEmpty();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private void checkCount(int records) {
        if (records > properties.maxEventsPerRequest()) {
            throw new IngestionTooLarge("The report has " + records + " user records, more than "
                    + properties.maxEventsPerRequest() + " (pitwall.telemetry.max-events-per-request).");
        }
    }

    /** {@code microsoft_teams_copilot} or {@code microsoftTeamsCopilot} become {@code Teams}. */
    static String appName(String prefix) {
        String key = prefix.toLowerCase(Locale.ROOT).replace("_", "");
        if (!key.equals("copilotchat")) {
            key = key.replace("copilot", "");
        }
        return APP_NAMES.getOrDefault(key, key);
    }

    private static String text(JsonNode record, String key) {
        JsonNode value = record.get(key);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }
}
