package dev.pitwall.telemetry.internal;

import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.telemetry.TelemetrySource;
import dev.pitwall.telemetry.UsageEvent;
import dev.pitwall.telemetry.UsageSignals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where raw usage events are kept, and everything that reads them: the database's
 * {@code telemetry_usage_event} ({@link UsageEvents}, PostgreSQL or H2). The rollups, summaries,
 * batches and the registry stay in the database whatever the store; the store groups its events
 * into the rollup stage when the rollup worker asks (docs/scaling.md).
 */
public interface UsageEventStore {

    /**
     * Made ready for events of these days of the source, before (outside) the transaction that
     * stores them: on PostgreSQL the months' partitions of the events table.
     */
    void prepare(TelemetrySource source, Collection<LocalDate> days);

    /**
     * Stores events already checked to be new, in the caller's transaction. A concurrent request
     * that stored one of them first makes it fail with {@link UsageEvents.UsageEventWriteException}
     * ({@code isDuplicate}) or Spring's {@code DuplicateKeyException}.
     */
    void insertAll(TelemetrySource source, List<ResolvedEvent> events, long batchId, Instant now);

    /** Of these keys, those already stored for the source. */
    Set<UsageEvents.Key> existing(TelemetrySource source, Collection<UsageEvents.Key> keys);

    /** The AI system and workflow of stored events, by event id. */
    Map<String, UsageEvents.Link> links(TelemetrySource source, Collection<String> ids);

    /** A page of stored events, newest first. */
    List<UsageEvent> find(UsageEventFilter filter, PageQuery page);

    long count(UsageEventFilter filter);

    /** Events between two days that did not name their workflow, after {@code after}, in key order. */
    List<UsageEvents.Attributable> attributable(LocalDate from, LocalDate to, UsageEvents.Attributable after,
            int limit);

    /** Gives stored events (by key) their new workflow, attribution and rule. */
    void reattribute(List<UsageEvents.Change> changes);

    /** Groups the events of these batches into {@code telemetry_rollup_stage} (empty before). */
    void stage(List<Long> batchIds);

    /** Inserts the grouped events of rolled-up batches of [from, to] into {@code telemetry_daily_rollup}. */
    void rollUpDays(LocalDate from, LocalDate to);

    /**
     * Each day's 95th percentile of latency in [from, to] (PostgreSQL's {@code PERCENTILE_CONT}:
     * interpolated), with how many timed events it was taken over; days without any are absent.
     *
     * @param column {@code workflow_id} or {@code system_id}
     */
    Map<LocalDate, UsageSignals.Latency> dailyLatency(String column, long id, LocalDate from, LocalDate to);

    /** The 95th percentile of latency of the events that occurred in [from, to). */
    UsageSignals.Latency latency(String column, long id, Instant from, Instant to);

    /** A stored event of a usage report: who, which day, and its attributes (JSON, or null). */
    record Reported(LocalDate day, Long personId, String personRef, String eventId, String attributes) {
    }

    /** The events of a report source whose ids begin with {@code idPrefix}, of the days [from, to]. */
    List<Reported> reported(TelemetrySource source, String idPrefix, LocalDate from, LocalDate to);

    /**
     * Removes what this store keeps beyond the database's {@code telemetry_usage_event} of the
     * source's days before {@code keepFrom} (retention, after the database's own partitions or rows
     * went); how many events that was. The database store keeps nothing elsewhere.
     */
    long forgetBefore(TelemetrySource source, LocalDate keepFrom);

    /**
     * The months of which the store keeps each source's events, oldest first: what retention drops
     * whole (PostgreSQL's partitions or ClickHouse's; none on H2, which deletes rows).
     */
    Map<TelemetrySource, List<YearMonth>> monthsKept();
}
