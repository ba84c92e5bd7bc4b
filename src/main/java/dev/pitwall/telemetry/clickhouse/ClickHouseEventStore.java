package dev.pitwall.telemetry.clickhouse;

import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageSignals;
import dev.pitwall.telemetry.internal.BulkInsert;
import dev.pitwall.telemetry.internal.EventKeyPartitions;
import dev.pitwall.telemetry.internal.ReferenceCache;
import dev.pitwall.telemetry.internal.ResolvedEvent;
import dev.pitwall.telemetry.internal.RollupRow;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Raw usage events in ClickHouse ({@code pitwall.telemetry.store=clickhouse}), their keys in the
 * database (docs/scaling.md, "The ClickHouse event store").
 *
 * <p>Storing a batch writes its events' keys to {@code telemetry_event_key} in the caller's
 * transaction — the unique key makes de-duplication exact, as with the database store — with its
 * rollup rows ({@link BatchRollups}, which the rollup worker takes: it never reads ClickHouse,
 * whose table is not ordered by batch), and then the events to ClickHouse. Should the
 * transaction roll back, the ClickHouse rows stay behind unseen: readers see a batch's events
 * once the batch is recorded as committed in ClickHouse (right after the commit, and again by the
 * rollup worker, which only ever sees committed batches), and a retry writes newer versions of
 * the same events.
 */
public class ClickHouseEventStore implements UsageEventStore {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseEventStore.class);
    private static final int CHUNK = 1_000;

    private final ClickHouseUsageEvents events;
    private final JdbcClient jdbc;
    private final BulkInsert bulk;
    private final BatchRollups batchRollups;
    private final ReferenceCache references;
    private final EventKeyPartitions keyPartitions;
    private final Clock clock;
    /** Every batch below this id is recorded as rolled up in ClickHouse (from this node's last catch-up). */
    private final AtomicLong caughtUpFrom = new AtomicLong();

    public ClickHouseEventStore(ClickHouseUsageEvents events, JdbcClient jdbc, BulkInsert bulk,
            ReferenceCache references, EventKeyPartitions keyPartitions, Clock clock) {
        this.events = events;
        this.keyPartitions = keyPartitions;
        this.references = references;
        this.jdbc = jdbc;
        this.bulk = bulk;
        this.batchRollups = new BatchRollups(jdbc);
        this.clock = clock;
    }

    /**
     * The months' partitions of the keys (PostgreSQL); ClickHouse makes a month's partition of the
     * events as its first rows arrive.
     */
    @Override
    public void prepare(TelemetrySource source, Collection<LocalDate> days) {
        keyPartitions.ensure(source, days);
    }

    @Override
    public Map<TelemetrySource, List<YearMonth>> monthsKept() {
        return events.months();
    }

    @Override
    public void insertAll(TelemetrySource source, List<ResolvedEvent> resolved, long batchId, Instant now) {
        if (resolved.isEmpty()) {
            return;
        }
        // A key stored by a concurrent request fails this insert; the caller rolls back to its
        // savepoint and leaves those events out, as with the database store.
        bulk.insert("telemetry_event_key", "source, event_id, event_day, batch_id", resolved.stream()
                .map(r -> new Object[] {source.name(), r.event().eventId(), r.event().day(), batchId}).toList());
        // The batch's rollup rows, for the rollup worker: grouped here, in the batch's transaction.
        batchRollups.add(batchId, RollupRow.group(resolved));
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
        // ClickHouse cannot join the registry: the keys of AI systems and workflows come from the
        // cache ingestion resolves them with, read again once for an id it does not know yet.
        Instant asked = references.now();
        AtomicReference<ReferenceCache.References> current = new AtomicReference<>(references.get());
        return events.find(filter, page.size(), page.offset(),
                id -> key(current, asked, ReferenceCache.References::systemKeys, id),
                id -> key(current, asked, ReferenceCache.References::workflowKeys, id));
    }

    private String key(AtomicReference<ReferenceCache.References> current, Instant asked,
            Function<ReferenceCache.References, Map<Long, String>> keys, long id) {
        String key = keys.apply(current.get()).get(id);
        if (key == null && !current.get().loadedAt().isAfter(asked)) {
            current.set(references.reload(asked));
            key = keys.apply(current.get()).get(id);
        }
        return key;
    }

    @Override
    public long count(UsageEventFilter filter) {
        return events.count(filter);
    }

    @Override
    public List<UsageEvents.Attributable> attributable(LocalDate from, LocalDate to, UsageEvents.Attributable after,
            int limit) {
        return events.attributable(from, to, after, limit);
    }

    /**
     * Written to ClickHouse at once — the rebuild of the days' rollups in the same transaction reads
     * it — and written back as it was should that transaction roll back, so that ClickHouse and the
     * rollups never disagree. Batches not rolled up yet (the caller holds the rollup lock: none is
     * being rolled up) carry the rollup rows grouped when they were stored: rows that take each
     * event out of its old key and add it to its new one are added to them.
     */
    @Override
    public void reattribute(List<UsageEvents.Change> changes) {
        ClickHouseUsageEvents.Reattributed done = events.reattribute(changes, clock.instant());
        if (done.previous().isEmpty()) {
            return;
        }
        Set<Long> batches = new HashSet<>();
        done.previous().forEach(r -> batches.add(r.batch_id()));
        Set<Long> pending = batchRollups.pending(batches);
        Map<Long, List<ResolvedEvent>> before = byBatch(done.previous(), pending);
        Map<Long, List<ResolvedEvent>> after = byBatch(done.updated(), pending);
        for (long batch : pending) {
            List<RollupRow> moved = new ArrayList<>();
            RollupRow.group(before.getOrDefault(batch, List.of())).forEach(r -> moved.add(r.negated()));
            moved.addAll(RollupRow.group(after.getOrDefault(batch, List.of())));
            batchRollups.add(batch, moved);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        events.restore(done.previous(), clock.instant());
                    }
                }
            });
        }
    }

    /** The stored rows of these batches, by batch, as ingestion resolved them. */
    private static Map<Long, List<ResolvedEvent>> byBatch(List<ClickHouseUsageEvents.Row> rows, Set<Long> batches) {
        Map<Long, List<ResolvedEvent>> byBatch = new HashMap<>();
        rows.stream().filter(r -> batches.contains(r.batch_id())).forEach(r -> byBatch
                .computeIfAbsent(r.batch_id(), b -> new ArrayList<>()).add(ClickHouseUsageEvents.resolved(r)));
        return byBatch;
    }

    /**
     * Moves the batches' rollup rows (grouped as they were stored) into the stage: nothing is read
     * back from ClickHouse. The worker's batches committed (it sees no others): recorded as such
     * again, for a node that stopped between its commit and recording it; and as rolled up once
     * the worker's own transaction commits.
     */
    @Override
    public void stage(List<Long> batchIds) {
        // One row per key, as the stage's readers expect (the upsert may touch a row once).
        bulk.insert("telemetry_rollup_stage", Rollups.COLUMNS,
                batchRollups.take(batchIds).stream().map(RollupRow::values).toList());
        events.markCommitted(batchIds);
        afterCommit(() -> events.markRolledUp(batchIds), "rolled-up batches " + batchIds.size());
    }

    /**
     * First records as rolled up every batch the database says is (a node may have stopped between
     * its commit and recording them), then reads the days' events of those batches. Only batches
     * from the lowest one not rolled up at the last catch-up are compared: all below it were then
     * rolled up and recorded.
     */
    @Override
    public void rollUpDays(LocalDate from, LocalDate to) {
        long since = caughtUpFrom.get();
        Long pending = jdbc.sql("SELECT MIN(id) FROM telemetry_batch WHERE NOT rolled_up").query(Long.class).optional()
                .orElse(null);
        List<Long> rolledUp = jdbc.sql("SELECT id FROM telemetry_batch WHERE rolled_up AND id >= ?").params(since)
                .query(Long.class).list();
        Set<Long> missing = new HashSet<>(rolledUp);
        missing.removeAll(events.rolledUp(since));
        if (!missing.isEmpty()) {
            events.markRolledUp(missing);
        }
        long next = pending != null ? pending : rolledUp.stream().mapToLong(Long::longValue).max().orElse(since - 1) + 1;
        caughtUpFrom.accumulateAndGet(next, Math::max);
        bulk.insert("telemetry_daily_rollup", Rollups.COLUMNS, events.rollupRowsOfDays(from, to).stream()
                .map(RollupRow::values).toList());
    }

    @Override
    public Map<LocalDate, UsageSignals.Latency> dailyLatency(String column, long id, LocalDate from, LocalDate to) {
        return events.dailyLatencyP95(column, id, from, to);
    }

    @Override
    public UsageSignals.Latency latency(String column, long id, Instant from, Instant to) {
        return events.latencyP95(column, id, from, to);
    }

    @Override
    public List<Reported> reported(TelemetrySource source, String idPrefix, LocalDate from, LocalDate to) {
        return events.reported(source, idPrefix, from, to);
    }

    @Override
    public long forgetBefore(TelemetrySource source, LocalDate keepFrom) {
        long events = this.events.countBefore(source, keepFrom);
        this.events.dropMonthsBefore(source, YearMonth.from(keepFrom));
        long keys = 0;
        if (keyPartitions.partitioned()) {
            // Whole months, as the events' (keepFrom is the first day of a month).
            keys = keyPartitions.dropBefore(source, keepFrom);
        } else {
            for (int n = CHUNK; n == CHUNK; keys += n) {
                n = jdbc.sql("""
                        DELETE FROM telemetry_event_key WHERE (source, event_id, event_day) IN (
                            SELECT source, event_id, event_day FROM telemetry_event_key WHERE source = ? AND event_day < ?
                            LIMIT ?)
                        """).params(source.name(), keepFrom, CHUNK).update();
            }
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
