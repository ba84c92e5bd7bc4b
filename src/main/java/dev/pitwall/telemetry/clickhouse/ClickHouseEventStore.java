package dev.pitwall.telemetry.clickhouse;

import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageSignals;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import dev.pitwall.telemetry.internal.Rollups;
import dev.pitwall.telemetry.internal.UsageEventFilter;
import dev.pitwall.telemetry.internal.UsageEventStore;
import dev.pitwall.telemetry.internal.UsageEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raw usage events in ClickHouse ({@code pitwall.telemetry.store=clickhouse}), their keys in the
 * database (docs/scaling.md, "The ClickHouse event store").
 *
 * <p>Storing a batch writes its events' keys to {@code telemetry_event_key} in the caller's
 * transaction — the unique key makes de-duplication exact, as with the database store — and then
 * the events to ClickHouse. Should the transaction roll back, the ClickHouse rows stay behind
 * unseen: readers see a batch's events once the batch is recorded as committed in ClickHouse
 * (right after the commit, and again by the rollup worker, which only ever sees committed batches),
 * and a retry writes newer versions of the same events.
 */
public class ClickHouseEventStore implements UsageEventStore {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseEventStore.class);
    private static final int CHUNK = 1_000;

    private final ClickHouseUsageEvents events;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    public ClickHouseEventStore(ClickHouseUsageEvents events, JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    @Override
    public void insertAll(TelemetrySource source, List<ResolvedEvent> resolved, long batchId, Instant now) {
        if (resolved.isEmpty()) {
            return;
        }
        // A key stored by a concurrent request fails this insert (DuplicateKeyException); the caller
        // rolls back to its savepoint and leaves those events out, as with the database store.
        template.batchUpdate("INSERT INTO telemetry_event_key (source, event_id, event_day, batch_id) VALUES (?, ?, ?, ?)",
                resolved.stream().map(r -> new Object[] {source.name(), r.event().eventId(), r.event().day(), batchId})
                        .toList());
        events.insertAll(source, resolved, batchId, now);
        afterCommit(() -> events.markCommitted(List.of(batchId)), "committed batch " + batchId);
    }

    @Override
    public Set<UsageEvents.Key> existing(TelemetrySource source, Collection<UsageEvents.Key> keys) {
        Set<UsageEvents.Key> wanted = new HashSet<>(keys);
        Set<UsageEvents.Key> found = new HashSet<>();
        List<String> ids = keys.stream().map(UsageEvents.Key::eventId).distinct().toList();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            jdbc.sql("SELECT event_id, event_day FROM telemetry_event_key WHERE source = :source AND event_id IN (:ids)")
                    .param("source", source.name()).param("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .query((rs, n) -> new UsageEvents.Key(rs.getString(1), rs.getObject(2, LocalDate.class))).list()
                    .stream().filter(wanted::contains).forEach(found::add);
        }
        return found;
    }

    /** Of the rows ClickHouse holds, those of batches that committed. */
    @Override
    public Map<String, UsageEvents.Link> links(TelemetrySource source, Collection<String> ids) {
        Map<String, UsageEvents.Link> links = new HashMap<>();
        List<String> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<ClickHouseUsageEvents.Link> rows = events.links(source, all.subList(i, Math.min(all.size(), i + CHUNK)));
            Set<Long> committed = committed(rows.stream().map(ClickHouseUsageEvents.Link::batchId).toList());
            rows.stream().filter(r -> committed.contains(r.batchId()))
                    .forEach(r -> links.put(r.eventId(), new UsageEvents.Link(r.systemId(), r.workflowId())));
        }
        return links;
    }

    private Set<Long> committed(Collection<Long> batchIds) {
        if (batchIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM telemetry_batch WHERE id IN (:ids)")
                .param("ids", List.copyOf(new HashSet<>(batchIds))).query(Long.class).list());
    }

    @Override
    public List<UsageEvent> find(UsageEventFilter filter, PageQuery page) {
        // ClickHouse cannot join the registry: the keys of AI systems and workflows are read here.
        Map<Long, String> systems = keys("SELECT id, system_key FROM portfolio_ai_system");
        Map<Long, String> workflows = keys("SELECT id, workflow_key FROM portfolio_workflow");
        return events.find(filter(filter), page.size(), page.offset(), systems::get, workflows::get);
    }

    private Map<Long, String> keys(String sql) {
        Map<Long, String> keys = new HashMap<>();
        jdbc.sql(sql).query(rs -> {
            keys.put(rs.getLong(1), rs.getString(2));
        });
        return keys;
    }

    @Override
    public long count(UsageEventFilter filter) {
        return events.count(filter(filter));
    }

    private static ClickHouseUsageEvents.EventFilter filter(UsageEventFilter f) {
        return new ClickHouseUsageEvents.EventFilter(f.source(), f.personId(), f.personRef(), f.systemId(),
                f.workflowId(), f.from(), f.to(), f.attribution(), f.batchId());
    }

    @Override
    public List<UsageEvents.Attributable> attributable(LocalDate from, LocalDate to, UsageEvents.Attributable after,
            int limit) {
        ClickHouseUsageEvents.Attributable cursor = after == null ? null : new ClickHouseUsageEvents.Attributable(
                after.source(), after.eventId(), after.day(), after.personId(), after.systemId(), after.operation(),
                after.workflowId(), after.attribution(), after.ruleId());
        return events.attributable(from, to, cursor, limit).stream().map(a -> new UsageEvents.Attributable(a.source(),
                a.eventId(), a.day(), a.personId(), a.systemId(), a.operation(), a.workflowId(), a.attribution(),
                a.ruleId())).toList();
    }

    @Override
    public void reattribute(List<UsageEvents.Change> changes) {
        events.reattribute(changes.stream().map(c -> new ClickHouseUsageEvents.Change(TelemetrySource.valueOf(c.source()),
                c.eventId(), c.day(), c.workflowId(), c.attribution(), c.ruleId())).toList(), clock.instant());
    }

    /**
     * The worker's batches committed (it sees no others): recorded as such again, for a node that
     * stopped between its commit and recording it; and as rolled up once the worker's own
     * transaction commits.
     */
    @Override
    public void stage(List<Long> batchIds) {
        List<Object[]> rows = new ArrayList<>();
        for (ClickHouseUsageEvents.RollupRow r : events.rollupRows(batchIds)) {
            rows.add(values(r));
        }
        insertRows("telemetry_rollup_stage", rows);
        events.markCommitted(batchIds);
        afterCommit(() -> events.markRolledUp(batchIds), "rolled-up batches " + batchIds.size());
    }

    /**
     * First records as rolled up every batch the database says is (a node may have stopped between
     * its commit and recording them), then reads the days' events of those batches.
     */
    @Override
    public void rollUpDays(LocalDate from, LocalDate to) {
        Set<Long> missing = new HashSet<>(jdbc.sql("SELECT id FROM telemetry_batch WHERE rolled_up").query(Long.class)
                .list());
        missing.removeAll(events.rolledUp());
        if (!missing.isEmpty()) {
            events.markRolledUp(missing);
        }
        List<Object[]> rows = new ArrayList<>();
        for (ClickHouseUsageEvents.RollupRow r : events.rollupRowsOfDays(from, to)) {
            rows.add(values(r));
        }
        insertRows("telemetry_daily_rollup", rows);
    }

    private void insertRows(String table, List<Object[]> rows) {
        template.batchUpdate("INSERT INTO " + table + " (" + Rollups.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static Object[] values(ClickHouseUsageEvents.RollupRow r) {
        return new Object[] {r.day(), r.personId(), r.personRef(), r.systemId(), r.workflowId(), r.events(),
            r.inputTokens(), r.outputTokens(), r.cost(), r.errors(), r.latencyMs(), r.timedEvents(), r.accepted(),
            r.edited(), r.overridden(), r.rejected(), r.unknownOutcome()};
    }

    @Override
    public Map<LocalDate, UsageSignals.Latency> dailyLatency(String column, long id, LocalDate from, LocalDate to) {
        Map<LocalDate, UsageSignals.Latency> days = new HashMap<>();
        events.dailyLatencyP95(column, id, from, to)
                .forEach((day, p) -> days.put(day, new UsageSignals.Latency(p[0], (long) p[1])));
        return days;
    }

    @Override
    public UsageSignals.Latency latency(String column, long id, Instant from, Instant to) {
        double[] p = events.latencyP95(column, id, from, to);
        long timed = (long) p[1];
        return new UsageSignals.Latency(timed == 0 ? null : p[0], timed);
    }

    @Override
    public List<Reported> reported(TelemetrySource source, String idPrefix, LocalDate from, LocalDate to) {
        return events.reported(source, idPrefix, from, to).stream().map(r -> new Reported(r.day(), r.personId(),
                r.personRef(), r.eventId(), r.attributes())).toList();
    }

    @Override
    public long forgetBefore(TelemetrySource source, LocalDate keepFrom) {
        long events = this.events.countBefore(source, keepFrom);
        this.events.dropMonthsBefore(source, YearMonth.from(keepFrom));
        long keys = 0;
        for (int n = CHUNK; n == CHUNK; keys += n) {
            n = jdbc.sql("""
                    DELETE FROM telemetry_event_key WHERE (source, event_id, event_day) IN (
                        SELECT source, event_id, event_day FROM telemetry_event_key WHERE source = ? AND event_day < ?
                        LIMIT ?)
                    """).params(source.name(), keepFrom, CHUNK).update();
        }
        log.debug("Retention: {} ClickHouse events and {} keys of {} before {}", events, keys, source, keepFrom);
        return events;
    }

    /**
     * Runs {@code action} once the caller's transaction committed; a failure is logged, not thrown
     * (the commit happened): the rollup worker records it again.
     */
    private static void afterCommit(Runnable action, String what) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.warn("Recording the {} in ClickHouse failed; the rollup worker records it again", what, e);
                }
            }
        });
    }
}
