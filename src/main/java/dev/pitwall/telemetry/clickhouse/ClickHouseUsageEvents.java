package dev.pitwall.telemetry.clickhouse;

import static dev.pitwall.telemetry.clickhouse.ClickHouseClient.quote;
import static dev.pitwall.telemetry.internal.UsageEvents.plain;

import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageSignals;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import dev.pitwall.telemetry.internal.RollupRow;
import dev.pitwall.telemetry.internal.UsageEventFilter;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.telemetry.internal.UsageEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw usage events in ClickHouse (docs/scaling.md, "The ClickHouse event store"): the same columns
 * as PostgreSQL's {@code telemetry_usage_event}, in a {@code ReplacingMergeTree} keyed by (source,
 * event id, day) and partitioned by source and month, so that retention drops whole partitions
 * and a row written twice (a repeated insert, a newer version after re-attribution) is one row
 * when read with {@code FINAL}.
 *
 * <p>ClickHouse has no transactions. A row whose batch did not commit in PostgreSQL can be left
 * behind; it is never counted: rollups read the rows of committed batches only, readers of raw
 * events see a batch once it is recorded as committed ({@link #markCommitted}), and a rebuild of
 * days reads the batches recorded as rolled up ({@link #markRolledUp}). A later write of the same
 * event is a newer version and replaces it.
 *
 * <p>Times are kept as epoch milliseconds ({@code Int64}): 18.16 has no {@code DateTime64}.
 */
public class ClickHouseUsageEvents {

    static final String EVENTS = "usage_event";
    static final String COMMITTED = "committed_batch";
    static final String ROLLED_UP = "rolled_up_batch";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClickHouseClient client;
    /** Versions of rows written in the same millisecond still increase. */
    private final AtomicLong sequence = new AtomicLong();

    public ClickHouseUsageEvents(ClickHouseClient client) {
        this.client = client;
    }

    /** Creates the database and tables when missing (every version since 18.16 accepts this DDL). */
    public void createTables() {
        client.createDatabase();
        client.execute("""
                CREATE TABLE IF NOT EXISTS %s (
                    source String, event_id String, event_day Date, occurred_at_ms Int64,
                    person_id Nullable(Int64), person_ref Nullable(String), system_id Nullable(Int64),
                    workflow_id Nullable(Int64), operation Nullable(String), model Nullable(String),
                    input_tokens Nullable(Int64), output_tokens Nullable(Int64), cost Nullable(Decimal(18, 6)),
                    latency_ms Nullable(Int64), error UInt8, outcome String, attributes Nullable(String),
                    attribution String, rule_id Nullable(Int64), batch_id Int64, ingested_at_ms Int64, version UInt64
                ) ENGINE = ReplacingMergeTree(version)
                PARTITION BY (source, toYYYYMM(event_day))
                ORDER BY (source, event_id, event_day)
                """.formatted(client.table(EVENTS)));
        for (String table : List.of(COMMITTED, ROLLED_UP)) {
            client.execute("CREATE TABLE IF NOT EXISTS " + client.table(table)
                    + " (batch_id Int64) ENGINE = ReplacingMergeTree() ORDER BY batch_id");
        }
    }

    /** One row as ClickHouse reads it from {@code JSONEachRow}: names are the columns. */
    record Row(String source, String event_id, String event_day, long occurred_at_ms, Long person_id,
            String person_ref, Long system_id, Long workflow_id, String operation, String model, Long input_tokens,
            Long output_tokens, BigDecimal cost, Long latency_ms, int error, String outcome, String attributes,
            String attribution, Long rule_id, long batch_id, long ingested_at_ms, long version) {
    }

    /**
     * Writes a batch's new events in one insert. Safe to repeat: the same rows again are the same
     * events (same key), and ClickHouse keeps one.
     */
    public void insertAll(TelemetrySource source, List<ResolvedEvent> events, long batchId, Instant now) {
        if (events.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>(events.size());
        long version = nextVersion(now);
        for (ResolvedEvent r : events) {
            IncomingEvent e = r.event();
            rows.add(new Row(source.name(), e.eventId(), e.day().toString(), e.time().toEpochMilli(), r.personId(),
                    r.personRef(), r.systemId(), r.workflowId(), e.operation(), e.model(), e.inputTokens(),
                    e.outputTokens(), scaled(e.cost()), e.latencyMs(), e.error() ? 1 : 0, e.outcome().name(),
                    e.attributes() == null || e.attributes().isEmpty() ? null : JSON.writeValueAsString(e.attributes()),
                    r.attribution().name(), r.ruleId(), batchId, now.toEpochMilli(), version));
        }
        client.insert(EVENTS, rows);
    }

    /** Rounded to the column's six decimals, as PostgreSQL's {@code NUMERIC(18, 6)} rounds it. */
    private static BigDecimal scaled(BigDecimal cost) {
        return cost == null ? null : cost.setScale(6, java.math.RoundingMode.HALF_UP);
    }

    private long nextVersion(Instant now) {
        return now.toEpochMilli() * 1_000 + sequence.incrementAndGet() % 1_000;
    }

    /** Events grouped into rollup rows as the database groups them; %s the table, %s the condition. */
    private static final String ROLLUP_ROWS = """
            SELECT event_day, ifNull(person_id, 0) AS person_key,
                   if(isNull(person_id), ifNull(person_ref, ''), '') AS ref_key,
                   ifNull(system_id, 0) AS system_key, ifNull(workflow_id, 0) AS workflow_key,
                   count() AS events, sum(ifNull(input_tokens, 0)) AS input_tokens,
                   sum(ifNull(output_tokens, 0)) AS output_tokens, ifNull(toString(sum(cost)), '0') AS cost,
                   sum(error) AS errors, sum(ifNull(latency_ms, 0)) AS latency, count(latency_ms) AS timed,
                   countIf(outcome = 'ACCEPTED') AS accepted, countIf(outcome = 'EDITED') AS edited,
                   countIf(outcome = 'OVERRIDDEN') AS overridden, countIf(outcome = 'REJECTED') AS rejected,
                   countIf(outcome = 'UNKNOWN') AS unknown_outcome
            FROM %s FINAL WHERE %s
            GROUP BY event_day, person_key, ref_key, system_key, workflow_key
            ORDER BY event_day, person_key, ref_key, system_key, workflow_key
            """;

    private static RollupRow rollupRow(JsonNode r) {
        return new RollupRow(LocalDate.parse(r.get("event_day").asString()), r.get("person_key").asLong(),
                r.get("ref_key").asString(), r.get("system_key").asLong(), r.get("workflow_key").asLong(),
                r.get("events").asLong(), r.get("input_tokens").asLong(), r.get("output_tokens").asLong(),
                plain(new BigDecimal(r.get("cost").asString())), r.get("errors").asLong(), r.get("latency").asLong(),
                r.get("timed").asLong(), r.get("accepted").asLong(), r.get("edited").asLong(),
                r.get("overridden").asLong(), r.get("rejected").asLong(), r.get("unknown_outcome").asLong());
    }

    /** Records that these batches committed in the database: their events are visible to readers. */
    public void markCommitted(Collection<Long> batchIds) {
        client.insert(COMMITTED, batchIds.stream().distinct().map(id -> Map.of("batch_id", id)).toList());
    }

    /** Records that these batches are in the database's rollups: a rebuild of their days reads them. */
    public void markRolledUp(Collection<Long> batchIds) {
        client.insert(ROLLED_UP, batchIds.stream().distinct().map(id -> Map.of("batch_id", id)).toList());
    }

    /** The batches from {@code fromId} on recorded as rolled up. */
    public java.util.Set<Long> rolledUp(long fromId) {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        client.query("SELECT DISTINCT batch_id FROM " + client.table(ROLLED_UP) + " WHERE batch_id >= " + fromId,
                row -> ids.add(row.get("batch_id").asLong()));
        return ids;
    }

    /** The events of rolled-up batches of the days [from, to], grouped into rollup rows (a rebuild). */
    public List<RollupRow> rollupRowsOfDays(LocalDate from, LocalDate to) {
        return client.query(ROLLUP_ROWS.formatted(client.table(EVENTS), "event_day BETWEEN " + date(from) + " AND "
                + date(to) + " AND batch_id IN (SELECT batch_id FROM " + client.table(ROLLED_UP) + ")"),
                ClickHouseUsageEvents::rollupRow);
    }

    /**
     * The events stored and visible (their batch rolled up), once each, per source: what the
     * PostgreSQL store would count in {@code telemetry_usage_event}.
     */
    public Map<TelemetrySource, Long> countsBySource() {
        Map<TelemetrySource, Long> counts = new LinkedHashMap<>();
        client.query("SELECT source, count() AS events FROM %s FINAL WHERE %s GROUP BY source ORDER BY source"
                .formatted(client.table(EVENTS), visible()), row -> counts.put(TelemetrySource.valueOf(
                        row.get("source").asString()), row.get("events").asLong()));
        return counts;
    }

    /**
     * The 95th percentile of {@code latency_ms} as PostgreSQL's {@code PERCENTILE_CONT(0.95)}: the
     * sorted values' element at position 0.95 × (n − 1), interpolated between its two neighbours
     * (18.16 has no interpolating quantile), and {@code timed}, how many there were.
     */
    private static final String P95 = """
            count() AS timed, arraySort(groupArray(latency_ms)) AS sorted,
                   0.95 * (timed - 1) AS at, toUInt64(floor(at)) AS below, toUInt64(ceil(at)) AS above,
                   arrayElement(sorted, below + 1) + (at - below) * (arrayElement(sorted, above + 1)
                       - arrayElement(sorted, below + 1)) AS p95""";

    /**
     * The 95th percentile of latency per day for one workflow (or AI system) over [from, to],
     * interpolated between the two nearest values as PostgreSQL's {@code PERCENTILE_CONT}: the
     * value at position 0.95 × (n − 1) of the sorted latencies.
     */
    public Map<LocalDate, UsageSignals.Latency> dailyLatencyP95(String column, long id, LocalDate from, LocalDate to) {
        Map<LocalDate, UsageSignals.Latency> days = new LinkedHashMap<>();
        client.query("""
                SELECT event_day, %s
                FROM %s FINAL
                WHERE event_day BETWEEN %s AND %s AND %s = %d AND latency_ms IS NOT NULL AND %s
                GROUP BY event_day ORDER BY event_day
                """.formatted(P95, client.table(EVENTS), date(from), date(to), UsageEvents.latencyColumn(column), id,
                        visible()), row -> days.put(
                        LocalDate.parse(row.get("event_day").asString()),
                        new UsageSignals.Latency(row.get("p95").asDouble(), row.get("timed").asLong())));
        return days;
    }

    /** How many events (visible or not) of the source lie before the day: what retention removes. */
    public long countBefore(TelemetrySource source, LocalDate day) {
        return client.queryLong("SELECT count() FROM %s FINAL WHERE source = %s AND event_day < %s"
                .formatted(client.table(EVENTS), quote(source.name()), date(day)));
    }

    /** The months of which events are kept, by source, oldest first (visible or not). */
    public Map<TelemetrySource, List<YearMonth>> months() {
        Map<TelemetrySource, List<YearMonth>> months = new java.util.EnumMap<>(TelemetrySource.class);
        client.query("SELECT DISTINCT source, toYYYYMM(event_day) AS month FROM %s ORDER BY source, month"
                .formatted(client.table(EVENTS)), row -> months.computeIfAbsent(TelemetrySource.valueOf(
                        row.get("source").asString()), s -> new ArrayList<>()).add(YearMonth.of(
                                row.get("month").asInt() / 100, row.get("month").asInt() % 100)));
        return months;
    }

    /** Drops whole months of one source's events before {@code keptFrom}'s month (retention). */
    public List<YearMonth> dropMonthsBefore(TelemetrySource source, YearMonth keptFrom) {
        List<YearMonth> months = client.query("""
                SELECT DISTINCT toYYYYMM(event_day) AS month FROM %s WHERE source = %s AND event_day < %s
                ORDER BY month
                """.formatted(client.table(EVENTS), quote(source.name()), date(keptFrom.atDay(1))),
                row -> YearMonth.of(row.get("month").asInt() / 100, row.get("month").asInt() % 100));
        for (YearMonth month : months) {
            client.execute("ALTER TABLE %s DROP PARTITION (%s, %d)".formatted(client.table(EVENTS),
                    quote(source.name()), month.getYear() * 100 + month.getMonthValue()));
        }
        return months;
    }

    /** The event list's filter as a condition (ClickHouse cannot join PostgreSQL's registry: ids). */
    static String where(UsageEventFilter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.source() != null) {
            parts.add("source = " + quote(filter.source().name()));
        }
        if (filter.personId() != null) {
            parts.add("person_id = " + filter.personId());
        }
        if (filter.personRef() != null) {
            parts.add("person_ref = " + quote(filter.personRef()));
        }
        if (filter.systemId() != null) {
            parts.add("system_id = " + filter.systemId());
        }
        if (filter.workflowId() != null) {
            parts.add("workflow_id = " + filter.workflowId());
        }
        if (filter.from() != null) {
            // The days too: only their months' partitions are read.
            parts.add("occurred_at_ms >= " + filter.from().toEpochMilli());
            parts.add("event_day >= " + date(filter.from().atOffset(java.time.ZoneOffset.UTC).toLocalDate()));
        }
        if (filter.to() != null) {
            parts.add("occurred_at_ms < " + filter.to().toEpochMilli());
            parts.add("event_day <= " + date(filter.to().atOffset(java.time.ZoneOffset.UTC).toLocalDate()));
        }
        if (filter.attribution() != null) {
            parts.add("attribution = " + quote(filter.attribution().name()));
        }
        if (filter.batchId() != null) {
            parts.add("batch_id = " + filter.batchId());
        }
        return parts.isEmpty() ? "" : " AND " + String.join(" AND ", parts);
    }

    /**
     * A page of visible events, newest first, with the keys of their AI system and workflow looked
     * up by the caller (the registry is in PostgreSQL).
     */
    public List<UsageEvent> find(UsageEventFilter filter, int limit, long offset, Function<Long, String> systemKey,
            Function<Long, String> workflowKey) {
        return client.query("""
                SELECT * FROM %s FINAL WHERE %s%s
                ORDER BY occurred_at_ms DESC, batch_id DESC, event_id DESC LIMIT %d, %d
                """.formatted(client.table(EVENTS), visible(), where(filter), offset, limit),
                row -> event(JSON.convertValue(row, Row.class), systemKey, workflowKey));
    }

    /** How many visible events match. */
    public long count(UsageEventFilter filter) {
        return client.queryLong("SELECT count() FROM %s FINAL WHERE %s%s".formatted(client.table(EVENTS), visible(),
                where(filter)));
    }

    private static UsageEvent event(Row r, Function<Long, String> systemKey, Function<Long, String> workflowKey) {
        return new UsageEvent(r.event_id(), TelemetrySource.valueOf(r.source()), Instant.ofEpochMilli(r.occurred_at_ms()),
                r.person_id(), r.person_ref(), r.system_id() == null ? null : systemKey.apply(r.system_id()),
                r.workflow_id() == null ? null : workflowKey.apply(r.workflow_id()), r.operation(), r.model(),
                r.input_tokens(), r.output_tokens(), r.cost() == null ? null : plain(r.cost()), r.latency_ms(),
                r.error() != 0, Outcome.valueOf(r.outcome()), r.attributes(), Attribution.valueOf(r.attribution()),
                r.rule_id(), r.batch_id(), Instant.ofEpochMilli(r.ingested_at_ms()));
    }

    /**
     * Re-attributes stored events: each is written again as a newer version (same batch) carrying
     * its new workflow; ClickHouse keeps the newest. Events not stored (or not yet visible) are
     * left alone, as an UPDATE of no row. Returns the rows as they were (for {@link #restore}) and
     * as they are now.
     */
    public Reattributed reattribute(List<UsageEvents.Change> changes, Instant now) {
        if (changes.isEmpty()) {
            return new Reattributed(List.of(), List.of());
        }
        Map<String, UsageEvents.Change> byKey = new LinkedHashMap<>();
        changes.forEach(c -> byKey.put(c.source() + "\n" + c.eventId() + "\n" + c.day(), c));
        String keys = changes.stream().map(c -> "(" + quote(c.source()) + ", " + quote(c.eventId()) + ", "
                + date(c.day()) + ")").distinct().collect(Collectors.joining(", "));
        List<Row> current = client.query("SELECT * FROM %s FINAL WHERE (source, event_id, event_day) IN (%s) AND %s"
                .formatted(client.table(EVENTS), keys, visible()), row -> JSON.convertValue(row, Row.class));
        long version = nextVersion(now);
        List<Row> updated = new ArrayList<>(current.size());
        for (Row r : current) {
            UsageEvents.Change c = byKey.get(r.source() + "\n" + r.event_id() + "\n" + r.event_day());
            updated.add(new Row(r.source(), r.event_id(), r.event_day(), r.occurred_at_ms(), r.person_id(),
                    r.person_ref(), r.system_id(), c.workflowId(), r.operation(), r.model(), r.input_tokens(),
                    r.output_tokens(), r.cost(), r.latency_ms(), r.error(), r.outcome(), r.attributes(),
                    c.attribution().name(), c.ruleId(), r.batch_id(), r.ingested_at_ms(), version));
        }
        client.insert(EVENTS, updated);
        return new Reattributed(current, updated);
    }

    /** Stored events before and after a re-attribution. */
    record Reattributed(List<Row> previous, List<Row> updated) {
    }

    /** A stored event as ingestion resolved it: what {@link RollupRow#group} groups. */
    static ResolvedEvent resolved(Row r) {
        return new ResolvedEvent(new IncomingEvent(0, r.event_id(), Instant.ofEpochMilli(r.occurred_at_ms()), null, null,
                null, null, r.operation(), r.model(), r.input_tokens(), r.output_tokens(), r.cost(), r.latency_ms(),
                r.error() != 0, Outcome.valueOf(r.outcome()), Map.of()), r.person_id(), r.person_ref(), r.system_id(),
                r.workflow_id(), Attribution.valueOf(r.attribution()), r.rule_id());
    }

    /**
     * Writes these rows again as the newest version: what a re-attribution replaced, when the
     * database transaction it belonged to rolled back.
     */
    public void restore(List<Row> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        long version = nextVersion(now);
        client.insert(EVENTS, rows.stream().map(r -> new Row(r.source(), r.event_id(), r.event_day(),
                r.occurred_at_ms(), r.person_id(), r.person_ref(), r.system_id(), r.workflow_id(), r.operation(),
                r.model(), r.input_tokens(), r.output_tokens(), r.cost(), r.latency_ms(), r.error(), r.outcome(),
                r.attributes(), r.attribution(), r.rule_id(), r.batch_id(), r.ingested_at_ms(), version)).toList());
    }

    /** The 95th percentile of latency (interpolated) of the visible events that occurred in [from, to). */
    public UsageSignals.Latency latencyP95(String column, long id, Instant from, Instant to) {
        return client.query("""
                SELECT %s
                FROM %s FINAL
                WHERE occurred_at_ms >= %d AND occurred_at_ms < %d AND event_day BETWEEN %s AND %s AND %s = %d
                    AND latency_ms IS NOT NULL AND %s
                """.formatted(P95, client.table(EVENTS), from.toEpochMilli(), to.toEpochMilli(),
                        date(from.atOffset(java.time.ZoneOffset.UTC).toLocalDate()),
                        date(to.atOffset(java.time.ZoneOffset.UTC).toLocalDate()), UsageEvents.latencyColumn(column), id,
                        visible()),
                row -> {
                    long timed = row.get("timed").asLong();
                    return new UsageSignals.Latency(timed == 0 ? null : row.get("p95").asDouble(), timed);
                }).get(0);
    }

    /** Visible events of [from, to] that did not name their workflow, after {@code after}, in key order. */
    public List<UsageEvents.Attributable> attributable(LocalDate from, LocalDate to, UsageEvents.Attributable after,
            int limit) {
        String cursor = after == null ? "" : " AND (source, event_id, event_day) > (%s, %s, %s)".formatted(
                quote(after.source()), quote(after.eventId()), date(after.day()));
        return client.query("""
                SELECT source, event_id, event_day, person_id, system_id, operation, workflow_id, attribution, rule_id
                FROM %s FINAL WHERE event_day BETWEEN %s AND %s AND attribution != 'EXPLICIT' AND %s%s
                ORDER BY source, event_id, event_day LIMIT %d
                """.formatted(client.table(EVENTS), date(from), date(to), visible(), cursor, limit),
                r -> new UsageEvents.Attributable(r.get("source").asString(), r.get("event_id").asString(),
                        LocalDate.parse(r.get("event_day").asString()), longOrNull(r, "person_id"),
                        longOrNull(r, "system_id"), r.get("operation").isNull() ? null : r.get("operation").asString(),
                        longOrNull(r, "workflow_id"), Attribution.valueOf(r.get("attribution").asString()),
                        longOrNull(r, "rule_id")));
    }

    /** A stored event's batch, AI system and workflow, by id (the batch says whether it committed). */
    public record Link(String eventId, long batchId, Long systemId, Long workflowId) {
    }

    public List<Link> links(TelemetrySource source, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return client.query("SELECT event_id, batch_id, system_id, workflow_id FROM %s FINAL WHERE source = %s "
                .formatted(client.table(EVENTS), quote(source.name())) + "AND event_id IN ("
                + ids.stream().map(ClickHouseClient::quote).collect(Collectors.joining(", ")) + ")",
                r -> new Link(r.get("event_id").asString(), r.get("batch_id").asLong(), longOrNull(r, "system_id"),
                        longOrNull(r, "workflow_id")));
    }

    /** Visible events of a source whose ids begin with {@code prefix}, of the days [from, to]. */
    public List<UsageEventStore.Reported> reported(TelemetrySource source, String prefix, LocalDate from, LocalDate to) {
        return client.query("""
                SELECT event_day, person_id, person_ref, event_id, attributes FROM %s FINAL
                WHERE source = %s AND event_day BETWEEN %s AND %s AND startsWith(event_id, %s) AND %s
                """.formatted(client.table(EVENTS), quote(source.name()), date(from), date(to), quote(prefix), visible()),
                r -> new UsageEventStore.Reported(LocalDate.parse(r.get("event_day").asString()), longOrNull(r, "person_id"),
                        r.get("person_ref").isNull() ? null : r.get("person_ref").asString(),
                        r.get("event_id").asString(), r.get("attributes").isNull() ? null : r.get("attributes").asString()));
    }

    private static Long longOrNull(JsonNode row, String column) {
        JsonNode value = row.get(column);
        return value == null || value.isNull() ? null : value.asLong();
    }

    private String visible() {
        return "batch_id IN (SELECT batch_id FROM " + client.table(COMMITTED) + ")";
    }

    private static String date(LocalDate day) {
        return "toDate(" + quote(day.toString()) + ")";
    }

}
