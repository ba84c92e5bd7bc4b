package dev.pitwall.telemetry;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.SystemActor;
import dev.pitwall.telemetry.internal.RetentionFloor;
import dev.pitwall.telemetry.internal.UsageEventPartitions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes raw usage events older than their source's retention ({@code pitwall.telemetry.retention.*},
 * 13 months unless set), keeping the daily rollups that scorecards read, so every figure stays what
 * it was. Pending batches are rolled up first; then the sources' retention floors are raised (from
 * then on, ingestion refuses a source's events of those days and rollups of those days are not
 * rebuilt), then the events go: whole monthly partitions on PostgreSQL, chunks of rows on H2.
 * Audited.
 */
@Component
@EnableConfigurationProperties(UsageRetentionProperties.class)
public class UsageEventRetention implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UsageEventRetention.class);
    private static final int CHUNK = 10_000;

    private final UsageRetentionProperties properties;
    private final RetentionFloor floor;
    private final RollupService rollups;
    private final AuditLog auditLog;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "usage-retention");
        thread.setDaemon(true);
        return thread;
    });

    private final dev.pitwall.telemetry.discovery.AiDiscovery discovery;
    private final dev.pitwall.telemetry.github.GitHubTeams githubTeams;
    private final UsageEventPartitions partitions;
    private final dev.pitwall.telemetry.internal.UsageEventStore store;

    UsageEventRetention(UsageRetentionProperties properties, RetentionFloor floor, RollupService rollups,
            AuditLog auditLog, TransactionTemplate transactions, Clock clock,
            dev.pitwall.telemetry.discovery.AiDiscovery discovery, dev.pitwall.telemetry.github.GitHubTeams githubTeams,
            UsageEventPartitions partitions, dev.pitwall.telemetry.internal.UsageEventStore store) {
        this.store = store;
        this.partitions = partitions;
        this.discovery = discovery;
        this.githubTeams = githubTeams;
        this.properties = properties;
        this.floor = floor;
        this.rollups = rollups;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What the audit log records of a retention sweep.
     *
     * @param keptFrom the rebuild floor after it: the latest first kept day of all sources
     * @param sources the first kept day of each source whose floor moved
     */
    record Swept(LocalDate keptFrom, Map<TelemetrySource, LocalDate> sources, long eventsDeleted,
            long proxyRequestsDeleted, long githubTeamMembershipsDeleted) {
    }

    /**
     * What is kept of one source's raw usage events, for the Telemetry page.
     *
     * @param period how long they are kept, or {@code null}: all of them
     * @param keptFrom the first day kept since the last sweep that moved it, or {@code null}: nothing deleted yet
     * @param partitions the months of the source's events kept, each dropped whole by retention (PostgreSQL's
     *     partitions or ClickHouse's; 0 on H2)
     * @param oldestMonth the oldest of them, or {@code null}
     */
    public record SourceRetention(TelemetrySource source, Period period, LocalDate keptFrom, int partitions,
            java.time.YearMonth oldestMonth) {

        /** The period in words: "13 months", "400 days", "1 year and 6 months". */
        public String periodText() {
            if (period == null) {
                return "all (no retention)";
            }
            List<String> parts = new java.util.ArrayList<>();
            unit(parts, period.getYears(), "year");
            unit(parts, period.getMonths(), "month");
            unit(parts, period.getDays(), "day");
            return parts.isEmpty() ? "0 days" : String.join(" and ", parts);
        }

        private static void unit(List<String> parts, int n, String unit) {
            if (n != 0) {
                parts.add(n + " " + unit + (n == 1 ? "" : "s"));
            }
        }
    }

    /** What is kept of each source of usage events. */
    public Map<TelemetrySource, SourceRetention> retention() {
        Map<TelemetrySource, List<java.time.YearMonth>> bySource = store.monthsKept();
        Map<TelemetrySource, LocalDate> floors = floor.keptFromEach();
        Map<TelemetrySource, SourceRetention> retention = new EnumMap<>(TelemetrySource.class);
        for (TelemetrySource source : TelemetrySource.values()) {
            if (source.keepsOwnRawEvents()) {
                List<java.time.YearMonth> months = bySource.getOrDefault(source, List.of());
                retention.put(source, new SourceRetention(source, properties.of(source), floors.get(source),
                        months.size(), months.isEmpty() ? null : months.get(0)));
            }
        }
        return retention;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        // This month's and next month's partitions of every source with events, made ahead each day.
        worker.scheduleWithFixedDelay(this::createPartitionsSafely, 0, 1, TimeUnit.DAYS);
        if (properties.any()) {
            long every = properties.sweep().toMillis();
            worker.scheduleWithFixedDelay(this::sweepSafely, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Applies the retention now; how many raw events it deleted. Whole calendar months go: a
     * source's events are kept from the first day of the month that holds (today − its period), so
     * for at least the period and less than a month longer, and on PostgreSQL its partitions of
     * older months are dropped.
     */
    public long sweep() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<TelemetrySource, LocalDate> floors = floor.keptFromEach();
        Map<TelemetrySource, LocalDate> moved = new EnumMap<>(TelemetrySource.class);
        for (TelemetrySource source : TelemetrySource.values()) {
            Period period = properties.of(source);
            if (period == null || !source.keepsOwnRawEvents()) {
                continue;
            }
            LocalDate keepFrom = today.minus(period).withDayOfMonth(1);
            if (floors.get(source) == null || floors.get(source).isBefore(keepFrom)) {
                moved.put(source, keepFrom);
            }
        }
        if (moved.isEmpty()) {
            return 0;
        }
        rollups.rollUpPending();
        transactions.executeWithoutResult(status -> {
            rollups.lockForRebuild();
            moved.forEach((source, day) -> floor.raiseTo(source, day, clock.instant()));
        });
        long deleted = 0;
        for (Map.Entry<TelemetrySource, LocalDate> m : moved.entrySet()) {
            deleted += deleteBefore(m.getKey(), m.getValue());
        }
        long total = deleted;
        // The web-proxy requests found by AI discovery are raw data about people too.
        long requests = moved.containsKey(TelemetrySource.PROXY_LOG)
                ? discovery.forgetBefore(moved.get(TelemetrySource.PROXY_LOG)) : 0;
        // So are GitHub's team memberships of people.
        long memberships = moved.containsKey(TelemetrySource.GITHUB_COPILOT)
                ? transactions.execute(status -> githubTeams.forgetBefore(moved.get(TelemetrySource.GITHUB_COPILOT)))
                : 0;
        LocalDate rebuildFloor = floor.rebuildFloor().orElseThrow();
        SystemActor.runAs("retention", () -> transactions.execute(status -> auditLog.append(
                AuditRecord.created("USAGE_RETENTION", rebuildFloor.toString(),
                        new Swept(rebuildFloor, moved, total, requests, memberships)))));
        log.info("Raw usage events of days no longer kept deleted: {} (their rollups kept), first days kept {}; "
                + "web-proxy requests to AI services: {}; GitHub team memberships: {}", total, moved, requests, memberships);
        return total;
    }

    /**
     * Drops the source's months before the day (PostgreSQL) or deletes their events in chunks (H2),
     * then what the event store keeps elsewhere (ClickHouse).
     */
    private long deleteBefore(TelemetrySource source, LocalDate keepFrom) {
        return deleteFromDatabaseBefore(source, keepFrom) + store.forgetBefore(source, keepFrom);
    }

    private long deleteFromDatabaseBefore(TelemetrySource source, LocalDate keepFrom) {
        if (partitions.partitioned()) {
            return partitions.dropBefore(source, keepFrom);
        }
        long deleted = 0;
        for (int n = CHUNK; n == CHUNK; deleted += n) {
            n = transactions.execute(status -> floor.deleteEventsBefore(source, keepFrom, CHUNK));
        }
        return deleted;
    }

    private void createPartitionsSafely() {
        try {
            partitions.createAhead();
        } catch (RuntimeException e) {
            log.warn("Creating the coming months' partitions of raw usage events failed; it runs again tomorrow, "
                    + "and events of a month without one create it as they arrive", e);
        }
    }

    private void sweepSafely() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("The retention sweep of raw usage events failed; it runs again later", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
