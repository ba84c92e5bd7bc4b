package dev.pitwall.telemetry.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.jdbc.SqlWhere;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IncomingEvent;
import dev.pitwall.telemetry.Outcome;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageSignals;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usage events table. Inserting uses PostgreSQL's {@code COPY} (the fastest durable path) or,
 * on H2, JDBC batches ({@link BulkInsert}); both run in the caller's transaction.
 */
@Repository
public class UsageEvents implements UsageEventStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CHUNK = 1_000;
    private static final String COLUMNS = "source, event_id, occurred_at, event_day, person_id, person_ref, system_id, "
            + "workflow_id, operation, model, input_tokens, output_tokens, cost, latency_ms, error, outcome, attributes, "
            + "attribution, rule_id, batch_id, ingested_at";
    private static final String SELECT = """
            SELECT e.*, s.system_key, w.workflow_key FROM telemetry_usage_event e
            LEFT JOIN portfolio_ai_system s ON s.id = e.system_id
            LEFT JOIN portfolio_workflow w ON w.id = e.workflow_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BulkInsert bulk;
    private final UsageEventPartitions partitions;
    private final boolean postgres;

    UsageEvents(JdbcClient jdbc, JdbcTemplate template, BulkInsert bulk, UsageEventPartitions partitions,
            DatabaseKind database) {
        this.jdbc = jdbc;
        this.template = template;
        this.bulk = bulk;
        this.partitions = partitions;
        this.postgres = database.isPostgres();
    }

    /**
     * An event's identity: its id on its day (UTC) within its source. The same id on another day is
     * another event (the unique key holds the day, which partitions on PostgreSQL; docs/scaling.md).
     */
    public record Key(String eventId, java.time.LocalDate day) {

        public static Key of(ResolvedEvent event) {
            return new Key(event.event().eventId(), event.event().day());
        }
    }

    /** Of these keys, those already stored for the source. */
    @Override
    public Set<Key> existing(TelemetrySource source, Collection<Key> keys) {
        Set<Key> wanted = new HashSet<>(keys);
        Set<Key> found = new HashSet<>();
        List<String> all = keys.stream().map(Key::eventId).distinct().toList();
        for (int i = 0; i < all.size(); i += CHUNK) {
            jdbc.sql("SELECT event_id, event_day FROM telemetry_usage_event WHERE source = :source AND event_id IN (:ids)")
                    .param("source", source.name()).param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query((rs, n) -> new Key(rs.getString(1), rs.getObject(2, java.time.LocalDate.class))).list()
                    .stream().filter(wanted::contains).forEach(found::add);
        }
        return found;
    }

    /** The AI system and workflow of stored events, by event id (for evaluations of those events). */
    public record Link(Long systemId, Long workflowId) {
    }

    @Override
    public java.util.Map<String, Link> links(TelemetrySource source, Collection<String> ids) {
        java.util.Map<String, Link> links = new java.util.HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            jdbc.sql("SELECT event_id, system_id, workflow_id FROM telemetry_usage_event WHERE source = :source "
                    + "AND event_id IN (:ids)").param("source", source.name())
                    .param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query((rs, n) -> links.put(rs.getString(1), new Link(nullableLong(rs, "system_id"),
                            nullableLong(rs, "workflow_id")))).list();
        }
        return links;
    }

    /** Creates the months' partitions (PostgreSQL): this locks the parent table briefly. */
    @Override
    public void prepare(TelemetrySource source, Collection<java.time.LocalDate> days) {
        partitions.ensure(source, days);
    }

    /**
     * Stores the events (already checked to be new) in the caller's transaction. On H2, in time
     * order: H2 writes every index page a transaction touched at its commit, and rows inserted in
     * time order touch the newest pages of the time index only, instead of pages all over it.
     */
    @Override
    public void insertAll(TelemetrySource source, List<ResolvedEvent> events, long batchId, Instant now) {
        List<ResolvedEvent> ordered = events;
        if (!postgres) {
            ordered = new ArrayList<>(events);
            ordered.sort(java.util.Comparator.comparing(e -> e.event().time()));
        }
        List<Object[]> rows = new ArrayList<>(ordered.size());
        for (ResolvedEvent e : ordered) {
            rows.add(row(source, e, batchId, now));
        }
        bulk.insert("telemetry_usage_event", COLUMNS, rows);
    }

    private static Object[] row(TelemetrySource source, ResolvedEvent r, long batchId, Instant now) {
        IncomingEvent e = r.event();
        return new Object[] {source.name(), e.eventId(), utc(e.time()), e.day(),
                r.personId(), r.personRef(), r.systemId(), r.workflowId(), e.operation(), e.model(), e.inputTokens(),
                e.outputTokens(), e.cost(), e.latencyMs(), e.error(), e.outcome().name(),
                e.attributes() == null || e.attributes().isEmpty() ? null : JSON.writeValueAsString(e.attributes()),
                r.attribution().name(), r.ruleId(), batchId, utc(now)};
    }

    @Override
    public List<UsageEvent> find(UsageEventFilter filter, PageQuery page) {
        SqlWhere where = where(filter);
        return jdbc.sql(SELECT + where.sql() + " ORDER BY e.occurred_at DESC, e.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", page.size()).param("offset", page.offset())
                .query(UsageEvents::map).list();
    }

    @Override
    public long count(UsageEventFilter filter) {
        SqlWhere where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM telemetry_usage_event e" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    private static SqlWhere where(UsageEventFilter filter) {
        return new SqlWhere().and("e.person_id = :personId", "personId", filter.personId())
                .and("e.person_ref = :personRef", "personRef", filter.personRef())
                .and("e.system_id = :systemId", "systemId", filter.systemId())
                .and("e.workflow_id = :workflowId", "workflowId", filter.workflowId())
                .and("e.occurred_at >= :from", "from", filter.from() == null ? null : utc(filter.from()))
                .and("e.occurred_at < :to", "to", filter.to() == null ? null : utc(filter.to()))
                // The same range in days: it reads only its months' partitions (docs/scaling.md).
                .and("e.event_day >= :fromDay", "fromDay", filter.from() == null ? null
                        : filter.from().atOffset(java.time.ZoneOffset.UTC).toLocalDate())
                .and("e.event_day <= :toDay", "toDay", filter.to() == null ? null
                        : filter.to().atOffset(java.time.ZoneOffset.UTC).toLocalDate())
                .and("e.source = :source", "source", filter.source())
                .and("e.attribution = :attribution", "attribution", filter.attribution())
                .and("e.batch_id = :batchId", "batchId", filter.batchId());
    }

    /** A stored event that re-attribution looks at, found by its unique key (source, id, day). */
    public record Attributable(String source, String eventId, java.time.LocalDate day, Long personId, Long systemId,
            String operation, Long workflowId, Attribution attribution, Long ruleId) {
    }

    /**
     * Events between two days that did not name their workflow, after {@code after} (null: from the
     * first), in the order of the unique key: its index pages through them, so no other index is
     * needed (on PostgreSQL only the months of the range are read).
     */
    @Override
    public List<Attributable> attributable(java.time.LocalDate from, java.time.LocalDate to, Attributable after,
            int limit) {
        String sql = """
                SELECT source, event_id, event_day, person_id, system_id, operation, workflow_id, attribution, rule_id
                FROM telemetry_usage_event WHERE event_day BETWEEN :from AND :to AND attribution <> 'EXPLICIT'%s
                ORDER BY source, event_id, event_day LIMIT :limit
                """.formatted(after == null ? "" : " AND (source, event_id, event_day) > (:source, :eventId, :day)");
        var statement = jdbc.sql(sql).param("from", from).param("to", to).param("limit", limit);
        if (after != null) {
            statement = statement.param("source", after.source()).param("eventId", after.eventId())
                    .param("day", after.day());
        }
        return statement.query((rs, n) -> new Attributable(rs.getString("source"), rs.getString("event_id"),
                        rs.getObject("event_day", java.time.LocalDate.class), nullableLong(rs, "person_id"),
                        nullableLong(rs, "system_id"), rs.getString("operation"), nullableLong(rs, "workflow_id"),
                        Attribution.valueOf(rs.getString("attribution")), nullableLong(rs, "rule_id")))
                .list();
    }

    /** A new attribution of one stored event, found by its unique key. */
    public record Change(String source, String eventId, java.time.LocalDate day, Long workflowId,
            Attribution attribution, Long ruleId) {
    }

    @Override
    public void reattribute(List<Change> changes) {
        template.batchUpdate("UPDATE telemetry_usage_event SET workflow_id = ?, attribution = ?, rule_id = ? "
                + "WHERE source = ? AND event_id = ? AND event_day = ?", changes.stream().map(c -> new Object[] {
                        c.workflowId(), c.attribution().name(), c.ruleId(), c.source(), c.eventId(), c.day()}).toList());
    }

    @Override
    public void stage(List<Long> batchIds) {
        if (postgres) {
            // Reading a few batches' events is always an index scan on batch_id. Without statistics
            // (a month partition filling faster than autovacuum analyzes it) PostgreSQL planned a
            // parallel scan of whole partitions and compiled it with JIT: 5.6 s instead of 58 ms for
            // 200 batches at 100 million events, and the rollups fell behind ingestion (scaling.md).
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL jit = off").update();
        }
        jdbc.sql("INSERT INTO telemetry_rollup_stage (" + Rollups.COLUMNS + ") " + grouped("e.batch_id IN (:batches)"))
                .param("batches", batchIds).update();
        if (postgres) {
            jdbc.sql("SET LOCAL enable_seqscan TO DEFAULT").update();
            jdbc.sql("SET LOCAL jit TO DEFAULT").update();
        }
    }

    @Override
    public void rollUpDays(java.time.LocalDate from, java.time.LocalDate to) {
        jdbc.sql("INSERT INTO telemetry_daily_rollup (" + Rollups.COLUMNS + ") " + grouped(
                "e.event_day BETWEEN :from AND :to AND e.batch_id IN (SELECT id FROM telemetry_batch WHERE rolled_up)"))
                .param("from", from).param("to", to).update();
    }

    /** The events matching {@code condition}, grouped into rollup rows. */
    private static String grouped(String condition) {
        return """
                SELECT event_day, person_key AS person_id, ref_key AS person_ref, system_key AS system_id,
                       workflow_key AS workflow_id, COUNT(*) AS events,
                       COALESCE(SUM(input_tokens), 0) AS input_tokens, COALESCE(SUM(output_tokens), 0) AS output_tokens,
                       COALESCE(SUM(cost), 0) AS cost, SUM(CASE WHEN error THEN 1 ELSE 0 END) AS errors,
                       COALESCE(SUM(latency_ms), 0) AS latency_ms, COUNT(latency_ms) AS timed_events,
                       SUM(CASE WHEN outcome = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted,
                       SUM(CASE WHEN outcome = 'EDITED' THEN 1 ELSE 0 END) AS edited,
                       SUM(CASE WHEN outcome = 'OVERRIDDEN' THEN 1 ELSE 0 END) AS overridden,
                       SUM(CASE WHEN outcome = 'REJECTED' THEN 1 ELSE 0 END) AS rejected,
                       SUM(CASE WHEN outcome = 'UNKNOWN' THEN 1 ELSE 0 END) AS unknown_outcome
                FROM (SELECT e.event_day, e.input_tokens, e.output_tokens, e.cost, e.error, e.latency_ms, e.outcome,
                             COALESCE(e.person_id, 0) AS person_key,
                             CASE WHEN e.person_id IS NULL THEN COALESCE(e.person_ref, '') ELSE '' END AS ref_key,
                             COALESCE(e.system_id, 0) AS system_key, COALESCE(e.workflow_id, 0) AS workflow_key
                      FROM telemetry_usage_event e WHERE %s) x
                GROUP BY event_day, person_key, ref_key, system_key, workflow_key
                """.formatted(condition);
    }

    @Override
    public java.util.Map<java.time.LocalDate, UsageSignals.Latency> dailyLatency(String column, long id,
            java.time.LocalDate from, java.time.LocalDate to) {
        java.util.Map<java.time.LocalDate, UsageSignals.Latency> days = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT event_day, PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95,
                       COUNT(latency_ms) AS timed
                FROM telemetry_usage_event WHERE event_day BETWEEN :from AND :to AND %s = :id AND latency_ms IS NOT NULL
                GROUP BY event_day
                """.formatted(latencyColumn(column)))
                .param("from", from).param("to", to).param("id", id)
                .query((rs, n) -> days.put(dev.pitwall.platform.jdbc.SqlValues.date(rs, "event_day"),
                        new UsageSignals.Latency(rs.getDouble("p95"), rs.getLong("timed"))))
                .list();
        return days;
    }

    @Override
    public UsageSignals.Latency latency(String column, long id, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT PERCENTILE_CONT(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95, COUNT(latency_ms) AS timed
                FROM telemetry_usage_event WHERE occurred_at >= :from AND occurred_at < :to AND %s = :id
                    AND event_day BETWEEN :fromDay AND :toDay
                """.formatted(latencyColumn(column)))
                // The days of the range: only their months' partitions and index entries are read.
                .param("from", utc(from)).param("to", utc(to)).param("id", id)
                .param("fromDay", from.atOffset(java.time.ZoneOffset.UTC).toLocalDate())
                .param("toDay", to.atOffset(java.time.ZoneOffset.UTC).toLocalDate())
                .query((rs, n) -> {
                    long timed = rs.getLong("timed");
                    double p95 = rs.getDouble("p95");
                    return new UsageSignals.Latency(timed == 0 || rs.wasNull() ? null : p95, timed);
                }).single();
    }

    @Override
    public List<Reported> reported(TelemetrySource source, String idPrefix, java.time.LocalDate from,
            java.time.LocalDate to) {
        return jdbc.sql("""
                SELECT event_day, person_id, person_ref, event_id, attributes FROM telemetry_usage_event
                WHERE source = :source AND event_day BETWEEN :from AND :to AND event_id LIKE :prefix ESCAPE '\\'
                """).param("source", source.name()).param("from", from).param("to", to)
                .param("prefix", idPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .query((rs, n) -> new Reported(rs.getObject("event_day", java.time.LocalDate.class),
                        nullableLong(rs, "person_id"), rs.getString("person_ref"), rs.getString("event_id"),
                        rs.getString("attributes")))
                .list();
    }

    /** Nothing beyond the events table: retention drops its partitions or deletes its rows. */
    @Override
    public long forgetBefore(TelemetrySource source, java.time.LocalDate keepFrom) {
        return 0;
    }

    @Override
    public java.util.Map<TelemetrySource, List<java.time.YearMonth>> monthsKept() {
        java.util.Map<TelemetrySource, List<java.time.YearMonth>> months = new java.util.EnumMap<>(TelemetrySource.class);
        partitions.existing().forEach(p -> months.computeIfAbsent(p.source(), s -> new ArrayList<>()).add(p.month()));
        months.values().forEach(java.util.Collections::sort);
        return months;
    }

    /** Only these two columns: the name goes into the statement. */
    public static String latencyColumn(String column) {
        if (!column.equals("workflow_id") && !column.equals("system_id")) {
            throw new IllegalArgumentException("not a latency target: " + column);
        }
        return column;
    }

    private static UsageEvent map(ResultSet rs, int row) throws SQLException {
        return new UsageEvent(rs.getString("event_id"), TelemetrySource.valueOf(rs.getString("source")),
                instant(rs, "occurred_at"), nullableLong(rs, "person_id"), rs.getString("person_ref"),
                rs.getString("system_key"), rs.getString("workflow_key"), rs.getString("operation"), rs.getString("model"),
                nullableLong(rs, "input_tokens"), nullableLong(rs, "output_tokens"), plain(rs.getBigDecimal("cost")),
                nullableLong(rs, "latency_ms"), rs.getBoolean("error"), Outcome.valueOf(rs.getString("outcome")),
                rs.getString("attributes"), Attribution.valueOf(rs.getString("attribution")), nullableLong(rs, "rule_id"),
                rs.getLong("batch_id"), instant(rs, "ingested_at"));
    }

    /** 0.010000 (the column's scale) reads as 0.01, and 8530.0000 as 8530 (not 8.53E+3). */
    public static java.math.BigDecimal plain(java.math.BigDecimal value) {
        if (value == null) {
            return null;
        }
        java.math.BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A failure of the bulk write, e.g. a concurrent insert of the same event. */
    public static class UsageEventWriteException extends RuntimeException {
        public UsageEventWriteException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        /** Whether another request stored one of the same events first (unique violation). */
        public boolean isDuplicate() {
            return getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState());
        }
    }

}
