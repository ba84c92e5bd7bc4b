package dev.pitwall.telemetry.ingest;

import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.TelemetryIdentity;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.IngestionTooLarge;
import dev.pitwall.telemetry.MalformedBody;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.ParsedBatch;
import dev.pitwall.telemetry.TelemetryProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * Cursor team usage as the Admin API's daily usage data delivers it ({@code POST
 * /teams/daily-usage-data}: {@code {"data":[…], "period":{…}}}, or the bare array of rows). A row is
 * one member's day: it becomes an activity fact (id {@code cursor:<day>:<email>}) of the person
 * with that email, so re-imports add nothing twice; rows of inactive days are skipped. Rows are
 * numbered by position in {@code data} (1 = first).
 */
@Component
public class CursorUsageReader {

    /** The application id a Cursor AI system carries as telemetry key, by default. */
    public static final String APPLICATION_ID = "cursor";
    private static final JsonMapper JSON = dev.pitwall.platform.web.InputJson.builder().build();
    /** The documented counts of a row, kept in the fact's attributes. */
    static final List<String> COUNTS = List.of("totalLinesAdded", "totalLinesDeleted", "acceptedLinesAdded",
            "acceptedLinesDeleted", "totalApplies", "totalAccepts", "totalRejects", "totalTabsShown", "totalTabsAccepted",
            "composerRequests", "chatRequests", "agentRequests", "cmdkUsages", "subscriptionIncludedReqs", "apiKeyReqs",
            "usageBasedReqs", "bugbotUsages");
    private static final List<String> TEXTS = List.of("applyMostUsedExtension", "tabMostUsedExtension", "clientVersion");

    private final TelemetryProperties properties;
    private final java.time.Clock clock;

    CursorUsageReader(TelemetryProperties properties, java.time.Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public ParsedBatch read(byte[] body, String systemKey) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw MalformedBody.ofJson(e);
        }
        JsonNode rows = root != null && root.isObject() ? root.get("data") : root;
        if (rows == null || !rows.isArray()) {
            throw new MalformedBody("The body must be Cursor's daily usage data: {\"data\": [rows…]} or an array of rows.");
        }
        if (root.isObject() && root.has("period")) {
            checkPeriod(root.get("period"));
        }
        if (rows.size() > properties.maxEventsPerRequest()) {
            throw new IngestionTooLarge("The report has more than " + properties.maxEventsPerRequest()
                    + " rows (pitwall.telemetry.max-events-per-request).");
        }
        List<IncomingEvent> days = new ArrayList<>();
        List<Violation> rejections = new ArrayList<>();
        int skipped = 0;
        int line = 0;
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (JsonNode row : rows) {
            line++;
            if (row == null || !row.isObject()) {
                rejections.add(Violation.ofLine(line, null, "must be a JSON object"));
                continue;
            }
            List<Violation> problems = new ArrayList<>(0);
            IncomingEvent day = day(row, line, systemKey, today, problems);
            if (!problems.isEmpty()) {
                rejections.addAll(problems);
            } else if (day == null) {
                skipped++;
            } else {
                days.add(day);
            }
        }
        return new ParsedBatch(days, rejections, skipped);
    }

    /** The row's activity fact, or {@code null} for a day without activity; problems collects what is wrong. */
    private static IncomingEvent day(JsonNode row, int line, String systemKey, LocalDate today,
            List<Violation> problems) {
        LocalDate day = null;
        JsonNode date = row.get("date");
        if (date == null || date.isNull()) {
            problems.add(Violation.ofLine(line, "date", "is required (the day, in epoch milliseconds)"));
        } else if (!(date.isIntegralNumber() && date.canConvertToLong())
                && !(date.isString() && date.asString().matches("\\d{1,15}"))) {
            problems.add(Violation.ofLine(line, "date", "must be epoch milliseconds, like 1710720000000"));
        } else {
            day = Instant.ofEpochMilli(Long.parseLong(date.asString())).atZone(ZoneOffset.UTC).toLocalDate();
            if (day.isAfter(today)) {
                problems.add(Violation.ofLine(line, "date", "is after today (" + today + ", UTC)"));
            }
        }
        String email = text(row, "email");
        if (email == null) {
            problems.add(Violation.ofLine(line, "email", "is required: Pitwall attributes a day to the member's email"));
        } else if (email.length() > 320 || !email.contains("@")) {
            problems.add(Violation.ofLine(line, "email", "must be an email address"));
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("kind", "activity");
        long activity = 0;
        for (String count : COUNTS) {
            JsonNode value = row.get(count);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                problems.add(Violation.ofLine(line, count, "must be a whole number, 0 or more"));
            } else {
                attributes.put(count, value.longValue());
                activity += value.longValue();
            }
        }
        JsonNode active = row.get("isActive");
        if (active != null && !active.isNull() && !active.isBoolean()) {
            problems.add(Violation.ofLine(line, "isActive", "must be true or false"));
        }
        for (String name : TEXTS) {
            String value = text(row, name);
            if (value != null) {
                attributes.put(name, value.length() > 200 ? value.substring(0, 200) : value);
            }
        }
        String model = text(row, "mostUsedModel");
        if (model != null && model.length() > 200) {
            problems.add(Violation.ofLine(line, "mostUsedModel", "must be at most 200 characters"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        boolean isActive = active != null && active.isBoolean() ? active.booleanValue() : activity > 0;
        if (!isActive) {
            return null;
        }
        String who = email.trim().toLowerCase(Locale.ROOT);
        return new IncomingEvent(line, "cursor:" + day + ":" + who, day.atStartOfDay().toInstant(ZoneOffset.UTC), who,
                systemKey, systemKey == null ? new TelemetryIdentity(null, null, null, null, APPLICATION_ID) : null, null,
                "code", model, null, null, null, null, false, Outcome.UNKNOWN, attributes);
    }

    /** The report's period, when it has one: two epoch-millisecond bounds, the start not after the end. */
    private static void checkPeriod(JsonNode period) {
        List<Violation> problems = new ArrayList<>(0);
        if (period == null || !period.isObject()) {
            problems.add(Violation.ofField("period", "must be an object with startDate and endDate"));
        } else {
            for (String bound : List.of("startDate", "endDate")) {
                JsonNode value = period.get(bound);
                if (value != null && !value.isNull() && !(value.isIntegralNumber() && value.canConvertToLong())) {
                    problems.add(Violation.ofField("period." + bound, "must be epoch milliseconds, like 1710720000000"));
                }
            }
            if (problems.isEmpty() && period.hasNonNull("startDate") && period.hasNonNull("endDate")
                    && period.get("startDate").longValue() > period.get("endDate").longValue()) {
                problems.add(Violation.ofField("period.endDate", "must not be before startDate"));
            }
        }
        if (!problems.isEmpty()) {
            throw new dev.pitwall.platform.web.InvalidInputException("CURSOR_REPORT_INVALID",
                    "The Cursor report's period cannot be read; nothing was imported.", problems);
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() || !value.isString() || value.asString().isBlank() ? null
                : value.asString();
    }
}
